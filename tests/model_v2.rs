//! The processes of model version 2: their exact deterministic cases, the stationary spread of a
//! mean-reverting share, couplings that touch only their own indicator, and the joint outputs.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use proptest::prelude::*;
use taijiang_sim::engine::joint::{wilson_interval, JointAttainment};
use taijiang_sim::engine::{self, logistic, logit, Outcomes, CERTIFICATIONS_PER_YEAR};
use taijiang_sim::plan::{SeriesId, TargetId, TARGET_STEP};
use taijiang_sim::scenario::Param;

#[test]
fn green_area_without_noise_grows_by_exactly_the_lever() {
    let s = scenario(&[
        (Param::GreenVol, 0.0),
        (Param::GreenDev, 0.0),
        (Param::ShockP, 0.0),
        (Param::Green, 9.0),
        (Param::Horizon, 2035.0),
        (Param::Paths, 100.0),
    ]);
    let chunk = engine::simulate_chunk(&s, 0..100);
    for t in 0..=15 {
        // On the logit scale since version 3 (each ratio has its own deviation there).
        let ratio = logistic(chunk.columns[t][SeriesId::GreenRatio.index()][0]);
        let expected = (0.186 * 1500.0 + 9.0 * t as f64) / 1500.0;
        assert!(
            (ratio - expected).abs() < 1e-12,
            "t = {t}: {ratio} vs {expected}"
        );
    }
}

#[test]
fn a_ratio_falls_only_when_the_built_up_area_outgrows_the_green() {
    let quiet = [
        (Param::GreenVol, 0.0),
        (Param::GreenDev, 0.0),
        (Param::ShockP, 0.0),
        (Param::Paths, 100.0),
    ];
    let ratio_2025 = |extra: &[(Param, f64)]| {
        let settings: Vec<_> = quiet.iter().chain(extra).copied().collect();
        let chunk = engine::simulate_chunk(&scenario(&settings), 0..100);
        logistic(chunk.columns[TARGET_STEP][SeriesId::GreenRatio.index()][0])
    };
    let built = |growth: f64| 1500.0 * (1.0 + growth / 100.0).powi(5);
    let unchanged = ratio_2025(&[(Param::Green, 0.0)]);
    assert!(
        (unchanged - 0.186).abs() < 1e-15,
        "no new green space, no change: {unchanged}"
    );
    let sprawl = ratio_2025(&[(Param::BuiltGrowth, 3.0)]);
    assert!((sprawl - (0.186 * 1500.0 + 36.0) / built(3.0)).abs() < 1e-12);
    assert!(
        sprawl < 0.186,
        "the built-up area outgrows the green: {sprawl}"
    );
}

#[test]
fn new_green_space_is_never_negative_and_keeps_its_mean() {
    let s = scenario(&[
        (Param::GreenVol, 1.0),
        (Param::GreenDev, 0.0),
        (Param::ShockP, 0.0),
        (Param::Paths, 20_000.0),
    ]);
    let chunk = engine::simulate_chunk(&s, 0..20_000);
    let area = |t: usize| -> Vec<f64> {
        chunk.columns[t][SeriesId::GreenRatio.index()]
            .iter()
            .map(|&z| logistic(z) * 1500.0)
            .collect()
    };
    let (start, end) = (area(0), area(1));
    let added: Vec<f64> = end.iter().zip(&start).map(|(e, s)| e - s).collect();
    assert!(added.iter().all(|&a| a >= 0.0));
    // Lognormal with mean 7.2 and coefficient of variation 1: the s.d. of the mean is 7.2/√n.
    let mean = added.iter().sum::<f64>() / added.len() as f64;
    let se = 7.2 / (added.len() as f64).sqrt();
    assert!((mean - 7.2).abs() < 4.0 * se, "mean {mean}");
}

