//! Model version 3's changes, each by its exact case: investment from the year after it is
//! spent, the rebound after a downturn, the one-sided reading of "in step" (tests/indicators.rs
//! has its boundaries), the income target's price basis, the two green ratios as two events with
//! correlated deviations, and links of version 2 opening in version 3.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use taijiang_sim::engine::{self, gdp_growth, logit, ModelParams};
use taijiang_sim::link::{self, LinkIssue};
use taijiang_sim::plan::{compound, SeriesId, TargetId, TARGET_STEP};
use taijiang_sim::scenario::{Param, Scenario};

/// Without shocks or downturns, every path is the same: GDP by year, from simulate_chunk.
fn quiet_gdp(settings: &[(Param, f64)]) -> Vec<f64> {
    let mut all = vec![
        (Param::Vol, 0.0),
        (Param::ShockP, 0.0),
        (Param::Paths, 100.0),
    ];
    all.extend_from_slice(settings);
    let chunk = engine::simulate_chunk(&scenario(&all), 0..1);
    chunk
        .columns
        .iter()
        .map(|year| year[SeriesId::Gdp.index()][0])
        .collect()
}

#[test]
fn extra_investment_acts_from_the_year_after_it_is_spent() {
    for (inv, icor) in [(50.0, 7.0), (100.0, 5.0), (-40.0, 2.0)] {
        let none = quiet_gdp(&[]);
        let with = quiet_gdp(&[(Param::Inv, inv), (Param::Icor, icor)]);
        assert_eq!(
            with[1], none[1],
            "2021 is free of the investment ({inv}, {icor})"
        );
        // 2022: Y₂ = Y₁·(1 + μ/100) + ΔI/k, exactly the capacity the 2021 investment added.
        let gained = with[2] - none[2];
        assert!(
            (gained - inv / icor).abs() < 1e-9,
            "{inv} / {icor}: {gained}"
        );
        // And from then on every year: Y_t = Y_{t−1}·(1 + μ/100) + ΔI/k.
        for t in 3..with.len() {
            let expected = with[t - 1] * (1.0 + 7.5 / 100.0) + inv / icor;
            assert!((with[t] - expected).abs() < 1e-9, "t = {t}");
        }
    }
}

/// The growth equation with a downturn pattern chosen by hand (no shock): the level of 2025
/// after `pattern`, from the one place the equation is written.
fn gdp_2025(params: &ModelParams, pattern: [bool; 5]) -> f64 {
    let mut gdp = 600.0;
    let mut before = false;
    for (t, &downturn) in (1..=5).zip(&pattern) {
        gdp *= 1.0 + gdp_growth(params, t, gdp, 0.0, [before, downturn]) / 100.0;
        before = downturn;
    }
    gdp
}

#[test]
fn a_downturn_partly_rebounds_the_year_after() {
    let (mu, s) = (7.5, 4.0);
    for rebound in [0.0, 0.5, 1.0] {
        let params =
            ModelParams::from_scenario(&scenario(&[(Param::Rebound, rebound), (Param::Rho, 0.0)]));
        let none = gdp_2025(&params, [false; 5]);
        assert_eq!(none, compound(600.0, mu, 5));
        for year in 0..4 {
            let mut pattern = [false; 5];
            pattern[year] = true;
            let hit = gdp_2025(&params, pattern);
            // The downturn year grows μ − s, the next μ + r·s, the others μ: exactly.
            let (a, b, c) = (
                1.0 + (mu - s) / 100.0,
                1.0 + (mu + rebound * s) / 100.0,
                1.0 + mu / 100.0,
            );
            let expected = 600.0 * a * b * c * c * c;
            assert!(
                (hit - expected).abs() < 1e-9,
                "r = {rebound}, {}: {hit}",
                2021 + year
            );
            if rebound == 1.0 {
                // The growth lost is won back: the level is short only by the cross term of one
                // year, (s/100)² of it (0.14 % at s = 4, μ = 7.5), not by a whole downturn.
                let short = 1.0 - hit / none;
                let cross = (s / 100.0) * (s / 100.0) / (c * c);
                assert!((short - cross).abs() < 1e-12, "{short} vs {cross}");
            }
        }
        // A downturn in 2025 has its rebound in 2026: 2025 carries the whole loss.
        let mut last = [false; 5];
        last[4] = true;
        let expected = 600.0 * (1.0 + mu / 100.0).powi(4) * (1.0 + (mu - s) / 100.0);
        assert!((gdp_2025(&params, last) - expected).abs() < 1e-9);
    }
}

