//! The plan's base-year numbers the model starts from, each with its provenance (the numbers
//! come from `plan::base_facts`, computed from the plan's constants).

use crate::i18n::Lang;
use crate::plan::base_facts;
use crate::text::controls;
use crate::text::labels::Label;
use crate::ui::controls::ProvenanceBadge;
use crate::ui::page::folded::use_unfolded;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BaseValuesProps {
    pub lang: Lang,
}

#[function_component(BaseValues)]
pub fn base_values(props: &BaseValuesProps) -> Html {
    let lang = props.lang;
    let (unfolded, on_toggle) = use_unfolded(false);
    let items = base_facts()
        .into_iter()
        .map(|fact| {
            html! {
                <li>
                    <span class="fact-label">{ controls::fact_label(&fact, lang) }</span>
                    <span class="fact-value">{ controls::fact_value(&fact, lang) }</span>
                    <ProvenanceBadge provenance={fact.provenance} lang={lang} />
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <details class="base-values" ontoggle={on_toggle}>
            <summary>{ Label::BaseValues.text(lang) }</summary>
            if unfolded {
                <ul>{ items }</ul>
            }
        </details>
    }
}
