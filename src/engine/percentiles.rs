//! Percentiles of a year's values over all paths, by counting in buckets and sorting only the
//! few values that matter (selection when values crowd): the exact order statistics, never a
//! sort of every value.

use super::lanes::F64x2;

/// A key whose unsigned order is the total order of `f64` (`f64::total_cmp`): selecting on
/// integers is several times faster than on floats with a comparison closure.
pub(super) fn order_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

pub(super) fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// The least number above `failing` and at most `passing`, in the total order of `f64`, that
/// passes `passes`, a test that a greater number never fails, given that `failing` fails it and
/// `passing` passes: a bisection over the bits of `f64` ordered as numbers (at most 64 tests).
pub(super) fn least_passing(failing: f64, passing: f64, passes: impl Fn(f64) -> bool) -> f64 {
    let (mut fails, mut passes_at) = (order_key(failing), order_key(passing));
    while passes_at - fails > 1 {
        let middle = fails + (passes_at - fails) / 2;
        if passes(from_order_key(middle)) {
            passes_at = middle;
        } else {
            fails = middle;
        }
    }
    from_order_key(passes_at)
}

/// Percentiles (ascending `quantiles`) of `values`, type 7 (linear interpolation between the
/// order statistics around (n − 1)·q), found without sorting.
pub fn percentiles_by_selection<const N: usize>(values: &[f64], quantiles: &[f64; N]) -> [f64; N] {
    percentiles(values, quantiles, &mut SelectionScratch::default())
}

/// At most this many buckets in the one-pass count of [`percentiles`] (about one for every two
/// values, so that few values share a bucket near the percentiles): the counts stay in the L1
/// cache.
const MAX_SELECTION_BUCKETS: usize = 4096;
/// Every bucket is below [`MAX_SELECTION_BUCKETS`], a power of two, so masking a bucket with
/// this changes nothing, and lets the compiler see that the index is in bounds.
const BUCKET_MASK: usize = MAX_SELECTION_BUCKETS - 1;
/// Values sampled (evenly spaced, so deterministically) to place the buckets.
const SELECTION_SAMPLE: usize = 128;

/// Buffers reused from one set of values to the next.
#[derive(Clone, Debug, Default)]
pub struct SelectionScratch {
    buckets: Vec<u16>,
    counts: Vec<u32>,
    /// Whether each bucket holds a wanted order statistic.
    wanted: Vec<bool>,
    candidates: Vec<f64>,
    keys: Vec<u64>,
}

/// Type-7 percentiles of `values` (see [`percentiles_by_selection`]).
///
/// A first pass counts the values in equal-width buckets over the range of a sample of them;
/// the bucket of a value never decreases as the value grows, so the counts tell which few
/// buckets hold the wanted order statistics, and a second pass gathers just those values, which
/// are sorted. When the values crowd into those buckets (ties, one far outlier), divide-and-
/// conquer selection over order keys takes over. Either way the result is the exact order
/// statistics of the total order of `f64`, so both give the same bits.
pub fn percentiles<const N: usize>(
    values: &[f64],
    quantiles: &[f64; N],
    scratch: &mut SelectionScratch,
) -> [f64; N] {
    order_statistics(values, quantiles, scratch).percentiles()
}

/// The order statistics that type-7 percentiles interpolate between.
#[derive(Clone, Copy, Debug)]
pub(super) struct OrderStatistics<const N: usize> {
    /// (n − 1)·q for each quantile q.
    positions: [f64; N],
    /// ⌊(n − 1)·q⌋.
    ranks: [usize; N],
    /// For each quantile, the value of its rank and of the next rank, if any.
    neighbours: [(f64, Option<f64>); N],
}

impl<const N: usize> OrderStatistics<N> {
    /// The percentiles: each rank's value, or the linear interpolation towards the next.
    pub(super) fn percentiles(&self) -> [f64; N] {
        std::array::from_fn(|i| {
            let (low, high) = self.neighbours[i];
            let fraction = self.positions[i] - self.ranks[i] as f64;
            match high {
                Some(high) if fraction > 0.0 => low + fraction * (high - low),
                _ => low,
            }
        })
    }

    /// The order statistics of the values `map` takes these values to, given that it never
    /// reverses two values' order (a division by a positive number, rounded, is such a map):
    /// the same ranks hold the mapped values.
    pub(super) fn map_monotone(self, map: impl Fn(f64) -> f64) -> OrderStatistics<N> {
        OrderStatistics {
            neighbours: self
                .neighbours
                .map(|(low, high)| (map(low), high.map(&map))),
            ..self
        }
    }
}

