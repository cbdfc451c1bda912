//! Decisions on top of the engine: which lever or assumption moves the odds most
//! ([`tornado`]), and how far a lever must move to make a target likely ([`goal_seek`]).
//!
//! Every comparison is paired: the runs share the seed, so path `i` draws the same random
//! numbers in each (common random numbers), and a difference comes from the change, not from
//! noise. Its standard error is that of the mean of the per-path differences.

pub mod goal_seek;
pub mod jobs;
pub mod level;
pub mod steps;
pub mod tornado;

use crate::engine::Summary;
use crate::plan::TargetId;
use crate::scenario::targets::MAX_USER_TARGETS;
use serde::{Deserialize, Serialize};

/// What an analysis looks at: one of the plan's targets' chance, the chance that all ten are met
/// together, the expected number of the ten met (a count, not a chance), or the chance of a
/// target of one's own (by its place in the scenario's list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    Target(TargetId),
    AllMet,
    ExpectedMet,
    Own(u8),
}

/// The keys of the targets of one's own as measures: `own0` … `own7`, by their place.
const OWN_KEYS: [&str; MAX_USER_TARGETS] = [
    "own0", "own1", "own2", "own3", "own4", "own5", "own6", "own7",
];

impl Measure {
    /// Every measure: the ten targets, then all met, then the expected number met.
    pub fn all() -> Vec<Measure> {
        TargetId::ALL
            .into_iter()
            .map(Measure::Target)
            .chain([Measure::AllMet, Measure::ExpectedMet])
            .collect()
    }

    /// Every measure of a scenario with `own` targets of its own: [`Measure::all`], then one
    /// per target of one's own.
    pub fn all_with_own(own: usize) -> Vec<Measure> {
        let own = own.min(MAX_USER_TARGETS) as u8;
        Measure::all()
            .into_iter()
            .chain((0..own).map(Measure::Own))
            .collect()
    }

    /// Its key in the CLI and the page: a target's key, `all`, `expected`, or `own0` … `own7`.
    pub fn key(self) -> &'static str {
        match self {
            Measure::Target(id) => id.key(),
            Measure::AllMet => "all",
            Measure::ExpectedMet => "expected",
            Measure::Own(k) => OWN_KEYS.get(usize::from(k)).copied().unwrap_or("own"),
        }
    }

    pub fn from_key(key: &str) -> Option<Measure> {
        Measure::all_with_own(MAX_USER_TARGETS)
            .into_iter()
            .find(|m| m.key() == key)
    }

    /// Whether the measure is a count of targets (else a chance, a fraction).
    pub fn is_count(self) -> bool {
        self == Measure::ExpectedMet
    }

    /// The measure on path `path`: 1 or 0 for a chance, the number of targets met for a count.
    fn on_path(self, summary: &Summary, path: usize) -> f64 {
        let outcomes = &summary.outcomes;
        // All met and the number met are the plan's ten's; one's own targets follow them.
        let plan = 0..TargetId::ALL.len().min(outcomes.targets());
        match self {
            Measure::Target(id) => f64::from(u8::from(outcomes.met(id.index(), path))),
            Measure::AllMet => f64::from(u8::from(
                plan.clone().all(|target| outcomes.met(target, path)),
            )),
            Measure::ExpectedMet => {
                plan.filter(|&target| outcomes.met(target, path)).count() as f64
            }
            Measure::Own(k) => {
                let index = TargetId::ALL.len() + usize::from(k);
                let met = index < outcomes.targets() && outcomes.met(index, path);
                f64::from(u8::from(met))
            }
        }
    }
}

/// A measure in two runs and the difference, over the same paths.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairedChange {
    pub measure: Measure,
    /// In the run compared with (the current scenario).
    pub base: f64,
    /// In the changed run.
    pub value: f64,
    /// `value − base`.
    pub delta: f64,
    /// The standard error of `delta`: paired when both runs share their seed, else the two
    /// runs' errors combined as independent.
    pub std_error: f64,
}

/// The measure's mean and its standard error over the first `n` paths of `summary`.
fn mean_and_error(summary: &Summary, measure: Measure, n: usize) -> (f64, f64) {
    let (mut sum, mut squares) = (0.0, 0.0);
    for path in 0..n {
        let x = measure.on_path(summary, path);
        sum += x;
        squares += x * x;
    }
    let count = n.max(1) as f64;
    let mean = sum / count;
    let variance = (squares / count - mean * mean).max(0.0);
    (mean, (variance / count).sqrt())
}

/// The measure over all of a run's paths (a chance, or the expected number met).
pub fn level(summary: &Summary, measure: Measure) -> f64 {
    mean_and_error(summary, measure, summary.outcomes.paths() as usize).0
}

/// How `measure` changes from `base` to `other`. With the same seed, over the paths both ran,
/// path by path; else as two independent estimates.
pub fn paired_change(base: &Summary, other: &Summary, measure: Measure) -> PairedChange {
    let n = base
        .outcomes
        .paths()
        .min(other.outcomes.paths())
        .min(base.paths)
        .min(other.paths) as usize;
    if base.seed != other.seed {
        let (a, a_se) = mean_and_error(base, measure, base.outcomes.paths() as usize);
        let (b, b_se) = mean_and_error(other, measure, other.outcomes.paths() as usize);
        return PairedChange {
            measure,
            base: a,
            value: b,
            delta: b - a,
            std_error: a_se.hypot(b_se),
        };
    }
    let (mut sum_a, mut sum_b, mut sum_d, mut squares_d) = (0.0, 0.0, 0.0, 0.0);
    for path in 0..n {
        let (a, b) = (measure.on_path(base, path), measure.on_path(other, path));
        sum_a += a;
        sum_b += b;
        sum_d += b - a;
        squares_d += (b - a) * (b - a);
    }
    let count = n.max(1) as f64;
    let delta = sum_d / count;
    let variance = (squares_d / count - delta * delta).max(0.0);
    PairedChange {
        measure,
        base: sum_a / count,
        value: sum_b / count,
        delta,
        std_error: (variance / count).sqrt(),
    }
}

/// Every measure's change from `base` to `other`, in the order of [`Measure::all`].
pub fn all_changes(base: &Summary, other: &Summary) -> Vec<PairedChange> {
    Measure::all()
        .into_iter()
        .map(|measure| paired_change(base, other, measure))
        .collect()
}
