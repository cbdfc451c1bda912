//! A run split over several workers gives the same summary, bit for bit, as one run, whatever the
//! number of parts and the order in which their messages arrive.

// Native only: the browser build proves the identity end to end (tests/e2e/parallel.test.mjs).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{scenario, split_parts, GOLDEN_FINGERPRINT, GOLDEN_SCENARIO};
use proptest::prelude::*;
use taijiang_sim::engine::split::{
    effective_parts, merge, owned_series, part_paths, BadPart, Outgoing, PartRun, PartSummary,
    PartWorker, Slice, MAX_PARTS, RUN_AHEAD,
};
use taijiang_sim::engine::{self, Summary};
use taijiang_sim::plan::SeriesId;
use taijiang_sim::scenario::{Param, Scenario};

enum Message {
    Start,
    Slice(Slice),
}

/// Runs `scenario` split into `parts` parts, as workers would: every message (the start of each
/// part included) waits in one queue, and the next to be delivered is picked by a small
/// generator seeded with `order`, so parts start late, run ahead and receive out of order.
fn run_split(scenario: &Scenario, parts: u32, run: u64, order: u64) -> Option<Summary> {
    let mut workers: Vec<PartWorker> = (0..parts).map(|_| PartWorker::new()).collect();
    let mut queue: Vec<(u32, Message)> = (0..parts).map(|part| (part, Message::Start)).collect();
    let mut done: Vec<PartSummary> = Vec::new();
    let mut state = order | 1;
    while !queue.is_empty() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let (to, message) = queue.swap_remove((state % queue.len() as u64) as usize);
        let worker = &mut workers[to as usize];
        let sent = match message {
            Message::Start => worker
                .start(run, scenario, to, parts)
                .expect("the part fits"),
            Message::Slice(slice) => worker.receive(slice),
        };
        for outgoing in sent {
            match outgoing {
                Outgoing::Slice { to, slice } => queue.push((to, Message::Slice(slice))),
                Outgoing::Done(summary) => done.push(summary),
            }
        }
    }
    assert_eq!(done.len(), parts as usize, "every part finishes");
    merge(scenario, &done)
}

fn golden() -> Scenario {
    taijiang_sim::link::parse(GOLDEN_SCENARIO)
        .0
        .current
        .scenario
}

#[test]
fn every_number_of_parts_gives_the_golden_run_bit_for_bit() {
    let s = golden();
    let whole = engine::run(&s);
    assert_eq!(whole.fingerprint(), GOLDEN_FINGERPRINT);
    for parts in 1..=MAX_PARTS {
        for order in [1, 0x9e37_79b9_7f4a_7c15] {
            let split = run_split(&s, parts, 7, order).expect("the parts make a whole run");
            assert_eq!(split, whole, "{parts} parts, delivery order {order:#x}");
            assert_eq!(split.fingerprint(), GOLDEN_FINGERPRINT);
        }
    }
}

