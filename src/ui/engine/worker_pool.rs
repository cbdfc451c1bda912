//! The page's side of the engine workers, as browser calls: spawns them, connects every pair
//! with a message channel, and carries out what [`PoolState`] decides (which run goes where,
//! merging the parts, falling back to the page's thread).
//!
//! The page does no engine work while the workers are well: merging places ten series summaries
//! and adds ten pairs of counts.

use crate::engine;
use crate::pool::{Command, PoolState};
use crate::protocol::{FromWorker, ToWorker, PORT};
use crate::scenario::Scenario;
use crate::state::{RunRequest, RunResponse};
use crate::worker::{envelope, opened};
use js_sys::Array;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Event, MessageChannel, MessageEvent, Url, Worker};

/// Workers spawned unless the link asks for another number: more than four rarely pays on the
/// machines a district office has, and each costs a copy of the engine's memory.
pub const DEFAULT_MAX_WORKERS: u32 = 4;

/// By default, runs with fewer paths go to one worker: below this the exchange between workers
/// costs about as much as the work it shares out (see docs/BENCHMARKS.md).
pub const SPLIT_MIN_PATHS: u32 = 5_000;

/// How often the pool checks that its workers are making progress.
const WATCHDOG_MS: u32 = 1_000;

pub type OnResponse = Rc<dyn Fn(RunResponse)>;

struct Pool {
    workers: Vec<Worker>,
    state: PoolState,
    on_response: OnResponse,
}

/// A handle to the workers; dropping it does not stop them (the page lives as long as they do).
pub struct EnginePool {
    pool: Rc<RefCell<Pool>>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// A worker that loads `script` (wasm-bindgen's no-modules output) and starts its wasm module.
pub(super) fn spawn_worker(script: &str) -> Result<Worker, JsValue> {
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

impl EnginePool {
    /// Spawns `workers` workers running `script`, which split runs of `split_min_paths` paths or
    /// more between them; each finished run goes to `on_response`.
    pub fn spawn(
        script: &str,
        workers: u32,
        split_min_paths: u32,
        on_response: impl Fn(RunResponse) + 'static,
    ) -> Result<EnginePool, JsValue> {
        let spawned = (0..workers.max(1))
            .map(|_| spawn_worker(script))
            .collect::<Result<Vec<_>, _>>()?;
        let pool = Rc::new(RefCell::new(Pool {
            state: PoolState::new(spawned.len() as u32, split_min_paths),
            workers: spawned,
            on_response: Rc::new(on_response),
        }));
        for (index, worker) in pool.borrow().workers.iter().enumerate() {
            let weak = Rc::downgrade(&pool);
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(pool) = weak.upgrade() {
                    Pool::on_message(&pool, index as u32, &event.data());
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            let weak = Rc::downgrade(&pool);
            let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
                event.prevent_default();
                if let Some(pool) = weak.upgrade() {
                    let commands = pool.borrow_mut().state.failed();
                    Pool::carry_out(&pool, commands);
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
        }
        // A watchdog: workers that never load, or a run that stops making progress, fall back
        // to the page's thread instead of leaving the page on "running" for good.
        let weak = Rc::downgrade(&pool);
        gloo::timers::callback::Interval::new(WATCHDOG_MS, move || {
            if let Some(pool) = weak.upgrade() {
                let commands = pool.borrow_mut().state.check(now_ms());
                Pool::carry_out(&pool, commands);
            }
        })
        .forget();
        Ok(EnginePool { pool })
    }

    /// Runs `request` as soon as the workers are free; a request still waiting is replaced.
    pub fn send(&self, request: RunRequest) {
        let commands = self.pool.borrow_mut().state.send(request, now_ms());
        Pool::carry_out(&self.pool, commands);
    }
}

/// Runs `request` on the page's thread, one task later: slower, and the page waits while it
/// runs, but the numbers are the same.
pub fn run_on_page(request: RunRequest, on_response: OnResponse) {
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
                Ok(FromWorker::Refused { run, .. }) => pool.state.refused(run, now),
                // Not for this pool's workers.
                Ok(FromWorker::Analysed { .. }) => Vec::new(),
                // A result that cannot be read cannot be merged: the run is done again rather
                // than waited for.
                Err(_) => pool.state.refused(None, now),
            }
        };
        Pool::carry_out(pool, commands);
    }

    /// Carries out `commands` in order; a message that cannot be posted is a failed worker,
    /// whose recovery is carried out in turn. The response goes out last and outside the
    /// borrow: the state may send the next request straight away.
    fn carry_out(pool: &Rc<RefCell<Pool>>, commands: Vec<Command>) {
        let mut queue: VecDeque<Command> = commands.into();
        let mut responses = Vec::new();
        while let Some(command) = queue.pop_front() {
            let posted = {
                let pool = pool.borrow();
                match command {
                    Command::Connect => pool.connect(),
                    Command::Start {
                        run,
                        parts,
                        scenario,
                    } => pool.start(run, parts, scenario),
                    Command::StopWorkers => {
                        pool.workers.iter().for_each(Worker::terminate);
                        true
                    }
                    Command::RunOnPage(request) => {
                        run_on_page(request, pool.on_response.clone());
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
                }
            };
            if !posted {
                queue.extend(pool.borrow_mut().state.failed());
            }
        }
        let on_response = pool.borrow().on_response.clone();
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
