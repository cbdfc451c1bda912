//! Performance marks and measures read by the browser benchmark (`tests/bench/`): what the user
//! waits for, from a slider's event to the redrawn charts.

/// Marked on every slider `input` event.
pub const INPUT_MARK: &str = "slider-input";
/// Marked on every slider `change` event (release, key press).
pub const SETTLED_MARK: &str = "slider-settled";
/// From the last input to the first redraw of its scenario (preview or full).
pub const INPUT_TO_DRAW: &str = "input-to-draw";
/// From the last release to the full run drawn.
pub const SETTLED_TO_FULL: &str = "settled-to-full";
/// Marked once, when the first result after the page load is drawn.
pub const FIRST_DRAW: &str = "first-draw";

fn performance() -> Option<web_sys::Performance> {
    gloo::utils::window().performance()
}

pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Measures from the latest `start_mark` to now, if there is such a mark.
pub fn measure(name: &str, start_mark: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start_mark);
    }
}

/// Marks the first result drawn, and measures what the user waited for after each change from
/// the controls: to the first redraw, and from a release to the full run drawn. Called after
/// the children have drawn (effects run after rendering).
#[yew::hook]
pub fn use_draw_timing(state: &crate::state::AppState) {
    use crate::state::{Precision, ScenarioSource};
    let drawn = state
        .result
        .as_ref()
        .map(|result| (result.revision, result.precision));
    let from_controls = state.source == ScenarioSource::Controls;
    let first_drawn = yew::use_mut_ref(|| false);
    yew::use_effect_with(drawn, move |drawn| {
        if drawn.is_some() && !*first_drawn.borrow() {
            *first_drawn.borrow_mut() = true;
            mark(FIRST_DRAW);
        }
        if let (Some((_, precision)), true) = (drawn, from_controls) {
            measure(INPUT_TO_DRAW, INPUT_MARK);
            if *precision == Precision::Full {
                measure(SETTLED_TO_FULL, SETTLED_MARK);
            }
        }
    });
}
