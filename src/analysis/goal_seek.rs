//! "What does it take?": the value of one lever, nearest to the current one, at which a measure
//! reaches a required level (a chance of 80 %, or 6 targets expected), by bisection on common
//! random numbers.
//!
//! Where the model guarantees that the measure moves one way with the lever on every path
//! ([`monotonicity`], tested path by path), the search goes straight to the improving end of the
//! lever's range and bisects between the current value and it. Elsewhere it tries both ends,
//! bisects towards the better one, and says that the answer is a value that reaches the level,
//! not necessarily the nearest one. A [`Search`] is a state machine (the page feeds it runs
//! from its workers); [`seek`] drives it here (the CLI, the tests).

use super::{paired_change, Measure, PairedChange};
use crate::engine::Summary;
use crate::plan::TargetId;
use crate::scenario::{Param, Scenario};

/// What to reach, with which lever.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    pub measure: Measure,
    /// The level to reach: a chance (0–1), or a number of targets for the expected number met.
    pub required: f64,
    pub param: Param,
}

/// How a measure moves with a lever, as the model guarantees it path by path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Monotone {
    Increasing,
    Decreasing,
    NotGuaranteed,
}

/// The pairs the model's equations make monotone on every path (higher trend growth or
/// investment never lowers a path's GDP; a deeper downturn never raises it; …). Each is tested
/// path by path in `tests/analysis.rs`.
const GUARANTEED: [(Param, TargetId, Monotone); 8] = [
    (Param::Gdp, TargetId::Gdp, Monotone::Increasing),
    (Param::Inv, TargetId::Gdp, Monotone::Increasing),
    (Param::ShockS, TargetId::Gdp, Monotone::Decreasing),
    (Param::Inc, TargetId::Income, Monotone::Increasing),
    (Param::HtPush, TargetId::HighTech, Monotone::Increasing),
    (Param::Green, TargetId::GreenRatio, Monotone::Increasing),
    (Param::Green, TargetId::GreenCover, Monotone::Increasing),
    (Param::GdpTol, TargetId::Gdp, Monotone::Increasing),
];

pub fn monotonicity(param: Param, measure: Measure) -> Monotone {
    match measure {
        Measure::Target(id) => GUARANTEED
            .iter()
            .find(|(p, t, _)| *p == param && *t == id)
            .map_or(Monotone::NotGuaranteed, |(_, _, m)| *m),
        Measure::AllMet | Measure::ExpectedMet | Measure::Own(_) => Monotone::NotGuaranteed,
    }
}

/// How a search ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The current value already reaches the level.
    AlreadyMet { value: f64, reached: f64 },
    /// `value` reaches the level (`change`: the measure there, paired with the current run);
    /// `short` is the value one search step nearer the current one, which does not, with the
    /// measure there.
    Found {
        value: f64,
        change: PairedChange,
        short: (f64, f64),
    },
    /// Not within the lever's range: the best value tried and the measure there.
    NotReachable { best_value: f64, best: f64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeekResult {
    pub goal: Goal,
    pub monotone: Monotone,
    pub outcome: Outcome,
    /// Runs of the engine it took.
    pub runs: u32,
    /// The lever's value in the current scenario.
    pub current: f64,
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Trying the ends of the range (those still to try).
    Ends(Vec<f64>),
    /// Bisecting between `near` (does not reach) and `far` (reaches).
    Bisect {
        near: (f64, f64),
        far: (f64, PairedChange),
    },
    Done(Outcome),
}

/// A goal-seek in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    goal: Goal,
    monotone: Monotone,
    current: f64,
    base_level: f64,
    phase: Phase,
    /// The ends tried, with their results.
    ends: Vec<(f64, PairedChange)>,
    runs: u32,
}

/// What the search needs next.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// A run of the current scenario with the lever at this value.
    Run(f64),
    Done(SeekResult),
}

/// `value` on the lever's grid (its slider's steps from its minimum), within its range.
pub fn on_grid(param: Param, value: f64) -> f64 {
    let spec = param.spec();
    let steps = ((value - spec.min) / spec.step).round();
    let snapped = (spec.min + steps * spec.step).clamp(spec.min, spec.max);
    // Ten decimals: 0.1 steps give 6.3, not 6.300000000000001.
    (snapped * 1e10).round() / 1e10
}

