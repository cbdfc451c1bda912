//! The browser UI: thin Yew function components over [`crate::state::AppState`], one per file,
//! grouped by what the user does with them (docs/ARCHITECTURE.md names every file).

pub mod briefing;
pub mod charts;
pub mod controls;
pub mod decisions;
pub mod engine;
pub mod observed;
pub mod page;
pub mod results;
pub mod saved;
pub mod targets;

pub use controls::{Slider, SliderProps};
pub use page::{fatal, App, AppProps};
pub use results::{CompactTargets, CompactTargetsProps, TargetsTable, TargetsTableProps};

/// The element the app is drawn into, added at the end of the body. Not the body itself: Yew
/// empties its host first, and the first screen the build wrote into the page
/// (`src/prerender.rs`) must stay until the app's results have drawn.
const HOST: &str = "app-host";

/// Mounts the app on its host at the end of the page's body (on the body itself, should the host
/// not be made).
pub fn start() {
    fatal::install_panic_hook();
    match make_host() {
        Some(host) => yew::Renderer::<App>::with_root(host).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// What the page says to a browser that cannot run the app (no JavaScript, or opened from a
/// folder): gone once the app runs, so that it is never read out beside the app.
const CANNOT_RUN: &str = "noscript, #opened-from-a-folder";

fn make_host() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    if let Ok(nodes) = document.query_selector_all(CANNOT_RUN) {
        for index in 0..nodes.length() {
            if let Some(node) = nodes.item(index) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    let host = document.create_element("div").ok()?;
    host.set_id(HOST);
    document.body()?.append_child(&host).ok()?;
    Some(host)
}
