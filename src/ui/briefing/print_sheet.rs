//! The one-page A4 briefing that printing gives (hidden on screen, `@media print` shows it
//! alone): title and date, the scenario's values (and A's when pinned), the targets, the two
//! charts that matter most for the selected target, the provenance note, and the link as text
//! and as a QR code drawn locally.

use crate::charts::{fan_chart_compared, fan_chart_for, histogram_for, AnyChart};
use crate::engine::compare::TargetDifference;
use crate::engine::Summary;
use crate::export::{chart_svg, link_qr_svg};
use crate::i18n::Lang;
use crate::link::Link;
use crate::plan::TargetId;
use crate::scenario::{ParamKind, Scenario, PARAMS};
use crate::text::briefing::{sheet_run_line, sheet_scenario_line, sheet_title};
use crate::text::caption::provenance_note;
use crate::text::{param_label, param_value};
use crate::ui::briefing::exports::{full_page_url, today};
use crate::ui::results::CompactTargets;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintSheetProps {
    pub link: Link,
    /// The full run on screen (a preview is never printed).
    pub summary: Rc<Summary>,
    pub fingerprint: u64,
    #[prop_or_default]
    pub baseline: Option<Rc<Summary>>,
    #[prop_or_default]
    pub differences: Option<Rc<Vec<TargetDifference>>>,
    /// The outlook in words, as the page shows it.
    #[prop_or_default]
    pub outlook: String,
}

/// The size each printed chart is drawn at (it is scaled to half the sheet's width).
const CHART_SIZE: (u32, u32) = (440, 290);

/// The selected target's fan chart and its distribution, as SVG.
fn charts(
    summary: &Summary,
    baseline: Option<&Summary>,
    target: TargetId,
    lang: Lang,
) -> Vec<String> {
    let series = target.series();
    let fan = match baseline {
        Some(a) => fan_chart_compared(summary, a, series, lang),
        None => fan_chart_for(summary, series, lang),
    };
    let mut drawn = vec![chart_svg(&AnyChart::Fan(fan), &[], CHART_SIZE)];
    if let Some(histogram) = histogram_for(summary, target, lang) {
        drawn.push(chart_svg(&AnyChart::Histogram(histogram), &[], CHART_SIZE));
    }
    drawn
}

/// Every driver, and every assumption that differs from its default, in either scenario.
fn value_rows(current: &Scenario, pinned: Option<&Scenario>, lang: Lang) -> Html {
    let defaults = Scenario::default();
    PARAMS
        .iter()
        .filter(|spec| {
            spec.kind == ParamKind::Driver
                || current.get(spec.param) != defaults.get(spec.param)
                || pinned.is_some_and(|a| a.get(spec.param) != defaults.get(spec.param))
        })
        .map(|spec| {
            html! {
                <tr>
                    <th scope="row">{ param_label(spec, lang) }</th>
                    if let Some(a) = pinned {
                        <td>{ param_value(spec, a.get(spec.param), lang) }</td>
                    }
                    <td>{ param_value(spec, current.get(spec.param), lang) }</td>
                </tr>
            }
        })
        .collect()
}

#[function_component(PrintSheet)]
pub fn print_sheet(props: &PrintSheetProps) -> Html {
    let lang = props.link.lang;
    let target = props.link.target;
    let drawn = use_memo(
        (props.summary.clone(), props.baseline.clone(), target, lang),
        |(summary, baseline, target, lang)| charts(summary, baseline.as_deref(), *target, *lang),
    );
    let url = full_page_url(&props.link);
    let qr = use_memo(url.clone(), |url| link_qr_svg(url, 120));
    let pinned = props.link.pinned.as_ref();
    let run = sheet_run_line(&today(), props.summary.paths, props.fingerprint, lang);
    let pictures = drawn
        .iter()
        .map(|svg| html! { <div class="print-chart">{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div> })
        .collect::<Html>();
    html! {
        <section class="print-sheet" aria-hidden="true" data-print-sheet="">
            <header class="print-head">
                <h1>{ sheet_title(lang) }</h1>
                <p>{ run }</p>
                <p class="print-scenario">{ sheet_scenario_line(&props.link, lang) }</p>
            </header>
            <p class="print-outlook" data-print-outlook="">{ props.outlook.clone() }</p>
            <div class="print-top">
                <table class="print-values">
                    if pinned.is_some() {
                        <thead><tr><th></th><th>{ "A" }</th><th>{ "B" }</th></tr></thead>
                    }
                    <tbody>{ value_rows(&props.link.current.scenario, pinned.map(|a| &a.scenario), lang) }</tbody>
                </table>
                <CompactTargets summary={props.summary.clone()} lang={lang}
                    differences={pinned.and(props.differences.clone())} marked=false />
            </div>
            <div class="print-charts">{ pictures }</div>
            <footer class="print-foot">
                if let Some(qr) = &*qr {
                    <div class="print-qr">{ Html::from_html_unchecked(AttrValue::from(qr.clone())) }</div>
                }
                <div>
                    <p>{ provenance_note(lang, props.summary.paths) }</p>
                    <p class="print-link">{ url }</p>
                </div>
            </footer>
        </section>
    }
}
