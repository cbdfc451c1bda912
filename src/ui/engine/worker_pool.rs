//! The one pool of workers, as browser calls: spawns them, connects every pair with a message
//! channel, and carries out what [`PoolState`] decides (which run or analysis order goes where,
//! merging the parts, falling back to the page's thread). Runs and analyses share these
//! workers: the page starts no others.
//!
//! The page does no engine work while the workers are well: merging places ten series summaries
//! and adds ten pairs of counts.

use crate::analysis::all_changes;
use crate::analysis::jobs::JobKind;
use crate::engine::{self, Summary};
use crate::pool::{AnalysisView, Command, PoolState};
use crate::protocol::wire::{envelope, opened};
use crate::protocol::{FromWorker, ToWorker, PORT};
use crate::scenario::Scenario;
use crate::state::{RunRequest, RunResponse};
use js_sys::Array;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Event, MessageChannel, MessageEvent, Url, Worker};

/// Workers spawned unless the link asks for another number: more than four rarely pays on the
/// machines a district office has, and each costs a copy of the engine's memory. The one cap
/// on workers for the whole page: analyses use the same ones.
pub const DEFAULT_MAX_WORKERS: u32 = 4;

/// By default, runs with fewer paths go to one worker: below this the exchange between workers
/// costs about as much as the work it shares out (see docs/BENCHMARKS.md).
pub const SPLIT_MIN_PATHS: u32 = 5_000;

/// How often the pool checks that its workers are making progress.
const WATCHDOG_MS: u32 = 1_000;

pub type OnResponse = Rc<dyn Fn(RunResponse)>;
pub type OnAnalysis = Rc<dyn Fn(Option<AnalysisView>)>;

struct Pool {
    workers: Vec<Worker>,
    state: PoolState,
    on_response: OnResponse,
    /// Told of every move of the analysis in hand (the panel that shows its progress).
    on_progress: Option<OnAnalysis>,
    /// Told once when an analysis ends (the page: the outlook's lever, the last tornado).
    on_end: Option<Rc<dyn Fn(AnalysisView)>>,
}

/// A handle to the pool, compared by identity (for component properties); dropping it does not
/// stop the workers (the page lives as long as they do).
#[derive(Clone)]
pub struct WorkerPool {
    pool: Rc<RefCell<Pool>>,
}

