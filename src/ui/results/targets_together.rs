//! Targets met together: the distribution of the number of targets met (bars 0 … 10), the
//! chance that all are met and the expected number met, each with its standard error.

use crate::engine::joint::JointAttainment;
use crate::format;
use crate::i18n::Lang;
use crate::text::labels::Label;
use crate::text::results;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsTogetherProps {
    pub joint: Rc<JointAttainment>,
    pub lang: Lang,
}

#[function_component(TargetsTogether)]
pub fn targets_together(props: &TargetsTogetherProps) -> Html {
    let lang = props.lang;
    let joint = &props.joint;
    let shares = joint.distribution();
    let tallest = shares.iter().copied().fold(0.0, f64::max).max(1e-9);
    let bars = shares
        .iter()
        .enumerate()
        .map(|(k, &share)| {
            let height = format!("height: {:.1}%", 100.0 * share / tallest);
            let label = results::together_bar(joint, k, lang);
            html! {
                <li class="together-bar" data-met-count={k.to_string()} data-share={format::four_decimals(share)}
                    title={label.clone()} aria-label={label}>
                    <span class="bar" style={height}></span>
                    <span class="bar-k" aria-hidden="true">{ k }</span>
                </li>
            }
        })
        .collect::<Html>();
    let all_text = results::all_met(joint, lang);
    html! {
        <section class="together" aria-label={Label::TogetherRegion.text(lang)}>
            <h3>{ Label::TogetherTitle.text(lang) }</h3>
            <div class="together-body">
                <ol class="together-bars" aria-label={Label::TogetherBars.text(lang)}>
                    { bars }
                </ol>
                <dl class="together-numbers">
                    <dt>{ Label::AllTenMet.text(lang) }</dt>
                    <dd data-together="all">{ all_text }</dd>
                    <dt>{ Label::ExpectedMet.text(lang) }</dt>
                    <dd data-together="expected">{ results::expected_met(joint) }</dd>
                </dl>
            </div>
            <p class="together-note">{ Label::TogetherNote.text(lang) }</p>
        </section>
    }
}
