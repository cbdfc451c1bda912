//! Targets of one's own in a link: `t.<name>=<series>~<rule>~<year or first-last>~<threshold>`
//! (A's under `a.t.`), one key per target; their wording travels in the scenario file.

use super::LinkIssue;
use crate::scenario::{Scenario, UserTarget};

/// The prefix of a target's key.
pub const TARGET_PREFIX: &str = "t.";

/// Reads `key` (without `a.`) as a target of one's own into `scenario`, if it is one: `None`
/// when the key is not a target's; else what it has to say (a refused target, the horizon
/// extended to the target's last year).
pub fn read(key: &str, text: &str, scenario: &mut Scenario, whole: &str) -> Option<Vec<LinkIssue>> {
    let name = key.strip_prefix(TARGET_PREFIX)?;
    let bad = |error| {
        vec![LinkIssue::BadTarget {
            key: whole.to_owned(),
            text: text.to_owned(),
            error,
        }]
    };
    let target = match UserTarget::parse(name, text) {
        Ok(target) => target,
        Err(error) => return Some(bad(error)),
    };
    match scenario.with_target(target) {
        Ok((next, extended)) => {
            *scenario = next;
            Some(
                extended
                    .map(|year| LinkIssue::HorizonExtended {
                        key: whole.to_owned(),
                        year,
                    })
                    .into_iter()
                    .collect(),
            )
        }
        Err(error) => Some(bad(error)),
    }
}

/// The targets of `scenario` as a link's pairs, keys with `prefix` (`""` or `a.`).
pub fn pairs(scenario: &Scenario, prefix: &str) -> Vec<(String, String)> {
    scenario
        .targets()
        .iter()
        .map(|target| {
            (
                format!("{prefix}{TARGET_PREFIX}{}", target.name()),
                target.text(),
            )
        })
        .collect()
}
