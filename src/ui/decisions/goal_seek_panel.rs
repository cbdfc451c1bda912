//! "What does it take?": a measure, a level and a lever; the lever's value nearest the current
//! one that reaches the level, with the chance reached ± its error, or "not reachable within
//! the lever's range"; and the cheapest path, every lever alone side by side.

use crate::analysis::goal_seek::{Goal, Monotone, Outcome, SeekResult, LEVERS};
use crate::analysis::jobs::JobKind;
use crate::analysis::Measure;
use crate::format;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::pool::AnalysisView;
use crate::scenario::Param;
use crate::text::outlook::measure_label;
use crate::text::param_value;
use crate::ui::decisions::analysis_controls::{choose_measure, measure_options, progress};
use crate::ui::decisions::use_analysis::Analysis;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalSeekPanelProps {
    pub analysis: Analysis,
    /// The job in hand or just ended (the panel above watches it).
    pub view: Option<AnalysisView>,
    pub selected: TargetId,
    pub lang: Lang,
    pub ready: bool,
    pub on_apply: Callback<(Param, f64)>,
}

/// A level of `measure` in words: a chance in %, or a number of targets.
fn level_text(measure: Measure, level: f64, lang: Lang) -> String {
    if measure.is_count() {
        format!(
            "{}{}",
            format::grouped(level, 2),
            lang.pick(" 项", " targets")
        )
    } else {
        format::percent(level)
    }
}

/// One search's result in words, with its apply button.
fn result_line(result: &SeekResult, lang: Lang, on_apply: &Callback<(Param, f64)>) -> Html {
    let spec = result.goal.param.spec();
    let label = lang.pick(spec.label_zh, spec.label_en);
    let measure = result.goal.measure;
    let (outcome, value, words) = match &result.outcome {
        Outcome::AlreadyMet { value, reached } => (
            "already_met",
            Some(*value),
            match lang {
                Lang::Zh => format!("当前设置已达到:{}。", level_text(measure, *reached, lang)),
                Lang::En => format!(
                    "Already reached as it is: {}.",
                    level_text(measure, *reached, lang)
                ),
            },
        ),
        Outcome::Found {
            value,
            change,
            short,
        } => (
            "found",
            Some(*value),
            match lang {
                Lang::Zh => format!(
                    "“{label}”调到 {}:{} ± {}(调到 {} 时为 {},未达到)。",
                    param_value(spec, *value, lang),
                    level_text(measure, change.value, lang),
                    level_text(measure, change.std_error, lang),
                    param_value(spec, short.0, lang),
                    level_text(measure, short.1, lang)
                ),
                Lang::En => format!(
                    "“{label}” at {}: {} ± {} (at {}: {}, short of it).",
                    param_value(spec, *value, lang),
                    level_text(measure, change.value, lang),
                    level_text(measure, change.std_error, lang),
                    param_value(spec, short.0, lang),
                    level_text(measure, short.1, lang)
                ),
            },
        ),
        Outcome::NotReachable { best_value, best } => (
            "not_reachable",
            None,
            match lang {
                Lang::Zh => format!(
                    "在“{label}”的范围内无法达到:最好是调到 {} 时的 {}。",
                    param_value(spec, *best_value, lang),
                    level_text(measure, *best, lang)
                ),
                Lang::En => format!(
                    "Not reachable within the range of “{label}”: the best is {} at {}.",
                    level_text(measure, *best, lang),
                    param_value(spec, *best_value, lang)
                ),
            },
        ),
    };
    let caveat = (result.monotone == Monotone::NotGuaranteed && outcome == "found").then(|| {
        lang.pick(
            "(模型不保证单调:这是一个能达到的值,未必是最近的。)",
            " (The model does not guarantee monotonicity here: this value reaches it, but a nearer one might too.)",
        )
    });
    let param = result.goal.param;
    html! {
        <p class="seek-result" data-seek-outcome={outcome} data-seek-lever={spec.key}
            data-seek-value={value.map(|v| v.to_string())}>
            { words }{ caveat.unwrap_or_default() }
            if let (Some(value), true) = (value, outcome == "found") {
                <button class="link-button" onclick={on_apply.reform(move |_: MouseEvent| (param, value))}
                    data-seek-apply={spec.key}>{ lang.pick("应用", "Apply") }</button>
            }
        </p>
    }
}

#[function_component(GoalSeekPanel)]
pub fn goal_seek_panel(props: &GoalSeekPanelProps) -> Html {
    let lang = props.lang;
    let measure = use_state(|| None::<Measure>);
    let measure_now = measure.unwrap_or(Measure::Target(props.selected));
    let level = use_state(|| 80.0_f64);
    // What is typed, kept as typed: the panel redraws while an analysis runs, and a controlled
    // field would lose a half-typed number to each redraw.
    let typed = use_state(|| "80".to_owned());
    let lever = use_state(|| Param::Gdp);
    let problem = use_state(|| None::<String>);
    let on_measure = choose_measure(&measure);
    let choose_lever = {
        let lever = lever.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(param) = Param::from_key(&select.value()) {
                lever.set(param);
            }
        })
    };
    // The level as typed: a percentage for a chance, a number of targets for the count.
    let (low, high) = if measure_now.is_count() {
        (0.0, 10.0)
    } else {
        (0.0, 100.0)
    };
    let on_type = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            typed.set(input.value());
        })
    };
    let set_level = {
        let (level, problem) = (level.clone(), problem.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            match input.value().trim().parse::<f64>() {
                Ok(value) if value.is_finite() && (low..=high).contains(&value) => {
                    level.set(value);
                    problem.set(None);
                }
                _ => problem.set(Some(match lang {
                    Lang::Zh => format!("请输入 {low} 到 {high} 之间的数;仍用 {}。", *level),
                    Lang::En => format!("Type a number from {low} to {high}; {} is kept.", *level),
                })),
            }
        })
    };
    let required = if measure_now.is_count() {
        *level
    } else {
        *level / 100.0
    };
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
            html! { <option value={spec.key} selected={param == *lever}>{ lang.pick(spec.label_zh, spec.label_en) }</option> }
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
            <h3>{ lang.pick("需要多大力度?", "What does it take?") }</h3>
            <div class="analysis-controls">
                <label>{ lang.pick("目标:", "Target: ") }
                    <select onchange={on_measure} data-seek-measure="">{ measure_options(measure_now, lang) }</select>
                </label>
                <label>{ if measure_now.is_count() { lang.pick("至少(项)", "at least (targets)") } else { lang.pick("概率至少(%)", "chance at least (%)") } }
                    <input type="number" min={low.to_string()} max={high.to_string()} step="1" value={(*typed).clone()}
                        oninput={on_type} onchange={set_level} data-seek-level="" />
                </label>
                <label>{ lang.pick("调控因素:", "Lever: ") }
                    <select onchange={choose_lever} data-seek-lever-choice="">{ lever_options }</select>
                </label>
                <button class="small-button" onclick={seek} disabled={!props.ready} data-run-seek="">{ lang.pick("求解", "Find") }</button>
                <button class="small-button" onclick={cheapest} disabled={!props.ready} data-run-cheapest="">
                    { lang.pick("每个因素各需多少", "Each lever alone") }
                </button>
            </div>
            <div class="field-problems">
                if let Some(problem) = &*problem {
                    <p class="field-problem" role="alert">{ problem }</p>
                }
            </div>
            <p class="analysis-note">{ format!("{}{} ≥ {}", lang.pick("要求:", "Asked: "), measure_label(measure_now, lang), level_text(measure_now, required, lang)) }</p>
            <div class="seek-body">{ body }</div>
        </div>
    }
}
