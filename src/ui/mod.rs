//! The browser UI: thin Yew function components over [`crate::state::AppState`].

mod analysis_controls;
mod analysis_workers;
mod app;
mod assumptions_panel;
mod base_values;
mod canvas;
mod chart_exports;
mod clipboard;
mod compact_targets;
mod compare_bar;
mod decision_panel;
mod download;
mod embed_dialog;
mod embed_view;
mod engine_pool;
mod export_bar;
mod exports;
mod fan_chart;
pub mod fatal;
mod goal_seek_panel;
mod histogram_canvas;
mod host_messages;
mod local_store;
mod notices;
mod preset_bar;
mod print_sheet;
mod probability_strip;
pub mod provenance;
mod runner;
mod saved_panel;
mod sentence_panel;
mod slider;
mod store;
mod targets_table;
mod targets_together;
mod tornado_table;
mod use_analysis;

pub mod timing;

pub use app::{App, AppProps};
pub use assumptions_panel::AssumptionsPanel;
pub use base_values::BaseValues;
pub use compact_targets::{CompactTargets, CompactTargetsProps};
pub use compare_bar::CompareBar;
pub use decision_panel::DecisionPanel;
pub use embed_dialog::EmbedDialog;
pub use embed_view::EmbedView;
pub use export_bar::ExportBar;
pub use fan_chart::FanChartCanvas;
pub use histogram_canvas::HistogramCanvas;
pub use notices::Notices;
pub use preset_bar::PresetBar;
pub use print_sheet::PrintSheet;
pub use probability_strip::ProbabilityStrip;
pub use provenance::ProvenanceBadge;
pub use saved_panel::SavedPanel;
pub use sentence_panel::SentencePanel;
pub use slider::{Slider, SliderProps};
pub use targets_table::{TargetsTable, TargetsTableProps};
pub use targets_together::TargetsTogether;

/// Mounts the app on the page's body.
pub fn start() {
    fatal::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
