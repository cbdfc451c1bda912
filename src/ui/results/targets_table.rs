//! The targets table, grouped by the plan's chapters: for each target the chance it is met,
//! ± its Monte Carlo standard error, a verdict in words, and the target as the plan words it.
//! Rows carry machine-readable `data-*` attributes.

use crate::engine::compare::Moved;
use crate::engine::compare::TargetDifference;
use crate::engine::observed::target_years_observed;
use crate::engine::{Summary, TargetResult};
use crate::format;
use crate::i18n::Lang;
use crate::plan::TARGET_STEP;
use crate::plan::{Chapter, Provenance, TargetId};
use crate::scenario::targets::Wordings;
use crate::scenario::Scenario;
use crate::text;
use crate::text::chance::{interval_note, needs_interval, probability_with_uncertainty};
use crate::text::compare::{change_heading, change_words, delta_text};
use crate::text::labels::Label;
use crate::text::notes::worked_back_note;
use crate::text::results;
use crate::text::rules::rule_text;
use crate::ui::controls::ProvenanceBadge;
use crate::ui::results::own_target_rows::OwnTargetRows;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsTableProps {
    pub summary: Rc<Summary>,
    /// The scenario the summary was run from (its readings of the targets are in the rules).
    #[prop_or_default]
    pub scenario: Scenario,
    pub lang: Lang,
    #[prop_or(TargetId::Gdp)]
    pub selected: TargetId,
    #[prop_or_default]
    pub on_select: Callback<TargetId>,
    #[prop_or_default]
    pub on_show_sentence: Callback<TargetId>,
    /// Each target's change from the baseline (A, or the plan's scenario).
    #[prop_or_default]
    pub differences: Option<Rc<Vec<TargetDifference>>>,
    /// Whether the baseline is a pinned A (else the plan's scenario).
    #[prop_or_default]
    pub pinned: bool,
    /// Targets whose 2020 base was worked back from the target (said in their row).
    #[prop_or_default]
    pub worked_back: Vec<TargetId>,
    /// The wording of the targets of one's own.
    #[prop_or_default]
    pub wordings: Wordings,
    /// How each target of one's own changed from the baseline.
    #[prop_or_default]
    pub own_differences: Option<Rc<Vec<Option<Moved>>>>,
    /// The target of one's own whose distribution is shown.
    #[prop_or_default]
    pub selected_own: Option<String>,
    #[prop_or_default]
    pub on_select_own: Callback<String>,
}

/// The change column: Δ ± its standard error, and in words whether it is more than noise.
fn change_cell(difference: Option<&TargetDifference>, lang: Lang) -> Html {
    let Some(difference) = difference else {
        return html! { <td class="change">{ "…" }</td> };
    };
    let change = difference.change();
    let (mark, words) = change_words(change, lang);
    html! {
        <td class={classes!("change", format!("change-{change:?}").to_lowercase())}>
            <span class="delta">{ delta_text(difference, lang) }</span>
            <span class="change-words"><span aria-hidden="true">{ mark }</span>{ " " }{ words }</span>
        </td>
    }
}

