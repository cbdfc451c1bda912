//! Which run the state asks for next: the scenario on screen first (a preview while a slider
//! moves, or first of all where the measured pace says its full run would not redraw within
//! budget), then the baseline, always in full and never while dragging; none while one is in
//! flight.

use super::{AppState, Precision, RunKey, RunRequest, RunRole};
use crate::scenario::Param;

impl AppState {
    /// The paths of a preview of the current scenario, if its full run is too slow to be one.
    pub fn preview_paths(&self) -> Option<u32> {
        self.pace
            .preview_paths(self.scenario.paths(), self.scenario.horizon_year())
    }

    /// The precision the current scenario deserves now: a preview while dragging, and first of
    /// all when the measured pace says that the full run would not redraw within budget.
    fn wanted_precision(&self) -> Precision {
        if self.preview_paths().is_none() {
            return Precision::Full;
        }
        let shown = matches!(&self.result, Some(result) if result.revision == self.revision);
        if self.dragging || (!shown && self.pace.is_measured()) {
            Precision::Preview
        } else {
            Precision::Full
        }
    }

    /// The run to start now, if any: none while one is in flight (its result may already be
    /// stale; the next request then goes straight to the latest scenario). The scenario on
    /// screen comes first, then the baseline, always in full and never while dragging.
    pub fn next_request(&self) -> Option<RunRequest> {
        if self.in_flight.is_some() {
            return None;
        }
        let wanted = self.wanted_precision();
        let done = matches!(&self.result, Some(result) if result.revision == self.revision
            && (result.precision == Precision::Full || wanted == Precision::Preview));
        if !done {
            let preview = self
                .preview_paths()
                .filter(|_| wanted == Precision::Preview);
            let scenario = match preview {
                // A preview has at least PREVIEW_MIN_PATHS paths and fewer than the scenario.
                Some(paths) => self
                    .scenario
                    .with(Param::Paths, f64::from(paths))
                    .unwrap_or_else(|_| self.scenario.clone()),
                None => self.scenario.clone(),
            };
            return Some(RunRequest {
                key: RunKey {
                    role: RunRole::Current,
                    revision: self.revision,
                    precision: wanted,
                },
                scenario,
            });
        }
        // Not while dragging: a full run of the baseline would hold up the previews.
        let baseline_done =
            matches!(&self.baseline, Some(result) if result.revision == self.baseline_revision);
        (!baseline_done && !self.dragging).then(|| RunRequest {
            key: RunKey {
                role: RunRole::Baseline,
                revision: self.baseline_revision,
                precision: Precision::Full,
            },
            scenario: self.baseline_scenario(),
        })
    }
}
