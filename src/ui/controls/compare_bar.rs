//! Pin the scenario on screen as A, or unpin it; says what every change is measured against.

use crate::i18n::Lang;
use crate::link::Labelled;
use crate::text::controls;
use crate::text::labels::Label;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareBarProps {
    pub pinned: Option<Labelled>,
    pub lang: Lang,
    pub on_pin: Callback<()>,
    pub on_unpin: Callback<()>,
}

#[function_component(CompareBar)]
pub fn compare_bar(props: &CompareBarProps) -> Html {
    let lang = props.lang;
    let pin = props.on_pin.reform(|_: MouseEvent| ());
    let unpin = props.on_unpin.reform(|_: MouseEvent| ());
    match &props.pinned {
        None => html! {
            <div class="compare-bar" data-compare="plan">
                <button class="pin" data-pin="" onclick={pin}>{ Label::PinAsA.text(lang) }</button>
                <span class="compare-note">{ Label::UntilPinned.text(lang) }</span>
            </div>
        },
        Some(pinned) => html! {
            <div class="compare-bar pinned" data-compare="pinned">
                <span class="compare-names">
                    <span class="compare-a">{ controls::pinned_name(pinned, lang) }</span>
                    <span class="compare-b">{ Label::BIsNow.text(lang) }</span>
                </span>
                <button class="pin" data-pin="" onclick={pin}>{ Label::PinAgain.text(lang) }</button>
                <button class="unpin" data-unpin="" onclick={unpin}>{ Label::Unpin.text(lang) }</button>
            </div>
        },
    }
}
