//! Analyses in the one pool: orders go to free workers one at a time, runs come first, and
//! every failure (a worker that never loads, one that takes an order and never answers, one
//! that cannot read an order, a message that cannot be posted) ends with the analysis finished,
//! on the page's thread if need be, with the same numbers as on one thread.

// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use std::rc::Rc;
use taijiang_sim::analysis::goal_seek::Goal;
use taijiang_sim::analysis::jobs::{run_here, Job, JobKind, OrderId};
use taijiang_sim::analysis::tornado::Scope;
use taijiang_sim::analysis::{all_changes, Measure, PairedChange};
use taijiang_sim::engine::{self, Summary};
use taijiang_sim::plan::TargetId;
use taijiang_sim::pool::{stall_limit_ms, Command, PoolState, LOAD_LIMIT_MS};
use taijiang_sim::scenario::{Param, Scenario};
use taijiang_sim::state::{Precision, RunKey, RunRequest, RunRole};

/// A small scenario, so that each order's run is quick.
fn base() -> (Scenario, Rc<Summary>) {
    let base = scenario(&[(Param::Paths, 200.0)]);
    let run = Rc::new(engine::run(&base));
    (base, run)
}

fn loaded_pool(workers: u32) -> PoolState {
    let mut pool = PoolState::new(workers, 5_000);
    for _ in 0..workers {
        pool.loaded(0.0);
    }
    pool
}

/// What a worker answers to an order.
fn answer(base: &Scenario, scenario: &Scenario) -> Vec<PairedChange> {
    all_changes(&engine::run(base), &engine::run(scenario))
}

/// The orders handed to workers, as (worker, order, base, scenario).
fn orders(commands: &[Command]) -> Vec<(u32, OrderId, Scenario, Scenario)> {
    commands
        .iter()
        .filter_map(|command| match command {
            Command::Analyse {
                worker,
                order,
                base,
                scenario,
            } => Some((*worker, *order, (**base).clone(), (**scenario).clone())),
            _ => None,
        })
        .collect()
}

/// The orders handed to the page's thread.
fn on_page(commands: &[Command]) -> Vec<(OrderId, Scenario, Rc<Summary>)> {
    commands
        .iter()
        .filter_map(|command| match command {
            Command::AnalyseOnPage {
                order,
                scenario,
                base_run,
            } => Some((*order, (**scenario).clone(), base_run.clone())),
            _ => None,
        })
        .collect()
}

fn ended(commands: &[Command]) -> usize {
    commands
        .iter()
        .filter(|c| **c == Command::AnalysisEnded)
        .count()
}

/// Answers every order handed out (by the workers, or by the page's thread) until none is
/// left; returns how many times the pool said the job ended.
fn drive(pool: &mut PoolState, first: Vec<Command>, now: f64) -> usize {
    let mut pending = first;
    let mut ends = 0;
    while !pending.is_empty() {
        ends += ended(&pending);
        let mut next = Vec::new();
        for (worker, order, base, scenario) in orders(&pending) {
            next.extend(pool.analysed(worker, order, answer(&base, &scenario), now));
        }
        for (order, scenario, base_run) in on_page(&pending) {
            let changes = all_changes(&base_run, &engine::run(&scenario));
            next.extend(pool.analysed_on_page(order, changes, now));
        }
        pending = next;
    }
    ends
}

/// The job's results as one thread gives them.
fn expected(kind: JobKind, base: &Scenario, base_run: &Summary) -> Job {
    let mut job = Job::new(kind, base, base_run);
    run_here(&mut job, base_run);
    job
}

fn tornado() -> JobKind {
    JobKind::Tornado {
        scope: Scope::LeversAndBases,
    }
}

fn request(paths: u32) -> RunRequest {
    RunRequest {
        key: RunKey {
            role: RunRole::Current,
            revision: 1,
            precision: Precision::Full,
        },
        scenario: scenario(&[(Param::Paths, f64::from(paths))]),
    }
}

#[test]
fn a_job_spreads_over_every_free_worker_one_order_each_and_ends_once() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(3);
    let first = pool.start_analysis(tornado(), &base, base_run.clone(), 7, 0.0);
    let handed = orders(&first);
    assert_eq!(
        handed.iter().map(|o| o.0).collect::<Vec<_>>(),
        [0, 1, 2],
        "one order for each worker"
    );
    assert!(first.contains(&Command::AnalysisChanged));
    assert_eq!(drive(&mut pool, first, 1.0), 1, "the end is said once");
    let view = pool.analysis_view().expect("the job is kept");
    assert_eq!(view.revision, 7);
    assert!(view.job.is_done());
    assert_eq!(view.elapsed_ms, Some(1.0));
    let one_thread = expected(tornado(), &base, &base_run);
    assert_eq!(view.job.tornado_results(), one_thread.tornado_results());
    assert!(pool.has_analysis_for(7) && !pool.has_analysis_for(8));
}

