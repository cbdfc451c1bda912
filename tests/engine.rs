//! Native tests of the engine against the exact cases of `model.md`.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{scenario, GOLDEN_FINGERPRINT, GOLDEN_SCENARIO};
use taijiang_sim::engine::{self, percentiles_by_selection, Summary};
use taijiang_sim::plan::{SeriesId, TargetId, TARGET_STEP};
use taijiang_sim::scenario::{Param, Scenario};

/// σ = 0, p = 0, ΔI = 0 (and σ_h = 0): the model is deterministic; the GDP target is judged
/// strictly (`gdp_tol` = 0, version 1's reading).
fn deterministic(gdp: f64, inc: f64) -> Scenario {
    scenario(&[
        (Param::GdpTol, 0.0),
        (Param::Gdp, gdp),
        (Param::Inc, inc),
        (Param::Vol, 0.0),
        (Param::ShockP, 0.0),
        (Param::Inv, 0.0),
        (Param::IncVol, 0.0),
        (Param::Paths, 1000.0),
    ])
}

fn at_2025(summary: &Summary, id: SeriesId) -> engine::YearStats {
    summary.series(id).years[TARGET_STEP]
}

fn relative_error(actual: f64, expected: f64) -> f64 {
    ((actual - expected) / expected).abs()
}

#[test]
fn deterministic_gdp_compounds_exactly() {
    for mu in [0.0, 5.0, 7.4, 7.5, 7.6, 12.3, 15.0] {
        let summary = engine::run(&deterministic(mu, 8.0));
        let expected = 600.0 * (1.0 + mu / 100.0_f64).powi(5);
        let stats = at_2025(&summary, SeriesId::Gdp);
        for value in stats.percentiles.iter().chain(&stats.mean) {
            assert!(
                relative_error(*value, expected) < 1e-9,
                "μ = {mu}: {value} vs {expected}"
            );
        }
    }
}

/// Every path equal: GDP's histograms have one bar, in the middle (a range of width zero has no
/// bins to spread over), holding every path.
#[test]
fn a_histogram_of_equal_values_is_one_bar_in_the_middle() {
    use taijiang_sim::engine::HISTOGRAM_BINS;
    let summary = engine::run(&deterministic(7.5, 8.0));
    let histograms = &summary.series(SeriesId::Gdp).histograms;
    assert!(!histograms.is_empty());
    for histogram in histograms {
        assert_eq!(histogram.min, histogram.max, "{}", histogram.year);
        let mut expected = vec![0; HISTOGRAM_BINS];
        expected[HISTOGRAM_BINS / 2] = 1000;
        assert_eq!(histogram.counts, expected, "{}", histogram.year);
    }
}

#[test]
fn deterministic_probability_is_exactly_zero_or_one_around_the_target() {
    let probability = |gdp, inc, id| {
        let summary = engine::run(&deterministic(gdp, inc));
        summary.target(id).expect("target reported").probability
    };
    // Exactly on the plan's path counts as met.
    assert_eq!(probability(7.5, 8.0, TargetId::Gdp), 1.0);
    assert_eq!(probability(7.6, 8.0, TargetId::Gdp), 1.0);
    assert_eq!(probability(7.49, 8.0, TargetId::Gdp), 0.0);
    assert_eq!(probability(7.5, 8.0, TargetId::Income), 1.0);
    assert_eq!(probability(7.5, 8.1, TargetId::Income), 1.0);
    assert_eq!(probability(7.5, 7.99, TargetId::Income), 0.0);
    let summary = engine::run(&deterministic(7.49, 7.99));
    for id in [TargetId::Gdp, TargetId::Income] {
        assert_eq!(summary.target(id).expect("reported").std_error, 0.0);
    }
}

