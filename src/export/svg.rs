//! A chart as an SVG document, drawn by the same plotters code as the canvas (its SVG backend),
//! with its caption: vector, for print-quality slides.

use crate::charts::{caption_height, draw_captioned, wrap_caption, AnyChart, ChartStyle};

/// The size of an exported chart's plot, in CSS pixels (the caption adds to the height).
pub const EXPORT_SIZE: (u32, u32) = (800, 480);

/// `chart` with `caption` below it, `width` × (`height` + the caption's height) pixels.
pub fn chart_svg(chart: &AnyChart, caption: &[String], (width, height): (u32, u32)) -> String {
    let wrapped = wrap_caption(caption, f64::from(width));
    let total = height + caption_height(wrapped.len()).round() as u32;
    let mut svg = String::new();
    {
        use plotters::prelude::IntoDrawingArea;
        let backend = plotters::prelude::SVGBackend::with_string(&mut svg, (width, total));
        let area = backend.into_drawing_area();
        // The SVG backend only writes into the string, which cannot fail.
        let _ = draw_captioned(&area, chart, &wrapped, &ChartStyle::default());
    }
    svg
}
