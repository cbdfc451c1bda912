//! Observed years (`docs/MODEL.md`, "Observed years"): with none the run is the same bits; a
//! path's own values reproduce it; every year observed leaves no chance; the downturn's
//! posterior in closed form where ρ = 0; the deterministic cases; and calibration: averaged
//! over observations drawn from the model itself, the conditional chances are the
//! unconditional ones.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use taijiang_sim::engine::observed::conditioning;
use taijiang_sim::engine::{self, logistic, LapseTables, ModelParams, PathState};
use taijiang_sim::plan::{SeriesId, TargetId};
use taijiang_sim::scenario::observed::{Observations, ObservedMeasure, ObservedSeries};
use taijiang_sim::scenario::{Param, Scenario};

/// What a statistical bulletin would have said of path `index` of `scenario` in its first
/// `years` years, for `series`; `None` if a value falls outside what can be entered.
fn path_observations(
    scenario: &Scenario,
    index: u64,
    years: usize,
    series: &[ObservedSeries],
) -> Option<Observations> {
    let params = ModelParams::from_scenario(scenario);
    observations_of(&params, scenario.seed(), index, years, series)
}

/// [`path_observations`] with the scenario's parameters made once.
fn observations_of(
    params: &ModelParams,
    seed: u64,
    index: u64,
    years: usize,
    series: &[ObservedSeries],
) -> Option<Observations> {
    let mut lapse_tables = LapseTables::new(params.lapse_rate);
    let mut state = PathState::new(seed, index, params);
    let mut observed = Observations::default();
    for t in 1..=years {
        state.step(params, &mut lapse_tables);
        let values = state.values(params);
        for &one in series {
            let value = match one.measure() {
                ObservedMeasure::Growth if one == ObservedSeries::Gdp => state.growth[0],
                ObservedMeasure::Growth => state.growth[1],
                ObservedMeasure::Stock => state.hightech,
                ObservedMeasure::Level => 100.0 * logistic(values[one.series().index()]),
            };
            observed = observed.with(one, 2020 + t as i32, value).ok()?;
        }
    }
    Some(observed)
}

/// The values of path `index` of `scenario` for every year, by series (logit shares as shares).
fn path_values(scenario: &Scenario, index: u64) -> Vec<[f64; 10]> {
    let chunk = engine::simulate_chunk(scenario, index..index + 1);
    chunk
        .columns
        .iter()
        .map(|year| {
            let mut values = [0.0; 10];
            for series in SeriesId::ALL {
                let value = year[series.index()][0];
                values[series.index()] = if is_logit(series) {
                    logistic(value)
                } else {
                    value
                };
            }
            values
        })
        .collect()
}

fn is_logit(series: SeriesId) -> bool {
    !matches!(
        series,
        SeriesId::Gdp | SeriesId::IncomeIndex | SeriesId::GdpPerCapita | SeriesId::HighTech
    )
}

#[test]
fn with_no_observation_used_the_run_is_the_same_bits() {
    let plain = scenario(&[(Param::Paths, 2_000.0)]);
    let before = engine::run(&plain);
    // Entered and taken out again.
    let emptied = plain
        .with_observation(ObservedSeries::Gdp, 2021, 6.0)
        .expect("valid")
        .without_observations();
    assert_eq!(engine::run(&emptied).fingerprint(), before.fingerprint());
    // Past the horizon, or after a gap: not used, and nothing moves.
    let unused = plain
        .with_observation(ObservedSeries::Gdp, 2027, 6.0)
        .and_then(|s| s.with_observation(ObservedSeries::Air, 2022, 95.0))
        .expect("valid");
    assert!(unused.observed().last_year(2025).is_none());
    assert_eq!(engine::run(&unused).fingerprint(), before.fingerprint());
}

