//! What a run says about the targets: the table, the compact table of embeds and print, the
//! phone's strip, targets met together, and a target's sentence in the plan.

mod compact_targets;
mod own_target_rows;
mod probability_strip;
mod sentence_panel;
mod targets_table;
mod targets_together;

pub use compact_targets::{CompactTargets, CompactTargetsProps};
pub use probability_strip::ProbabilityStrip;
pub use sentence_panel::SentencePanel;
pub use targets_table::{TargetsTable, TargetsTableProps};
pub use targets_together::TargetsTogether;
