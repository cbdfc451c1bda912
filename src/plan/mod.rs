//! The plan's numbers the simulator uses, each with its provenance.
//!
//! Line numbers refer to `taijiang-14th-five-year-plan.txt`; see `docs/MODEL.md`.

mod sections;
mod targets;

pub use sections::{section_of, Section, SECTIONS};
pub use targets::{Chapter, Reading, Rule, TargetId, TargetSpec, TARGETS};

use serde::{Deserialize, Serialize};

/// Where a number comes from. Every number on screen carries one of these.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Provenance {
    /// Stated in the plan, at this line of the plan text.
    Plan { line: u32 },
    /// A target of the plan (at this line) used as the trend: what the plan aims for, not a
    /// forecast.
    PlanTargetAsTrend { line: u32 },
    /// Computed from plan numbers with the formula given.
    Derived { formula: &'static str },
    /// Not in the plan: a default the user can change, with the reason for it.
    Assumption {
        reason_zh: &'static str,
        reason_en: &'static str,
    },
    /// A neutral setting (no change from the baseline), not a claim about the world.
    Neutral,
    /// A floor the plan states ("以上", at least), taken as the base, at this line.
    PlanFloor { line: u32 },
    /// A normalisation (an index set to 100 in the base year), not a number of the plan.
    Normalisation,
}

/// Base year of the model (t = 0).
pub const BASE_YEAR: i32 = 2020;
/// The year the 2021–2025 targets are judged in (t = 5).
pub const TARGET_YEAR: i32 = 2025;
/// Steps from the base year to the target year.
pub const TARGET_STEP: usize = (TARGET_YEAR - BASE_YEAR) as usize;
/// The last year the horizon slider can reach.
pub const LAST_HORIZON_YEAR: i32 = 2035;

/// GDP in 2015, 亿元 at 2015's prices (plan line 25: "从 370 亿元提高至 600 亿元以上").
pub const GDP_2015: f64 = 370.0;
/// GDP per capita in 2015, 万元, at 2015's prices (plan line 25: "7.91 万元").
pub const GDP_PER_CAPITA_2015: f64 = 7.91;
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

/// High-tech enterprises newly certified over 2016–2020 (plan line 29: "189 家").
pub const HIGHTECH_CERTIFIED_2016_2020: f64 = 189.0;
/// New green space over 2016–2020, hectares (plan line 33: "新增绿地 36 公顷").
pub const GREEN_SPACE_2016_2020: f64 = 36.0;

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

/// How a series is measured, for units and formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeriesKind {
    /// 亿元 at 2020 prices.
    Money,
    /// An index, 2020 = 100.
    Index,
    /// 万元 per person.
    PerCapita,
    /// A whole number of enterprises.
    Count,
    /// A share in (0, 1), shown in %.
    Share,
}

/// A simulated series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeriesId {
    Gdp,
    IncomeIndex,
    GdpPerCapita,
    HighTech,
    Air,
    GreenRatio,
    GreenCover,
    Preschool,
    CultureStar,
    CultureTrip,
}

impl SeriesId {
    pub const ALL: [SeriesId; 10] = [
        SeriesId::Gdp,
        SeriesId::IncomeIndex,
        SeriesId::GdpPerCapita,
        SeriesId::HighTech,
        SeriesId::Air,
        SeriesId::GreenRatio,
        SeriesId::GreenCover,
        SeriesId::Preschool,
        SeriesId::CultureStar,
        SeriesId::CultureTrip,
    ];

