//! The page's side of the engine workers: spawns them, connects every pair with a message
//! channel, hands each run's parts out and merges the parts' summaries into the run's summary.
//!
//! The page does no engine work: merging places ten series summaries and adds ten counts.

use crate::engine;
use crate::engine::split::{self, effective_parts, PartSummary};
use crate::state::{RunRequest, RunResponse};
use crate::worker::{field, field_bytes, message, whole_field};
use js_sys::{Array, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Event, MessageChannel, MessageEvent, Url, Worker};

/// Workers spawned unless the link asks for another number: more than four rarely pays on the
/// machines a district office has, and each costs a copy of the engine's memory.
pub const DEFAULT_MAX_WORKERS: u32 = 4;

/// By default, runs with fewer paths go to one worker: below this the exchange between workers
/// (a message round trip a year) costs about as much as the work it shares out (see
/// docs/BENCHMARKS.md).
pub const SPLIT_MIN_PATHS: u32 = 5_000;

pub type OnResponse = Rc<dyn Fn(RunResponse)>;

struct CurrentRun {
    run: u64,
    request: RunRequest,
    parts: u32,
    received: Vec<PartSummary>,
    started_ms: f64,
}

struct Pool {
    workers: Vec<Worker>,
    split_min_paths: u32,
    loaded: usize,
    next_run: u64,
    current: Option<CurrentRun>,
    /// The latest request made while the workers were loading or busy.
    waiting: Option<RunRequest>,
    /// A worker failed (its script or module did not load, or it stopped): every run from then
    /// on is done on the page's thread.
    broken: bool,
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
fn spawn_worker(script: &str) -> Result<Worker, JsValue> {
    let base = gloo::utils::window().location().href()?;
    let script_url = Url::new_with_base(script, &base)?.href();
    let wasm_url = script_url.replace(".js", "_bg.wasm");
    // A module that fails to load is rethrown from a task of its own, so that it reaches the
    // page as the worker's `error` event, like a script that fails to load.
    let loader = format!(
        r#"importScripts("{script_url}");wasm_bindgen("{wasm_url}").catch(function(e){{setTimeout(function(){{throw e;}});}});"#
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
            workers: spawned,
            split_min_paths,
            loaded: 0,
            next_run: 1,
            current: None,
            waiting: None,
            broken: false,
            on_response: Rc::new(on_response),
        }));
        for (index, worker) in pool.borrow().workers.iter().enumerate() {
            let weak = Rc::downgrade(&pool);
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(pool) = weak.upgrade() {
                    Pool::on_message(&pool, index, &event.data());
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            let weak = Rc::downgrade(&pool);
            let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
                event.prevent_default();
                if let Some(pool) = weak.upgrade() {
                    Pool::on_error(&pool);
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
        }
        Ok(EnginePool { pool })
    }

    /// Runs `request` as soon as the workers are free; a request still waiting is replaced.
    pub fn send(&self, request: RunRequest) {
        let mut pool = self.pool.borrow_mut();
        if pool.broken {
            run_on_page(request, pool.on_response.clone());
        } else if pool.loaded < pool.workers.len() || pool.current.is_some() {
            pool.waiting = Some(request);
        } else {
            pool.start(request);
        }
    }
}

/// Runs `request` on the page's thread, one task later: slower, and the page waits while it
/// runs, but the numbers are the same.
pub fn run_on_page(request: RunRequest, on_response: OnResponse) {
    gloo::timers::callback::Timeout::new(0, move || {
        let started = now_ms();
        let summary = engine::run(&request.scenario);
        on_response(RunResponse {
            revision: request.revision,
            precision: request.precision,
            summary,
            engine_ms: now_ms() - started,
            workers: 0,
        });
    })
    .forget();
}

impl Pool {
    /// A worker failed: stop them all and finish the run in hand on the page's thread.
    fn on_error(pool: &Rc<RefCell<Pool>>) {
        let mut pool = pool.borrow_mut();
        if pool.broken {
            return;
        }
        pool.broken = true;
        web_sys::console::warn_1(
            &"an engine worker failed; runs continue on the page's thread".into(),
        );
        pool.workers.iter().for_each(Worker::terminate);
        let latest = pool
            .waiting
            .take()
            .or_else(|| pool.current.take().map(|current| current.request));
        if let Some(request) = latest {
            run_on_page(request, pool.on_response.clone());
        }
    }

