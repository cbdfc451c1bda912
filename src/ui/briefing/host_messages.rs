//! The page inside an iframe talks to the page around it (`docs/EMBED.md`): it posts the
//! result whenever what is shown changes and the height it needs; it takes a link to show.
//! Messages go to the parent window only and hold nothing but the run's public numbers; a
//! message from anyone else, or of the wrong shape, is ignored with a note on the console.

use crate::export::message::{self, Ignored, Incoming};
use crate::state::{Action, AppState};
use crate::ui::page::store::Store;
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Window;
use yew::prelude::*;

/// The window around this page, when it is framed.
fn parent() -> Option<Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(value: &serde_json::Value) {
    let (Some(parent), Ok(data)) = (parent(), js_sys::JSON::parse(&value.to_string())) else {
        return;
    };
    // The parent may be any origin (the briefing's page); nothing secret is ever sent.
    let _ = parent.post_message(&data, "*");
}

fn note(text: &str) {
    web_sys::console::info_1(&JsValue::from_str(&format!("taijiang-sim: {text}")));
}

/// Reads one posted message: ours and well-formed, or ignored with a note.
fn read(event: &web_sys::MessageEvent) -> Option<String> {
    let from_parent = match (event.source(), parent()) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    };
    if !from_parent {
        return None;
    }
    let text: Option<String> = js_sys::JSON::stringify(&event.data())
        .ok()
        .and_then(|text| text.as_string());
    let value: serde_json::Value = text
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(serde_json::Value::Null);
    match message::read_incoming(&value) {
        Ok(Incoming::Set { link }) => Some(link),
        Err(Ignored::NotOurs) => None,
        Err(Ignored::UnknownType(kind)) => {
            note(&format!("ignored a message of unknown type “{kind}”"));
            None
        }
        Err(Ignored::Malformed(why)) => {
            note(&format!("ignored a malformed message: {why}"));
            None
        }
    }
}

/// Posts the result and the size to the parent, and takes its links, while the page is framed.
#[hook]
pub fn use_host_messages(store: &UseReducerHandle<Store>, outlook: Option<String>) {
    let framed = use_memo((), |_| parent().is_some());
    let framed = *framed;
    {
        let dispatcher = store.dispatcher();
        use_effect_with(framed, move |framed| {
            let listener = framed.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    let event: &web_sys::MessageEvent = wasm_bindgen::JsCast::unchecked_ref(event);
                    if let Some(link) = read(event) {
                        dispatcher.dispatch(Action::FromHost(link));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The result, once per run drawn for the latest scenario.
    let state: &AppState = &store.0;
    let shown = state
        .is_ready()
        .then(|| state.result.clone())
        .flatten()
        .map(|result| (result, state.differences.clone(), state.link(), outlook));
    use_effect_with(shown, move |shown| {
        if let (true, Some((result, differences, link, outlook))) = (framed, shown) {
            post(&message::result_message(
                &result.summary,
                link,
                result.precision.key(),
                differences.as_deref().map(Vec::as_slice),
                outlook.as_deref(),
            ));
        }
    });
    // The height, after every render and on resize, when it changed.
    let last_height: Rc<Cell<i32>> = use_memo((), |_| Cell::new(-1));
    {
        let last_height = last_height.clone();
        use_effect(move || {
            if framed {
                post_height(&last_height);
            }
        });
    }
    {
        use_effect_with(framed, move |framed| {
            let listener = framed.then(|| {
                EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    post_height(&last_height)
                })
            });
            move || drop(listener)
        });
    }
}

fn post_height(last: &Cell<i32>) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let height = root.scroll_height();
    if height != last.get() {
        last.set(height);
        post(&message::size_message(height.max(0) as u32));
    }
}
