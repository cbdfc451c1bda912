//! What a user sets: the drivers of `model.md` (the sliders), the assumption-level parameters,
//! and their validation (`link` writes and reads them as links).
//!
//! A [`Scenario`] is always valid: every way to build one (defaults, [`Scenario::with`],
//! `link::parse`) checks each value against its [`ParamSpec`]. The engine relies on
//! that and so cannot fail.

pub mod observed;
mod params;
pub mod sources;
pub mod targets;

pub use observed::{ObservationError, Observations, ObservedSeries};
pub use params::{MAX_SEED, PARAMS};
pub use targets::{TargetError, UserRule, UserTarget, UserTargets};

use crate::plan::{Provenance, TargetId};
use serde::{Deserialize, Serialize};

/// A parameter of the scenario, as it appears in the URL and in the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Param {
    Gdp,
    Inv,
    Inc,
    Vol,
    ShockP,
    ShockS,
    Rd,
    HtPush,
    Green,
    Horizon,
    Paths,
    Seed,
    GdpTol,
    Icor,
    Rho,
    Rebound,
    Eta,
    IncVol,
    SyncTol,
    SyncRule,
    IncBasis,
    Deflator,
    Ht0,
    Lapse,
    Air0,
    AirVol,
    AirPhi,
    Built,
    BuiltGrowth,
    Gr0,
    Gc0,
    GreenVol,
    GreenDev,
    GreenPhi,
    GreenCorr,
    DownturnGreen,
    Pre0,
    PreVol,
    PrePhi,
    Cs0,
    Ct0,
    CultDrift,
    CultVol,
    CultPhi,
    DownturnHt,
}

/// Whether a parameter is a driver (a slider) or an assumption (the assumptions panel).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    Driver,
    Assumption,
}

/// Everything the UI and the validator need to know about one parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub param: Param,
    /// The URL key (`model.md`).
    pub key: &'static str,
    pub kind: ParamKind,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    pub min: f64,
    pub max: f64,
    /// The slider's step; values in the URL may be finer, and are kept exactly.
    pub step: f64,
    pub default: f64,
    /// Whole numbers only (`horizon`, `paths`, `seed`, and the choices).
    pub integer: bool,
    pub provenance: Provenance,
    /// For a choice between readings: the name of each value 0, 1, … (as a link writes it);
    /// empty for a number.
    pub choices: &'static [&'static str],
}

impl Param {
    pub fn spec(self) -> &'static ParamSpec {
        PARAMS
            .iter()
            .find(|spec| spec.param == self)
            .expect("PARAMS lists every Param")
    }

    pub fn from_key(key: &str) -> Option<Param> {
        PARAMS
            .iter()
            .find(|spec| spec.key == key)
            .map(|spec| spec.param)
    }
}

/// The 2020 level a target starts from where the plan gives none and it was inferred from the
/// target itself (worked back so that the default pace just meets it, or read from the target's
/// wording): such a target's chance mostly reflects that assumption (`docs/MODEL.md`).
pub fn assumed_base(target: TargetId) -> Option<Param> {
    match target {
        TargetId::GreenRatio => Some(Param::Gr0),
        TargetId::GreenCover => Some(Param::Gc0),
        TargetId::Preschool => Some(Param::Pre0),
        TargetId::CultureStar => Some(Param::Cs0),
        TargetId::CultureTrip => Some(Param::Ct0),
        _ => None,
    }
}

/// Whether `param` is one of those assumed bases.
pub fn is_assumed_base(param: Param) -> bool {
    TargetId::ALL
        .into_iter()
        .any(|target| assumed_base(target) == Some(param))
}

/// Why a value was not accepted.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueError {
    NotANumber,
    NotWhole,
    OutOfRange { min: f64, max: f64 },
}

impl ParamSpec {
    /// Checks a value against the parameter's range; the value is returned unchanged if valid.
    pub fn check(&self, value: f64) -> Result<f64, ValueError> {
        if !value.is_finite() {
            return Err(ValueError::NotANumber);
        }
        if self.integer && value.fract() != 0.0 {
            return Err(ValueError::NotWhole);
        }
        if value < self.min || value > self.max {
            return Err(ValueError::OutOfRange {
                min: self.min,
                max: self.max,
            });
        }
        // -0.0 and 0.0 must not give two different links for one scenario.
        Ok(if value == 0.0 { 0.0 } else { value })
    }

    /// Parses a value as written in a URL or typed by a user; a choice also by its name.
    pub fn parse(&self, text: &str) -> Result<f64, ValueError> {
        let text = text.trim();
        if let Some(index) = self.choices.iter().position(|name| *name == text) {
            return Ok(index as f64);
        }
        let value: f64 = text.parse().map_err(|_| ValueError::NotANumber)?;
        self.check(value)
    }

