//! The app's state transitions: stale results are dropped, bad input never reaches the engine.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use taijiang_sim::engine;
use taijiang_sim::i18n::Lang;
use taijiang_sim::scenario::{Param, Scenario};
use taijiang_sim::state::{Action, AppState, Notice, ScenarioSource};

fn small_run(scenario: &Scenario) -> Rc<engine::Summary> {
    Rc::new(engine::run(
        &scenario.with(Param::Paths, 100.0).expect("valid"),
    ))
}

#[test]
fn a_result_for_an_older_scenario_is_dropped() {
    let state = AppState::from_fragment("");
    let old_revision = state.revision;
    let old_run = small_run(&state.scenario);
    let moved = state.apply(Action::SetParam(Param::Gdp, 6.0));
    assert_eq!(moved.revision, old_revision + 1);
    assert!(!moved.is_ready());
    let stale = moved.apply(Action::RunFinished(old_revision, old_run));
    assert_eq!(stale.result, None, "a stale run is never drawn");
    let fresh = stale.apply(Action::RunFinished(
        moved.revision,
        small_run(&moved.scenario),
    ));
    assert!(fresh.is_ready());
}

#[test]
fn an_absurd_typed_value_is_refused_with_a_notice_and_the_scenario_kept() {
    let state = AppState::from_fragment("");
    let next = state.apply(Action::SetParam(Param::Gdp, 1e9));
    assert_eq!(next.scenario, state.scenario);
    assert_eq!(next.revision, state.revision);
    assert!(matches!(
        next.notices.as_slice(),
        [Notice::Rejected { key: "gdp", .. }]
    ));
}

#[test]
fn reloading_the_same_link_does_not_rerun() {
    let state = AppState::from_fragment("#gdp=6");
    let again = state.apply(Action::LoadFragment("#gdp=6&lang=en".into()));
    assert_eq!(again.revision, state.revision);
    assert_eq!(again.lang, Lang::En);
    let other = state.apply(Action::LoadFragment("#gdp=5".into()));
    assert_eq!(other.revision, state.revision + 1);
    assert_eq!(other.source, ScenarioSource::Link);
}

#[test]
fn a_bad_link_gives_notices_that_a_good_link_clears() {
    let state = AppState::from_fragment("#gdp=abc&bogus=1");
    assert_eq!(state.notices.len(), 1);
    assert_eq!(state.scenario, Scenario::default());
    let fixed = state.apply(Action::LoadFragment("#gdp=7".into()));
    assert!(fixed.notices.is_empty());
}

#[test]
fn the_fragment_reproduces_the_screen_including_the_language() {
    let state = AppState::from_fragment("#inv=50").apply(Action::SetLang(Lang::En));
    let reopened = AppState::from_fragment(&state.fragment());
    assert_eq!(reopened.scenario, state.scenario);
    assert_eq!(reopened.lang, Lang::En);
    assert!(reopened.notices.is_empty());
}
