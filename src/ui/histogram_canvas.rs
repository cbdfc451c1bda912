//! The selected target's 2025 distribution on a canvas.

use super::canvas::{prepare, use_draw_on_screen};
use crate::charts::{draw_histogram, histogram_for, HistogramChart};
use crate::engine::Summary;
use crate::i18n::Lang;
use crate::plan::TargetId;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct HistogramProps {
    pub summary: Rc<Summary>,
    pub target: TargetId,
    pub lang: Lang,
}

#[function_component(HistogramCanvas)]
pub fn histogram_canvas(props: &HistogramProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    // Built once per render: the label reads it, and it is what the canvas redraws on.
    let chart = histogram_for(&props.summary, props.target, props.lang);
    {
        let (figure, canvas) = (container.clone(), canvas.clone());
        use_draw_on_screen(
            &container,
            chart.clone(),
            move |chart: &Option<HistogramChart>| {
                if let (Some(figure), Some(canvas), Some(chart)) =
                    (figure.cast::<HtmlElement>(), canvas.cast(), chart)
                {
                    if let Some((area, style)) = prepare(&figure, canvas, 0.45, (200.0, 320.0)) {
                        let _ = draw_histogram(&area, chart, &style);
                    }
                }
            },
        );
    }
    let label = chart
        .map(|chart| match chart.threshold {
            Some(threshold) => format!("{}: {}, {}", chart.title, threshold.below, threshold.above),
            None => chart.title,
        })
        .unwrap_or_default();
    html! {
        <figure class="chart histogram" ref={container}>
            <canvas ref={canvas} data-chart="histogram" data-histogram-target={props.target.key()}
                role="img" aria-label={label.clone()} />
            <figcaption class="chart-caption">{ label }</figcaption>
        </figure>
    }
}
