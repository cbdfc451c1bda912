//! The benchmark's floor computes what the engine computes for GDP and income, bit for bit:
//! the report compares the costs of the same work.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use taijiang_sim::bench::floor::run_gdp_income;
use taijiang_sim::engine;
use taijiang_sim::plan::{SeriesId, TargetId};
use taijiang_sim::scenario::Param;

#[test]
fn the_floor_gives_the_engines_gdp_and_income_bit_for_bit() {
    for settings in [
        vec![(Param::Paths, 2_000.0)],
        // Downturns, no trend, the smallest ICOR and negative investment reach the growth floor.
        vec![
            (Param::Paths, 1_000.0),
            (Param::Horizon, 2035.0),
            (Param::Gdp, 0.0),
            (Param::Inv, -100.0),
            (Param::Icor, 2.0),
            (Param::ShockP, 30.0),
        ],
    ] {
        let s = scenario(&settings);
        let floor = run_gdp_income(&s);
        let summary = engine::run(&s);
        assert_eq!(floor.gdp, summary.series(SeriesId::Gdp).years);
        assert_eq!(floor.income, summary.series(SeriesId::IncomeIndex).years);
        let met = |id| summary.target(id).expect("reported").met;
        assert_eq!(floor.gdp_met, met(TargetId::Gdp));
        assert_eq!(floor.income_met, met(TargetId::Income));
    }
}