#[test]
fn a_worker_holding_a_part_of_the_run_in_hand_gets_no_order_until_it_is_back() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(2);
    // A preview in one part occupies worker 0.
    let run = pool.send(request(1_000), 0.0);
    assert!(matches!(run[..], [Command::Start { parts: 1, .. }]));
    let first = pool.start_analysis(tornado(), &base, base_run, 1, 0.0);
    assert_eq!(
        orders(&first).iter().map(|o| o.0).collect::<Vec<_>>(),
        [1],
        "only the free worker"
    );
    let part = common::split_parts(&request(1_000).scenario, 1, 1).remove(0);
    let after = pool.done(0, part, 1.0);
    assert!(after.iter().any(|c| matches!(c, Command::Respond(_))));
    assert_eq!(
        orders(&after).iter().map(|o| o.0).collect::<Vec<_>>(),
        [0],
        "worker 0 takes an order once its part is back"
    );
}

#[test]
fn orders_wait_for_the_workers_to_load() {
    let (base, base_run) = base();
    let mut pool = PoolState::new(2, 5_000);
    let first = pool.start_analysis(tornado(), &base, base_run, 1, 0.0);
    assert!(orders(&first).is_empty() && on_page(&first).is_empty());
    assert!(pool.loaded(1.0).is_empty());
    let loaded = pool.loaded(2.0);
    assert_eq!(loaded.first(), Some(&Command::Connect));
    assert_eq!(orders(&loaded).len(), 2);
}

/// A silent pool: workers that never say they have loaded. Past the load limit the page's
/// thread takes the analysis, one order at a time, to its end.
#[test]
fn workers_that_never_load_leave_the_analysis_to_the_page() {
    let (base, base_run) = base();
    let mut pool = PoolState::new(2, 5_000);
    pool.start_analysis(tornado(), &base, base_run.clone(), 1, 0.0);
    assert!(pool.check(LOAD_LIMIT_MS).is_empty(), "up to the limit");
    let given_up = pool.check(LOAD_LIMIT_MS + 1.0);
    assert!(given_up.contains(&Command::StopWorkers));
    assert_eq!(on_page(&given_up).len(), 1, "one order at a time");
    assert_eq!(drive(&mut pool, given_up, 2.0), 1);
    let view = pool.analysis_view().expect("kept");
    assert_eq!(
        view.job.tornado_results(),
        expected(tornado(), &base, &base_run).tornado_results()
    );
}

/// A hung worker: it takes an order and never answers. Past the order's allowance the pool
/// gives up on the workers; the order and the rest run on the page's thread.
#[test]
fn a_worker_that_takes_an_order_and_never_answers_leaves_the_rest_to_the_page() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(2);
    let first = pool.start_analysis(tornado(), &base, base_run.clone(), 1, 0.0);
    let handed = orders(&first);
    // Worker 0 answers its order; worker 1 never does.
    let (worker, order, b, s) = handed[0].clone();
    let next = pool.analysed(worker, order, answer(&b, &s), 10.0);
    assert_eq!(orders(&next).len(), 1, "worker 0 takes the next one");
    let allowance = stall_limit_ms(&base) * 2.0;
    assert!(
        pool.check(allowance).is_empty(),
        "within worker 1's allowance"
    );
    let given_up = pool.check(allowance + 1.0);
    assert!(given_up.contains(&Command::StopWorkers));
    assert!(given_up.iter().any(|c| matches!(c, Command::Warn(_))));
    assert_eq!(
        drive(&mut pool, given_up, 20.0),
        1,
        "the job reaches its end"
    );
    assert_eq!(
        pool.analysis_view().expect("kept").job.tornado_results(),
        expected(tornado(), &base, &base_run).tornado_results(),
        "the same numbers"
    );
    // Late answers of the stopped workers change nothing.
    let (worker, order, b, s) = handed[1].clone();
    assert!(pool
        .analysed(worker, order, answer(&b, &s), 30.0)
        .is_empty());
}

