//! What every chart canvas shares: backing store sized by the device pixel ratio, redraw on
//! window resize.

use crate::charts::ChartStyle;
use gloo::events::EventListener;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// Sizes `canvas` to `container`'s width (height from `aspect`, clamped) in device pixels and
/// hands back a drawing area and the style for that pixel ratio.
pub fn prepare(
    container: &HtmlElement,
    canvas: HtmlCanvasElement,
    aspect: f64,
    height_range: (f64, f64),
) -> Option<(DrawingArea<CanvasBackend, Shift>, ChartStyle)> {
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let css_width = f64::from(container.client_width()).max(200.0);
    let css_height = (css_width * aspect).clamp(height_range.0, height_range.1);
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let _ = canvas
        .style()
        .set_property("width", &format!("{css_width}px"));
    let _ = canvas
        .style()
        .set_property("height", &format!("{css_height}px"));
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let style = ChartStyle {
        scale: ratio,
        ..ChartStyle::default()
    };
    Some((backend.into_drawing_area(), style))
}

/// A counter that changes on every window resize, to put in a redraw effect's dependencies.
#[hook]
pub fn use_resize_counter() -> u32 {
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
    *resizes
}
