//! The page: the state in a reducer, kept in step with the address bar and the document, runs
//! and analyses sent to the workers, and the layout: the header, the notices, the controls and
//! the results side by side (or one piece alone when embedded), the printed sheet and the embed
//! dialog.

use crate::format;
use crate::preset::PresetId;
use crate::state::{Action, AppState, Precision};
use crate::text::labels::Label;
use crate::text::outlook::outlook;
use crate::ui::briefing::exports::ExportContext;
use crate::ui::briefing::host_messages::use_host_messages;
use crate::ui::briefing::{use_print_wanted, EmbedDialog, EmbedView, PrintSheet};
use crate::ui::decisions::use_analysis::use_analysis;
use crate::ui::engine::use_engine;
use crate::ui::page::controls_panel::ControlsPanel;
use crate::ui::page::document::{use_document_lang, use_first_screen_until, use_updated_mark};
use crate::ui::page::fragment::{current_fragment, use_fragment_sync};
use crate::ui::page::results_panel::ResultsPanel;
use crate::ui::page::store::{use_dispatching, Store};
use crate::ui::page::timing::use_draw_timing;
use crate::ui::page::Notices;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Run the engine on the page's thread instead of the worker (component tests).
    #[prop_or_default]
    pub in_thread: bool,
}

/// A callback that sets a flag to `value`, the same one on every render.
#[hook]
fn use_setting(flag: &UseStateHandle<bool>, value: bool) -> Callback<()> {
    let setter = flag.setter();
    let callback = use_memo((), move |_| Callback::from(move |_: ()| setter.set(value)));
    (*callback).clone()
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(AppState::from_fragment(&current_fragment())));
    use_fragment_sync(&store);
    let updated = use_updated_mark();
    let pool = use_engine(&store, props.in_thread);
    let analysis = use_analysis(&store, &pool);
    let state = &store.0;
    let lang = state.lang;
    use_document_lang(lang);
    // Made once per run shown (it counts targets met together path by path), not per redraw.
    let outlook_text = use_memo(
        (state.summary().cloned(), analysis.key_params, lang),
        |(summary, key, lang)| {
            summary
                .as_ref()
                .map(|summary| outlook(summary, key.as_ref(), *lang))
        },
    );
    let outlook_text: Option<String> = (*outlook_text).clone();
    use_host_messages(&store, outlook_text.clone());
    // The children have drawn by the time this runs: it measures what the user waited for.
    use_draw_timing(state);

    // Made anew on each render: it switches to the language that is not on screen now.
    let toggle_lang = {
        let (dispatcher, other) = (store.dispatcher(), lang.other());
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetLang(other)))
    };
    let dismiss = use_dispatching(&store, |_: ()| Action::DismissNotices);
    // On a phone the controls fold into a panel that opens over the results.
    let controls_open = use_state(|| false);
    let toggle_controls = {
        let controls_open = controls_open.clone();
        Callback::from(move |_: MouseEvent| controls_open.set(!*controls_open))
    };
    let embed_open = use_state(|| false);
    let open_embed = use_setting(&embed_open, true);
    let close_embed = use_setting(&embed_open, false);

    let export_context = state.result.as_ref().map(|result| {
        Rc::new(ExportContext {
            link: state.link(),
            summary: result.summary.clone(),
            fingerprint: result.fingerprint,
            differences: state.differences.clone(),
            wordings: state.wordings.clone(),
        })
    });
    let summary = state.summary().cloned();
    let joint = use_memo(summary.clone(), |summary| {
        summary.as_ref().map(|summary| Rc::new(summary.joint()))
    });
    let joint = (*joint).clone();
    let ready = state.is_ready();
    let print = use_print_wanted();
    use_first_screen_until(ready, state.embed.is_some());
    let precision = state.result.as_ref().map(|result| result.precision);
    let pinned = state.pinned.is_some();
    let baseline_summary = state.pinned_summary();
    // A preview is never printed: the sheet keeps the last full run until the next one.
    let printable = state
        .result
        .as_ref()
        .filter(|result| result.precision == Precision::Full);
    let page = html! {
        <>
            <header class="page-header">
                <h1>{ crate::text::page_title(lang) }</h1>
                <button class="lang-toggle" onclick={toggle_lang}>{ Label::SwitchLanguage.text(lang) }</button>
            </header>
            <Notices notices={state.notices.clone()} lang={lang} on_dismiss={dismiss} />
            if updated {
                <p class="updated-note" role="status" data-updated="">{ crate::text::updated_line(lang) }</p>
            }
            <div class="layout">
                <ControlsPanel store={store.clone()} open={*controls_open} on_toggle={toggle_controls.clone()} />
                <ResultsPanel store={store.clone()} analysis={analysis.clone()} outlook={outlook_text.clone()}
                    exports={export_context.clone()} joint={joint.clone()} on_embed={open_embed} />
            </div>
            if !*controls_open {
                <button class="open-controls" onclick={toggle_controls} aria-controls="controls"
                    aria-expanded="false">{ Label::AdjustScenario.text(lang) }</button>
            }
            <footer class="page-footer">{ crate::text::footer(lang) }</footer>
        </>
    };
    html! {
        <main id="app" class={classes!(state.embed.is_some().then_some("embed"))}
            data-embed={state.embed.map(|piece| piece.key())} data-state={if ready { "ready" } else { "running" }}
            data-precision={precision.map(Precision::key)}
            data-compare={if pinned { "pinned" } else { "plan" }}
            data-preset={state.preset.map(PresetId::key)}
            data-modified={state.is_modified().to_string()}
            data-all-met={joint.as_ref().map(|j| format::four_decimals(j.all_met().0))}
            data-all-met-stderr={joint.as_ref().map(|j| format::four_decimals(j.all_met().1))}
            data-expected-met={joint.as_ref().map(|j| format::four_decimals(j.expected_met().0))}
            aria-busy={(!ready).to_string()}>
            if let (Some(piece), Some(summary), Some(context)) = (state.embed, summary, &export_context) {
                <EmbedView piece={piece} link={state.link()} summary={summary}
                    baseline={baseline_summary.clone()} differences={state.shown_differences()} context={context.clone()} />
            } else if state.embed.is_some() {
                <p class="computing">{ Label::Computing.text(lang) }</p>
            } else {
                { page }
                if let (Some(result), true) = (printable, print.wanted) {
                    <PrintSheet link={state.link()} summary={result.summary.clone()} fingerprint={result.fingerprint}
                        outlook={outlook_text.clone().unwrap_or_default()} printing={print.printing}
                        baseline={baseline_summary.clone()} differences={state.differences.clone()} />
                }
                if *embed_open {
                    <EmbedDialog link={state.link()} on_close={close_embed} />
                }
            }
        </main>
    }
}
