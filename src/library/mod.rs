//! Saved scenarios: the user's library in a key-value store (the browser's localStorage, or a
//! [`MemoryStore`]), one key per entry, and the scenario file that exports and imports them
//! (`docs/SCENARIO-FILE.md`).
//!
//! The module never reads a clock or the browser: the page passes the time of a save and a
//! [`Store`] over localStorage. Reading is tolerant: a broken entry is reported by its name and
//! skipped, the others still load; nothing is overwritten without `overwrite: true`.

mod entry;
mod file;
mod observed;
mod problem;
mod targets;

pub use file::{
    export_file, export_file_name, import_file, ImportProblem, ImportReport, FILE_FORMAT,
    FILE_VERSION,
};
pub use problem::Problem;

use crate::link::{Labelled, MODEL_VERSION};
use crate::scenario::sources::Sources;
use crate::scenario::targets::Wordings;
use serde_json::Value;
use std::collections::BTreeMap;

/// The prefix of every entry's key; the rest of the key is the entry's name.
pub const KEY_PREFIX: &str = "taijiang-sim.scenario.";
/// The entry format this build writes (it also reads format 1 and rewrites it in this one).
pub const FORMAT_VERSION: u32 = 2;

/// The browser's localStorage, or a map in tests.
pub trait Store {
    fn keys(&self) -> Vec<String>;
    fn get(&self, key: &str) -> Option<String>;
    /// Fails when the store is full (localStorage's quota) or unavailable.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str);
}

/// A store in memory: for tests, and for the page when localStorage is unavailable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryStore {
    map: BTreeMap<String, String>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl Store for MemoryStore {
    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

/// One saved scenario: B (`current`) and, if it was pinned, A.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    /// When it was saved, as the caller gave it (ISO-8601 by convention; not checked).
    pub saved_at: String,
    /// The model version it was made with.
    pub model: u32,
    pub current: Labelled,
    pub pinned: Option<Labelled>,
    /// Where the observed values (of either scenario) were read.
    pub sources: Sources,
    /// The wording of the targets of one's own (of either scenario).
    pub wordings: Wordings,
}

impl SavedScenario {
    /// An entry made now by this build (`model` is [`MODEL_VERSION`]).
    pub fn new(
        name: impl Into<String>,
        saved_at: impl Into<String>,
        current: Labelled,
        pinned: Option<Labelled>,
    ) -> SavedScenario {
        SavedScenario {
            name: name.into(),
            saved_at: saved_at.into(),
            model: MODEL_VERSION,
            current,
            pinned,
            sources: Sources::default(),
            wordings: Wordings::default(),
        }
    }

    /// The same entry with the wording of its targets of one's own (of those it has).
    pub fn with_wordings(self, wordings: &Wordings) -> SavedScenario {
        let mut kept = wordings.of(self.current.scenario.targets());
        if let Some(pinned) = &self.pinned {
            for (name, text) in wordings.of(pinned.scenario.targets()).iter() {
                kept = kept.with(name, text);
            }
        }
        SavedScenario {
            wordings: kept,
            ..self
        }
    }

    /// The same entry with the sources of its observed values (only those of values observed
    /// in either scenario are kept).
    pub fn with_sources(self, sources: &Sources) -> SavedScenario {
        let mut kept = sources.of(self.current.scenario.observed());
        if let Some(pinned) = &self.pinned {
            for (series, year, text) in sources.of(pinned.scenario.observed()).iter() {
                kept = kept.with(series, year, text);
            }
        }
        SavedScenario {
            sources: kept,
            ..self
        }
    }
}

/// An error keeps the entry out; a warning lets it load and says what to look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem with one stored entry.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryProblem {
    /// The entry's name, from its key.
    pub name: String,
    /// Where in the entry: `scenario.values.gdp`, `model`, …; empty for the whole entry.
    pub field: String,
    /// What is wrong (`text::saved` says it in words).
    pub problem: Problem,
    pub severity: Severity,
}

/// What [`load_all`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    /// The entries that could be read, sorted by name.
    pub entries: Vec<SavedScenario>,
    /// Errors (the entry was skipped) and warnings (it loaded), in key order.
    pub problems: Vec<EntryProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The name is taken and `overwrite` was false.
    Exists,
    /// The name is empty or only spaces.
    EmptyName,
    /// The entry to rename does not exist.
    NotFound,
    /// The store refused the write (full, or unavailable); nothing was changed.
    Storage(String),
}

