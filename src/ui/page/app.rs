//! The page: state in a reducer, the scenario mirrored in the URL fragment, runs sent to the
//! engine worker (`runner.rs`), and the layout of the controls, the targets and the charts.

use crate::format;
use crate::i18n::Lang;
use crate::link::Link;
use crate::plan::SeriesId;
use crate::plan::TargetId;
use crate::preset::PresetId;
use crate::scenario::Param;
use crate::scenario::{ParamKind, PARAMS};
use crate::state::{preset_scenario, Action, AppState, Gesture, Precision, ScenarioSource};
use crate::text;
use crate::text::compare::{headline, moved_line};
use crate::text::notes;
use crate::text::outlook::outlook;
use crate::ui::briefing::exports::ExportContext;
use crate::ui::briefing::host_messages::use_host_messages;
use crate::ui::briefing::{EmbedDialog, EmbedView, ExportBar, PrintSheet};
use crate::ui::charts::{FanChartCanvas, HistogramCanvas};
use crate::ui::controls::{AssumptionsPanel, BaseValues, CompareBar, PresetBar, Slider};
use crate::ui::decisions::use_analysis::use_analysis;
use crate::ui::decisions::DecisionPanel;
use crate::ui::engine::use_engine;
use crate::ui::page::store::Store;
use crate::ui::page::{timing, Notices};
use crate::ui::results::{ProbabilityStrip, SentencePanel, TargetsTable, TargetsTogether};
use crate::ui::saved::SavedPanel;
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// A callback that dispatches the action `make` builds from its input, the same one on every
/// render: a child whose other properties did not change is then not redrawn when the page is
/// (a number being typed into a field survives the page's redraws).
#[hook]
fn use_dispatching<T, F>(store: &UseReducerHandle<Store>, make: F) -> Callback<T>
where
    T: 'static,
    F: Fn(T) -> Action + 'static,
{
    let dispatcher = store.dispatcher();
    let callback = use_memo((), move |_| {
        Callback::from(move |value| dispatcher.dispatch(make(value)))
    });
    (*callback).clone()
}

fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Run the engine on the page's thread instead of the worker (component tests).
    #[prop_or_default]
    pub in_thread: bool,
}