#[test]
fn the_default_scenario_split_in_two_matches_one_worker() {
    let s = Scenario::default();
    assert_eq!(run_split(&s, 2, 1, 42), Some(engine::run(&s)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    #[test]
    fn any_split_matches_one_run(
        paths in 100u32..400,
        wanted in 1u32..16,
        horizon in 2025u32..=2035,
        seed in 0u32..1000,
        order in any::<u64>(),
    ) {
        let s = scenario(&[
            (Param::Paths, f64::from(paths)),
            (Param::Horizon, f64::from(horizon)),
            (Param::Seed, f64::from(seed)),
        ]);
        let parts = effective_parts(paths, wanted);
        prop_assert_eq!(run_split(&s, parts, 3, order), Some(engine::run(&s)));
    }

    #[test]
    fn parts_tile_the_paths_and_share_out_the_series(paths in 1u32..100_000, wanted in 0u32..64) {
        let parts = effective_parts(paths, wanted);
        prop_assert!((1..=MAX_PARTS).contains(&parts) && parts <= paths);
        let mut next = 0;
        for part in 0..parts {
            let range = part_paths(paths, part, parts);
            prop_assert_eq!(range.start, next);
            prop_assert!(range.end > range.start, "no part is empty");
            next = range.end;
        }
        prop_assert_eq!(next, u64::from(paths));
        let mut owners = vec![0; SeriesId::ALL.len()];
        for part in 0..parts {
            let owned = owned_series(part, parts);
            prop_assert!(!owned.is_empty());
            owned.iter().for_each(|series| owners[series.index()] += 1);
        }
        prop_assert!(owners.iter().all(|&count| count == 1));
    }
}

/// Starts part 0 of a two-part run of 100 paths and returns it with the slice it sends part 1.
fn first_part() -> (Scenario, PartRun, Slice) {
    let s = scenario(&[(Param::Paths, 100.0)]);
    let (part, out) = PartRun::start(5, &s, 0, 2).expect("in range");
    let Some(Outgoing::Slice { to: 1, slice }) = out.into_iter().next() else {
        panic!("part 0 first sends part 1 its slice of 2020");
    };
    (s, part, slice)
}

/// The slice of 2020 that part 1 sends part 0: 50 paths of part 0's five series.
fn from_part_one(run: u64) -> Slice {
    Slice {
        run,
        step: 0,
        from: 1,
        values: vec![1.0; 5 * 50],
    }
}

#[test]
fn a_slice_that_does_not_belong_is_ignored() {
    let (_, mut part, sent) = first_part();
    assert_eq!(
        sent.values.len(),
        5 * 50,
        "50 paths of part 1's five series"
    );
    let wrong = [
        Slice {
            run: 4,
            ..from_part_one(5)
        },
        Slice {
            from: 0,
            ..from_part_one(5)
        },
        // The first number past the run's parts, and one far past it.
        Slice {
            from: 2,
            ..from_part_one(5)
        },
        Slice {
            from: 9,
            ..from_part_one(5)
        },
        Slice {
            step: 6,
            ..from_part_one(5)
        },
        Slice {
            values: vec![1.0; 5 * 50 - 1],
            ..from_part_one(5)
        },
    ];
    for slice in wrong {
        assert!(part.receive(slice.clone()).is_empty(), "{slice:?}");
    }
    let next = part.receive(from_part_one(5));
    assert_eq!(
        next.len(),
        1,
        "the right slice completes 2020 and 2021 is sent"
    );
    assert!(
        part.receive(from_part_one(5)).is_empty(),
        "a repeat is ignored"
    );
    assert!(!part.is_finished());
}

/// Two parts that exchange every slice finish, each sending its summary once, and a slice
/// that comes after that changes nothing.
#[test]
fn parts_that_exchange_every_slice_finish_and_then_ignore_slices() {
    let s = scenario(&[(Param::Paths, 100.0)]);
    let (first, out_first) = PartRun::start(5, &s, 0, 2).expect("in range");
    let (second, out_second) = PartRun::start(5, &s, 1, 2).expect("in range");
    let mut parts = [first, second];
    let mut queue: Vec<Outgoing> = out_first.into_iter().chain(out_second).collect();
    let mut done = 0;
    while let Some(outgoing) = queue.pop() {
        match outgoing {
            Outgoing::Slice { to, slice } => queue.extend(parts[to as usize].receive(slice)),
            Outgoing::Done(_) => done += 1,
        }
    }
    assert_eq!(done, 2, "each part sends its summary once");
    assert!(parts.iter().all(PartRun::is_finished));
    assert!(parts[0].receive(from_part_one(5)).is_empty());
}

#[test]
fn slices_that_arrive_before_their_run_are_kept_and_old_ones_dropped() {
    let s = scenario(&[(Param::Paths, 100.0)]);
    let mut worker = PartWorker::new();
    assert!(worker.receive(from_part_one(5)).is_empty());
    let out = worker.start(5, &s, 0, 2).expect("fits");
    assert_eq!(
        out.len(),
        RUN_AHEAD + 1,
        "the slices of the years it runs ahead and, with the early slice used, one more"
    );
    assert!(
        worker.receive(from_part_one(4)).is_empty(),
        "an older run is dropped"
    );
}

/// A peer may start the next run before this worker does: its slices, arriving while the
/// current run goes on or before the worker ever started, wait for that run, and only for it.
#[test]
fn slices_of_the_next_run_wait_for_it_while_another_runs() {
    let s = scenario(&[(Param::Paths, 100.0)]);
    let without_early = RUN_AHEAD;
    let with_early = RUN_AHEAD + 1;

    let mut worker = PartWorker::new();
    worker.start(5, &s, 0, 2).expect("fits");
    assert!(
        worker.receive(from_part_one(6)).is_empty(),
        "held, not used by run 5"
    );
    assert_eq!(
        worker.start(6, &s, 0, 2).expect("fits").len(),
        with_early,
        "run 6 uses it"
    );

    let mut worker = PartWorker::new();
    assert!(worker.receive(from_part_one(7)).is_empty());
    assert_eq!(
        worker.start(6, &s, 0, 2).expect("fits").len(),
        without_early,
        "not run 6's"
    );
    assert_eq!(
        worker.start(7, &s, 0, 2).expect("fits").len(),
        with_early,
        "kept through run 6 for run 7"
    );
}

/// A confused sender cannot fill a worker's memory: it holds at most `RUN_AHEAD` slices from
/// each of `MAX_PARTS` peers for runs not started, and slices of finished runs not at all, so
/// that they never crowd out the next run's.
#[test]
fn a_worker_holds_a_bounded_number_of_early_slices_and_none_of_old_runs() {
    let s = scenario(&[(Param::Paths, 100.0)]);
    let limit = RUN_AHEAD * MAX_PARTS as usize;
    // Slices of run 6 that run 6 will refuse (a wrong length), held only to take room.
    let junk = || Slice {
        values: vec![1.0],
        ..from_part_one(6)
    };
    let held_after = |junk_count: usize| {
        let mut worker = PartWorker::new();
        worker.start(5, &s, 0, 2).expect("fits");
        for _ in 0..junk_count {
            worker.receive(junk());
        }
        worker.receive(from_part_one(6));
        worker.start(6, &s, 0, 2).expect("fits").len() == RUN_AHEAD + 1
    };
    assert!(held_after(limit - 1), "the last that fits is held");
    assert!(!held_after(limit), "one past the limit is dropped");

    let mut worker = PartWorker::new();
    worker.start(5, &s, 0, 2).expect("fits");
    for _ in 0..limit {
        worker.receive(from_part_one(4));
    }
    worker.receive(from_part_one(6));
    assert_eq!(
        worker.start(6, &s, 0, 2).expect("fits").len(),
        RUN_AHEAD + 1,
        "an old run's slices took no room"
    );
}

#[test]
fn out_of_range_parts_do_not_start() {
    let s = scenario(&[(Param::Paths, 100.0)]);
    assert!(PartRun::start(1, &s, 2, 2).is_none());
    assert!(PartRun::start(1, &s, 0, 0).is_none());
    assert!(PartRun::start(1, &s, 0, MAX_PARTS + 1).is_none());
    assert_eq!(PartWorker::new().start(1, &s, 3, 2), Err(BadPart));
}

#[test]
fn merge_refuses_parts_that_do_not_make_a_run() {
    let s = scenario(&[(Param::Paths, 150.0)]);
    let parts: Vec<PartSummary> = (0..3)
        .map(|part| PartSummary {
            run: 9,
            part,
            series: Vec::new(),
            targets: Vec::new(),
            outcomes: Default::default(),
            judged: Vec::new(),
            floored_path_years: 0,
            user_targets: Vec::new(),
        })
        .collect();
    assert_eq!(merge(&s, &parts), None, "no series at all");

    let whole = run_split(&s, 3, 9, 1).expect("complete");
    assert_eq!(whole, engine::run(&s));
    let done = split_parts(&s, 3, 9);
    assert!(merge(&s, &done).is_some());
    assert_eq!(merge(&s, &done[..2]), None, "a part missing");
    let twice = [done.clone(), vec![done[0].clone()]].concat();
    assert_eq!(merge(&s, &twice), None, "a part twice");
    // The same part again with nothing else to give it away: its number alone does.
    let mut echo = done[0].clone();
    echo.series.clear();
    let echoed = [done.clone(), vec![echo]].concat();
    assert_eq!(merge(&s, &echoed), None, "a part's number twice");
    let mut beyond = done.clone();
    beyond[2].part = MAX_PARTS;
    assert_eq!(
        merge(&s, &beyond),
        None,
        "a part numbered past the most parts"
    );
    let mut short = done.clone();
    short[1].judged.pop();
    assert_eq!(merge(&s, &short), None, "a judged histogram missing");
    // Outcomes with a bit set past the part's last path (only a decoder could make them) would
    // leak into the next part's paths.
    let mut stray = done.clone();
    let mut outcomes = serde_json::to_value(&stray[0].outcomes).expect("encodes");
    let part_paths = outcomes["paths"].as_u64().expect("paths");
    assert_ne!(part_paths % 64, 0, "the last word has room past the paths");
    let words = outcomes["words"][0].as_array_mut().expect("words");
    let last = words.last_mut().expect("a word");
    *last = (last.as_u64().expect("a word") | 1 << 63).into();
    stray[0].outcomes = serde_json::from_value(outcomes).expect("decodes");
    assert_eq!(merge(&s, &stray), None, "outcomes past the part's paths");
    let mut mixed = done.clone();
    mixed[1].run = 8;
    assert_eq!(merge(&s, &mixed), None, "parts of two runs");
}
