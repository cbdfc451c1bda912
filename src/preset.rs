//! Named starting points (`preset=<id>` in a link): the one table [`PRESETS`], each value with
//! its reason. A preset sets every key it names and leaves the others at their defaults.

use crate::i18n::Lang;
use crate::plan::{self, TARGET_STEP};
use crate::scenario::{Param, Scenario};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PresetId {
    Plan,
    Pace13,
    Downturn,
    Invest,
    Green,
}

/// One value a preset sets, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PresetValue {
    pub param: Param,
    pub value: f64,
    pub reason_zh: &'static str,
    pub reason_en: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    pub id: PresetId,
    /// The link's `preset=` value.
    pub key: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub summary_zh: &'static str,
    pub summary_en: &'static str,
    pub values: &'static [PresetValue],
}

const fn value(
    param: Param,
    value: f64,
    reason_zh: &'static str,
    reason_en: &'static str,
) -> PresetValue {
    PresetValue {
        param,
        value,
        reason_zh,
        reason_en,
    }
}

/// The 13th plan's real GDP growth, 2015 → 2020 (line 25, at current prices) deflated by the
/// default deflator, 2 %/yr, rounded to 0.01 %/yr: the model runs at 2020 prices.
pub const PACE13_GDP: f64 = 7.99;
/// The 13th plan's real income growth, +42.8 % over 2016–2020 (line 41, nominal) deflated the
/// same way, rounded to 0.01 %/yr.
pub const PACE13_INCOME: f64 = 5.28;

/// Every preset, in the order of the buttons.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: PresetId::Plan,
        key: "plan",
        label_zh: "规划情景",
        label_en: "The plan",
        summary_zh: "规划原文的目标与默认假设",
        summary_en: "the plan's targets and the default assumptions",
        values: &[],
    },
    Preset {
        id: PresetId::Pace13,
        key: "pace13",
        label_zh: "延续“十三五”速度",
        label_en: "13th-plan pace",
        summary_zh: "GDP 与收入按 2016–2020 年的实际速度增长",
        summary_en: "GDP and income grow as in 2016–2020, in real terms",
        values: &[
            value(
                Param::Gdp,
                PACE13_GDP,
                "2015 年 370 亿元到 2020 年 600 亿元(现价)的年均增速 10.15%,按平减指数 2%/年换算为实际增速(规划第 25 行)",
                "the yearly growth from 37.0 bn yuan in 2015 to 60.0 bn in 2020 at current prices, 10.15 %, in real terms with a 2 %/yr deflator (plan, line 25)",
            ),
            value(
                Param::Inc,
                PACE13_INCOME,
                "“十三五”期间居民收入名义累计增长 42.8%,年均 7.39%,按平减指数 2%/年换算为实际增速(规划第 41 行)",
                "the 42.8 % nominal income growth over 2016–2020, 7.39 % a year, in real terms with a 2 %/yr deflator (plan, line 41)",
            ),
        ],
    },
    Preset {
        id: PresetId::Downturn,
        key: "downturn",
        label_zh: "更困难的外部环境",
        label_en: "A harder world",
        summary_zh: "下行年份更多、更深,增长更不稳定",
        summary_en: "more frequent and deeper downturns, more volatile growth",
        values: &[
            value(
                Param::ShockP,
                20.0,
                "下行年份概率加倍:每五年约一次",
                "downturn years twice as likely: about one in five years",
            ),
            value(
                Param::ShockS,
                6.0,
                "下行年份增速损失取 2020 年区县降幅(3–5 个百分点)之上",
                "a downturn costs more than the 3–5 pp the districts lost in 2020",
            ),
            value(
                Param::Vol,
                2.5,
                "年际波动取区县常见范围(1–2 个百分点)之上",
                "year-to-year swings above the usual 1–2 pp of a district",
            ),
        ],
    },
    Preset {
        id: PresetId::Invest,
        key: "invest",
        label_zh: "加大投资",
        label_en: "Investment push",
        summary_zh: "每年新增固定资产投资 50 亿元",
        summary_en: "5 bn yuan of extra fixed investment a year",
        values: &[value(
            Param::Inv,
            50.0,
            "每年多投 50 亿元:约为 2020 年 GDP 的 8%;按固定资产投资增量产出比 7,次年起每年约多增长 1 个百分点",
            "5 bn yuan more a year: about 8 % of the 2020 GDP; with a fixed-investment ICOR of 7, about a point more growth a year from the year after",
        )],
    },
    Preset {
        id: PresetId::Green,
        key: "green",
        label_zh: "绿化提速",
        label_en: "Green push",
        summary_zh: "每年新增绿地翻倍,达 14.4 公顷",
        summary_en: "twice the new green space a year: 14.4 ha",
        values: &[value(
            Param::Green,
            14.4,
            "“十三五”速度(每年 7.2 公顷)的两倍",
            "twice the 13th plan's pace of 7.2 ha a year",
        )],
    },
];

