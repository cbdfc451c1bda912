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

use crate::scenario::{Scenario, PARAMS};

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

/// One parameter in force, as a file states it: its key, its value (a choice by its name), its
/// unit in English and the tag of where its default comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamInForce {
    pub key: &'static str,
    pub value: f64,
    /// A choice's name (`real`, `not_lagging`); `None` for a number.
    pub choice: Option<&'static str>,
    pub unit: &'static str,
    /// `plan`, `plan-target`, `derived`, `assumption` or `neutral`.
    pub tag: &'static str,
}

/// Every parameter of `scenario`, in `PARAMS` order, so that a number quoted from a file can be
/// traced to what produced it without the app.
pub fn parameters_in_force(scenario: &Scenario) -> Vec<ParamInForce> {
    PARAMS
        .iter()
        .map(|spec| {
            let value = scenario.get(spec.param);
            ParamInForce {
                key: spec.key,
                value,
                choice: spec.choice_name(value),
                unit: spec.unit_en,
                tag: crate::text::describe(spec.provenance, crate::i18n::Lang::En).0,
            }
        })
        .collect()
}
