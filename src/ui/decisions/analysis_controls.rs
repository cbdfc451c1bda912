//! The small controls both analysis panels share: the chooser of a measure and the progress of
//! the job in hand.

use crate::analysis::Measure;
use crate::i18n::Lang;
use crate::text::decisions;
use crate::text::outlook::measure_label;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A `<select>` of every measure (one's own targets by their names), `chosen` selected.
pub fn measure_options(chosen: Measure, own: &[String], lang: Lang) -> Html {
    Measure::all_with_own(own.len())
        .into_iter()
        .map(|measure| {
            let label = match measure {
                Measure::Own(k) => own[usize::from(k)].clone(),
                _ => measure_label(measure, lang),
            };
            html! {
                <option value={measure.key()} selected={measure == chosen}>{ label }</option>
            }
        })
        .collect()
}

/// Sets `measure` to the one chosen in a `<select>` of [`measure_options`].
pub fn choose_measure(measure: &UseStateHandle<Option<Measure>>) -> Callback<Event> {
    let measure = measure.clone();
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        measure.set(Measure::from_key(&select.value()));
    })
}

/// Progress of the job in hand, in words and as a bar.
pub fn progress(done: u32, total: u32, lang: Lang) -> Html {
    html! {
        <p class="analysis-progress" role="status">
            <progress max={total.to_string()} value={done.to_string()} data-analysis-progress=""></progress>
            { decisions::progress(done, total, lang) }
        </p>
    }
}
