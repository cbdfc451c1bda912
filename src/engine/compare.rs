//! The difference between two runs, target by target, with the standard error of the
//! difference.
//!
//! Two runs with the same seed use the same random numbers on each path (common random numbers),
//! so their outcomes are paired: the difference of the two probabilities is estimated from the
//! paths where the two outcomes disagree, and its variance,
//! Var(Δ̂) = ((n₁₀ + n₀₁)/n − Δ̂²)/n, is far smaller than that of two independent runs whenever
//! the change leaves most paths' outcomes as they were. With different seeds the runs are
//! independent and the variances add.

use super::Summary;
use crate::plan::TargetId;

/// How Δ was estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pairing {
    /// Same seed: over the paths both runs have, from the outcomes path by path.
    Paired { paths: u32 },
    /// Different seeds: independent estimates, variances added.
    Independent,
}

/// What a difference amounts to, in words rather than colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// No path changed its outcome.
    None,
    /// Within two standard errors of zero: indistinguishable from Monte Carlo noise.
    Noise,
    Up,
    Down,
}

/// The change of one target's probability from run A to run B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetDifference {
    pub id: TargetId,
    pub probability_a: f64,
    pub probability_b: f64,
    /// Δ̂ = P(B) − P(A), as a fraction (over the common paths when paired).
    pub delta: f64,
    pub std_error: f64,
    pub pairing: Pairing,
    /// Paths met in A but not in B (n₁₀), and in B but not in A (n₀₁); zero when independent.
    pub met_a_only: u32,
    pub met_b_only: u32,
}

impl TargetDifference {
    pub fn change(&self) -> Change {
        // "No path changed" is known only of paired runs.
        let paired = matches!(self.pairing, Pairing::Paired { .. });
        if paired && self.met_a_only == 0 && self.met_b_only == 0 {
            Change::None
        } else if self.delta.abs() <= 2.0 * self.std_error {
            Change::Noise
        } else if self.delta > 0.0 {
            Change::Up
        } else {
            Change::Down
        }
    }
}

/// Δ̂ and its standard error from paired counts over `n` paths: `met_a_only` (n₁₀) and
/// `met_b_only` (n₀₁).
pub fn paired_delta(n: u32, met_a_only: u32, met_b_only: u32) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let n = f64::from(n);
    let delta = (f64::from(met_b_only) - f64::from(met_a_only)) / n;
    let discordant = (f64::from(met_a_only) + f64::from(met_b_only)) / n;
    // Rounding can leave a hair below zero when every discordant path goes one way.
    let variance = ((discordant - delta * delta) / n).max(0.0);
    (delta, variance.sqrt())
}

/// The differences from `a` to `b` for every target, in the order of `b.targets`.
pub fn differences(a: &Summary, b: &Summary) -> Vec<TargetDifference> {
    let paired = a.seed == b.seed;
    let common = a.paths.min(b.paths);
    b.targets
        .iter()
        .filter_map(|result_b| {
            let index = result_b.id.index();
            let result_a = a.target(result_b.id)?;
            let usable = paired
                && index < a.outcomes.targets()
                && index < b.outcomes.targets()
                && a.outcomes.paths() >= common
                && b.outcomes.paths() >= common;
            let difference = if usable {
                let (mut a_only, mut b_only, mut both) = (0, 0, 0);
                for path in 0..common as usize {
                    match (a.outcomes.met(index, path), b.outcomes.met(index, path)) {
                        (true, false) => a_only += 1,
                        (false, true) => b_only += 1,
                        (true, true) => both += 1,
                        (false, false) => {}
                    }
                }
                let (delta, std_error) = paired_delta(common, a_only, b_only);
                // Both chances over the same paths as Δ, so that P(B) − P(A) = Δ on screen even
                // when one run is a preview of fewer paths.
                let n = f64::from(common.max(1));
                TargetDifference {
                    id: result_b.id,
                    probability_a: f64::from(a_only + both) / n,
                    probability_b: f64::from(b_only + both) / n,
                    delta,
                    std_error,
                    pairing: Pairing::Paired { paths: common },
                    met_a_only: a_only,
                    met_b_only: b_only,
                }
            } else {
                TargetDifference {
                    id: result_b.id,
                    probability_a: result_a.probability,
                    probability_b: result_b.probability,
                    delta: result_b.probability - result_a.probability,
                    std_error: result_a.std_error.hypot(result_b.std_error),
                    pairing: Pairing::Independent,
                    met_a_only: 0,
                    met_b_only: 0,
                }
            };
            Some(difference)
        })
        .collect()
}
