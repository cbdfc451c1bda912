//! The page's side of its workers, the one pool for all worker work, free of browser APIs so
//! that it is tested natively: when runs go to the workers, over how many parts a run is split,
//! how the parts' summaries become the run's, when a free worker takes an analysis order
//! ([`queue`]), and what happens when a worker fails, never loads or stops answering.
//! `ui::engine::worker_pool` carries out the [`Command`]s.
//!
//! Runs come first: a worker holding a part of the run in hand gets no analysis order, and an
//! analysis order delays a run by at most the one order its worker is finishing.

mod analyses;
mod queue;
mod runs;

pub use queue::AnalysisView;

use crate::analysis::jobs::OrderId;
use crate::engine::Summary;
use crate::scenario::Scenario;
use crate::state::{RunRequest, RunResponse};
use queue::AnalysisQueue;
use runs::CurrentRun;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Give every pair of workers a channel of their own (once, when all have loaded).
    Connect,
    /// Send part k of `parts` of run `run` to worker k, for each k < `parts`.
    Start {
        run: u64,
        parts: u32,
        scenario: Scenario,
    },
    /// Stop every worker: one has failed.
    StopWorkers,
    /// Run this request on the page's thread.
    RunOnPage(RunRequest),
    /// A finished run, for the state.
    Respond(RunResponse),
    /// Something the console should say.
    Warn(&'static str),
    /// Worker `worker` runs one analysis order: `scenario`, paired with the run of `base`.
    Analyse {
        worker: u32,
        order: OrderId,
        base: Box<Scenario>,
        scenario: Box<Scenario>,
    },
    /// The page's thread runs one analysis order (no worker can): `scenario`, paired with
    /// `base_run`; its changes go back through [`PoolState::analysed_on_page`].
    AnalyseOnPage {
        order: OrderId,
        scenario: Box<Scenario>,
        base_run: Rc<Summary>,
    },
    /// The analysis in hand moved on ([`PoolState::analysis_view`] says where it is).
    AnalysisChanged,
    /// The analysis in hand has ended (said once per job).
    AnalysisEnded,
}

/// Workers that have not all loaded this long after a run or an analysis was asked for are
/// taken as failed.
pub const LOAD_LIMIT_MS: f64 = 20_000.0;

/// How long a run may go without a part arriving before its workers are taken as failed: a
/// base plus an allowance per path and year about fifty times what this machine's engine needs
/// (docs/BENCHMARKS.md), so that only a worker that stopped answering reaches it.
pub fn stall_limit_ms(scenario: &Scenario) -> f64 {
    let years = f64::from(scenario.horizon_year() - crate::plan::BASE_YEAR);
    5_000.0 + 0.01 * f64::from(scenario.paths()) * years
}

/// The workers' state as the page sees it. "One run in flight" is the app state's rule
/// (`AppState::next_request` asks for a run only when none is in flight); the pool keeps no
/// queue of its own: it holds the request it is given until every worker has loaded, and a
/// request that came while a run was in hand would supersede it (the older run's parts are then
/// ignored by their run number).
#[derive(Clone, Debug)]
pub struct PoolState {
    workers: u32,
    split_min_paths: u32,
    loaded: u32,
    next_run: u64,
    current: Option<CurrentRun>,
    /// The request given before every worker had loaded.
    before_load: Option<RunRequest>,
    /// Since when work (a run or an analysis) has waited for the workers to load.
    waiting_since: Option<f64>,
    /// A worker failed: every run and order from then on is done on the page's thread.
    broken: bool,
    analyses: AnalysisQueue,
}

impl PoolState {
    /// `workers` workers (at least one), splitting runs of `split_min_paths` paths or more.
    pub fn new(workers: u32, split_min_paths: u32) -> PoolState {
        let workers = workers.max(1);
        PoolState {
            workers,
            split_min_paths,
            loaded: 0,
            next_run: 1,
            current: None,
            before_load: None,
            waiting_since: None,
            broken: false,
            analyses: AnalysisQueue::new(workers),
        }
    }

    /// A pool without workers: every run and every analysis order on the page's thread (a
    /// browser that cannot start workers; the component tests).
    pub fn on_page_only() -> PoolState {
        PoolState {
            broken: true,
            ..PoolState::new(1, 0)
        }
    }

    /// Whether every worker has loaded (and none has failed).
    pub(super) fn ready(&self) -> bool {
        self.loaded >= self.workers && !self.broken
    }

    /// A worker has loaded.
    pub fn loaded(&mut self, now_ms: f64) -> Vec<Command> {
        self.loaded += 1;
        if self.loaded != self.workers || self.broken {
            return Vec::new();
        }
        self.waiting_since = None;
        let mut commands = vec![Command::Connect];
        if let Some(request) = self.before_load.take() {
            commands.push(self.start(request, now_ms));
        }
        commands.extend(self.pump_analyses(now_ms));
        commands
    }

    /// A worker failed (its script or module did not load, or it stopped): stop them all and
    /// finish the latest request and the analysis in hand on the page's thread.
    pub fn failed(&mut self, now_ms: f64) -> Vec<Command> {
        self.give_up(
            "an engine worker failed; runs continue on the page's thread",
            now_ms,
        )
    }

    /// Called now and then: workers that never finish loading, a run that goes too long without
    /// a part arriving ([`stall_limit_ms`]) or an analysis order that goes past its allowance
    /// are taken as failed, so that the page is never left waiting for good.
    pub fn check(&mut self, now_ms: f64) -> Vec<Command> {
        let stalled = self
            .current
            .as_ref()
            .is_some_and(|run| now_ms - run.progress_ms > stall_limit_ms(&run.request.scenario));
        let order_stalled = self
            .analyses
            .in_flight()
            .any(|(_, order)| now_ms - order.since_ms > order.allowance_ms);
        let never_loaded = self.loaded < self.workers
            && self
                .waiting_since
                .is_some_and(|since| now_ms - since > LOAD_LIMIT_MS);
        if stalled || order_stalled {
            self.give_up(
                "an engine worker stopped answering; runs continue on the page's thread",
                now_ms,
            )
        } else if never_loaded {
            self.give_up(
                "the engine workers did not load; runs continue on the page's thread",
                now_ms,
            )
        } else {
            Vec::new()
        }
    }

    pub(super) fn give_up(&mut self, why: &'static str, now_ms: f64) -> Vec<Command> {
        if self.broken {
            return Vec::new();
        }
        self.broken = true;
        self.waiting_since = None;
        let mut commands = vec![Command::Warn(why), Command::StopWorkers];
        let latest = self
            .before_load
            .take()
            .or_else(|| self.current.take().map(|current| current.request));
        commands.extend(latest.map(Command::RunOnPage));
        self.analyses.workers_gone();
        commands.extend(self.pump_analyses(now_ms));
        commands
    }
}
