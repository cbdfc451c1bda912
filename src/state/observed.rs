//! The observed years in the state: entering and clearing values, their sources, and the
//! compare that says what they changed.

use super::AppState;
use crate::link::Labelled;
use crate::scenario::observed::ObservedSeries;

impl AppState {
    pub(super) fn observe(&mut self, series: ObservedSeries, year: i32, value: Option<f64>) {
        let next = match value {
            Some(value) => match self.scenario.with_observation(series, year, value) {
                Ok(next) => next,
                // The panel refuses it beside its field before it gets here.
                Err(_) => return,
            },
            None => self
                .scenario
                .with_observations(self.scenario.observed().without(series, year)),
        };
        self.set_scenario(next);
        self.dragging = false;
    }

    pub(super) fn clear_observations(&mut self) {
        self.set_scenario(self.scenario.without_observations());
        self.sources = Default::default();
        self.dragging = false;
    }

    pub(super) fn compare_observations(&mut self) {
        if self.scenario.observed().is_empty() {
            return;
        }
        self.pinned = Some(Labelled {
            scenario: self.scenario.without_observations(),
            preset: self.preset,
        });
        self.source = super::ScenarioSource::Controls;
    }
}
