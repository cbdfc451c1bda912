//! Sets of values for the percentiles and the reference they must equal, natively and in the
//! browser: the same numbers on both.

use super::lanes::splitmix;

/// A set of values, and whether the counting pass must answer for it (its buckets, found eight
/// values at a time in lanes, are then what the test checks).
pub struct PercentileSet {
    pub values: Vec<f64>,
    pub counted: bool,
}

/// Sets of every kind at lengths that are and are not multiples of eight, from the least the
/// counting pass takes (256) to a run's 10,000: even spreads, which the counting pass answers;
/// bell shapes below zero and spreads over magnitudes, which it answers from 1,000 values (at a
/// few hundred they may crowd its buckets); ties, which crowd them (selection answers). Each also with a far outlier each way, off the sample
/// that places the buckets (every n/128-th value from the first): they go to the end buckets.
pub fn percentile_sets() -> Vec<PercentileSet> {
    let mut next = splitmix(0x9E7C_E471);
    let unit = |bits: u64| (bits >> 11) as f64 / (1u64 << 53) as f64;
    let mut sets = Vec::new();
    for length in [256, 257, 263, 1000, 4099, 10_000] {
        for kind in 0..4 {
            let values: Vec<f64> = (0..length)
                .map(|_| match kind {
                    0 => 1e3 * (unit(next()) - 0.5),
                    1 => -500.0 + 10.0 * ((0..4).map(|_| unit(next())).sum::<f64>() - 2.0),
                    2 => -3.0 + libm::exp(3.0 * unit(next())),
                    _ => (20.0 * unit(next())).floor() - 10.0,
                })
                .collect();
            // Where the counting pass must answer: its buckets, not selection, are checked.
            let counted = match kind {
                0 => true,
                1 | 2 => length >= 1000,
                _ => false,
            };
            let mut with_outliers = values.clone();
            with_outliers[1] = 1e300;
            with_outliers[length - 1] = -1e300;
            sets.push(PercentileSet { values, counted });
            sets.push(PercentileSet {
                values: with_outliers,
                counted,
            });
        }
    }
    sets
}

/// Type-7 percentiles from a sorted copy: the reference any faster way must equal exactly.
pub fn percentiles_by_sorting(values: &[f64], quantiles: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    quantiles
        .iter()
        .map(|q| {
            let position = (sorted.len() - 1) as f64 * q;
            let lower = position.floor() as usize;
            let fraction = position - lower as f64;
            match sorted.get(lower + 1) {
                Some(&high) if fraction > 0.0 => sorted[lower] + fraction * (high - sorted[lower]),
                _ => sorted[lower],
            }
        })
        .collect()
}

/// The quantiles the sets are checked at: a run's five and both ends.
pub const QUANTILES: [f64; 7] = [0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0];
