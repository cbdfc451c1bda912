//! The baseline every result is compared with, and the comparison itself.

use super::{AppState, Precision, RunResult};
use crate::engine::compare::{self, TargetDifference};
use crate::preset::PresetId;
use crate::scenario::{Param, Scenario};
use std::rc::Rc;

/// The parameters that say how a run is done rather than what is assumed: a preset keeps them.
pub const RUN_SETTINGS: [Param; 3] = [Param::Horizon, Param::Paths, Param::Seed];

/// `preset`'s values on the defaults, with the run settings of `from`.
pub fn preset_scenario(preset: Option<PresetId>, from: &Scenario) -> Scenario {
    let base = RUN_SETTINGS
        .iter()
        .fold(Scenario::default(), |scenario, &param| {
            scenario.with(param, from.get(param)).unwrap_or(scenario)
        });
    preset.unwrap_or(PresetId::Plan).apply_to(&base)
}

impl AppState {
    /// What every result is compared with: A when pinned, else the plan's own scenario with the
    /// paths and seed on screen (so that the two are paired path by path).
    pub fn baseline_scenario(&self) -> Scenario {
        match &self.pinned {
            Some(pinned) => pinned.scenario.clone(),
            None => preset_scenario(None, &self.scenario),
        }
    }

    /// A full result of the scenario on screen serves as the baseline's when the two scenarios
    /// are the same (pinning what is on screen, or looking at the plan itself): no second run.
    pub(super) fn reuse_results(&mut self) {
        let baseline_missing =
            !matches!(&self.baseline, Some(result) if result.revision == self.baseline_revision);
        if !baseline_missing || self.scenario != self.baseline_scenario() {
            return;
        }
        if let Some(result) = self.result.as_ref().filter(|result| {
            result.revision == self.revision && result.precision == Precision::Full
        }) {
            self.baseline = Some(RunResult {
                revision: self.baseline_revision,
                ..result.clone()
            });
        }
    }

    pub(super) fn compute_differences(&self) -> Option<Rc<Vec<TargetDifference>>> {
        let current = self.result.as_ref()?;
        let baseline = self
            .baseline
            .as_ref()
            .filter(|result| result.revision == self.baseline_revision)?;
        Some(Rc::new(compare::differences(
            &baseline.summary,
            &current.summary,
        )))
    }
}

/// The same result object (cheap: no comparison of summaries).
pub(super) fn same_result(a: &Option<RunResult>, b: &Option<RunResult>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.revision == b.revision && Rc::ptr_eq(&a.summary, &b.summary),
        _ => false,
    }
}
