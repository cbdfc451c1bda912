//! A scenario's observed years in an entry: `"observed": {"gdp": {"2021": 8.0}}`, and a value
//! with its source as `{"value": 8.0, "source": "2021 statistical bulletin"}`.

use super::entry::Reader;
use super::problem::Problem;
use super::shown;
use crate::scenario::observed::{ObservationError, Observations, ObservedSeries};
use crate::scenario::sources::Sources;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

/// Reads `field.observed` of an entry's scenario into `observed` and `sources`; `false` if an
/// observation was refused (an error: the entry is not loaded half-observed).
pub(super) fn read(
    reader: &mut Reader,
    value: &Value,
    field: &str,
    observed: &mut Observations,
    sources: &mut Sources,
) -> bool {
    let at = format!("{field}.observed");
    let Some(by_series) = value.as_object() else {
        reader.error(at, Problem::NotAnObject(shown(value)));
        return false;
    };
    let mut valid = true;
    for (key, years) in by_series {
        let at = format!("{at}.{key}");
        let Some(series) = ObservedSeries::from_key(key) else {
            reader.error(at, Problem::UnknownObservedSeries);
            valid = false;
            continue;
        };
        let Some(years) = years.as_object() else {
            reader.error(at, Problem::NotAnObject(shown(years)));
            valid = false;
            continue;
        };
        for (year_text, entry) in years {
            let at = format!("{at}.{year_text}");
            let Ok(year) = year_text.trim().parse::<i32>() else {
                reader.error(at, Problem::NotAYear(year_text.clone()));
                valid = false;
                continue;
            };
            let (number, source) = match entry {
                Value::Object(object) => (
                    object.get("value"),
                    object.get("source").and_then(Value::as_str),
                ),
                other => (Some(other), None),
            };
            let Some(number) = number else {
                reader.error(format!("{at}.value"), Problem::Missing);
                valid = false;
                continue;
            };
            let checked = number
                .as_f64()
                .ok_or(ObservationError::NotANumber)
                .and_then(|value| observed.with(series, year, value));
            match checked {
                Ok(next) => *observed = next,
                Err(error) => {
                    let problem = Problem::BadObservation {
                        series,
                        shown: shown(number),
                        error,
                    };
                    reader.error(at, problem);
                    valid = false;
                    continue;
                }
            }
            if let Some(source) = source {
                *sources = sources.with(series, year, source);
            }
        }
    }
    valid
}

/// A scenario's observations as written: by series, then year; a value with a source as an
/// object.
pub(super) struct ObservedOut<'a> {
    pub observed: &'a Observations,
    pub sources: &'a Sources,
}

impl Serialize for ObservedOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for series in ObservedSeries::ALL {
            let years: Vec<(i32, f64)> = self
                .observed
                .iter()
                .filter(|(s, _, _)| *s == series)
                .map(|(_, year, value)| (year, value))
                .collect();
            if !years.is_empty() {
                map.serialize_entry(
                    series.key(),
                    &YearsOut {
                        series,
                        years,
                        sources: self.sources,
                    },
                )?;
            }
        }
        map.end()
    }
}

struct YearsOut<'a> {
    series: ObservedSeries,
    years: Vec<(i32, f64)>,
    sources: &'a Sources,
}

#[derive(Serialize)]
struct WithSource<'a> {
    value: f64,
    source: &'a str,
}

impl Serialize for YearsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.years.len()))?;
        for &(year, value) in &self.years {
            let key = year.to_string();
            match self.sources.get(self.series, year) {
                Some(source) => map.serialize_entry(&key, &WithSource { value, source })?,
                None => map.serialize_entry(&key, &value)?,
            }
        }
        map.end()
    }
}
