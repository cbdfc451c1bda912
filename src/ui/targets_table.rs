//! The targets table, grouped by the plan's chapters: for each target the chance it is met,
//! ± its Monte Carlo standard error, a verdict in words, and the target as the plan words it.
//! Rows carry machine-readable `data-*` attributes.

use super::{text, ProvenanceBadge};
use crate::engine::{Summary, TargetResult};
use crate::format;
use crate::i18n::Lang;
use crate::plan::{Chapter, Provenance, TargetId};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsTableProps {
    pub summary: Rc<Summary>,
    pub lang: Lang,
    #[prop_or(TargetId::Gdp)]
    pub selected: TargetId,
    #[prop_or_default]
    pub on_select: Callback<TargetId>,
    #[prop_or_default]
    pub on_show_sentence: Callback<TargetId>,
}

fn row(result: &TargetResult, props: &TargetsTableProps) -> Html {
    let lang = props.lang;
    let id = result.id;
    let band = text::likelihood_band(result.probability);
    let selected = props.selected == id;
    let select = props.on_select.reform(move |_: MouseEvent| id);
    let show_sentence = props.on_show_sentence.reform(move |_: MouseEvent| id);
    html! {
        <tr data-target={id.key()}
            data-probability={format::four_decimals(result.probability)}
            data-stderr={format::four_decimals(result.std_error)}
            class={classes!(selected.then_some("selected"))}>
            <th scope="row">
                <span class="target-wording" lang="zh-CN">{ id.wording_zh() }</span>
                if lang == Lang::En {
                    <span class="target-translation">{ id.wording_en() }</span>
                }
                <span class="target-controls">
                    <ProvenanceBadge provenance={Provenance::Plan { line: id.plan_line() }} lang={lang} />
                    <button class="link-button" onclick={show_sentence} data-show-sentence={id.key()}>
                        { lang.pick("原文", "plan text") }
                    </button>
                    <button class="link-button" onclick={select} aria-pressed={selected.to_string()}
                        data-select-target={id.key()}>
                        { lang.pick("分布", "distribution") }
                    </button>
                </span>
            </th>
            <td class="rule">{ lang.pick(id.rule_zh(), id.rule_en()) }</td>
            <td class="probability">
                <strong>{ format::percent(result.probability) }</strong>
                <span class="stderr">{ format!(" ± {}", format::percent(result.std_error)) }</span>
            </td>
            <td class={classes!("band", format!("band-{}", band.key()))}>
                <span aria-hidden="true" class="band-mark">{ band.mark() }</span>
                { band.label(lang) }
            </td>
        </tr>
    }
}

#[function_component(TargetsTable)]
pub fn targets_table(props: &TargetsTableProps) -> Html {
    let lang = props.lang;
    let groups = Chapter::ALL
        .iter()
        .map(|&chapter| {
            let rows = props
                .summary
                .targets
                .iter()
                .filter(|result| result.id.chapter() == chapter)
                .map(|result| row(result, props))
                .collect::<Html>();
            html! {
                <tbody data-chapter={format!("{chapter:?}")}>
                    <tr class="chapter"><th colspan="4" scope="rowgroup">
                        { lang.pick(chapter.title_zh(), chapter.title_en()) }
                    </th></tr>
                    { rows }
                </tbody>
            }
        })
        .collect::<Html>();
    let caption = text::targets_caption(lang, props.summary.paths);
    html! {
        <table class="targets">
            <caption>{ caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ lang.pick("规划目标(原文)", "Target (the plan's words)") }</th>
                    <th scope="col">{ lang.pick("判定方法", "How it is judged") }</th>
                    <th scope="col">{ lang.pick("实现概率 ± 标准误", "Chance met ± std. error") }</th>
                    <th scope="col">{ lang.pick("判断", "Verdict") }</th>
                </tr>
            </thead>
            { groups }
        </table>
    }
}
