//! One saved scenario as JSON: the entry codec the store and the scenario file share (formats 1
//! and 2, read tolerantly with every problem named by its field).

use super::observed::ObservedOut;
use super::problem::Problem;
use super::targets::TargetsOut;
use super::{shown, SavedScenario, Severity, FORMAT_VERSION};
use crate::link::{self, Labelled, MODEL_VERSION};
use crate::preset::PresetId;
use crate::scenario::sources::Sources;
use crate::scenario::targets::Wordings;
use crate::scenario::{Param, ParamSpec, Scenario, ValueError, PARAMS};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

/// The model version of format-1 entries whose link has no `v=`.
const FORMAT1_MODEL: u32 = 1;
/// Whole numbers up to this are written without a fraction (`6`, not `6.0`).
const EXACT_INTEGER: f64 = 9_007_199_254_740_991.0;

/// One problem found while decoding an entry.
pub(super) struct Issue {
    pub field: String,
    pub problem: Problem,
    pub severity: Severity,
}

pub(super) struct Decoded {
    /// The entry's format, if it was readable.
    pub format: Option<u32>,
    pub name: Option<String>,
    /// The entry, if it had no errors.
    pub entry: Option<SavedScenario>,
    pub issues: Vec<Issue>,
}

#[derive(Default)]
pub(super) struct Reader {
    issues: Vec<Issue>,
    /// The sources of the observations read so far (the entry's scenario's, then A's).
    sources: Sources,
    /// The wording of the targets of one's own read so far.
    wordings: Wordings,
}

impl Reader {
    fn push(&mut self, field: impl Into<String>, problem: Problem, severity: Severity) {
        self.issues.push(Issue {
            field: field.into(),
            problem,
            severity,
        });
    }

    pub(super) fn error(&mut self, field: impl Into<String>, problem: Problem) {
        self.push(field, problem, Severity::Error);
    }

    fn text(&mut self, object: &Map<String, Value>, field: &str) -> Option<String> {
        match object.get(field) {
            Some(Value::String(text)) => return Some(text.clone()),
            Some(other) => self.error(field, Problem::NotText(shown(other))),
            None => self.error(field, Problem::Missing),
        }
        None
    }

    /// A format-1 entry: the scenario as a link fragment. Its link issues are warnings.
    fn format1(
        &mut self,
        object: &Map<String, Value>,
    ) -> Option<(u32, Labelled, Option<Labelled>)> {
        let text = self.text(object, "link")?;
        let (parsed, issues) = link::parse(&text);
        for issue in issues {
            self.push("link", Problem::Link(issue), Severity::Warning);
        }
        let pairs = link::pairs(&text);
        let v = pairs.iter().rev().find(|(key, _)| key == "v");
        let model = v.and_then(|(_, v)| v.trim().parse().ok());
        Some((
            model.unwrap_or(FORMAT1_MODEL),
            parsed.current,
            parsed.pinned,
        ))
    }

    fn format2(
        &mut self,
        object: &Map<String, Value>,
    ) -> Option<(u32, Labelled, Option<Labelled>)> {
        let model = match object.get("model") {
            None => {
                self.error("model", Problem::Missing);
                None
            }
            Some(v) => match v.as_u64().and_then(|m| u32::try_from(m).ok()) {
                None => {
                    self.error("model", Problem::NotModelVersion(shown(v)));
                    None
                }
                Some(m) => {
                    // Another model version may give other numbers from the same values: say so,
                    // as a link from another version does, and load it.
                    if m != MODEL_VERSION {
                        let problem = Problem::OtherModel { version: m };
                        self.push("model", problem, Severity::Warning);
                    }
                    Some(m)
                }
            },
        };
        let newer = model.is_some_and(|m| m > MODEL_VERSION);
        let current = match object.get("scenario") {
            Some(value) => self.labelled(value, "scenario", newer),
            None => {
                self.error("scenario", Problem::Missing);
                None
            }
        };
        let pinned = match object.get("pinned") {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.labelled(value, "pinned", newer).map(Some),
        };
        Some((model?, current?, pinned?))
    }

    /// A scenario with its preset. Missing parameters keep their defaults; unknown ones are
    /// errors, or warnings in an entry of a newer model version (which may have more).
    fn labelled(&mut self, value: &Value, field: &str, newer: bool) -> Option<Labelled> {
        let Some(object) = value.as_object() else {
            self.error(field, Problem::NotAnObject(shown(value)));
            return None;
        };
        let preset = match object.get("preset") {
            None | Some(Value::Null) => Some(None),
            Some(value) => match value.as_str().and_then(PresetId::from_key) {
                Some(preset) => Some(Some(preset)),
                None => {
                    self.error(
                        format!("{field}.preset"),
                        Problem::UnknownPreset(shown(value)),
                    );
                    None
                }
            },
        };
        let values = match object.get("values") {
            Some(Value::Object(values)) => values,
            Some(other) => {
                self.error(
                    format!("{field}.values"),
                    Problem::NotAnObject(shown(other)),
                );
                return None;
            }
            None => {
                self.error(format!("{field}.values"), Problem::Missing);
                return None;
            }
        };
        let mut scenario = Scenario::default();
        let mut valid = true;
        for (key, value) in values {
            let at = format!("{field}.values.{key}");
            let Some(param) = Param::from_key(key) else {
                if newer {
                    let problem = Problem::UnknownParameter { newer: true };
                    self.push(at, problem, Severity::Warning);
                } else {
                    self.error(at, Problem::UnknownParameter { newer: false });
                    valid = false;
                }
                continue;
            };
            // A reading chosen between named ones may be given by its name.
            // (Only such a reading: a number written as text is still an error elsewhere.)
            let named = value
                .as_str()
                .filter(|_| !param.spec().choices.is_empty())
                .and_then(|name| param.spec().parse(name).ok());
            let number = named.or(value.as_f64()).ok_or(ValueError::NotANumber);
            match number.and_then(|v| scenario.with(param, v)) {
                Ok(next) => scenario = next,
                Err(error) => {
                    self.error(at, bad_value(param.spec(), value, error));
                    valid = false;
                }
            }
        }
        if let Some(value) = object.get("observed") {
            let mut observed = scenario.observed().clone();
            let mut sources = self.sources.clone();
            valid &= super::observed::read(self, value, field, &mut observed, &mut sources);
            scenario = scenario.with_observations(observed);
            self.sources = sources;
        }
        if let Some(value) = object.get("targets") {
            let mut wordings = self.wordings.clone();
            valid &= super::targets::read(self, value, field, &mut scenario, &mut wordings);
            self.wordings = wordings;
        }
        Some(Labelled {
            scenario,
            preset: preset?,
        })
        .filter(|_| valid)
    }
}

