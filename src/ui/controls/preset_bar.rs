//! The presets, one click each, and whether the scenario still is the chosen preset.

use crate::i18n::Lang;
use crate::preset::{PresetId, PRESETS};
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
                    aria-pressed={pressed.to_string()} title={lang.pick(preset.summary_zh, preset.summary_en)}
                    {onclick}>
                    { lang.pick(preset.label_zh, preset.label_en) }
                </button>
            }
        })
        .collect::<Html>();
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    let preset = chosen.preset();
    html! {
        <div class="preset-bar" data-modified={props.modified.to_string()}>
            <div class="presets" role="group" aria-label={lang.pick("情景预设", "Preset scenarios")}>
                { buttons }
            </div>
            <p class="preset-status">
                <span class="preset-name">{ chosen.label(lang) }</span>
                if props.modified {
                    <span class="modified" data-preset-modified="">{ lang.pick("(已修改)", " (modified)") }</span>
                    <button class="link-button reset-preset" onclick={reset}>
                        { lang.pick("全部恢复为预设值", "reset every slider to the preset") }
                    </button>
                } else {
                    <span class="preset-summary">{ format!("{}{}", lang.pick(":", ": "), lang.pick(preset.summary_zh, preset.summary_en)) }</span>
                }
            </p>
        </div>
    }
}