#[test]
fn every_path_goes_through_a_paths_own_observed_years() {
    let plain = scenario(&[(Param::Paths, 300.0), (Param::Rebound, 0.4)]);
    let own = 17;
    let observed = path_observations(&plain, own, 3, &ObservedSeries::ALL).expect("in range");
    let conditioned = plain.with_observations(observed);
    let expected = path_values(&plain, own);
    let chunk = engine::simulate_chunk(&conditioned, 0..300);
    for (t, year) in chunk.columns.iter().enumerate().take(4) {
        for series in SeriesId::ALL {
            for (path, &value) in year[series.index()].iter().enumerate() {
                let value = if is_logit(series) {
                    logistic(value)
                } else {
                    value
                };
                let wanted = expected[t][series.index()];
                if is_logit(series) {
                    // A share goes through its logit and back: equal to the last bits or two.
                    assert!(
                        (value - wanted).abs() <= 1e-12,
                        "{series:?} {t} path {path}: {value} vs {wanted}"
                    );
                } else {
                    assert_eq!(
                        value.to_bits(),
                        wanted.to_bits(),
                        "{series:?} {t} path {path}"
                    );
                }
            }
        }
    }
    // After the observed years the paths part again.
    let gdp_2024 = &chunk.columns[4][SeriesId::Gdp.index()];
    assert!(gdp_2024.iter().any(|&value| value != gdp_2024[0]));
}

#[test]
fn with_every_year_observed_each_chance_is_that_paths_outcome() {
    let plain = scenario(&[(Param::Paths, 100.0)]);
    let unconditioned = engine::run(&plain);
    for own in [3_u64, 41, 88] {
        let observed = path_observations(&plain, own, 5, &ObservedSeries::ALL).expect("in range");
        let summary = engine::run(&plain.with_observations(observed));
        for target in &summary.targets {
            let index = TargetId::ALL
                .iter()
                .position(|&id| id == target.id)
                .expect("a target");
            let met = unconditioned.outcomes.met(index, own as usize);
            assert_eq!(
                target.probability,
                if met { 1.0 } else { 0.0 },
                "path {own}, {:?}",
                target.id
            );
        }
    }
}

fn normal_density(x: f64, mean: f64, sd: f64) -> f64 {
    let z = (x - mean) / sd;
    (-z * z / 2.0).exp()
}

#[test]
fn without_persistence_a_years_downturn_is_the_two_component_mixture() {
    let (p, loss, sigma, trend) = (0.2, 4.0, 2.0, 7.5);
    let plain = scenario(&[
        (Param::Rho, 0.0),
        (Param::Rebound, 0.0),
        (Param::ShockP, 100.0 * p),
        (Param::ShockS, loss),
        (Param::Vol, sigma),
        (Param::Inv, 0.0),
    ]);
    let growth = [3.0, 6.5];
    let observed = plain
        .with_observation(ObservedSeries::Gdp, 2021, growth[0])
        .and_then(|s| s.with_observation(ObservedSeries::Gdp, 2022, growth[1]))
        .expect("valid");
    let params = ModelParams::from_scenario(&observed);
    let given = conditioning(&observed, &params);
    let mixture = |g: f64| {
        let down = p * normal_density(g, trend - loss, sigma);
        let up = (1.0 - p) * normal_density(g, trend, sigma);
        down / (down + up)
    };
    // Node 1: 2021 undecided; nodes 2 and 3: 2022 after no downturn and after one. Without
    // persistence or rebound the years are independent, each its own mixture.
    assert!((given.pattern[1] - mixture(growth[0])).abs() < 1e-12);
    assert!((given.pattern[2] - mixture(growth[1])).abs() < 1e-12);
    assert!((given.pattern[3] - mixture(growth[1])).abs() < 1e-12);
    // And the paths draw 2021's downturn at that rate: the share with a downturn is within
    // four standard errors of it. (A downturn path's 2021 shock is g − μ + s.)
    let paths = 20_000;
    let conditioned = observed.with(Param::Paths, paths as f64).expect("valid");
    let chunk = engine::simulate_chunk(&conditioned, 0..paths);
    assert_eq!(chunk.columns[1][SeriesId::Gdp.index()][0], 600.0 * 1.03);
    let p1 = given.pattern[1];
    let downturns = (0..paths)
        .filter(|&i| {
            let params = ModelParams::from_scenario(&conditioned);
            let mut lapse = LapseTables::new(params.lapse_rate);
            let mut state = PathState::new(conditioned.seed(), i, &params);
            state.step(&params, &mut lapse);
            state.after_downturn()
        })
        .count() as f64
        / paths as f64;
    let stderr = (p1 * (1.0 - p1) / paths as f64).sqrt();
    assert!(
        (downturns - p1).abs() < 4.0 * stderr,
        "{downturns} vs {p1} ± {stderr}"
    );
}

