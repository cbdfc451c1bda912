//! The group of targets of one's own in the targets table: each with its name and wording, its
//! rule in words, its chance by the one rule for a chance, its change where compared, and its
//! verdict; a row carries `data-own-target` and the numbers, as the plan's rows do theirs.

use crate::engine::compare::Moved;
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::scenario::targets::Wordings;
use crate::scenario::Scenario;
use crate::text::chance::proportion_with_uncertainty;
use crate::text::compare::{change_words, points_with_error};
use crate::text::labels::Label;
use crate::text::{likelihood_band, targets as words};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OwnTargetRowsProps {
    pub summary: Rc<Summary>,
    /// The scenario the summary was run from: its targets of one's own, in order.
    pub scenario: Scenario,
    pub wordings: Wordings,
    /// Each target's change from the baseline, where the baseline has it.
    pub differences: Option<Rc<Vec<Option<Moved>>>>,
    /// Whether the table has a column of changes.
    pub compared: bool,
    pub columns: usize,
    pub selected: Option<String>,
    pub lang: Lang,
    pub on_select: Callback<String>,
}

#[function_component(OwnTargetRows)]
pub fn own_target_rows(props: &OwnTargetRowsProps) -> Html {
    let lang = props.lang;
    let targets = props.scenario.targets();
    if targets.is_empty() {
        return html! {};
    }
    let rows = targets
        .iter()
        .zip(&props.summary.user_targets)
        .enumerate()
        .map(|(k, (target, result))| {
            let name = target.name().to_owned();
            let band = likelihood_band(result.probability);
            let moved = props
                .differences
                .as_ref()
                .and_then(|all| all.get(k).copied().flatten());
            let select = {
                let (on_select, name) = (props.on_select.clone(), name.clone());
                Callback::from(move |_: MouseEvent| on_select.emit(name.clone()))
            };
            let selected = props.selected.as_deref() == Some(target.name());
            html! {
                <tr data-own-target={name.clone()}
                    data-probability={format::four_decimals(result.probability)}
                    data-stderr={format::four_decimals(result.std_error)}
                    data-probability-a={moved.map(|m| format::four_decimals(m.a))}
                    data-delta={moved.map(|m| format::four_decimals(m.delta))}
                    data-delta-stderr={moved.map(|m| format::four_decimals(m.std_error))}
                    class={classes!(selected.then_some("selected"))}>
                    <th scope="row">
                        <span class="target-wording">
                            { props.wordings.get(target.name()).unwrap_or(target.name()).to_owned() }
                        </span>
                        <span class="target-controls">
                            <span class="prov prov-own" title={words::own_tip(target.name(), lang)}>
                                { Label::OwnBadge.text(lang) }</span>
                            <button class="link-button" onclick={select} aria-pressed={selected.to_string()}
                                data-select-own={name.clone()}
                                aria-label={format!("{}{name}", Label::DistributionPrefix.text(lang))}>
                                { Label::Distribution.text(lang) }
                            </button>
                        </span>
                    </th>
                    <td class="rule">{ words::rule_text(target, lang) }</td>
                    <td class="probability">
                        if let Some(m) = moved.filter(|_| props.compared) {
                            <span class="probability-a">{ format!("A {} → B ", format::percent(m.a)) }</span>
                        }
                        <strong>{ proportion_with_uncertainty(result.met, props.summary.paths, result.std_error, lang) }</strong>
                    </td>
                    if props.compared {
                        <td class="change">
                            if let Some(m) = moved {
                                <span class="delta">{ points_with_error(m.delta, m.std_error, lang) }</span>
                                <span class="change-words">
                                    <span aria-hidden="true">{ change_words(m.change(), lang).0 }</span>
                                    { change_words(m.change(), lang).1 }
                                </span>
                            }
                        </td>
                    }
                    <td class={classes!("band", format!("band-{}", band.key()))}>
                        <span aria-hidden="true" class="band-mark">{ band.mark() }</span>
                        { band.label(lang) }
                    </td>
                </tr>
            }
        })
        .collect::<Html>();
    html! {
        <tbody data-chapter="Own">
            <tr class="chapter"><th colspan={props.columns.to_string()} scope="rowgroup">
                { words::group_heading(lang) }
            </th></tr>
            { rows }
        </tbody>
    }
}