    /// The series that are shares in (0, 1) (shown in %).
    pub const SHARES: [SeriesId; 6] = [
        SeriesId::Air,
        SeriesId::GreenRatio,
        SeriesId::GreenCover,
        SeriesId::Preschool,
        SeriesId::CultureStar,
        SeriesId::CultureTrip,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SeriesId::Gdp => "gdp",
            SeriesId::IncomeIndex => "income",
            SeriesId::GdpPerCapita => "gdp_pc",
            SeriesId::HighTech => "hightech",
            SeriesId::Air => "air",
            SeriesId::GreenRatio => "green_ratio",
            SeriesId::GreenCover => "green_cover",
            SeriesId::Preschool => "preschool",
            SeriesId::CultureStar => "culture_star",
            SeriesId::CultureTrip => "culture_trip",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn kind(self) -> SeriesKind {
        match self {
            SeriesId::Gdp => SeriesKind::Money,
            SeriesId::IncomeIndex => SeriesKind::Index,
            SeriesId::GdpPerCapita => SeriesKind::PerCapita,
            SeriesId::HighTech => SeriesKind::Count,
            _ => SeriesKind::Share,
        }
    }

    /// The plan's growth path for the series, where the plan has one.
    pub fn plan_growth(self) -> Option<f64> {
        match self {
            SeriesId::Gdp => Some(GDP_TARGET_GROWTH),
            SeriesId::IncomeIndex => Some(INCOME_TARGET_GROWTH),
            _ => None,
        }
    }

    /// The 2020 level where the plan gives it (GDP, income index, GDP per capita); the other
    /// series start from assumption-level parameters of the scenario.
    pub fn plan_base(self) -> f64 {
        match self {
            SeriesId::Gdp => GDP_2020,
            SeriesId::IncomeIndex => INCOME_INDEX_2020,
            SeriesId::GdpPerCapita => GDP_2020 / POPULATION_2020,
            _ => f64::NAN,
        }
    }

    /// Historical points shown on the chart, with their provenance, at 2020 prices: the 2015
    /// figures of the plan are at 2015's prices, and are turned into 2020's with `deflator`
    /// (%/yr, an assumption of the scenario), as every number of the model is real.
    pub fn history(self, deflator: f64) -> Vec<(i32, f64, Provenance)> {
        let to_2020_prices = compound(1.0, deflator, TARGET_STEP);
        match self {
            SeriesId::Gdp => vec![
                (
                    2015,
                    GDP_2015 * to_2020_prices,
                    Provenance::Derived {
                        formula: "370 × (1 + deflator)⁵: 2015's 370 at 2020 prices",
                    },
                ),
                (2020, GDP_2020, Provenance::PlanFloor { line: 25 }),
            ],
            SeriesId::IncomeIndex => vec![
                (
                    2015,
                    income_index_2015() * to_2020_prices,
                    Provenance::Derived {
                        formula:
                            "100 / (1 + 42.8 %) × (1 + deflator)⁵: the 2015 index at 2020 prices",
                    },
                ),
                (2020, INCOME_INDEX_2020, Provenance::Normalisation),
            ],
            SeriesId::GdpPerCapita => vec![
                (
                    2015,
                    GDP_PER_CAPITA_2015 * to_2020_prices,
                    Provenance::Derived {
                        formula: "7.91 × (1 + deflator)⁵: 2015's 7.91 at 2020 prices",
                    },
                ),
                (2020, 12.5, Provenance::Plan { line: 25 }),
            ],
            _ => Vec::new(),
        }
    }
}

/// One of the plan's base-year numbers the model starts from, for the base-values panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BaseFact {
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub value: f64,
    pub decimals: usize,
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    pub provenance: Provenance,
}

/// The base values, each computed from the constants above (never retyped).
pub fn base_facts() -> [BaseFact; 9] {
    let fact = |labels: (&'static str, &'static str),
                value: f64,
                decimals: usize,
                units: (&'static str, &'static str),
                provenance| BaseFact {
        label_zh: labels.0,
        label_en: labels.1,
        value,
        decimals,
        unit_zh: units.0,
        unit_en: units.1,
        provenance,
    };
    [
        fact(
            ("2015 年 GDP(当年价格)", "GDP 2015 (at 2015 prices)"),
            GDP_2015,
            0,
            ("亿元", "100M yuan"),
            Provenance::Plan { line: 25 },
        ),
        fact(
            ("2020 年 GDP", "GDP 2020"),
            GDP_2020,
            0,
            ("亿元", "100M yuan"),
            Provenance::PlanFloor { line: 25 },
        ),
        fact(
            ("2020 年人均 GDP", "GDP per capita 2020"),
            GDP_2020 / POPULATION_2020,
            1,
            ("万元", "10k yuan"),
            Provenance::Plan { line: 25 },
        ),
        fact(
            ("2020 年常住人口", "Population 2020"),
            POPULATION_2020,
            1,
            ("万人", "10k people"),
            Provenance::Derived {
                formula: "600 / 12.5",
            },
        ),
        fact(
            ("人口年增长", "Population growth"),
            POPULATION_GROWTH,
            2,
            ("%/年", "%/yr"),
            Provenance::Derived {
                formula: "(48.0 / 46.78)^(1/5) − 1; 46.78 = 370 / 7.91",
            },
        ),
        fact(
            ("2020 年收入指数", "Income index 2020"),
            INCOME_INDEX_2020,
            0,
            ("", ""),
            Provenance::Normalisation,
        ),
        fact(
            ("2016–2020 收入增长", "Income growth 2016–2020"),
            INCOME_GROWTH_2016_2020 * 100.0,
            1,
            ("%", "%"),
            Provenance::Plan { line: 41 },
        ),
        fact(
            ("“十三五”新认定高企", "New high-tech firms 2016–2020"),
            HIGHTECH_CERTIFIED_2016_2020,
            0,
            ("家", "firms"),
            Provenance::Plan { line: 29 },
        ),
        fact(
            ("“十三五”新增绿地", "New green space 2016–2020"),
            GREEN_SPACE_2016_2020,
            0,
            ("公顷", "ha"),
            Provenance::Plan { line: 33 },
        ),
    ]
}
