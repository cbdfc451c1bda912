//! Charts, drawn by functions generic over plotters' [`DrawingBackend`], so that the same code
//! draws on a browser canvas and, in native tests, into an SVG string.

mod caption;
mod fan;
mod histogram;
mod series;

pub use caption::{caption_height, draw_caption, draw_captioned, wrap_caption, AnyChart};
pub use fan::{draw_fan_chart, emptiest_corner, Corner, FanBaseline, FanChart, FanLabels};
pub use histogram::{draw_histogram, HistogramChart, Threshold};
pub use series::{
    display_decimals, display_scale, fan_chart_compared, fan_chart_for, fan_table, histogram_for,
    observed_points, own_histogram, series_title, FIRST_CHART_YEAR,
};

use plotters::prelude::*;

/// How a chart is drawn on a given surface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel: fonts, margins and lines scale with it so that a chart is
    /// crisp on a high-DPI screen and looks the same size on every screen.
    pub scale: f64,
    pub font_family: &'static str,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            font_family: "sans-serif",
        }
    }
}

impl ChartStyle {
    /// A length in device pixels for `css_pixels` CSS pixels.
    pub fn px(&self, css_pixels: f64) -> u32 {
        (css_pixels * self.scale).round().max(1.0) as u32
    }

    pub fn font(&self, css_size: f64) -> FontDesc<'static> {
        (self.font_family, css_size * self.scale).into_font()
    }

    /// A title's font: `css_size`, or smaller where the title would not fit `width` device
    /// pixels (a chart in a 320-pixel iframe), never below 9 CSS pixels.
    pub fn title_font(&self, title: &str, css_size: f64, width: u32) -> FontDesc<'static> {
        let fits = 0.94 * f64::from(width) / self.scale / caption::width_in_ems(title).max(1.0);
        self.font(css_size.min(fits).max(9.0))
    }
}

/// Colours of the fan charts: one hue, darker towards the median, so that the bands read as
/// "more likely" without a legend; the plan's path is a contrasting dashed line.
pub mod palette {
    use plotters::style::RGBColor;

    pub const FAN: RGBColor = RGBColor(31, 94, 168);
    pub const PLAN: RGBColor = RGBColor(214, 96, 0);
    pub const HISTORY: RGBColor = RGBColor(30, 30, 30);
    pub const GRID: RGBColor = RGBColor(225, 225, 225);
    pub const THRESHOLD: RGBColor = RGBColor(178, 34, 52);
    /// The pinned scenario A: a dark neutral, told apart from B's blue by outline, not hue alone.
    pub const BASELINE: RGBColor = RGBColor(70, 70, 70);
    /// A year entered as observed: a warm yellow, told apart from history's black dots by hue
    /// and by shape (a diamond).
    pub const OBSERVED: RGBColor = RGBColor(240, 190, 40);
}
