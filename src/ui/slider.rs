//! One driver of the scenario as a labelled range input with its value, unit and provenance.

use super::timing;
use super::{text, ProvenanceBadge};
use crate::i18n::Lang;
use crate::scenario::{Param, ParamSpec};
use crate::state::Gesture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    pub spec: ParamSpec,
    pub value: f64,
    pub lang: Lang,
    pub on_change: Callback<(Param, f64, Gesture)>,
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
    let label = props.lang.pick(spec.label_zh, spec.label_en);
    let shown = text::param_value(&spec, props.value, props.lang);
    html! {
        <div class="slider" data-param={spec.key}>
            <div class="slider-head">
                <label for={id.clone()}>{ label }</label>
                <ProvenanceBadge provenance={spec.provenance} lang={props.lang} />
                <output for={id.clone()} class="slider-value">{ shown.clone() }</output>
            </div>
            // min, max and step come before value: the browser clamps a value to the range it
            // has when the value is set.
            <input type="range" id={id} name={spec.key}
                min={spec.min.to_string()} max={spec.max.to_string()} step={spec.step.to_string()}
                value={props.value.to_string()} aria-valuetext={shown} {oninput} {onchange} />
        </div>
    }
}
