//! The app's state transitions: one run in flight, stale results dropped, previews while
//! dragging and the full run once settled, bad input never reaching the engine.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use taijiang_sim::embed::EmbedPiece;
use taijiang_sim::engine;
use taijiang_sim::i18n::Lang;
use taijiang_sim::link;
use taijiang_sim::plan::{SeriesId, TargetId};
use taijiang_sim::preset::PresetId;
use taijiang_sim::scenario::{Param, Scenario};
use taijiang_sim::state::{
    Action, AppState, Gesture, Notice, Pace, Precision, RunRequest, RunResponse, RunRole,
    ScenarioSource, PREVIEW_BUDGET_MS, PREVIEW_MIN_PATHS, PREVIEW_PATHS,
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
    assert_eq!(
        baseline.scenario,
        Scenario::default(),
        "the plan's own scenario"
    );
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
    assert_eq!(Some(latest.scenario.paths()), state.preview_paths());
    assert!(latest.scenario.paths() < 10_000);
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

/// Delivers `request` as if it had taken `engine_ms` on `workers` workers.
fn finish_timed(state: &mut AppState, request: &RunRequest, engine_ms: f64, workers: u32) {
    let scenario = request.scenario.with(Param::Paths, 100.0).expect("valid");
    let mut summary = engine::run(&scenario);
    // The pace is read from the paths the request asked for.
    summary.paths = request.scenario.paths();
    let response = RunResponse {
        key: request.key,
        summary,
        engine_ms,
        workers,
    };
    *state = state.apply(Action::RunFinished(Rc::new(response)));
}

#[test]
fn until_a_run_is_timed_previews_have_the_fixed_size_and_a_key_press_runs_in_full() {
    let pace = Pace::default();
    assert!(!pace.is_measured());
    assert_eq!(pace.preview_paths(10_000, 2035), Some(PREVIEW_PATHS));
    assert_eq!(pace.preview_paths(PREVIEW_PATHS, 2035), None);
    let mut state = AppState::from_fragment("");
    state = state.apply(Action::SetParam(Param::Gdp, 7.0, Gesture::Settled));
    assert_eq!(start(&mut state).key.precision, Precision::Full);
}

#[test]
fn a_preview_is_what_one_worker_runs_within_the_budget() {
    let mut pace = Pace::default();
    // 10,000 paths × 6 years in 60 ms on one worker: 0.001 ms a path-year.
    pace.record(10_000, 2025, 1, 60.0);
    let fits = PREVIEW_BUDGET_MS / (0.001 * 16.0);
    assert_eq!(
        pace.preview_paths(10_000, 2035),
        Some((fits as u32) / 500 * 500)
    );
    assert_eq!(
        pace.preview_paths(10_000, 2025),
        Some(4_000),
        "25 ms / 0.006 ms a path"
    );
    // A run split over two workers counts as if one had done it all (the safe side).
    let mut split = Pace::default();
    split.record(10_000, 2025, 2, 30.0);
    assert_eq!(split, pace);
    // Never below the minimum, however slow the machine.
    let mut slow = Pace::default();
    slow.record(1_000, 2035, 1, 10_000.0);
    assert_eq!(slow.preview_paths(10_000, 2035), Some(PREVIEW_MIN_PATHS));
    // A fast machine shows the full run on every move.
    let mut fast = Pace::default();
    fast.record(10_000, 2025, 1, 6.0);
    assert_eq!(fast.preview_paths(10_000, 2025), None);
}

#[test]
fn the_pace_is_smoothed_and_ignores_times_that_are_not_times() {
    let mut pace = Pace::default();
    pace.record(10_000, 2025, 1, 60.0);
    let before = pace;
    for nonsense in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        pace.record(10_000, 2025, 1, nonsense);
    }
    assert_eq!(pace, before);
    // One run twice as slow moves the pace halfway: 4,000 paths become 2,500 (0.0015 ms).
    pace.record(10_000, 2025, 1, 120.0);
    assert_eq!(pace.preview_paths(10_000, 2025), Some(2_500));
}