#[test]
fn the_income_target_read_nominal_is_deflated_and_read_real_is_not() {
    let run = |settings: &[(Param, f64)]| {
        let mut all = vec![(Param::Paths, 500.0)];
        all.extend_from_slice(settings);
        engine::run(&scenario(&all))
    };
    let real = run(&[]);
    let threshold = |summary: &engine::Summary| {
        summary
            .target(TargetId::Income)
            .and_then(|t| t.threshold)
            .expect("a level")
    };
    assert_eq!(threshold(&real), compound(100.0, 8.0, TARGET_STEP));
    let nominal = run(&[(Param::IncBasis, 1.0), (Param::Deflator, 2.0)]);
    let deflated = 100.0 * (1.08 / 1.02 - 1.0);
    assert_eq!(threshold(&nominal), compound(100.0, deflated, TARGET_STEP));
    // The nominal reading asks less of real income: more paths meet it, never fewer.
    let met = |s: &engine::Summary| s.target(TargetId::Income).expect("reported").met;
    assert!(met(&nominal) > met(&real));
    // With no price growth the two readings agree.
    let flat = run(&[(Param::IncBasis, 1.0), (Param::Deflator, 0.0)]);
    assert_eq!(threshold(&flat), threshold(&real));
}

#[test]
fn the_two_green_ratios_are_two_events_with_correlated_deviations() {
    let n = 20_000usize;
    // Without the green area's own noise or downturns, each ratio's deviation is its logit less
    // the logit of what the planted area gives; the two deviations then correlate exactly as
    // their shocks do (both follow the same AR(1) filter).
    for correlation in [0.7, 0.3] {
        let s = scenario(&[
            (Param::GreenVol, 0.0),
            (Param::ShockP, 0.0),
            (Param::GreenCorr, correlation),
            (Param::Paths, n as f64),
        ]);
        let chunk = engine::simulate_chunk(&s, 0..n as u64);
        let year = &chunk.columns[TARGET_STEP];
        let planted = |base: f64| logit((base * 1500.0 + 5.0 * 7.2) / 1500.0);
        let deviations = |series: SeriesId, base: f64| -> Vec<f64> {
            year[series.index()]
                .iter()
                .map(|&z| z - planted(base))
                .collect()
        };
        let (ratio, cover) = (
            deviations(SeriesId::GreenRatio, 0.186),
            deviations(SeriesId::GreenCover, 0.336),
        );
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let (ma, mb) = (mean(&ratio), mean(&cover));
        let cov = ratio
            .iter()
            .zip(&cover)
            .map(|(a, b)| (a - ma) * (b - mb))
            .sum::<f64>();
        let var = |v: &[f64], m: f64| v.iter().map(|x| (x - m) * (x - m)).sum::<f64>();
        let r = cov / (var(&ratio, ma) * var(&cover, mb)).sqrt();
        // The sample correlation's standard error is about (1 − ρ²)/√n.
        let se = (1.0 - correlation * correlation) / (n as f64).sqrt();
        assert!(
            (r - correlation).abs() < 4.0 * se,
            "{r} against {correlation} ± {se}"
        );
    }
    // At the defaults the two targets are no longer one event: some paths meet one only.
    let summary = engine::run(&Scenario::default());
    let (a, b) = (TargetId::GreenRatio.index(), TargetId::GreenCover.index());
    let outcomes = &summary.outcomes;
    let differ = (0..outcomes.paths() as usize)
        .filter(|&p| outcomes.met(a, p) != outcomes.met(b, p))
        .count();
    assert!(differ > 0, "the green targets differ on some paths");
    // With the deviations switched off they are one event again (version 2).
    let quiet = engine::run(&scenario(&[(Param::GreenDev, 0.0)]));
    let outcomes = &quiet.outcomes;
    assert!((0..outcomes.paths() as usize).all(|p| outcomes.met(a, p) == outcomes.met(b, p)));
}

#[test]
fn a_version_2_link_opens_with_a_notice_and_version_3_numbers() {
    let (parsed, issues) = link::parse("#v=2&gdp=6&ck=5d6c5e");
    assert!(
        issues.contains(&LinkIssue::OlderVersion(Some("2".into()))),
        "{issues:?}"
    );
    let scenario = parsed.current.scenario;
    assert_eq!(scenario.get(Param::Gdp), 6.0);
    // What the link does not name takes version 3's defaults.
    assert_eq!(scenario.get(Param::Icor), 7.0);
    assert_eq!(scenario.get(Param::Rebound), 0.5);
    assert_eq!(scenario.get(Param::SyncRule), 0.0);
    // And a version 3 link says so, with the readings by their names.
    let written = link::write(&link::Link {
        current: link::Labelled::plain(scenario.with(Param::SyncRule, 1.0).expect("a choice")),
        ..link::Link::default()
    });
    assert!(
        written.starts_with("v=3&gdp=6&sync_rule=two_sided&ck="),
        "{written}"
    );
    let (back, issues) = link::parse(&written);
    assert_eq!(issues, vec![]);
    assert_eq!(back.current.scenario.get(Param::SyncRule), 1.0);
    assert_eq!(
        link::parse("#v=3&sync_rule=1")
            .0
            .current
            .scenario
            .get(Param::SyncRule),
        1.0,
        "by its position too"
    );
}
