//! Two numbers at once (eight, narrowed, for the percentiles' buckets): wasm's 128-bit SIMD
//! where the build has it (`.cargo/config.toml`), plain numbers elsewhere. Each operation is the
//! same IEEE operation on each lane either way (no fused multiply-add, no reassociation), so both
//! give the same bits as the scalar code they replace; natively the plain form runs the same
//! algorithms the browser runs.

/// Two `f64` lanes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F64x2(imp::F64s);

/// Two `u64` lanes, for the bits of [`F64x2`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct U64x2(imp::U64s);

impl F64x2 {
    pub(crate) fn new(a: f64, b: f64) -> F64x2 {
        F64x2(imp::f64s(a, b))
    }

    pub(crate) fn splat(x: f64) -> F64x2 {
        F64x2::new(x, x)
    }

    pub(crate) fn lanes(self) -> [f64; 2] {
        imp::f64_lanes(self.0)
    }

    pub(crate) fn to_bits(self) -> U64x2 {
        U64x2(imp::to_bits(self.0))
    }

    pub(crate) fn from_bits(bits: U64x2) -> F64x2 {
        F64x2(imp::from_bits(bits.0))
    }

    /// Each lane's `if self < other { self } else { other }`: `f64::min` would differ on NaN
    /// and wasm has no instruction for it.
    pub(crate) fn less_or(self, other: F64x2) -> F64x2 {
        F64x2(imp::less_or(self.0, other.0))
    }

    /// Each lane's `if self > other { self } else { other }` (see [`F64x2::less_or`]).
    pub(crate) fn greater_or(self, other: F64x2) -> F64x2 {
        F64x2(imp::greater_or(self.0, other.0))
    }

    /// Each lane of four pairs, each in [0, 65535], rounded to the nearest whole number (ties to
    /// even), in order: the low 16 bits of `x + 2⁵²`, eight at once, so that wasm gathers them
    /// in its lanes and hands them out as two words rather than lane by lane.
    pub(crate) fn rounded_u16s(pairs: [F64x2; 4]) -> [u16; 8] {
        imp::rounded_u16s(pairs.map(|pair| pair.0))
    }
}

impl U64x2 {
    pub(crate) fn splat(x: u64) -> U64x2 {
        U64x2(imp::u64s(x, x))
    }

    pub(crate) fn shr<const N: u32>(self) -> U64x2 {
        U64x2(imp::shr::<N>(self.0))
    }

    pub(crate) fn shl<const N: u32>(self) -> U64x2 {
        U64x2(imp::shl::<N>(self.0))
    }
}

/// 2⁵²: a number in [0, 2⁵²) plus this is rounded to a whole number, which its low bits hold
/// (and `from_bits(n | bits(2⁵²)) − 2⁵²` is the integer n < 2⁵² as an `f64`, exactly).
pub(super) const TWO_TO_THE_52: f64 = 4_503_599_627_370_496.0;

macro_rules! lane_op {
    ($type:ident, $trait:ident, $method:ident, $imp:path) => {
        impl std::ops::$trait for $type {
            type Output = $type;
            fn $method(self, other: $type) -> $type {
                $type($imp(self.0, other.0))
            }
        }
    };
}

