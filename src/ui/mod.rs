//! The browser UI: thin Yew function components over [`crate::state::AppState`].

mod app;
mod assumptions_panel;
mod base_values;
mod canvas;
mod engine_pool;
mod fan_chart;
mod histogram_canvas;
mod notices;
pub mod provenance;
mod runner;
mod sentence_panel;
mod slider;
mod targets_table;
pub mod text;
pub mod timing;

pub use app::{App, AppProps};
pub use assumptions_panel::AssumptionsPanel;
pub use base_values::BaseValues;
pub use fan_chart::FanChartCanvas;
pub use histogram_canvas::HistogramCanvas;
pub use notices::Notices;
pub use provenance::ProvenanceBadge;
pub use sentence_panel::SentencePanel;
pub use slider::{Slider, SliderProps};
pub use targets_table::{TargetsTable, TargetsTableProps};

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
