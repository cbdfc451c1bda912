//! The results of the scenario on screen: the one-line reading and the outlook, compare and
//! export bars, notes where a number needs one, targets met together, the targets table, the
//! selected target's distribution and sentence, the decisions, and every fan chart.

use crate::engine::joint::JointAttainment;
use crate::engine::observed::target_years_observed;
use crate::plan::{SeriesId, TargetId};
use crate::state::{Action, Precision};
use crate::text;
use crate::text::compare::{headline, headline_compared, joint_line, moved_line};
use crate::text::labels::Label;
use crate::text::notes;
use crate::text::outlook::lever_pending;
use crate::ui::briefing::exports::ExportContext;
use crate::ui::briefing::ExportBar;
use crate::ui::charts::{FanChartCanvas, HistogramCanvas};
use crate::ui::controls::CompareBar;
use crate::ui::decisions::use_analysis::Analysis;
use crate::ui::decisions::DecisionPanel;
use crate::ui::page::store::{use_dispatching, Store};
use crate::ui::results::{SentencePanel, TargetsTable, TargetsTogether};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    pub store: UseReducerHandle<Store>,
    pub analysis: Analysis,
    /// The outlook in words, for the scenario on screen.
    pub outlook: Option<String>,
    pub exports: Option<Rc<ExportContext>>,
    /// Targets met together, counted once per result.
    pub joint: Option<Rc<JointAttainment>>,
    pub on_embed: Callback<()>,
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let store = &props.store;
    let state = &store.0;
    let lang = state.lang;
    let on_pin = use_dispatching(store, |_: ()| Action::PinBaseline);
    let on_unpin = use_dispatching(store, |_: ()| Action::Unpin);
    let on_select = use_dispatching(store, Action::SelectTarget);
    let on_try = use_dispatching(store, |(param, value)| Action::TryChange(param, value));
    let on_show_sentence = use_dispatching(store, |id| Action::ShowSentence(Some(id)));
    let on_select_own = use_dispatching(store, Action::SelectOwn);
    let on_close_sentence = use_dispatching(store, |_: ()| Action::ShowSentence(None));

    let ready = state.is_ready();
    let Some(summary) = state.summary().cloned() else {
        return html! {
            <section class="results stale" aria-label={Label::Results.text(lang)}>
                <p class="computing">{ Label::Computing.text(lang) }</p>
            </section>
        };
    };
    let precision = state.result.as_ref().map(|result| result.precision);
    // Where the run left the model's ground, the page says so above its numbers.
    let years = (summary.horizon_year - crate::plan::BASE_YEAR) as u32;
    let floor_note =
        notes::growth_floor_note(summary.floored_path_years, summary.paths, years, lang);
    let pinned = state.pinned.is_some();
    let baseline = state.pinned_summary();
    let charts = SeriesId::ALL
        .iter()
        .map(|&series| {
            html! {
                <FanChartCanvas key={series.key()} summary={summary.clone()} scenario={state.scenario.clone()}
                    baseline={baseline.clone()} series={series} lang={lang}
                    exports={props.exports.clone()} />
            }
        })
        .collect::<Html>();
    let worked_back: Vec<TargetId> = TargetId::ALL
        .into_iter()
        // An observed year replaces what an assumed base would say of it.
        .filter(|&id| {
            notes::is_worked_back(id, &state.scenario)
                && target_years_observed(&state.scenario, id) == 0
        })
        .collect();
    let differences = state.shown_differences();
    let joint_difference = state.shown_joint_difference();
    let full = state
        .result
        .as_ref()
        .is_some_and(|result| result.precision == Precision::Full);
    html! {
        <section class={classes!("results", (!ready).then_some("stale"))} aria-label={Label::Results.text(lang)}>
            // The results' own heading, for the order of headings where the controls' is hidden
            // (a phone): the page's h1, then this h2, then the h3s within.
            <h2 class="sr-only">{ Label::Results.text(lang) }</h2>
            <p class="headline" data-headline="">{
                match &baseline {
                    Some(a) => headline_compared(&summary, a, lang),
                    None => headline(&summary, lang),
                }
            }</p>
            if let Some(text) = &props.outlook {
                <p class="outlook" data-outlook="" aria-live="polite">
                    { text.clone() }
                    if props.analysis.lever_pending {
                        <span class="outlook-pending" data-lever-pending="">{ lever_pending(lang) }</span>
                    }
                </p>
            }
            <CompareBar pinned={state.pinned.clone()} lang={lang} on_pin={on_pin} on_unpin={on_unpin} />
            if let Some(context) = &props.exports {
                <ExportBar context={context.clone()} lang={lang} on_embed={props.on_embed.clone()} />
            }
            if let Some(differences) = &differences {
                <p class="moved" data-moved="">
                    { moved_line(differences, pinned, lang) }
                    if let Some(joint) = &joint_difference {
                        { " " }<span data-moved-joint="">{ joint_line(joint, lang) }</span>
                    }
                </p>
            }
            if !ready {
                <p class="outdated" role="status">{ Label::Outdated.text(lang) }</p>
            }
            if let Some(note) = floor_note {
                <p class="ground-note" role="note" data-ground="growth-floor">{ note }</p>
            }
            if let Some(joint) = props.joint.clone() {
                <TargetsTogether joint={joint} lang={lang} difference={joint_difference}
                    own={summary.joint_of_own().map(Rc::new)}
                    baseline={baseline.as_ref().map(|a| Rc::new(a.joint()))} />
            }
            <TargetsTable summary={summary.clone()} scenario={state.scenario.clone()} lang={lang} selected={state.selected_target}
                worked_back={worked_back}
                on_select={on_select} on_show_sentence={on_show_sentence}
                differences={differences.clone()} pinned={pinned}
                wordings={state.wordings.clone()} own_differences={state.own_differences.clone().filter(|_| differences.is_some())}
                selected_own={state.selected_own.clone()} on_select_own={on_select_own} />
            <p class="run-info" data-run-precision={precision.map(Precision::key)}
                data-workers={state.result.as_ref().map(|result| result.workers.to_string())}
                data-engine-ms={state.result.as_ref().map(|result| format!("{:.2}", result.engine_ms))}
                data-fingerprint={state.result.as_ref().map(|result| format!("{:016x}", result.fingerprint))}>
                { state.result.as_ref().map(|result| text::run_line(lang, result)) }
            </p>
            <div class="detail">
                <HistogramCanvas summary={summary.clone()} target={state.selected_target} lang={lang}
                    exports={props.exports.clone()}
                    own={state.selected_own.as_deref().and_then(|name| state.scenario.targets().get(name)).cloned()} />
                if let Some(target) = state.sentence_open {
                    <SentencePanel target={target} result={summary.target(target).copied()}
                        scenario={state.scenario.clone()} lang={lang} on_close={on_close_sentence} />
                }
            </div>
            <DecisionPanel analysis={props.analysis.clone()} selected={state.selected_target} lang={lang}
                ready={full && ready} on_apply={on_try}
                own={state.scenario.targets().iter().map(|t| t.name().to_owned()).collect::<Vec<_>>()} />
            <h2 class="charts-title">{ Label::FanChartsTitle.text(lang) }</h2>
            <div class="charts">{ charts }</div>
        </section>
    }
}
