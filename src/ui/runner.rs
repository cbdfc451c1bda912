//! Carries out the state's run requests on the engine worker.

use super::app::Store;
use crate::engine;
use crate::state::{Action, RunRequest, RunResponse};
use crate::worker::EngineWorker;
use gloo::timers::callback::Timeout;
use gloo::worker::Spawnable;
use gloo::worker::WorkerBridge;
use std::rc::Rc;
use yew::prelude::*;

/// How long a dragged slider must rest before the full run replaces the preview.
const REST_MS: u32 = 150;

/// Where runs happen.
enum Engine {
    Worker(WorkerBridge<EngineWorker>),
    /// On the page's thread, one task later: for component tests, which have no worker script.
    InThread(UseReducerDispatcher<Store>),
}

impl Engine {
    fn send(&self, request: RunRequest) {
        match self {
            Engine::Worker(bridge) => bridge.send(request),
            Engine::InThread(dispatcher) => {
                let dispatcher = dispatcher.clone();
                Timeout::new(0, move || {
                    let started = gloo::utils::window().performance().map(|p| p.now());
                    let summary = engine::run(&request.scenario);
                    let ended = gloo::utils::window().performance().map(|p| p.now());
                    let response = RunResponse {
                        revision: request.revision,
                        precision: request.precision,
                        summary,
                        engine_ms: ended.zip(started).map_or(0.0, |(end, start)| end - start),
                    };
                    dispatcher.dispatch(Action::RunFinished(Rc::new(response)));
                })
                .forget();
            }
        }
    }
}

/// Spawns the worker once, sends it each request the state asks for, and turns a pause in
/// dragging into the full run.
#[hook]
pub fn use_engine_runner(store: &UseReducerHandle<Store>, in_thread: bool) {
    let engine = {
        let dispatcher = store.dispatcher();
        use_memo(in_thread, move |&in_thread| {
            if in_thread {
                return Engine::InThread(dispatcher);
            }
            let bridge = EngineWorker::spawner()
                .callback(move |response| {
                    dispatcher.dispatch(Action::RunFinished(Rc::new(response)))
                })
                // Relative: the site works from any folder.
                .spawn("./worker.js");
            Engine::Worker(bridge)
        })
    };

    let request = store.0.next_request();
    {
        let dispatcher = store.dispatcher();
        use_effect_with(request, move |request| {
            if let Some(request) = request {
                dispatcher.dispatch(Action::RunStarted(request.revision, request.precision));
                engine.send(request.clone());
            }
        });
    }

    {
        let dispatcher = store.dispatcher();
        use_effect_with(
            (store.0.revision, store.0.dragging),
            move |&(revision, dragging)| {
                let rest = dragging.then(|| {
                    Timeout::new(REST_MS, move || {
                        dispatcher.dispatch(Action::Rested(revision))
                    })
                });
                move || drop(rest)
            },
        );
    }
}
