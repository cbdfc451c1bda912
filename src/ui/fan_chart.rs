//! A fan chart on a canvas, redrawn on new results, a change of language and window resize.

use super::canvas::{prepare, use_draw_on_screen};
use crate::charts::{
    display_decimals, display_scale, draw_fan_chart, fan_chart_compared, fan_chart_for,
    series_title,
};
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::plan::{SeriesId, TARGET_STEP};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct FanChartProps {
    pub summary: Rc<Summary>,
    /// The pinned scenario A's summary, drawn as outlines.
    #[prop_or_default]
    pub baseline: Option<Rc<Summary>>,
    pub series: SeriesId,
    pub lang: Lang,
}

/// The chart in words, for screen readers and the caption.
fn describe(props: &FanChartProps) -> String {
    let stats = props.summary.series(props.series).years[TARGET_STEP];
    let scale = display_scale(props.series);
    let decimals = display_decimals(props.series);
    let show = |value: f64| format::grouped(value * scale, decimals);
    let last = props
        .summary
        .series(props.series)
        .years
        .last()
        .copied()
        .unwrap_or(stats);
    let horizon = if last.year > stats.year {
        match props.lang {
            Lang::Zh => format!(";{} 年中位数 {}", last.year, show(last.median())),
            Lang::En => format!("; {} median {}", last.year, show(last.median())),
        }
    } else {
        String::new()
    };
    match props.lang {
        Lang::Zh => format!(
            "2025 年中位数 {},90% 区间 {} 至 {}{horizon}",
            show(stats.median()),
            show(stats.percentiles[0]),
            show(stats.percentiles[4])
        ),
        Lang::En => format!(
            "2025 median {}, 90 % band {} to {}{horizon}",
            show(stats.median()),
            show(stats.percentiles[0]),
            show(stats.percentiles[4])
        ),
    }
}

#[function_component(FanChartCanvas)]
pub fn fan_chart_canvas(props: &FanChartProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    {
        let (figure, canvas) = (container.clone(), canvas.clone());
        use_draw_on_screen(&container, props.clone(), move |props: &FanChartProps| {
            if let (Some(figure), Some(canvas)) = (figure.cast::<HtmlElement>(), canvas.cast()) {
                if let Some((area, style)) = prepare(&figure, canvas, 0.62, (220.0, 380.0)) {
                    let chart = match &props.baseline {
                        Some(a) => fan_chart_compared(&props.summary, a, props.series, props.lang),
                        None => fan_chart_for(&props.summary, props.series, props.lang),
                    };
                    // A failed draw leaves the previous picture; there is nothing better to show.
                    let _ = draw_fan_chart(&area, &chart, &style);
                }
            }
        });
    }
    let description = describe(props);
    let title = series_title(props.series, props.lang);
    html! {
        <figure class="chart" ref={container} data-series={props.series.key()}>
            <canvas ref={canvas} data-chart={props.series.key()} role="img"
                aria-label={format!("{title}: {description}")} />
            <figcaption class="chart-caption">{ description }</figcaption>
        </figure>
    }
}
