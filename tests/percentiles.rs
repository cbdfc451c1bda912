//! The percentiles: the exact order statistics of the total order of `f64`, interpolated as
//! type 7, whichever way they are found (counting in buckets, found eight values at a time in
//! lanes; selection; a column of one value), bit for bit what sorting gives. Natively here;
//! tests/browser.rs checks the same sets on wasm's SIMD lanes.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::percentiles::{percentile_sets, percentiles_by_sorting, QUANTILES};
use taijiang_sim::engine::{percentiles_by_selection, percentiles_counted};

/// Bits of a list of numbers, to compare exactly (−0 and +0 apart).
fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn percentiles_with_buckets_found_in_lanes_are_sortings() {
    let sets = percentile_sets();
    for set in &sets {
        let want = bits(&percentiles_by_sorting(&set.values, &QUANTILES));
        let n = set.values.len();
        assert_eq!(
            bits(&percentiles_by_selection(&set.values, &QUANTILES)),
            want,
            "{n} values"
        );
        match percentiles_counted(&set.values, &QUANTILES) {
            Some(counted) => assert_eq!(bits(&counted), want, "{n} values, counted"),
            None => assert!(!set.counted, "{n} values: the counting pass must answer"),
        }
    }
    // Ties crowd the buckets: some sets are answered by selection, and the test sees both ways.
    assert!(sets.iter().any(|set| !set.counted));
}

#[test]
fn percentiles_by_selection_match_sorting() {
    let values: Vec<f64> = (0..1001).map(|i| ((i * 7919) % 1001) as f64).collect();
    let got = percentiles_by_selection(&values, &[0.05, 0.25, 0.5, 0.75, 0.95]);
    // With 0 … 1000 the type-7 percentile at q is 1000·q.
    assert_eq!(got, [50.0, 250.0, 500.0, 750.0, 950.0]);
    let few = vec![4.0, 1.0, 3.0, 2.0];
    let got = percentiles_by_selection(&few, &[0.05, 0.5, 0.95]);
    for (got, expected) in got.iter().zip([1.15, 2.5, 3.85]) {
        assert!((got - expected).abs() < 1e-12, "{got} vs {expected}");
    }
}

/// A percentile that falls on an order statistic is that value itself, bit for bit, whatever
/// its neighbour: no interpolation by a zero fraction (0·∞ is NaN, −0 + 0·0 is +0).
#[test]
fn a_percentile_on_an_order_statistic_is_that_value_whatever_its_neighbour() {
    let got = percentiles_by_selection(&[f64::INFINITY, 1.0, 2.0], &[0.0, 0.5, 1.0]);
    assert_eq!(got, [1.0, 2.0, f64::INFINITY]);
    let got = percentiles_by_selection(&[0.0, -0.0], &[0.0]);
    assert_eq!(got[0].to_bits(), (-0.0f64).to_bits(), "−0, not +0");
}

mod percentile_properties {
    use crate::common::percentiles::percentiles_by_sorting;
    use proptest::prelude::*;
    use taijiang_sim::engine::percentiles_by_selection;

    /// Fails the property unless selection gives sorting's percentiles, bit for bit.
    fn equals_sorting<const N: usize>(
        values: &[f64],
        quantiles: [f64; N],
    ) -> Result<(), TestCaseError> {
        let got = percentiles_by_selection(values, &quantiles);
        for (got, want) in got.iter().zip(percentiles_by_sorting(values, &quantiles)) {
            prop_assert_eq!(got.to_bits(), want.to_bits());
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn selection_equals_sorting(values in proptest::collection::vec(-1e6f64..1e6, 1..400)) {
            let quantiles = [0.05, 0.25, 0.5, 0.75, 0.95];
            equals_sorting(&values, quantiles)?;
        }

        /// Enough values for the counting pass to answer (≥ 256), spread evenly or over several
        /// orders of magnitude, at any quantile including both ends.
        #[test]
        fn selection_equals_sorting_at_any_quantile_of_many_values(
            uniforms in proptest::collection::vec(0.0f64..1.0, 256..4000),
            spread_over_magnitudes in any::<bool>(),
            offset in -1e6f64..1e6,
            inner in proptest::collection::vec(0.0f64..=1.0, 3),
        ) {
            let values: Vec<f64> = uniforms
                .iter()
                .map(|u| if spread_over_magnitudes { offset + libm::exp(20.0 * u) } else { offset + 1e3 * u })
                .collect();
            let mut quantiles = [0.0, inner[0], inner[1], inner[2], 1.0];
            quantiles.sort_by(f64::total_cmp);
            equals_sorting(&values, quantiles)?;
        }

        /// A few values and many quantiles: several quantiles fall on the same rank, on either
        /// side of the one the selection takes first.
        #[test]
        fn selection_equals_sorting_when_quantiles_share_ranks(
            values in proptest::collection::vec(-1e3f64..1e3, 1..12),
            mut quantiles in proptest::array::uniform8(0.0f64..=1.0),
        ) {
            quantiles.sort_by(f64::total_cmp);
            equals_sorting(&values, quantiles)?;
        }

        /// Every value the same (the base year's, an observed year's), −0 included, whose
        /// interpolation gives +0 (−0 + 0): what sorting gives.
        #[test]
        fn selection_equals_sorting_when_every_value_is_one(
            value in prop_oneof![Just(-0.0), Just(0.0), -1e6f64..1e6],
            length in 1usize..3000,
            quantile in 0.0f64..=1.0,
        ) {
            equals_sorting(&vec![value; length], [0.0, quantile, 0.5, 1.0])?;
        }

        /// Ties, signed zeros, a far outlier and bell-shaped clusters: values crowding a few
        /// buckets of the counting pass, or none, as paths' values do.
        #[test]
        fn selection_equals_sorting_on_crowded_values(
            base in proptest::collection::vec(
                prop_oneof![
                    (-20i32..20).prop_map(f64::from),
                    Just(0.0),
                    Just(-0.0),
                    (0.0f64..1.0).prop_map(|u| 800.0 + 40.0 * (u - 0.5) * (u - 0.5)),
                ],
                1..3000,
            ),
            outlier in prop_oneof![Just(None), (-1e12f64..1e12).prop_map(Some)],
            quantile in 0.0f64..=1.0,
        ) {
            let mut values = base;
            values.extend(outlier);
            let mut quantiles = [0.0, 0.05, quantile, 0.5, 0.95, 1.0];
            quantiles.sort_by(f64::total_cmp);
            equals_sorting(&values, quantiles)?;
        }
    }
}
