//! The charts on canvases (drawn by `crate::charts`), sized to the screen, and their downloads.

mod canvas;
mod chart_exports;
mod fan_chart;
mod histogram_canvas;
mod measured_canvas;

pub use fan_chart::FanChartCanvas;
pub use histogram_canvas::HistogramCanvas;
pub use measured_canvas::MeasuredCanvas;
