//! The document around the app: its language and title follow the page's language, and the
//! one-time "updated" mark a newer build leaves when it takes over.

use crate::i18n::Lang;
use crate::text;
use yew::prelude::*;

/// The session-storage key index.html sets before reloading into a newer build.
const UPDATED_MARK: &str = "taijiang-sim-updated";

/// Sets the document's `lang` and title for `lang`.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.html_lang());
        }
        gloo::utils::document().set_title(text::page_title(*lang));
    });
}

/// Whether a newer build took over just before this load (index.html reloaded the page and left
/// a mark): the page says so once, and the mark is removed.
#[hook]
pub fn use_updated_mark() -> bool {
    let updated = use_state(|| {
        let storage = gloo::utils::window().session_storage().ok().flatten();
        let marked = storage
            .as_ref()
            .and_then(|storage| storage.get_item(UPDATED_MARK).ok().flatten())
            .is_some();
        if let Some(storage) = storage.filter(|_| marked) {
            // Once: a failure to remove it would only say it again on the next reload.
            let _ = storage.remove_item(UPDATED_MARK);
        }
        marked
    });
    *updated
}

/// The id of the first screen the build wrote into the page (`src/prerender.rs`).
const FIRST_SCREEN: &str = "prerender";

/// Removes the first screen the build wrote into the page, if it is still there; the app, hidden
/// behind it until then (`assets/style.css`), shows in its place. Charts that measured a hidden
/// page redraw on the resize event this sends.
pub fn remove_first_screen() {
    if let Some(first) = gloo::utils::document().get_element_by_id(FIRST_SCREEN) {
        first.remove();
        let window = gloo::utils::window();
        if let Ok(resize) = web_sys::Event::new("resize") {
            let _ = window.dispatch_event(&resize);
        }
    }
}

/// What shows that the app's results have drawn: its targets' rows. The page's children draw in
/// the scheduler's slice after the page says ready; the first screen waits for them, so that the
/// app never shows half drawn in its place (a jump of the page).
const RESULTS_DRAWN: &str = "#app tr[data-target]";

/// How often, and how many times, to look for the results before giving way anyway.
const DRAWN_CHECK_MS: u32 = 16;
const DRAWN_CHECKS: u32 = 60;

fn remove_first_screen_when_drawn(checks_left: u32) {
    let drawn = gloo::utils::document()
        .query_selector(RESULTS_DRAWN)
        .ok()
        .flatten()
        .is_some();
    if drawn || checks_left == 0 {
        remove_first_screen();
    } else {
        gloo::timers::callback::Timeout::new(DRAWN_CHECK_MS, move || {
            remove_first_screen_when_drawn(checks_left - 1)
        })
        .forget();
    }
}

/// The first screen gives way when the app's first run is ready and drawn, or at once for an
/// embedded piece (which it does not resemble).
#[hook]
pub fn use_first_screen_until(ready: bool, embedded: bool) {
    use_effect_with((ready, embedded), |&(ready, embedded)| {
        if embedded {
            remove_first_screen();
        } else if ready {
            remove_first_screen_when_drawn(DRAWN_CHECKS);
        }
    });
}
