//! The one-page A4 briefing that printing gives (hidden on screen, `@media print` shows it
//! alone): title and date, the scenario's values (and A's when pinned), the targets, the two
//! charts that matter most for the selected target, the provenance note, and the link as text
//! and as a QR code drawn locally. The charts and the QR code are drawn when printing starts,
//! or a moment after a new run when the page is idle, never on the way to the numbers.

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
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;
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
    /// Built because printing started: the pictures are drawn at once.
    #[prop_or_default]
    pub printing: bool,
}

/// The size each printed chart is drawn at (it is scaled to half the sheet's width).
const CHART_SIZE: (u32, u32) = (440, 290);

/// The selected target's fan chart and its distribution, as SVG.
fn charts(
    summary: &Summary,
    scenario: &Scenario,
    baseline: Option<&Summary>,
    target: TargetId,
    lang: Lang,
) -> Vec<String> {
    let series = target.series();
    let fan = match baseline {
        Some(a) => fan_chart_compared(summary, a, scenario, series, lang),
        None => fan_chart_for(summary, scenario, series, lang),
    };
    let mut drawn = vec![chart_svg(&AnyChart::Fan(Box::new(fan)), &[], CHART_SIZE)];
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

/// What the sheet's pictures are drawn from: a new run, target, language or A draws them anew.
#[derive(Clone, PartialEq)]
struct Drawn {
    summary: Rc<Summary>,
    scenario: Scenario,
    baseline: Option<Rc<Summary>>,
    target: TargetId,
    lang: Lang,
    url: String,
}

/// How long after a new run the sheet draws its pictures when nobody prints: a capture of the
/// page or a print preview opened later finds them there, and the runs the user waits for are
/// not slowed by two SVGs and a QR code each.
const IDLE_DRAW_MS: u32 = 1_500;

/// Draws the charts and the QR code of `drawn` into the sheet, unless they are there already.
fn fill(charts_at: &NodeRef, qr_at: &NodeRef, last: &RefCell<Option<Drawn>>, drawn: &Drawn) {
    if last.borrow().as_ref() == Some(drawn) {
        return;
    }
    let (Some(charts_box), Some(qr_box)) = (charts_at.cast::<Element>(), qr_at.cast::<Element>())
    else {
        return;
    };
    let pictures: String = charts(
        &drawn.summary,
        &drawn.scenario,
        drawn.baseline.as_deref(),
        drawn.target,
        drawn.lang,
    )
    .into_iter()
    .map(|svg| format!("<div class=\"print-chart\">{svg}</div>"))
    .collect();
    charts_box.set_inner_html(&pictures);
    qr_box.set_inner_html(&link_qr_svg(&drawn.url, 120).unwrap_or_default());
    *last.borrow_mut() = Some(drawn.clone());
}

#[function_component(PrintSheet)]
pub fn print_sheet(props: &PrintSheetProps) -> Html {
    let lang = props.link.lang;
    let target = props.link.target;
    let url = full_page_url(&props.link);
    let charts_at = use_node_ref();
    let qr_at = use_node_ref();
    let last = use_mut_ref(|| None::<Drawn>);
    let drawn = Drawn {
        summary: props.summary.clone(),
        scenario: props.link.current.scenario.clone(),
        baseline: props.baseline.clone(),
        target,
        lang,
        url: url.clone(),
    };
    let current = use_mut_ref(|| drawn.clone());
    *current.borrow_mut() = drawn.clone();
    // Printing (or a print preview, or print media emulated) draws them at once, before the
    // browser lays the sheet out.
    {
        let (charts_at, qr_at, last, current) = (
            charts_at.clone(),
            qr_at.clone(),
            last.clone(),
            current.clone(),
        );
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let draw = move || fill(&charts_at, &qr_at, &last, &current.borrow());
            let on_print = {
                let draw = draw.clone();
                EventListener::new(&window, "beforeprint", move |_| draw())
            };
            let on_media = window
                .match_media("print")
                .ok()
                .flatten()
                .map(|query| EventListener::new(&query, "change", move |_| draw()));
            move || drop((on_print, on_media))
        });
    }
    // Built because printing started: its listeners came too late for that start.
    {
        let (charts_at, qr_at, last, current) = (
            charts_at.clone(),
            qr_at.clone(),
            last.clone(),
            current.clone(),
        );
        use_effect_with(props.printing, move |&printing| {
            if printing {
                fill(&charts_at, &qr_at, &last, &current.borrow());
            }
        });
    }
    // Otherwise a moment after each new run, when the page is idle.
    {
        let (charts_at, qr_at, last) = (charts_at.clone(), qr_at.clone(), last.clone());
        use_effect_with(drawn, move |drawn| {
            let drawn = drawn.clone();
            let idle = Timeout::new(IDLE_DRAW_MS, move || {
                fill(&charts_at, &qr_at, &last, &drawn)
            });
            move || drop(idle)
        });
    }
    let pinned = props.link.pinned.as_ref();
    let run = sheet_run_line(&today(), props.summary.paths, props.fingerprint, lang);
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
            <div class="print-charts" ref={charts_at}></div>
            <footer class="print-foot">
                <div class="print-qr" ref={qr_at}></div>
                <div>
                    <p>{ provenance_note(lang, props.summary.paths) }</p>
                    <p class="print-link">{ url }</p>
                </div>
            </footer>
        </section>
    }
}
