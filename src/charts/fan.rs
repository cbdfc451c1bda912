//! The fan chart: percentile bands of a series over the years, with history and the plan's path.

use super::{palette, ChartStyle};
use crate::engine::YearStats;
use crate::format;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// The width, in CSS pixels, one year's label needs on the x axis: "2025" at 11 px is about
/// 27 px wide, and a gap keeps two labels apart.
const YEAR_LABEL_SLOT_CSS: f64 = 36.0;

/// What a fan chart shows. Labels come in the UI's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FanChart {
    pub title: String,
    /// Percentile bands, one entry per simulated year (the first is the base year), in the
    /// units shown.
    pub years: Vec<YearStats>,
    /// Observed points before the simulation starts (year, level).
    pub history: Vec<(i32, f64)>,
    /// The years the run was conditioned on (year, level), as entered: every path goes
    /// through them, so the bands start where they end.
    pub observed: Vec<(i32, f64)>,
    /// The plan's path (year, level), from the base year to the target year.
    pub plan_path: Vec<(i32, f64)>,
    /// A target level and the years it applies to (first, last), drawn as a line.
    pub threshold: Option<(f64, i32, i32)>,
    /// The first year on the x axis.
    pub first_year: i32,
    pub decimals: usize,
    pub labels: FanLabels,
    /// The pinned scenario A, drawn as outlines over this one's filled bands.
    pub baseline: Option<FanBaseline>,
}

