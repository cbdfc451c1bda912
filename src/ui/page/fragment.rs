//! The scenario in the address bar: a link pasted, or back and forward, loads its fragment; the
//! controls rewrite it in place, so that a link always reproduces the screen and moving a slider
//! adds no history entry.

use crate::state::{Action, ScenarioSource};
use crate::ui::page::store::Store;
use gloo::events::EventListener;
use yew::prelude::*;

/// The address bar's fragment, with its `#`.
pub fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Keeps the state and the address bar's fragment in step.
#[hook]
pub fn use_fragment_sync(store: &UseReducerHandle<Store>) {
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatcher.dispatch(Action::LoadFragment(current_fragment()));
            });
            move || drop(listener)
        });
    }
    let fragment = store.0.fragment();
    use_effect_with((fragment, store.0.source), |(fragment, source)| {
        if *source == ScenarioSource::Controls {
            let url = format!("#{fragment}");
            if let Ok(history) = gloo::utils::window().history() {
                // A failure leaves the old address: the screen is still right, the link stale.
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });
}
