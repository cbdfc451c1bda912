//! The plan's numbers the simulator uses, each with its provenance.
//!
//! Line numbers refer to `taijiang-14th-five-year-plan.txt`; see `docs/MODEL.md`.

use serde::{Deserialize, Serialize};

/// Where a number comes from. Every number on screen carries one of these.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Provenance {
    /// Stated in the plan, at this line of the plan text.
    Plan { line: u32 },
    /// Computed from plan numbers with the formula given.
    Derived { formula: &'static str },
    /// Not in the plan: a default the user can change, with the reason for it.
    Assumption {
        reason_zh: &'static str,
        reason_en: &'static str,
    },
    /// A neutral setting (no change from the baseline), not a claim about the world.
    Neutral,
}

/// Base year of the model (t = 0).
pub const BASE_YEAR: i32 = 2020;
/// The year the 2021–2025 targets are judged in (t = 5).
pub const TARGET_YEAR: i32 = 2025;
/// Steps from the base year to the target year.
pub const TARGET_STEP: usize = (TARGET_YEAR - BASE_YEAR) as usize;
/// The last year the horizon slider can reach.
pub const LAST_HORIZON_YEAR: i32 = 2035;

/// GDP in 2015, 亿元 (plan line 25: "从 370 亿元提高至 600 亿元以上").
pub const GDP_2015: f64 = 370.0;
/// GDP in 2020, 亿元, the model's Y₀ (plan line 25).
pub const GDP_2020: f64 = 600.0;
/// Growth of per-capita disposable income over 2016–2020 (plan line 41: "增长 42.8%").
pub const INCOME_GROWTH_2016_2020: f64 = 0.428;
/// The income index in 2020, the model's I₀.
pub const INCOME_INDEX_2020: f64 = 100.0;
/// Resident population in 2020, 万人, derived as 600 / 12.5 (plan line 25).
pub const POPULATION_2020: f64 = 48.0;
/// Population growth, %/yr, derived from 46.78 → 48.0 over 2015–2020 (plan line 25).
pub const POPULATION_GROWTH: f64 = 0.52;

/// The plan's GDP growth target, %/yr (plan line 109: "年均增长 7.5% 左右").
pub const GDP_TARGET_GROWTH: f64 = 7.5;
/// The plan's income growth target, %/yr (plan lines 117, 409: "年均增长 8% 以上").
pub const INCOME_TARGET_GROWTH: f64 = 8.0;

/// The income index in 2015 (2020 = 100), derived from the 42.8 % growth over 2016–2020.
pub fn income_index_2015() -> f64 {
    INCOME_INDEX_2020 / (1.0 + INCOME_GROWTH_2016_2020)
}

/// `base · (1 + rate/100)^steps`, by repeated multiplication so that it matches the engine's
/// own year-by-year compounding bit for bit (no `powf`, whose last bit differs between libms).
pub fn compound(base: f64, rate_percent: f64, steps: usize) -> f64 {
    let factor = 1.0 + rate_percent / 100.0;
    (0..steps).fold(base, |level, _| level * factor)
}

/// A quantified target of the plan, as `indicators.md` lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetId {
    Gdp,
    Income,
}

impl TargetId {
    pub const ALL: [TargetId; 2] = [TargetId::Gdp, TargetId::Income];

    /// The id used in `indicators.md`, in `data-target` attributes and in exports.
    pub fn key(self) -> &'static str {
        match self {
            TargetId::Gdp => "gdp",
            TargetId::Income => "income",
        }
    }

    /// The target as the plan words it (Chinese, verbatim).
    pub fn wording_zh(self) -> &'static str {
        match self {
            TargetId::Gdp => "地区生产总值年均增长 7.5% 左右",
            TargetId::Income => "居民人均可支配收入年均增长 8% 以上",
        }
    }

    /// An English rendering of the plan's wording.
    pub fn wording_en(self) -> &'static str {
        match self {
            TargetId::Gdp => "GDP grows about 7.5 % a year",
            TargetId::Income => "Per-capita disposable income grows at least 8 % a year",
        }
    }

    /// How attainment is judged, in words.
    pub fn rule_zh(self) -> &'static str {
        match self {
            TargetId::Gdp => "2020→2025 年均增速 ≥ 7.5%,即 2025 年 GDP ≥ 600×1.075⁵ 亿元",
            TargetId::Income => "2020→2025 年均增速 ≥ 8%,即 2025 年收入指数 ≥ 100×1.08⁵",
        }
    }

    pub fn rule_en(self) -> &'static str {
        match self {
            TargetId::Gdp => "CAGR 2020→2025 ≥ 7.5 %, i.e. GDP in 2025 ≥ 600·1.075⁵",
            TargetId::Income => "CAGR 2020→2025 ≥ 8 %, i.e. income index in 2025 ≥ 100·1.08⁵",
        }
    }

    /// The line of the plan text the target stands on.
    pub fn plan_line(self) -> u32 {
        match self {
            TargetId::Gdp => 109,
            TargetId::Income => 117,
        }
    }

    /// The series the target is judged on.
    pub fn series(self) -> SeriesId {
        match self {
            TargetId::Gdp => SeriesId::Gdp,
            TargetId::Income => SeriesId::IncomeIndex,
        }
    }

    /// The level the series must reach in 2025 (compound growth at the target rate).
    pub fn threshold(self) -> f64 {
        match self {
            TargetId::Gdp => compound(GDP_2020, GDP_TARGET_GROWTH, TARGET_STEP),
            TargetId::Income => compound(INCOME_INDEX_2020, INCOME_TARGET_GROWTH, TARGET_STEP),
        }
    }
}

/// A simulated series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeriesId {
    Gdp,
    IncomeIndex,
    GdpPerCapita,
}

impl SeriesId {
    pub const ALL: [SeriesId; 3] = [SeriesId::Gdp, SeriesId::IncomeIndex, SeriesId::GdpPerCapita];

    pub fn key(self) -> &'static str {
        match self {
            SeriesId::Gdp => "gdp",
            SeriesId::IncomeIndex => "income",
            SeriesId::GdpPerCapita => "gdp_pc",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The plan's path for the series (level at `t` years after 2020), where the plan has one.
    pub fn plan_growth(self) -> Option<f64> {
        match self {
            SeriesId::Gdp => Some(GDP_TARGET_GROWTH),
            SeriesId::IncomeIndex => Some(INCOME_TARGET_GROWTH),
            SeriesId::GdpPerCapita => None,
        }
    }

    /// The 2020 level.
    pub fn base_level(self) -> f64 {
        match self {
            SeriesId::Gdp => GDP_2020,
            SeriesId::IncomeIndex => INCOME_INDEX_2020,
            SeriesId::GdpPerCapita => GDP_2020 / POPULATION_2020,
        }
    }

    /// Historical points shown on the chart, with their provenance.
    pub fn history(self) -> Vec<(i32, f64, Provenance)> {
        match self {
            SeriesId::Gdp => vec![
                (2015, GDP_2015, Provenance::Plan { line: 25 }),
                (2020, GDP_2020, Provenance::Plan { line: 25 }),
            ],
            SeriesId::IncomeIndex => vec![
                (
                    2015,
                    income_index_2015(),
                    Provenance::Derived {
                        formula: "100 / (1 + 42.8 %) = 70.0",
                    },
                ),
                (2020, INCOME_INDEX_2020, Provenance::Plan { line: 41 }),
            ],
            SeriesId::GdpPerCapita => vec![
                (2015, 7.91, Provenance::Plan { line: 25 }),
                (2020, 12.5, Provenance::Plan { line: 25 }),
            ],
        }
    }
}
