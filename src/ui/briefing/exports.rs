//! What the page hands to the user as files and links: CSV, PNG and SVG of the run on screen,
//! each with the caption and file name that say what and which scenario (`crate::export` makes
//! the contents; this only adds the date, the page's address and the browser's download).

use crate::charts::{caption_height, draw_captioned, wrap_caption, AnyChart, ChartStyle};
use crate::engine::compare::TargetDifference;
use crate::engine::Summary;
use crate::export::{self, CsvContext, EXPORT_SIZE};
use crate::i18n::Lang;
use crate::link::{self, Link};
use crate::plan::SeriesId;
use crate::scenario::targets::Wordings;
use crate::text::caption::chart_caption;
use crate::ui::briefing::download::{download_data_url, download_text};
use crate::ui::charts::MeasuredCanvas;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Today's date (ISO, the browser's clock in UTC).
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The page's address without its fragment.
pub fn page_address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// The whole address that opens `link` in the full simulator.
pub fn full_page_url(link: &Link) -> String {
    format!("{}#{}", page_address(), link::write(&link.full_page()))
}

/// Everything an export of the run on screen needs.
#[derive(Clone, PartialEq)]
pub struct ExportContext {
    pub link: Link,
    pub summary: Rc<Summary>,
    pub fingerprint: u64,
    pub differences: Option<Rc<Vec<TargetDifference>>>,
    /// The wording of the targets of one's own, for the CSV.
    pub wordings: Wordings,
}

impl ExportContext {
    fn lang(&self) -> Lang {
        self.link.lang
    }

    /// What every exported chart says under it.
    pub fn caption(&self) -> Vec<String> {
        chart_caption(
            &self.link.current,
            self.lang(),
            &today(),
            &full_page_url(&self.link),
        )
    }

    fn file(&self, what: &str, extension: &str) -> String {
        export::file_name(what, self.summary.horizon_year, self.fingerprint, extension)
    }

    fn csv_context<'a>(&'a self, url: &'a str, date: &'a str) -> CsvContext<'a> {
        CsvContext {
            link: url,
            lang: self.lang(),
            exported: Some(date),
            scenario: &self.link.current.scenario,
            wordings: &self.wordings,
        }
    }

    /// The statistics by year of `series` (every series when empty).
    pub fn download_series_csv(&self, series: &[SeriesId], what: &str) -> bool {
        let (url, date) = (full_page_url(&self.link), today());
        let csv = export::series_csv(&self.summary, series, &self.csv_context(&url, &date));
        download_text(&self.file(what, "csv"), "text/csv;charset=utf-8", &csv)
    }

    /// The targets table, with A, B and Δ when compared.
    pub fn download_targets_csv(&self) -> bool {
        let (url, date) = (full_page_url(&self.link), today());
        let differences = self.differences.as_deref().map(Vec::as_slice);
        let csv = export::targets_csv(&self.summary, differences, &self.csv_context(&url, &date));
        download_text(&self.file("targets", "csv"), "text/csv;charset=utf-8", &csv)
    }

    /// The chart as SVG, drawn by the same code with plotters' SVG backend.
    pub fn download_svg(&self, chart: &AnyChart, what: &str) -> bool {
        let svg = export::chart_svg(chart, &self.caption(), EXPORT_SIZE);
        download_text(&self.file(what, "svg"), "image/svg+xml", &svg)
    }

    /// The chart as PNG at twice the on-screen canvas's CSS size, with its caption below.
    pub fn download_png(&self, chart: &AnyChart, what: &str, css_size: (f64, f64)) -> bool {
        const SCALE: f64 = 2.0;
        let (width, height) = css_size;
        let wrapped = wrap_caption(&self.caption(), width);
        let total = height + caption_height(wrapped.len());
        let Some(canvas) = gloo::utils::document()
            .create_element("canvas")
            .ok()
            .and_then(|element| element.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return false;
        };
        canvas.set_width((width * SCALE).round() as u32);
        canvas.set_height((total * SCALE).round() as u32);
        // The same text measure as the chart on screen, so that the picture's labels sit alike.
        let Some(backend) = MeasuredCanvas::new(canvas.clone()) else {
            return false;
        };
        let style = ChartStyle {
            scale: SCALE,
            ..ChartStyle::default()
        };
        if draw_captioned(&backend.into_drawing_area(), chart, &wrapped, &style).is_err() {
            return false;
        }
        match canvas.to_data_url_with_type("image/png") {
            Ok(url) => download_data_url(&self.file(what, "png"), &url),
            Err(_) => false,
        }
    }
}
