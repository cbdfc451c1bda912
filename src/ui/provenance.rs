//! The plan / derived / assumption badge that every number on screen carries.

use crate::i18n::Lang;
use crate::plan::Provenance;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProvenanceProps {
    pub provenance: Provenance,
    pub lang: Lang,
}

/// The badge's short label and its explanation (shown on hover and focus).
pub fn describe(provenance: Provenance, lang: Lang) -> (&'static str, &'static str, String) {
    match provenance {
        Provenance::Plan { line } => (
            "plan",
            lang.pick("规划", "plan"),
            match lang {
                Lang::Zh => format!("规划原文第 {line} 行"),
                Lang::En => format!("the plan's text, line {line}"),
            },
        ),
        Provenance::Derived { formula } => (
            "derived",
            lang.pick("推算", "derived"),
            format!(
                "{}{formula}",
                lang.pick("由规划数字推算:", "derived from the plan: ")
            ),
        ),
        Provenance::Assumption {
            reason_zh,
            reason_en,
        } => (
            "assumption",
            lang.pick("假设", "assumption"),
            format!(
                "{}{}",
                lang.pick("假设:", "assumption: "),
                lang.pick(reason_zh, reason_en)
            ),
        ),
        Provenance::Neutral => (
            "neutral",
            lang.pick("基准", "baseline"),
            lang.pick(
                "中性设定:不改变基准路径",
                "neutral setting: no change from the baseline",
            )
            .to_owned(),
        ),
    }
}

#[function_component(ProvenanceBadge)]
pub fn provenance_badge(props: &ProvenanceProps) -> Html {
    let (kind, label, explanation) = describe(props.provenance, props.lang);
    html! {
        <span class={classes!("prov", format!("prov-{kind}"))} tabindex="0"
            data-provenance={kind} data-tip={explanation.clone()} title={explanation.clone()}
            aria-label={format!("{label}: {explanation}")}>
            { label }
        </span>
    }
}
