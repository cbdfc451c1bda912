//! The small, serialisable result of a run, and the year-by-year summariser that builds it.

use super::judged::{Judged, JudgedHistogram};
use super::model::ModelParams;
use super::outcomes::Outcomes;
use crate::plan::{Rule, SeriesId, TargetId, BASE_YEAR, TARGET_STEP};
use serde::{Deserialize, Serialize};

/// The percentiles reported for every series and year (`model.md`, "Outputs").
pub const PERCENTILES: [f64; 5] = [0.05, 0.25, 0.50, 0.75, 0.95];
/// Bins of each histogram.
pub const HISTOGRAM_BINS: usize = 40;
/// A path that lands on a target's threshold within this relative distance meets it, so that
/// float rounding never turns "exactly on the plan's path" into "missed".
pub const THRESHOLD_RELATIVE_TOLERANCE: f64 = 1e-9;

/// Everything the UI needs from one run: a few kilobytes, whatever the number of paths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub paths: u32,
    pub seed: u64,
    pub horizon_year: i32,
    pub series: Vec<SeriesSummary>,
    pub targets: Vec<TargetResult>,
    /// Which targets each path met, for paired comparisons of two runs with the same seed.
    pub outcomes: Outcomes,
    /// The distributions of what the held and in-step rules judge, by target.
    pub judged: Vec<(TargetId, JudgedHistogram)>,
}

impl Summary {
    pub fn series(&self, id: SeriesId) -> &SeriesSummary {
        &self.series[id.index()]
    }

    pub fn target(&self, id: TargetId) -> Option<&TargetResult> {
        self.targets.iter().find(|result| result.id == id)
    }

    /// How many targets the paths meet together.
    pub fn joint(&self) -> super::joint::JointAttainment {
        super::joint::JointAttainment::from_outcomes(&self.outcomes)
    }

