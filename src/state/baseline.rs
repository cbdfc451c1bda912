//! The baseline every result is compared with, and the comparison itself.

use super::{AppState, Precision, RunResult};
use crate::engine::compare::{self, JointDifference, Moved, TargetDifference};
use crate::preset::preset_scenario;
use crate::scenario::Scenario;
use std::rc::Rc;

impl AppState {
    /// The differences to show: against a pinned A always, against the plan's scenario only
    /// when the scenario on screen is not the plan's itself (which has nothing to show).
    pub fn shown_differences(&self) -> Option<Rc<Vec<TargetDifference>>> {
        let pinned = self.pinned.is_some();
        self.differences
            .clone()
            .filter(|_| pinned || self.scenario != self.baseline_scenario())
    }

    /// A's summary, to draw its bands over B's: only while A is pinned and its run is there.
    pub fn pinned_summary(&self) -> Option<Rc<crate::engine::Summary>> {
        self.baseline
            .as_ref()
            .filter(|result| self.pinned.is_some() && result.revision == self.baseline_revision)
            .map(|result| result.summary.clone())
    }

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

    /// The change of the targets met together, shown when the differences are.
    pub fn shown_joint_difference(&self) -> Option<JointDifference> {
        self.joint_difference
            .filter(|_| self.shown_differences().is_some())
    }

    pub(super) fn compute_joint_difference(&self) -> Option<JointDifference> {
        let current = self.result.as_ref()?;
        let baseline = self
            .baseline
            .as_ref()
            .filter(|result| result.revision == self.baseline_revision)?;
        Some(compare::joint_difference(
            &baseline.summary,
            &current.summary,
        ))
    }

    pub(super) fn compute_own_differences(&self) -> Option<Rc<Vec<Option<Moved>>>> {
        let current = self.result.as_ref()?;
        let baseline = self
            .baseline
            .as_ref()
            .filter(|result| result.revision == self.baseline_revision)?;
        Some(Rc::new(compare::own_differences(
            &self.baseline_scenario(),
            &baseline.summary,
            &self.scenario,
            &current.summary,
        )))
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
