//! From a run's summary to the fan chart of one series, in the UI's language.

use super::{FanBaseline, FanChart, FanLabels, HistogramChart, Threshold};
use crate::engine::judged::{Judged, JudgedHistogram};
use crate::engine::{Summary, YearStats};
use crate::i18n::Lang;
use crate::plan::{
    self, Rule, SeriesId, SeriesKind, TargetId, BASE_YEAR, TARGET_STEP, TARGET_YEAR,
};
use crate::scenario::observed::{ObservedMeasure, ObservedSeries};
use crate::scenario::{Param, Scenario, UserRule, UserTarget};

/// The first year on every fan chart's x axis: the start of the 13th plan's data.
pub const FIRST_CHART_YEAR: i32 = 2015;

pub fn series_title(id: SeriesId, lang: Lang) -> &'static str {
    match id {
        SeriesId::Gdp => lang.pick(
            "地区生产总值(亿元,2020 年不变价)",
            "GDP (100 million yuan, 2020 prices)",
        ),
        SeriesId::IncomeIndex => lang.pick(
            "居民人均可支配收入指数(2020 = 100)",
            "Per-capita disposable income index (2020 = 100)",
        ),
        SeriesId::GdpPerCapita => {
            lang.pick("人均地区生产总值(万元)", "GDP per capita (10,000 yuan)")
        }
        SeriesId::HighTech => lang.pick("高新技术企业(家)", "High-tech enterprises"),
        SeriesId::Air => lang.pick("空气质量优良天数比例(%)", "Good-air-quality days (%)"),
        SeriesId::GreenRatio => lang.pick(
            "建成区绿地率(%)",
            "Green-space ratio of the built-up area (%)",
        ),
        SeriesId::GreenCover => lang.pick("绿化覆盖率(%)", "Green coverage (%)"),
        SeriesId::Preschool => lang.pick("普惠学额覆盖率(%)", "Inclusive preschool places (%)"),
        SeriesId::CultureStar => lang.pick(
            "三星级及以上服务的审批事项(%)",
            "Approvals at 3-star service or better (%)",
        ),
        SeriesId::CultureTrip => lang.pick(
            "“最多跑一趟”的审批事项(%)",
            "Approvals needing at most one visit (%)",
        ),
    }
}

/// Shares are simulated as fractions and shown in %.
pub fn display_scale(id: SeriesId) -> f64 {
    if id.kind() == SeriesKind::Share {
        100.0
    } else {
        1.0
    }
}

/// Decimals of a series' values on screen.
pub fn display_decimals(id: SeriesId) -> usize {
    match id.kind() {
        SeriesKind::Money | SeriesKind::Count => 0,
        SeriesKind::Index | SeriesKind::PerCapita | SeriesKind::Share => 1,
    }
}

/// The level target judged on `id`, if any, with the threshold in force and the years it
/// applies to.
fn threshold_of(summary: &Summary, id: SeriesId) -> Option<(f64, i32, i32)> {
    summary
        .targets
        .iter()
        .filter(|result| result.id.series() == id)
        .find_map(|result| match (result.id.rule(), result.threshold) {
            (Rule::HeldEveryYear { .. }, Some(level)) => Some((level, BASE_YEAR + 1, TARGET_YEAR)),
            (Rule::LevelAtLeast { .. } | Rule::LevelAbove { .. }, Some(level)) => {
                Some((level, BASE_YEAR + 1, TARGET_YEAR))
            }
            _ => None,
        })
}

/// A series' yearly statistics in the units shown.
fn shown_years(summary: &Summary, id: SeriesId) -> Vec<YearStats> {
    let scale = display_scale(id);
    summary
        .series(id)
        .years
        .iter()
        .map(|stats| YearStats {
            year: stats.year,
            mean: stats.mean.map(|mean| mean * scale),
            percentiles: stats.percentiles.map(|p| p * scale),
        })
        .collect()
}