    /// A value as a link writes it: a choice by its name, a number as the shortest text that
    /// reads back the same.
    pub fn write(&self, value: f64) -> String {
        match self.choice_name(value) {
            Some(name) => name.to_owned(),
            None => format_value(value),
        }
    }

    /// The name of a choice's value (`None` for a number).
    pub fn choice_name(&self, value: f64) -> Option<&'static str> {
        self.choices.get(value as usize).copied()
    }
}

/// A complete, valid scenario: one value per parameter. It crosses to the workers as the list of
/// its values in `PARAMS` order, and is checked again on the way in, as a link is.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    values: [f64; PARAMS.len()],
    /// What was observed: the paths go through it (`observed.rs`).
    observed: Observations,
    /// Targets of the user's own (`targets.rs`), judged in years up to the horizon.
    targets: UserTargets,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            values: PARAMS.map(|spec| spec.default),
            observed: Observations::default(),
            targets: UserTargets::default(),
        }
    }
}

impl Serialize for Scenario {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.values.as_slice(), &self.observed, &self.targets).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (values, observed, targets) =
            <(Vec<f64>, Observations, UserTargets)>::deserialize(deserializer)?;
        let mut scenario = Scenario::from_values(&values).map_err(serde::de::Error::custom)?;
        scenario.observed = observed;
        if targets
            .last_year()
            .is_some_and(|last| last > scenario.horizon_year())
        {
            return Err(serde::de::Error::custom("a target past the horizon"));
        }
        scenario.targets = targets;
        Ok(scenario)
    }
}

impl Scenario {
    /// A scenario from one value per parameter in `PARAMS` order, each checked.
    pub fn from_values(values: &[f64]) -> Result<Scenario, String> {
        if values.len() != PARAMS.len() {
            return Err(format!("{} values, not {}", values.len(), PARAMS.len()));
        }
        let mut scenario = Scenario::default();
        for (spec, &value) in PARAMS.iter().zip(values) {
            scenario.values[spec.param as usize] = spec
                .check(value)
                .map_err(|error| format!("{}: {error:?}", spec.key))?;
        }
        Ok(scenario)
    }

    pub fn get(&self, param: Param) -> f64 {
        self.values[param as usize]
    }

    /// A copy with one parameter changed, if the value is valid for it. The horizon cannot go
    /// below the last year a target of one's own is judged in.
    pub fn with(&self, param: Param, value: f64) -> Result<Scenario, ValueError> {
        let value = param.spec().check(value)?;
        if let (Param::Horizon, Some(last)) = (param, self.targets.last_year()) {
            if value < f64::from(last) {
                return Err(ValueError::OutOfRange {
                    min: f64::from(last),
                    max: param.spec().max,
                });
            }
        }
        let mut next = self.clone();
        next.values[param as usize] = value;
        Ok(next)
    }

    /// What was observed (the paths go through what the run uses of it).
    pub fn observed(&self) -> &Observations {
        &self.observed
    }

    /// A copy with `series` observed at `value` in `year`, if the value is valid for it.
    pub fn with_observation(
        &self,
        series: ObservedSeries,
        year: i32,
        value: f64,
    ) -> Result<Scenario, ObservationError> {
        Ok(Scenario {
            observed: self.observed.with(series, year, value)?,
            ..self.clone()
        })
    }

    /// A copy with `observations` in place of its own.
    pub fn with_observations(&self, observed: Observations) -> Scenario {
        Scenario {
            observed,
            ..self.clone()
        }
    }

    /// Targets of the user's own.
    pub fn targets(&self) -> &UserTargets {
        &self.targets
    }

    /// A copy with `target` (in place of one of the same name), the horizon extended to its
    /// last year if it lay beyond; the year it was extended to, if it was.
    pub fn with_target(&self, target: UserTarget) -> Result<(Scenario, Option<i32>), TargetError> {
        let last = target.years().1;
        let mut next = Scenario {
            targets: self.targets.with(target)?,
            ..self.clone()
        };
        let extended = (last > self.horizon_year()).then(|| {
            next.values[Param::Horizon as usize] = f64::from(last);
            last
        });
        Ok((next, extended))
    }

    /// A copy without the target named `name`.
    pub fn without_target(&self, name: &str) -> Scenario {
        Scenario {
            targets: self.targets.without(name),
            ..self.clone()
        }
    }

    /// The same scenario as seen from 2020: no observation.
    pub fn without_observations(&self) -> Scenario {
        self.with_observations(Observations::default())
    }

    pub fn paths(&self) -> u32 {
        self.get(Param::Paths) as u32
    }

    pub fn seed(&self) -> u64 {
        self.get(Param::Seed) as u64
    }

    pub fn horizon_year(&self) -> i32 {
        self.get(Param::Horizon) as i32
    }
}

/// The shortest text that parses back to exactly the same `f64` (Rust's `Display` guarantees
/// the round trip).
pub fn format_value(value: f64) -> String {
    format!("{value}")
}
