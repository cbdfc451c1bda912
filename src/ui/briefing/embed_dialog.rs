//! The embed dialog: choose a piece and a size, copy the iframe snippet for the current
//! scenario, and see it as the briefing's readers will (a live preview).

use crate::embed::EmbedPiece;
use crate::export::iframe_snippet;
use crate::i18n::Lang;
use crate::link::{self, Link};
use crate::text::briefing::{piece_name, preview_title};
use crate::text::labels::Label;
use crate::ui::briefing::clipboard::copy_then;
use crate::ui::briefing::exports::page_address;
use gloo::events::EventListener;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub link: Link,
    pub on_close: Callback<()>,
}

/// The smallest size a piece is made for.
const MIN_SIZE: (u32, u32) = (320, 240);

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let lang: Lang = props.link.lang;
    let piece = use_state(|| EmbedPiece::Targets);
    let size = use_state(|| (640u32, 400u32));
    let copied = use_state(|| false);
    let first = use_node_ref();
    {
        // Focus moves into the dialog; Escape closes it.
        let (first, on_close) = (first.clone(), props.on_close.clone());
        use_effect_with((), move |_| {
            if let Some(select) = first.cast::<HtmlSelectElement>() {
                let _ = select.focus();
            }
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let event: &web_sys::KeyboardEvent = wasm_bindgen::JsCast::unchecked_ref(event);
                if event.key() == "Escape" {
                    on_close.emit(());
                }
            });
            move || drop(listener)
        });
    }
    let title = piece_name(*piece, lang, props.link.target);
    let preview_src = format!(
        "{}#{}",
        page_address(),
        link::write(&Link {
            embed: Some(*piece),
            ..props.link.clone()
        })
    );
    let code = iframe_snippet(&preview_src, *size, &title);
    let choose = {
        let (piece, copied) = (piece.clone(), copied.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(chosen) = EmbedPiece::from_key(&select.value()) {
                piece.set(chosen);
                copied.set(false);
            }
        })
    };
    let resize = |which: usize| {
        let (size, copied) = (size.clone(), copied.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let (mut width, mut height) = *size;
            // Below the smallest size a piece is made for, the smallest is used.
            let value = input.value().trim().parse::<u32>().unwrap_or(0);
            if which == 0 {
                width = value.clamp(MIN_SIZE.0, 2000);
                input.set_value(&width.to_string());
            } else {
                height = value.clamp(MIN_SIZE.1, 2000);
                input.set_value(&height.to_string());
            }
            size.set((width, height));
            copied.set(false);
        })
    };
    let copy = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_then(code.clone(), move |ok| copied.set(ok));
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let options = EmbedPiece::ALL
        .into_iter()
        .map(|option| {
            html! {
                <option value={option.key()} selected={option == *piece}>
                    { piece_name(option, lang, props.link.target) }
                </option>
            }
        })
        .collect::<Html>();
    html! {
        <div class="dialog-backdrop">
            <div class="dialog embed-dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title">
                <div class="dialog-head">
                    <h2 id="embed-title">{ Label::EmbedTitle.text(lang) }</h2>
                    <button class="small-button" onclick={close.clone()}>{ Label::Close.text(lang) }</button>
                </div>
                <div class="embed-choices">
                    <label>{ Label::Piece.text(lang) }
                        <select ref={first} onchange={choose} data-embed-piece="">{ options }</select>
                    </label>
                    <label>{ Label::Width.text(lang) }
                        <input type="number" min="320" max="2000" value={size.0.to_string()} onchange={resize(0)} data-embed-width="" />
                    </label>
                    <label>{ Label::Height.text(lang) }
                        <input type="number" min="240" max="2000" value={size.1.to_string()} onchange={resize(1)} data-embed-height="" />
                    </label>
                </div>
                <label class="snippet-label" for="embed-snippet">{ Label::PasteSnippet.text(lang) }</label>
                <textarea id="embed-snippet" readonly=true rows="3" value={code} data-embed-snippet="" />
                <div class="dialog-actions">
                    <button class="small-button" onclick={copy}>{ Label::CopyCode.text(lang) }</button>
                    <span role="status">{ if *copied { Label::Copied.text(lang) } else { "" } }</span>
                </div>
                <p class="embed-hint">{ Label::EmbedHint.text(lang) }</p>
                <div class="embed-preview">
                    <iframe src={preview_src} width={size.0.to_string()} height={size.1.to_string()}
                        title={preview_title(&title, lang)} data-embed-preview="" />
                </div>
            </div>
        </div>
    }
}
