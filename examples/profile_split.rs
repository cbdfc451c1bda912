//! Where a run's time goes: `cargo run --release --example profile_split`. The phases of a 10k-path,
//! 15-year run, timed apart (`bench::time_phases`, as `taijiang-sim --phases` and the bench
//! page's `bench_phases()` do); the best of three, since this machine's speed drifts.
use std::time::Instant;
use taijiang_sim::bench;

fn main() {
    let clock = Instant::now();
    let rounds: Vec<Vec<f64>> = (0..3)
        .map(|_| bench::time_phases(|| clock.elapsed().as_secs_f64() * 1000.0))
        .collect();
    for (i, name) in bench::PHASES.iter().enumerate() {
        let best = rounds
            .iter()
            .map(|round| round[i])
            .fold(f64::INFINITY, f64::min);
        println!("{name}: {best:.3} ms");
    }
}
