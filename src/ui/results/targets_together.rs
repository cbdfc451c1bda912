//! Targets met together: the distribution of the number of targets met (bars 0 … 10), the
//! chance that all are met and the expected number met, each with its standard error; compared,
//! A's distribution as a line on each bar and both numbers as A → B with Δ and its paired error.

use crate::engine::compare::{JointDifference, Moved};
use crate::engine::joint::JointAttainment;
use crate::format;
use crate::i18n::Lang;
use crate::text::compare::{all_met_moved, expected_moved};
use crate::text::labels::Label;
use crate::text::results;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsTogetherProps {
    pub joint: Rc<JointAttainment>,
    pub lang: Lang,
    /// How the whole changed from A (or the plan's scenario), when compared.
    #[prop_or_default]
    pub difference: Option<JointDifference>,
    /// A's distribution, drawn as a line on each bar (only when A is pinned).
    #[prop_or_default]
    pub baseline: Option<Rc<JointAttainment>>,
    /// The targets of one's own met together, when there are any: a choice beside the plan's.
    #[prop_or_default]
    pub own: Option<Rc<JointAttainment>>,
}

/// How one of the whole's numbers moved from A to B: its words, with the numbers as data.
fn moved_line(what: &'static str, moved: &Moved, words: String) -> Html {
    html! {
        <dd class="together-moved" data-together-moved={what}
            data-a={format::four_decimals(moved.a)} data-b={format::four_decimals(moved.b)}
            data-delta={format::four_decimals(moved.delta)}
            data-delta-stderr={format::four_decimals(moved.std_error)}>
            { words }
        </dd>
    }
}

#[function_component(TargetsTogether)]
pub fn targets_together(props: &TargetsTogetherProps) -> Html {
    let lang = props.lang;
    // The plan's ten, or one's own targets (their comparison is the plan's only).
    let show_own = use_state(|| false);
    let own = props.own.clone().filter(|_| *show_own);
    let joint = own.as_ref().unwrap_or(&props.joint);
    let difference = props.difference.filter(|_| own.is_none());
    let shares = joint.distribution();
    let shares_a = props
        .baseline
        .as_ref()
        .filter(|_| own.is_none())
        .map(|a| a.distribution());
    let tallest = shares
        .iter()
        .chain(shares_a.iter().flatten())
        .copied()
        .fold(0.0, f64::max)
        .max(1e-9);
    let bars = shares
        .iter()
        .enumerate()
        .map(|(k, &share)| {
            let height = format!("height: {:.1}%", 100.0 * share / tallest);
            let share_a = shares_a.as_ref().and_then(|a| a.get(k).copied());
            let label = match share_a {
                Some(a) => results::together_bar_compared(joint, k, a, lang),
                None => results::together_bar(joint, k, lang),
            };
            html! {
                <li class="together-bar" data-met-count={k.to_string()} data-share={format::four_decimals(share)}
                    data-share-a={share_a.map(format::four_decimals)}
                    title={label.clone()} aria-label={label}>
                    <span class="bar-area">
                        <span class="bar" style={height}></span>
                        if let Some(a) = share_a {
                            <span class="bar-a" style={format!("bottom: {:.1}%", 100.0 * a / tallest)}></span>
                        }
                    </span>
                    <span class="bar-k" aria-hidden="true">{ k }</span>
                </li>
            }
        })
        .collect::<Html>();
    let all_text = results::all_met(joint, lang);
    html! {
        <section class="together" aria-label={Label::TogetherRegion.text(lang)}>
            <h3>{ Label::TogetherTitle.text(lang) }</h3>
            if props.own.is_some() {
                <div class="together-choice" role="group" data-together-choice="">
                    <button aria-pressed={(!*show_own).to_string()} data-together-of="plan"
                        onclick={{ let show_own = show_own.clone(); move |_: MouseEvent| show_own.set(false) }}>
                        { Label::JointOfPlan.text(lang) }</button>
                    <button aria-pressed={show_own.to_string()} data-together-of="own"
                        onclick={{ let show_own = show_own.clone(); move |_: MouseEvent| show_own.set(true) }}>
                        { Label::JointOfOwn.text(lang) }</button>
                </div>
            }
            <div class="together-body">
                <ol class="together-bars" aria-label={Label::TogetherBars.text(lang)}>
                    { bars }
                </ol>
                <dl class="together-numbers">
                    <dt>{ if own.is_some() { results::all_own_met(joint.targets(), lang) } else { Label::AllTenMet.text(lang).to_owned() } }</dt>
                    <dd data-together="all">{ all_text }</dd>
                    if let Some(d) = &difference {
                        { moved_line("all", &d.all_met, all_met_moved(&d.all_met, lang)) }
                    }
                    <dt>{ Label::ExpectedMet.text(lang) }</dt>
                    <dd data-together="expected">{ results::expected_met(joint) }</dd>
                    if let Some(d) = &difference {
                        { moved_line("expected", &d.expected_met, expected_moved(&d.expected_met, lang)) }
                    }
                </dl>
            </div>
            <p class="together-note">{ Label::TogetherNote.text(lang) }</p>
        </section>
    }
}
