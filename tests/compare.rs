//! The difference between two runs and its paired standard error: against a direct computation
//! on hand-made outcome pairs, and statistically (the spread of Δ̂ over many seeds against the
//! error the runs report).
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use proptest::prelude::*;
use taijiang_sim::engine::compare::{differences, paired_delta, Change, Pairing, TargetDifference};
use taijiang_sim::engine::{self, Outcomes};
use taijiang_sim::plan::TargetId;
use taijiang_sim::scenario::Param;

/// Δ̂ and its standard error computed the long way: d_i = b_i − a_i, Δ̂ = mean(d), and the
/// variance of the mean of the d_i with the plug-in variance mean(d²) − Δ̂².
fn direct(pairs: &[(bool, bool)]) -> (f64, f64) {
    let n = pairs.len() as f64;
    let d: Vec<f64> = pairs
        .iter()
        .map(|&(a, b)| f64::from(u8::from(b)) - f64::from(u8::from(a)))
        .collect();
    let mean = d.iter().sum::<f64>() / n;
    let mean_square = d.iter().map(|x| x * x).sum::<f64>() / n;
    (mean, ((mean_square - mean * mean) / n).max(0.0).sqrt())
}

proptest! {
    #[test]
    fn the_paired_error_is_the_error_of_the_mean_difference(
        pairs in proptest::collection::vec((any::<bool>(), any::<bool>()), 1..400)
    ) {
        let a_only = pairs.iter().filter(|&&(a, b)| a && !b).count() as u32;
        let b_only = pairs.iter().filter(|&&(a, b)| !a && b).count() as u32;
        let (delta, error) = paired_delta(pairs.len() as u32, a_only, b_only);
        let (expected_delta, expected_error) = direct(&pairs);
        prop_assert!((delta - expected_delta).abs() < 1e-12);
        prop_assert!((error - expected_error).abs() < 1e-12, "{error} vs {expected_error}");
    }

    #[test]
    fn outcomes_appended_at_any_offset_keep_every_path(
        parts in proptest::collection::vec(proptest::collection::vec(any::<bool>(), 0..150), 1..6)
    ) {
        let mut whole = Outcomes::new(1, 0);
        let mut flags = Vec::new();
        for part in &parts {
            let mut outcomes = Outcomes::new(1, part.len() as u32);
            for (path, &met) in part.iter().enumerate() {
                if met {
                    outcomes.set_met(0, path);
                }
            }
            prop_assert!(outcomes.is_consistent(1));
            whole.append(&outcomes).expect("same targets");
            flags.extend_from_slice(part);
        }
        prop_assert!(whole.is_consistent(1));
        prop_assert_eq!(whole.paths() as usize, flags.len());
        prop_assert_eq!(whole.count(0) as usize, flags.iter().filter(|&&f| f).count());
        for (path, &met) in flags.iter().enumerate() {
            prop_assert_eq!(whole.met(0, path), met);
        }
    }
}

#[test]
fn hand_made_pairs_give_the_textbook_numbers() {
    // 100 paths: 10 met in A only, 30 in B only, the rest agree.
    let (delta, error) = paired_delta(100, 10, 30);
    assert!((delta - 0.2).abs() < 1e-15);
    // ((40/100) − 0.2²)/100 = 0.0036.
    assert!((error - 0.06).abs() < 1e-15);
    assert_eq!(paired_delta(100, 0, 0), (0.0, 0.0));
    // Every path moves one way: no uncertainty left about Δ.
    assert_eq!(paired_delta(50, 0, 50), (1.0, 0.0));
}

#[test]
fn the_outcome_bits_count_what_the_targets_report() {
    let summary = engine::run(&scenario(&[(Param::Paths, 777.0)]));
    assert!(summary.outcomes.is_consistent(TargetId::ALL.len()));
    for (k, result) in summary.targets.iter().enumerate() {
        assert_eq!(summary.outcomes.count(k), result.met, "{:?}", result.id);
    }
}

