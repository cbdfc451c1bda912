//! Any panic that still happens ends in a readable error view with a way out, never a dead or
//! half-drawn page. The view is plain DOM built inside the panic hook (the app that failed
//! cannot draw it, and the module stops right after the hook), and its ways out are links, not
//! handlers, so that they work once the module has stopped.

use crate::text::fatal::{fatal_detail, FATAL_WORDS};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The id of the error view.
pub const ERROR_VIEW_ID: &str = "fatal-error";

/// Replaces the page with the error view on any panic, after logging it to the console.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        if show_error_view(&message).is_err() {
            web_sys::console::error_1(&"the error view could not be shown".into());
        }
    }));
}

/// Replaces the page's content with the error view: what happened in both languages, a link to
/// the plan's scenario (the address without its fragment: saved scenarios stay, they live in
/// the browser's storage), a link that reloads the address as it is, and the message itself
/// as text.
pub fn show_error_view(message: &str) -> Result<(), JsValue> {
    let view = error_view(message)?;
    let body = gloo::utils::document().body().ok_or("no body")?;
    body.replace_children_with_node_1(&view);
    Ok(())
}

/// The error view of [`show_error_view`], not yet in the page.
pub fn error_view(message: &str) -> Result<Element, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let location = window.location();
    let here = location.href()?;
    let reset = format!("{}{}", location.pathname()?, location.search()?);

    let view = element(&document, "section", "")?;
    view.set_id(ERROR_VIEW_ID);
    view.set_attribute("role", "alert")?;
    view.set_class_name("fatal-error");
    for words in FATAL_WORDS {
        append(&document, &view, "h1", words.title)?;
        append(&document, &view, "p", words.explanation)?;
    }
    let ways = append(&document, &view, "p", "")?;
    ways.set_class_name("fatal-ways");
    let reset_link = append(&document, &ways, "a", &join(FATAL_WORDS.map(|w| w.reset)))?;
    reset_link.set_attribute("href", &reset)?;
    reset_link.set_attribute("data-fatal", "reset")?;
    let reload_link = append(&document, &ways, "a", &join(FATAL_WORDS.map(|w| w.reload)))?;
    reload_link.set_attribute("href", &here)?;
    reload_link.set_attribute("data-fatal", "reload")?;
    let details = append(&document, &view, "details", "")?;
    append(
        &document,
        &details,
        "summary",
        &join(FATAL_WORDS.map(|w| w.details)),
    )?;
    // As text, never as markup: the message can quote user input.
    append(&document, &details, "pre", &fatal_detail(message))?;
    Ok(view)
}

fn element(document: &Document, tag: &str, text: &str) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    Ok(element)
}

/// A new element with `text`, appended to `parent`.
fn append(
    document: &Document,
    parent: &Element,
    tag: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let child = element(document, tag, text)?;
    parent.append_child(&child)?;
    Ok(child)
}

fn join<const N: usize>(parts: [&str; N]) -> String {
    parts.join(" · ")
}
