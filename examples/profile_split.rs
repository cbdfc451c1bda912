//! Where a run's time goes: `cargo run --release --example profile_split`.
use std::time::Instant;
use taijiang_sim::{bench, engine};

fn main() {
    let scenario = bench::scenario(10_000, 2035).expect("valid");
    let time = |label: &str, repeats: u32, f: &dyn Fn()| {
        f();
        let start = Instant::now();
        for _ in 0..repeats {
            f();
        }
        println!(
            "{label}: {:.2} ms",
            start.elapsed().as_secs_f64() * 1000.0 / f64::from(repeats)
        );
    };
    time("whole run, 10k paths x 15 years", 20, &|| {
        std::hint::black_box(engine::run(&scenario));
    });
    time("simulation only (all years kept)", 20, &|| {
        std::hint::black_box(engine::simulate_chunk(&scenario, 0..10_000));
    });
    let values = engine::simulate_chunk(&scenario, 0..10_000).columns[15][0].clone();
    time("48 percentile sets of 10k values", 10, &|| {
        for _ in 0..48 {
            std::hint::black_box(engine::percentiles_by_selection(
                &values,
                &engine::PERCENTILES,
            ));
        }
    });
}