fn bad_value(spec: &ParamSpec, value: &Value, error: ValueError) -> Problem {
    Problem::BadValue {
        shown: shown(value),
        error,
        min: spec.min,
        max: spec.max,
        integer: spec.integer,
    }
}

/// Reads one entry (format 1 or 2). In the store the key names the entry (`key_name`) and the
/// `name` field is not read; in a file `name` is required.
pub(super) fn decode_entry(value: &Value, key_name: Option<&str>) -> Decoded {
    let mut reader = Reader::default();
    let object = value.as_object();
    let format = match object.map(|object| object.get("format")) {
        None => {
            reader.error("", Problem::NotAnObject(shown(value)));
            None
        }
        Some(None) => {
            reader.error("format", Problem::Missing);
            None
        }
        Some(Some(v)) => match v.as_u64() {
            Some(f @ 1..=2) => Some(f as u32),
            _ => {
                reader.error("format", Problem::UnsupportedFormat(shown(v)));
                None
            }
        },
    };
    let (Some(object), Some(format)) = (object, format) else {
        return Decoded {
            format,
            name: key_name.map(str::to_owned),
            entry: None,
            issues: reader.issues,
        };
    };
    let name = match key_name {
        Some(name) => Some(name.to_owned()),
        None => reader.text(object, "name"),
    };
    if name.as_deref().is_some_and(|name| name.trim().is_empty()) {
        reader.error("name", Problem::EmptyName);
    }
    let saved_at = reader.text(object, "saved_at");
    let body = match format {
        1 => reader.format1(object),
        _ => reader.format2(object),
    };
    let failed = reader.issues.iter().any(|i| i.severity == Severity::Error);
    let entry = match (name.clone(), saved_at, body) {
        (Some(name), Some(saved_at), Some((model, current, pinned))) if !failed => {
            Some(SavedScenario {
                name,
                saved_at,
                model,
                current,
                pinned,
                sources: reader.sources.clone(),
                wordings: reader.wordings.clone(),
            })
        }
        _ => None,
    };
    Decoded {
        format: Some(format),
        name,
        entry,
        issues: reader.issues,
    }
}

/// An entry as written (format 2), its fields in this order.
#[derive(Serialize)]
pub(super) struct EntryOut<'a> {
    format: u32,
    name: &'a str,
    saved_at: &'a str,
    model: u32,
    scenario: LabelledOut<'a>,
    pinned: Option<LabelledOut<'a>>,
}

#[derive(Serialize)]
struct LabelledOut<'a> {
    preset: Option<&'static str>,
    values: ValuesOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    observed: Option<ObservedOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    targets: Option<TargetsOut<'a>>,
}

/// Every parameter, in [`PARAMS`] order; whole numbers without a fraction, a chosen reading
/// by its name.
struct ValuesOut<'a>(&'a Scenario);

impl Serialize for ValuesOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(PARAMS.len()))?;
        for spec in &PARAMS {
            let value = self.0.get(spec.param);
            if let Some(name) = spec.choice_name(value) {
                map.serialize_entry(spec.key, name)?;
            } else if value.fract() == 0.0 && value.abs() <= EXACT_INTEGER {
                map.serialize_entry(spec.key, &(value as i64))?;
            } else {
                map.serialize_entry(spec.key, &value)?;
            }
        }
        map.end()
    }
}

impl<'a> EntryOut<'a> {
    pub(super) fn new(entry: &'a SavedScenario) -> EntryOut<'a> {
        let labelled = |l: &'a Labelled| LabelledOut {
            preset: l.preset.map(PresetId::key),
            values: ValuesOut(&l.scenario),
            observed: (!l.scenario.observed().is_empty()).then(|| ObservedOut {
                observed: l.scenario.observed(),
                sources: &entry.sources,
            }),
            targets: (!l.scenario.targets().is_empty()).then_some(TargetsOut {
                scenario: &l.scenario,
                wordings: &entry.wordings,
            }),
        };
        EntryOut {
            format: FORMAT_VERSION,
            name: &entry.name,
            saved_at: &entry.saved_at,
            model: entry.model,
            scenario: labelled(&entry.current),
            pinned: entry.pinned.as_ref().map(labelled),
        }
    }
}

/// An entry in format 2, as stored (compact JSON).
pub(super) fn encode_entry(entry: &SavedScenario) -> String {
    serde_json::to_string(&EntryOut::new(entry)).expect("plain data always serialises")
}
