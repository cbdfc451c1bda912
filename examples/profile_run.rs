//! One 2,000-path run for instruction-level profiling:
//! `valgrind --tool=callgrind target/release/examples/profile_run`.
fn main() {
    let scenario = taijiang_sim::bench::scenario(2_000, 2035).expect("valid");
    std::hint::black_box(taijiang_sim::engine::run(&scenario));
}