lane_op!(F64x2, Add, add, imp::add);
lane_op!(F64x2, Sub, sub, imp::sub);
lane_op!(F64x2, Mul, mul, imp::mul);
lane_op!(F64x2, Div, div, imp::div);
lane_op!(U64x2, Add, add, imp::wrapping_add);
lane_op!(U64x2, BitAnd, bitand, imp::and);
lane_op!(U64x2, BitOr, bitor, imp::or);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use super::TWO_TO_THE_52;
    use core::arch::wasm32::*;

    pub(super) type F64s = v128;
    pub(super) type U64s = v128;

    pub(super) fn f64s(a: f64, b: f64) -> v128 {
        f64x2(a, b)
    }
    pub(super) fn u64s(a: u64, b: u64) -> v128 {
        u64x2(a, b)
    }
    pub(super) fn f64_lanes(v: v128) -> [f64; 2] {
        [f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v)]
    }
    // The bits of a v128 are its lanes' bits whatever their type.
    pub(super) fn to_bits(v: v128) -> v128 {
        v
    }
    pub(super) fn from_bits(v: v128) -> v128 {
        v
    }
    pub(super) fn shr<const N: u32>(v: v128) -> v128 {
        u64x2_shr(v, N)
    }
    pub(super) fn shl<const N: u32>(v: v128) -> v128 {
        u64x2_shl(v, N)
    }
    pub(super) fn add(a: v128, b: v128) -> v128 {
        f64x2_add(a, b)
    }
    pub(super) fn sub(a: v128, b: v128) -> v128 {
        f64x2_sub(a, b)
    }
    pub(super) fn mul(a: v128, b: v128) -> v128 {
        f64x2_mul(a, b)
    }
    pub(super) fn div(a: v128, b: v128) -> v128 {
        f64x2_div(a, b)
    }
    pub(super) fn less_or(a: v128, b: v128) -> v128 {
        // pmin(b, a) is `a < b ? a : b`, lane by lane.
        f64x2_pmin(b, a)
    }
    pub(super) fn greater_or(a: v128, b: v128) -> v128 {
        // pmax(b, a) is `b < a ? a : b`, lane by lane.
        f64x2_pmax(b, a)
    }
    pub(super) fn rounded_u16s(pairs: [v128; 4]) -> [u16; 8] {
        let magic = f64x2_splat(TWO_TO_THE_52);
        let [a, b, c, d] = pairs.map(|pair| f64x2_add(pair, magic));
        // The low 16 bits of each lane: u16 lanes 0 and 4 of each vector.
        let first = i16x8_shuffle::<0, 4, 8, 12, 0, 0, 0, 0>(a, b);
        let second = i16x8_shuffle::<0, 4, 8, 12, 0, 0, 0, 0>(c, d);
        let words = [
            u64x2_extract_lane::<0>(first),
            u64x2_extract_lane::<0>(second),
        ];
        std::array::from_fn(|i| (words[i / 4] >> (16 * (i % 4))) as u16)
    }
    pub(super) fn wrapping_add(a: v128, b: v128) -> v128 {
        i64x2_add(a, b)
    }
    pub(super) fn and(a: v128, b: v128) -> v128 {
        v128_and(a, b)
    }
    pub(super) fn or(a: v128, b: v128) -> v128 {
        v128_or(a, b)
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    pub(super) type F64s = [f64; 2];
    pub(super) type U64s = [u64; 2];

    fn each<T: Copy>(a: [T; 2], b: [T; 2], op: impl Fn(T, T) -> T) -> [T; 2] {
        [op(a[0], b[0]), op(a[1], b[1])]
    }

    pub(super) fn f64s(a: f64, b: f64) -> [f64; 2] {
        [a, b]
    }
    pub(super) fn u64s(a: u64, b: u64) -> [u64; 2] {
        [a, b]
    }
    pub(super) fn f64_lanes(v: [f64; 2]) -> [f64; 2] {
        v
    }
    pub(super) fn to_bits(v: [f64; 2]) -> [u64; 2] {
        v.map(f64::to_bits)
    }
    pub(super) fn from_bits(v: [u64; 2]) -> [f64; 2] {
        v.map(f64::from_bits)
    }
    pub(super) fn shr<const N: u32>(v: [u64; 2]) -> [u64; 2] {
        v.map(|x| x >> N)
    }
    pub(super) fn shl<const N: u32>(v: [u64; 2]) -> [u64; 2] {
        v.map(|x| x << N)
    }
    pub(super) fn add(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
        each(a, b, |x, y| x + y)
    }
    pub(super) fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
        each(a, b, |x, y| x - y)
    }
    pub(super) fn mul(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
        each(a, b, |x, y| x * y)
    }
    pub(super) fn div(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
        each(a, b, |x, y| x / y)
    }
    pub(super) fn less_or(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
        each(a, b, |x, y| if x < y { x } else { y })
    }
    pub(super) fn greater_or(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
        each(a, b, |x, y| if x > y { x } else { y })
    }
    pub(super) fn rounded_u16s(pairs: [[f64; 2]; 4]) -> [u16; 8] {
        std::array::from_fn(|i| (pairs[i / 2][i % 2] + super::TWO_TO_THE_52).to_bits() as u16)
    }
    pub(super) fn wrapping_add(a: [u64; 2], b: [u64; 2]) -> [u64; 2] {
        each(a, b, u64::wrapping_add)
    }
    pub(super) fn and(a: [u64; 2], b: [u64; 2]) -> [u64; 2] {
        each(a, b, |x, y| x & y)
    }
    pub(super) fn or(a: [u64; 2], b: [u64; 2]) -> [u64; 2] {
        each(a, b, |x, y| x | y)
    }
}