/// The session-storage key index.html sets before reloading into a newer build.
const UPDATED_MARK: &str = "taijiang-sim-updated";

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(AppState::from_fragment(&current_fragment())));
    let state = &store.0;

    // A link pasted into the address bar, or back and forward, changes only the fragment.
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatcher.dispatch(Action::LoadFragment(current_fragment()));
            });
            move || drop(listener)
        });
    }

    // After a newer build took over, index.html reloaded the page and left a mark: say so once.
    let updated = use_state(|| {
        let storage = gloo::utils::window().session_storage().ok().flatten();
        let marked = storage
            .as_ref()
            .and_then(|storage| storage.get_item(UPDATED_MARK).ok().flatten())
            .is_some();
        if let Some(storage) = storage.filter(|_| marked) {
            // Once: a failure to remove it would only say it again on the next reload.
            let _ = storage.remove_item(UPDATED_MARK);
        }
        marked
    });

    let pool = use_engine(&store, props.in_thread);
    let analysis = use_analysis(&store, &pool);
    // Made once per run shown (it counts targets met together path by path), not per redraw.
    let outlook_text = use_memo(
        (store.0.summary().cloned(), analysis.key_lever, store.0.lang),
        |(summary, lever, lang)| {
            summary
                .as_ref()
                .map(|summary| outlook(summary, lever.as_ref(), *lang))
        },
    );
    let outlook_text: Option<String> = (*outlook_text).clone();
    use_host_messages(&store, outlook_text.clone());

    // The charts (children) have drawn by now: measure what the user waited for.
    {
        let drawn = state
            .result
            .as_ref()
            .map(|result| (result.revision, result.precision));
        let from_controls = state.source == ScenarioSource::Controls;
        let first_drawn = use_mut_ref(|| false);
        use_effect_with(drawn, move |drawn| {
            if drawn.is_some() && !*first_drawn.borrow() {
                *first_drawn.borrow_mut() = true;
                timing::mark(timing::FIRST_DRAW);
            }
            if let (Some((_, precision)), true) = (drawn, from_controls) {
                timing::measure(timing::INPUT_TO_DRAW, timing::INPUT_MARK);
                if *precision == Precision::Full {
                    timing::measure(timing::SETTLED_TO_FULL, timing::SETTLED_MARK);
                }
            }
        });
    }

    // Controls rewrite the fragment in place: a link always reproduces the screen, and moving a
    // slider adds no history entry.
    {
        let fragment = state.fragment();
        use_effect_with((fragment, state.source), |(fragment, source)| {
            if *source == ScenarioSource::Controls {
                let url = format!("#{fragment}");
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            }
        });
    }

    let lang = state.lang;
    {
        use_effect_with(lang, |lang| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.html_lang());
            }
            gloo::utils::document().set_title(text::page_title(*lang));
        });
    }

    let on_param = use_dispatching(&store, |(param, value, gesture)| {
        Action::SetParam(param, value, gesture)
    });
    let other_lang = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let toggle_lang = {
        let dispatcher = store.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetLang(other_lang)))
    };
    let dismiss = use_dispatching(&store, |_: ()| Action::DismissNotices);
    let on_reset = use_dispatching(&store, Action::ResetParam);
    let on_reset_all = use_dispatching(&store, |_: ()| Action::ResetAssumptions);
    let on_reset_preset = use_dispatching(&store, |_: ()| Action::ResetToPreset);
    let on_preset = use_dispatching(&store, Action::ChoosePreset);
    let on_pin = use_dispatching(&store, |_: ()| Action::PinBaseline);
    let on_unpin = use_dispatching(&store, |_: ()| Action::Unpin);
    let on_open = use_dispatching(&store, |link: Link| Action::Open(Box::new(link)));
    let on_select = use_dispatching(&store, Action::SelectTarget);
    // An analysis's "try" or "apply": the current scenario becomes A, the change B.
    let on_apply = {
        let dispatcher = store.dispatcher();
        let callback = use_memo((), move |_| {
            Callback::from(move |(param, value): (Param, f64)| {
                dispatcher.dispatch(Action::PinBaseline);
                dispatcher.dispatch(Action::SetParam(param, value, Gesture::Settled));
            })
        });
        (*callback).clone()
    };
    let on_show_sentence = use_dispatching(&store, |id| Action::ShowSentence(Some(id)));
    let on_close_sentence = use_dispatching(&store, |_: ()| Action::ShowSentence(None));

    // On a phone the controls fold into a panel that opens over the results.
    let controls_open = use_state(|| false);
    let toggle_controls = {
        let controls_open = controls_open.clone();
        Callback::from(move |_: MouseEvent| controls_open.set(!*controls_open))
    };

    let embed_open = use_state(|| false);
    let (open_embed, close_embed) = {
        let setter = embed_open.setter();
        let callbacks = use_memo((), move |_| {
            let opener = setter.clone();
            (
                Callback::from(move |_: ()| opener.set(true)),
                Callback::from(move |_: ()| setter.set(false)),
            )
        });
        (*callbacks).clone()
    };
    let export_context = state.result.as_ref().map(|result| {
        Rc::new(ExportContext {
            link: state.link(),
            summary: result.summary.clone(),
            fingerprint: result.fingerprint,
            differences: state.differences.clone(),
        })
    });

    let reference = preset_scenario(state.preset, &state.scenario);
    let growth_note = notes::expected_growth_note(&state.scenario, lang);
    let sliders = PARAMS
        .iter()
        .filter(|spec| spec.kind == ParamKind::Driver && text::is_slider(spec.param))
        .map(|spec| {
            html! {
                <Slider key={spec.key} spec={*spec} value={state.scenario.get(spec.param)}
                    reference={reference.get(spec.param)} preset={state.preset}
                    note={(spec.param == Param::Gdp).then(|| growth_note.clone())}
                    lang={lang} on_change={on_param.clone()} on_reset={on_reset.clone()} />
            }
        })
        .collect::<Html>();

    let ready = state.is_ready();
    let data_state = if ready { "ready" } else { "running" };
    let precision = state.result.as_ref().map(|result| result.precision);
    let summary = state.summary().cloned();
    // Where the run left the model's ground, the page says so above its numbers.
    let floor_note = summary.as_ref().and_then(|summary| {
        let years = (summary.horizon_year - crate::plan::BASE_YEAR) as u32;
        notes::growth_floor_note(summary.floored_path_years, summary.paths, years, lang)
    });
    let pinned = state.pinned.is_some();
    let baseline_summary = state.pinned_summary();
    let charts = summary.as_ref().map(|summary| {
        SeriesId::ALL
            .iter()
            .map(|&series| {
                html! {
                    <FanChartCanvas key={series.key()} summary={summary.clone()}
                        baseline={baseline_summary.clone()} series={series} lang={lang}
                        exports={export_context.clone()} />
                }
            })
            .collect::<Html>()
    });
    // Against the plan's own scenario, the plan itself has nothing to show.
    // Targets met together, counted once per result.
    let joint = use_memo(summary.clone(), |summary| {
        summary.as_ref().map(|summary| Rc::new(summary.joint()))
    });
    let joint = (*joint).clone();
    let worked_back: Vec<TargetId> = TargetId::ALL
        .into_iter()
        .filter(|&id| notes::is_worked_back(id, &state.scenario))
        .collect();
    let differences = state.shown_differences();
    // A preview is never printed: the sheet keeps the last full run until the next one.
    let printable = state
        .result
        .as_ref()
        .filter(|result| result.precision == Precision::Full);
    let page = html! {
        <>
                <header class="page-header">
                    <h1>{ text::page_title(lang) }</h1>
                    <button class="lang-toggle" onclick={toggle_lang}>{ lang.pick("English", "中文") }</button>
                </header>
                <Notices notices={state.notices.clone()} lang={lang} on_dismiss={dismiss} />
                if *updated {
                    <p class="updated-note" role="status" data-updated="">{ text::updated_line(lang) }</p>
                }
                <div class="layout">
                    <section id="controls" class={classes!("controls", controls_open.then_some("open"))}
                        aria-label={lang.pick("情景设置", "Scenario")}>
                        <div class="controls-head">
                            <h2>{ lang.pick("情景设置", "Scenario") }</h2>
                            <button class="close-controls" onclick={toggle_controls.clone()}
                                aria-controls="controls" aria-expanded={controls_open.to_string()}>{ lang.pick("查看结果", "Show results") }</button>
                            // Inside the sticky head, so that the strip stays in sight as the panel scrolls.
                            if let Some(summary) = &summary {
                                <ProbabilityStrip summary={summary.clone()} lang={lang} stale={!ready} />
                            }
                        </div>
                        <PresetBar preset={state.preset} modified={state.is_modified()} lang={lang}
                            on_choose={on_preset} on_reset={on_reset_preset} />
                        { sliders }
                        <p class="seed">{ text::seed_line(lang, state.scenario.seed()) }</p>
                        <AssumptionsPanel scenario={state.scenario.clone()} lang={lang} on_change={on_param.clone()}
                            on_reset={on_reset} on_reset_all={on_reset_all} />
                        <SavedPanel link={state.link()} lang={lang} on_open={on_open} />
                        <BaseValues lang={lang} />
                    </section>
                    <section class={classes!("results", (!ready).then_some("stale"))} aria-label={lang.pick("结果", "Results")}>
                        if let Some(summary) = summary {
                            <p class="headline" data-headline="">{ headline(&summary, lang) }</p>
                            if let Some(text) = &outlook_text {
                                <p class="outlook" data-outlook="" aria-live="polite">{ text.clone() }</p>
                            }
                            <CompareBar pinned={state.pinned.clone()} lang={lang} on_pin={on_pin} on_unpin={on_unpin} />
                            if let Some(context) = &export_context {
                                <ExportBar context={context.clone()} lang={lang} on_embed={open_embed} />
                            }
                            if let Some(differences) = &differences {
                                <p class="moved" data-moved="">{ moved_line(differences, pinned, lang) }</p>
                            }
                            if !ready {
                                <p class="outdated" role="status">{ lang.pick(
                                    "正在计算新情景……下面仍是上一情景的数字。",
                                    "Computing the new scenario… the numbers below are still the previous scenario's.") }</p>
                            }
                            if let Some(note) = floor_note {
                                <p class="ground-note" role="note" data-ground="growth-floor">{ note }</p>
                            }
                            if let Some(joint) = joint.clone() {
                                <TargetsTogether joint={joint} lang={lang} />
                            }
                            <TargetsTable summary={summary.clone()} lang={lang} selected={state.selected_target}
                                worked_back={worked_back}
                                on_select={on_select} on_show_sentence={on_show_sentence}
                                differences={differences.clone()} pinned={pinned} />
                            <p class="run-info" data-run-precision={precision.map(Precision::key)}
                                data-workers={state.result.as_ref().map(|result| result.workers.to_string())}
                                data-engine-ms={state.result.as_ref().map(|result| format!("{:.2}", result.engine_ms))}
                                data-fingerprint={state.result.as_ref().map(|result| format!("{:016x}", result.fingerprint))}>
                                { state.result.as_ref().map(|result| text::run_line(lang, result)) }
                            </p>
                            <div class="detail">
                                <HistogramCanvas summary={summary.clone()} target={state.selected_target} lang={lang}
                                    exports={export_context.clone()} />
                                if let Some(target) = state.sentence_open {
                                    <SentencePanel target={target} result={summary.target(target).copied()}
                                        lang={lang} on_close={on_close_sentence} />
                                }
                            </div>
                            <DecisionPanel analysis={analysis.clone()} selected={state.selected_target} lang={lang}
                                ready={printable.is_some() && ready} on_apply={on_apply} />
                            <h2 class="charts-title">{ lang.pick("各指标预测(扇形图)", "Every indicator (fan charts)") }</h2>
                            <div class="charts">{ charts }</div>
                        } else {
                            <p class="computing">{ lang.pick("正在计算……", "Computing…") }</p>
                        }
                    </section>
                </div>
                if !*controls_open {
                    <button class="open-controls" onclick={toggle_controls} aria-controls="controls"
                        aria-expanded="false">
                        { lang.pick("调整情景", "Adjust the scenario") }
                    </button>
                }
                <footer class="page-footer">{ text::footer(lang) }</footer>
        </>
    };
    html! {
        <main id="app" class={classes!(state.embed.is_some().then_some("embed"))}
            data-embed={state.embed.map(|piece| piece.key())} data-state={data_state} data-precision={precision.map(Precision::key)}
            data-compare={if pinned { "pinned" } else { "plan" }}
            data-preset={state.preset.map(PresetId::key)}
            data-modified={state.is_modified().to_string()}
            data-all-met={joint.as_ref().map(|j| format::four_decimals(j.all_met().0))}
            data-all-met-stderr={joint.as_ref().map(|j| format::four_decimals(j.all_met().1))}
            data-expected-met={joint.as_ref().map(|j| format::four_decimals(j.expected_met().0))}
            aria-busy={(!ready).to_string()}>
            if let (Some(piece), Some(summary), Some(context)) = (state.embed, state.summary(), &export_context) {
                <EmbedView piece={piece} link={state.link()} summary={summary.clone()}
                    baseline={baseline_summary.clone()} differences={differences.clone()} context={context.clone()} />
            } else if state.embed.is_some() {
                <p class="computing">{ lang.pick("正在计算……", "Computing…") }</p>
            } else {
                { page }
                if let (Some(result), true) = (printable, true) {
                    <PrintSheet link={state.link()} summary={result.summary.clone()} fingerprint={result.fingerprint}
                        outlook={outlook_text.clone().unwrap_or_default()}
                        baseline={baseline_summary.clone()} differences={state.differences.clone()} />
                }
                if *embed_open {
                    <EmbedDialog link={state.link()} on_close={close_embed} />
                }
            }
        </main>
    }
}
