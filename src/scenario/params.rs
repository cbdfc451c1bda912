//! [`PARAMS`], the one table of every parameter: its URL key, labels, unit, range, step,
//! default and provenance (and, for a reading chosen by name, its readings). `docs/MODEL.md`
//! gives the reasons at length.

use super::{Param, ParamKind, ParamSpec};
use crate::plan::Provenance;

/// Builds one row of [`PARAMS`]; positional groups keep the table readable row by row.
#[allow(clippy::too_many_arguments)]
const fn spec(
    param: Param,
    key: &'static str,
    kind: ParamKind,
    labels: (&'static str, &'static str),
    units: (&'static str, &'static str),
    range: (f64, f64, f64),
    default: f64,
    integer: bool,
    provenance: Provenance,
) -> ParamSpec {
    ParamSpec {
        param,
        key,
        kind,
        label_zh: labels.0,
        label_en: labels.1,
        unit_zh: units.0,
        unit_en: units.1,
        min: range.0,
        max: range.1,
        step: range.2,
        default,
        integer,
        provenance,
        choices: &[],
    }
}

/// Builds a row of [`PARAMS`] that chooses between readings, each named (value 0 is the
/// first name, 1 the second, …); the default is the first.
const fn choice(
    param: Param,
    key: &'static str,
    labels: (&'static str, &'static str),
    choices: &'static [&'static str],
    provenance: Provenance,
) -> ParamSpec {
    ParamSpec {
        param,
        key,
        kind: ParamKind::Assumption,
        label_zh: labels.0,
        label_en: labels.1,
        unit_zh: "",
        unit_en: "",
        min: 0.0,
        max: (choices.len() - 1) as f64,
        step: 1.0,
        default: 0.0,
        integer: true,
        provenance,
        choices,
    }
}

use ParamKind::{Assumption, Driver};

/// The largest seed that survives a round trip through a JavaScript number exactly (2⁵³ − 1),
/// so that a link edited by a script cannot silently change the stream.
pub const MAX_SEED: f64 = 9_007_199_254_740_991.0;

