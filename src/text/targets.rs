//! The words of targets of one's own: a series and a rule named, a target's rule with its numbers,
//! why one was refused, and the horizon it extended.

use crate::format;
use crate::i18n::Lang;
use crate::plan::{SeriesId, SeriesKind};
use crate::scenario::targets::{MAX_NAME_CHARS, MAX_USER_TARGETS};
use crate::scenario::{TargetError, UserRule, UserTarget};

/// A series as the "add a target" form names it.
pub fn series_name(series: SeriesId, lang: Lang) -> &'static str {
    match series {
        SeriesId::Gdp => lang.pick("地区生产总值", "GDP"),
        SeriesId::IncomeIndex => lang.pick(
            "居民人均可支配收入(指数)",
            "Disposable income per head (index)",
        ),
        SeriesId::GdpPerCapita => lang.pick("人均地区生产总值", "GDP per head"),
        SeriesId::HighTech => lang.pick("高新技术企业", "High-tech enterprises"),
        SeriesId::Air => lang.pick("空气质量优良天数比例", "Good-air-quality days"),
        SeriesId::GreenRatio => lang.pick("建成区绿地率", "Green-space ratio"),
        SeriesId::GreenCover => lang.pick("绿化覆盖率", "Green coverage"),
        SeriesId::Preschool => lang.pick("普惠学额覆盖率", "Inclusive preschool places"),
        SeriesId::CultureStar => lang.pick(
            "三星级及以上服务的审批事项",
            "Approvals at 3-star service or better",
        ),
        SeriesId::CultureTrip => lang.pick(
            "“最多跑一趟”的审批事项",
            "Approvals needing at most one visit",
        ),
    }
}

/// A series' unit, as its threshold is entered.
pub fn series_unit(series: SeriesId, lang: Lang) -> &'static str {
    match series.kind() {
        SeriesKind::Money => lang.pick("亿元(2020 年价格)", "100 million yuan (2020 prices)"),
        SeriesKind::Index => lang.pick("(2020 = 100)", "(2020 = 100)"),
        SeriesKind::PerCapita => lang.pick("万元", "10,000 yuan"),
        SeriesKind::Count => lang.pick("家", "firms"),
        SeriesKind::Share => "%",
    }
}

/// A rule as the form names it.
pub fn rule_name(rule: UserRule, lang: Lang) -> &'static str {
    match rule {
        UserRule::LevelAtLeast => lang.pick("某年不低于", "at least, in a year"),
        UserRule::LevelAtMost => lang.pick("某年不高于", "at most, in a year"),
        UserRule::GrowthAtLeast => lang.pick("年均增速不低于(%)", "yearly growth at least (%)"),
        UserRule::HeldAtLeast => lang.pick("每年都不低于", "at least, every year"),
        UserRule::HeldAtMost => lang.pick("每年都不高于", "at most, every year"),
        UserRule::LagBehindGdpAtMost => lang.pick(
            "年均增速落后 GDP 不超过(个百分点)",
            "yearly growth lagging GDP's by at most (points)",
        ),
    }
}

/// The unit of a target's threshold: its series' unit, or %/yr for growth, points for a lag.
pub fn threshold_unit(target: &UserTarget, lang: Lang) -> &'static str {
    match target.rule() {
        UserRule::GrowthAtLeast => lang.pick("%/年", "%/yr"),
        UserRule::LagBehindGdpAtMost => lang.pick("个百分点", "points"),
        _ => series_unit(target.series(), lang),
    }
}

fn years(target: &UserTarget, lang: Lang) -> String {
    let (first, last) = target.years();
    match (first == last, lang) {
        (true, Lang::Zh) => format!("{first} 年"),
        (true, Lang::En) => format!("in {first}"),
        (false, Lang::Zh) => format!("{first}→{last} 年"),
        (false, Lang::En) => format!("{first}→{last}"),
    }
}

/// A threshold as typed: thousands grouped, no trailing zeros (6, 841.5, 0.25).
fn threshold_shown(value: f64) -> String {
    let two = format::grouped(value, 2);
    let trimmed = two.trim_end_matches('0').trim_end_matches('.');
    trimmed.to_owned()
}

/// What the badge of a target of one's own says on hover: whose it is.
pub fn own_tip(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("自定目标 {name}:不在规划原文中,由使用者设定"),
        Lang::En => format!("your own target {name}: not in the plan, set by the user"),
    }
}

