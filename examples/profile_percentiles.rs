//! Time of the percentiles of each series' values in 2035, 10k paths:
//! `cargo run --release --example profile_percentiles`.
use std::time::Instant;
use taijiang_sim::bench;
use taijiang_sim::engine::{self, percentiles_by_selection, PERCENTILES};
use taijiang_sim::plan::SeriesId;

fn main() {
    let scenario = bench::scenario(10_000, 2035).expect("valid");
    let chunk = engine::simulate_chunk(&scenario, 0..10_000);
    for series in SeriesId::ALL {
        for t in [1, 5, 15] {
            let values = &chunk.columns[t][series.index()];
            let start = Instant::now();
            for _ in 0..200 {
                std::hint::black_box(percentiles_by_selection(values, &PERCENTILES));
            }
            let us = start.elapsed().as_secs_f64() * 1e6 / 200.0;
            println!("{:>14} t={t:>2}: {us:6.1} µs", series.key());
        }
    }
}
