//! The scenario file: export and import, on the entry codec it shares with the store.

use super::entry::{decode_entry, EntryOut};
use super::{read_json, SavedScenario, Severity};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

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
    /// What is wrong, in English.
    pub message: String,
    pub severity: Severity,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.entry > 0 {
            write!(f, "entry {}", self.entry)?;
            if let Some(name) = &self.name {
                write!(f, " “{name}”")?;
            }
            if !self.field.is_empty() {
                write!(f, ", ")?;
            }
        }
        if !self.field.is_empty() {
            write!(f, "{}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
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
    let whole = |field: &str, message: String| ImportProblem {
        entry: 0,
        name: None,
        field: field.to_owned(),
        message,
        severity: Severity::Error,
    };
    // A byte order mark, as some editors on Windows write, is not JSON but harmless.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = match read_json(text) {
        Ok(root) => root,
        Err(error) => {
            report
                .problems
                .push(whole("", format!("not a JSON file ({error})")));
            return report;
        }
    };
    let format = root.get("format");
    if format.and_then(Value::as_str) != Some(FILE_FORMAT) {
        let found = format.map_or_else(|| "missing".to_owned(), Value::to_string);
        let message = format!("not a scenario file (format {found}, not \"{FILE_FORMAT}\")");
        report.problems.push(whole("format", message));
        return report;
    }
    let version = root.get("version");
    if !version
        .and_then(Value::as_u64)
        .is_some_and(|v| (1..=u64::from(FILE_VERSION)).contains(&v))
    {
        let found = version.map_or_else(|| "missing".to_owned(), Value::to_string);
        let message =
            format!("unsupported version {found}; this build reads versions 1 and {FILE_VERSION}");
        report.problems.push(whole("version", message));
        return report;
    }
    let Some(scenarios) = root.get("scenarios").and_then(Value::as_array) else {
        report
            .problems
            .push(whole("scenarios", "missing or not a list".into()));
        return report;
    };
    // The position in the file of each entry of `report.valid`.
    let mut positions = Vec::new();
    for (at, value) in scenarios.iter().enumerate() {
        let decoded = decode_entry(value, None);
        let mut problem = |field: String, message: String, severity| {
            report.problems.push(ImportProblem {
                entry: at + 1,
                name: decoded.name.clone(),
                field,
                message,
                severity,
            });
        };
        for issue in decoded.issues {
            problem(issue.field, issue.message, issue.severity);
        }
        let Some(entry) = decoded.entry else {
            continue;
        };
        match report.valid.iter().position(|e| e.name == entry.name) {
            Some(first) => {
                let first = positions[first];
                let message = format!("entry {first} has the same name; only that one is imported");
                problem("name".into(), message, Severity::Error);
            }
            None => {
                positions.push(at + 1);
                report.valid.push(entry);
            }
        }
    }
    report
}