/// A target's rule with its numbers: "GDP: yearly growth 2025→2030 ≥ 6 %/yr".
pub fn rule_text(target: &UserTarget, lang: Lang) -> String {
    let series = series_name(target.series(), lang);
    let threshold = threshold_shown(target.threshold());
    let unit = threshold_unit(target, lang);
    let when = years(target, lang);
    match (target.rule(), lang) {
        (UserRule::LevelAtLeast, Lang::Zh) => format!("{series}:{when} ≥ {threshold} {unit}"),
        (UserRule::LevelAtLeast, Lang::En) => format!("{series} {when} ≥ {threshold} {unit}"),
        (UserRule::LevelAtMost, Lang::Zh) => format!("{series}:{when} ≤ {threshold} {unit}"),
        (UserRule::LevelAtMost, Lang::En) => format!("{series} {when} ≤ {threshold} {unit}"),
        (UserRule::GrowthAtLeast, Lang::Zh) => {
            format!("{series}:{when}年均增速 ≥ {threshold} {unit}")
        }
        (UserRule::GrowthAtLeast, Lang::En) => {
            format!("{series}: yearly growth {when} ≥ {threshold} {unit}")
        }
        (UserRule::HeldAtLeast, Lang::Zh) => format!("{series}:{when}每年都 ≥ {threshold} {unit}"),
        (UserRule::HeldAtLeast, Lang::En) => {
            format!("{series} ≥ {threshold} {unit} in every year {when}")
        }
        (UserRule::HeldAtMost, Lang::Zh) => format!("{series}:{when}每年都 ≤ {threshold} {unit}"),
        (UserRule::HeldAtMost, Lang::En) => {
            format!("{series} ≤ {threshold} {unit} in every year {when}")
        }
        (UserRule::LagBehindGdpAtMost, Lang::Zh) => {
            format!("{series}:{when}年均增速落后 GDP 不超过 {threshold} {unit}")
        }
        (UserRule::LagBehindGdpAtMost, Lang::En) => {
            format!("{series}: yearly growth {when} lags GDP's by at most {threshold} {unit}")
        }
    }
}

/// Why a target was refused.
pub fn error_text(error: &TargetError, lang: Lang) -> String {
    match (error, lang) {
        (TargetError::Form, Lang::Zh) => "格式应为 指标~规则~年份~阈值".to_owned(),
        (TargetError::Form, Lang::En) => "the form is series~rule~years~threshold".to_owned(),
        (TargetError::Name, Lang::Zh) => {
            format!("名称应为 1 到 {MAX_NAME_CHARS} 个英文字母、数字或下划线")
        }
        (TargetError::Name, Lang::En) => {
            format!("a name is 1 to {MAX_NAME_CHARS} letters, digits or _")
        }
        (TargetError::UnknownSeries(shown), Lang::Zh) => format!(
            "没有指标 “{shown}”(可用:{})",
            SeriesId::ALL.map(|s| s.key()).join(", ")
        ),
        (TargetError::UnknownSeries(shown), Lang::En) => format!(
            "no series “{shown}” (known: {})",
            SeriesId::ALL.map(|s| s.key()).join(", ")
        ),
        (TargetError::UnknownRule(shown), Lang::Zh) => format!(
            "没有规则 “{shown}”(可用:{})",
            UserRule::ALL.map(|r| r.key()).join(", ")
        ),
        (TargetError::UnknownRule(shown), Lang::En) => format!(
            "no rule “{shown}” (known: {})",
            UserRule::ALL.map(|r| r.key()).join(", ")
        ),
        (TargetError::Years { .. }, Lang::Zh) => {
            "年份应在 2021–2035 之间(增速可从 2020 年起算;区间写作 2025-2030,终年晚于起年)".to_owned()
        }
        (TargetError::Years { .. }, Lang::En) => {
            "years must lie in 2021–2035 (growth may start from 2020; a span as 2025-2030, its last year after its first)".to_owned()
        }
        (TargetError::Threshold, Lang::Zh) => "阈值不是数字".to_owned(),
        (TargetError::Threshold, Lang::En) => "the threshold is not a number".to_owned(),
        (TargetError::LagOfGdp, Lang::Zh) => "GDP 不能与自身比较".to_owned(),
        (TargetError::LagOfGdp, Lang::En) => "GDP cannot lag itself".to_owned(),
        (TargetError::TooMany, Lang::Zh) => format!("最多 {MAX_USER_TARGETS} 个自定目标"),
        (TargetError::TooMany, Lang::En) => format!("at most {MAX_USER_TARGETS} targets of your own"),
    }
}

/// A link's target that could not be used.
pub fn bad_in_link(key: &str, text: &str, error: &TargetError, lang: Lang) -> String {
    let why = error_text(error, lang);
    match lang {
        Lang::Zh => format!("{key}=“{text}”:{why},未采用"),
        Lang::En => format!("{key}=“{text}”: {why}; not used"),
    }
}

/// A target judged after the horizon: the horizon was extended.
pub fn horizon_extended(key: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{key} 在 {year} 年判定:展望年份已延长至 {year} 年"),
        Lang::En => format!("{key} is judged in {year}: the horizon was extended to {year}"),
    }
}

/// The accessible name of a target's "remove" button.
pub fn remove_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("删除:{name}"),
        Lang::En => format!("remove: {name}"),
    }
}

/// The heading of the group of one's own targets in the table.
pub fn group_heading(lang: Lang) -> &'static str {
    lang.pick("自定目标", "Targets of your own")
}

/// The help under "add a target": what a target is, with an example.
pub fn help(lang: Lang) -> &'static str {
    lang.pick(
        "用同样的规则检验自己的目标,例如“十五五”草案:GDP 2025→2030 年均增速 ≥ 6%(链接中写作 t.g30=gdp~cagr_ge~2025-2030~6)。规划原文没有 2030 年的数字,因此这里没有预设;判定年份晚于展望年份时,展望年份会自动延长。",
        "Test targets of your own by the same rules, for example a draft of the next plan: GDP growing at least 6 % a year 2025→2030 (in a link: t.g30=gdp~cagr_ge~2025-2030~6). The plan has no 2030 numbers, so none is preset; a target judged after the horizon extends it.",
    )
}
