//! The words around a chart: its description for screen readers and the caption, and the
//! names of its downloads.

use super::labels::Label;
use crate::charts::{display_decimals, display_scale, HistogramChart};
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::plan::{SeriesId, TARGET_STEP};

/// A fan chart in words: the target year's median and 90 % band, the horizon's median when the
/// horizon lies later, and the years entered as observed (`observed`: first and last), if any.
pub fn fan_description(
    summary: &Summary,
    series: SeriesId,
    observed: Option<(i32, i32)>,
    lang: Lang,
) -> String {
    let years = &summary.series(series).years;
    let stats = years[TARGET_STEP.min(years.len() - 1)];
    let scale = display_scale(series);
    let decimals = display_decimals(series);
    let show = |value: f64| format::grouped(value * scale, decimals);
    let last = years.last().copied().unwrap_or(stats);
    let horizon = if last.year > stats.year {
        match lang {
            Lang::Zh => format!(";{} 年中位数 {}", last.year, show(last.median())),
            Lang::En => format!("; {} median {}", last.year, show(last.median())),
        }
    } else {
        String::new()
    };
    let (median, low, high) = (
        show(stats.median()),
        show(stats.percentiles[0]),
        show(stats.percentiles[4]),
    );
    let year = stats.year;
    let observed = match observed {
        None => String::new(),
        Some((first, last)) => {
            let years = if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            };
            match lang {
                Lang::Zh => format!(";{years} 年为已填实际值"),
                Lang::En => format!("; {years} as observed"),
            }
        }
    };
    match lang {
        Lang::Zh => {
            format!("{year} 年中位数 {median},90% 区间 {low} 至 {high}{horizon}{observed}")
        }
        Lang::En => {
            format!("{year} median {median}, 90 % band {low} to {high}{horizon}{observed}")
        }
    }
}

/// The accessible name of a chart: its title and what it shows.
pub fn chart_name(title: &str, description: &str) -> String {
    format!("{title}: {description}")
}

/// A histogram in words: its title and the shares on either side of the plan's line.
pub fn histogram_label(chart: &HistogramChart) -> String {
    match &chart.threshold {
        Some(threshold) => format!("{}: {}, {}", chart.title, threshold.below, threshold.above),
        None => chart.title.clone(),
    }
}

/// The accessible name of a chart's download button: "Download PNG: GDP".
pub fn download_name(format: &str, title: &str, lang: Lang) -> String {
    format!("{} {format}: {title}", Label::Download.text(lang))
}
