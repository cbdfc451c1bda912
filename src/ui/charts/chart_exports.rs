//! A chart's downloads: PNG at twice its on-screen size and SVG, both with the caption that
//! says what and which scenario, and, for a fan chart, its numbers as CSV.

use crate::charts::AnyChart;
use crate::i18n::Lang;
use crate::plan::SeriesId;
use crate::text::charts::download_name;
use crate::text::labels::Label;
use crate::ui::briefing::exports::ExportContext;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartExportsProps {
    pub context: Rc<ExportContext>,
    pub chart: Rc<AnyChart>,
    /// What the file names call the chart (`gdp`, `histogram-air`).
    pub what: AttrValue,
    /// The canvas on screen, whose CSS size the PNG doubles.
    pub canvas: NodeRef,
    /// The series whose numbers the CSV button downloads (fan charts).
    #[prop_or_default]
    pub series: Option<SeriesId>,
    pub lang: Lang,
}

#[function_component(ChartExports)]
pub fn chart_exports(props: &ChartExportsProps) -> Html {
    let lang = props.lang;
    let png = {
        let (context, chart, what, canvas) = (
            props.context.clone(),
            props.chart.clone(),
            props.what.clone(),
            props.canvas.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let size = canvas.cast::<Element>().map_or((640.0, 400.0), |canvas| {
                let rect = canvas.get_bounding_client_rect();
                (rect.width().round(), rect.height().round())
            });
            context.download_png(&chart, &what, size);
        })
    };
    let svg = {
        let (context, chart, what) = (
            props.context.clone(),
            props.chart.clone(),
            props.what.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            context.download_svg(&chart, &what);
        })
    };
    let csv = props.series.map(|series| {
        let (context, what) = (props.context.clone(), props.what.clone());
        Callback::from(move |_: MouseEvent| {
            context.download_series_csv(&[series], &what);
        })
    });
    let title = props.chart.title().to_owned();
    let label = |format: &str| download_name(format, &title, lang);
    html! {
        <div class="chart-exports" role="group" aria-label={Label::DownloadChart.text(lang)}>
            <button class="small-button" onclick={png} data-export="png" aria-label={label("PNG")}>{ "PNG" }</button>
            <button class="small-button" onclick={svg} data-export="svg" aria-label={label("SVG")}>{ "SVG" }</button>
            if let Some(csv) = csv {
                <button class="small-button" onclick={csv} data-export="csv" aria-label={label("CSV")}>{ "CSV" }</button>
            }
        </div>
    }
}
