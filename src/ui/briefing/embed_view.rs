//! One piece of the page alone (`embed=<id>`), filling its iframe at any size from 320 × 240
//! up: the scenario in one line, the piece, the provenance note, its downloads and a link that
//! opens the same scenario in the full simulator. No controls.

use crate::embed::EmbedPiece;
use crate::engine::compare::TargetDifference;
use crate::engine::Summary;
use crate::link::Link;
use crate::text::briefing::{embed_scenario_line, piece_name};
use crate::text::caption::{provenance_note, provenance_short};
use crate::text::compare::moved_line;
use crate::text::labels::Label;
use crate::ui::briefing::clipboard::copy_then;
use crate::ui::briefing::exports::{full_page_url, ExportContext};
use crate::ui::charts::{FanChartCanvas, HistogramCanvas};
use crate::ui::results::CompactTargets;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedViewProps {
    pub piece: EmbedPiece,
    pub link: Link,
    pub summary: Rc<Summary>,
    /// The pinned A's summary, drawn as outlines on fan charts.
    #[prop_or_default]
    pub baseline: Option<Rc<Summary>>,
    #[prop_or_default]
    pub differences: Option<Rc<Vec<TargetDifference>>>,
    pub context: Rc<ExportContext>,
}

#[function_component(EmbedView)]
pub fn embed_view(props: &EmbedViewProps) -> Html {
    let lang = props.link.lang;
    let copied = use_state(|| false);
    let full_url = full_page_url(&props.link);
    let summary_line = embed_scenario_line(&props.link, props.piece, lang);
    let body = match props.piece {
        EmbedPiece::Targets => html! {
            <CompactTargets summary={props.summary.clone()} lang={lang}
                differences={props.link.pinned.as_ref().and(props.differences.clone())} />
        },
        EmbedPiece::Compare => html! {
            <>
                if let Some(differences) = &props.differences {
                    <p class="embed-moved" data-moved="">{ moved_line(differences, props.link.pinned.is_some(), lang) }</p>
                }
                <CompactTargets summary={props.summary.clone()} lang={lang} differences={props.differences.clone()} />
            </>
        },
        EmbedPiece::Histogram => html! {
            <HistogramCanvas summary={props.summary.clone()} target={props.link.target} lang={lang}
                fill=true exports={props.context.clone()} />
        },
        EmbedPiece::Fan(series) => html! {
            <FanChartCanvas summary={props.summary.clone()} scenario={props.link.current.scenario.clone()}
                baseline={props.baseline.clone()}
                series={series} lang={lang} fill=true exports={props.context.clone()} />
        },
    };
    // A fan chart has its own CSV (its series); the other pieces give the targets table.
    let csv = (!matches!(props.piece, EmbedPiece::Fan(_))).then(|| {
        let context = props.context.clone();
        Callback::from(move |_: MouseEvent| {
            context.download_targets_csv();
        })
    });
    let copy = {
        let (url, copied) = (full_url.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_then(url.clone(), move |ok| copied.set(ok));
        })
    };
    let note = provenance_note(lang, props.summary.paths);
    html! {
        <>
            // What the frame shows, for a screen reader's list of headings (the view has no
            // visible title: the briefing around it names it).
            <h1 class="sr-only">{ piece_name(props.piece, lang, props.link.target) }</h1>
            <p class={classes!("embed-summary", props.piece.is_chart().then_some("with-tools"))} title={summary_line.clone()} data-embed-summary="">{ summary_line }</p>
            <div class={classes!("embed-body", format!("embed-{}", if props.piece.is_chart() { "chart" } else { "table" }))}>
                { body }
            </div>
            <footer class="embed-foot">
                <span class="embed-provenance" title={note.clone()}>{ provenance_short(lang) }</span>
                if let Some(csv) = csv {
                    <button class="small-button" onclick={csv} data-export="targets-csv"
                        aria-label={Label::DownloadTargetsCsv.text(lang)}>{ "CSV" }</button>
                }
                <button class="small-button" onclick={copy} data-export="copy-link"
                    aria-label={Label::CopyLink.text(lang)}>
                    { if *copied { "✓" } else { Label::LinkShort.text(lang) } }
                </button>
                <a class="embed-open" href={full_url} target="_blank" rel="noopener"
                    title={Label::OpenFullTitle.text(lang)}>
                    { Label::OpenFull.text(lang) }
                </a>
            </footer>
        </>
    }
}
