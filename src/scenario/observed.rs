//! What was observed: a series' value in a year after 2020, as a statistical bulletin states it
//! (GDP and income as real growth in %, the shares as levels in %, high-tech enterprises as a
//! stock). A scenario with observations is conditioned on them: every path goes through the
//! observed values and the odds are those "given what has happened" (`docs/MODEL.md`,
//! "Observed years").
//!
//! A series is used from 2021 on, year by year, up to its first missing year or the horizon:
//! what lies after a gap, or past the horizon, is kept (so that nothing typed is lost) but not
//! used, and [`Observations::unused`] names it.

use crate::plan::{SeriesId, BASE_YEAR, LAST_HORIZON_YEAR};
use serde::{Deserialize, Serialize};

/// The first year that can be observed (2020 is the base, given by the plan).
pub const FIRST_OBSERVED_YEAR: i32 = BASE_YEAR + 1;

/// A series that can be observed, in the order of the observed panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ObservedSeries {
    Gdp,
    Income,
    HighTech,
    Air,
    GreenRatio,
    GreenCover,
    Preschool,
    CultureStar,
    CultureTrip,
}

/// What an observation states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObservedMeasure {
    /// The year's real growth, in %.
    Growth,
    /// The year's level of a share, in %.
    Level,
    /// The year-end stock, a whole number.
    Stock,
}

impl ObservedSeries {
    pub const ALL: [ObservedSeries; 9] = [
        ObservedSeries::Gdp,
        ObservedSeries::Income,
        ObservedSeries::HighTech,
        ObservedSeries::Air,
        ObservedSeries::GreenRatio,
        ObservedSeries::GreenCover,
        ObservedSeries::Preschool,
        ObservedSeries::CultureStar,
        ObservedSeries::CultureTrip,
    ];

    /// The series it pins.
    pub fn series(self) -> SeriesId {
        match self {
            ObservedSeries::Gdp => SeriesId::Gdp,
            ObservedSeries::Income => SeriesId::IncomeIndex,
            ObservedSeries::HighTech => SeriesId::HighTech,
            ObservedSeries::Air => SeriesId::Air,
            ObservedSeries::GreenRatio => SeriesId::GreenRatio,
            ObservedSeries::GreenCover => SeriesId::GreenCover,
            ObservedSeries::Preschool => SeriesId::Preschool,
            ObservedSeries::CultureStar => SeriesId::CultureStar,
            ObservedSeries::CultureTrip => SeriesId::CultureTrip,
        }
    }

    /// Its key in links (`o.<key>.<year>`) and files: the series' own key.
    pub fn key(self) -> &'static str {
        self.series().key()
    }

    pub fn from_key(key: &str) -> Option<ObservedSeries> {
        ObservedSeries::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn measure(self) -> ObservedMeasure {
        match self {
            ObservedSeries::Gdp | ObservedSeries::Income => ObservedMeasure::Growth,
            ObservedSeries::HighTech => ObservedMeasure::Stock,
            _ => ObservedMeasure::Level,
        }
    }

    /// The values the model can take: a growth above its floor (−95 %/yr) and at most 100 %; a
    /// share strictly between 0 and 100 % (within 0.1 … 99.9); a stock of 0 … 5,000 firms.
    pub fn range(self) -> (f64, f64) {
        match self.measure() {
            ObservedMeasure::Growth => (-90.0, 100.0),
            ObservedMeasure::Level => (0.1, 99.9),
            ObservedMeasure::Stock => (0.0, 5_000.0),
        }
    }

    /// The unit of its values, in the exports' English.
    pub fn unit_en(self) -> &'static str {
        match self.measure() {
            ObservedMeasure::Growth => "% real growth on the year before",
            ObservedMeasure::Level => "%",
            ObservedMeasure::Stock => "firms at year-end",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Why an observation was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ObservationError {
    NotANumber,
    /// A stock must be a whole number.
    NotWhole,
    OutOfRange {
        min: f64,
        max: f64,
    },
    /// Only 2021 … 2035 can be observed.
    YearOutOfRange {
        first: i32,
        last: i32,
    },
}

/// What of the observations a run does not use, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unused {
    /// `series` has no value for `missing`: its years from `missing` on are not used.
    Gap {
        series: ObservedSeries,
        missing: i32,
    },
    /// `series` is observed past the horizon `horizon` (the years after it are not simulated).
    PastHorizon {
        series: ObservedSeries,
        horizon: i32,
    },
}

/// Every observation of a scenario: at most one value per series and year, sorted by series,
/// then year; each value checked against its series' range.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Observations {
    entries: Vec<(ObservedSeries, i32, f64)>,
}

impl Observations {
    /// Checks one observation.
    pub fn check(series: ObservedSeries, year: i32, value: f64) -> Result<f64, ObservationError> {
        if !(FIRST_OBSERVED_YEAR..=LAST_HORIZON_YEAR).contains(&year) {
            return Err(ObservationError::YearOutOfRange {
                first: FIRST_OBSERVED_YEAR,
                last: LAST_HORIZON_YEAR,
            });
        }
        if !value.is_finite() {
            return Err(ObservationError::NotANumber);
        }
        if series.measure() == ObservedMeasure::Stock && value.fract() != 0.0 {
            return Err(ObservationError::NotWhole);
        }
        let (min, max) = series.range();
        if value < min || value > max {
            return Err(ObservationError::OutOfRange { min, max });
        }
        // -0.0 and 0.0 must not give two different links for one scenario.
        Ok(if value == 0.0 { 0.0 } else { value })
    }

