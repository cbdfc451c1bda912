//! The engine for the browser benchmark page (`tests/bench/`): exports `bench_engine`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use taijiang_sim::bench;
    use wasm_bindgen::prelude::*;

    /// `time` over the default scenario with `paths` paths up to `horizon_year`, with the
    /// page's clock; empty if those are out of range or there is no clock.
    fn timed(
        paths: u32,
        horizon_year: i32,
        time: impl Fn(&taijiang_sim::scenario::Scenario, &dyn Fn() -> f64) -> Vec<f64>,
    ) -> Vec<f64> {
        let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
            return Vec::new();
        };
        bench::scenario(paths, horizon_year)
            .map(|scenario| time(&scenario, &|| performance.now()))
            .unwrap_or_default()
    }

    /// Milliseconds of each of `repeats` runs of the default scenario with `paths` paths up to
    /// `horizon_year`; empty if those are out of range.
    #[wasm_bindgen]
    pub fn bench_engine(paths: u32, horizon_year: i32, repeats: u32) -> Vec<f64> {
        timed(paths, horizon_year, |scenario, now| {
            bench::time_runs(scenario, repeats, now)
        })
    }

    /// Milliseconds of each of `repeats` runs of the floor (`bench::floor`, GDP and income
    /// alone), as `bench_engine`.
    #[wasm_bindgen]
    pub fn bench_floor(paths: u32, horizon_year: i32, repeats: u32) -> Vec<f64> {
        timed(paths, horizon_year, |scenario, now| {
            bench::time_floor_runs(scenario, repeats, now)
        })
    }

    /// Milliseconds of each phase of `bench::PHASES`, timed apart.
    #[wasm_bindgen]
    pub fn bench_phases() -> Vec<f64> {
        let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
            return Vec::new();
        };
        bench::time_phases(|| performance.now())
    }
}

fn main() {}
