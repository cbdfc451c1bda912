//! The page's one pool of workers, and the state's run requests carried out on it.

use super::worker_pool::{WorkerPool, DEFAULT_MAX_WORKERS, SPLIT_MIN_PATHS};
use crate::engine::split::MAX_PARTS;
use crate::state::Action;
use crate::ui::page::store::Store;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long a dragged slider must rest before the full run replaces the preview.
const REST_MS: u32 = 150;

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

/// Spawns the page's workers once (none with `in_thread`: everything on the page's thread, for
/// component tests), sends them each request the state asks for, and turns a pause in dragging
/// into the full run. The pool is the analyses' too.
#[hook]
pub fn use_engine(store: &UseReducerHandle<Store>, in_thread: bool) -> WorkerPool {
    let pool = {
        let dispatcher = store.dispatcher();
        use_memo(in_thread, move |&in_thread| {
            let on_response: super::worker_pool::OnResponse = Rc::new(move |response| {
                dispatcher.dispatch(Action::RunFinished(Rc::new(response)))
            });
            if in_thread {
                return WorkerPool::on_page(on_response);
            }
            // Relative: the site works from any folder.
            let (workers, split_min_paths) = worker_count();
            match WorkerPool::spawn("./worker.js", workers, split_min_paths, on_response.clone()) {
                Ok(pool) => pool,
                // A browser that cannot start workers still gets its numbers, a little slower.
                Err(error) => {
                    web_sys::console::warn_2(&"engine workers unavailable".into(), &error);
                    WorkerPool::on_page(on_response)
                }
            }
        })
    };
    let pool: WorkerPool = (*pool).clone();

    let request = store.0.next_request();
    {
        let (dispatcher, pool) = (store.dispatcher(), pool.clone());
        use_effect_with(request, move |request| {
            if let Some(request) = request {
                dispatcher.dispatch(Action::RunStarted(request.key));
                pool.send(request.clone());
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
    pool
}
