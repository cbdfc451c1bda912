//! The presets, one click each, and whether the scenario still is the chosen preset.

use crate::i18n::Lang;
use crate::preset::{PresetId, PRESETS};
use crate::text::controls;
use crate::text::labels::Label;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresetBarProps {
    pub preset: Option<PresetId>,
    pub modified: bool,
    pub lang: Lang,
    pub on_choose: Callback<PresetId>,
    pub on_reset: Callback<()>,
}

#[function_component(PresetBar)]
pub fn preset_bar(props: &PresetBarProps) -> Html {
    let lang = props.lang;
    let chosen = props.preset.unwrap_or(PresetId::Plan);
    let buttons = PRESETS
        .iter()
        .map(|preset| {
            let id = preset.id;
            let pressed = id == chosen;
            let onclick = props.on_choose.reform(move |_: MouseEvent| id);
            html! {
                <button class={classes!("preset", pressed.then_some("chosen"))} data-preset={preset.key}
                    aria-pressed={pressed.to_string()} title={controls::preset_summary(preset, lang)}
                    {onclick}>
                    { controls::preset_name(preset, lang) }
                </button>
            }
        })
        .collect::<Html>();
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    let preset = chosen.preset();
    html! {
        <div class="preset-bar" data-modified={props.modified.to_string()}>
            <div class="presets" role="group" aria-label={Label::PresetScenarios.text(lang)}>
                { buttons }
            </div>
            <p class="preset-status">
                <span class="preset-name">{ chosen.label(lang) }</span>
                if props.modified {
                    <span class="modified" data-preset-modified="">{ Label::Modified.text(lang) }</span>
                    <button class="link-button reset-preset" onclick={reset}>{ Label::ResetToPreset.text(lang) }</button>
                } else {
                    <span class="preset-summary">{ controls::preset_status(preset, lang) }</span>
                }
            </p>
        </div>
    }
}
