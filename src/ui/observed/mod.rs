//! What has happened: the observed years the paths are conditioned on.

mod observed_panel;

pub use observed_panel::ObservedPanel;
