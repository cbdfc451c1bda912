//! The selected target's 2025 distribution on a canvas.

use crate::charts::{draw_histogram, histogram_for, own_histogram, AnyChart, HistogramChart};
use crate::engine::Summary;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::scenario::UserTarget;
use crate::ui::briefing::exports::ExportContext;
use crate::ui::charts::canvas::{prepare, use_draw_on_screen, Sizing};
use crate::ui::charts::chart_exports::ChartExports;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct HistogramProps {
    pub summary: Rc<Summary>,
    pub target: TargetId,
    pub lang: Lang,
    /// Fill the container's height (an embedded chart) instead of following the width.
    #[prop_or_default]
    pub fill: bool,
    /// Where the chart's downloads come from; none, no download buttons.
    #[prop_or_default]
    pub exports: Option<Rc<ExportContext>>,
    /// A target of one's own to show instead of the plan's `target`.
    #[prop_or_default]
    pub own: Option<UserTarget>,
}

#[function_component(HistogramCanvas)]
pub fn histogram_canvas(props: &HistogramProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    // Built once per render: the label reads it, and it is what the canvas redraws on.
    let chart = match &props.own {
        Some(own) => own_histogram(&props.summary, own, props.lang),
        None => histogram_for(&props.summary, props.target, props.lang),
    };
    let key = match &props.own {
        Some(own) => format!("own-{}", own.name()),
        None => props.target.key().to_owned(),
    };
    let sizing = if props.fill {
        Sizing::Fill
    } else {
        Sizing::Aspect(0.45, (200.0, 320.0))
    };
    let exported = chart
        .clone()
        .map(|chart| Rc::new(AnyChart::Histogram(chart)));
    {
        let (figure, canvas) = (container.clone(), canvas.clone());
        use_draw_on_screen(
            &container,
            chart.clone(),
            move |chart: &Option<HistogramChart>| {
                if let (Some(figure), Some(canvas), Some(chart)) =
                    (figure.cast::<HtmlElement>(), canvas.cast(), chart)
                {
                    if let Some((area, style)) = prepare(&figure, canvas, sizing) {
                        let _ = draw_histogram(&area, chart, &style);
                    }
                }
            },
        );
    }
    let label = chart
        .as_ref()
        .map(crate::text::charts::histogram_label)
        .unwrap_or_default();
    html! {
        <figure class={classes!("chart", "histogram", props.fill.then_some("fill"))}>
            <div class="chart-area" ref={container}>
                <canvas ref={canvas.clone()} data-chart="histogram" data-histogram-target={key.clone()}
                    style={sizing.placeholder_style()}
                    role="img" aria-label={label.clone()} />
            </div>
            <figcaption class="chart-caption">{ label }</figcaption>
            if let (Some(context), Some(chart)) = (&props.exports, exported) {
                <ChartExports context={context.clone()} chart={chart} what={format!("histogram-{key}")}
                    canvas={canvas.clone()} lang={props.lang} />
            }
        </figure>
    }
}