impl PresetId {
    pub const ALL: [PresetId; 5] = [
        PresetId::Plan,
        PresetId::Pace13,
        PresetId::Downturn,
        PresetId::Invest,
        PresetId::Green,
    ];

    pub fn preset(self) -> &'static Preset {
        PRESETS
            .iter()
            .find(|preset| preset.id == self)
            .expect("PRESETS lists every PresetId")
    }

    pub fn key(self) -> &'static str {
        self.preset().key
    }

    pub fn from_key(key: &str) -> Option<PresetId> {
        PRESETS
            .iter()
            .find(|preset| preset.key == key)
            .map(|preset| preset.id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let preset = self.preset();
        lang.pick(preset.label_zh, preset.label_en)
    }

    /// The preset's values applied to `base` (the keys it does not name stay as they are).
    pub fn apply_to(self, base: &Scenario) -> Scenario {
        self.preset()
            .values
            .iter()
            .fold(base.clone(), |scenario, v| {
                scenario
                    .with(v.param, v.value)
                    .expect("preset values are within their ranges (tested)")
            })
    }

    /// The preset on the defaults.
    pub fn scenario(self) -> Scenario {
        self.apply_to(&Scenario::default())
    }

    /// The value the preset gives `param`, if it names it.
    pub fn value(self, param: Param) -> Option<&'static PresetValue> {
        self.preset().values.iter().find(|v| v.param == param)
    }
}

/// The 13th plan's pace worked out from the plan's numbers, unrounded, in real terms with a
/// deflator of `deflator` %/yr: (GDP %/yr, income %/yr). The plan's figures are at current
/// prices; the model's growth is real.
pub fn pace13_from_plan(deflator: f64) -> (f64, f64) {
    let yearly = |ratio: f64| {
        100.0 * (libm::pow(ratio, 1.0 / TARGET_STEP as f64) / (1.0 + deflator / 100.0) - 1.0)
    };
    (
        yearly(plan::GDP_2020 / plan::GDP_2015),
        yearly(1.0 + plan::INCOME_GROWTH_2016_2020),
    )
}

/// The parameters that say how a run is done rather than what is assumed: a preset keeps them.
pub const RUN_SETTINGS: [Param; 3] = [Param::Horizon, Param::Paths, Param::Seed];

/// `preset`'s values (the plan's without one) on the defaults, with the run settings and the
/// observed years of `from`: what "reset to the preset" gives, and what a scenario is
/// "modified" against. What was observed is a fact, not a choice of scenario: a preset keeps it.
pub fn preset_scenario(preset: Option<PresetId>, from: &Scenario) -> Scenario {
    let base = RUN_SETTINGS
        .iter()
        .fold(Scenario::default(), |scenario, &param| {
            scenario.with(param, from.get(param)).unwrap_or(scenario)
        })
        .with_observations(from.observed().clone());
    preset.unwrap_or(PresetId::Plan).apply_to(&base)
}
