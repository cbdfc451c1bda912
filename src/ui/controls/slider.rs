//! One driver of the scenario as a labelled range input with its value, unit and provenance.

use crate::i18n::Lang;
use crate::preset::PresetId;
use crate::scenario::{Param, ParamSpec};
use crate::state::Gesture;
use crate::text;
use crate::text::controls;
use crate::text::labels::Label;
use crate::ui::controls::ProvenanceBadge;
use crate::ui::page::timing;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    pub spec: ParamSpec,
    pub value: f64,
    /// The value of the scenario's preset (the plan's default without one).
    pub reference: f64,
    /// The preset, when it sets this parameter.
    #[prop_or_default]
    pub preset: Option<PresetId>,
    pub lang: Lang,
    pub on_change: Callback<(Param, f64, Gesture)>,
    #[prop_or_default]
    pub on_reset: Callback<Param>,
    /// A line under the slider (what the value implies).
    #[prop_or_default]
    pub note: Option<String>,
}

#[function_component(Slider)]
pub fn slider(props: &SliderProps) -> Html {
    let spec = props.spec;
    let id = format!("slider-{}", spec.key);
    // `input` fires while the thumb moves, `change` when it is released (and on every key
    // press): previews while moving, the full run once settled.
    let report = |gesture: Gesture, mark: &'static str| {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            timing::mark(mark);
            let input: HtmlInputElement = event.target_unchecked_into();
            // A range input only yields numbers inside its range; the state validates anyway.
            if let Ok(value) = input.value().parse::<f64>() {
                on_change.emit((spec.param, value, gesture));
            }
        })
    };
    let oninput =
        report(Gesture::Moving, timing::INPUT_MARK).reform(|event: InputEvent| event.into());
    let onchange = report(Gesture::Settled, timing::SETTLED_MARK);
    let lang = props.lang;
    let label = text::param_label(&spec, lang);
    let shown = text::param_value(&spec, props.value, lang);
    // A value the user changed is the user's, not the plan's: say so, with the reference beside.
    let changed = props.value != props.reference;
    let preset_value = props.preset.and_then(|preset| preset.value(spec.param));
    let badge = match (changed, props.preset.zip(preset_value)) {
        (true, _) => {
            let reference = controls::reference(&spec, props.preset, props.reference, lang);
            let reset = props.on_reset.reform(move |_: MouseEvent| spec.param);
            html! {
                <>
                    <span class="prov prov-user" data-provenance="user" tabindex="0"
                        title={Label::ThisIsYourSetting.text(lang)}>
                        { Label::YourSetting.text(lang) }
                    </span>
                    <span class="reference">{ reference }</span>
                    <button class="link-button reset-one" onclick={reset} data-reset={spec.key}
                        aria-label={controls::reset_name(&spec, lang)}>{ "↺" }</button>
                </>
            }
        }
        (false, Some((preset, value))) => {
            let reason = controls::preset_reason(preset, value, lang);
            html! {
                <span class="prov prov-preset" data-provenance="preset" tabindex="0"
                    title={reason.clone()} aria-label={reason}>
                    { Label::PresetBadge.text(lang) }
                </span>
            }
        }
        (false, None) => html! { <ProvenanceBadge provenance={spec.provenance} lang={lang} /> },
    };
    html! {
        <div class="slider" data-param={spec.key} data-changed={changed.to_string()}>
            <div class="slider-head">
                <label for={id.clone()}>{ label }</label>
                { badge }
                <output for={id.clone()} class="slider-value">{ shown.clone() }</output>
            </div>
            // min, max and step come before value: the browser clamps a value to the range it
            // has when the value is set.
            <input type="range" id={id} name={spec.key}
                min={spec.min.to_string()} max={spec.max.to_string()} step={spec.step.to_string()}
                value={props.value.to_string()} aria-valuetext={shown} {oninput} {onchange} />
            if let Some(note) = &props.note {
                <p class="slider-note" data-note={spec.key}>{ note.clone() }</p>
            }
        </div>
    }
}
