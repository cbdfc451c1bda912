//! The worker protocol: what is written is read back exactly, and nothing read panics or lets
//! an invalid scenario through.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use proptest::prelude::*;
use taijiang_sim::analysis::jobs::OrderId;
use taijiang_sim::analysis::{all_changes, Measure};
use taijiang_sim::engine::{self, split::PartRun};
use taijiang_sim::protocol::{decode, encode, FromWorker, Refusal, SliceHeader, ToWorker};
use taijiang_sim::scenario::{Param, Scenario, PARAMS};

fn part_summary() -> taijiang_sim::engine::split::PartSummary {
    let s = scenario(&[(Param::Paths, 300.0)]);
    let (part, mut out) = PartRun::start(7, &s, 0, 1).expect("one part");
    assert!(part.is_finished());
    match out.pop() {
        Some(taijiang_sim::engine::split::Outgoing::Done(summary)) => summary,
        other => panic!("a part alone finishes at once: {other:?}"),
    }
}

fn every_message() -> (Vec<ToWorker>, Vec<FromWorker>) {
    let s = scenario(&[(Param::Gdp, 6.0), (Param::Paths, 300.0)]);
    let base = engine::run(
        &Scenario::default()
            .with(Param::Paths, 300.0)
            .expect("valid"),
    );
    let changes = all_changes(&base, &engine::run(&s));
    assert!(changes.iter().any(|c| c.measure == Measure::AllMet));
    (
        vec![
            ToWorker::Connect { peer: 3 },
            ToWorker::Run {
                run: u64::MAX >> 11,
                part: 1,
                parts: 2,
                scenario: Box::new(s.clone()),
            },
            ToWorker::Analyse {
                order: OrderId {
                    job: u64::MAX >> 11,
                    item: 12,
                },
                base: Box::default(),
                scenario: Box::new(s),
            },
        ],
        vec![
            FromWorker::Loaded,
            FromWorker::Done {
                summary: part_summary(),
            },
            FromWorker::Refused {
                run: Some(4),
                why: Refusal::NoPeer,
            },
            FromWorker::Refused {
                run: None,
                why: Refusal::Unreadable,
            },
            FromWorker::Analysed {
                order: OrderId { job: 3, item: 12 },
                changes,
            },
            FromWorker::Analysed {
                order: OrderId { job: 3, item: 13 },
                changes: Vec::new(),
            },
        ],
    )
}

#[test]
fn every_message_reads_back_as_written() {
    let (to, from) = every_message();
    for message in to {
        assert_eq!(decode::<ToWorker>(&encode(&message)), Ok(message));
    }
    for message in from {
        assert_eq!(decode::<FromWorker>(&encode(&message)), Ok(message));
    }
    let header = SliceHeader {
        run: 9,
        step: 15,
        from: 1,
    };
    assert_eq!(decode::<SliceHeader>(&encode(&header)), Ok(header));
}