    /// Parses a value as written in a link or typed by a user.
    pub fn parse(series: ObservedSeries, year: i32, text: &str) -> Result<f64, ObservationError> {
        let value: f64 = text
            .trim()
            .parse()
            .map_err(|_| ObservationError::NotANumber)?;
        Observations::check(series, year, value)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Every observation, sorted by series, then year.
    pub fn iter(&self) -> impl Iterator<Item = (ObservedSeries, i32, f64)> + '_ {
        self.entries.iter().copied()
    }

    pub fn get(&self, series: ObservedSeries, year: i32) -> Option<f64> {
        self.entries
            .iter()
            .find(|(s, y, _)| *s == series && *y == year)
            .map(|(_, _, value)| *value)
    }

    /// A copy with `series` observed at `value` in `year` (replacing what was there), if valid.
    pub fn with(
        &self,
        series: ObservedSeries,
        year: i32,
        value: f64,
    ) -> Result<Observations, ObservationError> {
        let value = Observations::check(series, year, value)?;
        let mut next = self.without(series, year);
        let at = next
            .entries
            .partition_point(|&(s, y, _)| (s, y) < (series, year));
        next.entries.insert(at, (series, year, value));
        Ok(next)
    }

    /// A copy without the observation of `series` in `year`.
    pub fn without(&self, series: ObservedSeries, year: i32) -> Observations {
        Observations {
            entries: self
                .entries
                .iter()
                .copied()
                .filter(|&(s, y, _)| !(s == series && y == year))
                .collect(),
        }
    }

    /// The values of `series` the run uses: from 2021 on, year by year, up to its first missing
    /// year or `horizon`.
    pub fn usable(&self, series: ObservedSeries, horizon: i32) -> Vec<f64> {
        (FIRST_OBSERVED_YEAR..=horizon)
            .map_while(|year| self.get(series, year))
            .collect()
    }

    /// The last year of `series` the run uses, if any.
    pub fn last_used_year(&self, series: ObservedSeries, horizon: i32) -> Option<i32> {
        let used = self.usable(series, horizon).len() as i32;
        (used > 0).then_some(FIRST_OBSERVED_YEAR + used - 1)
    }

    /// Whether `series` is used in `year`.
    pub fn is_used(&self, series: ObservedSeries, year: i32, horizon: i32) -> bool {
        self.last_used_year(series, horizon)
            .is_some_and(|last| (FIRST_OBSERVED_YEAR..=last).contains(&year))
    }

    /// What a run to `horizon` does not use, one entry per series at most, in series order.
    pub fn unused(&self, horizon: i32) -> Vec<Unused> {
        ObservedSeries::ALL
            .into_iter()
            .filter_map(|series| {
                let years: Vec<i32> = self
                    .entries
                    .iter()
                    .filter(|(s, _, _)| *s == series)
                    .map(|(_, year, _)| *year)
                    .collect();
                let used = self.usable(series, horizon).len() as i32;
                let missing = FIRST_OBSERVED_YEAR + used;
                let unused: Vec<i32> = years.into_iter().filter(|&y| y >= missing).collect();
                if unused.is_empty() {
                    None
                } else if unused.iter().all(|&year| year > horizon) {
                    Some(Unused::PastHorizon { series, horizon })
                } else {
                    Some(Unused::Gap { series, missing })
                }
            })
            .collect()
    }

    /// The years the observed panel offers for `series` in a run to `horizon`: 2021 … 2025,
    /// and past 2025 one year after the last entered (up to the horizon), so that a series
    /// observed that far can go on without thirty empty fields; a year entered past the horizon
    /// stays in sight, to be seen unused and cleared.
    pub fn years_to_enter(&self, series: ObservedSeries, horizon: i32) -> Vec<i32> {
        let last_entered = self
            .entries
            .iter()
            .filter(|(s, _, _)| *s == series)
            .map(|(_, year, _)| *year)
            .max()
            .unwrap_or(FIRST_OBSERVED_YEAR);
        let last = (last_entered + 1)
            .min(horizon)
            .max(crate::plan::TARGET_YEAR)
            .max(last_entered);
        (FIRST_OBSERVED_YEAR..=last).collect()
    }

    /// The last observed year the run uses, over every series (none: no observation used).
    pub fn last_year(&self, horizon: i32) -> Option<i32> {
        ObservedSeries::ALL
            .into_iter()
            .filter_map(|series| self.last_used_year(series, horizon))
            .max()
    }
}

/// As a message carries it: (series index, year, value) for each, checked again on the way in.
impl Serialize for Observations {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let plain: Vec<(u8, i32, f64)> = self
            .entries
            .iter()
            .map(|&(series, year, value)| (series.index() as u8, year, value))
            .collect();
        plain.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Observations {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let plain = Vec::<(u8, i32, f64)>::deserialize(deserializer)?;
        let mut observations = Observations::default();
        for (index, year, value) in plain {
            let series = ObservedSeries::ALL
                .get(index as usize)
                .copied()
                .ok_or_else(|| serde::de::Error::custom(format!("no observed series {index}")))?;
            if observations.get(series, year).is_some() {
                return Err(serde::de::Error::custom("an observation given twice"));
            }
            observations = observations
                .with(series, year, value)
                .map_err(|error| serde::de::Error::custom(format!("{error:?}")))?;
        }
        Ok(observations)
    }
}