/// The fan chart of `id` for B (run from `scenario`), with the pinned A's median and 90 % band
/// as outlines.
pub fn fan_chart_compared(
    b: &Summary,
    a: &Summary,
    scenario: &Scenario,
    id: SeriesId,
    lang: Lang,
) -> FanChart {
    let mut chart = fan_chart_for(b, scenario, id, lang);
    chart.labels.band_90 = lang.pick("B:90% 区间", "B: 90 % band").to_owned();
    chart.labels.band_50 = lang.pick("B:50% 区间", "B: 50 % band").to_owned();
    chart.labels.median = lang.pick("B:中位数", "B: median").to_owned();
    chart.baseline = Some(FanBaseline {
        years: shown_years(a, id),
        median: lang.pick("A:中位数", "A: median").to_owned(),
        band_90: lang
            .pick("A:90% 区间(轮廓)", "A: 90 % band (outline)")
            .to_owned(),
    });
    chart
}

/// The fan chart of `id`: bands from the run of `scenario`, the plan's history (at 2020 prices,
/// with the scenario's deflator), path and target line.
pub fn fan_chart_for(summary: &Summary, scenario: &Scenario, id: SeriesId, lang: Lang) -> FanChart {
    let scale = display_scale(id);
    let years = shown_years(summary, id);
    let plan_path = id
        .plan_growth()
        .map(|rate| {
            (0..=TARGET_STEP)
                .map(|t| {
                    (
                        BASE_YEAR + t as i32,
                        plan::compound(id.plan_base(), rate, t),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    FanChart {
        title: series_title(id, lang).to_owned(),
        years,
        history: id
            .history(scenario.get(Param::Deflator))
            .into_iter()
            .map(|(year, value, _)| (year, value))
            .collect(),
        plan_path,
        observed: observed_points(scenario, id),
        threshold: threshold_of(summary, id)
            .map(|(level, first, last)| (level * scale, first, last)),
        first_year: FIRST_CHART_YEAR,
        decimals: display_decimals(id),
        labels: FanLabels {
            band_90: lang.pick("90% 区间", "90 % band").to_owned(),
            band_50: lang.pick("50% 区间", "50 % band").to_owned(),
            median: lang.pick("中位数", "median").to_owned(),
            plan: {
                let rate = crate::format::grouped(id.plan_growth().unwrap_or_default(), 1);
                match lang {
                    Lang::Zh => format!("规划路径 {rate}%/年"),
                    Lang::En => format!("plan path {rate} %/yr"),
                }
            },
            history: lang
                .pick(
                    "实际值(2015 年已换算为 2020 年价格)",
                    "observed (2015 at 2020 prices)",
                )
                .to_owned(),
            threshold: lang.pick("规划目标", "plan target").to_owned(),
            observed: lang.pick("已填实际值", "observed (entered)").to_owned(),
        },
        baseline: None,
    }
}

/// The years of `id` the run of `scenario` is conditioned on, in the units shown: a growth
/// compounded from 2020, a share in %, a stock as entered. GDP per head has no observation of
/// its own (its band closes where GDP's is observed).
pub fn observed_points(scenario: &Scenario, id: SeriesId) -> Vec<(i32, f64)> {
    let Some(series) = ObservedSeries::ALL
        .into_iter()
        .find(|series| series.series() == id)
    else {
        return Vec::new();
    };
    let values = scenario.observed().usable(series, scenario.horizon_year());
    let years = (BASE_YEAR + 1..).zip(values);
    match series.measure() {
        ObservedMeasure::Growth => {
            let mut level = id.plan_base();
            years
                .map(|(year, growth)| {
                    level *= 1.0 + growth / 100.0;
                    (year, level)
                })
                .collect()
        }
        ObservedMeasure::Level | ObservedMeasure::Stock => years.collect(),
    }
}

/// The histogram of what a target's rule judges, with the line and the share of paths on each
/// side: the series' 2025 value for level and growth targets, the worst year 2021–2025 for
/// targets held in every year, the gap between income and GDP growth for the in-step target.
/// The share on the met side is the target's p̂ exactly.
pub fn histogram_for(summary: &Summary, target: TargetId, lang: Lang) -> Option<HistogramChart> {
    if let Some((_, judged)) = summary.judged.iter().find(|(id, _)| *id == target) {
        return Some(judged_histogram(summary, target, judged, lang));
    }
    let id = target.series();
    let scale = display_scale(id);
    let histogram = summary
        .series(id)
        .histograms
        .iter()
        .find(|h| h.year == TARGET_YEAR)?;
    let result = summary.target(target)?;
    let reached = f64::from(result.reached_in_2025) / f64::from(summary.paths);
    let threshold = result
        .threshold
        .map(|level| split_labels(level * scale, reached, false, lang));
    Some(HistogramChart {
        title: match lang {
            Lang::Zh => format!("{}:2025 年分布", series_title(id, lang)),
            Lang::En => format!("{}: distribution in 2025", series_title(id, lang)),
        },
        min: histogram.min * scale,
        max: histogram.max * scale,
        counts: histogram.counts.clone(),
        threshold,
        decimals: display_decimals(id),
        y_label: lang.pick("路径占比", "share of paths").to_owned(),
    })
}

/// The line at `level` with the share of paths meeting the target on its side.
fn split_labels(level: f64, met: f64, met_below: bool, lang: Lang) -> Threshold {
    let (below, above) = if met_below {
        (met, 1.0 - met)
    } else {
        (1.0 - met, met)
    };
    let (below_word, above_word) = match (met_below, lang) {
        (false, Lang::Zh) => ("未达到", "达到"),
        (false, Lang::En) => ("below:", "reached:"),
        (true, Lang::Zh) => ("同步", "不同步"),
        (true, Lang::En) => ("in step:", "not in step:"),
    };
    Threshold {
        level,
        below: format!("{below_word} {}", crate::format::percent(below)),
        above: format!("{above_word} {}", crate::format::percent(above)),
        met_below,
    }
}

/// At most this many bars in a judged histogram.
const JUDGED_BARS: usize = 40;

fn judged_histogram(
    summary: &Summary,
    target: TargetId,
    judged: &JudgedHistogram,
    lang: Lang,
) -> HistogramChart {
    let (scale, title) = match (judged.judged, lang) {
        (Judged::WorstYear, _) => (
            display_scale(target.series()),
            match lang {
                Lang::Zh => format!(
                    "{}:2021–2025 年中最低的一年",
                    series_title(target.series(), lang)
                ),
                Lang::En => format!(
                    "{}: the lowest year of 2021–2025",
                    series_title(target.series(), lang)
                ),
            },
        ),
        (Judged::GrowthGap, Lang::Zh) => (1.0, "收入与 GDP 年均增速之差(个百分点)".to_owned()),
        (Judged::GrowthGap, Lang::En) => (
            1.0,
            "Gap between income and GDP growth, 2020→2025 (points)".to_owned(),
        ),
        (Judged::GrowthLag, Lang::Zh) => (
            1.0,
            "收入年均增速落后 GDP 的幅度(个百分点;负值即快于 GDP)".to_owned(),
        ),
        (Judged::GrowthLag, Lang::En) => (
            1.0,
            "How far income growth lags GDP's, 2020→2025 (points; below 0: faster)".to_owned(),
        ),
        // Not a kind of the plan's targets.
        (Judged::Own { .. }, _) => (1.0, series_title(target.series(), lang).to_owned()),
    };
    judged_chart(summary, judged, scale, 1, title, lang)
}

/// The histogram of a target of one's own: what its rule judges, split where its chance is.
pub fn own_histogram(summary: &Summary, target: &UserTarget, lang: Lang) -> Option<HistogramChart> {
    let result = summary.user_target(target.name())?;
    let series = target.series();
    let (first, last) = target.years();
    let years = if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    };
    let name = series_title(series, lang);
    let (scale, decimals, title) = match (target.rule(), lang) {
        (UserRule::LevelAtLeast | UserRule::LevelAtMost, Lang::Zh) => (
            display_scale(series),
            display_decimals(series),
            format!("{}:{name},{years} 年", target.name()),
        ),
        (UserRule::LevelAtLeast | UserRule::LevelAtMost, Lang::En) => (
            display_scale(series),
            display_decimals(series),
            format!("{}: {name}, {years}", target.name()),
        ),
        (UserRule::HeldAtLeast, Lang::Zh) => (
            display_scale(series),
            display_decimals(series),
            format!("{}:{name},{years} 年中最低的一年", target.name()),
        ),
        (UserRule::HeldAtLeast, Lang::En) => (
            display_scale(series),
            display_decimals(series),
            format!("{}: {name}, the lowest year of {years}", target.name()),
        ),
        (UserRule::HeldAtMost, Lang::Zh) => (
            display_scale(series),
            display_decimals(series),
            format!("{}:{name},{years} 年中最高的一年", target.name()),
        ),
        (UserRule::HeldAtMost, Lang::En) => (
            display_scale(series),
            display_decimals(series),
            format!("{}: {name}, the highest year of {years}", target.name()),
        ),
        (UserRule::GrowthAtLeast, Lang::Zh) => (
            1.0,
            1,
            format!("{}:{name} {years} 年均增速(%)", target.name()),
        ),
        (UserRule::GrowthAtLeast, Lang::En) => (
            1.0,
            1,
            format!("{}: {name}, yearly growth {years} (%)", target.name()),
        ),
        (UserRule::LagBehindGdpAtMost, Lang::Zh) => (
            1.0,
            1,
            format!(
                "{}:{years} 年均增速落后 GDP 的幅度(个百分点)",
                target.name()
            ),
        ),
        (UserRule::LagBehindGdpAtMost, Lang::En) => (
            1.0,
            1,
            format!(
                "{}: how far yearly growth {years} lags GDP's (points)",
                target.name()
            ),
        ),
    };
    Some(judged_chart(
        summary,
        &result.judged,
        scale,
        decimals,
        title,
        lang,
    ))
}

/// A judged histogram as a chart: the bins that hold paths, widened to show the line, grouped
/// into at most 40 bars with the line on a bar's edge (so the colours split exactly where the
/// rule does).
fn judged_chart(
    summary: &Summary,
    judged: &JudgedHistogram,
    scale: f64,
    decimals: usize,
    title: String,
    lang: Lang,
) -> HistogramChart {
    let used = |i: usize| judged.counts[i] > 0;
    let first = (0..judged.counts.len()).find(|&i| used(i)).unwrap_or(0);
    let last = (0..judged.counts.len())
        .rev()
        .find(|&i| used(i))
        .unwrap_or(0);
    let (first, last) = (
        first.min(judged.line_bin.saturating_sub(1)),
        last.max(judged.line_bin),
    );
    let group = (last + 1 - first).div_ceil(JUDGED_BARS).max(1) as i64;
    let line = judged.line_bin as i64;
    // The first bar starts on a multiple of `group` away from the line; it may start before
    // bin 0 (a line close to 0), and then holds fewer bins.
    let start = line - (line - first as i64 + group - 1) / group * group;
    let bars = (last as i64 + 1 - start + group - 1) / group;
    let counts: Vec<u32> = (0..bars)
        .map(|b| {
            let from = (start + b * group).max(0) as usize;
            let to = ((start + (b + 1) * group).max(0) as usize).min(judged.counts.len());
            judged.counts[from..to].iter().sum()
        })
        .collect();
    let edge = |bin: i64| judged.lower + judged.width * bin as f64;
    let met = f64::from(judged.met()) / f64::from(summary.paths.max(1));
    HistogramChart {
        title,
        min: edge(start) * scale,
        max: edge(start + bars * group) * scale,
        counts,
        threshold: Some(split_labels(
            judged.line() * scale,
            met,
            !judged.judged.met_above(),
            lang,
        )),
        decimals,
        y_label: lang.pick("路径占比", "share of paths").to_owned(),
    }
}

/// A fan chart's numbers as a table, its text alternative: a header (year, then the five
/// percentiles) and one row a year, in the units and decimals the chart shows.
pub fn fan_table(summary: &Summary, id: SeriesId, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let (scale, decimals) = (display_scale(id), display_decimals(id));
    let header = [
        lang.pick("年份", "year"),
        lang.pick("5%分位", "5th pct."),
        lang.pick("25%分位", "25th pct."),
        lang.pick("中位数", "median"),
        lang.pick("75%分位", "75th pct."),
        lang.pick("95%分位", "95th pct."),
    ]
    .map(String::from)
    .to_vec();
    let rows = summary
        .series(id)
        .years
        .iter()
        .map(|stats| {
            std::iter::once(stats.year.to_string())
                .chain(
                    stats
                        .percentiles
                        .iter()
                        .map(|p| crate::format::grouped(p * scale, decimals)),
                )
                .collect()
        })
        .collect();
    (header, rows)
}
