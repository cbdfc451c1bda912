//! Targets met together: the distribution of the number of targets met (bars 0 … 10), the
//! chance that all are met and the expected number met, each with its standard error.

use crate::engine::joint::JointAttainment;
use crate::format;
use crate::i18n::Lang;
use crate::text::notes::proportion_with_uncertainty;
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
    let n = f64::from(joint.paths.max(1));
    let bars = shares
        .iter()
        .enumerate()
        .map(|(k, &share)| {
            let height = format!("height: {:.1}%", 100.0 * share / tallest);
            let error = (share * (1.0 - share) / n).sqrt();
            let label = format!(
                "{k}: {}",
                proportion_with_uncertainty(joint.counts[k], joint.paths, error, lang)
            );
            html! {
                <li class="together-bar" data-met-count={k.to_string()} data-share={format::four_decimals(share)}
                    title={label.clone()} aria-label={label}>
                    <span class="bar" style={height}></span>
                    <span class="bar-k" aria-hidden="true">{ k }</span>
                </li>
            }
        })
        .collect::<Html>();
    let (_, all_se) = joint.all_met();
    let all_text = proportion_with_uncertainty(joint.all_met_count(), joint.paths, all_se, lang);
    let (expected, expected_se) = joint.expected_met();
    html! {
        <section class="together" aria-label={lang.pick("目标同时实现", "Targets met together")}>
            <h3>{ lang.pick("同时实现几项?", "How many targets together?") }</h3>
            <div class="together-body">
                <ol class="together-bars" aria-label={lang.pick(
                    "实现目标项数的分布(0 至 10 项,各占路径比例)",
                    "Distribution of the number of targets met (0 to 10, share of paths)")}>
                    { bars }
                </ol>
                <dl class="together-numbers">
                    <dt>{ lang.pick("全部 10 项都实现", "All 10 met") }</dt>
                    <dd data-together="all">{ all_text }</dd>
                    <dt>{ lang.pick("预期实现项数", "Expected number met") }</dt>
                    <dd data-together="expected">{ format!("{} ± {}", format::grouped(expected, 2), format::grouped(expected_se, 2)) }</dd>
                </dl>
            </div>
            <p class="together-note">{ lang.pick(
                "下行年份会同时拖累多项目标,因此“全部实现”的概率低于各项概率相乘的直觉。",
                "A downturn year hits several targets at once, so the targets tend to fail together.") }</p>
        </section>
    }
}
