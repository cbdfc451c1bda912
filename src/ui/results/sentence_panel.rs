//! The side panel with a target's sentence in the plan, cited by chapter and section. It comes
//! into view and takes focus when opened (the reader clicked in the table, above it), and Esc
//! closes it.

use crate::engine::TargetResult;
use crate::i18n::Lang;
use crate::plan::{section_of, TargetId};
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
    let section = section_of(id.plan_line());
    let source = match lang {
        Lang::Zh => format!(
            "《台江区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》{}",
            section.cite_zh()
        ),
        Lang::En => format!(
            "Taijiang 14th Five-Year Plan and 2035 Vision, {} ({})",
            section.cite_en(),
            section.cite_zh()
        ),
    };
    let rule = match &props.result {
        Some(result) => rule_text(result, lang),
        None => lang.pick(id.rule_zh(), id.rule_en()).to_owned(),
    };
    html! {
        <aside class="sentence-panel" role="dialog" aria-label={lang.pick("规划原文", "The plan's text")}
            data-sentence={id.key()} tabindex="-1" ref={panel} onkeydown={on_key}>
            <h3>{ lang.pick("规划原文", "The plan's text") }</h3>
            <blockquote lang="zh-CN">{ id.sentence() }</blockquote>
            <p class="source">{ source }</p>
            if lang == Lang::En {
                <p class="translation">{ id.wording_en() }</p>
            }
            <p class="rule">{ rule }</p>
            <button class="notice-dismiss" onclick={close}>{ lang.pick("关闭(Esc)", "Close (Esc)") }</button>
        </aside>
    }
}
