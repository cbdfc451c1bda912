//! The engine behind a Web Worker: a [`RunRequest`] in, a [`RunResponse`] (a few kilobytes)
//! out, so the page's thread never waits on a run.

use crate::engine;
use crate::state::{RunRequest, RunResponse};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen::JsCast;

pub struct EngineWorker;

/// Milliseconds from the worker's time origin, for the engine time reported with each result.
fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|scope| scope.performance())
        .map_or(0.0, |performance| performance.now())
}

impl Worker for EngineWorker {
    type Message = ();
    type Input = RunRequest;
    type Output = RunResponse;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        EngineWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _message: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: RunRequest, id: HandlerId) {
        let started = now_ms();
        let summary = engine::run(&request.scenario);
        scope.respond(
            id,
            RunResponse {
                revision: request.revision,
                precision: request.precision,
                summary,
                engine_ms: now_ms() - started,
            },
        );
    }
}
