//! Natural logarithms two at a time, the same bits as `libm::log` on each lane: its algorithm
//! (FreeBSD's `e_log.c`, which libm ports) in [`F64x2`] lanes. The engine's contract is the
//! same bits natively and in the browser, so it keeps libm's logarithm rather than the
//! platform's; two of them a path-year (the green ratios' logits) were a seventh of a run.

use super::lanes::{F64x2, U64x2};

// libm's constants, by their bits.

const LN2_HI: f64 = f64::from_bits(0x3fe62e42_fee00000);
const LN2_LO: f64 = f64::from_bits(0x3dea39ef_35793c76);
const LG1: f64 = f64::from_bits(0x3fe55555_55555593);
const LG2: f64 = f64::from_bits(0x3fd99999_9997fa04);
const LG3: f64 = f64::from_bits(0x3fd24924_94229359);
const LG4: f64 = f64::from_bits(0x3fcc71c5_1d8e78af);
const LG5: f64 = f64::from_bits(0x3fc74664_96cb03de);
const LG6: f64 = f64::from_bits(0x3fc39a09_d078c69f);
const LG7: f64 = f64::from_bits(0x3fc2f112_df3e5244);
/// 2⁵²: `from_bits(n | bits(2⁵²)) − 2⁵²` is the integer n < 2⁵² as an `f64`, exactly.
const TWO_52: f64 = 4_503_599_627_370_496.0;

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
pub(crate) fn log_lanes(x: F64x2) -> [f64; 2] {
    let [a, b] = x.lanes();
    if !(on_main_path(a) && on_main_path(b)) {
        return [libm::log(a), libm::log(b)];
    }
    let splat = F64x2::splat;
    let bits = x.to_bits();
    // Reduce x into [√2/2, √2]: x = 2^k · (1 + f). (The high word stays below 2³²: no wrap.)
    let high = bits.shr::<32>() + U64x2::splat(0x3ff0_0000 - 0x3fe6_a09e);
    let biased_k = F64x2::from_bits(high.shr::<20>() | splat(TWO_52).to_bits()) - splat(TWO_52);
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
