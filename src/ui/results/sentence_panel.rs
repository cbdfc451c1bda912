//! The side panel with a target's sentence in the plan, cited by chapter and section. It comes
//! into view and takes focus when opened (the reader clicked in the table, above it), and Esc
//! closes it.

use crate::engine::TargetResult;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::scenario::Scenario;
use crate::text::labels::Label;
use crate::text::results;
use crate::text::rules::rule_text;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SentencePanelProps {
    pub target: TargetId,
    /// The target's result, for its rule with the numbers in force.
    #[prop_or_default]
    pub result: Option<TargetResult>,
    pub lang: Lang,
    /// The scenario of the result (its readings of the targets are in the rule).
    pub scenario: Scenario,
    pub on_close: Callback<()>,
}

#[function_component(SentencePanel)]
pub fn sentence_panel(props: &SentencePanelProps) -> Html {
    let lang = props.lang;
    let id = props.target;
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(id, move |_| {
            if let Some(element) = panel.cast::<HtmlElement>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                element.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = element.focus();
            }
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    let on_key = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    let source = results::citation(id, lang);
    let rule = match &props.result {
        Some(result) => rule_text(result, &props.scenario, lang),
        None => results::rule_words(id, lang).to_owned(),
    };
    html! {
        <aside class="sentence-panel" role="dialog" aria-label={Label::ThePlansText.text(lang)}
            data-sentence={id.key()} tabindex="-1" ref={panel} onkeydown={on_key}>
            <h3>{ Label::ThePlansText.text(lang) }</h3>
            <blockquote lang="zh-CN">{ id.sentence() }</blockquote>
            <p class="source">{ source }</p>
            if lang == Lang::En {
                <p class="translation">{ id.wording_en() }</p>
            }
            <p class="rule">{ rule }</p>
            <button class="notice-dismiss" onclick={close}>{ Label::CloseEsc.text(lang) }</button>
        </aside>
    }
}
