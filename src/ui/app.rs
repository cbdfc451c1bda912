//! The page: state in a reducer, the scenario mirrored in the URL fragment, runs scheduled off
//! the input event so that the browser paints "running" before the engine works.

use super::{text, FanChartCanvas, Notices, Slider, TargetsTable};
use crate::engine;
use crate::i18n::Lang;
use crate::plan::SeriesId;
use crate::scenario::{ParamKind, PARAMS};
use crate::state::{Action, AppState, ScenarioSource};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// The Yew reducer around the framework-free state.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

#[function_component(App)]
pub fn app() -> Html {
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

    // Run the latest scenario on the next task; a newer revision cancels a pending run.
    {
        let dispatcher = store.dispatcher();
        let scenario = state.scenario.clone();
        use_effect_with(state.revision, move |&revision| {
            let pending = Timeout::new(0, move || {
                let summary = engine::run(&scenario);
                dispatcher.dispatch(Action::RunFinished(revision, Rc::new(summary)));
            });
            move || drop(pending)
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

    let on_param = {
        let dispatcher = store.dispatcher();
        Callback::from(move |(param, value)| dispatcher.dispatch(Action::SetParam(param, value)))
    };
    let toggle_lang = {
        let dispatcher = store.dispatcher();
        let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_| dispatcher.dispatch(Action::SetLang(other)))
    };
    let dismiss = {
        let dispatcher = store.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::DismissNotices))
    };

    let sliders = PARAMS
        .iter()
        .filter(|spec| spec.kind == ParamKind::Driver && text::is_slider(spec.param))
        .map(|spec| {
            html! {
                <Slider key={spec.key} spec={*spec} value={state.scenario.get(spec.param)}
                    lang={lang} on_change={on_param.clone()} />
            }
        })
        .collect::<Html>();

    let data_state = if state.is_ready() { "ready" } else { "running" };
    let summary = state.summary().cloned();
    html! {
        <main id="app" data-state={data_state} aria-busy={(!state.is_ready()).to_string()}>
            <header class="page-header">
                <h1>{ text::page_title(lang) }</h1>
                <button class="lang-toggle" onclick={toggle_lang}>{ lang.pick("English", "中文") }</button>
            </header>
            <Notices notices={state.notices.clone()} lang={lang} on_dismiss={dismiss} />
            <div class="layout">
                <section class="controls" aria-label={lang.pick("情景设置", "Scenario")}>
                    <h2>{ lang.pick("情景设置", "Scenario") }</h2>
                    { sliders }
                    <p class="seed">{ text::seed_line(lang, state.scenario.seed()) }</p>
                </section>
                <section class="results" aria-label={lang.pick("结果", "Results")}>
                    if let Some(summary) = summary {
                        <TargetsTable summary={summary.clone()} lang={lang} />
                        <div class="charts">
                            <FanChartCanvas summary={summary.clone()} series={SeriesId::Gdp} lang={lang} />
                            <FanChartCanvas summary={summary} series={SeriesId::IncomeIndex} lang={lang} />
                        </div>
                    } else {
                        <p class="computing">{ lang.pick("正在计算……", "Computing…") }</p>
                    }
                </section>
            </div>
            <footer class="page-footer">{ text::footer(lang) }</footer>
        </main>
    }
}
