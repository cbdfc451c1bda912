//! Every assumption-level parameter, editable, with its one-line reason and a reset.

use crate::i18n::Lang;
use crate::scenario::{Param, ParamKind, Scenario, PARAMS};
use crate::state::Gesture;
use crate::text;
use crate::text::controls;
use crate::text::labels::Label;
use crate::text::notes;
use crate::text::notices::refused_entry;
use crate::ui::controls::ProvenanceBadge;
use crate::ui::page::folded::use_unfolded;
use std::collections::BTreeMap;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssumptionsPanelProps {
    pub scenario: Scenario,
    pub lang: Lang,
    pub on_change: Callback<(Param, f64, Gesture)>,
    pub on_reset: Callback<Param>,
    pub on_reset_all: Callback<()>,
}

#[function_component(AssumptionsPanel)]
pub fn assumptions_panel(props: &AssumptionsPanelProps) -> Html {
    let lang = props.lang;
    let defaults = Scenario::default();
    // What was typed into a field and refused, with the value kept then: the message beside
    // the field stays until that value changes.
    let refused = use_state(BTreeMap::<&'static str, (String, f64)>::new);
    let changed = PARAMS
        .iter()
        .filter(|spec| {
            spec.kind == ParamKind::Assumption
                && props.scenario.get(spec.param) != defaults.get(spec.param)
        })
        .count();
    let (unfolded, on_toggle) = use_unfolded(changed > 0);
    let rows = PARAMS
        .iter()
        .filter(|spec| spec.kind == ParamKind::Assumption)
        .map(|spec| {
            let spec = *spec;
            let value = props.scenario.get(spec.param);
            let id = format!("assumption-{}", spec.key);
            let onchange = {
                let on_change = props.on_change.clone();
                let refused = refused.clone();
                Callback::from(move |event: Event| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    let typed = input.value();
                    let mut now = (*refused).clone();
                    match spec.parse(&typed) {
                        Ok(accepted) => {
                            now.remove(spec.key);
                            on_change.emit((spec.param, accepted, Gesture::Settled));
                        }
                        Err(_) => {
                            // Refused beside the field, naming the range; the value in force
                            // goes back into it.
                            now.insert(spec.key, (typed, value));
                            input.set_value(&value.to_string());
                        }
                    }
                    refused.set(now);
                })
            };
            let choose = {
                let on_change = props.on_change.clone();
                Callback::from(move |event: Event| {
                    let select: HtmlSelectElement = event.target_unchecked_into();
                    if let Ok(chosen) = spec.parse(&select.value()) {
                        on_change.emit((spec.param, chosen, Gesture::Settled));
                    }
                })
            };
            let message = refused
                .get(spec.key)
                .filter(|(_, kept)| *kept == value)
                .and_then(|(typed, kept)| refused_entry(&spec, typed, *kept, lang));
            let message_id = format!("{id}-refused");
            let reset = props.on_reset.reform(move |_: MouseEvent| spec.param);
            let is_default = value == spec.default;
            let (reason, unit) = (text::reason(&spec, lang), controls::unit(&spec, lang));
            let (default_shown, default_name) = controls::default_button(&spec, lang);
            html! {
                <div class="assumption" data-param={spec.key}>
                    <div class="assumption-head">
                        <label for={id.clone()}>{ crate::text::param_label(&spec, lang) }</label>
                        <ProvenanceBadge provenance={spec.provenance} lang={lang} />
                    </div>
                    <div class="assumption-input">
                        if spec.choices.is_empty() {
                            <input type="number" id={id} name={spec.key} min={spec.min.to_string()}
                                max={spec.max.to_string()} step="any" value={value.to_string()} {onchange}
                                aria-invalid={message.is_some().then_some("true")}
                                aria-describedby={message.is_some().then(|| message_id.clone())} />
                            <span class="unit">{ unit }</span>
                        } else {
                            // A reading between named ones: a choice, not a number to type.
                            <select id={id} name={spec.key} onchange={choose}>
                                { for spec.choices.iter().enumerate().map(|(index, name)| html! {
                                    <option value={*name} selected={value == index as f64}>
                                        { controls::choice_label(name, lang) }
                                    </option>
                                }) }
                            </select>
                        }
                        // The accessible name starts with what the button shows, then says what it does.
                        <button class="link-button" onclick={reset} disabled={is_default}
                            aria-label={default_name}>{ default_shown }</button>
                    </div>
                    if let Some(message) = message {
                        <p class="refused" id={message_id} role="alert" data-refused={spec.key}>{ message }</p>
                    }
                    <p class="reason">{ reason }</p>
                    if let Some(note) = notes::inert_note(spec.param, &props.scenario, lang) {
                        <p class="inert" data-inert={spec.key}>{ note }</p>
                    }
                </div>
            }
        })
        .collect::<Html>();
    let reset_all = props.on_reset_all.reform(|_: MouseEvent| ());
    html! {
        <details class="assumptions" open={changed > 0} ontoggle={on_toggle}>
            <summary>
                { Label::Assumptions.text(lang) }
                if changed > 0 {
                    <span class="changed">{ controls::changed_count(changed, lang) }</span>
                }
            </summary>
            if unfolded {
                <p class="assumptions-intro">{ Label::AssumptionsIntro.text(lang) }</p>
                { rows }
                <button class="reset-all" onclick={reset_all} disabled={changed == 0}>
                    { Label::ResetAllAssumptions.text(lang) }
                </button>
            }
        </details>
    }
}
