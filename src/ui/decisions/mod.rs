//! Decisions: the sensitivity of the odds to each lever and assumption (the tornado), what a
//! lever must do to reach a level (goal-seek), and the hook that runs them on the workers.

mod analysis_controls;
mod decision_panel;
mod goal_seek_panel;
mod tornado_table;
pub mod use_analysis;

pub use decision_panel::DecisionPanel;
