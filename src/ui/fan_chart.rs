//! A fan chart on a canvas sized by the device pixel ratio, redrawn on new results, a change of
//! language and window resize.

use crate::charts::{draw_fan_chart, fan_chart_for, ChartStyle};
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::plan::{SeriesId, TARGET_STEP};
use gloo::events::EventListener;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FanChartProps {
    pub summary: Rc<Summary>,
    pub series: SeriesId,
    pub lang: Lang,
}

/// CSS height for a given CSS width: wide enough to read, never taller than a laptop screen.
fn css_height(css_width: f64) -> f64 {
    (css_width * 0.58).clamp(240.0, 420.0)
}

fn draw(container: &HtmlElement, canvas: HtmlCanvasElement, props: &FanChartProps) {
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let css_width = f64::from(container.client_width()).max(200.0);
    let height = css_height(css_width);
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((height * ratio).round() as u32);
    let _ = canvas
        .style()
        .set_property("width", &format!("{css_width}px"));
    let _ = canvas
        .style()
        .set_property("height", &format!("{height}px"));
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let chart = fan_chart_for(&props.summary, props.series, props.lang);
    let style = ChartStyle {
        scale: ratio,
        ..ChartStyle::default()
    };
    // A failed draw leaves the previous picture; there is nothing better to show instead.
    let _ = draw_fan_chart(&backend.into_drawing_area(), &chart, &style);
}

#[function_component(FanChartCanvas)]
pub fn fan_chart_canvas(props: &FanChartProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    let resizes = use_state(|| 0u32);

    {
        let resizes = resizes.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                resizes.set(*resizes + 1);
            });
            move || drop(listener)
        });
    }
    {
        let (container, canvas) = (container.clone(), canvas.clone());
        let props = FanChartProps {
            summary: props.summary.clone(),
            series: props.series,
            lang: props.lang,
        };
        use_effect_with((props, *resizes), move |(props, _)| {
            if let (Some(container), Some(canvas)) =
                (container.cast::<HtmlElement>(), canvas.cast())
            {
                draw(&container, canvas, props);
            }
        });
    }

    let stats = props.summary.series(props.series).years[TARGET_STEP];
    let description = match props.lang {
        Lang::Zh => format!(
            "2025 年中位数 {},90% 区间 {} 至 {}",
            format::grouped(stats.median(), 1),
            format::grouped(stats.percentiles[0], 1),
            format::grouped(stats.percentiles[4], 1)
        ),
        Lang::En => format!(
            "2025 median {}, 90 % band {} to {}",
            format::grouped(stats.median(), 1),
            format::grouped(stats.percentiles[0], 1),
            format::grouped(stats.percentiles[4], 1)
        ),
    };
    let title = crate::charts::series_title(props.series, props.lang);
    html! {
        <figure class="chart" ref={container}>
            <canvas ref={canvas} data-chart={props.series.key()} role="img"
                aria-label={format!("{title}: {description}")} />
            <figcaption class="chart-caption">{ description }</figcaption>
        </figure>
    }
}
