//! Observations in a link: `o.<series>.<year>=<value>` (A's under `a.o.`), one key per value;
//! the sources typed beside them travel in the scenario file, not in links.

use super::LinkIssue;
use crate::scenario::observed::ObservedSeries;
use crate::scenario::{Observations, Scenario};

/// The prefix of an observation's key.
pub const OBSERVED_PREFIX: &str = "o.";

/// Reads `key` (without `a.`) as an observation into `scenario`, if it is one: `None` when the
/// key is not an observation's; else whether it was used, with the issue if not.
pub fn read(
    key: &str,
    text: &str,
    scenario: &mut Scenario,
    whole: &str,
) -> Option<Option<LinkIssue>> {
    let rest = key.strip_prefix(OBSERVED_PREFIX)?;
    let parsed = rest.split_once('.').and_then(|(series, year)| {
        let series = ObservedSeries::from_key(series)?;
        let year: i32 = year.parse().ok()?;
        Some((series, year))
    });
    let Some((series, year)) = parsed else {
        return Some(Some(LinkIssue::UnknownObservation(whole.to_owned())));
    };
    match Observations::parse(series, year, text)
        .and_then(|value| scenario.with_observation(series, year, value))
    {
        Ok(next) => {
            *scenario = next;
            Some(None)
        }
        Err(error) => Some(Some(LinkIssue::BadObservation {
            key: whole.to_owned(),
            text: text.to_owned(),
            error,
        })),
    }
}

/// The observations of `scenario` as a link's pairs, keys with `prefix` (`""` or `a.`).
pub fn pairs(scenario: &Scenario, prefix: &str) -> Vec<(String, String)> {
    scenario
        .observed()
        .iter()
        .map(|(series, year, value)| {
            (
                format!("{prefix}{OBSERVED_PREFIX}{}.{year}", series.key()),
                crate::scenario::format_value(value),
            )
        })
        .collect()
}
