//! When the printed sheet is built: not in the page's first draw (it is a quarter of the page's
//! elements, hidden on screen), but once the page has rested after its first numbers, or at
//! once when printing starts (the event's own turn: Yew draws in a microtask, before the browser
//! lays out the print), whichever comes first. Once built it stays.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long after the page's first draw the sheet is built when nobody prints.
const BUILD_AFTER_MS: u32 = 2_000;

/// Whether the sheet is wanted, and whether because printing started (it then draws its
/// pictures at once).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PrintWanted {
    pub wanted: bool,
    pub printing: bool,
}

#[hook]
pub fn use_print_wanted() -> PrintWanted {
    let state = use_state_eq(PrintWanted::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let rested = {
                let state = state.clone();
                Timeout::new(BUILD_AFTER_MS, move || {
                    if !state.wanted {
                        state.set(PrintWanted {
                            wanted: true,
                            printing: false,
                        });
                    }
                })
            };
            let printing = PrintWanted {
                wanted: true,
                printing: true,
            };
            let on_print = {
                let state = state.clone();
                EventListener::new(&window, "beforeprint", move |_| state.set(printing))
            };
            let on_media =
                window.match_media("print").ok().flatten().map(|query| {
                    EventListener::new(&query, "change", move |_| state.set(printing))
                });
            move || drop((rested, on_print, on_media))
        });
    }
    *state
}