/// "About 7.5 %" (version 2): met from 7.5 − `gdp_tol`, exactly at the boundary and not a
/// hundredth below it; `gdp_tol` = 0 is the strict reading.
#[test]
fn the_gdp_target_is_judged_with_its_tolerance() {
    let probability = |gdp, tolerance| {
        let s = deterministic(gdp, 8.0)
            .with(Param::GdpTol, tolerance)
            .expect("valid");
        engine::run(&s)
            .target(TargetId::Gdp)
            .expect("reported")
            .probability
    };
    assert_eq!(probability(7.0, 0.5), 1.0);
    assert_eq!(probability(6.99, 0.5), 0.0);
    assert_eq!(probability(6.0, 1.5), 1.0);
    assert_eq!(probability(5.99, 1.5), 0.0);
    assert_eq!(probability(7.49, 0.0), 0.0);
    let threshold = engine::run(&deterministic(7.0, 8.0))
        .target(TargetId::Gdp)
        .and_then(|t| t.threshold)
        .expect("a threshold");
    assert!((threshold - 600.0 * 1.075_f64.powi(5)).abs() < 1e-9);
}

/// Version 2: income follows GDP's deviation from the plan's 7.5 %, so a lower GDP trend
/// lowers P(income), path by path under common random numbers.
#[test]
fn a_lower_gdp_trend_lowers_the_income_target_under_common_random_numbers() {
    let run = |gdp| engine::run(&scenario(&[(Param::Gdp, gdp), (Param::Paths, 2000.0)]));
    let (plan, slower) = (run(7.5), run(6.0));
    let income = TargetId::Income.index();
    for path in 0..2000 {
        assert!(
            plan.outcomes.met(income, path) || !slower.outcomes.met(income, path),
            "path {path} meets the income target only with slower growth"
        );
    }
    let p = |s: &Summary| s.target(TargetId::Income).expect("reported").probability;
    assert!(
        p(&slower) < p(&plan) - 0.05,
        "{} vs {}",
        p(&slower),
        p(&plan)
    );
}

/// Raw moments E[(a + sZ)^k], k = 1 … 4, of a normal with mean a and s.d. s.
fn normal_raw_moments(a: f64, s: f64) -> [f64; 4] {
    let v = s * s;
    [
        a,
        a * a + v,
        a.powi(3) + 3.0 * a * v,
        a.powi(4) + 6.0 * a * a * v + 3.0 * v * v,
    ]
}

