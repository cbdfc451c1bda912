//! Sensitivity: every lever and assumption moved one documented step down and one up
//! ([`super::steps::STEPS`]), each run paired with the current scenario's run, and the bars
//! sorted by the largest change of the chosen measure.
//!
//! The runs are independent of each other, so the page spreads them over its workers; a run is
//! described by a [`Task`], and its result is every measure's [`PairedChange`] at once, so that
//! choosing another measure needs no new run.

use super::steps::STEPS;
use super::{all_changes, Measure, PairedChange};
use crate::engine::{self, Summary};
use crate::scenario::{Param, ParamKind, Scenario};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    Down,
    Up,
}

/// One run of the tornado: `param` moved one step in `direction` (clamped to its range).
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub param: Param,
    pub direction: Direction,
    /// The value tried (the current one when the step would leave the range).
    pub value: f64,
    pub scenario: Scenario,
}

/// Every run of the tornado for `base`, levers first, in the order of the steps' table. A step
/// that would leave the parameter's range stops at its edge; at the edge itself the run is
/// left out (the bar shows no change on that side, marked as at its limit).
pub fn tasks(base: &Scenario) -> Vec<Task> {
    let mut out = Vec::new();
    for step in &STEPS {
        let spec = step.param.spec();
        let current = base.get(step.param);
        for direction in [Direction::Down, Direction::Up] {
            let wanted = match direction {
                Direction::Down => current - step.step,
                Direction::Up => current + step.step,
            };
            let value = wanted.clamp(spec.min, spec.max);
            if value == current {
                continue;
            }
            if let Ok(scenario) = base.with(step.param, value) {
                out.push(Task {
                    param: step.param,
                    direction,
                    value,
                    scenario,
                });
            }
        }
    }
    out
}

/// One side of a bar: the value tried and how the measures moved.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub value: f64,
    pub changes: Vec<PairedChange>,
}

impl Side {
    pub fn change(&self, measure: Measure) -> Option<&PairedChange> {
        self.changes.iter().find(|c| c.measure == measure)
    }
}

/// Which parameters a tornado moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The levers and the assumed 2020 bases of targets (what the outlook weighs: the lever
    /// that matters most, and whether an assumption matters more).
    LeversAndBases,
    /// Every lever and assumption.
    All,
}

impl Scope {
    /// Whether the tornado of this scope moves `param`.
    pub fn covers(self, param: Param) -> bool {
        match self {
            Scope::LeversAndBases => {
                param.spec().kind == ParamKind::Driver || crate::scenario::is_assumed_base(param)
            }
            Scope::All => true,
        }
    }
}

/// A parameter's bar: what one step down and one step up did.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub param: Param,
    pub is_lever: bool,
    /// An assumed 2020 base of a target (the plan gives none): its bar says how much that
    /// target's chance rests on an assumption.
    pub is_assumed_base: bool,
    pub down: Option<Side>,
    pub up: Option<Side>,
}

impl Bar {
    /// The larger of the two sides' |Δ| for `measure` (what the bars are sorted by).
    pub fn size(&self, measure: Measure) -> f64 {
        [&self.down, &self.up]
            .into_iter()
            .flatten()
            .filter_map(|side| side.change(measure))
            .map(|change| change.delta.abs())
            .fold(0.0, f64::max)
    }
}

/// The bars from the tasks' results (in any order), sorted by size for `measure`, largest
/// first; ties keep the steps' table order (levers before assumptions).
pub fn bars(results: &[(Task, Vec<PairedChange>)], measure: Measure) -> Vec<Bar> {
    let mut bars: Vec<Bar> = STEPS
        .iter()
        .map(|step| {
            let side = |direction| {
                results
                    .iter()
                    .find(|(task, _)| task.param == step.param && task.direction == direction)
                    .map(|(task, changes)| Side {
                        value: task.value,
                        changes: changes.clone(),
                    })
            };
            Bar {
                param: step.param,
                is_lever: step.param.spec().kind == ParamKind::Driver,
                is_assumed_base: crate::scenario::is_assumed_base(step.param),
                down: side(Direction::Down),
                up: side(Direction::Up),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.size(measure).total_cmp(&a.size(measure)));
    bars
}

/// The tornado computed here, run after run (the CLI and the tests; the page spreads the same
/// tasks over its workers). `base_run` is the current scenario's run.
pub fn run_all(base: &Scenario, base_run: &Summary) -> Vec<(Task, Vec<PairedChange>)> {
    tasks(base)
        .into_iter()
        .map(|task| {
            let changes = all_changes(base_run, &engine::run(&task.scenario));
            (task, changes)
        })
        .collect()
}