#[test]
fn on_a_fast_machine_a_drag_runs_in_full_on_every_move() {
    let mut state = AppState::from_fragment("");
    let first = start(&mut state);
    finish_timed(&mut state, &first, 5.0, 2);
    state = state.apply(Action::SetParam(Param::Gdp, 7.0, Gesture::Moving));
    assert_eq!(state.preview_paths(), None);
    let moved = start(&mut state);
    assert_eq!(
        (moved.key.precision, moved.scenario.paths()),
        (Precision::Full, 10_000)
    );
}

#[test]
fn on_a_slow_machine_a_key_press_gets_a_preview_first_then_the_full_run() {
    let mut state = AppState::from_fragment("#horizon=2035");
    let first = start(&mut state);
    assert_eq!(
        first.key.precision,
        Precision::Full,
        "the pace is not known yet"
    );
    finish_timed(&mut state, &first, 400.0, 2);
    state = state.apply(Action::SetParam(Param::Gdp, 7.0, Gesture::Settled));
    let preview = start(&mut state);
    assert_eq!(preview.key.precision, Precision::Preview);
    assert_eq!(Some(preview.scenario.paths()), state.preview_paths());
    assert!(preview.scenario.paths() < 10_000);
    finish_timed(&mut state, &preview, 25.0, 1);
    assert!(state.is_ready(), "the preview is drawn");
    let full = start(&mut state);
    assert_eq!(
        (full.key.precision, full.key.revision, full.scenario.paths()),
        (Precision::Full, preview.key.revision, 10_000)
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
    let good = taijiang_sim::link::write(&AppState::from_fragment("#gdp=7").link());
    let fixed = state.apply(Action::LoadFragment(good));
    assert!(fixed.notices.is_empty(), "{:?}", fixed.notices);
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

/// Runs what the state asks for (with the requested paths) until it asks for nothing more.
fn settle(state: &mut AppState) {
    while let Some(request) = state.next_request() {
        *state = state.apply(Action::RunStarted(request.key));
        let response = RunResponse {
            key: request.key,
            summary: engine::run(&request.scenario),
            engine_ms: 1.0,
            workers: 1,
        };
        *state = state.apply(Action::RunFinished(Rc::new(response)));
    }
}

#[test]
fn the_plan_itself_needs_no_second_run_to_be_its_own_baseline() {
    let mut state = AppState::from_fragment("#paths=300");
    let request = start(&mut state);
    assert_eq!(request.key.role, RunRole::Current);
    finish(&mut state, &request);
    assert_eq!(
        state.next_request(),
        None,
        "the result serves as the baseline"
    );
    assert!(state.differences.is_some());
}

#[test]
fn pinning_keeps_a_and_measures_every_change_against_it() {
    let mut state = AppState::from_fragment("#paths=300&gdp=7");
    settle(&mut state);
    let pinned = state.apply(Action::PinBaseline);
    assert_eq!(
        pinned.pinned.as_ref().map(|a| a.scenario.clone()),
        Some(state.scenario.clone())
    );
    assert_eq!(
        pinned.next_request(),
        None,
        "A is what is on screen: its result is reused"
    );
    let mut changed = pinned.apply(Action::SetParam(Param::Inv, 50.0, Gesture::Settled));
    settle(&mut changed);
    let differences = changed.differences.clone().expect("compared with A");
    let income = differences
        .iter()
        .find(|d| d.id == TargetId::Income)
        .expect("income");
    assert!(income.delta > 0.0, "{income:?}");
    assert!(
        changed.fragment().contains("a=custom&a.gdp=7"),
        "{}",
        changed.fragment()
    );
    // The link reopens the same comparison.
    let reopened = AppState::from_fragment(&changed.fragment());
    assert_eq!(reopened.pinned, changed.pinned);
    assert_eq!(reopened.scenario, changed.scenario);
    // Unpinning compares with the plan again, which must be run.
    let mut unpinned = changed.apply(Action::Unpin);
    assert_eq!(unpinned.pinned, None);
    assert!(unpinned.baseline_revision > changed.baseline_revision);
    assert_eq!(
        unpinned.next_request().map(|r| (r.key.role, r.scenario)),
        Some((
            RunRole::Baseline,
            Scenario::default()
                .with(Param::Paths, 300.0)
                .expect("valid")
        ))
    );
    settle(&mut unpinned);
    assert!(unpinned.differences.is_some());
}

#[test]
fn the_baseline_waits_while_a_slider_is_dragged() {
    let mut state = AppState::from_fragment("#paths=2000");
    let first = start(&mut state);
    state = state.apply(Action::SetParam(Param::Paths, 3000.0, Gesture::Moving));
    finish(&mut state, &first);
    let preview = start(&mut state);
    assert_eq!(preview.key.precision, Precision::Preview);
    finish(&mut state, &preview);
    assert_eq!(state.next_request(), None, "no baseline run while dragging");
    state = state.apply(Action::Rested(state.revision));
    assert_eq!(start(&mut state).key.role, RunRole::Current);
}

#[test]
fn a_baseline_result_for_an_older_baseline_is_dropped() {
    let mut state = AppState::from_fragment("#paths=300&gdp=7");
    let current = start(&mut state);
    finish(&mut state, &current);
    let baseline = start(&mut state);
    assert_eq!(baseline.key.role, RunRole::Baseline);
    // The seed changes: the plan baseline must follow it to stay paired.
    state = state.apply(Action::SetParam(Param::Seed, 5.0, Gesture::Settled));
    finish(&mut state, &baseline);
    assert_eq!(state.baseline, None);
    assert_eq!(state.differences, None);
}

#[test]
fn a_preset_sets_its_keys_keeps_the_run_settings_and_knows_when_it_is_modified() {
    let state = AppState::from_fragment("#horizon=2030&paths=500");
    let chosen = state.apply(Action::ChoosePreset(PresetId::Downturn));
    assert_eq!(chosen.scenario.get(Param::ShockP), 20.0);
    assert_eq!(chosen.scenario.horizon_year(), 2030, "run settings stay");
    assert_eq!(chosen.scenario.paths(), 500);
    assert!(!chosen.is_modified());
    assert!(chosen.fragment().contains("preset=downturn"));
    let moved = chosen.apply(Action::SetParam(Param::Gdp, 6.0, Gesture::Settled));
    assert!(moved.is_modified());
    // Resetting one key goes back to the preset's value, not the plan's.
    let moved_preset_key = moved.apply(Action::SetParam(Param::Vol, 1.0, Gesture::Settled));
    let reset_one = moved_preset_key.apply(Action::ResetParam(Param::Vol));
    assert_eq!(reset_one.scenario.get(Param::Vol), 2.5);
    let reset_all = moved.apply(Action::ResetToPreset);
    assert_eq!(reset_all.scenario, chosen.scenario);
    assert!(!reset_all.is_modified());
    // The link written after a change reproduces the screen.
    let reopened = AppState::from_fragment(&moved.fragment());
    assert_eq!(
        (reopened.scenario, reopened.preset),
        (moved.scenario.clone(), Some(PresetId::Downturn))
    );
}

#[test]
fn the_link_keeps_the_target_looked_at() {
    let state = AppState::from_fragment("").apply(Action::SelectTarget(TargetId::Air));
    assert_eq!(state.source, ScenarioSource::Controls);
    assert!(state.fragment().contains("target=air"));
    assert_eq!(
        AppState::from_fragment(&state.fragment()).selected_target,
        TargetId::Air
    );
}

#[test]
fn opening_a_saved_pair_restores_both_scenarios() {
    let (link, _) = taijiang_sim::link::parse("#gdp=6&a=invest");
    let state = AppState::from_fragment("#inv=10").apply(Action::Open(Box::new(link.clone())));
    assert_eq!(state.scenario, link.current.scenario);
    assert_eq!(state.pinned, link.pinned);
    assert_eq!(state.source, ScenarioSource::Controls);
}

#[test]
fn the_plan_itself_shows_no_differences_but_a_change_or_a_pin_does() {
    let mut plan = AppState::from_fragment("#paths=300");
    settle(&mut plan);
    assert!(plan.differences.is_some());
    assert_eq!(plan.shown_differences(), None, "the plan against itself");
    assert_eq!(plan.pinned_summary(), None, "nothing pinned to draw");
    let pinned = plan.apply(Action::PinBaseline);
    assert!(pinned.shown_differences().is_some());
    assert!(pinned.pinned_summary().is_some());
    let mut moved = plan.apply(Action::SetParam(Param::Gdp, 6.0, Gesture::Settled));
    settle(&mut moved);
    assert!(moved.shown_differences().is_some());
}

#[test]
fn a_host_sets_the_scenario_of_an_embedded_piece_which_stays_on_show() {
    let state = AppState::from_fragment("#v=2&embed=gdp");
    assert_eq!(state.embed, Some(EmbedPiece::Fan(SeriesId::Gdp)));
    // A hand-written link from the host: read as the address bar's, without notices for what a
    // message cannot lose (its checksum) or need not say (the version it speaks to).
    let set = state.apply(Action::FromHost("#gdp=6&inv=50".into()));
    assert_eq!(set.embed, Some(EmbedPiece::Fan(SeriesId::Gdp)));
    assert_eq!(set.scenario.get(Param::Gdp), 6.0);
    assert_eq!(set.scenario.get(Param::Inv), 50.0);
    assert_eq!(set.revision, state.revision + 1);
    assert!(set.notices.is_empty(), "{:?}", set.notices);
    // A link naming another piece switches to it; one that is wrong says so.
    let other = set.apply(Action::FromHost("#embed=targets&gdp=oops".into()));
    assert_eq!(other.embed, Some(EmbedPiece::Targets));
    assert_eq!(other.scenario.get(Param::Gdp), 7.5);
    assert_eq!(other.notices.len(), 1);
    let older = set.apply(Action::FromHost("#v=1&gdp=6".into()));
    assert_eq!(
        older.notices.len(),
        1,
        "an older model version is still named"
    );
    // The full page's link leaves the piece out.
    assert!(!link::write(&set.link().full_page()).contains("embed"));
}

/// An analysis's "try" is one action: the scenario on screen becomes A and B is it with the one
/// parameter changed; A's result is reused, so only B runs.
#[test]
fn trying_a_change_pins_the_scenario_as_a_and_makes_the_change_b() {
    let mut state = AppState::from_fragment("#paths=300&gdp=7&preset=invest");
    settle(&mut state);
    let before = state.scenario.clone();
    let tried = state.apply(Action::TryChange(Param::Gdp, 8.0));
    let a = tried.pinned.as_ref().expect("A is pinned");
    assert_eq!(a.scenario, before, "A is what was on screen");
    assert_eq!(a.preset, Some(PresetId::Invest), "with its preset");
    assert_eq!(tried.scenario, before.with(Param::Gdp, 8.0).expect("valid"));
    assert_eq!(tried.source, ScenarioSource::Controls);
    assert_eq!(
        tried.next_request().map(|r| r.key.role),
        Some(RunRole::Current),
        "B runs; A's result is the one on screen"
    );
    assert!(
        tried.fragment().contains("a=invest"),
        "{}",
        tried.fragment()
    );
    // A value the parameter cannot take is refused by the control; trying it changes nothing.
    let refused = state.apply(Action::TryChange(Param::Gdp, 99.0));
    assert_eq!(refused.pinned, None);
    assert_eq!(refused.scenario, before);
}
