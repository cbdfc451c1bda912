//! The distribution of one series in 2025 across paths, with the target's threshold and the
//! share of paths on each side written out (never colour alone).

use super::{palette, ChartStyle};
use crate::format;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    pub title: String,
    /// The range the bins split evenly, in the units shown.
    pub min: f64,
    pub max: f64,
    pub counts: Vec<u32>,
    /// The target's level, in the units shown, with the texts for each side.
    pub threshold: Option<Threshold>,
    pub decimals: usize,
    pub y_label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    pub level: f64,
    /// e.g. "未达到 62.9%" / "below: 62.9 %".
    pub below: String,
    /// e.g. "达到 37.1%" / "at or above: 37.1 %".
    pub above: String,
    /// Meeting the target lies below the line (the in-step gap), not above it.
    pub met_below: bool,
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &HistogramChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let bins = chart.counts.len().max(1);
    let total: u32 = chart.counts.iter().sum();
    let span = (chart.max - chart.min)
        .max(chart.max.abs() * 1e-6)
        .max(1e-9);
    let width = span / bins as f64;
    let mut low = chart.min;
    let mut high = chart.min + span;
    if let Some(threshold) = &chart.threshold {
        low = low.min(threshold.level - width);
        high = high.max(threshold.level + width);
    }
    let tallest = chart.counts.iter().copied().max().unwrap_or(0).max(1);
    let share = |count: u32| f64::from(count) / f64::from(total.max(1));

    let mut ctx = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .margin_right(style.px(16.0))
        .caption(
            &chart.title,
            style.title_font(&chart.title, 14.0, area.dim_in_pixel().0),
        )
        .x_label_area_size(style.px(26.0))
        .y_label_area_size(style.px(48.0))
        .build_cartesian_2d(low..high, 0.0..share(tallest) * 1.18)?;
    ctx.configure_mesh()
        .x_labels(6)
        .x_label_formatter(&|value| format::grouped(*value, chart.decimals))
        .y_labels(5)
        .y_label_formatter(&|value| format!("{:.0}%", value * 100.0))
        .y_desc(&chart.y_label)
        .label_style(style.font(11.0))
        .light_line_style(palette::GRID.mix(0.0))
        .bold_line_style(palette::GRID)
        .draw()?;

    let level = chart.threshold.as_ref().map(|t| t.level);
    ctx.draw_series(chart.counts.iter().enumerate().map(|(i, &count)| {
        let left = chart.min + width * i as f64;
        let right = left + width;
        let met_below = chart.threshold.as_ref().is_some_and(|t| t.met_below);
        let below = matches!(level, Some(level) if right <= level + width * 1e-9);
        let colour = if below != met_below {
            palette::THRESHOLD.mix(0.45)
        } else {
            palette::FAN.mix(0.6)
        };
        Rectangle::new([(left, 0.0), (right, share(count))], colour.filled())
    }))?;

    if let Some(threshold) = &chart.threshold {
        let top = share(tallest) * 1.18;
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(threshold.level, 0.0), (threshold.level, top)],
            palette::THRESHOLD.stroke_width(style.px(2.0)),
        )))?;
        let font = style.font(12.0).color(&palette::HISTORY);
        let y = top * 0.94;
        let gap = (high - low) * 0.01;
        ctx.draw_series(std::iter::once(Text::new(
            format!("← {}", threshold.below),
            (threshold.level - gap, y),
            font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        )))?;
        ctx.draw_series(std::iter::once(Text::new(
            format!("{} →", threshold.above),
            (threshold.level + gap, y),
            font.pos(Pos::new(HPos::Left, VPos::Center)),
        )))?;
    }
    area.present()
}
