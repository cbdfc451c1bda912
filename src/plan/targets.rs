//! The plan's quantified targets: [`TARGETS`], the one table of them, and how each is judged.

use super::{compound, SeriesId, GDP_TARGET_GROWTH, INCOME_TARGET_GROWTH, TARGET_STEP};
use serde::{Deserialize, Serialize};

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
    /// Income growth 2020→2025 not lagging GDP's by more than a tolerance, in pp (an
    /// assumption), or, read two-sided, within it of GDP's.
    InStepWithGdp,
}

/// How the targets are read where the plan leaves a choice (each an assumption of the
/// scenario): the tolerance of "about 7.5 %", the price basis of the income target, and
/// whether "in step" is judged one-sided (income must not lag) or two-sided.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    /// The GDP target's tolerance, pp (`gdp_tol`).
    pub gdp_tolerance: f64,
    /// The income target read as nominal growth, converted with the deflator (`inc_basis`).
    pub income_nominal: bool,
    /// The GDP deflator, %/yr (`deflator`).
    pub deflator: f64,
    /// "In step" judged both ways, |gap| within the tolerance (`sync_rule`); else income may not
    /// lag GDP by more than it.
    pub sync_two_sided: bool,
}

impl Default for Reading {
    /// The strict readings of model version 2's defaults: no tolerance, real, two-sided.
    fn default() -> Self {
        Reading {
            gdp_tolerance: 0.0,
            income_nominal: false,
            deflator: 0.0,
            sync_two_sided: true,
        }
    }
}

impl Reading {
    /// A growth target's rate in real terms (the model's): as stated, or, for a nominal
    /// reading, deflated: 100·((1 + rate/100)/(1 + deflator/100) − 1).
    pub fn real_rate(&self, rate: f64) -> f64 {
        if self.income_nominal {
            100.0 * ((1.0 + rate / 100.0) / (1.0 + self.deflator / 100.0) - 1.0)
        } else {
            rate
        }
    }
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

/// One target of the plan, as `indicators.md` lists it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetSpec {
    pub id: TargetId,
    /// The id used in `indicators.md`, in `data-target` attributes, links and exports.
    pub key: &'static str,
    pub chapter: Chapter,
    /// The target as the plan words it (Chinese, verbatim).
    pub wording_zh: &'static str,
    /// An English rendering of the plan's wording.
    pub wording_en: &'static str,
    /// The plan's whole sentence, for the side panel.
    pub sentence: &'static str,
    /// The line of the plan text the target stands on (cited by its section).
    pub line: u32,
    /// The series the target is judged on.
    pub series: SeriesId,
    /// How attainment is judged (`indicators.md`); thresholds are computed from it.
    pub rule: Rule,
    /// The rule in words, without numbers that depend on assumptions (the page writes the rule
    /// with the numbers in force from a run's threshold).
    pub rule_zh: &'static str,
    pub rule_en: &'static str,
}

