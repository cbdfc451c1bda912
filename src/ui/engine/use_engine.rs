//! Carries out the state's run requests on the engine workers.

use crate::engine::split::MAX_PARTS;
use crate::state::{Action, RunRequest};
use crate::ui::engine::worker_pool::{
    run_on_page, EnginePool, DEFAULT_MAX_WORKERS, SPLIT_MIN_PATHS,
};
use crate::ui::page::store::Store;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long a dragged slider must rest before the full run replaces the preview.
const REST_MS: u32 = 150;

/// Where runs happen.
enum Engine {
    Workers(EnginePool),
    /// On the page's thread, one task later: for component tests, which have no worker script.
    InThread(UseReducerDispatcher<Store>),
}

impl Engine {
    fn send(&self, request: RunRequest) {
        match self {
            Engine::Workers(pool) => pool.send(request),
            Engine::InThread(dispatcher) => {
                let dispatcher = dispatcher.clone();
                run_on_page(
                    request,
                    Rc::new(move |response| {
                        dispatcher.dispatch(Action::RunFinished(Rc::new(response)))
                    }),
                );
            }
        }
    }
}

/// How many workers to spawn, and from how many paths a run is split: `?workers=N` in the page's
/// address (1 to 10) splits every run N ways, for benchmarks and comparisons; otherwise one
/// worker per core up to [`DEFAULT_MAX_WORKERS`], splitting runs of [`SPLIT_MIN_PATHS`] or more.
/// The scenario lives in the fragment, so this never changes the numbers, only how fast they
/// come. A value that is not a number is ignored.
fn worker_count() -> (u32, u32) {
    let window = gloo::utils::window();
    let asked = window
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("workers"))
        .and_then(|value| value.trim().parse::<u32>().ok());
    let cores = window.navigator().hardware_concurrency();
    let default = if cores.is_finite() && cores >= 1.0 {
        (cores as u32).min(DEFAULT_MAX_WORKERS)
    } else {
        1
    };
    match asked {
        Some(asked) => (asked.clamp(1, MAX_PARTS), 0),
        None => (default.clamp(1, MAX_PARTS), SPLIT_MIN_PATHS),
    }
}

/// Spawns the workers once, sends them each request the state asks for, and turns a pause in
/// dragging into the full run.
#[hook]
pub fn use_engine_runner(store: &UseReducerHandle<Store>, in_thread: bool) {
    let engine = {
        let dispatcher = store.dispatcher();
        use_memo(in_thread, move |&in_thread| {
            if in_thread {
                return Engine::InThread(dispatcher);
            }
            let on_response = {
                let dispatcher = dispatcher.clone();
                move |response| dispatcher.dispatch(Action::RunFinished(Rc::new(response)))
            };
            // Relative: the site works from any folder.
            let (workers, split_min_paths) = worker_count();
            match EnginePool::spawn("./worker.js", workers, split_min_paths, on_response) {
                Ok(pool) => Engine::Workers(pool),
                // A browser that cannot start workers still gets its numbers, a little slower.
                Err(error) => {
                    web_sys::console::warn_2(&"engine workers unavailable".into(), &error);
                    Engine::InThread(dispatcher)
                }
            }
        })
    };

    let request = store.0.next_request();
    {
        let dispatcher = store.dispatcher();
        use_effect_with(request, move |request| {
            if let Some(request) = request {
                dispatcher.dispatch(Action::RunStarted(request.key));
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
