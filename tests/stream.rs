//! The random streams: the normal sampler's distribution, bin by bin including both tails, the
//! independence of path streams, and the Poisson inversion.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use taijiang_sim::engine::PathStream;

/// Φ, the standard normal distribution function.
fn normal_cdf(x: f64) -> f64 {
    0.5 * (1.0 + libm::erf(x / std::f64::consts::SQRT_2))
}

#[test]
fn normals_fall_in_every_bin_as_often_as_the_normal_law_says() {
    // Edges across the body, the ziggurat's layers and its tail beyond r = 3.654.
    let edges = [
        f64::NEG_INFINITY,
        -4.0,
        -3.654,
        -3.0,
        -2.5,
        -2.0,
        -1.5,
        -1.0,
        -0.5,
        -0.25,
        0.0,
        0.25,
        0.5,
        1.0,
        1.5,
        2.0,
        2.5,
        3.0,
        3.654,
        4.0,
        f64::INFINITY,
    ];
    let n = 2_000_000;
    let mut counts = vec![0u64; edges.len() - 1];
    let mut stream = PathStream::new(42, 7);
    for _ in 0..n {
        let x = stream.normal();
        let bin = edges.partition_point(|&edge| edge <= x) - 1;
        counts[bin] += 1;
    }
    for (i, &count) in counts.iter().enumerate() {
        let p = normal_cdf(edges[i + 1]) - normal_cdf(edges[i]);
        let expected = n as f64 * p;
        let se = (n as f64 * p * (1.0 - p)).sqrt();
        assert!(
            (count as f64 - expected).abs() < 4.0 * se,
            "bin [{}, {}): {count} draws, expected {expected:.1} ± {se:.1}",
            edges[i],
            edges[i + 1]
        );
    }
}

#[test]
fn uniforms_are_in_the_unit_interval_with_the_right_mean() {
    let mut stream = PathStream::new(1, 1);
    let n = 1_000_000;
    let mut sum = 0.0;
    for _ in 0..n {
        let u = stream.uniform();
        assert!((0.0..1.0).contains(&u));
        sum += u;
    }
    let se = (1.0 / 12.0 / n as f64).sqrt();
    assert!((sum / n as f64 - 0.5).abs() < 4.0 * se);
}

#[test]
fn neighbouring_paths_and_seeds_have_uncorrelated_streams() {
    let n = 200_000;
    let correlation = |mut a: PathStream, mut b: PathStream| {
        let pairs: Vec<(f64, f64)> = (0..n).map(|_| (a.normal(), b.normal())).collect();
        pairs.iter().map(|(x, y)| x * y).sum::<f64>() / n as f64
    };
    // For independent standard normals the sample mean of x·y has s.e. 1/√n.
    let bound = 4.0 / (n as f64).sqrt();
    let by_path = correlation(PathStream::new(5, 0), PathStream::new(5, 1));
    let by_seed = correlation(PathStream::new(5, 0), PathStream::new(6, 0));
    assert!(by_path.abs() < bound, "paths 0 and 1: {by_path}");
    assert!(by_seed.abs() < bound, "seeds 5 and 6: {by_seed}");
}

/// A path's state in a debugger or a failing test's message shows its generator, which tells
/// two paths apart (the ziggurat's tables, the same for all, are left out).
#[test]
fn a_streams_debug_text_shows_its_generator() {
    let text = |stream: &PathStream| format!("{stream:?}");
    let first = text(&PathStream::new(5, 0));
    assert!(
        first.starts_with("PathStream") && first.contains("rng"),
        "{first}"
    );
    assert!(!first.contains("tables"), "{first}");
    assert_ne!(first, text(&PathStream::new(5, 1)));
}