impl Search {
    /// A search from `base` (the current scenario), whose run gives the measure `base_level`.
    pub fn new(goal: Goal, base: &Scenario, base_level: f64) -> Search {
        let spec = goal.param.spec();
        let current = base.get(goal.param);
        let monotone = monotonicity(goal.param, goal.measure);
        let phase = if base_level >= goal.required {
            Phase::Done(Outcome::AlreadyMet {
                value: current,
                reached: base_level,
            })
        } else {
            let ends = match monotone {
                Monotone::Increasing => vec![spec.max],
                Monotone::Decreasing => vec![spec.min],
                Monotone::NotGuaranteed => vec![spec.min, spec.max],
            };
            Phase::Ends(ends.into_iter().filter(|&end| end != current).collect())
        };
        let mut search = Search {
            goal,
            monotone,
            current,
            base_level,
            phase,
            ends: Vec::new(),
            runs: 0,
        };
        search.settle_ends();
        search
    }

    pub fn goal(&self) -> Goal {
        self.goal
    }

    /// The next run wanted, or the result.
    pub fn next(&self) -> Next {
        match &self.phase {
            Phase::Ends(pending) => Next::Run(pending[0]),
            Phase::Bisect { near, far } => {
                Next::Run(on_grid(self.goal.param, (near.0 + far.0) / 2.0))
            }
            Phase::Done(outcome) => Next::Done(SeekResult {
                goal: self.goal,
                monotone: self.monotone,
                outcome: outcome.clone(),
                runs: self.runs,
                current: self.current,
            }),
        }
    }

    /// Takes the run at `value` (the change of the measure from the current run to it).
    pub fn observe(&mut self, value: f64, change: PairedChange) {
        self.runs += 1;
        let reached = change.value >= self.goal.required;
        match &mut self.phase {
            Phase::Ends(pending) => {
                pending.retain(|&end| end != value);
                self.ends.push((value, change));
                self.settle_ends();
            }
            Phase::Bisect { near, far } => {
                if reached {
                    *far = (value, change);
                } else {
                    *near = (value, change.value);
                }
                self.settle_bisection();
            }
            Phase::Done(_) => {}
        }
    }

    /// Once both ends are known: bisect towards the better end that reaches the level.
    fn settle_ends(&mut self) {
        let Phase::Ends(pending) = &self.phase else {
            return;
        };
        if !pending.is_empty() {
            return;
        }
        let best = self
            .ends
            .iter()
            .max_by(|a, b| {
                // The better end; between two that reach it, the one nearer the current value.
                a.1.value
                    .min(self.goal.required)
                    .total_cmp(&b.1.value.min(self.goal.required))
                    .then(
                        (b.0 - self.current)
                            .abs()
                            .total_cmp(&(a.0 - self.current).abs()),
                    )
            })
            .cloned();
        self.phase = match best {
            Some((value, change)) if change.value >= self.goal.required => Phase::Bisect {
                near: (self.current, self.base_level),
                far: (value, change),
            },
            Some((value, change)) => Phase::Done(Outcome::NotReachable {
                best_value: value,
                best: change.value,
            }),
            // The lever is at the end it would move to: nothing to try.
            None => Phase::Done(Outcome::NotReachable {
                best_value: self.current,
                best: self.base_level,
            }),
        };
        self.settle_bisection();
    }

    /// Stops when the next midpoint is one of the two ends (they are one grid step apart).
    fn settle_bisection(&mut self) {
        let Phase::Bisect { near, far } = &self.phase else {
            return;
        };
        let mid = on_grid(self.goal.param, (near.0 + far.0) / 2.0);
        if mid == near.0 || mid == far.0 {
            self.phase = Phase::Done(Outcome::Found {
                value: far.0,
                change: far.1,
                short: *near,
            });
        }
    }
}

/// Runs a goal-seek here, with `run` computing a scenario (the CLI and the tests).
pub fn seek(
    goal: Goal,
    base: &Scenario,
    base_run: &Summary,
    run: impl Fn(&Scenario) -> Summary,
) -> SeekResult {
    let base_level = super::level(base_run, goal.measure);
    let mut search = Search::new(goal, base, base_level);
    loop {
        match search.next() {
            Next::Done(result) => return result,
            Next::Run(value) => {
                let scenario = base
                    .with(goal.param, value)
                    .unwrap_or_else(|_| base.clone());
                let change = paired_change(base_run, &run(&scenario), goal.measure);
                search.observe(value, change);
            }
        }
    }
}

/// The nearest value of each lever that reaches the goal's level, side by side ("the cheapest
/// path"): the levers are the sliders that act on the plan's outcomes (not the run settings).
pub const LEVERS: [Param; 9] = [
    Param::Gdp,
    Param::Inv,
    Param::Inc,
    Param::Vol,
    Param::ShockP,
    Param::ShockS,
    Param::Rd,
    Param::HtPush,
    Param::Green,
];
