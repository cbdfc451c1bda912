//! Runs on the workers: when a run starts, over how many parts, how its parts become its
//! summary, and what happens when a part is refused or does not merge.

use super::{Command, PoolState};
use crate::engine::split::{self, effective_parts, PartSummary};
use crate::state::{RunRequest, RunResponse};

#[derive(Clone, Debug)]
pub(super) struct CurrentRun {
    pub(super) run: u64,
    pub(super) request: RunRequest,
    pub(super) parts: u32,
    pub(super) received: Vec<PartSummary>,
    pub(super) started_ms: f64,
    /// When a part last arrived (or the run started).
    pub(super) progress_ms: f64,
}

impl PoolState {
    /// The state asks for a run.
    pub fn send(&mut self, request: RunRequest, now_ms: f64) -> Vec<Command> {
        if self.broken {
            vec![Command::RunOnPage(request)]
        } else if self.loaded < self.workers {
            self.waiting_since.get_or_insert(now_ms);
            self.before_load = Some(request);
            Vec::new()
        } else {
            vec![self.start(request, now_ms)]
        }
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
            // The worker is free for an analysis order while the others finish.
            return self.pump_analyses(now_ms);
        }
        let Some(current) = self.current.take() else {
            return Vec::new();
        };
        let mut commands = match split::merge(&current.request.scenario, &current.received) {
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
        };
        commands.extend(self.pump_analyses(now_ms));
        commands
    }

    /// Worker `worker` could not do its part of run `run` (`None`: it could not read what it
    /// was sent, or the page could not read its answer): the run is done again in one part, or
    /// on the page's thread if it already was in one part; with `None`, the worker's analysis
    /// order (if any) goes to another worker and it gets no more. Parts of an older run are no
    /// reason to stop the one in hand.
    pub fn refused(&mut self, worker: u32, run: Option<u64>, now_ms: f64) -> Vec<Command> {
        let mut commands = Vec::new();
        if run.is_none() && self.analyses.is_busy(worker) {
            self.analyses.refused(worker);
            commands.push(Command::Warn(
                "an engine worker could not read an analysis order; the others take it",
            ));
        }
        // An unreadable message concerns the run only if this worker holds a part of it.
        let holds_part = self.holds_run_part(worker);
        let concerns_run =
            |current: &mut CurrentRun| run.map_or(holds_part, |run| run == current.run);
        if let Some(current) = self.current.take_if(concerns_run) {
            commands.extend(self.again_in_one_part(
                current,
                "an engine worker could not do its part; the run is done again",
                now_ms,
            ));
        }
        commands.extend(self.pump_analyses(now_ms));
        commands
    }

    /// After `what` went wrong with `current`: the run again in one part, or, if it already was
    /// in one part, on the page's thread from now on.
    pub(super) fn again_in_one_part(
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
                now_ms,
            ));
        }
        commands
    }

    pub(super) fn start(&mut self, request: RunRequest, now_ms: f64) -> Command {
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