#[test]
fn a_dropped_jobs_late_answer_is_ignored_and_frees_its_worker() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(1);
    let first = pool.start_analysis(tornado(), &base, base_run.clone(), 1, 0.0);
    let (worker, order, b, s) = orders(&first)[0].clone();
    assert_eq!(pool.cancel_analysis(), [Command::AnalysisChanged]);
    assert!(pool.analysis_view().is_none());
    let second = pool.start_analysis(tornado(), &base, base_run, 2, 1.0);
    assert!(orders(&second).is_empty(), "worker 0 is still busy");
    let late = pool.analysed(worker, order, answer(&b, &s), 2.0);
    assert!(!late.contains(&Command::AnalysisChanged), "ignored");
    let handed = orders(&late);
    assert_eq!(
        handed.len(),
        1,
        "the freed worker takes the new job's order"
    );
    assert_ne!(handed[0].1.job, order.job);
}

#[test]
fn an_answer_to_another_order_hands_the_one_held_out_again() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(1);
    let first = pool.start_analysis(tornado(), &base, base_run, 1, 0.0);
    let (worker, order, b, s) = orders(&first)[0].clone();
    let wrong = OrderId {
        item: order.item + 1,
        ..order
    };
    let again = pool.analysed(worker, wrong, answer(&b, &s), 1.0);
    let handed = orders(&again);
    assert_eq!(handed.len(), 1);
    assert_eq!(handed[0].1, order, "the order held, again");
}

#[test]
fn a_worker_that_cannot_read_an_order_gets_no_more_and_the_page_takes_over_when_none_can() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(2);
    let first = pool.start_analysis(tornado(), &base, base_run.clone(), 1, 0.0);
    let handed = orders(&first);
    let refused = pool.refused(0, None, 1.0);
    assert!(!refused.contains(&Command::StopWorkers), "the pool goes on");
    assert!(
        orders(&refused).is_empty(),
        "worker 1 is busy, worker 0 refuses"
    );
    let (worker, order, b, s) = handed[1].clone();
    let next = pool.analysed(worker, order, answer(&b, &s), 2.0);
    assert_eq!(
        orders(&next).iter().map(|o| o.0).collect::<Vec<_>>(),
        [1],
        "only worker 1 takes orders now"
    );
    let (_, order, ..) = orders(&next)[0].clone();
    let both = pool.refused(1, None, 3.0);
    assert!(orders(&both).is_empty());
    assert_eq!(on_page(&both).len(), 1, "no worker left: the page's thread");
    assert_eq!(on_page(&both)[0].0, order, "the lost order first");
    assert_eq!(drive(&mut pool, both, 4.0), 1);
    assert_eq!(
        pool.analysis_view().expect("kept").job.tornado_results(),
        expected(tornado(), &base, &base_run).tornado_results()
    );
}

#[test]
fn an_unreadable_message_from_a_worker_without_a_part_leaves_the_run_alone() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(2);
    pool.send(request(1_000), 0.0);
    pool.start_analysis(tornado(), &base, base_run, 1, 0.0);
    let refused = pool.refused(1, None, 1.0);
    assert!(
        !refused
            .iter()
            .any(|c| matches!(c, Command::Start { .. } | Command::StopWorkers)),
        "the preview on worker 0 goes on"
    );
}

#[test]
fn a_failed_worker_sends_the_analysis_to_the_page() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(2);
    pool.start_analysis(tornado(), &base, base_run.clone(), 1, 0.0);
    let failed = pool.failed(1.0);
    assert!(failed.contains(&Command::StopWorkers));
    assert_eq!(on_page(&failed).len(), 1);
    assert_eq!(drive(&mut pool, failed, 2.0), 1);
}

#[test]
fn without_workers_runs_and_analyses_happen_on_the_page() {
    let (base, base_run) = base();
    let mut pool = PoolState::on_page_only();
    assert_eq!(
        pool.send(request(1_000), 0.0),
        [Command::RunOnPage(request(1_000))]
    );
    let goal = JobKind::GoalSeek(Goal {
        measure: Measure::Target(TargetId::Gdp),
        required: 0.9,
        param: Param::Gdp,
    });
    let first = pool.start_analysis(goal.clone(), &base, base_run.clone(), 1, 0.0);
    assert_eq!(on_page(&first).len(), 1);
    assert_eq!(drive(&mut pool, first, 1.0), 1);
    assert_eq!(
        pool.analysis_view().expect("kept").job.seek_results(),
        expected(goal, &base, &base_run).seek_results()
    );
}

#[test]
fn a_job_that_needs_no_run_ends_at_once() {
    let (base, base_run) = base();
    let mut pool = loaded_pool(2);
    let already = JobKind::GoalSeek(Goal {
        measure: Measure::Target(TargetId::Gdp),
        required: 0.0,
        param: Param::Gdp,
    });
    let commands = pool.start_analysis(already, &base, base_run, 1, 0.0);
    assert_eq!(commands, [Command::AnalysisChanged, Command::AnalysisEnded]);
    assert!(pool.analysis_view().expect("kept").job.is_done());
}
