//! What leaves the simulator as a file or for another program: the whole summary as JSON (the
//! CLI's `--json`), CSV for spreadsheets, charts as SVG with their caption, the iframe snippet of
//! an embedded piece, and the messages an embedded page posts to the page around it.

mod analysis;
mod csv;
mod embed;
mod json;
pub mod message;
mod qr;
mod svg;

pub use analysis::{goal_seek_json, tornado_json};
pub use csv::{series_csv, series_unit, targets_csv, CsvContext, BOM};
pub use embed::{escape_attribute, iframe_snippet};
pub use json::summary_json;
pub use qr::link_qr_svg;
pub use svg::{chart_svg, EXPORT_SIZE};

/// The name of an exported file: what it holds, the year it is about and the first six hex
/// digits of the run's fingerprint (`taijiang-gdp-2025-1e70d3.svg`), so that files from two
/// scenarios never overwrite each other and a file says which run it came from.
pub fn file_name(what: &str, year: i32, fingerprint: u64, extension: &str) -> String {
    let short = &format!("{fingerprint:016x}")[..6];
    format!("taijiang-{what}-{year}-{short}.{extension}")
}
