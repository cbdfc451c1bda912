//! Timing of whole engine runs, shared by the native CLI (`--bench`) and the wasm benchmark page
//! (`src/bin/bench.rs`), so that both sides of a wasm/native ratio measure the same thing.

pub mod floor;

use crate::engine;
use crate::scenario::{Param, Scenario};

/// The benchmark scenario: the defaults with `paths` paths up to `horizon_year`.
pub fn scenario(paths: u32, horizon_year: i32) -> Option<Scenario> {
    scenario_on(&Scenario::default(), paths, horizon_year)
}

/// `base` with `paths` paths to `horizon_year`, if both are in range.
pub fn scenario_on(base: &Scenario, paths: u32, horizon_year: i32) -> Option<Scenario> {
    base.with(Param::Paths, f64::from(paths))
        .and_then(|s| s.with(Param::Horizon, f64::from(horizon_year)))
        .ok()
}

/// Milliseconds of each of `repeats` runs, timed with `now_ms`. The summary's fingerprint is
/// folded into a black box so that no run can be optimised away.
pub fn time_runs(scenario: &Scenario, repeats: u32, now_ms: impl Fn() -> f64) -> Vec<f64> {
    (0..repeats)
        .map(|_| {
            let start = now_ms();
            let summary = engine::run(scenario);
            std::hint::black_box(summary.fingerprint());
            now_ms() - start
        })
        .collect()
}

/// Milliseconds of each of `repeats` runs of [`floor::run_gdp_income`], as [`time_runs`].
pub fn time_floor_runs(scenario: &Scenario, repeats: u32, now_ms: impl Fn() -> f64) -> Vec<f64> {
    (0..repeats)
        .map(|_| {
            let start = now_ms();
            std::hint::black_box(floor::run_gdp_income(scenario));
            now_ms() - start
        })
        .collect()
}

/// The phases of a 10k-path, 15-year run timed apart, in this order: the whole run; its
/// 1.2 M normal draws, from one stream and from two streams in turn (as two paths' draws of a
/// year are drawn); its 0.9 M logistic functions; its 0.3 M Poisson draws; its 160 percentile
/// sets of 10k values. Natively (`taijiang-sim --phases`) and in wasm
/// (`bench_phases`), to see where the wasm/native ratio comes from.
pub const PHASES: [&str; 6] = [
    "whole run",
    "1.2 M normals",
    "1.2 M normals, two streams in turn",
    "0.9 M logistic",
    "0.3 M Poisson",
    "160 percentile sets",
];

pub fn time_phases(now_ms: impl Fn() -> f64) -> Vec<f64> {
    use engine::{PathStream, PoissonTable, StreamId};
    let Some(scenario) = scenario(10_000, 2035) else {
        return Vec::new();
    };
    let time = |f: &dyn Fn() -> f64| {
        let start = now_ms();
        std::hint::black_box(f());
        now_ms() - start
    };
    let values = engine::simulate_chunk(&scenario, 0..10_000).columns[15][0].clone();
    vec![
        time(&|| engine::run(&scenario).targets[0].probability),
        time(&|| {
            let mut stream = PathStream::for_stream(1, 2, StreamId::Shares);
            (0..1_200_000).map(|_| stream.normal()).sum()
        }),
        time(&|| {
            let mut a = PathStream::for_stream(1, 2, StreamId::Shares);
            let mut b = PathStream::for_stream(1, 3, StreamId::Shares);
            (0..120_000)
                .map(|_| {
                    let x: [f64; 5] = std::array::from_fn(|_| a.normal());
                    let y: [f64; 5] = std::array::from_fn(|_| b.normal());
                    x[4] + y[4]
                })
                .sum()
        }),
        time(&|| {
            (0..900_000)
                .map(|i| engine::logistic(f64::from(i) * 1e-5 - 4.5))
                .sum()
        }),
        time(&|| {
            let mut stream = PathStream::for_stream(1, 2, StreamId::Counts);
            let table = PoissonTable::new(37.8);
            (0..300_000).map(|_| stream.poisson(&table) as f64).sum()
        }),
        time(&|| {
            let mut scratch = engine::SelectionScratch::default();
            (0..160)
                .map(|_| engine::percentiles(&values, &engine::PERCENTILES, &mut scratch)[2])
                .sum()
        }),
    ]
}
