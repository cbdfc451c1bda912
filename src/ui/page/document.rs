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
