//! The targets table: for each target, the chance it is met, ± its Monte Carlo standard error,
//! and the target as the plan words it. Rows carry machine-readable `data-*` attributes.

use super::{text, ProvenanceBadge};
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::plan::Provenance;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsTableProps {
    pub summary: Rc<Summary>,
    pub lang: Lang,
}

#[function_component(TargetsTable)]
pub fn targets_table(props: &TargetsTableProps) -> Html {
    let lang = props.lang;
    let rows = props
        .summary
        .targets
        .iter()
        .map(|result| {
            let id = result.id;
            let band = text::likelihood_band(result.probability);
            html! {
                <tr data-target={id.key()}
                    data-probability={format::four_decimals(result.probability)}
                    data-stderr={format::four_decimals(result.std_error)}>
                    <th scope="row">
                        <span class="target-wording" lang="zh-CN">{ id.wording_zh() }</span>
                        if lang == Lang::En {
                            <span class="target-translation">{ id.wording_en() }</span>
                        }
                        <ProvenanceBadge provenance={Provenance::Plan { line: id.plan_line() }} lang={lang} />
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
            <tbody>{ rows }</tbody>
        </table>
    }
}
