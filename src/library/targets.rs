//! A scenario's targets of its own in an entry: `"targets": {"g30": {"series": "gdp", "rule":
//! "cagr_ge", "years": "2025-2030", "threshold": 6, "wording": "…"}}`.

use super::entry::Reader;
use super::problem::Problem;
use super::shown;
use crate::scenario::targets::Wordings;
use crate::scenario::{Scenario, UserTarget};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

/// Reads `field.targets` of an entry's scenario into `scenario` and `wordings`; `false` if a
/// target was refused (an error: the entry is not loaded without it).
pub(super) fn read(
    reader: &mut Reader,
    value: &Value,
    field: &str,
    scenario: &mut Scenario,
    wordings: &mut Wordings,
) -> bool {
    let at = format!("{field}.targets");
    let Some(by_name) = value.as_object() else {
        reader.error(at, Problem::NotAnObject(shown(value)));
        return false;
    };
    let mut valid = true;
    for (name, target) in by_name {
        let at = format!("{at}.{name}");
        let Some(object) = target.as_object() else {
            reader.error(at, Problem::NotAnObject(shown(target)));
            valid = false;
            continue;
        };
        let text = |key: &str| match object.get(key) {
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        };
        // The link's form, from the fields: one reader for both.
        let form = format!(
            "{}~{}~{}~{}",
            text("series"),
            text("rule"),
            text("years"),
            text("threshold")
        );
        let checked = UserTarget::parse(name, &form).and_then(|t| scenario.with_target(t));
        match checked {
            Ok((next, _)) => *scenario = next,
            Err(error) => {
                reader.error(at, Problem::BadTarget(error));
                valid = false;
                continue;
            }
        }
        if let Some(Value::String(wording)) = object.get("wording") {
            *wordings = wordings.with(name, wording);
        }
    }
    valid
}

/// A scenario's targets of its own as written, in their order, each with its wording if any.
pub(super) struct TargetsOut<'a> {
    pub scenario: &'a Scenario,
    pub wordings: &'a Wordings,
}

#[derive(Serialize)]
struct TargetOut<'a> {
    series: &'static str,
    rule: &'static str,
    years: String,
    threshold: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    wording: Option<&'a str>,
}

impl Serialize for TargetsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let targets = self.scenario.targets();
        let mut map = serializer.serialize_map(Some(targets.len()))?;
        for target in targets.iter() {
            let (first, last) = target.years();
            let years = if target.rule().is_one_year() {
                first.to_string()
            } else {
                format!("{first}-{last}")
            };
            map.serialize_entry(
                target.name(),
                &TargetOut {
                    series: target.series().key(),
                    rule: target.rule().key(),
                    years,
                    threshold: target.threshold(),
                    wording: self.wordings.get(target.name()),
                },
            )?;
        }
        map.end()
    }
}
