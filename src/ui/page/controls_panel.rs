//! The controls of the scenario: presets, sliders, the seed, the assumptions, saved scenarios and
//! the plan's base values. On a phone they open over the results, with the strip of chances in
//! sight at the top.

use crate::engine::ModelParams;
use crate::link::Link;
use crate::scenario::sources::Sources;
use crate::scenario::targets::Wordings;
use crate::scenario::{Param, ParamKind, PARAMS};
use crate::state::{preset_scenario, Action};
use crate::text;
use crate::text::labels::Label;
use crate::text::notes;
use crate::ui::controls::{AssumptionsPanel, BaseValues, PresetBar, Slider};
use crate::ui::observed::ObservedPanel;
use crate::ui::page::store::{use_dispatching, Store};
use crate::ui::results::ProbabilityStrip;
use crate::ui::saved::SavedPanel;
use crate::ui::targets::OwnTargetsPanel;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsPanelProps {
    pub store: UseReducerHandle<Store>,
    /// Open over the results (a phone).
    pub open: bool,
    pub on_toggle: Callback<MouseEvent>,
}

#[function_component(ControlsPanel)]
pub fn controls_panel(props: &ControlsPanelProps) -> Html {
    let store = &props.store;
    let state = &store.0;
    let lang = state.lang;
    let on_param = use_dispatching(store, |(param, value, gesture)| {
        Action::SetParam(param, value, gesture)
    });
    let on_reset = use_dispatching(store, Action::ResetParam);
    let on_reset_all = use_dispatching(store, |_: ()| Action::ResetAssumptions);
    let on_reset_preset = use_dispatching(store, |_: ()| Action::ResetToPreset);
    let on_preset = use_dispatching(store, Action::ChoosePreset);
    let on_observe = use_dispatching(store, |(series, year, value)| {
        Action::Observe(series, year, value)
    });
    let on_source = use_dispatching(store, |(series, year, text)| {
        Action::SetSource(series, year, text)
    });
    let on_add_target = use_dispatching(store, |(target, wording)| {
        Action::AddTarget(target, wording)
    });
    let on_remove_target = use_dispatching(store, Action::RemoveTarget);
    let on_clear_observed = use_dispatching(store, |_: ()| Action::ClearObservations);
    let on_compare_observed = use_dispatching(store, |_: ()| Action::CompareObservations);
    // Whether a path can take the observed GDP growth: worked out once per scenario.
    let gdp_possible = *use_memo(state.scenario.clone(), |scenario| {
        scenario.observed().is_empty()
            || ModelParams::from_scenario(scenario)
                .conditioning
                .gdp_possible
    });
    let on_open = use_dispatching(
        store,
        |(link, sources, wordings): (Link, Sources, Wordings)| {
            Action::OpenSaved(Box::new(link), sources, wordings)
        },
    );

    let reference = preset_scenario(state.preset, &state.scenario);
    let growth_note = notes::expected_growth_note(&state.scenario, lang);
    let sliders = PARAMS
        .iter()
        .filter(|spec| spec.kind == ParamKind::Driver && text::is_slider(spec.param))
        .map(|spec| {
            html! {
                <Slider key={spec.key} spec={*spec} value={state.scenario.get(spec.param)}
                    reference={reference.get(spec.param)} preset={state.preset}
                    note={(spec.param == Param::Gdp).then(|| growth_note.clone())}
                    lang={lang} on_change={on_param.clone()} on_reset={on_reset.clone()} />
            }
        })
        .collect::<Html>();
    html! {
        <section id="controls" class={classes!("controls", props.open.then_some("open"))}
            aria-label={Label::Scenario.text(lang)}>
            <div class="controls-head">
                <h2>{ Label::Scenario.text(lang) }</h2>
                <button class="close-controls" onclick={props.on_toggle.clone()}
                    aria-controls="controls" aria-expanded={props.open.to_string()}>{ Label::ShowResults.text(lang) }</button>
                // Inside the sticky head, so that the strip stays in sight as the panel scrolls.
                if let Some(summary) = state.summary() {
                    <ProbabilityStrip summary={summary.clone()} lang={lang} stale={!state.is_ready()} />
                }
            </div>
            <PresetBar preset={state.preset} modified={state.is_modified()} lang={lang}
                on_choose={on_preset} on_reset={on_reset_preset} />
            { sliders }
            <p class="seed">{ text::seed_line(lang, state.scenario.seed()) }</p>
            <ObservedPanel observed={state.scenario.observed().clone()} sources={state.sources.clone()}
                horizon={state.scenario.horizon_year()} gdp_possible={gdp_possible} lang={lang}
                on_observe={on_observe} on_source={on_source} on_clear={on_clear_observed}
                on_compare={on_compare_observed} />
            <OwnTargetsPanel targets={state.scenario.targets().clone()} wordings={state.wordings.clone()}
                lang={lang} on_add={on_add_target} on_remove={on_remove_target} />
            <AssumptionsPanel scenario={state.scenario.clone()} lang={lang} on_change={on_param.clone()}
                on_reset={on_reset} on_reset_all={on_reset_all} />
            <SavedPanel link={state.link()} sources={state.sources.clone()} wordings={state.wordings.clone()}
                lang={lang} on_open={on_open} />
            <BaseValues lang={lang} />
        </section>
    }
}