/// Checks the sample mean and variance of `values` against the exact moments of a product of
/// five i.i.d. factors N(a, s²), within 4 standard errors of each estimator.
fn assert_product_moments(values: &[f64], a: f64, s: f64, what: &str) {
    let factor = normal_raw_moments(a, s);
    let m: Vec<f64> = factor.iter().map(|m| m.powi(5)).collect();
    let mean = m[0];
    let variance = m[1] - m[0] * m[0];
    let fourth_central = m[3] - 4.0 * m[2] * m[0] + 6.0 * m[1] * m[0] * m[0] - 3.0 * m[0].powi(4);
    let n = values.len() as f64;
    let sample_mean = values.iter().sum::<f64>() / n;
    let sample_variance = values
        .iter()
        .map(|v| (v - sample_mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    let mean_se = (variance / n).sqrt();
    let variance_se = ((fourth_central - variance * variance) / n).sqrt();
    assert!(
        (sample_mean - mean).abs() < 4.0 * mean_se,
        "{what}: mean {sample_mean} vs exact {mean} (4 SE = {})",
        4.0 * mean_se
    );
    assert!(
        (sample_variance - variance).abs() < 4.0 * variance_se,
        "{what}: variance {sample_variance} vs exact {variance} (4 SE = {})",
        4.0 * variance_se
    );
}

#[test]
fn iid_growth_matches_exact_moments_of_gdp_and_income() {
    let (mu, sigma, mu_h, eta, sigma_h) = (7.0, 2.0, 8.0, 0.8, 1.0);
    let s = scenario(&[
        (Param::Gdp, mu),
        (Param::Vol, sigma),
        (Param::Rho, 0.0),
        (Param::ShockP, 0.0),
        (Param::Inv, 0.0),
        (Param::Inc, mu_h),
        (Param::Eta, eta),
        (Param::IncVol, sigma_h),
        (Param::Paths, 100_000.0),
    ]);
    let chunk = engine::simulate_chunk(&s, 0..100_000);
    let gdp_ratio: Vec<f64> = chunk.columns[TARGET_STEP][SeriesId::Gdp.index()]
        .iter()
        .map(|y| y / 600.0)
        .collect();
    assert_product_moments(&gdp_ratio, 1.0 + mu / 100.0, sigma / 100.0, "GDP₂₀₂₅/600");
    // h_t = μ_h + η·(μ − 7.5 + σ·ε_t) + σ_h·ε^h_t: i.i.d. N(μ_h + η(μ − 7.5), η²σ² + σ_h²).
    let income_sd = ((eta * sigma).powi(2) + sigma_h * sigma_h).sqrt();
    let income_ratio: Vec<f64> = chunk.columns[TARGET_STEP][SeriesId::IncomeIndex.index()]
        .iter()
        .map(|i| i / 100.0)
        .collect();
    assert_product_moments(
        &income_ratio,
        1.0 + (mu_h + eta * (mu - 7.5)) / 100.0,
        income_sd / 100.0,
        "income₂₀₂₅/100",
    );
}

#[test]
fn same_seed_gives_bit_identical_summaries_however_the_paths_are_split() {
    let s = scenario(&[(Param::Paths, 3000.0), (Param::Horizon, 2030.0)]);
    let whole = engine::run(&s);
    let splits: [&[u64]; 4] = [
        &[3000],
        &[1, 2999],
        &[1000, 1000, 1000],
        &[7, 1500, 1, 1492],
    ];
    for split in splits {
        let mut start = 0;
        let mut chunks: Vec<_> = split
            .iter()
            .map(|len| {
                let chunk = engine::simulate_chunk(&s, start..start + len);
                start += len;
                chunk
            })
            .collect();
        chunks.reverse();
        let merged = engine::summarise_chunks(&s, &chunks).expect("chunks tile the run");
        assert_eq!(merged, whole, "split {split:?}");
    }
    assert_eq!(engine::run(&s), whole, "a rerun is identical");
}

#[test]
fn chunks_that_do_not_tile_the_run_are_refused() {
    let s = scenario(&[(Param::Paths, 100.0)]);
    let gap = [
        engine::simulate_chunk(&s, 0..40),
        engine::simulate_chunk(&s, 50..100),
    ];
    assert_eq!(engine::summarise_chunks(&s, &gap), None);
    let short = [engine::simulate_chunk(&s, 0..99)];
    assert_eq!(engine::summarise_chunks(&s, &short), None);
    // A year without a series, or a series short of a path.
    let mut missing = engine::simulate_chunk(&s, 0..100);
    missing.columns[3].pop();
    assert_eq!(engine::summarise_chunks(&s, &[missing]), None);
    let mut cut = engine::simulate_chunk(&s, 0..100);
    cut.columns[3][SeriesId::Gdp.index()].pop();
    assert_eq!(engine::summarise_chunks(&s, &[cut]), None);
}

/// Hand-made chunks are summarised series by series from their own values: GDP per head's
/// percentiles are its column's, even where that column is not GDP divided by the population
/// (a whole run takes them from GDP's, which the model's own columns allow).
#[test]
fn a_hand_made_chunk_is_summarised_from_its_own_columns() {
    let s = scenario(&[(Param::Paths, 500.0), (Param::Horizon, 2030.0)]);
    let mut chunk = engine::simulate_chunk(&s, 0..500);
    for (k, value) in chunk.columns[5][SeriesId::GdpPerCapita.index()]
        .iter_mut()
        .enumerate()
    {
        *value = (k % 7) as f64;
    }
    let summary = engine::summarise_chunks(&s, &[chunk.clone()]).expect("one chunk tiles the run");
    let own = &chunk.columns[5][SeriesId::GdpPerCapita.index()];
    assert_eq!(
        summary.series(SeriesId::GdpPerCapita).years[5].percentiles,
        percentiles_by_selection(own, &engine::PERCENTILES)
    );
}

#[test]
fn a_different_seed_gives_different_numbers() {
    let a = engine::run(&scenario(&[(Param::Seed, 1.0)]));
    let b = engine::run(&scenario(&[(Param::Seed, 2.0)]));
    assert_ne!(at_2025(&a, SeriesId::Gdp), at_2025(&b, SeriesId::Gdp));
    assert_ne!(a.targets, b.targets);
}

#[test]
fn percentiles_are_ordered_and_bracket_nothing_impossible() {
    let summary = engine::run(&scenario(&[(Param::Horizon, 2035.0), (Param::Vol, 3.0)]));
    for series in &summary.series {
        assert_eq!(series.years.len(), 16);
        for stats in &series.years {
            let p = stats.percentiles;
            assert!(
                p.windows(2).all(|w| w[0] <= w[1]),
                "{:?} {}: {p:?}",
                series.id,
                stats.year
            );
            assert!(p.iter().all(|v| v.is_finite() && *v > 0.0));
        }
        for histogram in &series.histograms {
            assert_eq!(histogram.counts.iter().sum::<u32>(), summary.paths);
        }
        let years: Vec<i32> = series.histograms.iter().map(|h| h.year).collect();
        assert_eq!(years, [2025, 2035]);
    }
}

#[test]
fn extra_investment_raises_median_gdp() {
    let base = engine::run(&Scenario::default());
    let invested = engine::run(&scenario(&[(Param::Inv, 50.0)]));
    let cut = engine::run(&scenario(&[(Param::Inv, -50.0)]));
    let median = |s: &Summary| at_2025(s, SeriesId::Gdp).median();
    assert!(median(&invested) > median(&base));
    assert!(median(&cut) < median(&base));
}

#[test]
fn a_larger_shock_probability_lowers_the_chance_of_the_gdp_target() {
    let p_gdp = |shock_p| {
        engine::run(&scenario(&[(Param::ShockP, shock_p)]))
            .target(TargetId::Gdp)
            .expect("reported")
            .probability
    };
    let (low, high) = (p_gdp(5.0), p_gdp(25.0));
    assert!(
        high < low,
        "P(gdp) with p = 25 %: {high}, with p = 5 %: {low}"
    );
}

#[test]
fn standard_error_is_the_binomial_one() {
    let summary = engine::run(&Scenario::default());
    for result in &summary.targets {
        let p = result.probability;
        assert_eq!(p, f64::from(result.met) / 10_000.0);
        assert_eq!(result.std_error, (p * (1.0 - p) / 10_000.0).sqrt());
    }
    let uncertain = summary
        .targets
        .iter()
        .filter(|t| t.probability > 0.0 && t.probability < 1.0)
        .count();
    assert!(
        uncertain >= 8,
        "the default scenario is uncertain: {uncertain} targets"
    );
}

#[test]
fn the_golden_scenario_gives_the_golden_fingerprint() {
    let (link, issues) = taijiang_sim::link::parse(GOLDEN_SCENARIO);
    let scenario = link.current.scenario;
    assert!(issues.is_empty());
    let fingerprint = engine::run(&scenario).fingerprint();
    assert_eq!(
        fingerprint, GOLDEN_FINGERPRINT,
        "fingerprint {fingerprint:#018x}"
    );
}

/// The end-to-end tests (`tests/e2e/progressive.test.mjs`) expect the page to show exactly the
/// numbers of `tests/common/default-scenario.tsv`; so does the native engine.
#[test]
fn the_default_scenario_gives_the_numbers_the_page_must_show() {
    use taijiang_sim::format::four_decimals;
    let summary = engine::run(&Scenario::default());
    let expected = include_str!("common/default-scenario.tsv");
    let mut rows: Vec<&str> = expected
        .lines()
        .filter(|line| !line.starts_with('#'))
        .collect();
    let fingerprint = rows.remove(0);
    assert_eq!(
        fingerprint,
        format!("fingerprint\t{:016x}\t-", summary.fingerprint())
    );
    assert_eq!(rows.len(), TargetId::ALL.len());
    for row in rows {
        let fields: Vec<&str> = row.split('\t').collect();
        let result = TargetId::from_key(fields[0])
            .and_then(|id| summary.target(id))
            .expect("a target");
        assert_eq!(
            (
                four_decimals(result.probability),
                four_decimals(result.std_error)
            ),
            (fields[1].to_owned(), fields[2].to_owned()),
            "{}",
            fields[0]
        );
    }
}

/// Every number leaf of `value`, as a JSON pointer.
fn number_pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Number(_) => out.push(at),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                number_pointers(item, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                number_pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// The number with its lowest bit flipped (of its f64 bits for a float).
fn nudged(number: &serde_json::Number) -> serde_json::Value {
    if let Some(n) = number.as_u64() {
        (n ^ 1).into()
    } else if let Some(n) = number.as_i64() {
        (n ^ 1).into()
    } else {
        let x = number.as_f64().expect("a float");
        f64::from_bits(x.to_bits() ^ 1).into()
    }
}

#[test]
fn the_fingerprint_covers_every_number_of_the_summary() {
    let s = scenario(&[(Param::Paths, 130.0), (Param::Horizon, 2026.0)]);
    let summary = engine::run(&s);
    let original = summary.fingerprint();
    let value = serde_json::to_value(&summary).expect("a summary is JSON");
    let mut pointers = Vec::new();
    number_pointers(&value, String::new(), &mut pointers);
    assert!(pointers.len() > 1_000, "{} numbers", pointers.len());
    for pointer in &pointers {
        let mut changed = value.clone();
        let leaf = changed
            .pointer_mut(pointer)
            .expect("the pointer leads to the number");
        *leaf = nudged(leaf.as_number().expect("a number"));
        let changed: Summary = serde_json::from_value(changed).expect("still a summary");
        assert_ne!(changed, summary, "{pointer}: the nudge changed nothing");
        assert_ne!(
            changed.fingerprint(),
            original,
            "{pointer} is not in the fingerprint"
        );
    }
}

/// Every reported mean is its series' values summed one after another in path order, divided
/// by the number of paths, bit for bit (the summariser sums several series side by side), and
/// a share on the logit scale reports none; every percentile of a series with a mean is its
/// values' own (GDP per head's are taken from GDP's). An odd number of paths too, and a run
/// whose GDP falls to the floor.
#[test]
fn each_mean_and_percentile_is_that_of_its_series_values() {
    // GDP falls to the floor from 2033 (tests/notices.rs).
    let falling = [
        (Param::Gdp, 0.0),
        (Param::Inv, -100.0),
        (Param::Icor, 2.0),
        (Param::Horizon, 2035.0),
    ];
    for (paths, more) in [(1001.0, &[][..]), (4000.0, &[][..]), (2000.0, &falling[..])] {
        let mut settings = vec![(Param::Paths, paths), (Param::Horizon, 2030.0)];
        settings.extend_from_slice(more);
        let scenario = scenario(&settings);
        let summary = engine::run(&scenario);
        assert_eq!(
            summary.floored_path_years > 0,
            !more.is_empty(),
            "{paths} paths: the floor reached in the falling run only"
        );
        let samples = engine::simulate_chunk(&scenario, 0..scenario.paths().into());
        for (t, year) in samples.columns.iter().enumerate() {
            for id in SeriesId::ALL {
                let values = &year[id.index()];
                let expected = (!engine::on_logit_scale(id))
                    .then(|| values.iter().sum::<f64>() / values.len() as f64);
                let stats = summary.series(id).years[t];
                assert_eq!(
                    stats.mean.map(f64::to_bits),
                    expected.map(f64::to_bits),
                    "{id:?}, step {t}, {paths} paths"
                );
                if expected.is_some() {
                    assert_eq!(
                        stats.percentiles.map(f64::to_bits),
                        percentiles_by_selection(values, &engine::PERCENTILES).map(f64::to_bits),
                        "{id:?}, step {t}, {paths} paths"
                    );
                }
            }
        }
    }
}
