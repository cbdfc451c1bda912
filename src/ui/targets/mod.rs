//! Targets of one's own: added, listed and removed.

mod own_targets_panel;

pub use own_targets_panel::OwnTargetsPanel;