/// The type-7 percentiles of `values` by the counting pass alone (the first way of
/// [`percentiles`]), or `None` where the values are too few or crowd its buckets and selection
/// would answer: for the tests of that pass and of its lanes.
pub fn percentiles_counted<const N: usize>(
    values: &[f64],
    quantiles: &[f64; N],
) -> Option<[f64; N]> {
    let (positions, ranks) = positions_and_ranks(values.len(), quantiles);
    let neighbours = by_buckets(values, &ranks, &mut SelectionScratch::default())?;
    Some(
        OrderStatistics {
            positions,
            ranks,
            neighbours,
        }
        .percentiles(),
    )
}

/// (n − 1)·q for each quantile q of `n` values, and its floor, the rank below it.
fn positions_and_ranks<const N: usize>(n: usize, quantiles: &[f64; N]) -> ([f64; N], [usize; N]) {
    let last = n - 1;
    let positions = quantiles.map(|q| last as f64 * q);
    let ranks = positions.map(|position| (position.floor() as usize).min(last));
    (positions, ranks)
}

/// The order statistics behind the type-7 percentiles of `values` at `quantiles` (see
/// [`percentiles`]).
pub(super) fn order_statistics<const N: usize>(
    values: &[f64],
    quantiles: &[f64; N],
    scratch: &mut SelectionScratch,
) -> OrderStatistics<N> {
    let last = values.len() - 1;
    let (positions, ranks) = positions_and_ranks(values.len(), quantiles);
    let neighbours = if let Some(only) = only_value(values) {
        // Every path the same (the base year, an observed one): every order statistic is it.
        ranks.map(|rank| (only, (rank < last).then_some(only)))
    } else {
        by_buckets(values, &ranks, scratch).unwrap_or_else(|| by_selection(values, &ranks, scratch))
    };
    OrderStatistics {
        positions,
        ranks,
        neighbours,
    }
}

/// The value every one of `values` is, bit for bit, if they are all one (a test that usually
/// stops at the second value).
fn only_value(values: &[f64]) -> Option<f64> {
    let (&first, rest) = values.split_first()?;
    rest.iter()
        .all(|v| v.to_bits() == first.to_bits())
        .then_some(first)
}