/// A's median and 90 % band, in the units shown, with their legend labels.
#[derive(Clone, Debug, PartialEq)]
pub struct FanBaseline {
    pub years: Vec<YearStats>,
    pub median: String,
    pub band_90: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FanLabels {
    pub band_90: String,
    pub band_50: String,
    pub median: String,
    pub plan: String,
    pub history: String,
    pub threshold: String,
    pub observed: String,
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Below this height (CSS pixels) a chart puts its key at the lower right.
const SMALL_CHART_HEIGHT: f64 = 260.0;

/// Draws `chart` over the whole of `area`.
pub fn draw_fan_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &FanChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let Some(last) = chart.years.last() else {
        return Ok(());
    };
    let (low, high) = value_range(chart);
    let padding = (high - low).max(high.abs() * 0.01) * 0.06;
    let x_range = f64::from(chart.first_year)..f64::from(last.year.max(chart.first_year + 1));
    let y_range = (low - padding).max(0.0)..high + padding;

    let mut ctx = ChartBuilder::on(area)
        .margin(style.px(8.0))
        // Room for the last year's label, which is centred on the plot's right edge.
        .margin_right(style.px(20.0))
        .caption(
            &chart.title,
            style.title_font(&chart.title, 15.0, area.dim_in_pixel().0),
        )
        .x_label_area_size(style.px(26.0))
        .y_label_area_size(style.px(54.0))
        .build_cartesian_2d(x_range.clone(), y_range.clone())?;

    let year_span = (last.year - chart.first_year).max(1) as usize;
    let plot_width_css = f64::from(ctx.plotting_area().dim_in_pixel().0) / style.scale;
    ctx.configure_mesh()
        // Every year when there is room for each, else every fifth year, so that both ends
        // carry a label and none runs into the next.
        .x_labels(
            if year_span <= 10 && plot_width_css >= YEAR_LABEL_SLOT_CSS * (year_span + 1) as f64 {
                year_span + 1
            } else {
                year_span / 5 + 1
            },
        )
        .x_label_formatter(&|year| format!("{}", year.round() as i64))
        .y_labels(6)
        .y_label_formatter(&|value| format::grouped(*value, chart.decimals))
        .label_style(style.font(11.0))
        .light_line_style(palette::GRID.mix(0.0))
        .bold_line_style(palette::GRID)
        .axis_style(palette::HISTORY.mix(0.6))
        .draw()?;

    let band = |lower: usize, upper: usize| -> Vec<(f64, f64)> {
        let up = chart
            .years
            .iter()
            .map(|s| (f64::from(s.year), s.percentiles[upper]));
        let down = chart
            .years
            .iter()
            .rev()
            .map(|s| (f64::from(s.year), s.percentiles[lower]));
        up.chain(down).collect()
    };
    let square = |colour: RGBAColor, filled: bool| {
        let size = style.px(5.0) as i32;
        move |(x, y): (i32, i32)| {
            let style = if filled {
                colour.filled()
            } else {
                colour.stroke_width(2)
            };
            Rectangle::new([(x, y - size), (x + 2 * size, y + size)], style)
        }
    };

    ctx.draw_series(std::iter::once(Polygon::new(
        band(0, 4),
        palette::FAN.mix(0.18),
    )))?
    .label(&chart.labels.band_90)
    .legend(square(palette::FAN.mix(0.18), true));
    ctx.draw_series(std::iter::once(Polygon::new(
        band(1, 3),
        palette::FAN.mix(0.35),
    )))?
    .label(&chart.labels.band_50)
    .legend(square(palette::FAN.mix(0.35), true));
    let median = chart.years.iter().map(|s| (f64::from(s.year), s.median()));
    ctx.draw_series(std::iter::once(PathElement::new(
        median.collect::<Vec<_>>(),
        palette::FAN.stroke_width(style.px(2.0)),
    )))?
    .label(&chart.labels.median)
    .legend(square(palette::FAN.to_rgba(), true));

    if let Some(baseline) = &chart.baseline {
        let outline: Vec<(f64, f64)> = baseline
            .years
            .iter()
            .map(|s| (f64::from(s.year), s.percentiles[4]))
            .chain(
                baseline
                    .years
                    .iter()
                    .rev()
                    .map(|s| (f64::from(s.year), s.percentiles[0])),
            )
            .chain(
                baseline
                    .years
                    .first()
                    .map(|s| (f64::from(s.year), s.percentiles[4])),
            )
            .collect();
        let dash = style.px(4.0);
        ctx.draw_series(std::iter::once(DashedPathElement::new(
            outline,
            dash,
            dash,
            palette::BASELINE.stroke_width(style.px(1.5)),
        )))?
        .label(&baseline.band_90)
        .legend(square(palette::BASELINE.to_rgba(), false));
        let median: Vec<(f64, f64)> = baseline
            .years
            .iter()
            .map(|s| (f64::from(s.year), s.median()))
            .collect();
        ctx.draw_series(std::iter::once(PathElement::new(
            median,
            palette::BASELINE.stroke_width(style.px(2.0)),
        )))?
        .label(&baseline.median)
        .legend(square(palette::BASELINE.to_rgba(), true));
    }

    if !chart.plan_path.is_empty() {
        let points: Vec<(f64, f64)> = chart
            .plan_path
            .iter()
            .map(|&(y, v)| (f64::from(y), v))
            .collect();
        let dash = style.px(6.0);
        ctx.draw_series(std::iter::once(DashedPathElement::new(
            points.clone(),
            dash,
            dash / 2 + 1,
            palette::PLAN.stroke_width(style.px(2.0)),
        )))?
        .label(&chart.labels.plan)
        .legend(square(palette::PLAN.to_rgba(), false));
        let radius = style.px(3.0);
        ctx.draw_series(
            points
                .last()
                .map(|&end| Circle::new(end, radius, palette::PLAN.filled())),
        )?;
    }

    if let Some((level, first, last)) = chart.threshold {
        let dash = style.px(3.0);
        let line = vec![(f64::from(first), level), (f64::from(last), level)];
        ctx.draw_series(std::iter::once(DashedPathElement::new(
            line,
            dash,
            dash,
            palette::THRESHOLD.stroke_width(style.px(2.0)),
        )))?
        .label(&chart.labels.threshold)
        .legend(square(palette::THRESHOLD.to_rgba(), false));
    }

    if !chart.history.is_empty() {
        let radius = style.px(3.5);
        ctx.draw_series(chart.history.iter().map(|&(year, value)| {
            Circle::new((f64::from(year), value), radius, palette::HISTORY.filled())
        }))?
        .label(&chart.labels.history)
        .legend(square(palette::HISTORY.to_rgba(), true));
        let points: Vec<(f64, f64)> = chart
            .history
            .iter()
            .map(|&(y, v)| (f64::from(y), v))
            .collect();
        ctx.draw_series(std::iter::once(PathElement::new(
            points,
            palette::HISTORY.mix(0.5).stroke_width(style.px(1.0)),
        )))?;
    }

    if !chart.observed.is_empty() {
        // A diamond, larger than history's dots and outlined: entered by the user, not the plan.
        let size = style.px(5.0) as i32;
        let diamond = vec![(0, -size), (size, 0), (0, size), (-size, 0), (0, -size)];
        ctx.draw_series(chart.observed.iter().map(|&(year, value)| {
            EmptyElement::at((f64::from(year), value))
                + Polygon::new(diamond.clone(), palette::OBSERVED.filled())
                + PathElement::new(
                    diamond.clone(),
                    palette::HISTORY.stroke_width(style.px(1.0)),
                )
        }))?
        .label(&chart.labels.observed)
        .legend(square(palette::OBSERVED.to_rgba(), true));
    }

    // In a small chart (an embedded piece) the key fills much of the plot: it goes in the
    // corner the data leave emptiest.
    let small = area.dim_in_pixel().1 < style.px(SMALL_CHART_HEIGHT);
    let corner = if small {
        emptiest_corner(chart, &x_range, &y_range)
    } else {
        Corner::UpperLeft
    };
    ctx.configure_series_labels()
        .position(match corner {
            Corner::UpperLeft => SeriesLabelPosition::UpperLeft,
            Corner::UpperRight => SeriesLabelPosition::UpperRight,
            Corner::LowerLeft => SeriesLabelPosition::LowerLeft,
            Corner::LowerRight => SeriesLabelPosition::LowerRight,
        })
        .background_style(WHITE.mix(if small { 0.6 } else { 0.85 }))
        .border_style(palette::GRID)
        .label_font(style.font(if small { 9.0 } else { 11.0 }))
        .margin(style.px(if small { 3.0 } else { 6.0 }))
        .draw()?;
    area.present()
}

/// A corner of the plot, for the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    UpperLeft,
    UpperRight,
    LowerLeft,
    LowerRight,
}

