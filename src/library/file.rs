//! The scenario file: export and import, on the entry codec it shares with the store.

use super::entry::{decode_entry, EntryOut};
use super::{read_json, shown, Problem, SavedScenario, Severity};
use serde::Serialize;
use serde_json::Value;

/// The file's `format`: what it is.
pub const FILE_FORMAT: &str = "taijiang-sim-scenarios";
/// The file version this build writes; it also reads version 1.
pub const FILE_VERSION: u32 = 2;
/// A problem with one entry of an imported file (`entry` 0: the whole file).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblem {
    /// The entry's 1-based position in `scenarios`; 0 for the whole file.
    pub entry: usize,
    /// The entry's name, if it has a readable one.
    pub name: Option<String>,
    /// Where: `scenario.values.gdp`, `pinned.preset`, `model`, …; empty for the whole entry.
    pub field: String,
    /// What is wrong (`text::saved` says it in words).
    pub problem: Problem,
    pub severity: Severity,
}

/// What [`import_file`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The entries without errors, in file order.
    pub valid: Vec<SavedScenario>,
    /// Every error (its entry is not in `valid`) and warning, in file order.
    pub problems: Vec<ImportProblem>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    scenarios: Vec<EntryOut<'a>>,
}

/// The name of an exported scenario file, with the day of the export (`saved_at`-style ISO
/// time): `taijiang-scenarios-2026-12-04.json`.
pub fn export_file_name(now_iso: &str) -> String {
    let day: String = now_iso.chars().take(10).collect();
    format!("taijiang-scenarios-{day}.json")
}

/// The scenario file of `entries` (pretty JSON, version 2, entries in format 2).
pub fn export_file(entries: &[SavedScenario]) -> String {
    let file = FileOut {
        format: FILE_FORMAT,
        version: FILE_VERSION,
        scenarios: entries.iter().map(EntryOut::new).collect(),
    };
    let text = serde_json::to_string_pretty(&file).expect("plain data always serialises");
    text + "\n"
}

/// Reads a scenario file (version 1 or 2; each entry by its own `format`). Entries without
/// errors are returned; every problem is listed with its entry and field. A problem with the
/// whole file (not JSON, another `format`, an unsupported version) is the one problem, entry 0.
/// A name used by an earlier entry of the file is an error (the first one is imported).
pub fn import_file(text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    let whole = |field: &str, problem: Problem| ImportProblem {
        entry: 0,
        name: None,
        field: field.to_owned(),
        problem,
        severity: Severity::Error,
    };
    // A byte order mark, as some editors on Windows write, is not JSON but harmless.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = match read_json(text) {
        Ok(root) => root,
        Err(error) => {
            report
                .problems
                .push(whole("", Problem::FileNotJson(error.to_string())));
            return report;
        }
    };
    let format = root.get("format");
    if format.and_then(Value::as_str) != Some(FILE_FORMAT) {
        let problem = format.map_or(Problem::Missing, |found| {
            Problem::NotScenarioFile(shown(found))
        });
        report.problems.push(whole("format", problem));
        return report;
    }
    let version = root.get("version");
    if !version
        .and_then(Value::as_u64)
        .is_some_and(|v| (1..=u64::from(FILE_VERSION)).contains(&v))
    {
        let problem = version.map_or(Problem::Missing, |found| {
            Problem::UnsupportedVersion(shown(found))
        });
        report.problems.push(whole("version", problem));
        return report;
    }
    let Some(scenarios) = root.get("scenarios").and_then(Value::as_array) else {
        report
            .problems
            .push(whole("scenarios", Problem::NoScenarios));
        return report;
    };
    // The position in the file of each entry of `report.valid`.
    let mut positions = Vec::new();
    for (at, value) in scenarios.iter().enumerate() {
        let decoded = decode_entry(value, None);
        let mut problem = |field: String, problem: Problem, severity| {
            report.problems.push(ImportProblem {
                entry: at + 1,
                name: decoded.name.clone(),
                field,
                problem,
                severity,
            });
        };
        for issue in decoded.issues {
            problem(issue.field, issue.problem, issue.severity);
        }
        let Some(entry) = decoded.entry else {
            continue;
        };
        match report.valid.iter().position(|e| e.name == entry.name) {
            Some(first) => {
                problem(
                    "name".into(),
                    Problem::SameNameAs(positions[first]),
                    Severity::Error,
                );
            }
            None => {
                positions.push(at + 1);
                report.valid.push(entry);
            }
        }
    }
    report
}
