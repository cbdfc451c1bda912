//! The ten targets in a compact table that fits small places: an embedded piece (down to
//! 320 × 240), the printed briefing. Short names, the chance ± its standard error and the
//! verdict in words; with a comparison, A, B and Δ ± its paired error. Rows carry the same
//! `data-*` attributes as the full table.

use crate::engine::compare::TargetDifference;
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::text::chance::chance_text;
use crate::text::compare::change_words;
use crate::text::labels::Label;
use crate::text::results;
use crate::text::{likelihood_band, short_label};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompactTargetsProps {
    pub summary: Rc<Summary>,
    pub lang: Lang,
    /// Each target's change from the baseline; shown as A, B and Δ columns when given.
    #[prop_or_default]
    pub differences: Option<Rc<Vec<TargetDifference>>>,
    /// Whether rows carry `data-target` and the numbers (not on the printed sheet, a copy of
    /// what the page's own table carries).
    #[prop_or(true)]
    pub marked: bool,
}

#[function_component(CompactTargets)]
pub fn compact_targets(props: &CompactTargetsProps) -> Html {
    let lang = props.lang;
    let compared = props.differences.as_deref();
    let marked = props.marked;
    let rows = props
        .summary
        .targets
        .iter()
        .map(|result| {
            let id = result.id;
            let band = likelihood_band(result.probability);
            let difference = compared.and_then(|all| all.iter().find(|d| d.id == id));
            let paths = props.summary.paths;
            let chance = chance_text(result.met, paths, result.std_error, lang, true);
            let full = chance_text(result.met, paths, result.std_error, lang, false);
            html! {
                <tr data-target={marked.then_some(id.key())}
                    data-probability={marked.then(|| format::four_decimals(result.probability))}
                    data-stderr={marked.then(|| format::four_decimals(result.std_error))}
                    data-delta={difference.filter(|_| marked).map(|d| format::four_decimals(d.delta))}>
                    <th scope="row" title={results::wording(id, lang)}>{ short_label(id, lang) }</th>
                    if let Some(d) = difference {
                        <td class="num">{ format::percent(d.probability_a) }</td>
                    }
                    // Compared, Δ carries the margin that matters; B's is in its title. The one
                    // rule for a chance: its 95 % range where "± 0.0 %" would claim certainty.
                    <td class="num" title={full.whole()}>
                        { chance.percent.clone() }
                        if difference.is_none() {
                            <span class="stderr">{ chance.uncertainty.clone() }</span>
                        }
                    </td>
                    if let Some(d) = difference {
                        <td class={classes!("num", "change", format!("change-{:?}", d.change()).to_lowercase())}
                            title={change_words(d.change(), lang).1}>
                            <span aria-hidden="true">{ change_words(d.change(), lang).0 }</span>
                            { results::compact_delta(d.delta, d.std_error) }
                        </td>
                    } else {
                        // A word, so that it fits a 320-pixel frame; the thresholds in its title.
                        <td class={classes!("band", format!("band-{}", band.key()))} title={band.label(lang)}>
                            <span aria-hidden="true" class="band-mark">{ band.mark() }</span>
                            { band.short_label(lang) }
                        </td>
                    }
                </tr>
            }
        })
        .collect::<Html>();
    html! {
        <table class="compact-targets">
            <thead>
                // Column widths for a 320-pixel iframe: numbers whole, names shortened.
                <tr>
                    if compared.is_some() {
                        <th scope="col" class="col-name">{ Label::TargetShort.text(lang) }</th>
                        <th scope="col" class="num col-a">{ "A" }</th>
                        <th scope="col" class="num col-b">{ "B" }</th>
                        <th scope="col" class="num col-delta" title={crate::text::chance::margin_tip(lang)}>{ Label::DeltaPointsColumn.text(lang) }</th>
                    } else {
                        <th scope="col" class="col-name">{ Label::TargetShort.text(lang) }</th>
                        <th scope="col" class="num col-chance" title={crate::text::chance::margin_tip(lang)}>{ Label::ChanceShortColumn.text(lang) }</th>
                        <th scope="col" class="col-verdict">{ Label::VerdictColumn.text(lang) }</th>
                    }
                </tr>
            </thead>
            <tbody>{ rows }</tbody>
        </table>
    }
}
