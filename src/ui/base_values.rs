//! The plan's base-year numbers the model starts from, each with its provenance.

use super::ProvenanceBadge;
use crate::i18n::Lang;
use crate::plan::{self, Provenance};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BaseValuesProps {
    pub lang: Lang,
}

#[function_component(BaseValues)]
pub fn base_values(props: &BaseValuesProps) -> Html {
    let lang = props.lang;
    let facts: [(&str, &str, String, Provenance); 8] = [
        (
            "2015 年 GDP",
            "GDP 2015",
            lang.pick("370 亿元", "37.0 bn yuan").into(),
            Provenance::Plan { line: 25 },
        ),
        (
            "2020 年 GDP",
            "GDP 2020",
            lang.pick("600 亿元", "60.0 bn yuan").into(),
            Provenance::Plan { line: 25 },
        ),
        (
            "2020 年人均 GDP",
            "GDP per capita 2020",
            lang.pick("12.5 万元", "125,000 yuan").into(),
            Provenance::Plan { line: 25 },
        ),
        (
            "2020 年常住人口",
            "Population 2020",
            lang.pick("48.0 万人", "480,000").into(),
            Provenance::Derived {
                formula: "600 / 12.5",
            },
        ),
        (
            "人口年增长",
            "Population growth",
            format!("{} %", plan::POPULATION_GROWTH),
            Provenance::Derived {
                formula: "(48.0 / 46.78)^(1/5) − 1; 46.78 = 370 / 7.91",
            },
        ),
        (
            "2016–2020 收入增长",
            "Income growth 2016–2020",
            "42.8 %".into(),
            Provenance::Plan { line: 41 },
        ),
        (
            "“十三五”新认定高企",
            "New high-tech firms 2016–2020",
            lang.pick("189 家", "189").into(),
            Provenance::Plan { line: 29 },
        ),
        (
            "“十三五”新增绿地",
            "New green space 2016–2020",
            lang.pick("36 公顷", "36 ha").into(),
            Provenance::Plan { line: 33 },
        ),
    ];
    let items = facts
        .into_iter()
        .map(|(zh, en, value, provenance)| {
            html! {
                <li>
                    <span class="fact-label">{ lang.pick(zh, en) }</span>
                    <span class="fact-value">{ value }</span>
                    <ProvenanceBadge provenance={provenance} lang={lang} />
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
