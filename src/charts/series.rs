//! From a run's summary to the fan chart of one series, in the UI's language.

use super::{FanBaseline, FanChart, FanLabels, HistogramChart, Threshold};
use crate::engine::{Summary, YearStats};
use crate::i18n::Lang;
use crate::plan::{
    self, Rule, SeriesId, SeriesKind, TargetId, BASE_YEAR, TARGET_STEP, TARGET_YEAR,
};

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
            mean: stats.mean * scale,
            percentiles: stats.percentiles.map(|p| p * scale),
        })
        .collect()
}

/// The fan chart of `id` for B, with the pinned A's median and 90 % band as outlines.
pub fn fan_chart_compared(b: &Summary, a: &Summary, id: SeriesId, lang: Lang) -> FanChart {
    let mut chart = fan_chart_for(b, id, lang);
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

/// The fan chart of `id`: bands from the run, the plan's history, path and target line.
pub fn fan_chart_for(summary: &Summary, id: SeriesId, lang: Lang) -> FanChart {
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
            .history()
            .into_iter()
            .map(|(year, value, _)| (year, value))
            .collect(),
        plan_path,
        threshold: threshold_of(summary, id)
            .map(|(level, first, last)| (level * scale, first, last)),
        first_year: FIRST_CHART_YEAR,
        decimals: display_decimals(id),
        labels: FanLabels {
            band_90: lang.pick("90% 区间", "90 % band").to_owned(),
            band_50: lang.pick("50% 区间", "50 % band").to_owned(),
            median: lang.pick("中位数", "median").to_owned(),
            plan: match id {
                SeriesId::Gdp => lang.pick("规划路径 7.5%/年", "plan path 7.5 %/yr"),
                _ => lang.pick("规划路径 8%/年", "plan path 8 %/yr"),
            }
            .to_owned(),
            history: lang.pick("实际值", "observed").to_owned(),
            threshold: lang.pick("规划目标", "plan target").to_owned(),
        },
        baseline: None,
    }
}

/// The histogram of the series a target is judged on, in 2025, with the threshold and the
/// share of paths reaching it in 2025.
pub fn histogram_for(summary: &Summary, target: TargetId, lang: Lang) -> Option<HistogramChart> {
    let id = target.series();
    let scale = display_scale(id);
    let histogram = summary
        .series(id)
        .histograms
        .iter()
        .find(|h| h.year == TARGET_YEAR)?;
    let result = summary.target(target)?;
    let reached = f64::from(result.reached_in_2025) / f64::from(summary.paths);
    let threshold = result.threshold.map(|level| Threshold {
        level: level * scale,
        below: match lang {
            Lang::Zh => format!("未达到 {}", crate::format::percent(1.0 - reached)),
            Lang::En => format!("below: {}", crate::format::percent(1.0 - reached)),
        },
        above: match lang {
            Lang::Zh => format!("达到 {}", crate::format::percent(reached)),
            Lang::En => format!("reached: {}", crate::format::percent(reached)),
        },
    });
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