/// Every parameter, in URL and display order. `docs/MODEL.md` gives the reasons at length.
pub const PARAMS: [ParamSpec; 45] = [
    spec(Param::Gdp, "gdp", Driver, ("GDP 趋势增速", "Trend GDP growth"), ("%/年", "%/yr"),
        (0.0, 15.0, 0.1), 7.5, false, Provenance::PlanTargetAsTrend { line: 109 }),
    spec(Param::Inv, "inv", Driver, ("新增固定资产投资", "Extra fixed investment"), ("亿元/年", "¥ bn/yr"),
        (-100.0, 200.0, 5.0), 0.0, false, Provenance::Neutral),
    spec(Param::Inc, "inc", Driver, ("居民收入趋势增速", "Trend income growth"), ("%/年", "%/yr"),
        (0.0, 15.0, 0.1), 8.0, false, Provenance::PlanTargetAsTrend { line: 117 }),
    spec(Param::Vol, "vol", Driver, ("增长波动", "Growth volatility"), ("个百分点", "points"),
        (0.0, 5.0, 0.1), 1.5, false, Provenance::Assumption {
            reason_zh: "区县级 GDP 增速的年际波动通常为 1–2 个百分点;取中间值",
            reason_en: "year-to-year swings of district GDP growth are typically 1–2 points; the middle is taken",
        }),
    spec(Param::ShockP, "shock_p", Driver, ("下行年份概率", "Downturn probability"), ("%/年", "%/yr"),
        (0.0, 30.0, 0.5), 10.0, false, Provenance::Assumption {
            reason_zh: "2011–2020 十年中出现一次疫情式冲击(2020 年)",
            reason_en: "one epidemic-like downturn (2020) in the ten years 2011–2020",
        }),
    spec(Param::ShockS, "shock_s", Driver, ("下行年份增速损失", "Growth lost in a downturn"), ("个百分点", "points"),
        (0.0, 15.0, 0.5), 4.0, false, Provenance::Assumption {
            reason_zh: "2020 年福州各区增速较趋势低约 3–5 个百分点",
            reason_en: "in 2020 growth in Fuzhou's districts fell about 3–5 points below trend",
        }),
    spec(Param::Rd, "rd", Driver, ("研发经费增速", "R&D spending growth"), ("%/年", "%/yr"),
        (0.0, 30.0, 0.5), 10.0, false, Provenance::Assumption {
            reason_zh: "规划要求研发投入增速位居全市前列,未给数值;取近年全国水平约 10%",
            reason_en: "the plan asks for R&D growth among the city's highest without a number; ~10 %, the recent national pace",
        }),
    spec(Param::HtPush, "ht_push", Driver, ("高企倍增计划新增认定", "Doubling-plan push"), ("家/年", "firms/yr"),
        (0.0, 100.0, 1.0), 0.0, false, Provenance::Assumption {
            reason_zh: "规划提出实施高新技术企业倍增计划,未给出力度;默认不额外推动,即延续“十三五”认定速度",
            reason_en: "the plan announces a doubling plan for high-tech firms without saying how hard it pushes; by default none beyond the 13th plan's pace",
        }),
    spec(Param::Green, "green", Driver, ("新增绿地", "New green space"), ("公顷/年", "ha/yr"),
        (0.0, 40.0, 0.1), 7.2, false, Provenance::Assumption {
            reason_zh: "延续 2016–2020 年的速度:规划记载五年新增绿地 36 公顷,即每年 7.2 公顷",
            reason_en: "the 2016–2020 pace continued: the plan records 36 ha of new green space in five years, 7.2 ha a year",
        }),
    spec(Param::Horizon, "horizon", Driver, ("展望年份", "Horizon"), ("年", ""),
        (2025.0, 2035.0, 1.0), 2025.0, true, Provenance::Plan { line: 103 }),
    spec(Param::Paths, "paths", Driver, ("模拟路径数", "Monte Carlo paths"), ("条", "paths"),
        (100.0, 200_000.0, 100.0), 10_000.0, true, Provenance::Assumption {
            reason_zh: "1 万条路径使概率的标准误不超过 0.5 个百分点",
            reason_en: "10,000 paths keep the standard error of a probability at or below 0.5 points",
        }),
    spec(Param::Seed, "seed", Driver, ("随机种子", "Random seed"), ("", ""),
        (0.0, MAX_SEED, 1.0), 2021.0, true, Provenance::Assumption {
            reason_zh: "固定种子使同一链接得到完全相同的数字",
            reason_en: "a fixed seed makes the same link give exactly the same numbers",
        }),
    spec(Param::GdpTol, "gdp_tol", Assumption, ("“7.5% 左右”的容差", "Tolerance of “about 7.5 %”"), ("个百分点", "points"),
        (0.0, 2.0, 0.1), 0.5, false, Provenance::Assumption {
            reason_zh: "增长目标中的“左右”通常理解为上下半个百分点以内;0 即严格按 7.5% 判定",
            reason_en: "an “about” in a growth target is usually read as within half a point; 0 judges it strictly at 7.5 %",
        }),
    spec(Param::Icor, "icor", Assumption, ("新增投资与新增产出之比 (ICOR)", "Extra investment per unit of extra output (ICOR)"), ("", ""),
        (2.0, 20.0, 0.1), 7.0, false, Provenance::Assumption {
            reason_zh: "固定资产投资含土地购置等不形成产能的支出,其增量产出比高于资本形成口径的 4–6;近年全国固定资产投资与 GDP 增量之比约为 7",
            reason_en: "fixed investment includes land purchases and transfers that add no capacity, so its ratio is above capital formation's 4–6; recent national ratios of fixed investment to the GDP increment are about 7",
        }),
    spec(Param::Rho, "rho", Assumption, ("增速偏离的持续性 ρ", "How long a growth shock lasts ρ"), ("", ""),
        (0.0, 0.95, 0.05), 0.5, false, Provenance::Assumption {
            reason_zh: "增速偏离通常持续一到两年;ρ = 0.5",
            reason_en: "growth deviations typically last one to two years; ρ = 0.5",
        }),
    spec(Param::Rebound, "rebound", Assumption, ("下行后次年反弹比例", "Rebound after a downturn"), ("", ""),
        (0.0, 1.0, 0.05), 0.5, false, Provenance::Assumption {
            reason_zh: "2020 年冲击后,2021 年增速明显回升,约收回损失的一半;0 即不反弹(第 2 版模型)",
            reason_en: "after the 2020 downturn, 2021's growth won back about half of what was lost; 0 is no rebound (model version 2)",
        }),
    spec(Param::Eta, "eta", Assumption, ("收入随 GDP 波动的幅度 η", "How much income follows GDP η"), ("", ""),
        (0.0, 2.0, 0.05), 0.8, false, Provenance::Assumption {
            reason_zh: "居民收入随经济波动,但幅度略小;η = 0.8",
            reason_en: "household income follows GDP swings, somewhat damped; η = 0.8",
        }),
    spec(Param::IncVol, "inc_vol", Assumption, ("收入增速自身的波动 σₕ", "Income growth's own swings σₕ"), ("个百分点", "points"),
        (0.0, 5.0, 0.1), 1.0, false, Provenance::Assumption {
            reason_zh: "收入自身的年际波动约 1 个百分点",
            reason_en: "income's own year-to-year noise, about 1 point",
        }),
    spec(Param::SyncTol, "sync_tol", Assumption, ("“基本同步”容差", "“In step” tolerance"), ("个百分点", "points"),
        (0.0, 5.0, 0.1), 1.0, false, Provenance::Assumption {
            reason_zh: "规划未量化“基本同步”;取收入与 GDP 年均增速相差不超过 1 个百分点",
            reason_en: "the plan does not quantify “basically in step”; growth rates within 1 point",
        }),
    choice(Param::SyncRule, "sync_rule", ("“基本同步”的判定", "Reading of “in step”"), &["not_lagging", "two_sided"],
        Provenance::Assumption {
            reason_zh: "规划要求居民收入增长与经济增长“基本同步”,意在收入不落后;默认收入增速不低于 GDP 增速减容差即达标,也可选双向判定(第 2 版模型)",
            reason_en: "the plan asks that income keep up with the economy; by default income at least GDP growth less the tolerance meets it; two-sided (model version 2) is the other reading",
        }),
    choice(Param::IncBasis, "inc_basis", ("收入目标的口径", "Basis of the income target"), &["real", "nominal"],
        Provenance::Assumption {
            reason_zh: "规划未说明“8% 以上”是实际还是名义增速;默认按实际(不变价)判定,较严格;选名义时以 GDP 平减指数换算",
            reason_en: "the plan does not say whether “8 % or more” is real or nominal; real (at constant prices) is taken, the stricter reading; nominal is converted with the GDP deflator",
        }),
    spec(Param::Deflator, "deflator", Assumption, ("GDP 平减指数涨幅", "GDP deflator"), ("%/年", "%/yr"),
        (0.0, 5.0, 0.1), 2.0, false, Provenance::Assumption {
            reason_zh: "模型以 2020 年不变价计算;2016–2020 年全国 GDP 平减指数年均上涨约 2%,用于把“十三五”的现价数字换算为不变价",
            reason_en: "the model runs at 2020 prices; China's GDP deflator rose about 2 % a year in 2016–2020, which turns the 13th plan's current-price figures into real terms",
        }),
    spec(Param::Ht0, "ht0", Assumption, ("2020 年高新技术企业存量", "High-tech enterprises, 2020"), ("家", "firms"),
        (0.0, 2000.0, 1.0), 200.0, true, Provenance::Derived {
            formula: "400 / 2:规划提出“高新技术企业倍增计划”,终点为“突破 400 家”",
        }),
    spec(Param::Lapse, "lapse", Assumption, ("高企资格失效率", "High-tech lapse rate"), ("%/年", "%/yr"),
        (0.0, 50.0, 0.5), 8.0, false, Provenance::Assumption {
            reason_zh: "高企资格有效期 3 年,多数企业重新认定;每年约 8% 失效",
            reason_en: "certification lasts 3 years and most firms renew; about 8 % lapse a year",
        }),
    spec(Param::Air0, "air0", Assumption, ("2020 年空气优良天数比例", "Good-air days, 2020"), ("%", "%"),
        (50.0, 99.9, 0.1), 97.0, false, Provenance::Assumption {
            reason_zh: "规划未给出;福州市近年优良天数比例约 97–99%,取 97%",
            reason_en: "not in the plan; Fuzhou has reported 97–99 % good-air days in recent years; 97 %",
        }),
    spec(Param::AirVol, "air_vol", Assumption, ("空气质量的年际波动", "Year-to-year swing of air quality"), ("", ""),
        (0.0, 2.0, 0.05), 0.35, false, Provenance::Assumption {
            reason_zh: "天气使优良天数比例每年波动约 1–2 个百分点(数值在对数几率即 logit 尺度上)",
            reason_en: "weather moves the good-air share by about 1–2 points a year (the number is on the logit scale)",
        }),
    spec(Param::AirPhi, "air_phi", Assumption, ("空气质量偏离的持续性 φ", "How long an air-quality swing lasts φ"), ("", ""),
        (0.0, 1.0, 0.05), 0.3, false, Provenance::Assumption {
            reason_zh: "天气造成的偏离不会逐年累积,次年大多回归;1 即随机游走",
            reason_en: "weather does not accumulate: most of a year's deviation is gone the next year; 1 is a random walk",
        }),
    spec(Param::Built, "built", Assumption, ("建成区面积", "Built-up area"), ("公顷", "ha"),
        (100.0, 5000.0, 10.0), 1500.0, false, Provenance::Assumption {
            reason_zh: "全区约 18 平方公里,扣除闽江水面约为 15 平方公里",
            reason_en: "the district's ~18 km² less the Min River's water surface, about 15 km²",
        }),
    spec(Param::BuiltGrowth, "built_growth", Assumption, ("建成区面积增速", "Built-up area growth"), ("%/年", "%/yr"),
        (0.0, 5.0, 0.1), 0.0, false, Provenance::Assumption {
            reason_zh: "台江为老城区,建成区已基本覆盖全区,面积几乎不再增长",
            reason_en: "Taijiang is an old inner district, built up almost entirely: its built-up area hardly grows",
        }),
    spec(Param::Gr0, "gr0", Assumption, ("2020 年建成区绿地率", "Green-space ratio, 2020"), ("%", "%"),
        (1.0, 90.0, 0.1), 18.6, false, Provenance::Assumption {
            reason_zh: "规划未给出;取与规划一致的水平:21% − 5 × 7.2 公顷 / 1500 公顷 = 18.6%",
            reason_en: "not in the plan; plan-consistent: 21 % − 5 × 7.2 ha / 1,500 ha = 18.6 %",
        }),
    spec(Param::Gc0, "gc0", Assumption, ("2020 年绿化覆盖率", "Green coverage, 2020"), ("%", "%"),
        (1.0, 90.0, 0.1), 33.6, false, Provenance::Assumption {
            reason_zh: "规划未给出;取与规划一致的水平:36% − 5 × 7.2 公顷 / 1500 公顷 = 33.6%",
            reason_en: "not in the plan; plan-consistent: 36 % − 5 × 7.2 ha / 1,500 ha = 33.6 %",
        }),
    spec(Param::GreenVol, "green_vol", Assumption, ("每年新增绿地的波动(变异系数)", "Yearly new green space: variation"), ("", ""),
        (0.0, 1.0, 0.01), 0.3, false, Provenance::Assumption {
            reason_zh: "项目进度使每年新增绿地上下浮动约三成(不会为负)",
            reason_en: "project timing moves each year's new green space by about 30 % either way (never below zero)",
        }),
    spec(Param::GreenDev, "green_dev", Assumption, ("绿地指标的年际波动", "Year-to-year swing of the green ratios"), ("", ""),
        (0.0, 1.0, 0.01), 0.03, false, Provenance::Assumption {
            reason_zh: "统计口径与调查使两项绿地指标每年在绿地面积所决定的水平上下浮动约半个百分点(数值在 logit 尺度上)",
            reason_en: "surveys and definitions move each green ratio by about half a point a year around what the planted area gives (the number is on the logit scale)",
        }),
    spec(Param::GreenPhi, "green_phi", Assumption, ("绿地指标偏离的持续性 φ", "How long a green-ratio swing lasts φ"), ("", ""),
        (0.0, 1.0, 0.05), 0.5, false, Provenance::Assumption {
            reason_zh: "调查偏差次年大多回归;1 即随机游走",
            reason_en: "a survey's deviation is mostly gone the next year; 1 is a random walk",
        }),
    spec(Param::GreenCorr, "green_corr", Assumption, ("两项绿地指标波动的相关", "Correlation of the green ratios' noise"), ("", ""),
        (0.0, 1.0, 0.05), 0.7, false, Provenance::Assumption {
            reason_zh: "两项指标出自同一调查、同一绿地面积,但绿化覆盖率还计入公园以外的树木;1 即同一事件",
            reason_en: "both come from the same survey of the same green area, but coverage also counts trees outside parks; 1 makes them one event",
        }),
    spec(Param::DownturnGreen, "dt_green", Assumption, ("下行年份新增绿地减少", "New green space lost in a downturn"), ("%", "%"),
        (0.0, 100.0, 5.0), 30.0, false, Provenance::Assumption {
            reason_zh: "下行年份财政收紧,园林绿化项目推迟约三成",
            reason_en: "in a downturn year budgets tighten and about 30 % of greening projects slip",
        }),
    spec(Param::Pre0, "pre0", Assumption, ("2020 年普惠学额覆盖率", "Inclusive preschool, 2020"), ("%", "%"),
        (50.0, 99.9, 0.1), 88.0, false, Provenance::Assumption {
            reason_zh: "规划说“稳定在 86% 以上”,意味着已在 86% 以上;取 88%",
            reason_en: "“stay at or above 86 %” implies it already is; 88 %",
        }),
    spec(Param::PreVol, "pre_vol", Assumption, ("普惠学额的年际波动", "Year-to-year swing of preschool places"), ("", ""),
        (0.0, 1.0, 0.01), 0.1, false, Provenance::Assumption {
            reason_zh: "入园人数与新增学位每年带来约 1 个百分点的波动(数值在 logit 尺度上)",
            reason_en: "enrolment and new places move the share by about 1 point a year (the number is on the logit scale)",
        }),
    spec(Param::PrePhi, "pre_phi", Assumption, ("普惠学额偏离的持续性 φ", "How long a preschool swing lasts φ"), ("", ""),
        (0.0, 1.0, 0.05), 0.7, false, Provenance::Assumption {
            reason_zh: "学位供给调整需要一两年,偏离会持续但会被纠正;1 即随机游走",
            reason_en: "places take a year or two to adjust, so a deviation lasts but is corrected; 1 is a random walk",
        }),
    spec(Param::Cs0, "cs0", Assumption, ("2020 年三星级服务审批比例", "3-star approvals, 2020"), ("%", "%"),
        (1.0, 99.9, 0.1), 80.9, false, Provenance::Assumption {
            reason_zh: "规划未给出;取与规划一致的水平:按默认改进速度中位数恰好在 2025 年达到 95%",
            reason_en: "not in the plan; plan-consistent: the default pace of reform reaches 95 % in 2025 at the median",
        }),
    spec(Param::Ct0, "ct0", Assumption, ("2020 年“最多跑一趟”比例", "One-visit approvals, 2020"), ("%", "%"),
        (1.0, 99.9, 0.1), 74.8, false, Provenance::Assumption {
            reason_zh: "规划未给出;取与规划一致的水平:按默认改进速度中位数恰好在 2025 年达到 93%",
            reason_en: "not in the plan; plan-consistent: the default pace of reform reaches 93 % in 2025 at the median",
        }),
    spec(Param::CultDrift, "cult_drift", Assumption, ("审批服务每年的改进幅度", "Yearly pace of approval reform"), ("", ""),
        (-1.0, 2.0, 0.05), 0.3, false, Provenance::Assumption {
            reason_zh: "“放管服”改革稳步推进;每年在 logit 尺度上提高 0.3",
            reason_en: "steady “streamline, delegate, serve” reform: +0.3 a year on the logit scale",
        }),
    spec(Param::CultVol, "cult_vol", Assumption, ("审批服务的年际波动", "Year-to-year swing of approvals"), ("", ""),
        (0.0, 1.0, 0.01), 0.15, false, Provenance::Assumption {
            reason_zh: "窗口人员与事项变化带来的年际波动(数值在 logit 尺度上)",
            reason_en: "year-to-year changes in staff and case mix (the number is on the logit scale)",
        }),
    spec(Param::CultPhi, "cult_phi", Assumption, ("审批服务偏离的持续性 φ", "How long an approvals swing lasts φ"), ("", ""),
        (0.0, 1.0, 0.05), 0.7, false, Provenance::Assumption {
            reason_zh: "行政指标会被拉回到改革路径上;1 即随机游走",
            reason_en: "an administrative share is steered back to the reform path; 1 is a random walk",
        }),
    spec(Param::DownturnHt, "dt_ht", Assumption, ("下行年份高企认定减少", "Certifications lost in a downturn"), ("%", "%"),
        (0.0, 100.0, 5.0), 20.0, false, Provenance::Assumption {
            reason_zh: "下行年份企业研发收缩,新认定减少约两成",
            reason_en: "in a downturn year firms cut research and about 20 % fewer are certified",
        }),
];
