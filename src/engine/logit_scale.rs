//! The logit scale the engine keeps shares on (`docs/MODEL.md`, "Cheaper summaries of shares"):
//! which series live there, the map back to shares, and the cutoffs that judge a share's rule on
//! its logit with the same result, bit for bit.

use super::percentiles::least_passing;
use crate::plan::SeriesId;

/// The shares that follow a path on the logit scale with an AR(1) deviation, in this order:
/// air quality, inclusive preschool, 3-star approvals, one-visit approvals.
pub const LOGIT_SHARES: [SeriesId; 4] = [
    SeriesId::Air,
    SeriesId::Preschool,
    SeriesId::CultureStar,
    SeriesId::CultureTrip,
];
/// Logits are kept within ±this, so that a share never rounds to exactly 0 or 1 in f64
/// (logistic(30) = 1 − 9.4·10⁻¹⁴); only extreme drifts over many years come near it.
pub const LOGIT_BOUND: f64 = 30.0;

pub fn logit(share: f64) -> f64 {
    libm::log(share / (1.0 - share))
}

pub fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-z))
}

/// The two green ratios, in this order: green-space ratio, green coverage. Their values are
/// on the logit scale too (model version 3: each has its own deviation there).
pub const GREEN_RATIOS: [SeriesId; 2] = [SeriesId::GreenRatio, SeriesId::GreenCover];

/// Whether the engine's values of `series` are on the logit scale (see [`super::PathState::values`]).
pub fn on_logit_scale(series: SeriesId) -> bool {
    LOGIT_SHARES.contains(&series) || GREEN_RATIOS.contains(&series)
}

/// The least logit `z` (within ±[`LOGIT_BOUND`]) whose share passes `passes`, a test that a
/// greater share never fails: then `passes(logistic(z)) == (z >= cutoff)` for every `z` in
/// bounds, so that the rules judge a path on the logit scale with the same result, bit for
/// bit, as on its share. `logistic` never decreases as `z` grows (each of its operations is
/// monotone; tests/model_v2.rs checks the cutoffs' neighbourhoods). `-∞` if every share in
/// bounds passes, `+∞` if none does.
pub fn logit_cutoff(passes: impl Fn(f64) -> bool) -> f64 {
    if passes(logistic(-LOGIT_BOUND)) {
        return f64::NEG_INFINITY;
    }
    if !passes(logistic(LOGIT_BOUND)) {
        return f64::INFINITY;
    }
    least_passing(-LOGIT_BOUND, LOGIT_BOUND, |z| passes(logistic(z)))
}
