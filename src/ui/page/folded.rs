//! A folded panel (`<details>`) draws its contents the first time it is opened, not before: the
//! page's first draw, on a phone that has just loaded it, builds only what can be seen (the
//! assumptions, the observed years and the charts' data tables were two thirds of its elements).

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

/// Whether a `<details>` draws its contents (once opened by the reader, or while `open`, when
/// the state opens it), and the handler of its `toggle` event that says so.
#[hook]
pub fn use_unfolded(open: bool) -> (bool, Callback<Event>) {
    let opened = use_state_eq(|| false);
    let on_toggle = {
        let opened = opened.setter();
        Callback::from(move |event: Event| {
            let now_open = event
                .target_dyn_into::<HtmlDetailsElement>()
                .is_some_and(|details| details.open());
            if now_open {
                opened.set(true);
            }
        })
    };
    (open || *opened, on_toggle)
}