#[test]
fn poisson_draws_have_the_poisson_mean_and_variance() {
    use taijiang_sim::engine::{PoissonTable, StreamId};
    for mean in [0.0, 0.5, 4.0, 9.9, 29.0, 37.8, 120.0, 2500.0] {
        let mut stream = PathStream::for_stream(3, 4, StreamId::Counts);
        let table = PoissonTable::new(mean);
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| stream.poisson(&table) as f64).collect();
        let sample_mean = draws.iter().sum::<f64>() / n as f64;
        let sample_variance =
            draws.iter().map(|d| (d - sample_mean).powi(2)).sum::<f64>() / (n as f64 - 1.0);
        if mean == 0.0 {
            assert!(draws.iter().all(|&d| d == 0.0), "a mean of 0 gives 0");
            continue;
        }
        // Var(mean) = λ/n; Var(s²) ≈ (μ₄ − σ⁴)/n with μ₄ = λ + 3λ² for a Poisson.
        let mean_se = (mean / n as f64).sqrt();
        let variance_se = ((mean + 3.0 * mean * mean - mean * mean) / n as f64).sqrt();
        assert!(
            (sample_mean - mean).abs() < 4.0 * mean_se,
            "λ = {mean}: mean {sample_mean}"
        );
        assert!(
            (sample_variance - mean).abs() < 4.0 * variance_se,
            "λ = {mean}: variance {sample_variance}"
        );
    }
}

mod poisson_inversion {
    use proptest::prelude::*;
    use taijiang_sim::engine::PoissonTable;

    /// The inversion by binary search over the whole table: the guide table must agree with it.
    fn by_binary_search(table: &PoissonTable, u: f64) -> u64 {
        let (first, cdf) = table.distribution();
        first + cdf.partition_point(|&c| c <= u).min(cdf.len() - 1) as u64
    }

    /// Uniforms at and past the table's end: the table's last value, 1 and ∞ (which no count's
    /// distribution function exceeds, unless rounding took the sum past 1) invert as a binary
    /// search does, reading nothing past the table.
    #[test]
    fn uniforms_at_and_past_the_tables_end_invert_like_a_binary_search() {
        for mean in [0.0, 0.3, 4.0, 37.8, 900.0] {
            let table = PoissonTable::new(mean);
            let (first, cdf) = table.distribution();
            let last = first + cdf.len() as u64 - 1;
            for u in [cdf[cdf.len() - 1], 1.0, f64::INFINITY] {
                assert_eq!(
                    table.invert(u),
                    by_binary_search(&table, u),
                    "mean {mean}, u {u}"
                );
            }
            assert_eq!(table.invert(f64::INFINITY), last, "mean {mean}");
        }
    }

    proptest! {
        #[test]
        fn the_guide_table_inverts_like_a_binary_search(
            mean in prop_oneof![Just(0.0), 0.0f64..2.0, 2.0f64..60.0, 60.0f64..2000.0],
            u in 0.0f64..1.0,
            slot in 0u32..4096,
        ) {
            let table = PoissonTable::new(mean);
            prop_assert_eq!(table.invert(u), by_binary_search(&table, u));
            // The guide's own boundaries j/m, where a rounded slot would go wrong.
            let (_, cdf) = table.distribution();
            let slots = cdf.len().next_power_of_two();
            let boundary = f64::from(slot % slots as u32) / slots as f64;
            prop_assert_eq!(table.invert(boundary), by_binary_search(&table, boundary));
            let below = f64::from_bits(boundary.to_bits().saturating_sub(1)).max(0.0);
            prop_assert_eq!(table.invert(below), by_binary_search(&table, below));
            // And the values of the distribution function themselves.
            let at = cdf[slot as usize % cdf.len()];
            if at < 1.0 {
                prop_assert_eq!(table.invert(at), by_binary_search(&table, at));
            }
            // The greatest uniform, past the table's last value when its tail was cut.
            let greatest = 1.0 - f64::EPSILON / 2.0;
            prop_assert_eq!(table.invert(greatest), by_binary_search(&table, greatest));
        }
    }
}
