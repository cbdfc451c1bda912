//! The level a goal-seek asks a measure to reach, as the user types it: a chance in percent
//! for a target or for all targets met, a number of targets for the expected number met. Each
//! kind keeps its own level, so that switching the measure never reads "80 %" as 80 targets or
//! "6 targets" as 6 %.

use super::Measure;

/// The chance asked for by default, in percent: the line of the "likely" verdict.
pub const DEFAULT_CHANCE_PERCENT: f64 = 80.0;
/// The number of targets asked for by default: a majority of the plan's ten.
pub const DEFAULT_COUNT: f64 = 6.0;

/// Why a typed level was refused (the level in force stays).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LevelError {
    NotANumber,
    OutOfRange { low: f64, high: f64 },
}

/// The two levels, one per kind of measure, in the units typed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Levels {
    /// For a chance: percent, 0 … 100.
    pub chance_percent: f64,
    /// For the expected number met: targets, 0 … the number of targets.
    pub count: f64,
}

impl Default for Levels {
    fn default() -> Self {
        Levels {
            chance_percent: DEFAULT_CHANCE_PERCENT,
            count: DEFAULT_COUNT,
        }
    }
}

impl Levels {
    /// The level of `measure`'s kind, in the unit it is typed in.
    pub fn shown(&self, measure: Measure) -> f64 {
        if measure.is_count() {
            self.count
        } else {
            self.chance_percent
        }
    }

    /// What a search asks for: a chance as a fraction, or a number of targets.
    pub fn required(&self, measure: Measure) -> f64 {
        if measure.is_count() {
            self.count
        } else {
            self.chance_percent / 100.0
        }
    }

    /// The range a typed level of `measure` may take, in its unit, with `targets` targets.
    pub fn range(measure: Measure, targets: usize) -> (f64, f64) {
        if measure.is_count() {
            (0.0, targets as f64)
        } else {
            (0.0, 100.0)
        }
    }

    /// Sets the level of `measure`'s kind from what was typed; the other kind's is untouched.
    /// On an error nothing changes.
    pub fn set(&mut self, measure: Measure, typed: &str, targets: usize) -> Result<(), LevelError> {
        let (low, high) = Levels::range(measure, targets);
        let value: f64 = typed.trim().parse().map_err(|_| LevelError::NotANumber)?;
        if !value.is_finite() {
            return Err(LevelError::NotANumber);
        }
        if !(low..=high).contains(&value) {
            return Err(LevelError::OutOfRange { low, high });
        }
        if measure.is_count() {
            self.count = value;
        } else {
            self.chance_percent = value;
        }
        Ok(())
    }
}