    fn on_message(pool: &Rc<RefCell<Pool>>, worker: usize, data: &JsValue) {
        let response = {
            let mut pool = pool.borrow_mut();
            match field(data, "kind").as_string().as_deref() {
                Some("loaded") => {
                    pool.loaded += 1;
                    if pool.loaded == pool.workers.len() {
                        pool.connect();
                        if let Some(request) = pool.waiting.take() {
                            pool.start(request);
                        }
                    }
                    None
                }
                Some("done") => pool.on_done(worker, data),
                _ => None,
            }
        };
        // Outside the borrow: the callback may send the next request straight away.
        if let Some((on_response, response)) = response {
            on_response(response);
        }
    }

    /// Gives every pair of workers a channel of their own, so their yearly exchange never
    /// waits on the page's thread.
    fn connect(&self) {
        for (i, first) in self.workers.iter().enumerate() {
            for (j, second) in self.workers.iter().enumerate().skip(i + 1) {
                let Ok(channel) = MessageChannel::new() else {
                    continue;
                };
                for (worker, peer, port) in
                    [(first, j, channel.port1()), (second, i, channel.port2())]
                {
                    let message = message(
                        "connect",
                        &[
                            ("peer", (peer as u32).into()),
                            ("port", port.clone().into()),
                        ],
                    );
                    if worker
                        .post_message_with_transfer(&message, &Array::of1(&port))
                        .is_err()
                    {
                        web_sys::console::error_1(&"could not connect two engine workers".into());
                    }
                }
            }
        }
    }

    fn start(&mut self, request: RunRequest) {
        let paths = request.scenario.paths();
        let wanted = if paths >= self.split_min_paths {
            self.workers.len() as u32
        } else {
            1
        };
        self.start_parts(request, effective_parts(paths, wanted));
    }

    fn start_parts(&mut self, request: RunRequest, parts: u32) {
        let run = self.next_run;
        self.next_run += 1;
        let Ok(scenario) = bincode::serialize(&request.scenario) else {
            return;
        };
        let scenario = Uint8Array::from(scenario.as_slice());
        for (part, worker) in self.workers.iter().take(parts as usize).enumerate() {
            let message = message(
                "run",
                &[
                    ("run", (run as f64).into()),
                    ("part", (part as u32).into()),
                    ("parts", parts.into()),
                    ("scenario", scenario.clone().into()),
                ],
            );
            if worker.post_message(&message).is_err() {
                web_sys::console::error_1(&"could not start an engine worker".into());
            }
        }
        self.current = Some(CurrentRun {
            run,
            request,
            parts,
            received: Vec::with_capacity(parts as usize),
            started_ms: now_ms(),
        });
    }

    /// Takes a part's summary; once all parts are in, merges them and starts any waiting request.
    fn on_done(&mut self, worker: usize, data: &JsValue) -> Option<(OnResponse, RunResponse)> {
        let run = whole_field(data, "run")?;
        let current = self.current.as_mut().filter(|current| current.run == run)?;
        let summary = field_bytes(data, "summary")
            .and_then(|bytes| bincode::deserialize::<PartSummary>(&bytes).ok())
            .filter(|summary| summary.run == run && summary.part as usize == worker)?;
        current.received.push(summary);
        if current.received.len() < current.parts as usize {
            return None;
        }
        let current = self.current.take()?;
        let merged = split::merge(&current.request.scenario, &current.received);
        let response = merged.map(|summary| RunResponse {
            revision: current.request.revision,
            precision: current.request.precision,
            summary,
            engine_ms: now_ms() - current.started_ms,
            workers: current.parts,
        });
        match self.waiting.take() {
            Some(request) => self.start(request),
            // Parts that do not merge cannot come from these workers; run again in one part
            // rather than leave the page waiting.
            None if response.is_none() && current.parts > 1 => self.start_parts(current.request, 1),
            None if response.is_none() => web_sys::console::error_1(
                &"the engine workers returned parts that do not merge".into(),
            ),
            None => {}
        }
        response.map(|response| (self.on_response.clone(), response))
    }
}
