//! Criterion benchmarks of the engine: whole runs, all series, 15 years (horizon 2035).
//! `cargo bench --bench engine`; results in docs/BENCHMARKS.md. Native only: the browser side
//! is measured by `tests/bench/`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, BenchmarkId, Criterion};
    use std::hint::black_box;
    use taijiang_sim::{bench, engine};

    fn whole_runs(c: &mut Criterion) {
        let mut group = c.benchmark_group("engine_run_15_years");
        for paths in [1_000u32, 10_000, 100_000] {
            let scenario = bench::scenario(paths, 2035).expect("valid benchmark scenario");
            if paths >= 100_000 {
                group.sample_size(10);
            }
            group.bench_with_input(
                BenchmarkId::from_parameter(paths),
                &scenario,
                |b, scenario| b.iter(|| black_box(engine::run(black_box(scenario)))),
            );
        }
        group.finish();
    }

    criterion_group!(benches, whole_runs);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
