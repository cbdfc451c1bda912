//! Taking a scenario into a briefing: the export bar, files (CSV, PNG, SVG), the link, a piece
//! embedded alone and the messages with its host page, the embed dialog, the printed sheet.

pub mod clipboard;
pub mod download;
mod embed_dialog;
mod embed_view;
mod export_bar;
pub mod exports;
pub mod host_messages;
mod print_sheet;
mod print_wanted;

pub use embed_dialog::EmbedDialog;
pub use embed_view::EmbedView;
pub use export_bar::ExportBar;
pub use print_sheet::PrintSheet;
pub use print_wanted::{use_print_wanted, PrintWanted};
