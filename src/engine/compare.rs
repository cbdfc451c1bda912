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
        let unchanged = paired && self.met_a_only == 0 && self.met_b_only == 0;
        classify(unchanged, self.delta, self.std_error)
    }
}

/// The one ladder of words for a difference: none when nothing changed, noise within two
/// standard errors of zero, else its direction.
fn classify(unchanged: bool, delta: f64, std_error: f64) -> Change {
    if unchanged {
        Change::None
    } else if delta.abs() <= 2.0 * std_error {
        Change::Noise
    } else if delta > 0.0 {
        Change::Up
    } else {
        Change::Down
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

/// Over the first `common` paths, how many meet `a`'s outcome `ia` only, `b`'s outcome `ib`
/// only, and both: the counts a paired difference is made of.
fn paired_counts(a: &Summary, ia: usize, b: &Summary, ib: usize, common: u32) -> (u32, u32, u32) {
    let (mut a_only, mut b_only, mut both) = (0, 0, 0);
    for path in 0..common as usize {
        match (a.outcomes.met(ia, path), b.outcomes.met(ib, path)) {
            (true, false) => a_only += 1,
            (false, true) => b_only += 1,
            (true, true) => both += 1,
            (false, false) => {}
        }
    }
    (a_only, b_only, both)
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
                let (a_only, b_only, both) = paired_counts(a, index, b, index, common);
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

/// How the whole changed from A to B: the chance that every target is met and the expected
/// number met, each in A and in B, with Δ and its standard error (paired path by path when the
/// seeds are the same, from each path's own count).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JointDifference {
    pub all_met: Moved,
    pub expected_met: Moved,
    pub pairing: Pairing,
}

/// One number in A and in B, Δ = B − A, and Δ's standard error.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moved {
    pub a: f64,
    pub b: f64,
    pub delta: f64,
    pub std_error: f64,
}

impl Moved {
    /// What the difference amounts to: within two standard errors of zero is noise.
    pub fn change(&self) -> Change {
        classify(
            self.delta == 0.0 && self.std_error == 0.0,
            self.delta,
            self.std_error,
        )
    }
}

/// The change of the targets met together from `a` to `b`.
pub fn joint_difference(a: &Summary, b: &Summary) -> JointDifference {
    // The plan's ten (targets of one's own, after them, are not the plan's whole).
    let targets = TargetId::ALL
        .len()
        .min(a.outcomes.targets())
        .min(b.outcomes.targets());
    let common = a.paths.min(b.paths);
    let paired = a.seed == b.seed
        && targets == TargetId::ALL.len()
        && a.outcomes.paths() >= common
        && b.outcomes.paths() >= common
        && common > 0;
    if !paired {
        let (joint_a, joint_b) = (a.joint(), b.joint());
        let independent = |(pa, sa): (f64, f64), (pb, sb): (f64, f64)| Moved {
            a: pa,
            b: pb,
            delta: pb - pa,
            std_error: sa.hypot(sb),
        };
        return JointDifference {
            all_met: independent(joint_a.all_met(), joint_b.all_met()),
            expected_met: independent(joint_a.expected_met(), joint_b.expected_met()),
            pairing: Pairing::Independent,
        };
    }
    let met = |outcomes: &super::Outcomes, path: usize| {
        (0..targets).filter(|&k| outcomes.met(k, path)).count()
    };
    let (mut all_a, mut all_b, mut a_only, mut b_only) = (0u32, 0u32, 0u32, 0u32);
    let (mut sum_a, mut sum_b, mut sum_d, mut sum_d2) = (0.0, 0.0, 0.0, 0.0);
    for path in 0..common as usize {
        let (count_a, count_b) = (met(&a.outcomes, path), met(&b.outcomes, path));
        let (every_a, every_b) = (count_a == targets, count_b == targets);
        all_a += u32::from(every_a);
        all_b += u32::from(every_b);
        a_only += u32::from(every_a && !every_b);
        b_only += u32::from(every_b && !every_a);
        let d = count_b as f64 - count_a as f64;
        sum_a += count_a as f64;
        sum_b += count_b as f64;
        sum_d += d;
        sum_d2 += d * d;
    }
    let n = f64::from(common);
    let (delta_all, se_all) = paired_delta(common, a_only, b_only);
    let mean_d = sum_d / n;
    // The sample variance of the per-path differences, over n for the mean's.
    let variance_d = if common > 1 {
        ((sum_d2 - n * mean_d * mean_d) / (n - 1.0)).max(0.0)
    } else {
        0.0
    };
    JointDifference {
        all_met: Moved {
            a: f64::from(all_a) / n,
            b: f64::from(all_b) / n,
            delta: delta_all,
            std_error: se_all,
        },
        expected_met: Moved {
            a: sum_a / n,
            b: sum_b / n,
            delta: mean_d,
            std_error: (variance_d / n).sqrt(),
        },
        pairing: Pairing::Paired { paths: common },
    }
}

/// How each target of one's own of B changed from A, where A has the same target (same name,
/// same definition): paired path by path when the seeds are the same. In B's order; `None` for a
/// target A does not have.
pub fn own_differences(
    a_scenario: &crate::scenario::Scenario,
    a: &Summary,
    b_scenario: &crate::scenario::Scenario,
    b: &Summary,
) -> Vec<Option<Moved>> {
    let plan = TargetId::ALL.len();
    b_scenario
        .targets()
        .iter()
        .enumerate()
        .map(|(kb, target)| {
            let ka = a_scenario.targets().iter().position(|t| t == target)?;
            let (result_a, result_b) = (a.user_targets.get(ka)?, b.user_targets.get(kb)?);
            let common = a.paths.min(b.paths);
            let (ia, ib) = (plan + ka, plan + kb);
            let paired = a.seed == b.seed
                && ia < a.outcomes.targets()
                && ib < b.outcomes.targets()
                && a.outcomes.paths() >= common
                && b.outcomes.paths() >= common;
            if !paired {
                return Some(Moved {
                    a: result_a.probability,
                    b: result_b.probability,
                    delta: result_b.probability - result_a.probability,
                    std_error: result_a.std_error.hypot(result_b.std_error),
                });
            }
            let (a_only, b_only, both) = paired_counts(a, ia, b, ib, common);
            let (delta, std_error) = paired_delta(common, a_only, b_only);
            let n = f64::from(common.max(1));
            Some(Moved {
                a: f64::from(a_only + both) / n,
                b: f64::from(b_only + both) / n,
                delta,
                std_error,
            })
        })
        .collect()
}
