//! Taking the scenario into a briefing: the numbers as CSV, the link (copied, with a visible
//! confirmation), an iframe for another page, and the printed one-page briefing.

use crate::i18n::Lang;
use crate::text::labels::Label;
use crate::ui::briefing::clipboard::copy_then;
use crate::ui::briefing::exports::{full_page_url, ExportContext};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub context: Rc<ExportContext>,
    pub lang: Lang,
    /// Opens the embed dialog.
    pub on_embed: Callback<()>,
}

/// What the last copy did, said next to the button until the next one.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let lang = props.lang;
    let copied = use_state(|| Copied::Not);
    let series_csv = {
        let context = props.context.clone();
        Callback::from(move |_: MouseEvent| {
            context.download_series_csv(&[], "series");
        })
    };
    let targets_csv = {
        let context = props.context.clone();
        Callback::from(move |_: MouseEvent| {
            context.download_targets_csv();
        })
    };
    let copy_link = {
        let (context, copied) = (props.context.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_then(full_page_url(&context.link), move |ok| {
                copied.set(if ok { Copied::Done } else { Copied::Failed })
            });
        })
    };
    let embed = props.on_embed.reform(|_: MouseEvent| ());
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <div class="export-bar" role="group" aria-label={Label::ExportAndShare.text(lang)}>
            <button class="small-button" onclick={copy_link} data-export="copy-link">{ Label::CopyLink.text(lang) }</button>
            <button class="small-button" onclick={embed} data-export="embed">{ Label::EmbedButton.text(lang) }</button>
            <button class="small-button" onclick={series_csv} data-export="series-csv">{ Label::CsvByYear.text(lang) }</button>
            <button class="small-button" onclick={targets_csv} data-export="targets-csv">{ Label::CsvTargets.text(lang) }</button>
            <button class="small-button" onclick={print} data-export="print">{ Label::PrintBriefing.text(lang) }</button>
            <span class="copy-status" role="status" data-copied={match *copied { Copied::Not => "", Copied::Done => "yes", Copied::Failed => "no" }}>
                { match *copied {
                    Copied::Not => "",
                    Copied::Done => Label::LinkCopied.text(lang),
                    Copied::Failed => Label::CopyFailed.text(lang),
                } }
            </span>
        </div>
    }
}
