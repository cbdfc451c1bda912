//! Short notes beside a control or a target, where a number means more than it says: what the
//! trend slider implies, parameters that act only through another, bases worked back from the
//! targets, and honest intervals where p̂ is 0 or 1.

use crate::format;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::scenario::{Param, Scenario};

/// The expected growth of a year the trend implies once downturns are counted, net of the
/// rebound the year after, ≈ μ − p·s·(1 − r), plus the extra investment's effect (from the year
/// after it is spent) at the 2020 level, 100·ΔI/(k·Y₀) (derived), in %/yr.
pub fn expected_growth(scenario: &Scenario) -> f64 {
    let get = |param| scenario.get(param);
    get(Param::Gdp) - get(Param::ShockP) / 100.0 * get(Param::ShockS) * (1.0 - get(Param::Rebound))
        + 100.0 * get(Param::Inv) / (get(Param::Icor) * crate::plan::GDP_2020)
}

/// The note under the trend slider, so that nobody reads the trend as the central forecast.
pub fn expected_growth_note(scenario: &Scenario, lang: Lang) -> String {
    let expected = format::grouped(expected_growth(scenario), 1);
    match lang {
        Lang::Zh => format!(
            "均按 2020 年不变价(实际增速)。计入下行年份风险(扣除次年反弹)与新增投资(次年起生效)后,预期增速约 {expected} %/年(推算:趋势 − 下行概率 × 损失 × (1 − 反弹比例) + 投资效应)"
        ),
        Lang::En => format!(
            "At 2020 prices (real growth). With downturn risk (net of the next year's rebound) and extra investment (effective from the year after) counted, expected growth is about {expected} %/yr (derived: trend − probability × loss × (1 − rebound) + investment effect)"
        ),
    }
}

/// A note for a parameter that matters only together with another, when that makes it inert.
pub fn inert_note(param: Param, scenario: &Scenario, lang: Lang) -> Option<&'static str> {
    match param {
        Param::Icor if scenario.get(Param::Inv) == 0.0 => Some(lang.pick(
            "投资与产出之比(ICOR)只通过新增投资起作用:新增投资为 0 时,改变它不会影响结果。",
            "The investment per unit of output (ICOR) acts only through extra investment: with none, changing it rightly moves nothing.",
        )),
        Param::DownturnHt | Param::DownturnGreen if scenario.get(Param::ShockP) == 0.0 => {
            Some(lang.pick(
                "下行年份概率为 0 时,此项不起作用。",
                "With no downturn years, this has no effect.",
            ))
        }
        Param::Rho if scenario.get(Param::Vol) == 0.0 => Some(lang.pick(
            "增长波动为 0 时,持续性不起作用。",
            "With no growth volatility, persistence has no effect.",
        )),
        Param::Rebound if scenario.get(Param::ShockP) == 0.0 => Some(lang.pick(
            "下行年份概率为 0 时,没有可反弹的损失。",
            "With no downturn years there is no loss to win back.",
        )),
        Param::Deflator if scenario.get(Param::IncBasis) == 0.0 => Some(lang.pick(
            "收入目标按实际增速判定时,它只影响图中 2015 年的数值(换算为 2020 年价格)。",
            "With the income target read in real terms, it moves only the 2015 points of the charts (at 2020 prices).",
        )),
        Param::GreenPhi | Param::GreenCorr if scenario.get(Param::GreenDev) == 0.0 => {
            Some(lang.pick(
                "绿地指标年波动为 0 时,此项不起作用。",
                "With no noise on the green ratios, this has no effect.",
            ))
        }
        _ => None,
    }
}

/// Whether a target's 2020 base is (still) the one inferred from the target
/// ([`crate::scenario::assumed_base`]).
pub fn is_worked_back(id: TargetId, scenario: &Scenario) -> bool {
    crate::scenario::assumed_base(id).is_some_and(|base| scenario.get(base) == base.spec().default)
}

/// Said in the row of a target whose 2020 base is an assumption worked back from the target.
pub fn worked_back_note(lang: Lang) -> &'static str {
    lang.pick(
        "这一概率主要反映假设的 2020 年水平:规划未给出基数,此处由目标倒推(或按目标推定),可在假设参数中修改。",
        "This chance mostly reflects the assumed 2020 level: the plan gives no base, so it was worked back from the target (or inferred from it); the assumptions let you change it.",
    )
}

/// What the page says when a run left the ground the model stands on: GDP's or income's growth
/// held at the floor of −95 %/yr in some path-years (`docs/MODEL.md`, "The growth floor"). Then
/// the numbers say only that the targets are out of reach, not what GDP would be.
pub fn growth_floor_note(
    floored_path_years: u32,
    paths: u32,
    years: u32,
    lang: Lang,
) -> Option<String> {
    if floored_path_years == 0 {
        return None;
    }
    let share =
        100.0 * f64::from(floored_path_years) / (f64::from(paths) * f64::from(years.max(1)));
    let share = if share < 0.1 {
        lang.pick("不到 0.1", "under 0.1").to_owned()
    } else {
        format::grouped(share, 1)
    };
    // A minus sign, not a hyphen, and the number kept with its unit.
    let floor = format!("−{}", format::grouped(-crate::engine::GROWTH_FLOOR, 0));
    Some(match lang {
        Lang::Zh => format!(
            "超出模型适用范围:{share}% 的路径年份中,GDP 或收入的年增速被模型下限 {floor}% 截住(例如大额负投资配合很小的 ICOR)。这些数字只说明目标无法实现,不是对经济规模的预测。"
        ),
        Lang::En => format!(
            "Outside the model's ground: in {share} % of path-years GDP's or income's growth was held at the model's floor of {floor}\u{a0}%/yr (for example, a large negative investment with a small ICOR). The numbers then say only that the targets are out of reach, not how large the economy would be."
        ),
    })
}
