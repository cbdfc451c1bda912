//! The page's side of the engine workers: when runs start, how they are split, how parts become a
//! run's summary, and the fallback to the page's thread. The parts come from real
//! `PartWorker`s, so a response's summary is checked against `engine::run`.

// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{scenario, split_parts};
use taijiang_sim::engine::{self};
use taijiang_sim::pool::{Command, PoolState};
use taijiang_sim::scenario::Param;
use taijiang_sim::state::{Precision, RunKey, RunRequest, RunResponse, RunRole};

const SPLIT_MIN_PATHS: u32 = 5_000;

fn request(revision: u64, paths: u32) -> RunRequest {
    RunRequest {
        key: RunKey {
            role: RunRole::Current,
            revision,
            precision: Precision::Full,
        },
        scenario: scenario(&[(Param::Paths, f64::from(paths))]),
    }
}

fn started(commands: &[Command]) -> Vec<(u64, u32)> {
    commands
        .iter()
        .filter_map(|command| match command {
            Command::Start { run, parts, .. } => Some((*run, *parts)),
            _ => None,
        })
        .collect()
}

fn responses(commands: Vec<Command>) -> Vec<RunResponse> {
    commands
        .into_iter()
        .filter_map(|command| match command {
            Command::Respond(response) => Some(response),
            _ => None,
        })
        .collect()
}

/// A pool of `workers` workers, all loaded.
fn loaded_pool(workers: u32) -> PoolState {
    let mut pool = PoolState::new(workers, SPLIT_MIN_PATHS);
    for _ in 0..workers {
        pool.loaded(0.0);
    }
    pool
}

#[test]
fn a_request_waits_for_every_worker_to_load() {
    let mut pool = PoolState::new(2, SPLIT_MIN_PATHS);
    assert!(pool.send(request(1, 10_000), 0.0).is_empty());
    // The state asks again only for a newer scenario; the newer request is the one held.
    assert!(pool.send(request(2, 10_000), 0.0).is_empty());
    assert!(pool.loaded(0.0).is_empty(), "one of two workers");
    let commands = pool.loaded(5.0);
    assert_eq!(commands.first(), Some(&Command::Connect), "pairs first");
    assert_eq!(started(&commands), [(1, 2)], "one run, the latest request");
    let Some(Command::Start { scenario, .. }) = commands.last() else {
        panic!("a start");
    };
    assert_eq!(*scenario, request(2, 10_000).scenario);
}

#[test]
fn big_runs_are_split_and_small_ones_are_not() {
    let mut pool = loaded_pool(3);
    assert_eq!(started(&pool.send(request(1, 10_000), 0.0)), [(1, 3)]);
    let mut pool = loaded_pool(3);
    assert_eq!(started(&pool.send(request(1, 1_000), 0.0)), [(1, 1)]);
    let mut pool = PoolState::new(4, 0);
    (0..4).for_each(|_| drop(pool.loaded(0.0)));
    assert_eq!(
        started(&pool.send(request(1, 1_000), 0.0)),
        [(1, 4)],
        "a threshold of 0 splits every run"
    );
}

#[test]
fn the_parts_make_the_run() {
    let mut pool = loaded_pool(2);
    let first = request(7, 6_000);
    assert_eq!(started(&pool.send(first.clone(), 10.0)), [(1, 2)]);
    let mut parts = split_parts(&first.scenario, 2, 1);
    let last = parts.pop().expect("two parts");
    assert!(pool.done(0, parts.remove(0), 20.0).is_empty(), "half a run");
    let commands = pool.done(1, last, 42.5);
    assert!(
        started(&commands).is_empty(),
        "the pool keeps no queue of its own"
    );
    let responses = responses(commands);
    assert_eq!(responses.len(), 1);
    let response = &responses[0];
    assert_eq!(response.key.revision, 7);
    assert_eq!(response.key.precision, Precision::Full);
    assert_eq!(response.workers, 2);
    assert_eq!(response.engine_ms, 32.5, "from the start to the last part");
    assert_eq!(
        response.summary,
        engine::run(&first.scenario),
        "bit for bit"
    );
}

/// One run in flight is the state's rule; should a request come while a run is in hand, it
/// supersedes that run, whose late parts are ignored.
#[test]
fn a_request_while_a_run_is_in_hand_supersedes_it() {
    let mut pool = loaded_pool(2);
    let first = request(7, 6_000);
    pool.send(first.clone(), 0.0);
    let second = request(8, 6_000);
    assert_eq!(started(&pool.send(second.clone(), 1.0)), [(2, 2)]);
    let old = split_parts(&first.scenario, 2, 1);
    assert!(pool.done(0, old[0].clone(), 2.0).is_empty());
    assert!(
        pool.done(1, old[1].clone(), 2.0).is_empty(),
        "the old run's parts"
    );
    let new = split_parts(&second.scenario, 2, 2);
    pool.done(0, new[0].clone(), 3.0);
    let responses = responses(pool.done(1, new[1].clone(), 4.0));
    assert_eq!(responses[0].key.revision, 8);
}

