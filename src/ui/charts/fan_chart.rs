//! A fan chart on a canvas, redrawn on new results, a change of language and window resize.

use crate::charts::{
    draw_fan_chart, fan_chart_compared, fan_chart_for, fan_table, observed_points, series_title,
    AnyChart,
};
use crate::engine::Summary;
use crate::i18n::Lang;
use crate::plan::SeriesId;
use crate::scenario::Scenario;
use crate::text;
use crate::text::labels::Label;
use crate::ui::briefing::exports::ExportContext;
use crate::ui::charts::canvas::{prepare, use_draw_on_screen, Sizing};
use crate::ui::charts::chart_exports::ChartExports;
use crate::ui::page::folded::use_unfolded;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct FanChartProps {
    pub summary: Rc<Summary>,
    /// The scenario the summary was run from (its deflator puts 2015 at 2020 prices).
    pub scenario: Scenario,
    /// The pinned scenario A's summary, drawn as outlines.
    #[prop_or_default]
    pub baseline: Option<Rc<Summary>>,
    pub series: SeriesId,
    pub lang: Lang,
    /// Fill the container's height (an embedded chart) instead of following the width.
    #[prop_or_default]
    pub fill: bool,
    /// Where the chart's downloads come from; none, no download buttons.
    #[prop_or_default]
    pub exports: Option<Rc<ExportContext>>,
}

#[function_component(FanChartCanvas)]
pub fn fan_chart_canvas(props: &FanChartProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    let (table_unfolded, on_toggle) = use_unfolded(false);
    // Built once per change: the canvas draws it and the downloads export it.
    let chart = use_memo(
        (
            props.summary.clone(),
            props.scenario.clone(),
            props.baseline.clone(),
            props.series,
            props.lang,
        ),
        |(summary, scenario, baseline, series, lang)| {
            Rc::new(AnyChart::Fan(Box::new(match baseline {
                Some(a) => fan_chart_compared(summary, a, scenario, *series, *lang),
                None => fan_chart_for(summary, scenario, *series, *lang),
            })))
        },
    );
    let chart: Rc<AnyChart> = (*chart).clone();
    let sizing = if props.fill {
        Sizing::Fill
    } else {
        Sizing::Aspect(0.62, (220.0, 380.0))
    };
    {
        let (figure, canvas) = (container.clone(), canvas.clone());
        use_draw_on_screen(&container, chart.clone(), move |chart: &Rc<AnyChart>| {
            if let (Some(figure), Some(canvas), AnyChart::Fan(chart)) =
                (figure.cast::<HtmlElement>(), canvas.cast(), chart.as_ref())
            {
                if let Some((area, style)) = prepare(&figure, canvas, sizing) {
                    // A failed draw leaves the previous picture; there is nothing better to show.
                    let _ = draw_fan_chart(&area, chart, &style);
                }
            }
        });
    }
    let observed = observed_points(&props.scenario, props.series);
    let observed_years = observed
        .first()
        .zip(observed.last())
        .map(|(first, last)| (first.0, last.0));
    let description =
        text::charts::fan_description(&props.summary, props.series, observed_years, props.lang);
    let title = series_title(props.series, props.lang);
    // The chart's text alternative: its numbers, a table that screen readers and keyboards reach.
    let (header, rows) = fan_table(&props.summary, props.series, props.lang);
    let data_table = html! {
        <details class="chart-data" data-chart-table={props.series.key()} ontoggle={on_toggle}>
            <summary>{ Label::DataTable.text(props.lang) }</summary>
            if table_unfolded {
            <table>
                <caption>{ title }</caption>
                <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>{ for rows.iter().map(|row| html! {
                    <tr>
                        <th scope="row">{ &row[0] }</th>
                        { for row[1..].iter().map(|cell| html! { <td>{ cell }</td> }) }
                    </tr>
                }) }</tbody>
            </table>
            }
        </details>
    };
    html! {
        <figure class={classes!("chart", props.fill.then_some("fill"))} data-series={props.series.key()}>
            <div class="chart-area" ref={container}>
                <canvas ref={canvas.clone()} data-chart={props.series.key()} role="img"
                    style={sizing.placeholder_style()}
                    data-observed={observed_years.map(|(first, last)| format!("{first}-{last}"))}
                    aria-label={text::charts::chart_name(title, &description)} />
            </div>
            <figcaption class="chart-caption">{ description }</figcaption>
            if props.fill {
                // An embedded chart fills its frame: its table is there for screen readers only.
                <div class="sr-only">{ data_table }</div>
            } else {
                { data_table }
            }
            if let Some(context) = &props.exports {
                <ChartExports context={context.clone()} chart={chart.clone()} what={props.series.key()}
                    canvas={canvas.clone()} series={props.series} lang={props.lang} />
            }
        </figure>
    }
}