/// For each rank, the value of that rank and of the next (if any), by counting in buckets;
/// `None` when the values crowd the buckets that matter.
fn by_buckets<const N: usize>(
    values: &[f64],
    ranks: &[usize; N],
    scratch: &mut SelectionScratch,
) -> Option<[(f64, Option<f64>); N]> {
    let n = values.len();
    if n < 256 {
        return None;
    }
    // The buckets span the range of a sample of the values, with a margin; values beyond it
    // go to the end buckets. Any span gives exact results (the bucket of a value never
    // decreases as the value grows: each operation rounds monotonically, and so does the
    // clamp); a good one gives few values per wanted bucket.
    let stride = n / SELECTION_SAMPLE;
    let (low, high) = (0..SELECTION_SAMPLE)
        .map(|i| values[i * stride])
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (if v < lo { v } else { lo }, if v > hi { v } else { hi })
        });
    let margin = 0.25 * (high - low);
    let start = low - margin;
    let buckets = (n / 2).next_power_of_two().min(MAX_SELECTION_BUCKETS);
    let scale = buckets as f64 / (high + margin - start);
    if !start.is_finite() || !scale.is_finite() || scale <= 0.0 {
        return None;
    }
    let top = (buckets - 1) as f64;
    scratch.buckets.resize(n, 0);
    // Written first, counted after: the loop that finds buckets has no store to wait for.
    // Eight at a time (`lanes`); each is x = (v − start) · scale held between 0 and `top` by
    // comparisons (one bucket for each end; not `f64::min`, which wasm has no instruction for
    // with Rust's meaning), then rounded to the nearest whole number: `top` is below 2¹⁶, so
    // each bucket fits a u16. Rounding, not truncating: wasm's truncation of two lanes to
    // integers is a long sequence on x86, the addition that rounds is one instruction
    // (1.9 ms of a 10,000-path run, docs/BENCHMARKS.md, run 9).
    let scaled = |a: f64, b: f64| {
        ((F64x2::new(a, b) - F64x2::splat(start)) * F64x2::splat(scale))
            .less_or(F64x2::splat(top))
            .greater_or(F64x2::splat(0.0))
    };
    let mut slots = scratch.buckets.chunks_exact_mut(8);
    let mut eights = values.chunks_exact(8);
    for (slot, v) in slots.by_ref().zip(eights.by_ref()) {
        let pairs = [
            scaled(v[0], v[1]),
            scaled(v[2], v[3]),
            scaled(v[4], v[5]),
            scaled(v[6], v[7]),
        ];
        slot.copy_from_slice(&F64x2::rounded_u16s(pairs));
    }
    for (slot, &v) in slots.into_remainder().iter_mut().zip(eights.remainder()) {
        *slot = F64x2::rounded_u16s([scaled(v, v); 4])[0];
    }
    scratch.counts.clear();
    scratch.counts.resize(MAX_SELECTION_BUCKETS + 1, 0);
    {
        // A length known here and a mask no bucket exceeds: no bounds check in the loop.
        let counts = &mut scratch.counts[..=MAX_SELECTION_BUCKETS];
        for &bucket in &scratch.buckets {
            counts[usize::from(bucket) & BUCKET_MASK] += 1;
        }
    }
    scratch.counts.truncate(buckets + 1);
    // counts[b] becomes the number of values in buckets before b.
    let mut before = 0;
    for count in scratch.counts.iter_mut() {
        let here = *count;
        *count = before;
        before += here;
    }
    let bucket_of_rank =
        |rank: usize| scratch.counts[1..].partition_point(|&start| start as usize <= rank);
    // The buckets of every wanted rank and of the rank after it.
    let mut wanted: Vec<usize> = ranks
        .iter()
        .flat_map(|&rank| [rank, (rank + 1).min(n - 1)])
        .map(bucket_of_rank)
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let gathered: usize = wanted
        .iter()
        .map(|&b| (scratch.counts[b + 1] - scratch.counts[b]) as usize)
        .sum();
    if gathered > n / 8 {
        return None;
    }
    scratch.wanted.clear();
    scratch.wanted.resize(MAX_SELECTION_BUCKETS, false);
    for &b in &wanted {
        scratch.wanted[b] = true;
    }
    scratch.candidates.clear();
    let wanted_bucket = &scratch.wanted[..MAX_SELECTION_BUCKETS];
    for (&v, &bucket) in values.iter().zip(&scratch.buckets) {
        if wanted_bucket[usize::from(bucket) & BUCKET_MASK] {
            scratch.candidates.push(v);
        }
    }
    scratch.candidates.sort_unstable_by(f64::total_cmp);
    // The candidates are the wanted buckets' values in order; find a rank's place among them.
    let value_of_rank = |rank: usize| {
        let bucket = bucket_of_rank(rank);
        let offset: usize = wanted
            .iter()
            .take_while(|&&b| b < bucket)
            .map(|&b| (scratch.counts[b + 1] - scratch.counts[b]) as usize)
            .sum();
        scratch.candidates[offset + rank - scratch.counts[bucket] as usize]
    };
    Some(ranks.map(|rank| {
        let next = (rank + 1 < n).then(|| value_of_rank(rank + 1));
        (value_of_rank(rank), next)
    }))
}

/// The same as [`by_buckets`], by divide-and-conquer selection over order keys.
fn by_selection<const N: usize>(
    values: &[f64],
    ranks: &[usize; N],
    scratch: &mut SelectionScratch,
) -> [(f64, Option<f64>); N] {
    scratch.keys.clear();
    scratch.keys.extend(values.iter().map(|&v| order_key(v)));
    let mut neighbours = [(0u64, None); N];
    select_ranks(&mut scratch.keys, ranks, 0, None, &mut neighbours);
    neighbours.map(|(low, high)| (from_order_key(low), high.map(from_order_key)))
}

/// Finds, for each of the ascending `ranks` (relative to `offset`), the key of that rank and the
/// next larger one. Selects the middle rank first, then recurses into each side, so that every
/// selection and scan works on a shrinking part of the keys. `bound` is the smallest key above
/// this part of the keys, if any (a key selected by the caller).
fn select_ranks(
    keys: &mut [u64],
    ranks: &[usize],
    offset: usize,
    bound: Option<u64>,
    out: &mut [(u64, Option<u64>)],
) {
    if ranks.is_empty() {
        return;
    }
    let middle = ranks.len() / 2;
    let rank = ranks[middle] - offset;
    let (lower_part, &mut key, upper_part) = keys.select_nth_unstable(rank);
    let next = upper_part.iter().min().copied().or(bound);
    out[middle] = (key, next);
    // Equal ranks (tiny samples) share the answer without another selection.
    let left = ranks[..middle].partition_point(|&r| r - offset < rank);
    for i in left..middle {
        out[i] = out[middle];
    }
    select_ranks(
        lower_part,
        &ranks[..left],
        offset,
        Some(key),
        &mut out[..left],
    );
    let right = middle + 1 + ranks[middle + 1..].partition_point(|&r| r - offset == rank);
    for i in middle + 1..right {
        out[i] = out[middle];
    }
    select_ranks(
        upper_part,
        &ranks[right..],
        offset + rank + 1,
        bound,
        &mut out[right..],
    );
}
