//! Saved scenarios in this browser: the panel, over localStorage.

mod local_store;
mod saved_panel;

pub use saved_panel::SavedPanel;