#[test]
fn with_no_volatility_and_no_downturns_the_answer_is_deterministic() {
    let quiet = scenario(&[
        (Param::Vol, 0.0),
        (Param::ShockP, 0.0),
        (Param::Paths, 100.0),
    ]);
    // The trend observed: possible, and every path the same.
    let on_trend = quiet
        .with_observation(ObservedSeries::Gdp, 2021, 7.5)
        .expect("valid");
    let params = ModelParams::from_scenario(&on_trend);
    let given = conditioning(&on_trend, &params);
    assert!(given.gdp_possible);
    assert_eq!(given.pattern[1], 0.0);
    assert_eq!(
        engine::run(&on_trend)
            .target(TargetId::Gdp)
            .map(|r| r.probability),
        engine::run(&quiet)
            .target(TargetId::Gdp)
            .map(|r| r.probability)
    );
    // Off the trend: no path can make it; GDP is not conditioned, and the run says so.
    let off = quiet
        .with_observation(ObservedSeries::Gdp, 2021, 5.0)
        .expect("valid");
    let params = ModelParams::from_scenario(&off);
    assert!(!conditioning(&off, &params).gdp_possible);
    assert_eq!(
        engine::run(&off).fingerprint(),
        engine::run(&quiet).fingerprint()
    );
    // With downturns but no volatility: 2021 at the trend less the loss is a downturn, surely.
    let steps = scenario(&[
        (Param::Vol, 0.0),
        (Param::ShockP, 10.0),
        (Param::ShockS, 4.0),
    ]);
    let down = steps
        .with_observation(ObservedSeries::Gdp, 2021, 3.5)
        .expect("valid");
    let params = ModelParams::from_scenario(&down);
    assert_eq!(conditioning(&down, &params).pattern[1], 1.0);
}

/// Over many paths of the model (seed 7), each path's first `years` years observed in
/// `series`, the average conditional chance of each target against the unconditional one. Many
/// draws of few paths each: a target near certainty fails on a path in a thousand, and only
/// draws by the thousand see such paths often enough for their spread to be estimated.
fn calibration(settings: &[(Param, f64)], years: usize, series: &[ObservedSeries]) {
    let draws: u32 = 2_000;
    let per_draw = 100.0;
    let source = scenario(&[&[(Param::Seed, 7.0)], settings].concat());
    let source_params = ModelParams::from_scenario(&source);
    let reference = engine::run(&scenario(
        &[&[(Param::Paths, 100_000.0)], settings].concat(),
    ));
    let conditional_on = scenario(&[&[(Param::Paths, per_draw)], settings].concat());
    let mut chances: Vec<Vec<f64>> = vec![Vec::new(); TargetId::ALL.len()];
    for index in 0..u64::from(draws) {
        // Every drawn path can be entered (no share past 99.9 %) in these scenarios.
        let observed = observations_of(&source_params, 7, index, years, series)
            .expect("every drawn path can be entered");
        // A seed of its own per draw: with one seed, every draw's future would be the same
        // hundred paths, an error common to all draws that averaging them does not shrink.
        let own_seed = conditional_on
            .with(Param::Seed, 10_000.0 + index as f64)
            .expect("a valid seed");
        let summary = engine::run(&own_seed.with_observations(observed));
        for (k, target) in summary.targets.iter().enumerate() {
            chances[k].push(target.probability);
        }
    }
    for (k, target) in reference.targets.iter().enumerate() {
        let values = &chances[k];
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
        // The average's standard error, and the reference run's own.
        let stderr = (variance / n + target.std_error.powi(2)).sqrt();
        assert!(
            (mean - target.probability).abs() <= 4.0 * stderr.max(1e-9),
            "{:?} ({settings:?}): {mean} given observed vs {} ± {stderr}",
            target.id,
            target.probability
        );
    }
}

