//! "What does it take?": a measure, a level and a lever; the lever's value nearest the current
//! one that reaches the level, with the chance reached ± its error, or "not reachable within
//! the lever's range"; and the cheapest path, every lever alone side by side.

use crate::analysis::goal_seek::{Goal, Outcome, SeekResult, LEVERS};
use crate::analysis::jobs::JobKind;
use crate::analysis::level::Levels;
use crate::analysis::Measure;
use crate::format;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::pool::AnalysisView;
use crate::scenario::Param;
use crate::text::decisions::{asked, level_field, level_refused, outcome_key, seek_result};
use crate::text::labels::Label;
use crate::ui::decisions::analysis_controls::{measure_options, progress};
use crate::ui::decisions::use_analysis::Analysis;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalSeekPanelProps {
    pub analysis: Analysis,
    /// The job in hand or just ended (the panel above watches it).
    pub view: Option<AnalysisView>,
    pub selected: TargetId,
    /// How many targets the expected number met counts (its level's range).
    pub targets: usize,
    pub lang: Lang,
    pub ready: bool,
    pub on_apply: Callback<(Param, f64)>,
    /// The names of the targets of one's own, measures too.
    #[prop_or_default]
    pub own: Vec<String>,
}

/// One search's result in words, with its apply button.
fn result_line(result: &SeekResult, lang: Lang, on_apply: &Callback<(Param, f64)>) -> Html {
    let spec = result.goal.param.spec();
    let outcome = outcome_key(&result.outcome);
    let value = match &result.outcome {
        Outcome::AlreadyMet { value, .. } | Outcome::Found { value, .. } => Some(*value),
        Outcome::NotReachable { .. } => None,
    };
    let param = result.goal.param;
    html! {
        <p class="seek-result" data-seek-outcome={outcome} data-seek-lever={spec.key}
            data-seek-value={value.map(|v| v.to_string())}>
            { seek_result(result, lang) }
            if let (Some(value), true) = (value, outcome == "found") {
                <button class="link-button" onclick={on_apply.reform(move |_: MouseEvent| (param, value))}
                    data-seek-apply={spec.key}>{ Label::Apply.text(lang) }</button>
            }
        </p>
    }
}

/// A level as the field shows it: whole percent, or a count with its decimals.
fn typed_level(levels: &Levels, measure: Measure) -> String {
    let level = levels.shown(measure);
    if level.fract() == 0.0 {
        format!("{level}")
    } else {
        format::grouped(level, 2)
    }
}

#[function_component(GoalSeekPanel)]
pub fn goal_seek_panel(props: &GoalSeekPanelProps) -> Html {
    let lang = props.lang;
    let targets = props.targets;
    let measure = use_state(|| None::<Measure>);
    let measure_now = measure.unwrap_or(Measure::Target(props.selected));
    // One level per kind of measure, in its own unit (a chance in %, a number of targets).
    let levels = use_state(Levels::default);
    // What is typed, kept as typed: the panel redraws while an analysis runs, and a controlled
    // field would lose a half-typed number to each redraw.
    let typed = use_state(|| typed_level(&Levels::default(), measure_now));
    let lever = use_state(|| Param::Gdp);
    let problem = use_state(|| None::<String>);
    // Another measure shows its own kind's level; what was typed for the other kind stays there.
    let on_measure = {
        let (measure, typed, levels, problem) = (
            measure.clone(),
            typed.clone(),
            levels.clone(),
            problem.clone(),
        );
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(chosen) = Measure::from_key(&select.value()) {
                measure.set(Some(chosen));
                typed.set(typed_level(&levels, chosen));
                problem.set(None);
            }
        })
    };
    let choose_lever = {
        let lever = lever.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(param) = Param::from_key(&select.value()) {
                lever.set(param);
            }
        })
    };
    let (low, high) = Levels::range(measure_now, targets);
    let on_type = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            typed.set(input.value());
        })
    };
    let set_level = {
        let (levels, problem) = (levels.clone(), problem.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = *levels;
            match next.set(measure_now, &input.value(), targets) {
                Ok(()) => {
                    levels.set(next);
                    problem.set(None);
                }
                Err(error) => problem.set(Some(level_refused(
                    error,
                    measure_now,
                    levels.shown(measure_now),
                    lang,
                ))),
            }
        })
    };
    let required = levels.required(measure_now);
    let seek = {
        let (start, param) = (props.analysis.start.clone(), *lever);
        Callback::from(move |_: MouseEvent| {
            start.emit(JobKind::GoalSeek(Goal {
                measure: measure_now,
                required,
                param,
            }))
        })
    };
    let cheapest = props
        .analysis
        .start
        .reform(move |_: MouseEvent| JobKind::Cheapest {
            measure: measure_now,
            required,
        });
    let lever_options = LEVERS
        .iter()
        .map(|&param| {
            let spec = param.spec();
            html! { <option value={spec.key} selected={param == *lever}>{ crate::text::param_label(spec, lang) }</option> }
        })
        .collect::<Html>();
    let view = props
        .view
        .as_ref()
        .filter(|v| matches!(v.job.kind, JobKind::GoalSeek(_) | JobKind::Cheapest { .. }));
    let body = match view {
        Some(view) if view.job.is_done() => {
            let results = view.job.seek_results();
            let lines = results
                .iter()
                .map(|r| result_line(r, lang, &props.on_apply))
                .collect::<Html>();
            let kind = if matches!(view.job.kind, JobKind::Cheapest { .. }) {
                "cheapest"
            } else {
                "seek"
            };
            html! {
                <div class="seek-results" data-seek-kind={kind}
                    data-analysis-ms={view.elapsed_ms.map(|ms| format!("{ms:.0}"))}>{ lines }</div>
            }
        }
        Some(view) => {
            let (done, total) = view.job.progress();
            progress(done, total, lang)
        }
        None => html! {},
    };
    html! {
        <div class="goal-seek">
            <h3>{ Label::WhatDoesItTake.text(lang) }</h3>
            <div class="analysis-controls">
                <label>{ Label::TargetPrefix.text(lang) }
                    <select onchange={on_measure} data-seek-measure="">{ measure_options(measure_now, &props.own, lang) }</select>
                </label>
                <label>{ level_field(measure_now, lang) }
                    <input type="number" min={low.to_string()} max={high.to_string()} step="1" value={(*typed).clone()}
                        oninput={on_type} onchange={set_level} data-seek-level="" />
                </label>
                <label>{ Label::LeverPrefix.text(lang) }
                    <select onchange={choose_lever} data-seek-lever-choice="">{ lever_options }</select>
                </label>
                <button class="small-button" onclick={seek} disabled={!props.ready} data-run-seek="">{ Label::Find.text(lang) }</button>
                <button class="small-button" onclick={cheapest} disabled={!props.ready} data-run-cheapest="">
                    { Label::EachLeverAlone.text(lang) }
                </button>
            </div>
            <div class="field-problems">
                if let Some(problem) = &*problem {
                    <p class="field-problem" role="alert">{ problem }</p>
                }
            </div>
            <p class="analysis-note">{ asked(measure_now, required, lang) }</p>
            <div class="seek-body">{ body }</div>
        </div>
    }
}
