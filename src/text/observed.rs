//! The words of observed years: each observable series with its unit, what a refused value
//! says, what the run leaves unused, and how a target's row counts its observed years.

use crate::format;
use crate::i18n::Lang;
use crate::scenario::observed::{ObservationError, ObservedMeasure, ObservedSeries, Unused};

/// A series as the observed panel names it (its unit is said beside it): GDP and income are
/// observed as real growth, every other series as its level, named as the targets' form names
/// it.
pub fn series_name(series: ObservedSeries, lang: Lang) -> &'static str {
    match series {
        ObservedSeries::Gdp => lang.pick("地区生产总值实际增速", "Real GDP growth"),
        ObservedSeries::Income => lang.pick(
            "居民人均可支配收入实际增速",
            "Real growth of disposable income per head",
        ),
        level => super::targets::series_name(level.series(), lang),
    }
}

/// The unit beside an observed value's field.
pub fn unit(series: ObservedSeries, lang: Lang) -> &'static str {
    match series.measure() {
        ObservedMeasure::Growth => lang.pick("%,比上年,不变价", "%, on the year before, real"),
        ObservedMeasure::Level => "%",
        ObservedMeasure::Stock => lang.pick("家,年末", "firms, year-end"),
    }
}

/// Why a typed or linked value was refused: what was wrong and the range.
pub fn refused(series: ObservedSeries, error: ObservationError, lang: Lang) -> String {
    let unit = unit(series, lang);
    match (error, lang) {
        (ObservationError::NotANumber, Lang::Zh) => "不是数字".to_owned(),
        (ObservationError::NotANumber, Lang::En) => "not a number".to_owned(),
        (ObservationError::NotWhole, Lang::Zh) => "应为整数".to_owned(),
        (ObservationError::NotWhole, Lang::En) => "not a whole number".to_owned(),
        (ObservationError::OutOfRange { min, max }, Lang::Zh) => format!(
            "超出可能范围 {} 到 {} {unit}",
            format::grouped(min, 1),
            format::grouped(max, 1)
        ),
        (ObservationError::OutOfRange { min, max }, Lang::En) => format!(
            "outside the possible range {} to {} {unit}",
            format::grouped(min, 1),
            format::grouped(max, 1)
        ),
        (ObservationError::YearOutOfRange { first, last }, Lang::Zh) => {
            format!("年份应在 {first} 到 {last} 之间")
        }
        (ObservationError::YearOutOfRange { first, last }, Lang::En) => {
            format!("the year must be from {first} to {last}")
        }
    }
}

/// What the run does not use of the observations, and why.
pub fn unused(unused: Unused, lang: Lang) -> String {
    match (unused, lang) {
        (Unused::Gap { series, missing }, Lang::Zh) => format!(
            "{}:缺少 {missing} 年的实际值,{missing} 年及以后的实际值未使用",
            series_name(series, lang)
        ),
        (Unused::Gap { series, missing }, Lang::En) => format!(
            "{}: {missing} is missing, so its values from {missing} on are not used",
            series_name(series, lang)
        ),
        (Unused::PastHorizon { series, horizon }, Lang::Zh) => format!(
            "{}:{horizon} 年以后的实际值超出展望年份,未使用",
            series_name(series, lang)
        ),
        (Unused::PastHorizon { series, horizon }, Lang::En) => format!(
            "{}: values after the horizon, {horizon}, are not used",
            series_name(series, lang)
        ),
    }
}

/// A link's observation that could not be used: its key and value, and why.
pub fn bad_in_link(key: &str, text: &str, error: ObservationError, lang: Lang) -> String {
    let series = key
        .trim_start_matches("a.")
        .trim_start_matches(crate::link::OBSERVED_PREFIX)
        .split('.')
        .next()
        .and_then(ObservedSeries::from_key)
        .unwrap_or(ObservedSeries::Gdp);
    let why = refused(series, error, lang);
    match lang {
        Lang::Zh => format!("{key}=“{text}”:{why},未使用"),
        Lang::En => format!("{key}=“{text}”: {why}; not used"),
    }
}

/// A link's key that looks like an observation but names no series or year.
pub fn unknown_in_link(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法识别的实际值 “{key}”(应为 o.指标.年份),已忽略"),
        Lang::En => {
            format!("“{key}” is not an observation (o.<series>.<year>), ignored")
        }
    }
}

/// How many of a target's judged years are observed: "3 of 5 years observed".
pub fn years_observed(observed: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{of} 年中 {observed} 年已有实际值"),
        Lang::En => format!("{observed} of {of} years observed"),
    }
}

/// The outlook's opening when years are observed: "Given 2021–2023 as observed, ".
pub fn given(first: i32, last: i32, lang: Lang) -> String {
    let years = if first == last {
        format!("{first}")
    } else {
        format!("{first}–{last}")
    };
    match lang {
        Lang::Zh => format!("以 {years} 年的实际值为准:"),
        Lang::En => format!("Given {years} as observed: "),
    }
}

/// The observed GDP growth that no path of the scenario can take (no volatility: only the
/// trend and the downturns' steps can happen): GDP is then not conditioned.
pub fn gdp_impossible(lang: Lang) -> &'static str {
    lang.pick(
        "在此情景下(增长波动为 0)无法出现所填的 GDP 实际增速:GDP 未按实际值调整。请提高增长波动,或核对所填数字。",
        "No path of this scenario (growth volatility 0) can take the observed GDP growth: GDP is not conditioned on it. Raise the growth volatility or check the numbers.",
    )
}

/// How many observations the panel holds, beside its heading.
pub fn observed_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已填 {count} 项"),
        Lang::En => format!("{count} entered"),
    }
}

/// The accessible name of one year's field: "Real GDP growth, 2022".
pub fn field_name(series: ObservedSeries, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} {year} 年", series_name(series, lang)),
        Lang::En => format!("{}, {year}", series_name(series, lang)),
    }
}

/// The accessible name of a value's source field.
pub fn source_name(series: ObservedSeries, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} {year} 年实际值的来源", series_name(series, lang)),
        Lang::En => format!("source of {}, {year}", series_name(series, lang)),
    }
}

/// A typed value refused beside its field: what was typed, why, and the range.
pub fn refused_typed(
    typed: &str,
    series: ObservedSeries,
    error: ObservationError,
    lang: Lang,
) -> String {
    let why = refused(series, error, lang);
    match lang {
        Lang::Zh => format!("“{typed}”{why},未采用"),
        Lang::En => format!("“{typed}”: {why}; not used"),
    }
}
