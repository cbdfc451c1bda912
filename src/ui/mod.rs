//! The browser UI: thin Yew function components over [`crate::state::AppState`].

mod app;
mod fan_chart;
mod notices;
mod provenance;
mod runner;
mod slider;
mod targets_table;
pub mod text;
pub mod timing;

pub use app::{App, AppProps};
pub use fan_chart::FanChartCanvas;
pub use notices::Notices;
pub use provenance::ProvenanceBadge;
pub use slider::{Slider, SliderProps};
pub use targets_table::{TargetsTable, TargetsTableProps};

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