/// Every target of the plan, in the order of `indicators.md`: the one table the targets' words,
/// rules, thresholds, chart lines and citations are derived from.
pub const TARGETS: [TargetSpec; 10] = [
    TargetSpec {
        id: TargetId::Gdp,
        key: "gdp",
        chapter: Chapter::Goals,
        wording_zh: "地区生产总值年均增长 7.5% 左右",
        wording_en: "GDP grows about 7.5 % a year",
        sentence: "“十四五”期间,经济持续健康发展,地区生产总值年均增长 7.5% 左右,增长潜力、内需潜力充分发挥,发展质量和效益再上新台阶。",
        line: 109,
        series: SeriesId::Gdp,
        rule: Rule::GrowthAbout { rate: GDP_TARGET_GROWTH },
        rule_zh: "“7.5% 左右”:2020→2025 年均增速 ≥ 7.5% 减去容差(假设)",
        rule_en: "“about 7.5 %”: yearly growth 2020→2025 at least 7.5 % less a tolerance (an assumption)",
    },
    TargetSpec {
        id: TargetId::Income,
        key: "income",
        chapter: Chapter::Goals,
        wording_zh: "居民人均可支配收入年均增长 8% 以上",
        wording_en: "Per-capita disposable income grows at least 8 % a year",
        sentence: "实现更加充分更高质量就业,居民收入增长和经济增长基本同步,收入分配结构不断优化,居民人均可支配收入年均增长 8% 以上。",
        line: 117,
        series: SeriesId::IncomeIndex,
        rule: Rule::GrowthAtLeast { rate: INCOME_TARGET_GROWTH },
        rule_zh: "2020→2025 年均实际增速 ≥ 8%,即 2025 年收入指数 ≥ 100×1.08⁵ = 146.9",
        rule_en: "real yearly growth 2020→2025 ≥ 8 %, i.e. income index in 2025 ≥ 100·1.08⁵ = 146.9",
    },
    TargetSpec {
        id: TargetId::IncomeSync,
        key: "income_sync",
        chapter: Chapter::Goals,
        wording_zh: "居民收入增长和经济增长基本同步",
        wording_en: "Household income grows basically in step with the economy",
        sentence: "实现更加充分更高质量就业,居民收入增长和经济增长基本同步,收入分配结构不断优化,居民人均可支配收入年均增长 8% 以上。",
        line: 117,
        series: SeriesId::IncomeIndex,
        rule: Rule::InStepWithGdp,
        rule_zh: "2020→2025 收入年均增速不低于 GDP 年均增速减容差(假设,默认 1 个百分点)",
        rule_en: "income's yearly growth 2020→2025 at least GDP's less a tolerance (an assumption, default 1 point)",
    },
    TargetSpec {
        id: TargetId::HighTech,
        key: "hightech",
        chapter: Chapter::Goals,
        wording_zh: "高新技术企业总量突破 400 家",
        wording_en: "High-tech enterprises exceed 400",
        sentence: "创新驱动成效显现,成为创新型省会城区, R&D 经费投入增长率保持全市前列,高新技术企业总量突破 400 家。",
        line: 109,
        series: SeriesId::HighTech,
        rule: Rule::LevelAbove { level: 400.0 },
        rule_zh: "2025 年存量 > 400 家",
        rule_en: "stock in 2025 > 400",
    },
    TargetSpec {
        id: TargetId::Air,
        key: "air",
        chapter: Chapter::Goals,
        wording_zh: "城市空气质量优良天数比例保持在 90% 以上",
        wording_en: "Good-air-quality days stay at or above 90 %",
        sentence: "打造高品质的“城市客厅”,城区生态环境和人居环境持续改善,大气、水、土壤等环境质量总体保持优良,城市空气质量优良天数比例保持在 90% 以上。",
        line: 115,
        series: SeriesId::Air,
        rule: Rule::HeldEveryYear { level: 0.90 },
        rule_zh: "2021–2025 每一年都 ≥ 90%",
        rule_en: "≥ 90 % in every year 2021–2025",
    },
    TargetSpec {
        id: TargetId::GreenRatio,
        key: "green_ratio",
        chapter: Chapter::CityLivingRoom,
        wording_zh: "2025 年底,建成区绿地率达 21%",
        wording_en: "Green-space ratio of the built-up area reaches 21 % by end-2025",
        sentence: "力争 2025 年底,建成区绿地率达 21% ,绿化覆盖率达 36% 。",
        line: 377,
        series: SeriesId::GreenRatio,
        rule: Rule::LevelAtLeast { level: 0.21 },
        rule_zh: "2025 年 ≥ 21%",
        rule_en: "≥ 21 % in 2025",
    },
    TargetSpec {
        id: TargetId::GreenCover,
        key: "green_cover",
        chapter: Chapter::CityLivingRoom,
        wording_zh: "2025 年底,绿化覆盖率达 36%",
        wording_en: "Green coverage reaches 36 % by end-2025",
        sentence: "力争 2025 年底,建成区绿地率达 21% ,绿化覆盖率达 36% 。",
        line: 377,
        series: SeriesId::GreenCover,
        rule: Rule::LevelAtLeast { level: 0.36 },
        rule_zh: "2025 年 ≥ 36%",
        rule_en: "≥ 36 % in 2025",
    },
    TargetSpec {
        id: TargetId::Preschool,
        key: "preschool",
        chapter: Chapter::Goals,
        wording_zh: "普惠学额覆盖率稳定在 86% 以上",
        wording_en: "Inclusive preschool places stay at or above 86 %",
        sentence: "社会保障体系更加完备,教育、医疗、养老等基本公共服务均等化水平稳步提高,普惠学额覆盖率稳定在 86% 以上,……",
        line: 117,
        series: SeriesId::Preschool,
        rule: Rule::HeldEveryYear { level: 0.86 },
        rule_zh: "2021–2025 每一年都 ≥ 86%",
        rule_en: "≥ 86 % in every year 2021–2025",
    },
    TargetSpec {
        id: TargetId::CultureStar,
        key: "culture_star",
        chapter: Chapter::Culture,
        wording_zh: "95% 以上的文化行业经营审批事项实现三星级及以上服务标准",
        wording_en: "At least 95 % of culture-business approvals meet 3-star service or better",
        sentence: "“十四五”期间,力争 95% 以上的文化行业经营审批事项实现三星级及以上服务标准;",
        line: 483,
        series: SeriesId::CultureStar,
        rule: Rule::LevelAtLeast { level: 0.95 },
        rule_zh: "2025 年 ≥ 95%",
        rule_en: "≥ 95 % in 2025",
    },
    TargetSpec {
        id: TargetId::CultureTrip,
        key: "culture_trip",
        chapter: Chapter::Culture,
        wording_zh: "93% 以上的文化行业经营审批事项实现“最多跑一趟”",
        wording_en: "At least 93 % of culture-business approvals need at most one visit",
        sentence: "力争 93% 以上的文化行业经营审批事项实现“最多跑一趟”。",
        line: 483,
        series: SeriesId::CultureTrip,
        rule: Rule::LevelAtLeast { level: 0.93 },
        rule_zh: "2025 年 ≥ 93%",
        rule_en: "≥ 93 % in 2025",
    },
];

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

    pub fn spec(self) -> &'static TargetSpec {
        &TARGETS[self.index()]
    }

    pub fn key(self) -> &'static str {
        self.spec().key
    }

    pub fn from_key(key: &str) -> Option<TargetId> {
        TARGETS
            .iter()
            .find(|spec| spec.key == key)
            .map(|spec| spec.id)
    }

    /// The position in [`TargetId::ALL`] and [`TARGETS`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn chapter(self) -> Chapter {
        self.spec().chapter
    }

    pub fn wording_zh(self) -> &'static str {
        self.spec().wording_zh
    }

    pub fn wording_en(self) -> &'static str {
        self.spec().wording_en
    }

    pub fn sentence(self) -> &'static str {
        self.spec().sentence
    }

    pub fn plan_line(self) -> u32 {
        self.spec().line
    }

    pub fn series(self) -> SeriesId {
        self.spec().series
    }

    pub fn rule(self) -> Rule {
        self.spec().rule
    }

    /// The level the series must reach (in 2025, or every year for held targets) as `reading`
    /// reads the target: an "about" less its tolerance, a nominal rate deflated; `None` for the
    /// in-step rule, which compares two growth rates.
    pub fn threshold(self, reading: &Reading) -> Option<f64> {
        match self.rule() {
            Rule::GrowthAtLeast { rate } => Some(compound(
                self.series().plan_base(),
                reading.real_rate(rate),
                TARGET_STEP,
            )),
            Rule::GrowthAbout { rate } => Some(compound(
                self.series().plan_base(),
                rate - reading.gdp_tolerance,
                TARGET_STEP,
            )),
            Rule::LevelAtLeast { level }
            | Rule::LevelAbove { level }
            | Rule::HeldEveryYear { level } => Some(level),
            Rule::InStepWithGdp => None,
        }
    }

    pub fn rule_zh(self) -> &'static str {
        self.spec().rule_zh
    }

    pub fn rule_en(self) -> &'static str {
        self.spec().rule_en
    }
}
