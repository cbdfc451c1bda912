//! Copying a link or a snippet: the asynchronous clipboard where the page may use it (https or
//! localhost), else a selected text field and the older copy command, so that "copy" works on
//! an intranet served over plain http too.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` without waiting for it, then tells `done` whether it worked (for a button's
/// visible confirmation).
pub fn copy_then(text: String, done: impl FnOnce(bool) + 'static) {
    yew::platform::spawn_local(async move { done(copy_text(&text).await) });
}

/// Copies `text`; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    if gloo::utils::window().is_secure_context()
        && JsFuture::from(clipboard.write_text(text)).await.is_ok()
    {
        return true;
    }
    copy_by_selection(text)
}

fn copy_by_selection(text: &str) -> bool {
    let document = gloo::utils::document();
    let Some(field) = document
        .create_element("textarea")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    field.set_value(text);
    let _ = field.set_attribute("readonly", "");
    let _ = field.style().set_property("position", "fixed");
    let _ = field.style().set_property("opacity", "0");
    let Some(body) = document.body() else {
        return false;
    };
    if body.append_child(&field).is_err() {
        return false;
    }
    field.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|html| html.exec_command("copy").ok())
        .unwrap_or(false);
    field.remove();
    copied
}
