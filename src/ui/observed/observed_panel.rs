//! The observed years: a field per series and year, each with its unit and, once it holds a
//! value, its source; a refused value is said beside its field with the range, what the run
//! does not use is said above the fields, and one click clears them all or compares with the
//! scenario as seen from 2020.

use crate::i18n::Lang;
use crate::scenario::observed::{Observations, ObservedSeries};
use crate::scenario::sources::Sources;
use crate::text::labels::Label;
use crate::text::observed as words;
use crate::ui::page::folded::use_unfolded;
use std::collections::BTreeMap;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ObservedPanelProps {
    pub observed: Observations,
    pub sources: Sources,
    pub horizon: i32,
    /// Whether some path can take the observed GDP growth (`engine::observed`).
    pub gdp_possible: bool,
    pub lang: Lang,
    pub on_observe: Callback<(ObservedSeries, i32, Option<f64>)>,
    pub on_source: Callback<(ObservedSeries, i32, String)>,
    pub on_clear: Callback<()>,
    pub on_compare: Callback<()>,
}

#[function_component(ObservedPanel)]
pub fn observed_panel(props: &ObservedPanelProps) -> Html {
    let lang = props.lang;
    // What was typed and refused, by field: the message stays beside it until the field
    // changes again.
    let refused = use_state(BTreeMap::<(ObservedSeries, i32), (String, String)>::new);
    let (unfolded, on_toggle) = use_unfolded(!props.observed.is_empty());
    let unused = props.observed.unused(props.horizon);
    let blocks = ObservedSeries::ALL
        .into_iter()
        .map(|series| {
            let years = props.observed.years_to_enter(series, props.horizon);
            let fields = years
                .iter()
                .map(|&year| {
                    let value = props.observed.get(series, year);
                    let used = props.observed.is_used(series, year, props.horizon);
                    let id = format!("observed-{}-{year}", series.key());
                    let onchange = {
                        let (on_observe, refused) = (props.on_observe.clone(), refused.clone());
                        Callback::from(move |event: Event| {
                            let input: HtmlInputElement = event.target_unchecked_into();
                            let typed = input.value();
                            let mut now = (*refused).clone();
                            now.remove(&(series, year));
                            if typed.trim().is_empty() {
                                on_observe.emit((series, year, None));
                            } else {
                                match Observations::parse(series, year, &typed) {
                                    Ok(accepted) => on_observe.emit((series, year, Some(accepted))),
                                    Err(error) => {
                                        // Refused beside the field; the value in force goes back.
                                        let message = words::refused_typed(&typed, series, error, lang);
                                        now.insert((series, year), (typed, message));
                                        input.set_value(&value.map(|v| v.to_string()).unwrap_or_default());
                                    }
                                }
                            }
                            refused.set(now);
                        })
                    };
                    let refused_here = refused.contains_key(&(series, year));
                    html! {
                        <div class={classes!("observed-year", (value.is_some() && !used).then_some("unused"))}
                            data-observed={format!("{}.{year}", series.key())}>
                            <label for={id.clone()}>{ year }</label>
                            <input type="text" id={id.clone()} inputmode="decimal" autocomplete="off"
                                value={value.map(|v| v.to_string()).unwrap_or_default()}
                                aria-label={words::field_name(series, year, lang)}
                                aria-invalid={refused_here.then_some("true")}
                                aria-describedby={refused_here.then(|| format!("observed-{}-refused", series.key()))}
                                {onchange} />
                        </div>
                    }
                })
                .collect::<Html>();
            // Refusals and sources below the row of years: one line each.
            let messages = years
                .iter()
                .filter_map(|&year| refused.get(&(series, year)).map(|(_, message)| (year, message.clone())))
                .map(|(year, message)| html! {
                    <p class="refused" role="alert" data-refused={format!("o.{}.{year}", series.key())}>{ message }</p>
                })
                .collect::<Vec<Html>>();
            let sources = years
                .iter()
                .filter(|&&year| props.observed.get(series, year).is_some())
                .map(|&year| {
                    let on_source = {
                        let on_source = props.on_source.clone();
                        Callback::from(move |event: Event| {
                            let input: HtmlInputElement = event.target_unchecked_into();
                            on_source.emit((series, year, input.value()));
                        })
                    };
                    let source = props.sources.get(series, year).unwrap_or_default().to_owned();
                    html! {
                        <label class="observed-source" data-source={format!("{}.{year}", series.key())}>
                            <span>{ format!("{year} {}", Label::ObservationSource.text(lang)) }</span>
                            <input type="text" maxlength="200" value={source}
                                aria-label={words::source_name(series, year, lang)} onchange={on_source} />
                        </label>
                    }
                })
                .collect::<Html>();
            let refused_id = format!("observed-{}-refused", series.key());
            html! {
                <fieldset class="observed-series" data-series={series.key()}>
                    <legend>{ words::series_name(series, lang) }
                        <span class="unit">{ format!(" ({})", words::unit(series, lang)) }</span></legend>
                    <div class="observed-years">{ fields }</div>
                    if !messages.is_empty() {
                        <div id={refused_id}>{ for messages }</div>
                    }
                    { sources }
                </fieldset>
            }
        })
        .collect::<Html>();
    let count = props.observed.len();
    let clear = props.on_clear.reform(|_: MouseEvent| ());
    let compare = props.on_compare.reform(|_: MouseEvent| ());
    html! {
        <details class="observed" open={count > 0} ontoggle={on_toggle}>
            <summary>
                { Label::Observed.text(lang) }
                if count > 0 {
                    <span class="changed">{ words::observed_count(count, lang) }</span>
                }
            </summary>
            if unfolded {
            <p class="observed-intro">{ Label::ObservedIntro.text(lang) }</p>
            if !unused.is_empty() || !props.gdp_possible {
                <ul class="observed-unused" role="status" data-observed-unused="">
                    { for unused.iter().map(|&one| html! { <li>{ words::unused(one, lang) }</li> }) }
                    if !props.gdp_possible {
                        <li data-gdp-impossible="">{ words::gdp_impossible(lang) }</li>
                    }
                </ul>
            }
            { blocks }
            <div class="observed-actions">
                <button class="compare-observed" onclick={compare} disabled={count == 0}>
                    { Label::CompareObservations.text(lang) }
                </button>
                <button class="clear-observed" onclick={clear} disabled={count == 0}>
                    { Label::ClearObservations.text(lang) }
                </button>
            </div>
            }
        </details>
    }
}
