//! The plan's numbers the simulator uses, each with its provenance.
//!
//! Line numbers refer to `taijiang-14th-five-year-plan.txt`; see `docs/MODEL.md`.

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

/// The plan's chapters that hold quantified targets, for grouping the targets table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Chapter {
    /// 第一章 §5: the main targets of 2021–2025.
    Goals,
    /// 第五章: the "city living room" (environment).
    CityLivingRoom,
    /// 第七章: the city's spirit (culture).
    Culture,
}

impl Chapter {
    pub const ALL: [Chapter; 3] = [Chapter::Goals, Chapter::CityLivingRoom, Chapter::Culture];

    pub fn title_zh(self) -> &'static str {
        match self {
            Chapter::Goals => "第一章 第五节 “十四五”发展目标",
            Chapter::CityLivingRoom => "第五章 打造“城市客厅”",
            Chapter::Culture => "第七章 提升城市精神品格",
        }
    }

    pub fn title_en(self) -> &'static str {
        match self {
            Chapter::Goals => "Chapter 1 §5: goals of the 14th plan",
            Chapter::CityLivingRoom => "Chapter 5: the “city living room”",
            Chapter::Culture => "Chapter 7: the city's spirit",
        }
    }
}

/// How the plan words what counts as meeting a target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    /// Compound growth 2020→2025 at least `rate` %/yr: the 2025 level ≥ base·(1 + rate)⁵.
    GrowthAtLeast { rate: f64 },
    /// Compound growth 2020→2025 of "about" `rate` %/yr (“左右”): at least `rate` less the
    /// tolerance in force (the assumption `gdp_tol`).
    GrowthAbout { rate: f64 },
    /// The 2025 level at least `level`.
    LevelAtLeast { level: f64 },
    /// The 2025 level above `level` (“突破”: break through).
    LevelAbove { level: f64 },
    /// The level at least `level` in every year 2021–2025 (“保持在”, “稳定在”).
    HeldEveryYear { level: f64 },
    /// Income and GDP growth 2020→2025 within a tolerance of each other, in pp (an assumption).
    InStepWithGdp,
}

/// A quantified target of the plan, as `indicators.md` lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetId {
    Gdp,
    Income,
    IncomeSync,
    HighTech,
    Air,
    GreenRatio,
    GreenCover,
    Preschool,
    CultureStar,
    CultureTrip,
}

impl TargetId {
    /// In the order of `indicators.md`.
    pub const ALL: [TargetId; 10] = [
        TargetId::Gdp,
        TargetId::Income,
        TargetId::IncomeSync,
        TargetId::HighTech,
        TargetId::Air,
        TargetId::GreenRatio,
        TargetId::GreenCover,
        TargetId::Preschool,
        TargetId::CultureStar,
        TargetId::CultureTrip,
    ];

