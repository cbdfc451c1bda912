//! The plan / derived / assumption badge that every number on screen carries.

use crate::i18n::Lang;
use crate::plan::Provenance;
use crate::text::describe;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProvenanceProps {
    pub provenance: Provenance,
    pub lang: Lang,
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