    /// A 64-bit FNV-1a hash of every number in the summary, bit for bit: equal fingerprints
    /// natively and in the browser show that a run is reproduced exactly.
    pub fn fingerprint(&self) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        let mut eat = |bits: u64| {
            for byte in bits.to_le_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        eat(u64::from(self.paths));
        eat(self.seed);
        for series in &self.series {
            for stats in &series.years {
                eat(stats.mean.to_bits());
                stats.percentiles.iter().for_each(|p| eat(p.to_bits()));
            }
            for histogram in &series.histograms {
                eat(histogram.min.to_bits());
                eat(histogram.max.to_bits());
                histogram.counts.iter().for_each(|&c| eat(u64::from(c)));
            }
        }
        for target in &self.targets {
            eat(u64::from(target.met));
            eat(target.probability.to_bits());
        }
        for target in 0..self.outcomes.targets() {
            self.outcomes.words(target).iter().for_each(|&w| eat(w));
        }
        for (_, histogram) in &self.judged {
            eat(histogram.line_bin as u64);
            histogram.counts.iter().for_each(|&c| eat(u64::from(c)));
        }
        hash
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesSummary {
    pub id: SeriesId,
    /// One entry per year, 2020 … horizon.
    pub years: Vec<YearStats>,
    /// The distribution in 2025 and, if later, in the horizon year.
    pub histograms: Vec<Histogram>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearStats {
    pub year: i32,
    pub mean: f64,
    /// The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation between order
    /// statistics, "type 7").
    pub percentiles: [f64; 5],
}

impl YearStats {
    pub fn median(&self) -> f64 {
        self.percentiles[2]
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    pub year: i32,
    /// The lowest and highest value over all paths; the bins split this range evenly.
    pub min: f64,
    pub max: f64,
    pub counts: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    pub id: TargetId,
    /// The level to reach (none for the in-step rule, which compares growth rates).
    pub threshold: Option<f64>,
    /// Paths that meet the target.
    pub met: u32,
    /// Paths whose 2025 value reaches the threshold (for held targets this can exceed `met`:
    /// a path may end above the line after a year below it).
    pub reached_in_2025: u32,
    /// p̂ = met / n.
    pub probability: f64,
    /// The Monte Carlo standard error √(p̂(1 − p̂)/n).
    pub std_error: f64,
}

/// Whether `value` reaches `threshold`, with the relative tolerance above.
pub fn reaches(value: f64, threshold: f64) -> bool {
    value >= threshold - threshold.abs() * THRESHOLD_RELATIVE_TOLERANCE
}

/// Compound annual growth from `start` to `end` over `years`, in %.
pub fn cagr_percent(start: f64, end: f64, years: usize) -> f64 {
    100.0 * (libm::pow(end / start, 1.0 / years as f64) - 1.0)
}

/// Whether a path meets a 2025-level rule with the threshold in force.
fn meets_level(rule: Rule, threshold: Option<f64>, value: f64) -> bool {
    match (rule, threshold) {
        (Rule::LevelAbove { level }, _) => value > level,
        (Rule::HeldEveryYear { level }, _) => reaches(value, level),
        (_, Some(threshold)) => reaches(value, threshold),
        (_, None) => false,
    }
}

/// The threshold in force of every target, in the order of [`TargetId::ALL`].
pub fn thresholds(params: &ModelParams) -> [Option<f64>; 10] {
    TargetId::ALL.map(|id| id.threshold(params.gdp_tolerance))
}

/// The per-target counts of a set of paths: whole numbers, so the counts of disjoint sets of
/// paths add up exactly, in any order, to those of their union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCount {
    pub id: TargetId,
    pub met: u32,
    pub reached_in_2025: u32,
}

/// Builds one series' part of a [`Summary`] from its values over all paths, year by year.
#[derive(Clone, Debug)]
pub struct SeriesSummariser {
    summary: SeriesSummary,
    steps: usize,
    scratch: SelectionScratch,
}

impl SeriesSummariser {
    pub fn new(id: SeriesId, steps: usize) -> SeriesSummariser {
        SeriesSummariser {
            summary: SeriesSummary {
                id,
                years: Vec::with_capacity(steps + 1),
                histograms: Vec::new(),
            },
            steps,
            scratch: SelectionScratch::default(),
        }
    }

    pub fn id(&self) -> SeriesId {
        self.summary.id
    }

    /// Takes the series' values at step `t` over all paths, in path order.
    pub fn add_year(&mut self, t: usize, values: &[f64]) {
        let year = BASE_YEAR + t as i32;
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let percentiles = percentiles(values, &PERCENTILES, &mut self.scratch);
        self.summary.years.push(YearStats {
            year,
            mean,
            percentiles,
        });
        if t == TARGET_STEP || t == self.steps {
            self.summary.histograms.push(histogram(year, values));
        }
    }

    pub fn finish(self) -> SeriesSummary {
        self.summary
    }
}

/// Counts, over a set of paths, those that meet each target. Works path by path, so any set of
/// paths can be tallied on its own.
#[derive(Clone, Debug)]
pub struct TargetTally {
    sync_tolerance: f64,
    thresholds: [Option<f64>; 10],
    /// For each target held in every year 2021–2025: whether each path has held it so far,
    /// and its lowest level so far.
    held: Vec<(TargetId, Vec<bool>, Vec<f64>)>,
    counts: Vec<TargetCount>,
    outcomes: Outcomes,
    judged: Vec<(TargetId, JudgedHistogram)>,
}

/// A tally's result: the counts, which path met which target, and the distributions of what
/// the rules judge (where that is not the 2025 value).
pub struct Tallied {
    pub counts: Vec<TargetCount>,
    pub outcomes: Outcomes,
    pub judged: Vec<(TargetId, JudgedHistogram)>,
}

impl TargetTally {
    pub fn new(paths: usize, params: &ModelParams) -> TargetTally {
        let held = TargetId::ALL
            .into_iter()
            .filter(|id| matches!(id.rule(), Rule::HeldEveryYear { .. }))
            .map(|id| (id, vec![true; paths], vec![f64::INFINITY; paths]))
            .collect();
        TargetTally {
            sync_tolerance: params.sync_tolerance,
            thresholds: thresholds(params),
            held,
            counts: Vec::new(),
            outcomes: Outcomes::default(),
            judged: Vec::new(),
        }
    }

    /// Takes the values of every series at step `t` (indexed by [`SeriesId::index`]) over this
    /// tally's paths, in path order.
    pub fn add_year(&mut self, t: usize, columns: &[Vec<f64>]) {
        if (1..=TARGET_STEP).contains(&t) {
            for (id, held, worst) in &mut self.held {
                let threshold = self.thresholds[id.index()].unwrap_or(f64::INFINITY);
                let values = &columns[id.series().index()];
                for ((flag, low), &value) in held.iter_mut().zip(worst.iter_mut()).zip(values) {
                    *flag &= reaches(value, threshold);
                    if value < *low {
                        *low = value;
                    }
                }
            }
        }
        if t == TARGET_STEP {
            let paths = columns[0].len();
            let mut outcomes = Outcomes::new(TargetId::ALL.len(), paths as u32);
            self.counts = TargetId::ALL
                .into_iter()
                .enumerate()
                .map(|(k, id)| {
                    for (path, met) in self.met_flags(id, columns).enumerate() {
                        if met {
                            outcomes.set_met(k, path);
                        }
                    }
                    self.count(id, columns, outcomes.count(k))
                })
                .collect();
            self.judged = self.judged_histograms(columns, &outcomes);
            self.outcomes = outcomes;
        }
    }

    /// The distributions of the worst year (held targets) and of the growth gap (in step).
    fn judged_histograms(
        &self,
        columns: &[Vec<f64>],
        outcomes: &Outcomes,
    ) -> Vec<(TargetId, JudgedHistogram)> {
        let met =
            |id: TargetId| (0..outcomes.paths() as usize).map(move |p| outcomes.met(id.index(), p));
        let mut judged: Vec<(TargetId, JudgedHistogram)> = self
            .held
            .iter()
            .map(|(id, _, worst)| {
                let line = self.thresholds[id.index()].unwrap_or(f64::INFINITY);
                (
                    *id,
                    JudgedHistogram::new(Judged::WorstYear, line, worst, met(*id)),
                )
            })
            .collect();
        let gaps: Vec<f64> = columns[SeriesId::IncomeIndex.index()]
            .iter()
            .zip(&columns[SeriesId::Gdp.index()])
            .map(|(&income, &gdp)| {
                let income_growth =
                    cagr_percent(SeriesId::IncomeIndex.plan_base(), income, TARGET_STEP);
                let gdp_growth = cagr_percent(SeriesId::Gdp.plan_base(), gdp, TARGET_STEP);
                (income_growth - gdp_growth).abs()
            })
            .collect();
        let id = TargetId::IncomeSync;
        judged.push((
            id,
            JudgedHistogram::new(Judged::GrowthGap, self.sync_tolerance, &gaps, met(id)),
        ));
        judged.sort_by_key(|(id, _)| id.index());
        judged
    }

    /// Whether each path meets target `id`, in path order.
    fn met_flags<'a>(
        &'a self,
        id: TargetId,
        columns: &'a [Vec<f64>],
    ) -> Box<dyn Iterator<Item = bool> + 'a> {
        let values = &columns[id.series().index()];
        match id.rule() {
            Rule::HeldEveryYear { .. } => {
                let flags = self
                    .held
                    .iter()
                    .find(|(held_id, _, _)| *held_id == id)
                    .map(|(_, flags, _)| flags.as_slice())
                    .unwrap_or_default();
                Box::new(flags.iter().copied())
            }
            Rule::InStepWithGdp => {
                let gdp = &columns[SeriesId::Gdp.index()];
                let tolerance = self.sync_tolerance * (1.0 + THRESHOLD_RELATIVE_TOLERANCE);
                Box::new(values.iter().zip(gdp).map(move |(&income, &gdp)| {
                    let income_growth =
                        cagr_percent(SeriesId::IncomeIndex.plan_base(), income, TARGET_STEP);
                    let gdp_growth = cagr_percent(SeriesId::Gdp.plan_base(), gdp, TARGET_STEP);
                    (income_growth - gdp_growth).abs() <= tolerance
                }))
            }
            rule => {
                let threshold = self.thresholds[id.index()];
                Box::new(values.iter().map(move |&v| meets_level(rule, threshold, v)))
            }
        }
    }

    fn count(&self, id: TargetId, columns: &[Vec<f64>], met: u32) -> TargetCount {
        let values = &columns[id.series().index()];
        let reached_in_2025 = match id.rule() {
            Rule::InStepWithGdp => met,
            _ => values
                .iter()
                .filter(|&&v| meets_level(id.rule(), self.thresholds[id.index()], v))
                .count() as u32,
        };
        TargetCount {
            id,
            met,
            reached_in_2025,
        }
    }

    /// One count per target, in the order of [`TargetId::ALL`], which paths met which target,
    /// and the judged distributions (after step 5 has been added).
    pub fn finish(self) -> Tallied {
        Tallied {
            counts: self.counts,
            outcomes: self.outcomes,
            judged: self.judged,
        }
    }
}

/// p̂ and its standard error from the counts over all `paths` paths, with the threshold in
/// force.
pub fn target_result(count: TargetCount, paths: u32, threshold: Option<f64>) -> TargetResult {
    let n = f64::from(paths);
    let probability = f64::from(count.met) / n;
    TargetResult {
        id: count.id,
        threshold,
        met: count.met,
        reached_in_2025: count.reached_in_2025,
        probability,
        std_error: (probability * (1.0 - probability) / n).sqrt(),
    }
}

/// Builds a [`Summary`] from each year's values over all paths, in path order.
pub(crate) struct Summariser {
    paths: u32,
    seed: u64,
    steps: usize,
    series: Vec<SeriesSummariser>,
    tally: TargetTally,
    thresholds: [Option<f64>; 10],
}

impl Summariser {
    pub(crate) fn new(paths: u32, seed: u64, params: &ModelParams) -> Summariser {
        let steps = params.steps;
        Summariser {
            paths,
            seed,
            steps,
            series: SeriesId::ALL
                .iter()
                .map(|&id| SeriesSummariser::new(id, steps))
                .collect(),
            tally: TargetTally::new(paths as usize, params),
            thresholds: thresholds(params),
        }
    }

