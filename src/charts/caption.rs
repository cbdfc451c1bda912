//! The caption drawn under an exported chart (PNG, SVG, print): a few lines of small grey text,
//! wrapped to the width, so that the picture carries what it shows wherever it is pasted.

use super::ChartStyle;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Caption text size and line height, in CSS pixels.
const FONT_SIZE: f64 = 11.0;
const LINE_HEIGHT: f64 = 15.0;
const PADDING: f64 = 8.0;

/// A rough width of `text` in ems: CJK characters take a full em, others about half. Enough to
/// wrap a caption; plotters' own measure needs a font engine that the SVG backend lacks.
pub(super) fn width_in_ems(text: &str) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.55 })
        .sum()
}

/// `lines` broken so that each fits `width_css` CSS pixels.
pub fn wrap_caption(lines: &[String], width_css: f64) -> Vec<String> {
    let max_ems = ((width_css - 2.0 * PADDING) / FONT_SIZE).max(8.0);
    let mut wrapped = Vec::new();
    for line in lines {
        let mut current = String::new();
        for c in line.chars() {
            let mut next = current.clone();
            next.push(c);
            if width_in_ems(&next) > max_ems && !current.is_empty() {
                wrapped.push(std::mem::take(&mut current));
                current.push(c);
            } else {
                current = next;
            }
        }
        wrapped.push(current);
    }
    wrapped
}

/// The height the wrapped caption takes, in CSS pixels.
pub fn caption_height(wrapped_lines: usize) -> f64 {
    if wrapped_lines == 0 {
        0.0
    } else {
        wrapped_lines as f64 * LINE_HEIGHT + 2.0 * PADDING
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Splits `area` into the chart above and the caption below, draws the caption (already
/// wrapped) and hands back the chart's part.
pub fn draw_caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    wrapped: &[String],
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (_, height) = area.dim_in_pixel();
    let caption = style.px(caption_height(wrapped.len()));
    let (chart, below) = area.split_vertically(height.saturating_sub(caption));
    fill_caption(&below, wrapped, style)?;
    Ok(chart)
}

fn fill_caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    wrapped: &[String],
    style: &ChartStyle,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let font = style
        .font(FONT_SIZE)
        .color(&RGBColor(90, 90, 90))
        .pos(Pos::new(HPos::Left, VPos::Top));
    for (i, line) in wrapped.iter().enumerate() {
        let y = style.px(PADDING + i as f64 * LINE_HEIGHT) as i32;
        area.draw_text(line, &font, (style.px(PADDING) as i32, y))?;
    }
    Ok(())
}

/// Either chart, for code that exports or prints whichever is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyChart {
    Fan(Box<super::FanChart>),
    Histogram(super::HistogramChart),
}

impl AnyChart {
    pub fn title(&self) -> &str {
        match self {
            AnyChart::Fan(chart) => &chart.title,
            AnyChart::Histogram(chart) => &chart.title,
        }
    }
}

/// Draws `chart` with its caption (already wrapped) below it, over the whole of `area`.
pub fn draw_captioned<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &AnyChart,
    wrapped: &[String],
    style: &ChartStyle,
) -> DrawResult<DB> {
    let upper = draw_caption(area, wrapped, style)?;
    match chart {
        AnyChart::Fan(chart) => super::draw_fan_chart(&upper, chart, style),
        AnyChart::Histogram(chart) => super::draw_histogram(&upper, chart, style),
    }?;
    area.present()
}
