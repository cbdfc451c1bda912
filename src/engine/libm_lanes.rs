//! Logarithms and exponentials two at a time, the same bits as `libm::log` and `libm::exp` on
//! each lane: their algorithms (FreeBSD's `e_log.c` and `e_exp.c`, which libm ports) in
//! [`F64x2`] lanes, each number off their main path answered by libm itself. The engine's
//! contract is the same bits natively and in the browser, so it keeps libm's functions rather
//! than the platform's; the green ratios' two logits a path-year were a seventh of a run, the
//! new green space's lognormal factor a tenth.

use super::lanes::{F64x2, U64x2, TWO_TO_THE_52};

// libm's constants of `log`, by their bits.

const LN2_HI: f64 = f64::from_bits(0x3fe62e42_fee00000);
const LN2_LO: f64 = f64::from_bits(0x3dea39ef_35793c76);
const LG1: f64 = f64::from_bits(0x3fe55555_55555593);
const LG2: f64 = f64::from_bits(0x3fd99999_9997fa04);
const LG3: f64 = f64::from_bits(0x3fd24924_94229359);
const LG4: f64 = f64::from_bits(0x3fcc71c5_1d8e78af);
const LG5: f64 = f64::from_bits(0x3fc74664_96cb03de);
const LG6: f64 = f64::from_bits(0x3fc39a09_d078c69f);
const LG7: f64 = f64::from_bits(0x3fc2f112_df3e5244);

/// Whether `log` takes its main path for `x`: a positive normal number (not 0, a subnormal,
/// a negative number, infinity or NaN, which it answers apart).
fn on_main_path(x: f64) -> bool {
    (f64::MIN_POSITIVE..f64::INFINITY).contains(&x)
}

/// `[libm::log(a), libm::log(b)]`, bit for bit.
pub fn log_pair(a: f64, b: f64) -> [f64; 2] {
    log_lanes(F64x2::new(a, b))
}

/// `[logit(a), logit(b)]` ([`super::logit`]: `libm::log(p / (1 − p))`), bit for bit.
pub fn logit_pair(a: f64, b: f64) -> [f64; 2] {
    logit_lanes(F64x2::new(a, b))
}

/// Each lane's [`super::logit`].
pub(crate) fn logit_lanes(shares: F64x2) -> [f64; 2] {
    log_lanes(shares / (F64x2::splat(1.0) - shares))
}

/// Each lane's `libm::log`.
fn log_lanes(x: F64x2) -> [f64; 2] {
    let [a, b] = x.lanes();
    if !(on_main_path(a) && on_main_path(b)) {
        return [libm::log(a), libm::log(b)];
    }
    let splat = F64x2::splat;
    let bits = x.to_bits();
    // Reduce x into [√2/2, √2]: x = 2^k · (1 + f). (The high word stays below 2³²: no wrap.)
    let high = bits.shr::<32>() + U64x2::splat(0x3ff0_0000 - 0x3fe6_a09e);
    let biased_k =
        F64x2::from_bits(high.shr::<20>() | splat(TWO_TO_THE_52).to_bits()) - splat(TWO_TO_THE_52);
    let k = biased_k - splat(1023.0);
    let high = (high & U64x2::splat(0x000f_ffff)) + U64x2::splat(0x3fe6_a09e);
    let reduced = F64x2::from_bits(high.shl::<32>() | (bits & U64x2::splat(0xffff_ffff)));

    let f = reduced - splat(1.0);
    let hfsq = splat(0.5) * f * f;
    let s = f / (splat(2.0) + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (splat(LG2) + w * (splat(LG4) + w * splat(LG6)));
    let t2 = z * (splat(LG1) + w * (splat(LG3) + w * (splat(LG5) + w * splat(LG7))));
    let r = t2 + t1;
    (s * (hfsq + r) + k * splat(LN2_LO) - hfsq + f + k * splat(LN2_HI)).lanes()
}

// libm's constants of `exp`, by their bits (its ln2 is split as `log`'s).
const INV_LN2: f64 = f64::from_bits(0x3ff71547_652b82fe);
const P1: f64 = f64::from_bits(0x3fc55555_5555553e);
const P2: f64 = f64::from_bits(0xbf66c16c_16bebd93);
const P3: f64 = f64::from_bits(0x3f11566a_af25de2c);
const P4: f64 = f64::from_bits(0xbebbbd41_c5d26bf1);
const P5: f64 = f64::from_bits(0x3e663769_72bea4d0);
/// Past this, `exp` comes near its overflow or its subnormal results, which libm answers apart
/// (from |x| ≈ 708.4); within it, 2^k is a normal number and scaling by it is exact.
const EXP_MAIN_PATH: f64 = 700.0;

/// `[libm::exp(a), libm::exp(b)]`, bit for bit.
pub fn exp_pair(a: f64, b: f64) -> [f64; 2] {
    let (Some(ka), Some(kb)) = (exp_reduction(a), exp_reduction(b)) else {
        return [libm::exp(a), libm::exp(b)];
    };
    let splat = F64x2::splat;
    let x = F64x2::new(a, b);
    // x = k·ln2 + r; k = 0 leaves x as it is (x − 0·ln2_hi = x), as libm's small-|x| branch.
    let k = F64x2::new(f64::from(ka), f64::from(kb));
    let hi = x - k * splat(LN2_HI);
    let lo = k * splat(LN2_LO);
    let r = hi - lo;
    let rr = r * r;
    let c = r - rr
        * (splat(P1) + rr * (splat(P2) + rr * (splat(P3) + rr * (splat(P4) + rr * splat(P5)))));
    let y = splat(1.0) + (r * c / (splat(2.0) - c) - lo + hi);
    // libm's `scalbn(y, k)` is y · 2^k, exact for these k (and y itself for k = 0).
    (y * F64x2::new(power_of_two(ka), power_of_two(kb))).lanes()
}

/// libm's k for `exp(x)` (x = k·ln2 + r, |r| ≤ ln2/2), when x is on its main path: not NaN,
/// |x| above 2⁻²⁸ (libm answers 1 + x below) and below [`EXP_MAIN_PATH`].
fn exp_reduction(x: f64) -> Option<i32> {
    let high = ((x.to_bits() >> 32) as u32) & 0x7fff_ffff;
    let negative = x.is_sign_negative();
    if high <= 0x3e30_0000 || x.is_nan() || x.abs() >= EXP_MAIN_PATH {
        return None;
    }
    Some(if high <= 0x3fd6_2e42 {
        // |x| ≤ ln2/2
        0
    } else if high < 0x3ff0_a2b2 {
        // |x| < 3·ln2/2
        if negative {
            -1
        } else {
            1
        }
    } else {
        (INV_LN2 * x + if negative { -0.5 } else { 0.5 }) as i32
    })
}

/// 2^k for k within ±1022, exactly.
fn power_of_two(k: i32) -> f64 {
    f64::from_bits(((0x3ff + i64::from(k)) as u64) << 52)
}