#[test]
fn parts_of_another_run_or_from_the_wrong_worker_are_ignored() {
    let mut pool = loaded_pool(2);
    let first = request(1, 6_000);
    pool.send(first.clone(), 0.0);
    let parts = split_parts(&first.scenario, 2, 1);
    let stale = split_parts(&first.scenario, 2, 0);
    assert!(
        pool.done(0, stale[0].clone(), 1.0).is_empty(),
        "another run"
    );
    assert!(
        pool.done(1, parts[0].clone(), 1.0).is_empty(),
        "part 0 from worker 1"
    );
    assert!(pool.done(0, parts[0].clone(), 1.0).is_empty());
    assert!(
        pool.done(0, parts[0].clone(), 1.0).is_empty(),
        "a repeat does not complete the run"
    );
    assert_eq!(
        responses(pool.done(1, parts[1].clone(), 2.0)).len(),
        1,
        "the right parts do"
    );
    assert!(
        pool.done(1, parts[1].clone(), 3.0).is_empty(),
        "nothing is in flight any more"
    );
}

#[test]
fn a_part_numbered_past_the_runs_parts_is_ignored() {
    // A run small enough for one part; the second part of a two-part split of the same run
    // number cannot belong to it, from whichever worker it comes.
    let mut pool = loaded_pool(2);
    let small = request(1, 1_000);
    let run = started(&pool.send(small.clone(), 0.0))[0];
    assert_eq!(run.1, 1, "one part");
    let two = split_parts(&small.scenario, 2, run.0);
    assert!(pool.done(1, two[1].clone(), 1.0).is_empty(), "part 1 of 1");
    let own = split_parts(&small.scenario, 1, run.0);
    assert_eq!(responses(pool.done(0, own[0].clone(), 2.0)).len(), 1);
}

#[test]
fn parts_that_do_not_merge_are_run_again_in_one_part() {
    let mut pool = loaded_pool(2);
    let first = request(1, 6_000);
    pool.send(first.clone(), 0.0);
    let mut parts = split_parts(&first.scenario, 2, 1);
    parts[1].series.clear();
    pool.done(0, parts[0].clone(), 1.0);
    let commands = pool.done(1, parts[1].clone(), 2.0);
    assert!(commands.iter().any(|c| matches!(c, Command::Warn(_))));
    assert_eq!(started(&commands), [(2, 1)]);
    assert!(
        responses(commands).is_empty(),
        "no response from broken parts"
    );
    let again = split_parts(&first.scenario, 1, 2);
    let responses = responses(pool.done(0, again[0].clone(), 3.0));
    assert_eq!(responses[0].summary, engine::run(&first.scenario));
    assert_eq!(responses[0].workers, 1);
}

#[test]
fn a_failed_worker_sends_the_run_in_hand_and_every_later_one_to_the_page() {
    let mut pool = loaded_pool(2);
    pool.send(request(1, 6_000), 0.0);
    pool.send(request(2, 6_000), 0.0);
    let commands = pool.failed(0.0);
    assert!(commands.contains(&Command::StopWorkers));
    assert!(
        commands.contains(&Command::RunOnPage(request(2, 6_000))),
        "the latest request"
    );
    assert!(pool.failed(0.0).is_empty(), "once");
    assert_eq!(
        pool.send(request(3, 6_000), 0.0),
        [Command::RunOnPage(request(3, 6_000))]
    );
    let mut loading = PoolState::new(2, SPLIT_MIN_PATHS);
    loading.send(request(1, 1_000), 0.0);
    assert!(
        loading
            .failed(0.0)
            .contains(&Command::RunOnPage(request(1, 1_000))),
        "a worker that never loaded"
    );
    assert!(
        loading.loaded(0.0).is_empty() && loading.loaded(0.0).is_empty(),
        "a late load changes nothing"
    );
}

#[test]
fn a_run_that_stops_making_progress_finishes_on_the_page() {
    use taijiang_sim::pool::stall_limit_ms;
    let mut pool = loaded_pool(2);
    let request = request(3, 20_000);
    let limit = stall_limit_ms(&request.scenario);
    assert_eq!(started(&pool.send(request.clone(), 0.0)).len(), 1);
    assert!(pool.check(limit - 1.0).is_empty(), "within its allowance");
    assert!(
        pool.check(limit).is_empty(),
        "the allowance itself is allowed"
    );
    let commands = pool.check(limit + 1.0);
    assert!(commands.contains(&Command::StopWorkers), "{commands:?}");
    assert!(commands.contains(&Command::RunOnPage(request.clone())));
    assert!(pool.check(limit + 5_000.0).is_empty(), "once is enough");
    // Later requests go to the page's thread.
    assert_eq!(
        pool.send(request.clone(), limit + 6_000.0),
        vec![Command::RunOnPage(request)]
    );
}

