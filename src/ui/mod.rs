//! The browser UI: thin Yew function components over [`crate::state::AppState`].

mod app;
mod assumptions_panel;
mod base_values;
mod canvas;
mod compare_bar;
mod download;
mod engine_pool;
mod fan_chart;
mod histogram_canvas;
mod local_store;
mod notices;
mod preset_bar;
mod probability_strip;
pub mod provenance;
mod runner;
mod saved_panel;
mod sentence_panel;
mod slider;
mod store;
mod targets_table;
mod targets_together;

pub mod timing;

pub use app::{App, AppProps};
pub use assumptions_panel::AssumptionsPanel;
pub use base_values::BaseValues;
pub use compare_bar::CompareBar;
pub use fan_chart::FanChartCanvas;
pub use histogram_canvas::HistogramCanvas;
pub use notices::Notices;
pub use preset_bar::PresetBar;
pub use probability_strip::ProbabilityStrip;
pub use provenance::ProvenanceBadge;
pub use saved_panel::SavedPanel;
pub use sentence_panel::SentencePanel;
pub use slider::{Slider, SliderProps};
pub use targets_table::{TargetsTable, TargetsTableProps};
pub use targets_together::TargetsTogether;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
