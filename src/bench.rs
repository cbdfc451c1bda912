//! Timing of whole engine runs, shared by the native CLI (`--bench`) and the wasm benchmark page
//! (`src/bin/bench.rs`), so that both sides of a wasm/native ratio measure the same thing.

use crate::engine;
use crate::scenario::{Param, Scenario};

/// The benchmark scenario: the defaults with `paths` paths up to `horizon_year`.
pub fn scenario(paths: u32, horizon_year: i32) -> Option<Scenario> {
    Scenario::default()
        .with(Param::Paths, f64::from(paths))
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
