//! The plan's base-year numbers the model starts from, each with its provenance (the numbers
//! come from `plan::base_facts`, computed from the plan's constants).

use crate::format;
use crate::i18n::Lang;
use crate::plan::base_facts;
use crate::ui::controls::ProvenanceBadge;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BaseValuesProps {
    pub lang: Lang,
}

#[function_component(BaseValues)]
pub fn base_values(props: &BaseValuesProps) -> Html {
    let lang = props.lang;
    let items = base_facts()
        .into_iter()
        .map(|fact| {
            let unit = lang.pick(fact.unit_zh, fact.unit_en);
            let value = format::grouped(fact.value, fact.decimals);
            let value = if unit.is_empty() {
                value
            } else {
                format!("{value} {unit}")
            };
            html! {
                <li>
                    <span class="fact-label">{ lang.pick(fact.label_zh, fact.label_en) }</span>
                    <span class="fact-value">{ value }</span>
                    <ProvenanceBadge provenance={fact.provenance} lang={lang} />
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <details class="base-values">
            <summary>{ lang.pick("规划基数", "The plan's base values") }</summary>
            <ul>{ items }</ul>
        </details>
    }
}