/// The allowance is 5 s plus 0.01 ms per path and year after 2020: about fifty times the
/// 0.00016 ms per path-year the engine needs in wasm (docs/BENCHMARKS.md), so that only a worker
/// that stopped answering reaches it, and never more than 35 s.
#[test]
fn the_allowance_grows_with_paths_and_years() {
    use taijiang_sim::pool::stall_limit_ms;
    let at = |paths: f64, horizon: f64| {
        stall_limit_ms(&scenario(&[
            (Param::Paths, paths),
            (Param::Horizon, horizon),
        ]))
    };
    assert_eq!(at(100.0, 2025.0), 5_005.0);
    assert_eq!(at(10_000.0, 2025.0), 5_500.0);
    assert_eq!(at(10_000.0, 2035.0), 6_500.0);
    assert_eq!(at(200_000.0, 2035.0), 35_000.0);
}

#[test]
fn a_part_that_arrives_resets_the_allowance() {
    use taijiang_sim::pool::stall_limit_ms;
    let mut pool = loaded_pool(2);
    let request = request(4, 10_000);
    let limit = stall_limit_ms(&request.scenario);
    let run = started(&pool.send(request.clone(), 0.0))[0].0;
    let parts = split_parts(&request.scenario, 2, run);
    assert!(pool.done(0, parts[0].clone(), limit - 10.0).is_empty());
    assert!(
        pool.check(limit + 10.0).is_empty(),
        "a part arrived just before"
    );
    assert_eq!(
        responses(pool.done(1, parts[1].clone(), limit + 20.0)).len(),
        1
    );
    assert!(pool.check(10.0 * limit).is_empty(), "nothing in flight");
}

#[test]
fn workers_that_never_load_leave_the_run_to_the_page() {
    use taijiang_sim::pool::LOAD_LIMIT_MS;
    let mut pool = PoolState::new(2, SPLIT_MIN_PATHS);
    pool.loaded(0.0);
    let request = request(5, 1_000);
    assert!(
        pool.send(request.clone(), 100.0).is_empty(),
        "waits for the second worker"
    );
    assert!(pool.check(100.0 + LOAD_LIMIT_MS - 1.0).is_empty());
    assert!(
        pool.check(100.0 + LOAD_LIMIT_MS).is_empty(),
        "the limit itself is still allowed"
    );
    let commands = pool.check(100.0 + LOAD_LIMIT_MS + 1.0);
    assert!(
        commands.contains(&Command::RunOnPage(request)),
        "{commands:?}"
    );
}

#[test]
fn a_refused_or_unreadable_part_runs_again_in_one_part_then_on_the_page() {
    let mut pool = loaded_pool(2);
    let first = request(1, 6_000);
    assert_eq!(started(&pool.send(first.clone(), 0.0)), [(1, 2)]);
    // Another run's refusal changes nothing.
    assert!(pool.refused(0, Some(9), 1.0).is_empty());
    // A part refused (no port to its peer), or a result the page could not read (no run
    // known): the run is done again in one part, at once.
    let commands = pool.refused(0, Some(1), 2.0);
    assert!(commands.iter().any(|c| matches!(c, Command::Warn(_))));
    assert_eq!(started(&commands), [(2, 1)]);
    // Refused again in one part: the page's thread takes it, and every later run.
    let commands = pool.refused(0, None, 3.0);
    assert!(commands.contains(&Command::StopWorkers));
    assert!(commands.contains(&Command::RunOnPage(first.clone())));
    assert_eq!(
        pool.send(request(2, 6_000), 4.0),
        [Command::RunOnPage(request(2, 6_000))]
    );
}

#[test]
fn parts_with_missing_years_or_impossible_counts_do_not_merge() {
    use taijiang_sim::engine::split::merge;
    let s = request(1, 6_000).scenario;
    let parts = split_parts(&s, 2, 1);
    assert_eq!(merge(&s, &parts), Some(engine::run(&s)));
    let mut short = parts.clone();
    short[0].series[0].years.pop();
    assert_eq!(merge(&s, &short), None, "a year missing");
    let mut no_histogram = parts.clone();
    no_histogram[1].series[0].histograms.clear();
    assert_eq!(merge(&s, &no_histogram), None, "a histogram missing");
    let mut bins = parts.clone();
    bins[1].series[0].histograms[0].counts.push(0);
    assert_eq!(merge(&s, &bins), None, "a bin too many");
    let mut counted = parts.clone();
    counted[0].targets[0].met = 3_001;
    assert_eq!(
        merge(&s, &counted),
        None,
        "more paths met than the part has"
    );
}

#[test]
fn a_run_in_one_part_that_does_not_merge_goes_to_the_page() {
    let mut pool = loaded_pool(2);
    let small = request(3, 1_000);
    assert_eq!(started(&pool.send(small.clone(), 0.0)), [(1, 1)]);
    let mut parts = split_parts(&small.scenario, 1, 1);
    parts[0].series.pop();
    let commands = pool.done(0, parts[0].clone(), 1.0);
    assert!(commands.contains(&Command::StopWorkers));
    assert!(commands.contains(&Command::RunOnPage(small)));
}
