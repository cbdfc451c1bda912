//! The side panel with a target's sentence in the plan, and its line.

use crate::i18n::Lang;
use crate::plan::TargetId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SentencePanelProps {
    pub target: TargetId,
    pub lang: Lang,
    pub on_close: Callback<()>,
}

#[function_component(SentencePanel)]
pub fn sentence_panel(props: &SentencePanelProps) -> Html {
    let lang = props.lang;
    let id = props.target;
    let close = props.on_close.reform(|_: MouseEvent| ());
    let source = match lang {
        Lang::Zh => format!(
            "《台江区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》第 {} 行",
            id.plan_line()
        ),
        Lang::En => format!(
            "Taijiang 14th Five-Year Plan and 2035 Vision, line {}",
            id.plan_line()
        ),
    };
    html! {
        <aside class="sentence-panel" role="dialog" aria-label={lang.pick("规划原文", "The plan's text")}
            data-sentence={id.key()}>
            <h3>{ lang.pick("规划原文", "The plan's text") }</h3>
            <blockquote lang="zh-CN">{ id.sentence() }</blockquote>
            <p class="source">{ source }</p>
            if lang == Lang::En {
                <p class="translation">{ id.wording_en() }</p>
            }
            <p class="rule">{ lang.pick(id.rule_zh(), id.rule_en()) }</p>
            <button class="notice-dismiss" onclick={close}>{ lang.pick("关闭", "Close") }</button>
        </aside>
    }
}
