//! The page's side of the engine workers, free of browser APIs so that it is tested natively:
//! when requests go to the workers, over how many parts a run is split, how the parts' summaries
//! become the run's, and what happens when a worker fails. `ui::engine_pool` carries out the
//! [`Command`]s.

use crate::engine::split::{self, effective_parts, PartSummary};
use crate::scenario::Scenario;
use crate::state::{RunRequest, RunResponse};

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
}

#[derive(Clone, Debug)]
struct CurrentRun {
    run: u64,
    request: RunRequest,
    parts: u32,
    received: Vec<PartSummary>,
    started_ms: f64,
    /// When a part last arrived (or the run started).
    progress_ms: f64,
}

/// Workers that have not all loaded this long after a run was asked for are taken as failed.
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
    /// The request given before every worker had loaded, and since when it has waited.
    before_load: Option<(RunRequest, f64)>,
    /// A worker failed: every run from then on is done on the page's thread.
    broken: bool,
}

impl PoolState {
    /// `workers` workers (at least one), splitting runs of `split_min_paths` paths or more.
    pub fn new(workers: u32, split_min_paths: u32) -> PoolState {
        PoolState {
            workers: workers.max(1),
            split_min_paths,
            loaded: 0,
            next_run: 1,
            current: None,
            before_load: None,
            broken: false,
        }
    }

    /// The state asks for a run.
    pub fn send(&mut self, request: RunRequest, now_ms: f64) -> Vec<Command> {
        if self.broken {
            vec![Command::RunOnPage(request)]
        } else if self.loaded < self.workers {
            let since = self
                .before_load
                .as_ref()
                .map_or(now_ms, |(_, since)| *since);
            self.before_load = Some((request, since));
            Vec::new()
        } else {
            vec![self.start(request, now_ms)]
        }
    }

    /// A worker has loaded.
    pub fn loaded(&mut self, now_ms: f64) -> Vec<Command> {
        self.loaded += 1;
        if self.loaded != self.workers || self.broken {
            return Vec::new();
        }
        let mut commands = vec![Command::Connect];
        if let Some((request, _)) = self.before_load.take() {
            commands.push(self.start(request, now_ms));
        }
        commands
    }

    /// Worker `worker` has finished its part. Parts of another run, from the wrong worker, or
    /// already received are ignored.
    pub fn done(&mut self, worker: u32, summary: PartSummary, now_ms: f64) -> Vec<Command> {
        let Some(current) = self.current.as_mut() else {
            return Vec::new();
        };
        let fits = summary.run == current.run
            && summary.part == worker
            && worker < current.parts
            && !current.received.iter().any(|part| part.part == worker);
        if !fits {
            return Vec::new();
        }
        current.received.push(summary);
        current.progress_ms = now_ms;
        if current.received.len() < current.parts as usize {
            return Vec::new();
        }
        let Some(current) = self.current.take() else {
            return Vec::new();
        };
        match split::merge(&current.request.scenario, &current.received) {
            Some(summary) => vec![Command::Respond(RunResponse {
                key: current.request.key,
                summary,
                engine_ms: now_ms - current.started_ms,
                workers: current.parts,
            })],
            // Parts that do not merge cannot come from these workers; rather than leave the page
            // waiting, run again in one part, then on the page's thread.
            None => self.again_in_one_part(
                current,
                "the engine workers returned parts that do not merge",
                now_ms,
            ),
        }
    }

    /// A worker could not do its part of run `run` (`None`: it could not read the request, or
    /// the page could not read its result): the run is done again in one part, or on the page's
    /// thread if it already was in one part. Parts of an older run are no reason to stop the one
    /// in hand.
    pub fn refused(&mut self, run: Option<u64>, now_ms: f64) -> Vec<Command> {
        let Some(current) = self
            .current
            .take_if(|current| run.is_none_or(|run| run == current.run))
        else {
            return Vec::new();
        };
        self.again_in_one_part(
            current,
            "an engine worker could not do its part; the run is done again",
            now_ms,
        )
    }

    /// After `what` went wrong with `current`: the run again in one part, or, if it already was
    /// in one part, on the page's thread from now on.
    fn again_in_one_part(
        &mut self,
        current: CurrentRun,
        what: &'static str,
        now_ms: f64,
    ) -> Vec<Command> {
        let mut commands = vec![Command::Warn(what)];
        if current.parts > 1 {
            commands.push(self.start_parts(current.request, 1, now_ms));
        } else {
            self.current = Some(current);
            commands.extend(self.give_up(
                "the engine workers could not run even one part; runs continue on the page's thread",
            ));
        }
        commands
    }

    /// A worker failed (its script or module did not load, or it stopped): stop them all and
    /// finish the latest request on the page's thread.
    pub fn failed(&mut self) -> Vec<Command> {
        self.give_up("an engine worker failed; runs continue on the page's thread")
    }

    /// Called now and then: workers that never finish loading, or a run that goes too long
    /// without a part arriving ([`stall_limit_ms`]), are taken as failed, so that the page is
    /// never left waiting for good.
    pub fn check(&mut self, now_ms: f64) -> Vec<Command> {
        let stalled = self
            .current
            .as_ref()
            .is_some_and(|run| now_ms - run.progress_ms > stall_limit_ms(&run.request.scenario));
        let never_loaded = self.loaded < self.workers
            && self
                .before_load
                .as_ref()
                .is_some_and(|(_, since)| now_ms - since > LOAD_LIMIT_MS);
        if stalled {
            self.give_up("an engine worker stopped answering; runs continue on the page's thread")
        } else if never_loaded {
            self.give_up("the engine workers did not load; runs continue on the page's thread")
        } else {
            Vec::new()
        }
    }

    fn give_up(&mut self, why: &'static str) -> Vec<Command> {
        if self.broken {
            return Vec::new();
        }
        self.broken = true;
        let mut commands = vec![Command::Warn(why), Command::StopWorkers];
        let latest = self
            .before_load
            .take()
            .map(|(request, _)| request)
            .or_else(|| self.current.take().map(|current| current.request));
        commands.extend(latest.map(Command::RunOnPage));
        commands
    }

    fn start(&mut self, request: RunRequest, now_ms: f64) -> Command {
        let paths = request.scenario.paths();
        let wanted = if paths >= self.split_min_paths {
            self.workers
        } else {
            1
        };
        self.start_parts(request, effective_parts(paths, wanted), now_ms)
    }

    fn start_parts(&mut self, request: RunRequest, parts: u32, now_ms: f64) -> Command {
        let run = self.next_run;
        self.next_run += 1;
        let scenario = request.scenario.clone();
        self.current = Some(CurrentRun {
            run,
            request,
            parts,
            received: Vec::with_capacity(parts as usize),
            started_ms: now_ms,
            progress_ms: now_ms,
        });
        Command::Start {
            run,
            parts,
            scenario,
        }
    }
}
