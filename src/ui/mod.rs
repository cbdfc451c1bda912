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

/// Mounts the app on the page's body.
pub fn start() {
    fatal::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
