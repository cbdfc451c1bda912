//! What every chart canvas shares: backing store sized by the device pixel ratio, redraw on
//! window resize, and drawing only when on screen (a chart below the fold is drawn when it is
//! scrolled into view, so that a slider move redraws only what can be seen).

use super::measured_canvas::MeasuredCanvas;
use crate::charts::ChartStyle;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{Element, HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// How a chart's height is chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sizing {
    /// From the width (height = width × aspect), clamped to a range: the full page.
    Aspect(f64, (f64, f64)),
    /// The container's own height: an embedded chart fills its iframe.
    Fill,
}

impl Sizing {
    /// The size an undrawn canvas takes in CSS, the same [`prepare`] gives it when drawn: a chart
    /// drawn late (off screen, or once the app shows) never moves the page around it.
    pub fn placeholder_style(self) -> Option<String> {
        match self {
            Sizing::Aspect(aspect, (low, high)) => Some(format!(
                "width:100%;min-width:{MIN_CSS_WIDTH}px;aspect-ratio:1/{aspect};min-height:{low}px;max-height:{high}px"
            )),
            Sizing::Fill => None,
        }
    }
}

/// The narrowest a chart is drawn, in CSS pixels.
const MIN_CSS_WIDTH: f64 = 200.0;

/// Sizes `canvas` to `container`'s width (and the height `sizing` gives) in device pixels and
/// hands back a drawing area and the style for that pixel ratio.
pub fn prepare(
    container: &HtmlElement,
    canvas: HtmlCanvasElement,
    sizing: Sizing,
) -> Option<(DrawingArea<MeasuredCanvas, Shift>, ChartStyle)> {
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let css_width = f64::from(container.client_width()).max(MIN_CSS_WIDTH);
    let css_height = match sizing {
        Sizing::Aspect(aspect, (low, high)) => (css_width * aspect).clamp(low, high),
        Sizing::Fill => f64::from(container.client_height()).max(120.0),
    };
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let _ = canvas
        .style()
        .set_property("width", &format!("{css_width}px"));
    let _ = canvas
        .style()
        .set_property("height", &format!("{css_height}px"));
    let backend = MeasuredCanvas::new(canvas)?;
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

/// How far outside the viewport a chart still counts as on screen, in CSS pixels: a short scroll
/// then finds it drawn.
const ON_SCREEN_MARGIN: f64 = 200.0;

fn is_on_screen(container: &NodeRef) -> bool {
    let Some(element) = container.cast::<Element>() else {
        return false;
    };
    let rect = element.get_bounding_client_rect();
    let height = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // A chart with no box (the app hidden behind the first screen) is not seen; the resize that
    // shows the app draws what is then on screen.
    let has_box = rect.width() > 0.0 || rect.height() > 0.0;
    has_box && rect.bottom() >= -ON_SCREEN_MARGIN && rect.top() <= height + ON_SCREEN_MARGIN
}

type DrawJob = Rc<dyn Fn()>;

fn run_pending(pending: &RefCell<Option<DrawJob>>) {
    let job = pending.borrow_mut().take();
    if let Some(job) = job {
        job();
    }
}

/// How long the page must rest (no new drawing asked for) before charts off screen are drawn
/// too, in ms: a full-page capture or a print then finds every chart drawn, while a slider being
/// dragged redraws only what is seen.
const OFF_SCREEN_AFTER_MS: u32 = 1_200;

/// Calls `draw(&deps)` whenever `deps` change or the window is resized, if the container is on
/// screen; otherwise keeps the latest drawing to do for when a scroll brings it into view, the
/// page is printed, or the page has rested for [`OFF_SCREEN_AFTER_MS`].
#[hook]
pub fn use_draw_on_screen<D, F>(container: &NodeRef, deps: D, draw: F)
where
    D: PartialEq + Clone + 'static,
    F: Fn(&D) + 'static,
{
    let resizes = use_resize_counter();
    let pending: Rc<RefCell<Option<DrawJob>>> = use_mut_ref(|| None);
    {
        let (container, pending) = (container.clone(), pending.clone());
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_scroll = {
                let (container, pending) = (container.clone(), pending.clone());
                // gloo's listeners are passive: scrolling never waits for this.
                EventListener::new(&window, "scroll", move |_| {
                    if pending.borrow().is_some() && is_on_screen(&container) {
                        run_pending(&pending);
                    }
                })
            };
            // A printed page (a briefing saved as PDF) shows every chart, seen or not.
            let on_print =
                EventListener::new(&window, "beforeprint", move |_| run_pending(&pending));
            let listener = (on_scroll, on_print);
            move || drop(listener)
        });
    }
    // The timer of the drawing off screen: replaced (and so cancelled) by each newer one.
    let rest: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let container = container.clone();
        let draw = Rc::new(draw);
        use_effect_with((deps, resizes), move |(deps, _)| {
            let deps = deps.clone();
            let job: DrawJob = Rc::new(move || draw(&deps));
            if is_on_screen(&container) {
                *pending.borrow_mut() = None;
                *rest.borrow_mut() = None;
                job();
            } else {
                *pending.borrow_mut() = Some(job);
                let pending = pending.clone();
                *rest.borrow_mut() = Some(Timeout::new(OFF_SCREEN_AFTER_MS, move || {
                    run_pending(&pending)
                }));
            }
        });
    }
}
