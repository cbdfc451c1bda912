//! Pin the scenario on screen as A, or unpin it; says what every change is measured against.

use crate::i18n::Lang;
use crate::link::Labelled;
use crate::preset::PresetId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareBarProps {
    pub pinned: Option<Labelled>,
    pub lang: Lang,
    pub on_pin: Callback<()>,
    pub on_unpin: Callback<()>,
}

/// A's name: its preset, and whether it was changed from it.
fn name_of(pinned: &Labelled, lang: Lang) -> String {
    let preset = pinned.preset.unwrap_or(PresetId::Plan).label(lang);
    if pinned.is_modified() {
        format!("{preset}{}", lang.pick("(已修改)", " (modified)"))
    } else {
        preset.to_owned()
    }
}

#[function_component(CompareBar)]
pub fn compare_bar(props: &CompareBarProps) -> Html {
    let lang = props.lang;
    let pin = props.on_pin.reform(|_: MouseEvent| ());
    let unpin = props.on_unpin.reform(|_: MouseEvent| ());
    match &props.pinned {
        None => html! {
            <div class="compare-bar" data-compare="plan">
                <button class="pin" data-pin="" onclick={pin}>{ lang.pick("固定为 A,对比后续改动", "Pin as A to compare") }</button>
                <span class="compare-note">{ lang.pick(
                    "未固定 A 时,每项变化都与规划情景对比。",
                    "Until you pin A, every change is measured against the plan's scenario.") }</span>
            </div>
        },
        Some(pinned) => html! {
            <div class="compare-bar pinned" data-compare="pinned">
                <span class="compare-names">
                    <span class="compare-a">{ format!("A = {}", name_of(pinned, lang)) }</span>
                    <span class="compare-b">{ lang.pick("B = 当前设置", "B = the settings now") }</span>
                </span>
                <button class="pin" data-pin="" onclick={pin}>{ lang.pick("以当前设置为新的 A", "Pin these settings as A") }</button>
                <button class="unpin" data-unpin="" onclick={unpin}>{ lang.pick("取消对比", "Unpin") }</button>
            </div>
        },
    }
}