    /// The id used in `indicators.md`, in `data-target` attributes and in exports.
    pub fn key(self) -> &'static str {
        match self {
            TargetId::Gdp => "gdp",
            TargetId::Income => "income",
            TargetId::IncomeSync => "income_sync",
            TargetId::HighTech => "hightech",
            TargetId::Air => "air",
            TargetId::GreenRatio => "green_ratio",
            TargetId::GreenCover => "green_cover",
            TargetId::Preschool => "preschool",
            TargetId::CultureStar => "culture_star",
            TargetId::CultureTrip => "culture_trip",
        }
    }

    pub fn from_key(key: &str) -> Option<TargetId> {
        TargetId::ALL.into_iter().find(|id| id.key() == key)
    }

    /// The position in [`TargetId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn chapter(self) -> Chapter {
        match self {
            TargetId::GreenRatio | TargetId::GreenCover => Chapter::CityLivingRoom,
            TargetId::CultureStar | TargetId::CultureTrip => Chapter::Culture,
            _ => Chapter::Goals,
        }
    }

    /// The target as the plan words it (Chinese, verbatim).
    pub fn wording_zh(self) -> &'static str {
        match self {
            TargetId::Gdp => "地区生产总值年均增长 7.5% 左右",
            TargetId::Income => "居民人均可支配收入年均增长 8% 以上",
            TargetId::IncomeSync => "居民收入增长和经济增长基本同步",
            TargetId::HighTech => "高新技术企业总量突破 400 家",
            TargetId::Air => "城市空气质量优良天数比例保持在 90% 以上",
            TargetId::GreenRatio => "2025 年底,建成区绿地率达 21%",
            TargetId::GreenCover => "2025 年底,绿化覆盖率达 36%",
            TargetId::Preschool => "普惠学额覆盖率稳定在 86% 以上",
            TargetId::CultureStar => "95% 以上的文化行业经营审批事项实现三星级及以上服务标准",
            TargetId::CultureTrip => "93% 以上的文化行业经营审批事项实现“最多跑一趟”",
        }
    }

    /// An English rendering of the plan's wording.
    pub fn wording_en(self) -> &'static str {
        match self {
            TargetId::Gdp => "GDP grows about 7.5 % a year",
            TargetId::Income => "Per-capita disposable income grows at least 8 % a year",
            TargetId::IncomeSync => "Household income grows basically in step with the economy",
            TargetId::HighTech => "High-tech enterprises exceed 400",
            TargetId::Air => "Good-air-quality days stay at or above 90 %",
            TargetId::GreenRatio => {
                "Green-space ratio of the built-up area reaches 21 % by end-2025"
            }
            TargetId::GreenCover => "Green coverage reaches 36 % by end-2025",
            TargetId::Preschool => "Inclusive preschool places stay at or above 86 %",
            TargetId::CultureStar => {
                "At least 95 % of culture-business approvals meet 3-star service or better"
            }
            TargetId::CultureTrip => {
                "At least 93 % of culture-business approvals need at most one visit"
            }
        }
    }

    /// The plan's whole sentence, for the side panel.
    pub fn sentence(self) -> &'static str {
        match self {
            TargetId::Gdp => "“十四五”期间,经济持续健康发展,地区生产总值年均增长 7.5% 左右,增长潜力、内需潜力充分发挥,发展质量和效益再上新台阶。",
            TargetId::HighTech => "创新驱动成效显现,成为创新型省会城区, R&D 经费投入增长率保持全市前列,高新技术企业总量突破 400 家。",
            TargetId::Air => "打造高品质的“城市客厅”,城区生态环境和人居环境持续改善,大气、水、土壤等环境质量总体保持优良,城市空气质量优良天数比例保持在 90% 以上。",
            TargetId::Income | TargetId::IncomeSync => "实现更加充分更高质量就业,居民收入增长和经济增长基本同步,收入分配结构不断优化,居民人均可支配收入年均增长 8% 以上。",
            TargetId::Preschool => "社会保障体系更加完备,教育、医疗、养老等基本公共服务均等化水平稳步提高,普惠学额覆盖率稳定在 86% 以上,……",
            TargetId::GreenRatio | TargetId::GreenCover => "力争 2025 年底,建成区绿地率达 21% ,绿化覆盖率达 36% 。",
            TargetId::CultureStar => "“十四五”期间,力争 95% 以上的文化行业经营审批事项实现三星级及以上服务标准;",
            TargetId::CultureTrip => "力争 93% 以上的文化行业经营审批事项实现“最多跑一趟”。",
        }
    }

    /// The line of the plan text the target stands on.
    pub fn plan_line(self) -> u32 {
        match self {
            TargetId::Gdp | TargetId::HighTech => 109,
            TargetId::Air => 115,
            TargetId::Income | TargetId::IncomeSync | TargetId::Preschool => 117,
            TargetId::GreenRatio | TargetId::GreenCover => 377,
            TargetId::CultureStar | TargetId::CultureTrip => 483,
        }
    }

    /// The series the target is judged on.
    pub fn series(self) -> SeriesId {
        match self {
            TargetId::Gdp => SeriesId::Gdp,
            TargetId::Income | TargetId::IncomeSync => SeriesId::IncomeIndex,
            TargetId::HighTech => SeriesId::HighTech,
            TargetId::Air => SeriesId::Air,
            TargetId::GreenRatio => SeriesId::GreenRatio,
            TargetId::GreenCover => SeriesId::GreenCover,
            TargetId::Preschool => SeriesId::Preschool,
            TargetId::CultureStar => SeriesId::CultureStar,
            TargetId::CultureTrip => SeriesId::CultureTrip,
        }
    }

    /// How attainment is judged (`indicators.md`, "how attainment is judged").
    pub fn rule(self) -> Rule {
        match self {
            TargetId::Gdp => Rule::GrowthAbout {
                rate: GDP_TARGET_GROWTH,
            },
            TargetId::Income => Rule::GrowthAtLeast {
                rate: INCOME_TARGET_GROWTH,
            },
            TargetId::IncomeSync => Rule::InStepWithGdp,
            TargetId::HighTech => Rule::LevelAbove { level: 400.0 },
            TargetId::Air => Rule::HeldEveryYear { level: 0.90 },
            TargetId::GreenRatio => Rule::LevelAtLeast { level: 0.21 },
            TargetId::GreenCover => Rule::LevelAtLeast { level: 0.36 },
            TargetId::Preschool => Rule::HeldEveryYear { level: 0.86 },
            TargetId::CultureStar => Rule::LevelAtLeast { level: 0.95 },
            TargetId::CultureTrip => Rule::LevelAtLeast { level: 0.93 },
        }
    }

    /// The level the series must reach (in 2025, or every year for held targets), with
    /// `gdp_tolerance` (pp) for a growth of "about" a rate; `None` for the in-step rule, which
    /// compares two growth rates.
    pub fn threshold(self, gdp_tolerance: f64) -> Option<f64> {
        match self.rule() {
            Rule::GrowthAtLeast { rate } => {
                Some(compound(self.series().plan_base(), rate, TARGET_STEP))
            }
            Rule::GrowthAbout { rate } => Some(compound(
                self.series().plan_base(),
                rate - gdp_tolerance,
                TARGET_STEP,
            )),
            Rule::LevelAtLeast { level }
            | Rule::LevelAbove { level }
            | Rule::HeldEveryYear { level } => Some(level),
            Rule::InStepWithGdp => None,
        }
    }

    /// How attainment is judged, in words.
    pub fn rule_zh(self) -> &'static str {
        match self {
            TargetId::Gdp => "2020→2025 年均增速 ≥ 7.5%,即 2025 年 GDP ≥ 600×1.075⁵ = 861.4 亿元",
            TargetId::Income => "2020→2025 年均增速 ≥ 8%,即 2025 年收入指数 ≥ 100×1.08⁵ = 146.9",
            TargetId::IncomeSync => {
                "2020→2025 收入与 GDP 年均增速之差不超过容差(假设,默认 1 个百分点)"
            }
            TargetId::HighTech => "2025 年存量 > 400 家",
            TargetId::Air => "2021–2025 每一年都 ≥ 90%",
            TargetId::GreenRatio => "2025 年 ≥ 21%",
            TargetId::GreenCover => "2025 年 ≥ 36%",
            TargetId::Preschool => "2021–2025 每一年都 ≥ 86%",
            TargetId::CultureStar => "2025 年 ≥ 95%",
            TargetId::CultureTrip => "2025 年 ≥ 93%",
        }
    }

    pub fn rule_en(self) -> &'static str {
        match self {
            TargetId::Gdp => "CAGR 2020→2025 ≥ 7.5 %, i.e. GDP in 2025 ≥ 600·1.075⁵ = 861.4",
            TargetId::Income => {
                "CAGR 2020→2025 ≥ 8 %, i.e. income index in 2025 ≥ 100·1.08⁵ = 146.9"
            }
            TargetId::IncomeSync => {
                "income and GDP CAGR 2020→2025 within a tolerance (assumption, default 1 pp)"
            }
            TargetId::HighTech => "stock in 2025 > 400",
            TargetId::Air => "≥ 90 % in every year 2021–2025",
            TargetId::GreenRatio => "≥ 21 % in 2025",
            TargetId::GreenCover => "≥ 36 % in 2025",
            TargetId::Preschool => "≥ 86 % in every year 2021–2025",
            TargetId::CultureStar => "≥ 95 % in 2025",
            TargetId::CultureTrip => "≥ 93 % in 2025",
        }
    }
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

    /// The shares, in the order the engine keeps their logits.
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

    /// The position in [`SeriesId::SHARES`], for shares.
    pub fn share_index(self) -> Option<usize> {
        match self {
            SeriesId::Air => Some(0),
            SeriesId::GreenRatio => Some(1),
            SeriesId::GreenCover => Some(2),
            SeriesId::Preschool => Some(3),
            SeriesId::CultureStar => Some(4),
            SeriesId::CultureTrip => Some(5),
            _ => None,
        }
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
            _ => Vec::new(),
        }
    }
}