/// The store key of the entry `name`.
pub fn key(name: &str) -> String {
    format!("{KEY_PREFIX}{name}")
}

/// Whether an entry (readable or not) is stored under `name`.
pub fn exists<S: Store + ?Sized>(store: &S, name: &str) -> bool {
    store.get(&key(name)).is_some()
}

/// Reads every entry. Entries that cannot be read are reported by name and skipped (and left
/// in the store as they are); keys without [`KEY_PREFIX`] are ignored. Format-1 entries are
/// migrated: each one that reads is rewritten in format 2 under its key (if the store refuses
/// the write, it loads anyway and stays in format 1, with a warning).
pub fn load_all<S: Store + ?Sized>(store: &mut S) -> LoadReport {
    let mut report = LoadReport::default();
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect();
    keys.sort();
    for key in keys {
        let name = &key[KEY_PREFIX.len()..];
        let Some(text) = store.get(&key) else {
            continue;
        };
        let mut report_problem = |field: &str, problem: Problem, severity| {
            report.problems.push(EntryProblem {
                name: name.to_owned(),
                field: field.to_owned(),
                problem,
                severity,
            });
        };
        let value = match read_json(&text) {
            Ok(value) => value,
            Err(error) => {
                report_problem("", Problem::NotJson(error.to_string()), Severity::Error);
                continue;
            }
        };
        let decoded = entry::decode_entry(&value, Some(name));
        for issue in decoded.issues {
            report_problem(&issue.field, issue.problem, issue.severity);
        }
        let Some(entry) = decoded.entry else {
            continue;
        };
        if decoded.format != Some(FORMAT_VERSION) {
            if let Err(why) = store.set(&key, &entry::encode_entry(&entry)) {
                report_problem("format", Problem::NotRewritten(why), Severity::Warning);
            }
        }
        report.entries.push(entry);
    }
    report.entries.sort_by(|a, b| a.name.cmp(&b.name));
    report
}

/// Stores `entry` under its name, in format 2. A taken name is overwritten only with
/// `overwrite`; on any error the store is unchanged.
pub fn save<S: Store + ?Sized>(
    store: &mut S,
    entry: &SavedScenario,
    overwrite: bool,
) -> Result<(), SaveError> {
    if entry.name.trim().is_empty() {
        return Err(SaveError::EmptyName);
    }
    if !overwrite && exists(store, &entry.name) {
        return Err(SaveError::Exists);
    }
    store
        .set(&key(&entry.name), &entry::encode_entry(entry))
        .map_err(SaveError::Storage)
}

/// Renames an entry (even one that cannot be read): the new key is written first and the old
/// one removed only once that succeeded, so the entry is never lost. A taken name is
/// overwritten only with `overwrite`; renaming to the same name does nothing.
pub fn rename<S: Store + ?Sized>(
    store: &mut S,
    old: &str,
    new: &str,
    overwrite: bool,
) -> Result<(), SaveError> {
    if new.trim().is_empty() {
        return Err(SaveError::EmptyName);
    }
    let text = store.get(&key(old)).ok_or(SaveError::NotFound)?;
    if old == new {
        return Ok(());
    }
    if !overwrite && exists(store, new) {
        return Err(SaveError::Exists);
    }
    // The name inside the entry follows the key; an entry that is not a JSON object moves as
    // it is (its key names it).
    let renamed = match read_json(&text) {
        Ok(Value::Object(mut object)) => {
            object.insert("name".into(), new.into());
            Value::Object(object).to_string()
        }
        _ => text,
    };
    store.set(&key(new), &renamed).map_err(SaveError::Storage)?;
    store.remove(&key(old));
    Ok(())
}

/// Removes the entry `name`, if there is one.
pub fn delete<S: Store + ?Sized>(store: &mut S, name: &str) {
    store.remove(&key(name));
}

/// A JSON value as a problem shows it: at most 40 characters.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// Reads JSON; numbers are read exactly (serde_json's `float_roundtrip`), so that a saved
/// scenario gives back the very same values.
fn read_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
}