    /// Takes the values of every series at step `t`, indexed by [`SeriesId::index`].
    pub(crate) fn add_year(&mut self, t: usize, columns: &[Vec<f64>]) {
        for (series, values) in self.series.iter_mut().zip(columns) {
            series.add_year(t, values);
        }
        self.tally.add_year(t, columns);
    }

    pub(crate) fn finish(self) -> Summary {
        let Tallied {
            counts,
            outcomes,
            judged,
        } = self.tally.finish();
        Summary {
            paths: self.paths,
            seed: self.seed,
            horizon_year: BASE_YEAR + self.steps as i32,
            series: self
                .series
                .into_iter()
                .map(SeriesSummariser::finish)
                .collect(),
            targets: counts
                .into_iter()
                .map(|count| target_result(count, self.paths, self.thresholds[count.id.index()]))
                .collect(),
            outcomes,
            judged,
        }
    }
}

/// A key whose unsigned order is the total order of `f64` (`f64::total_cmp`): selecting on
/// integers is several times faster than on floats with a comparison closure.
fn order_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
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
    let n = values.len();
    let last = n - 1;
    let positions = quantiles.map(|q| last as f64 * q);
    let ranks = positions.map(|position| (position.floor() as usize).min(last));
    let neighbours = by_buckets(values, &ranks, scratch)
        .unwrap_or_else(|| by_selection(values, &ranks, scratch));
    let mut result = [0.0; N];
    for (i, slot) in result.iter_mut().enumerate() {
        let (low, high) = neighbours[i];
        let fraction = positions[i] - ranks[i] as f64;
        *slot = match high {
            Some(high) if fraction > 0.0 => low + fraction * (high - low),
            _ => low,
        };
    }
    result
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
    scratch.buckets.clear();
    scratch.counts.clear();
    scratch.counts.resize(buckets + 1, 0);
    for &v in values {
        // `as` saturates below 0 and the comparison above: one bucket for each end. (Not
        // `f64::min`, which wasm has no instruction for with Rust's meaning.)
        let x = (v - start) * scale;
        let bucket = if x < top { x as u16 } else { top as u16 };
        scratch.buckets.push(bucket);
        scratch.counts[bucket as usize] += 1;
    }
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
    scratch.wanted.resize(buckets, false);
    for &b in &wanted {
        scratch.wanted[b] = true;
    }
    scratch.candidates.clear();
    for (&v, &bucket) in values.iter().zip(&scratch.buckets) {
        if scratch.wanted[bucket as usize] {
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

fn histogram(year: i32, values: &[f64]) -> Histogram {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut counts = vec![0u32; HISTOGRAM_BINS];
    let width = (max - min) / HISTOGRAM_BINS as f64;
    for &value in values {
        let bin = if width > 0.0 {
            (((value - min) / width) as usize).min(HISTOGRAM_BINS - 1)
        } else {
            HISTOGRAM_BINS / 2
        };
        counts[bin] += 1;
    }
    Histogram {
        year,
        min,
        max,
        counts,
    }
}
