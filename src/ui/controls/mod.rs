//! What sets the scenario: the sliders, the assumptions, the presets, pinning A, and the
//! provenance badge every number carries.

mod assumptions_panel;
mod base_values;
mod compare_bar;
mod preset_bar;
pub mod provenance;
mod slider;

pub use assumptions_panel::AssumptionsPanel;
pub use base_values::BaseValues;
pub use compare_bar::CompareBar;
pub use preset_bar::PresetBar;
pub use provenance::ProvenanceBadge;
pub use slider::{Slider, SliderProps};
