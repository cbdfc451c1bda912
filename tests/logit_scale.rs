//! The logit shares and the green ratios summarised on the logit scale (model.md, "Cheaper summaries of shares"):
//! their percentiles are the logistic of the logits' percentiles, their histograms and every
//! target judged on them are exactly those of the shares themselves.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use taijiang_sim::engine::{
    self, logistic, logit_cutoff, on_logit_scale, percentiles_by_selection, reaches, Histogram,
    GREEN_RATIOS, HISTOGRAM_BINS, LOGIT_SHARES, PERCENTILES,
};
use taijiang_sim::plan::{Rule, SeriesId, TargetId, TARGET_STEP};
use taijiang_sim::scenario::Param;

/// A share's level rule as the plan states it, on the share itself.
fn meets_on_share(rule: Rule, share: f64) -> bool {
    match rule {
        Rule::LevelAbove { level } => share > level,
        Rule::LevelAtLeast { level } | Rule::HeldEveryYear { level } => reaches(share, level),
        other => panic!("no share target has the rule {other:?}"),
    }
}

fn share_targets() -> Vec<TargetId> {
    TargetId::ALL
        .into_iter()
        .filter(|id| on_logit_scale(id.series()))
        .collect()
}

#[test]
fn the_logit_shares_are_the_four_with_a_logit_process_and_the_two_green_ratios() {
    let on_logit: Vec<SeriesId> = SeriesId::ALL
        .into_iter()
        .filter(|&id| on_logit_scale(id))
        .collect();
    let mut expected = [LOGIT_SHARES.as_slice(), GREEN_RATIOS.as_slice()].concat();
    expected.sort_by_key(|id| id.index());
    assert_eq!(on_logit, expected);
    assert_eq!(
        share_targets().len(),
        6,
        "air, preschool, the two culture shares and the two green ratios"
    );
}

/// Around each target's cutoff, ulp by ulp, and across the whole logit range, the cutoff gives
/// the same verdict as the rule on the share: the two scales judge alike, bit for bit.
#[test]
fn a_logit_cutoff_judges_exactly_as_the_rule_on_the_share() {
    for id in share_targets() {
        let rule = id.rule();
        let cutoff = logit_cutoff(|share| meets_on_share(rule, share));
        assert!(
            cutoff.is_finite(),
            "{id:?}: the level lies inside the range"
        );
        let agree = |z: f64| meets_on_share(rule, logistic(z)) == (z >= cutoff);
        let mut below = cutoff;
        let mut above = cutoff;
        for _ in 0..5_000 {
            below = below.next_down();
            above = above.next_up();
            assert!(agree(below) && agree(above), "{id:?} near {cutoff}");
        }
        assert!(agree(cutoff));
        assert!(!meets_on_share(rule, logistic(cutoff.next_down())));
        for step in 0..=60_000 {
            let z = -30.0 + f64::from(step) * 1e-3;
            assert!(agree(z), "{id:?} at z = {z}");
        }
    }
}

#[test]
fn a_cutoff_is_infinite_when_every_share_or_none_passes() {
    assert_eq!(logit_cutoff(|_| true), f64::NEG_INFINITY);
    assert_eq!(logit_cutoff(|_| false), f64::INFINITY);
    let half = logit_cutoff(|share| share >= 0.5);
    // Just below 0 the sum 1 + e^−z still rounds to 2: the cutoff is the least such logit.
    assert!(half < 0.0 && half > -1e-15, "{half}");
    assert!(logistic(half) >= 0.5);
    assert!(logistic(f64::from_bits(half.to_bits() + 1)) < 0.5);
}

fn histogram_of(year: i32, values: &[f64]) -> Histogram {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let width = (max - min) / HISTOGRAM_BINS as f64;
    let mut counts = vec![0u32; HISTOGRAM_BINS];
    for &value in values {
        let bin = if width > 0.0 {
            (((value - min) / width) as usize).min(HISTOGRAM_BINS - 1)
        } else {
            HISTOGRAM_BINS / 2
        };
        counts[bin] += 1;
    }
    Histogram {
        year,
        min,
        max,
        counts,
    }
}

/// The summary of every logit share, and every target on one, recomputed here from the shares
/// of every path and year (the slow way: one logistic per path-year).
#[test]
fn share_summaries_and_verdicts_match_the_shares_path_by_path() {
    let paths = 3_000;
    let s = scenario(&[
        (Param::Paths, f64::from(paths)),
        (Param::Horizon, 2030.0),
        // Wide shocks put many paths near each line, so that a verdict off by one ulp shows.
        (Param::AirVol, 1.0),
        (Param::PreVol, 0.6),
        (Param::CultVol, 0.8),
    ]);
    let summary = engine::run(&s);
    let chunk = engine::simulate_chunk(&s, 0..u64::from(paths));
    let shares = |t: usize, id: SeriesId| -> Vec<f64> {
        chunk.columns[t][id.index()]
            .iter()
            .map(|&z| logistic(z))
            .collect()
    };
    for id in LOGIT_SHARES {
        let series = summary.series(id);
        for (t, stats) in series.years.iter().enumerate() {
            let logits = &chunk.columns[t][id.index()];
            assert_eq!(stats.mean, None, "{id:?}: a logit share's mean is left out");
            assert_eq!(
                stats.percentiles,
                percentiles_by_selection(logits, &PERCENTILES).map(logistic),
                "{id:?} in {}",
                stats.year
            );
        }
        for histogram in &series.histograms {
            let t = (histogram.year - 2020) as usize;
            assert_eq!(*histogram, histogram_of(histogram.year, &shares(t, id)));
        }
    }
    for id in share_targets() {
        let rule = id.rule();
        let met_by = |path: usize| match rule {
            Rule::HeldEveryYear { .. } => (1..=TARGET_STEP).all(|t| {
                meets_on_share(rule, logistic(chunk.columns[t][id.series().index()][path]))
            }),
            _ => meets_on_share(
                rule,
                logistic(chunk.columns[TARGET_STEP][id.series().index()][path]),
            ),
        };
        let result = summary.target(id).expect("reported");
        let met = (0..paths as usize).filter(|&p| met_by(p)).count() as u32;
        assert_eq!(result.met, met, "{id:?}");
        assert!(
            met > 0 && met < paths,
            "{id:?}: {met} of {paths}: the test has paths on both sides"
        );
        for path in 0..paths as usize {
            assert_eq!(summary.outcomes.met(id.index(), path), met_by(path));
        }
    }
}

proptest::proptest! {
    /// The histogram of shares built from their logits (a few hundred logistics, the bins' edges
    /// found on the logit scale) is the histogram of the shares themselves, bit for bit: spread
    /// logits, logits at the bounds, a handful of distinct logits, bins of less than an ulp.
    #[test]
    fn a_histogram_from_logits_is_the_histogram_of_their_shares(
        spread in proptest::collection::vec(-30.0f64..=30.0, 1..400),
        few in proptest::collection::vec(proptest::sample::select(vec![-30.0, -2.5, 0.0, -0.0, 1e-9, 3.75, 30.0]), 1..60),
        centre in -30.0f64..=30.0,
        ulps in proptest::collection::vec(0u64..200, 1..100),
    ) {
        let tight: Vec<f64> = ulps
            .iter()
            .map(|&u| f64::from_bits(centre.abs().max(1e-3).to_bits() + u))
            .collect();
        for logits in [spread, few, tight] {
            let shares: Vec<f64> = logits.iter().map(|&z| logistic(z)).collect();
            proptest::prop_assert_eq!(
                Histogram::of_logistic(2025, &logits),
                histogram_of(2025, &shares)
            );
        }
    }
}
