//! Messages about input that could not be used, with what was used instead.

use crate::i18n::Lang;
use crate::state::Notice;
use crate::text::labels::Label;
use crate::text::notices::notice_lines;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub lang: Lang,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    // A link without its checksum is not a problem: one quiet line, not an alert.
    let (quiet, problems): (Vec<&Notice>, Vec<&Notice>) = props
        .notices
        .iter()
        .partition(|notice| matches!(notice, Notice::Unchecked));
    let lines = problems
        .iter()
        .flat_map(|notice| notice_lines(notice, lang))
        .map(|line| html! { <li>{ line }</li> })
        .collect::<Html>();
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <>
            if !problems.is_empty() {
                <div class="notice" role="alert" data-notice="">
                    <p>{ Label::AboutInput.text(lang) }</p>
                    <ul>{ lines }</ul>
                    <button class="notice-dismiss" onclick={dismiss}>{ Label::Dismiss.text(lang) }</button>
                </div>
            }
            { for quiet.iter().flat_map(|notice| notice_lines(notice, lang)).map(|line| html! {
                <p class="notice-quiet" role="status" data-notice="unchecked">{ line }</p>
            }) }
        </>
    }
}
