//! Where an observation was read: one line typed by the user beside each observed value ("2021
//! statistical bulletin", "district yearbook, table 3-1"). Kept with the scenario in the page,
//! in saved scenarios and in the scenario file; a link carries only the numbers.

use super::observed::{Observations, ObservedSeries};
use std::collections::BTreeMap;

/// The longest source kept, in characters: a line, not a document.
pub const MAX_SOURCE_CHARS: usize = 200;

/// The sources of observations, by series and year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    by_observation: BTreeMap<(ObservedSeries, i32), String>,
}

impl Sources {
    pub fn is_empty(&self) -> bool {
        self.by_observation.is_empty()
    }

    pub fn get(&self, series: ObservedSeries, year: i32) -> Option<&str> {
        self.by_observation.get(&(series, year)).map(String::as_str)
    }

    /// Every source, by series, then year.
    pub fn iter(&self) -> impl Iterator<Item = (ObservedSeries, i32, &str)> + '_ {
        self.by_observation
            .iter()
            .map(|(&(series, year), text)| (series, year, text.as_str()))
    }

    /// A copy with `text` as the source of `series` in `year`: one line (line breaks become
    /// spaces), trimmed, cut at [`MAX_SOURCE_CHARS`]; blank removes it.
    pub fn with(&self, series: ObservedSeries, year: i32, text: &str) -> Sources {
        let line: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(MAX_SOURCE_CHARS)
            .collect();
        let mut next = self.clone();
        if line.is_empty() {
            next.by_observation.remove(&(series, year));
        } else {
            next.by_observation.insert((series, year), line);
        }
        next
    }

    /// Only the sources of values that are observed: a source without its number says nothing.
    pub fn of(&self, observed: &Observations) -> Sources {
        Sources {
            by_observation: self
                .by_observation
                .iter()
                .filter(|((series, year), _)| observed.get(*series, *year).is_some())
                .map(|(key, text)| (*key, text.clone()))
                .collect(),
        }
    }
}
