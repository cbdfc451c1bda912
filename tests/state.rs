//! The app's state transitions: one run in flight, stale results dropped, previews while
//! dragging and the full run once settled, bad input never reaching the engine.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use taijiang_sim::engine;
use taijiang_sim::i18n::Lang;
use taijiang_sim::scenario::{Param, Scenario};
use taijiang_sim::state::{
    Action, AppState, Gesture, Notice, Precision, RunRequest, RunResponse, RunRole, ScenarioSource,
    PREVIEW_PATHS,
};

/// Starts the state's next request and returns it.
fn start(state: &mut AppState) -> RunRequest {
    let request = state.next_request().expect("a run is wanted");
    *state = state.apply(Action::RunStarted(request.key));
    assert_eq!(state.next_request(), None, "one run in flight at a time");
    request
}

/// Runs a request with a few paths (the numbers do not matter here) and delivers it.
fn finish(state: &mut AppState, request: &RunRequest) {
    let scenario = request.scenario.with(Param::Paths, 100.0).expect("valid");
    let response = RunResponse {
        key: request.key,
        summary: engine::run(&scenario),
        engine_ms: 1.0,
        workers: 1,
    };
    *state = state.apply(Action::RunFinished(Rc::new(response)));
}

#[test]
fn the_first_run_is_the_full_scenario_and_makes_the_page_ready() {
    let mut state = AppState::from_fragment("#gdp=6");
    assert!(!state.is_ready());
    let request = start(&mut state);
    assert_eq!(request.key.precision, Precision::Full);
    assert_eq!(request.scenario, state.scenario);
    finish(&mut state, &request);
    assert!(state.is_ready());
    let baseline = start(&mut state);
    assert_eq!(baseline.key.role, RunRole::Baseline);
    assert_eq!(baseline.scenario, Scenario::default(), "the plan's own scenario");
    finish(&mut state, &baseline);
    assert_eq!(state.next_request(), None, "nothing more to run");
    assert!(state.differences.is_some(), "compared with the plan");
}

#[test]
fn dragging_coalesces_to_the_latest_scenario_and_drops_stale_results() {
    let mut state = AppState::from_fragment("");
    let first = start(&mut state);
    for value in [7.4, 7.3, 7.2, 7.1] {
        state = state.apply(Action::SetParam(Param::Gdp, value, Gesture::Moving));
        assert_eq!(
            state.next_request(),
            None,
            "no request while one is in flight"
        );
    }
    finish(&mut state, &first);
    assert!(
        state.result.is_none(),
        "the stale result is dropped, never drawn"
    );
    assert!(!state.is_ready());
    let latest = start(&mut state);
    assert_eq!(
        latest.scenario.get(Param::Gdp),
        7.1,
        "straight to the latest scenario"
    );
    assert_eq!(latest.key.precision, Precision::Preview);
    assert_eq!(latest.scenario.paths(), PREVIEW_PATHS);
    finish(&mut state, &latest);
    assert!(state.is_ready());
    assert_eq!(
        state.result.as_ref().map(|r| r.precision),
        Some(Precision::Preview)
    );
    assert_eq!(
        state.next_request(),
        None,
        "a preview is enough while dragging"
    );
    state = state.apply(Action::Rested(state.revision));
    let full = start(&mut state);
    assert_eq!(
        (full.key.precision, full.scenario.paths()),
        (Precision::Full, 10_000)
    );
    finish(&mut state, &full);
    assert_eq!(
        state.result.as_ref().map(|r| r.precision),
        Some(Precision::Full)
    );
}

#[test]
fn releasing_the_slider_asks_for_the_full_run() {
    let mut state = AppState::from_fragment("");
    let first = start(&mut state);
    finish(&mut state, &first);
    state = state.apply(Action::SetParam(Param::Inv, 50.0, Gesture::Moving));
    let preview = start(&mut state);
    state = state.apply(Action::SetParam(Param::Inv, 50.0, Gesture::Settled));
    finish(&mut state, &preview);
    let full = start(&mut state);
    assert_eq!(full.key.precision, Precision::Full);
    assert_eq!(
        full.key.revision, preview.key.revision,
        "same scenario, now in full"
    );
}

#[test]
fn a_rest_for_an_older_revision_does_not_end_dragging() {
    let state = AppState::from_fragment("")
        .apply(Action::SetParam(Param::Gdp, 7.0, Gesture::Moving))
        .apply(Action::SetParam(Param::Gdp, 6.9, Gesture::Moving));
    let rested = state.apply(Action::Rested(state.revision - 1));
    assert!(rested.dragging);
}

#[test]
fn small_runs_skip_the_preview() {
    let mut state = AppState::from_fragment(&format!("#paths={PREVIEW_PATHS}"));
    state = state.apply(Action::SetParam(Param::Gdp, 7.0, Gesture::Moving));
    assert_eq!(start(&mut state).key.precision, Precision::Full);
}

#[test]
fn an_absurd_typed_value_is_refused_with_a_notice_and_the_scenario_kept() {
    let state = AppState::from_fragment("");
    let next = state.apply(Action::SetParam(Param::Gdp, 1e9, Gesture::Settled));
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

#[test]
fn resetting_puts_one_parameter_or_every_assumption_back() {
    use taijiang_sim::scenario::{ParamKind, PARAMS};
    let state = AppState::from_fragment("#lapse=20&icor=7&gdp=6");
    let one = state.apply(Action::ResetParam(Param::Lapse));
    assert_eq!(one.scenario.get(Param::Lapse), 8.0);
    assert_eq!(one.scenario.get(Param::Icor), 7.0);
    assert_eq!(one.revision, state.revision + 1);
    let all = state.apply(Action::ResetAssumptions);
    for spec in PARAMS
        .iter()
        .filter(|spec| spec.kind == ParamKind::Assumption)
    {
        assert_eq!(all.scenario.get(spec.param), spec.default, "{}", spec.key);
    }
    assert_eq!(
        all.scenario.get(Param::Gdp),
        6.0,
        "drivers are not assumptions"
    );
    assert_eq!(all.source, ScenarioSource::Controls, "the link follows");
    let again = all.apply(Action::ResetAssumptions);
    assert_eq!(
        again.revision, all.revision,
        "nothing to reset, nothing to rerun"
    );
}

#[test]
fn choosing_a_target_and_its_sentence_does_not_rerun() {
    use taijiang_sim::plan::TargetId;
    let state = AppState::from_fragment("");
    let chosen = state
        .apply(Action::SelectTarget(TargetId::Air))
        .apply(Action::ShowSentence(Some(TargetId::HighTech)));
    assert_eq!(
        (chosen.selected_target, chosen.sentence_open),
        (TargetId::Air, Some(TargetId::HighTech))
    );
    assert_eq!(chosen.revision, state.revision);
    assert_eq!(chosen.apply(Action::ShowSentence(None)).sentence_open, None);
}