fn row(result: &TargetResult, props: &TargetsTableProps) -> Html {
    let lang = props.lang;
    let id = result.id;
    let band = text::likelihood_band(result.probability);
    let selected = props.selected == id;
    let difference = props
        .differences
        .as_ref()
        .and_then(|all| all.iter().find(|d| d.id == id));
    let pinned = props.pinned;
    let select = props.on_select.reform(move |_: MouseEvent| id);
    let show_sentence = props.on_show_sentence.reform(move |_: MouseEvent| id);
    let observed = target_years_observed(&props.scenario, id);
    html! {
        <tr data-target={id.key()}
            data-probability={format::four_decimals(result.probability)}
            data-stderr={format::four_decimals(result.std_error)}
            data-probability-a={difference.map(|d| format::four_decimals(d.probability_a))}
            data-probability-b={difference.map(|d| format::four_decimals(d.probability_b))}
            data-delta={difference.map(|d| format::four_decimals(d.delta))}
            data-delta-stderr={difference.map(|d| format::four_decimals(d.std_error))}
            data-change={difference.map(|d| format!("{:?}", d.change()).to_lowercase())}
            class={classes!(selected.then_some("selected"))}>
            <th scope="row">
                // The reader's language first; in English the plan's Chinese sentence is one click
                // away ("plan text (Chinese)": the side panel with the original).
                if lang == Lang::En {
                    <span class="target-wording">{ id.wording_en() }</span>
                } else {
                    <span class="target-wording" lang="zh-CN">{ id.wording_zh() }</span>
                }
                <span class="target-controls">
                    <ProvenanceBadge provenance={Provenance::Plan { line: id.plan_line() }} lang={lang} />
                    <button class="link-button" onclick={show_sentence} data-show-sentence={id.key()}
                        aria-label={results::plan_text_name(id, lang)}>{ Label::PlanText.text(lang) }</button>
                    <button class="link-button" onclick={select} aria-pressed={selected.to_string()}
                        data-select-target={id.key()}
                        aria-label={results::distribution_name(id, lang)}>{ Label::Distribution.text(lang) }</button>
                </span>
            </th>
            <td class="rule">
                { rule_text(result, &props.scenario, lang) }
                if props.worked_back.contains(&id) {
                    <span class="worked-back" data-worked-back="">{ worked_back_note(lang) }</span>
                }
                if observed > 0 {
                    <span class="years-observed" data-years-observed={observed.to_string()}>
                        { crate::text::observed::years_observed(observed, TARGET_STEP, lang) }
                    </span>
                }
            </td>
            <td class="probability">
                if let (true, Some(d)) = (pinned, difference) {
                    <span class="probability-a">{ results::a_to_b(d.probability_a) }</span>
                }
                if needs_interval(result, props.summary.paths) {
                    <strong data-interval="wilson">{ probability_with_uncertainty(result, props.summary.paths, lang) }</strong>
                } else {
                    <strong>{ format::percent(result.probability) }</strong>
                    <span class="stderr">{ results::plus_minus(result.std_error) }</span>
                }
            </td>
            if props.differences.is_some() || pinned {
                { change_cell(difference, lang) }
            }
            <td class={classes!("band", format!("band-{}", band.key()))}>
                <span aria-hidden="true" class="band-mark">{ band.mark() }</span>
                { band.label(lang) }
            </td>
        </tr>
    }
}

#[function_component(TargetsTable)]
pub fn targets_table(props: &TargetsTableProps) -> Html {
    let lang = props.lang;
    let compared = props.differences.is_some() || props.pinned;
    let columns = if compared { 5 } else { 4 };
    let groups = Chapter::ALL
        .iter()
        .map(|&chapter| {
            let rows = props
                .summary
                .targets
                .iter()
                .filter(|result| result.id.chapter() == chapter)
                .map(|result| row(result, props))
                .collect::<Html>();
            html! {
                <tbody data-chapter={format!("{chapter:?}")}>
                    <tr class="chapter"><th colspan={columns.to_string()} scope="rowgroup">
                        { results::chapter_title(chapter, lang) }
                    </th></tr>
                    { rows }
                </tbody>
            }
        })
        .collect::<Html>();
    let caption = text::targets_caption(lang, props.summary.paths);
    html! {
        <table class="targets">
            <caption>{ caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ Label::TargetColumn.text(lang) }</th>
                    <th scope="col">{ Label::RuleColumn.text(lang) }</th>
                    <th scope="col" title={crate::text::chance::margin_tip(lang)}>{ Label::ChanceColumn.text(lang) }</th>
                    if compared {
                        <th scope="col">{ change_heading(props.pinned, lang) }</th>
                    }
                    <th scope="col">{ Label::VerdictColumn.text(lang) }</th>
                </tr>
            </thead>
            { groups }
            <OwnTargetRows summary={props.summary.clone()} scenario={props.scenario.clone()}
                wordings={props.wordings.clone()} differences={props.own_differences.clone()}
                compared={compared} columns={columns} selected={props.selected_own.clone()}
                lang={lang} on_select={props.on_select_own.clone()} />
            <tfoot><tr><td colspan={columns.to_string()} class="interval-note">{ interval_note(lang) }</td></tr></tfoot>
        </table>
    }
}