/// δ_t = φ·δ_{t−1} + τ·ζ_t from δ_0 = 0 has Var(δ_t) = τ²·(1 − φ^{2t})/(1 − φ²); the sample
/// variance of n normal values has a standard error of Var·√(2/(n − 1)).
#[test]
fn a_mean_reverting_share_has_its_exact_spread() {
    let (tau, phi, n) = (0.35, 0.3, 20_000usize);
    let s = scenario(&[
        (Param::AirVol, tau),
        (Param::AirPhi, phi),
        (Param::Horizon, 2035.0),
        (Param::Paths, n as f64),
    ]);
    let chunk = engine::simulate_chunk(&s, 0..n as u64);
    for t in [1, 5, 15] {
        let path = logit(0.97);
        let deviations: Vec<f64> = chunk.columns[t][SeriesId::Air.index()]
            .iter()
            .map(|&z| z - path) // the engine keeps a logit share as its logit
            .collect();
        let mean = deviations.iter().sum::<f64>() / n as f64;
        let variance =
            deviations.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n as f64 - 1.0);
        let exact = tau * tau * (1.0 - phi.powi(2 * t as i32)) / (1.0 - phi * phi);
        let se = exact * (2.0 / (n as f64 - 1.0)).sqrt();
        assert!(
            (variance - exact).abs() < 4.0 * se,
            "t = {t}: variance {variance} vs {exact} (4 SE = {})",
            4.0 * se
        );
    }
}

#[test]
fn persistence_one_is_the_random_walk_of_version_1() {
    let s = scenario(&[
        (Param::PreVol, 0.1),
        (Param::PrePhi, 1.0),
        (Param::Paths, 20_000.0),
    ]);
    let chunk = engine::simulate_chunk(&s, 0..20_000);
    let deviations: Vec<f64> = chunk.columns[TARGET_STEP][SeriesId::Preschool.index()]
        .iter()
        .map(|&z| z - logit(0.88))
        .collect();
    let n = deviations.len() as f64;
    let variance = deviations.iter().map(|d| d * d).sum::<f64>() / n;
    let exact = 5.0 * 0.01;
    assert!(
        (variance - exact).abs() < 4.0 * exact * (2.0 / n).sqrt(),
        "{variance}"
    );
}

#[test]
fn a_coupling_touches_only_its_own_indicator() {
    let base = engine::run(&scenario(&[(Param::Paths, 3000.0), (Param::ShockP, 25.0)]));
    for (coupling, series) in [
        (Param::DownturnHt, vec![SeriesId::HighTech]),
        (
            Param::DownturnGreen,
            vec![SeriesId::GreenRatio, SeriesId::GreenCover],
        ),
    ] {
        let off = engine::run(&scenario(&[
            (Param::Paths, 3000.0),
            (Param::ShockP, 25.0),
            (coupling, 0.0),
        ]));
        for id in SeriesId::ALL {
            let same = base.series(id) == off.series(id);
            assert_eq!(same, !series.contains(&id), "{coupling:?} and {id:?}");
        }
    }
}

#[test]
fn without_couplings_downturns_do_not_reach_green_space_or_certifications() {
    let with = |shock_p| {
        engine::run(&scenario(&[
            (Param::Paths, 2000.0),
            (Param::ShockP, shock_p),
            (Param::DownturnHt, 0.0),
            (Param::DownturnGreen, 0.0),
        ]))
    };
    let (calm, stormy) = (with(0.0), with(30.0));
    for id in [
        SeriesId::HighTech,
        SeriesId::GreenRatio,
        SeriesId::GreenCover,
    ] {
        assert_eq!(calm.series(id), stormy.series(id), "{id:?}");
    }
}

#[test]
fn the_base_of_high_tech_is_the_one_the_doubling_plan_implies() {
    assert_eq!(Param::Ht0.spec().default, 200.0);
    // From 200 at the 13th plan's pace and 8 % lapses the stock reaches about 290 by 2025.
    let expected = (0..TARGET_STEP).fold(200.0, |h, _| {
        h * 0.92 + CERTIFICATIONS_PER_YEAR * (1.0 - 0.1 * 0.2)
    });
    assert!((expected - 290.0).abs() < 5.0, "{expected}");
}

fn hand_made(paths: &[[bool; 10]]) -> Outcomes {
    let mut outcomes = Outcomes::new(10, paths.len() as u32);
    for (path, met) in paths.iter().enumerate() {
        for (target, &m) in met.iter().enumerate() {
            if m {
                outcomes.set_met(target, path);
            }
        }
    }
    outcomes
}