impl PartialEq for WorkerPool {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pool, &other.pool)
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// A worker that loads `script` (wasm-bindgen's no-modules output) and starts its wasm module.
fn spawn_worker(script: &str) -> Result<Worker, JsValue> {
    let base = gloo::utils::window().location().href()?;
    let script_url = Url::new_with_base(script, &base)?.href();
    let wasm_url = script_url.replace(".js", "_bg.wasm");
    // A module that fails to load is rethrown from a task of its own, so that it reaches the
    // page as the worker's `error` event, like a script that fails to load. The module's
    // exports stay in reach of the benchmark's long session, which reads the memory's size.
    let loader = format!(
        r#"importScripts("{script_url}");wasm_bindgen({{module_or_path:"{wasm_url}"}}).then(function(w){{self.__engineWasm=w;}},function(e){{setTimeout(function(){{throw e;}});}});"#
    );
    let options = BlobPropertyBag::new();
    options.set_type("application/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&loader.into()), &options)?;
    Worker::new(&Url::create_object_url_with_blob(&blob)?)
}

impl WorkerPool {
    /// Spawns `workers` workers running `script`, which split runs of `split_min_paths` paths or
    /// more between them and take analysis orders; each finished run goes to `on_response`.
    pub fn spawn(
        script: &str,
        workers: u32,
        split_min_paths: u32,
        on_response: OnResponse,
    ) -> Result<WorkerPool, JsValue> {
        let spawned = (0..workers.max(1))
            .map(|_| spawn_worker(script))
            .collect::<Result<Vec<_>, _>>()?;
        let state = PoolState::new(spawned.len() as u32, split_min_paths);
        let handle = WorkerPool::with(spawned, state, on_response);
        for (index, worker) in handle.pool.borrow().workers.iter().enumerate() {
            let weak = Rc::downgrade(&handle.pool);
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(pool) = weak.upgrade() {
                    Pool::on_message(&pool, index as u32, &event.data());
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            let weak = Rc::downgrade(&handle.pool);
            let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
                event.prevent_default();
                if let Some(pool) = weak.upgrade() {
                    let commands = pool.borrow_mut().state.failed(now_ms());
                    Pool::carry_out(&pool, commands);
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
        }
        // A watchdog: workers that never load, or a run or an order that stops making
        // progress, fall back to the page's thread instead of leaving the page waiting for good.
        let weak = Rc::downgrade(&handle.pool);
        gloo::timers::callback::Interval::new(WATCHDOG_MS, move || {
            if let Some(pool) = weak.upgrade() {
                let commands = pool.borrow_mut().state.check(now_ms());
                Pool::carry_out(&pool, commands);
            }
        })
        .forget();
        Ok(handle)
    }

    /// A pool without workers: everything on the page's thread (component tests, and a browser
    /// that cannot start workers).
    pub fn on_page(on_response: OnResponse) -> WorkerPool {
        WorkerPool::with(Vec::new(), PoolState::on_page_only(), on_response)
    }

    fn with(workers: Vec<Worker>, state: PoolState, on_response: OnResponse) -> WorkerPool {
        WorkerPool {
            pool: Rc::new(RefCell::new(Pool {
                workers,
                state,
                on_response,
                on_progress: None,
                on_end: None,
            })),
        }
    }

    /// Runs `request` as soon as the workers are free; a request still waiting is replaced.
    pub fn send(&self, request: RunRequest) {
        let commands = self.pool.borrow_mut().state.send(request, now_ms());
        Pool::carry_out(&self.pool, commands);
    }

    /// Starts an analysis of `base` (revision `revision`), whose full run is `base_run`; the
    /// one in hand is dropped.
    pub fn start_analysis(
        &self,
        kind: JobKind,
        base: &Scenario,
        base_run: &Rc<Summary>,
        revision: u64,
    ) {
        let commands = self.pool.borrow_mut().state.start_analysis(
            kind,
            base,
            base_run.clone(),
            revision,
            now_ms(),
        );
        Pool::carry_out(&self.pool, commands);
    }

    /// Drops the analysis in hand (its late answers are ignored).
    pub fn cancel_analysis(&self) {
        let commands = self.pool.borrow_mut().state.cancel_analysis();
        Pool::carry_out(&self.pool, commands);
    }

    /// Whether an analysis of `revision` is in hand (running or ended).
    pub fn has_analysis_for(&self, revision: u64) -> bool {
        self.pool.borrow().state.has_analysis_for(revision)
    }

    /// Sets (or, with `None`, clears) who is told of every move of the analysis in hand, and
    /// tells it where it is now.
    pub fn watch_progress(&self, on_progress: Option<OnAnalysis>) {
        self.pool.borrow_mut().on_progress = on_progress.clone();
        if let Some(on_progress) = on_progress {
            let view = self.pool.borrow().state.analysis_view();
            on_progress(view);
        }
    }

    /// Sets who is told once when an analysis ends.
    pub fn on_analysis_end(&self, on_end: Rc<dyn Fn(AnalysisView)>) {
        self.pool.borrow_mut().on_end = Some(on_end);
    }
}

/// Runs `request` on the page's thread, one task later: slower, and the page waits while it
/// runs, but the numbers are the same.
fn run_on_page(request: RunRequest, on_response: OnResponse) {
    gloo::timers::callback::Timeout::new(0, move || {
        let started = now_ms();
        let summary = engine::run(&request.scenario);
        on_response(RunResponse {
            key: request.key,
            summary,
            engine_ms: now_ms() - started,
            workers: 0,
        });
    })
    .forget();
}

impl Pool {
    fn on_message(pool: &Rc<RefCell<Pool>>, worker: u32, data: &JsValue) {
        let commands = {
            let mut pool = pool.borrow_mut();
            let now = now_ms();
            match opened::<FromWorker>(data) {
                Ok(FromWorker::Loaded) => pool.state.loaded(now),
                Ok(FromWorker::Done { summary }) => pool.state.done(worker, summary, now),
                Ok(FromWorker::Refused { run, .. }) => pool.state.refused(worker, run, now),
                Ok(FromWorker::Analysed { order, changes }) => {
                    pool.state.analysed(worker, order, changes, now)
                }
                // An answer that cannot be read cannot be used: what it answered is done again
                // rather than waited for.
                Err(_) => pool.state.refused(worker, None, now),
            }
        };
        Pool::carry_out(pool, commands);
    }

    /// Carries out `commands` in order; a message that cannot be posted is a failed worker,
    /// whose recovery is carried out in turn. Responses and news of the analysis go out last
    /// and outside the borrow: the state may send the next request straight away.
    fn carry_out(pool: &Rc<RefCell<Pool>>, commands: Vec<Command>) {
        let mut queue: VecDeque<Command> = commands.into();
        let mut responses = Vec::new();
        let (mut changed, mut ended) = (false, false);
        while let Some(command) = queue.pop_front() {
            let posted = {
                let this = pool.borrow();
                match command {
                    Command::Connect => this.connect(),
                    Command::Start {
                        run,
                        parts,
                        scenario,
                    } => this.start(run, parts, scenario),
                    Command::StopWorkers => {
                        this.workers.iter().for_each(Worker::terminate);
                        true
                    }
                    Command::RunOnPage(request) => {
                        run_on_page(request, this.on_response.clone());
                        true
                    }
                    Command::Respond(response) => {
                        responses.push(response);
                        true
                    }
                    Command::Warn(text) => {
                        web_sys::console::warn_1(&text.into());
                        true
                    }
                    Command::Analyse {
                        worker,
                        order,
                        base,
                        scenario,
                    } => this.workers.get(worker as usize).is_some_and(|worker| {
                        let message = ToWorker::Analyse {
                            order,
                            base,
                            scenario,
                        };
                        worker.post_message(&envelope(&message, &[])).is_ok()
                    }),
                    Command::AnalyseOnPage {
                        order,
                        scenario,
                        base_run,
                    } => {
                        // One order per task: the page draws between them.
                        let weak = Rc::downgrade(pool);
                        gloo::timers::callback::Timeout::new(0, move || {
                            let changes = all_changes(&base_run, &engine::run(&scenario));
                            if let Some(pool) = weak.upgrade() {
                                let commands = pool.borrow_mut().state.analysed_on_page(
                                    order,
                                    changes,
                                    now_ms(),
                                );
                                Pool::carry_out(&pool, commands);
                            }
                        })
                        .forget();
                        true
                    }
                    Command::AnalysisChanged => {
                        changed = true;
                        true
                    }
                    Command::AnalysisEnded => {
                        ended = true;
                        true
                    }
                }
            };
            if !posted {
                queue.extend(pool.borrow_mut().state.failed(now_ms()));
            }
        }
        let (on_response, on_progress, on_end, view) = {
            let this = pool.borrow();
            (
                this.on_response.clone(),
                this.on_progress.clone(),
                this.on_end.clone(),
                (changed || ended).then(|| this.state.analysis_view()),
            )
        };
        if let (true, Some(on_end), Some(Some(view))) = (ended, on_end, view.clone()) {
            on_end(view);
        }
        if let (Some(on_progress), Some(view)) = (on_progress, view) {
            on_progress(view);
        }
        for response in responses {
            on_response(response);
        }
    }

    /// Gives every pair of workers a channel of their own, so their yearly exchange never
    /// waits on the page's thread. False if a channel or a message could not be made.
    fn connect(&self) -> bool {
        for (i, first) in self.workers.iter().enumerate() {
            for (j, second) in self.workers.iter().enumerate().skip(i + 1) {
                let Ok(channel) = MessageChannel::new() else {
                    return false;
                };
                for (worker, peer, port) in
                    [(first, j, channel.port1()), (second, i, channel.port2())]
                {
                    let message = envelope(
                        &ToWorker::Connect { peer: peer as u32 },
                        &[(PORT, port.clone().into())],
                    );
                    if worker
                        .post_message_with_transfer(&message, &Array::of1(&port))
                        .is_err()
                    {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Sends each part of run `run` to its worker; false if a message could not be posted.
    fn start(&self, run: u64, parts: u32, scenario: Scenario) -> bool {
        self.workers
            .iter()
            .take(parts as usize)
            .enumerate()
            .all(|(part, worker)| {
                let message = envelope(
                    &ToWorker::Run {
                        run,
                        part: part as u32,
                        parts,
                        scenario: Box::new(scenario.clone()),
                    },
                    &[],
                );
                worker.post_message(&message).is_ok()
            })
    }
}