/// The corner of the plot (its outer 45 % each way) that the fewest of the chart's marks fall
/// in: each year's 90 % band, the history, the observed points and the plan's path. Ties go
/// to the upper left, then in the order of [`Corner`].
pub fn emptiest_corner(
    chart: &FanChart,
    x_range: &std::ops::Range<f64>,
    y_range: &std::ops::Range<f64>,
) -> Corner {
    const SHARE: f64 = 0.45;
    let x_span = x_range.end - x_range.start;
    let y_span = y_range.end - y_range.start;
    let left = |x: f64| x <= x_range.start + SHARE * x_span;
    let right = |x: f64| x >= x_range.end - SHARE * x_span;
    let low = y_range.start + SHARE * y_span;
    let high = y_range.end - SHARE * y_span;
    // Each mark as a year and the values it covers, (lowest, highest).
    let bands = chart
        .years
        .iter()
        .map(|y| (f64::from(y.year), y.percentiles[0], y.percentiles[4]));
    let points = chart
        .history
        .iter()
        .chain(&chart.observed)
        .chain(&chart.plan_path)
        .map(|&(year, v)| (f64::from(year), v, v));
    let marks: Vec<(f64, f64, f64)> = bands.chain(points).collect();
    let count = |corner: Corner| {
        marks
            .iter()
            .filter(|&&(x, lo, hi)| {
                let across = match corner {
                    Corner::UpperLeft | Corner::LowerLeft => left(x),
                    Corner::UpperRight | Corner::LowerRight => right(x),
                };
                let up_down = match corner {
                    Corner::UpperLeft | Corner::UpperRight => hi >= high,
                    Corner::LowerLeft | Corner::LowerRight => lo <= low,
                };
                across && up_down
            })
            .count()
    };
    [
        Corner::UpperLeft,
        Corner::UpperRight,
        Corner::LowerLeft,
        Corner::LowerRight,
    ]
    .into_iter()
    .min_by_key(|&corner| count(corner))
    .unwrap_or(Corner::UpperLeft)
}

/// The lowest and highest value the chart must show.
fn value_range(chart: &FanChart) -> (f64, f64) {
    let baseline = chart.baseline.iter().flat_map(|b| &b.years);
    let simulated = chart
        .years
        .iter()
        .chain(baseline)
        .flat_map(|s| [s.percentiles[0], s.percentiles[4]]);
    let fixed = chart
        .history
        .iter()
        .chain(&chart.plan_path)
        .chain(&chart.observed)
        .map(|&(_, v)| v);
    simulated
        .chain(fixed)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}