proptest! {
    #[test]
    fn joint_outputs_equal_a_direct_count(paths in proptest::collection::vec(any::<[bool; 10]>(), 1..300)) {
        let joint = JointAttainment::from_outcomes(&hand_made(&paths), 0..10);
        let numbers: Vec<f64> = paths.iter().map(|p| p.iter().filter(|&&m| m).count() as f64).collect();
        let n = numbers.len() as f64;
        for k in 0..=10 {
            let direct = numbers.iter().filter(|&&c| c == k as f64).count() as u32;
            prop_assert_eq!(joint.counts[k], direct);
            // The distribution is the same count as a share of the paths.
            prop_assert_eq!(joint.distribution()[k], f64::from(direct) / n);
        }
        prop_assert_eq!(joint.targets(), 10);
        prop_assert_eq!(joint.distribution().len(), 11);
        let all = numbers.iter().filter(|&&c| c == 10.0).count() as f64 / n;
        let (p, se) = joint.all_met();
        let all_count = numbers.iter().filter(|&&c| c == 10.0).count() as u32;
        prop_assert_eq!(joint.all_met_count(), all_count);
        prop_assert!((p - all).abs() < 1e-12);
        prop_assert!((se - (all * (1.0 - all) / n).sqrt()).abs() < 1e-12);
        let mean = numbers.iter().sum::<f64>() / n;
        let variance = if n > 1.0 {
            numbers.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        let (expected, expected_se) = joint.expected_met();
        prop_assert!((expected - mean).abs() < 1e-9);
        prop_assert!((expected_se - (variance / n).sqrt()).abs() < 1e-9);
    }

    #[test]
    fn the_wilson_interval_holds_the_estimate_and_stays_in_zero_one(met in 0u32..500, extra in 0u32..500) {
        let n = met + extra + 1;
        let (low, high) = wilson_interval(met, n);
        let p = f64::from(met) / f64::from(n);
        prop_assert!(0.0 <= low && low <= p + 1e-12 && p - 1e-12 <= high && high <= 1.0);
    }
}

/// The Wilson interval against published values (5 of 10: 0.2366 to 0.7634; 1 of 10: 0.0179
/// to 0.4042; 0 of 10: 0 to 0.2775), not only its bounds.
#[test]
fn the_wilson_interval_has_its_published_values() {
    for (met, n, low, high) in [
        (5, 10, 0.2366, 0.7634),
        (1, 10, 0.0179, 0.4042),
        (0, 10, 0.0, 0.2775),
    ] {
        let (l, h) = wilson_interval(met, n);
        assert!(
            (l - low).abs() < 1e-4 && (h - high).abs() < 1e-4,
            "{met}/{n}: {l} {h}"
        );
    }
}

/// One path: nothing to spread, so the expected number met has no error (not 0/0).
#[test]
fn one_path_gives_an_expected_number_without_error() {
    let joint = JointAttainment::from_outcomes(&hand_made(&[[true; 10]]), 0..10);
    assert_eq!(joint.expected_met(), (10.0, 0.0));
}

#[test]
fn a_run_reports_targets_met_together() {
    let summary = engine::run(&scenario(&[(Param::Paths, 2000.0), (Param::HtPush, 40.0)]));
    let joint = summary.joint();
    assert_eq!(joint.counts.iter().sum::<u32>(), 2000);
    let (expected, _) = joint.expected_met();
    let sum_of_probabilities: f64 = summary.targets.iter().map(|t| t.probability).sum();
    // The expected number met is the sum of the single probabilities, exactly (linearity).
    assert!((expected - sum_of_probabilities).abs() < 1e-9);
    let (all, _) = joint.all_met();
    let lowest = summary
        .targets
        .iter()
        .map(|t| t.probability)
        .fold(1.0, f64::min);
    assert!(all <= lowest);
    let _ = TargetId::ALL;
}

#[test]
fn at_zero_or_all_the_interval_is_honest() {
    let (low, high) = wilson_interval(0, 10_000);
    assert_eq!(low, 0.0);
    // About 3.84/n at p̂ = 0, where the binomial error would claim ± 0.
    assert!((high - 3.84 / 10_000.0).abs() < 0.2 / 10_000.0, "{high}");
    let (low, high) = wilson_interval(10_000, 10_000);
    assert_eq!(high, 1.0);
    assert!(low < 1.0);
}

/// Every number of a summary is finite (a share's mean, left out, is none).
fn assert_finite(summary: &engine::Summary, what: &str) {
    for series in &summary.series {
        for stats in &series.years {
            assert!(
                stats
                    .percentiles
                    .iter()
                    .chain(&stats.mean)
                    .all(|x| x.is_finite()),
                "{what}: {:?} in {}",
                series.id,
                stats.year
            );
        }
        for histogram in &series.histograms {
            assert!(
                histogram.min.is_finite() && histogram.max.is_finite(),
                "{what}: {:?}",
                series.id
            );
        }
    }
    for target in &summary.targets {
        assert!(
            target.probability.is_finite() && target.std_error.is_finite(),
            "{what}: {:?}",
            target.id
        );
    }
}

/// Every slider and assumption at its minimum at once, then at its maximum at once (paths kept
/// small, but the horizon at its ends too): the engine's numbers stay finite at the corners.
#[test]
fn every_parameter_at_its_minimum_or_its_maximum_at_once_gives_finite_numbers() {
    use taijiang_sim::scenario::{Scenario, PARAMS};
    for (corner, pick) in [("minimum", 0), ("maximum", 1)] {
        let scenario = PARAMS
            .iter()
            .filter(|spec| spec.key != "paths")
            .try_fold(Scenario::default(), |s, spec| {
                s.with(spec.param, [spec.min, spec.max][pick])
            })
            .and_then(|s| s.with(Param::Paths, 500.0))
            .expect("the ends of every range are valid");
        assert_finite(&engine::run(&scenario), corner);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any valid scenario (every parameter anywhere in its range, on its step or not) gives
    /// finite numbers.
    #[test]
    fn every_valid_scenario_gives_finite_numbers(
        fractions in proptest::collection::vec(0.0f64..=1.0, taijiang_sim::scenario::PARAMS.len()),
        ends in proptest::collection::vec(0u8..3, taijiang_sim::scenario::PARAMS.len()),
    ) {
        use taijiang_sim::scenario::{Scenario, PARAMS};
        let scenario = PARAMS.iter().zip(fractions.iter().zip(&ends)).try_fold(
            Scenario::default(),
            |s, (spec, (&fraction, &end))| {
                // A third of the time a range's end itself, the corners that matter most.
                let value = match end {
                    0 => spec.min,
                    1 => spec.max,
                    _ => spec.min + fraction * (spec.max - spec.min),
                };
                let value = if spec.integer { value.round() } else { value };
                s.with(spec.param, value)
            },
        );
        let scenario = scenario
            .and_then(|s| s.with(Param::Paths, 200.0))
            .expect("values within their ranges are valid");
        assert_finite(&engine::run(&scenario), "a valid scenario");
    }
}

/// A culture share driven to either edge for fifteen years (its start, drift, noise and
/// persistence at their ends) stops at the logit bound ±30: some paths sit exactly on it, and the
/// share never becomes exactly 0 or 1.
#[test]
fn a_share_driven_to_its_edge_stops_at_the_logit_bound() {
    use taijiang_sim::engine::logistic;
    for (start, drift, edge) in [(1.0, -1.0, -30.0), (99.9, 2.0, 30.0)] {
        let summary = engine::run(&scenario(&[
            (Param::Cs0, start),
            (Param::Ct0, start),
            (Param::CultDrift, drift),
            (Param::CultVol, 1.0),
            (Param::CultPhi, 1.0),
            (Param::Horizon, 2035.0),
            (Param::Paths, 1000.0),
        ]));
        for id in [SeriesId::CultureStar, SeriesId::CultureTrip] {
            let last = summary.series(id).histograms.last().expect("the horizon's");
            assert_eq!(last.year, 2035);
            let reached = if edge < 0.0 { last.min } else { last.max };
            assert_eq!(reached, logistic(edge), "{id:?} at {edge}");
            assert!(last.min > 0.0 && last.max < 1.0, "{id:?}");
        }
    }
}
