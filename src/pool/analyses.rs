//! Analyses on the same workers as runs: a free worker (loaded, holding no part of the run in
//! hand, with no order in flight) takes the analysis's next order; with no worker left, the
//! page's thread takes them one at a time.

use super::queue::Taken;
use super::{AnalysisView, Command, PoolState};
use crate::analysis::jobs::{JobKind, OrderId};
use crate::analysis::PairedChange;
use crate::engine::Summary;
use crate::scenario::Scenario;
use std::rc::Rc;

impl PoolState {
    /// Starts an analysis of `base` (revision `revision`), whose full run is `base_run`; the
    /// one in hand, if any, is dropped.
    pub fn start_analysis(
        &mut self,
        kind: JobKind,
        base: &Scenario,
        base_run: Rc<Summary>,
        revision: u64,
        now_ms: f64,
    ) -> Vec<Command> {
        let taken = self.analyses.start(kind, base, base_run, revision, now_ms);
        if self.loaded < self.workers && !self.broken {
            self.waiting_since.get_or_insert(now_ms);
        }
        let mut commands = said(taken);
        commands.extend(self.pump_analyses(now_ms));
        commands
    }

    /// Drops the analysis in hand: its orders in flight finish and are ignored.
    pub fn cancel_analysis(&mut self) -> Vec<Command> {
        self.analyses.cancel();
        vec![Command::AnalysisChanged]
    }

    /// Whether an analysis of `revision` is in hand (running or ended).
    pub fn has_analysis_for(&self, revision: u64) -> bool {
        self.analyses.has_job_for(revision)
    }

    /// The analysis in hand, as the page shows it.
    pub fn analysis_view(&self) -> Option<AnalysisView> {
        self.analyses.view()
    }

    /// Worker `worker` answered analysis order `order`.
    pub fn analysed(
        &mut self,
        worker: u32,
        order: OrderId,
        changes: Vec<PairedChange>,
        now_ms: f64,
    ) -> Vec<Command> {
        let taken = self.analyses.answered(worker, order, changes, now_ms);
        let mut commands = said(taken);
        commands.extend(self.pump_analyses(now_ms));
        commands
    }

    /// The page's thread ran analysis order `order`.
    pub fn analysed_on_page(
        &mut self,
        order: OrderId,
        changes: Vec<PairedChange>,
        now_ms: f64,
    ) -> Vec<Command> {
        let taken = self.analyses.answered_on_page(order, changes, now_ms);
        let mut commands = said(taken);
        commands.extend(self.pump_analyses(now_ms));
        commands
    }

    /// Whether worker `worker` holds a part of the run in hand that has not come back.
    pub(super) fn holds_run_part(&self, worker: u32) -> bool {
        self.current.as_ref().is_some_and(|run| {
            worker < run.parts && !run.received.iter().any(|part| part.part == worker)
        })
    }

    /// Hands the analysis's next orders to the free workers, or one to the page's thread when
    /// no worker can take them.
    pub(super) fn pump_analyses(&mut self, now_ms: f64) -> Vec<Command> {
        if self.broken || self.analyses.all_refusing() {
            return self
                .analyses
                .next_on_page()
                .map(|(order, base_run)| Command::AnalyseOnPage {
                    order: order.order,
                    scenario: Box::new(order.scenario),
                    base_run,
                })
                .into_iter()
                .collect();
        }
        if !self.ready() {
            return Vec::new();
        }
        let mut commands = Vec::new();
        for worker in 0..self.workers {
            if self.holds_run_part(worker) {
                continue;
            }
            if let Some(order) = self.analyses.next_for(worker, now_ms) {
                commands.push(Command::Analyse {
                    worker,
                    order: order.order,
                    base: Box::new(order.base),
                    scenario: Box::new(order.scenario),
                });
            }
        }
        commands
    }
}

/// What the page must hear of an analysis's move.
fn said(taken: Taken) -> Vec<Command> {
    match taken {
        Taken::Ignored => Vec::new(),
        Taken::Progress => vec![Command::AnalysisChanged],
        Taken::Ended => vec![Command::AnalysisChanged, Command::AnalysisEnded],
    }
}