#[test]
fn a_cut_or_padded_message_is_an_error() {
    let (to, _) = every_message();
    for message in to {
        let bytes = encode(&message);
        for cut in 0..bytes.len() {
            assert!(
                decode::<ToWorker>(&bytes[..cut]).is_err(),
                "{message:?} cut at {cut}"
            );
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(decode::<ToWorker>(&padded).is_err(), "left-over bytes");
    }
    assert!(decode::<FromWorker>(&[]).is_err());
}

/// A scenario that arrives in a message is checked as one from a link is: a value out of
/// range, a list of the wrong length, or an observation the series cannot take, does not
/// decode.
#[test]
fn a_message_cannot_carry_an_invalid_scenario() {
    let valid = encode(&ToWorker::Run {
        run: 1,
        part: 0,
        parts: 1,
        scenario: Box::default(),
    });
    assert!(decode::<ToWorker>(&valid).is_ok());
    #[derive(serde::Serialize)]
    enum Forged {
        #[allow(dead_code)]
        Connect { peer: u32 },
        Run {
            run: u64,
            part: u32,
            parts: u32,
            /// The values in `PARAMS` order, the observations (series index, year, value) and
            /// the targets of one's own (name, series, rule, first year, last year, threshold).
            scenario: ForgedScenario,
        },
    }
    let defaults: Vec<f64> = PARAMS.iter().map(|spec| spec.default).collect();
    let paths = PARAMS
        .iter()
        .position(|spec| spec.key == "paths")
        .expect("paths");
    let none = Vec::new;
    type OwnTarget = (String, u32, u32, i32, i32, f64);
    type ForgedScenario = (Vec<f64>, Vec<(u8, i32, f64)>, Vec<OwnTarget>);
    let no_targets = Vec::<OwnTarget>::new;
    let own = |name: &str, series, rule, first, last, threshold| {
        vec![(name.to_owned(), series, rule, first, last, threshold)]
    };
    for forged in [
        {
            let mut values = defaults.clone();
            values[paths] = 1e12;
            (values, none(), no_targets())
        },
        {
            let mut values = defaults.clone();
            values[0] = f64::NAN;
            (values, none(), no_targets())
        },
        (
            defaults[..defaults.len() - 1].to_vec(),
            none(),
            no_targets(),
        ),
        ([defaults.clone(), vec![1.0]].concat(), none(), no_targets()),
        // GDP growth of 500 % in 2021; a series that does not exist; a year before 2021; a
        // fractional stock of firms; one year given twice.
        (defaults.clone(), vec![(0, 2021, 500.0)], no_targets()),
        (defaults.clone(), vec![(99, 2021, 5.0)], no_targets()),
        (defaults.clone(), vec![(0, 2020, 5.0)], no_targets()),
        (defaults.clone(), vec![(2, 2021, 210.5)], no_targets()),
        (
            defaults.clone(),
            vec![(0, 2021, 5.0), (0, 2021, 6.0)],
            no_targets(),
        ),
        // A target named with a space; judged in 2040; GDP lagging itself; a series or rule
        // that does not exist; past the horizon (2025 by default).
        (defaults.clone(), none(), own("a b", 0, 0, 2025, 2025, 1.0)),
        (defaults.clone(), none(), own("x", 0, 0, 2040, 2040, 1.0)),
        (defaults.clone(), none(), own("x", 0, 5, 2020, 2025, 1.0)),
        (defaults.clone(), none(), own("x", 99, 0, 2025, 2025, 1.0)),
        (defaults.clone(), none(), own("x", 0, 99, 2025, 2025, 1.0)),
        (defaults.clone(), none(), own("x", 0, 0, 2030, 2030, 1.0)),
    ] {
        let bytes = encode(&Forged::Run {
            run: 1,
            part: 0,
            parts: 1,
            scenario: forged,
        });
        assert!(decode::<ToWorker>(&bytes).is_err());
    }
    // The forged encoding of valid values is the real one: the test forges what it means to.
    let same = encode(&Forged::Run {
        run: 1,
        part: 0,
        parts: 1,
        scenario: (defaults, none(), no_targets()),
    });
    assert_eq!(same, valid);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Arbitrary bytes never panic the reader, whatever they decode to.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode::<ToWorker>(&bytes);
        let _ = decode::<FromWorker>(&bytes);
        let _ = decode::<SliceHeader>(&bytes);
    }

    /// A real message with one byte changed never panics the reader, and what it decodes to
    /// (if anything) carries valid scenarios only, which encode again to the same bytes.
    #[test]
    fn a_damaged_message_never_panics(index in 0usize..10_000, byte in any::<u8>(), which in 0usize..3) {
        let (to, _) = every_message();
        let mut bytes = encode(&to[which]);
        let index = index % bytes.len();
        bytes[index] = byte;
        if let Ok(message) = decode::<ToWorker>(&bytes) {
            prop_assert_eq!(decode::<ToWorker>(&encode(&message)), Ok(message));
        }
    }
}

/// The end-to-end tests write `Loaded` by hand (tests/e2e/parallel.test.mjs): one byte, 0.
#[test]
fn loaded_is_the_single_byte_zero() {
    assert_eq!(encode(&FromWorker::Loaded), [0]);
}