/// A heading of the plan: the chapter and section that start at `line` of the plan text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub line: u32,
    pub chapter: u8,
    pub section: u8,
    pub title_zh: &'static str,
}

/// The sections of the plan that hold the numbers the simulator uses, by their first line, so
/// that a number is cited as an official would cite it (第一章第五节), not by a line of a file.
pub const SECTIONS: [Section; 8] = [
    Section {
        line: 19,
        chapter: 1,
        section: 1,
        title_zh: "发展基础",
    },
    Section {
        line: 57,
        chapter: 1,
        section: 3,
        title_zh: "2035 年远景目标",
    },
    Section {
        line: 103,
        chapter: 1,
        section: 5,
        title_zh: "“十四五”发展目标",
    },
    Section {
        line: 145,
        chapter: 2,
        section: 2,
        title_zh: "加快高新技术企业集聚",
    },
    Section {
        line: 373,
        chapter: 5,
        section: 4,
        title_zh: "美化城区生态景观",
    },
    Section {
        line: 393,
        chapter: 6,
        section: 1,
        title_zh: "促进充分就业提高居民收入",
    },
    Section {
        line: 443,
        chapter: 6,
        section: 4,
        title_zh: "完善社会保障体系",
    },
    Section {
        line: 467,
        chapter: 7,
        section: 1,
        title_zh: "打造特色闽都文化城区",
    },
];

/// The section a line of the plan text stands in (the last heading at or before it).
pub fn section_of(line: u32) -> Section {
    SECTIONS
        .iter()
        .rev()
        .find(|section| section.line <= line)
        .copied()
        .unwrap_or(SECTIONS[0])
}

/// Chinese numerals for chapter and section numbers (1 … 10).
fn numeral(n: u8) -> &'static str {
    [
        "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ]
    .get(n as usize)
    .copied()
    .unwrap_or("")
}

impl Section {
    /// 第一章第五节“十四五”发展目标
    pub fn cite_zh(&self) -> String {
        format!(
            "第{}章第{}节{}",
            numeral(self.chapter),
            numeral(self.section),
            self.title_zh
        )
    }

    /// chapter 1, section 5
    pub fn cite_en(&self) -> String {
        format!("chapter {}, section {}", self.chapter, self.section)
    }
}
