//! The documented step of each lever and assumption for the sensitivity analysis (the tornado):
//! one table, each step with why it is a fair "one step" for that parameter (`docs/MODEL.md`,
//! "Sensitivity"). A step is about what a planner would call a plausible change or a plausible
//! error: one point of growth, ¥2.5 bn of investment a year, a fifth of an assumption's spread.

use crate::scenario::Param;

/// One parameter's step, in its own units, with the reason.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub param: Param,
    pub step: f64,
    pub reason_en: &'static str,
}

const fn step(param: Param, step: f64, reason_en: &'static str) -> Step {
    Step {
        param,
        step,
        reason_en,
    }
}

/// Every lever and assumption that the sensitivity analysis moves. The run settings (horizon,
/// paths, seed) are not moved: they do not change what is likely, only how it is estimated.
pub const STEPS: [Step; 42] = [
    step(Param::Gdp, 1.0, "one point of trend growth"),
    step(
        Param::Inv,
        25.0,
        "¥2.5 bn a year, about a twentieth of the district's yearly investment",
    ),
    step(Param::Inc, 1.0, "one point of trend income growth"),
    step(Param::Vol, 0.5, "a third of the default volatility"),
    step(
        Param::ShockP,
        5.0,
        "a downturn one year in twenty more or less",
    ),
    step(
        Param::ShockS,
        2.0,
        "half the default loss of a downturn year",
    ),
    step(Param::Rd, 5.0, "half the default R&D growth"),
    step(
        Param::HtPush,
        10.0,
        "ten more or fewer new certifications a year",
    ),
    step(
        Param::Green,
        2.0,
        "about a quarter of the default new green space",
    ),
    step(
        Param::GdpTol,
        0.2,
        "the “about” read a fifth of a point stricter or looser",
    ),
    step(
        Param::Icor,
        1.0,
        "about a seventh of the default 7: the gap between fixed-investment and capital-formation readings, halved",
    ),
    step(
        Param::Rho,
        0.2,
        "persistence from about a year to about two",
    ),
    step(
        Param::Rebound,
        0.25,
        "half the default rebound: a quarter more or less of a downturn's loss won back",
    ),
    step(
        Param::Eta,
        0.2,
        "a quarter of the default pass-through to income",
    ),
    step(Param::IncVol, 0.5, "half the default income volatility"),
    step(
        Param::SyncTol,
        0.5,
        "half a point more or less of “in step”",
    ),
    step(
        Param::SyncRule,
        1.0,
        "the other reading of “in step” (one-sided or two-sided)",
    ),
    step(
        Param::IncBasis,
        1.0,
        "the other basis of the income target (real or nominal)",
    ),
    step(
        Param::Deflator,
        1.0,
        "one point of yearly price growth, half the default",
    ),
    step(Param::Ht0, 20.0, "a tenth of the assumed 2020 stock"),
    step(Param::Lapse, 2.0, "a quarter of the default lapse rate"),
    step(
        Param::Air0,
        1.0,
        "one point of the 2020 share of good-air days",
    ),
    step(
        Param::AirVol,
        0.1,
        "about a third of the default year-to-year spread",
    ),
    step(
        Param::AirPhi,
        0.2,
        "persistence of a good or bad year, a fifth of its range",
    ),
    step(Param::Built, 150.0, "a tenth of the assumed built-up area"),
    step(
        Param::BuiltGrowth,
        0.5,
        "half a point a year of built-up growth",
    ),
    step(Param::Gr0, 1.0, "one point of the 2020 green-space ratio"),
    step(Param::Gc0, 1.0, "one point of the 2020 green coverage"),
    step(
        Param::GreenVol,
        0.1,
        "a third of the default spread of new green space",
    ),
    step(
        Param::GreenDev,
        0.01,
        "a third of the default yearly noise of the green ratios",
    ),
    step(
        Param::GreenPhi,
        0.2,
        "persistence, a fifth of its range",
    ),
    step(
        Param::GreenCorr,
        0.2,
        "a fifth of the range of the ratios' correlation",
    ),
    step(
        Param::DownturnGreen,
        10.0,
        "a third of the default loss in a downturn year",
    ),
    step(
        Param::Pre0,
        1.0,
        "one point of the 2020 share of inclusive places",
    ),
    step(Param::PreVol, 0.03, "about a third of the default spread"),
    step(Param::PrePhi, 0.2, "persistence, a fifth of its range"),
    step(
        Param::Cs0,
        1.0,
        "one point of the 2020 share of 3-star approvals",
    ),
    step(
        Param::Ct0,
        1.0,
        "one point of the 2020 share of one-visit approvals",
    ),
    step(Param::CultDrift, 0.1, "a third of the default yearly drift"),
    step(Param::CultVol, 0.05, "a third of the default spread"),
    step(Param::CultPhi, 0.2, "persistence, a fifth of its range"),
    step(
        Param::DownturnHt,
        10.0,
        "half the default loss of certifications in a downturn year",
    ),
];

/// The step of `param`, if the sensitivity analysis moves it.
pub fn step_of(param: Param) -> Option<f64> {
    STEPS.iter().find(|s| s.param == param).map(|s| s.step)
}
