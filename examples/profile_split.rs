//! Where a run's time goes: `cargo run --release --example profile_split`.
use std::time::Instant;
use taijiang_sim::bench;
use taijiang_sim::engine::{self, PathStream, PoissonTable, StreamId};

fn time(label: &str, repeats: u32, f: &dyn Fn()) {
    f();
    let start = Instant::now();
    for _ in 0..repeats {
        f();
    }
    println!(
        "{label}: {:.3} ms",
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(repeats)
    );
}

fn main() {
    let scenario = bench::scenario(10_000, 2035).expect("valid");
    time("whole run, 10k paths x 15 years", 5, &|| {
        std::hint::black_box(engine::run(&scenario));
    });
    time("simulation only (all years kept)", 5, &|| {
        std::hint::black_box(engine::simulate_chunk(&scenario, 0..10_000));
    });
    let values = engine::simulate_chunk(&scenario, 0..10_000).columns[15][0].clone();
    time("160 percentile sets of 10k values", 3, &|| {
        for _ in 0..160 {
            std::hint::black_box(engine::percentiles_by_selection(
                &values,
                &engine::PERCENTILES,
            ));
        }
    });
    let n = 150_000;
    time("150k poisson(37.8)", 5, &|| {
        let mut s = PathStream::for_stream(1, 2, StreamId::Counts);
        let table = PoissonTable::new(37.8);
        let mut acc = 0;
        for _ in 0..n {
            acc += s.poisson(&table);
        }
        std::hint::black_box(acc);
    });
    time("150k x 8 normals", 5, &|| {
        let mut s = PathStream::for_stream(1, 2, StreamId::Core);
        let mut acc = 0.0;
        for _ in 0..n * 8 {
            acc += s.normal();
        }
        std::hint::black_box(acc);
    });
    time("150k x 6 logistic", 5, &|| {
        let mut acc = 0.0;
        for i in 0..n * 6 {
            acc += engine::logistic(i as f64 * 1e-6);
        }
        std::hint::black_box(acc);
    });
}
