//! The ten probabilities in one compact strip: on a phone it stays in sight while the controls
//! are open over the results.

use crate::engine::Summary;
use crate::i18n::Lang;
use crate::text::chance::strip_percent;
use crate::text::labels::Label;
use crate::text::{likelihood_band, short_label};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProbabilityStripProps {
    pub summary: Rc<Summary>,
    pub lang: Lang,
    pub stale: bool,
}

#[function_component(ProbabilityStrip)]
pub fn probability_strip(props: &ProbabilityStripProps) -> Html {
    let lang = props.lang;
    let chips = props
        .summary
        .targets
        .iter()
        .map(|result| {
            let band = likelihood_band(result.probability);
            html! {
                <li class={classes!("chip", format!("band-{}", band.key()))} data-strip-target={result.id.key()}
                    title={crate::text::target_name(result.id, lang)}>
                    <span class="chip-label">{ short_label(result.id, lang) }</span>
                    <span class="chip-value"><span aria-hidden="true">{ band.mark() }</span>
                        { strip_percent(result.probability) }</span>
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <ul class={classes!("strip", props.stale.then_some("stale"))}
            aria-label={Label::StripLabel.text(lang)}>
            { chips }
        </ul>
    }
}