/// Outcomes that arrive from a worker are checked before they are trusted: one word list per
/// target, each as long as the paths need, no bit past the last path.
#[test]
fn decoded_outcomes_that_break_their_invariants_are_not_consistent() {
    let decoded = |json: &str| -> Outcomes { serde_json::from_str(json).expect("well-formed") };
    assert!(decoded(r#"{"paths":3,"words":[[5]]}"#).is_consistent(1));
    assert!(decoded(r#"{"paths":64,"words":[[18446744073709551615]]}"#).is_consistent(1));
    assert!(decoded(r#"{"paths":3,"words":[[5],[2]]}"#).is_consistent(2));
    for (json, targets, what) in [
        (r#"{"paths":3,"words":[[5]]}"#, 2, "a target short"),
        (r#"{"paths":3,"words":[[5],[2,0]]}"#, 2, "a list too long"),
        (r#"{"paths":3,"words":[[5],[]]}"#, 2, "a list too short"),
        (r#"{"paths":3,"words":[[8]]}"#, 1, "a bit past the paths"),
        (r#"{"paths":3,"words":[[5],[9]]}"#, 2, "in a later target"),
    ] {
        assert!(!decoded(json).is_consistent(targets), "{what}");
    }
}

#[test]
fn the_differences_of_two_runs_are_counted_path_by_path() {
    let a = engine::run(&scenario(&[(Param::Paths, 1500.0)]));
    let b = engine::run(&scenario(&[(Param::Paths, 1500.0), (Param::Gdp, 7.0)]));
    for (k, difference) in differences(&a, &b).iter().enumerate() {
        let pairs: Vec<(bool, bool)> = (0..1500)
            .map(|path| (a.outcomes.met(k, path), b.outcomes.met(k, path)))
            .collect();
        let (delta, error) = direct(&pairs);
        assert_eq!(difference.pairing, Pairing::Paired { paths: 1500 });
        assert!((difference.delta - delta).abs() < 1e-12);
        assert!((difference.std_error - error).abs() < 1e-12);
        // Equal paths: Δ̂ is exactly P(B) − P(A).
        let plain = difference.probability_b - difference.probability_a;
        assert!((difference.delta - plain).abs() < 1e-12);
    }
    let gdp = &differences(&a, &b)[0];
    assert_eq!(gdp.change(), Change::Down, "{gdp:?}");
    // A lower trend never turns a path's missed GDP target into a met one (common numbers).
    assert_eq!(gdp.met_b_only, 0);
}

/// Each word a difference can be given, from hand-made counts: the rule's own boundaries, not
/// only what one pair of runs happens to give.
#[test]
fn each_change_is_named_from_its_counts() {
    let paired = |a_only: u32, b_only: u32| {
        let (delta, std_error) = paired_delta(100, a_only, b_only);
        TargetDifference {
            id: TargetId::Gdp,
            probability_a: 0.5,
            probability_b: 0.5 + delta,
            delta,
            std_error,
            pairing: Pairing::Paired { paths: 100 },
            met_a_only: a_only,
            met_b_only: b_only,
        }
    };
    for (a_only, b_only, expected, what) in [
        (0, 0, Change::None, "no path changed"),
        (0, 30, Change::Up, "paths gained, none lost"),
        (30, 0, Change::Down, "paths lost, none gained"),
        (5, 4, Change::Noise, "both ways, within two standard errors"),
        (
            2,
            25,
            Change::Up,
            "both ways, well past two standard errors",
        ),
    ] {
        assert_eq!(paired(a_only, b_only).change(), expected, "{what}");
    }
    // Independent runs know nothing of single paths: an equal chance is noise, never "none".
    let independent = TargetDifference {
        pairing: Pairing::Independent,
        met_a_only: 0,
        met_b_only: 0,
        ..paired(0, 0)
    };
    assert_eq!(independent.change(), Change::Noise);
    let up = TargetDifference {
        delta: 0.2,
        std_error: 0.05,
        ..independent
    };
    assert_eq!(up.change(), Change::Up);
    assert_eq!(
        TargetDifference { delta: -0.2, ..up }.change(),
        Change::Down
    );
    // Exactly two standard errors is still noise.
    assert_eq!(
        TargetDifference { delta: 0.1, ..up }.change(),
        Change::Noise
    );
}

/// A run whose outcomes stop one target short (a summary from an older build, say): that target
/// falls back to independent errors instead of reading past the outcomes, on either side.
#[test]
fn a_target_without_outcomes_is_compared_as_independent() {
    let full = engine::run(&scenario(&[(Param::Paths, 300.0)]));
    let mut short = full.clone();
    let targets = full.targets.len();
    short.outcomes = Outcomes::new(targets - 1, 300);
    for (a, b) in [(&full, &short), (&short, &full)] {
        let all = differences(a, b);
        assert_eq!(all.len(), targets);
        assert_eq!(all[targets - 1].pairing, Pairing::Independent);
        assert_eq!(all[0].pairing, Pairing::Paired { paths: 300 });
    }
}

#[test]
fn a_preview_is_paired_with_the_first_paths_of_the_full_run() {
    let a = engine::run(&scenario(&[(Param::Paths, 3000.0)]));
    let b = engine::run(&scenario(&[(Param::Paths, 1000.0), (Param::Inv, 40.0)]));
    let income = differences(&a, &b)[1];
    assert_eq!(income.pairing, Pairing::Paired { paths: 1000 });
    // Both chances over the same 1,000 paths as Δ: what the table shows adds up.
    let shown = income.probability_b - income.probability_a;
    assert!((shown - income.delta).abs() < 1e-12, "{income:?}");
    assert_eq!(
        income.met_a_only, 0,
        "more investment never costs a path its income target"
    );
}

#[test]
fn different_seeds_fall_back_to_independent_errors() {
    let a = engine::run(&scenario(&[(Param::Paths, 500.0)]));
    let b = engine::run(&scenario(&[(Param::Paths, 500.0), (Param::Seed, 7.0)]));
    for (difference, (ra, rb)) in differences(&a, &b)
        .iter()
        .zip(a.targets.iter().zip(&b.targets))
    {
        assert_eq!(difference.pairing, Pairing::Independent);
        // Nothing is known of single paths: never "no change".
        assert_ne!(difference.change(), Change::None);
        assert_eq!(difference.std_error, ra.std_error.hypot(rb.std_error));
        // Each run's own chance, and Δ their plain difference.
        assert_eq!(difference.probability_a, ra.probability);
        assert_eq!(difference.probability_b, rb.probability);
        assert_eq!(difference.delta, rb.probability - ra.probability);
    }
}

/// Over many seeds, the spread of Δ̂ matches the standard error the runs report: the sample
/// variance of M values of Δ̂ has a relative sampling error of about √(2/(M − 1)), so the ratio
/// of the two variances must lie within 4 of those of 1. Paired, the error is also far below
/// what two independent runs would give.
#[test]
fn the_reported_error_matches_the_spread_of_the_difference_over_seeds() {
    const SEEDS: u32 = 240;
    const PATHS: f64 = 400.0;
    let target = 0; // gdp
    let mut deltas = Vec::new();
    let mut reported_variance = 0.0;
    let mut independent_variance = 0.0;
    for seed in 0..SEEDS {
        let base = [(Param::Paths, PATHS), (Param::Seed, f64::from(seed))];
        let a = engine::run(&scenario(&base));
        let b = engine::run(&scenario(&[base[0], base[1], (Param::Gdp, 7.0)]));
        let difference = differences(&a, &b)[target];
        deltas.push(difference.delta);
        reported_variance += difference.std_error.powi(2) / f64::from(SEEDS);
        independent_variance += (a.targets[target].std_error.powi(2)
            + b.targets[target].std_error.powi(2))
            / f64::from(SEEDS);
    }
    let m = f64::from(SEEDS);
    let mean = deltas.iter().sum::<f64>() / m;
    let spread = deltas.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (m - 1.0);
    let tolerance = 4.0 * (2.0 / (m - 1.0)).sqrt();
    let ratio = spread / reported_variance;
    assert!(
        (ratio - 1.0).abs() <= tolerance,
        "spread {spread:.3e} vs reported {reported_variance:.3e} (ratio {ratio:.3}, tolerance {tolerance:.3})"
    );
    assert!(
        reported_variance < 0.5 * independent_variance,
        "paired {reported_variance:.3e} vs independent {independent_variance:.3e}"
    );
}

/// How the whole changed: P(all met) and the expected number met in A and B, Δ and its paired
/// error, against the same numbers computed path by path from the outcome bits.
#[test]
fn the_targets_met_together_move_path_by_path() {
    use taijiang_sim::engine::compare::joint_difference;
    let a = engine::run(&scenario(&[(Param::Paths, 3_000.0)]));
    let b = engine::run(&scenario(&[
        (Param::Paths, 3_000.0),
        (Param::HtPush, 40.0),
        (Param::Gdp, 8.5),
        (Param::AirVol, 0.1),
    ]));
    let joint = joint_difference(&a, &b);
    assert_eq!(joint.pairing, Pairing::Paired { paths: 3_000 });
    let counts = |summary: &engine::Summary| -> Vec<f64> {
        (0..summary.paths as usize)
            .map(|path| {
                (0..summary.outcomes.targets())
                    .filter(|&k| summary.outcomes.met(k, path))
                    .count() as f64
            })
            .collect()
    };
    let (count_a, count_b) = (counts(&a), counts(&b));
    let n = count_a.len() as f64;
    let d: Vec<f64> = count_a.iter().zip(&count_b).map(|(x, y)| y - x).collect();
    let mean = d.iter().sum::<f64>() / n;
    let variance = d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let moved = joint.expected_met;
    assert!((moved.delta - mean).abs() < 1e-12);
    assert!((moved.std_error - (variance / n).sqrt()).abs() < 1e-12);
    assert!((moved.a - a.joint().expected_met().0).abs() < 1e-12);
    assert!((moved.b - b.joint().expected_met().0).abs() < 1e-12);
    assert!(
        moved.delta > 2.0 * moved.std_error,
        "the push and faster growth meet more targets"
    );
    // All met: the paired counts of the all-met indicator.
    let all = |c: &f64| *c == 10.0;
    let pairs: Vec<(bool, bool)> = count_a
        .iter()
        .zip(&count_b)
        .map(|(x, y)| (all(x), all(y)))
        .collect();
    let (delta, error) = direct(&pairs);
    assert!((joint.all_met.delta - delta).abs() < 1e-12);
    assert!((joint.all_met.std_error - error).abs() < 1e-12);
    assert_eq!(joint.all_met.a, a.joint().all_met().0);
    assert_eq!(joint.all_met.b, b.joint().all_met().0);
    // Different seeds: independent, the variances added.
    let other_seed = engine::run(&scenario(&[(Param::Paths, 3_000.0), (Param::Seed, 7.0)]));
    let independent = joint_difference(&a, &other_seed);
    assert_eq!(independent.pairing, Pairing::Independent);
    let (ea, sa) = a.joint().expected_met();
    let (eb, sb) = other_seed.joint().expected_met();
    assert!((independent.expected_met.delta - (eb - ea)).abs() < 1e-12);
    assert!((independent.expected_met.std_error - sa.hypot(sb)).abs() < 1e-12);
}