/// The green ratios' own deviations are set to 0 here: an observed green-space ratio is read as
/// the area's (`docs/MODEL.md`: the one approximation of the green conditioning).
const NO_GREEN_DEVIATION: (Param, f64) = (Param::GreenDev, 0.0);

#[test]
fn observed_years_drawn_from_the_model_leave_the_chances_where_they_were_plan() {
    calibration(&[NO_GREEN_DEVIATION], 3, &ObservedSeries::ALL);
}

#[test]
fn observed_years_drawn_from_the_model_leave_the_chances_where_they_were_hard_times() {
    calibration(
        &[
            NO_GREEN_DEVIATION,
            (Param::ShockP, 25.0),
            (Param::ShockS, 6.0),
            (Param::Rho, 0.6),
            (Param::Rebound, 0.5),
            (Param::Inv, 80.0),
        ],
        2,
        &[
            ObservedSeries::Gdp,
            ObservedSeries::HighTech,
            ObservedSeries::Income,
        ],
    );
}

#[test]
fn observed_years_drawn_from_the_model_leave_the_chances_where_they_were_gdp_only() {
    calibration(
        &[NO_GREEN_DEVIATION, (Param::Vol, 2.5), (Param::Gdp, 6.0)],
        4,
        &[ObservedSeries::Gdp],
    );
}

/// Downturns that stop certifications and new green space outright, in a volatile economy:
/// the high-tech stock and the green-space ratio then say more about which years were
/// downturns than GDP does, and the rebound carries that into the years after.
#[test]
fn observed_years_drawn_from_the_model_leave_the_chances_where_they_were_coupled() {
    calibration(
        &[
            NO_GREEN_DEVIATION,
            (Param::Vol, 5.0),
            (Param::ShockP, 30.0),
            (Param::ShockS, 8.0),
            (Param::Rebound, 1.0),
            (Param::DownturnHt, 100.0),
            (Param::DownturnGreen, 100.0),
            (Param::HtPush, 40.0),
        ],
        2,
        &[
            ObservedSeries::Gdp,
            ObservedSeries::HighTech,
            ObservedSeries::GreenRatio,
        ],
    );
}

/// Where downturns stop certifications outright, a stock that rose in 2021 says 2021 was no
/// downturn, whatever GDP says; where they stop planting, a green-space ratio that did not move
/// says it was one.
#[test]
fn the_coupled_series_say_which_years_were_downturns() {
    let volatile = scenario(&[
        (Param::Vol, 2.0),
        (Param::ShockP, 20.0),
        (Param::ShockS, 4.0),
        (Param::Lapse, 0.0),
        (Param::DownturnHt, 100.0),
        (Param::DownturnGreen, 100.0),
    ]);
    // GDP growth at the trend less the loss: on its own, likely a downturn.
    let gdp_only = volatile
        .with_observation(ObservedSeries::Gdp, 2021, 3.5)
        .expect("valid");
    let chance = |s: &Scenario| conditioning(s, &ModelParams::from_scenario(s)).pattern[1];
    let on_its_own = chance(&gdp_only);
    assert!(on_its_own > 0.5 && on_its_own < 1.0, "{on_its_own}");
    let certified = gdp_only
        .with_observation(ObservedSeries::HighTech, 2021, 205.0)
        .expect("valid");
    assert_eq!(chance(&certified), 0.0);
    // 18.6 % of 1,500 ha in 2020; the same ratio in 2021: no new green space at all.
    let unplanted = gdp_only
        .with_observation(ObservedSeries::GreenRatio, 2021, 18.6)
        .expect("valid");
    assert_eq!(chance(&unplanted), 1.0);
    // And a stock that did not move with certifications still coming in ordinary years, at
    // no lapses: only a downturn can leave it where it was (its chance otherwise e^−37.8).
    let flat = gdp_only
        .with_observation(ObservedSeries::HighTech, 2021, 200.0)
        .expect("valid");
    assert!(chance(&flat) > 1.0 - 1e-12, "{}", chance(&flat));
}
