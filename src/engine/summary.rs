//! The small, serialisable result of a run, and the year-by-year summariser that builds it.

use super::histogram::Histogram;
use super::judged::JudgedHistogram;
use super::logit_scale::{logistic, on_logit_scale};
use super::model::per_head;
use super::outcomes::Outcomes;
use super::params::ModelParams;
use super::percentiles::{order_statistics, OrderStatistics, SelectionScratch};
use super::sums::{sums_in_path_order, sums_of};
use super::tally::{target_result, thresholds, Tallied, TargetResult, TargetTally};
use super::user_targets::{UserTally, UserTargetResult};
use crate::plan::{SeriesId, TargetId, BASE_YEAR, TARGET_STEP};
use serde::{Deserialize, Serialize};

/// The percentiles reported for every series and year (`model.md`, "Outputs").
pub const PERCENTILES: [f64; 5] = [0.05, 0.25, 0.50, 0.75, 0.95];

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
    /// Path-years in which GDP's or income's growth was held at the model's floor
    /// ([`super::GROWTH_FLOOR`]): the scenario has left the ground the model stands on.
    pub floored_path_years: u32,
    /// The last year the run was conditioned on (`docs/MODEL.md`, "Observed years"), if any:
    /// its odds are those given 2021 … that year as observed.
    pub observed_through: Option<i32>,
    /// The targets of the user's own, in the scenario's order (their outcome bits follow the
    /// plan's ten in `outcomes`).
    pub user_targets: Vec<UserTargetResult>,
}

impl Summary {
    pub fn series(&self, id: SeriesId) -> &SeriesSummary {
        &self.series[id.index()]
    }

    pub fn target(&self, id: TargetId) -> Option<&TargetResult> {
        self.targets.iter().find(|result| result.id == id)
    }

    /// How many of the plan's ten targets the paths meet together.
    pub fn joint(&self) -> super::joint::JointAttainment {
        let plan = 0..TargetId::ALL.len().min(self.outcomes.targets());
        super::joint::JointAttainment::from_outcomes(&self.outcomes, plan)
    }

    /// How many of the targets of one's own the paths meet together (none: `None`).
    pub fn joint_of_own(&self) -> Option<super::joint::JointAttainment> {
        let plan = TargetId::ALL.len();
        let all = self.outcomes.targets();
        (all > plan)
            .then(|| super::joint::JointAttainment::from_outcomes(&self.outcomes, plan..all))
    }

    /// A target of one's own by name.
    pub fn user_target(&self, name: &str) -> Option<&UserTargetResult> {
        self.user_targets.iter().find(|result| result.name == name)
    }

    /// A 64-bit FNV-1a hash of every number in the summary, bit for bit, and of which series
    /// and targets they belong to: equal fingerprints natively and in the browser show that a
    /// run is reproduced exactly. `tests/engine.rs` changes each number of a summary in turn
    /// and sees the fingerprint change.
    pub fn fingerprint(&self) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        let mut eat = |bits: u64| {
            for byte in bits.to_le_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        // Signed numbers by their two's complement bits; a missing number as all ones (no f64
        // the engine makes has those bits: they are a NaN).
        let whole = |n: i64| n as u64;
        let optional = |x: Option<f64>| x.map_or(u64::MAX, f64::to_bits);
        eat(u64::from(self.paths));
        eat(self.seed);
        eat(whole(self.horizon_year.into()));
        for series in &self.series {
            eat(series.id.index() as u64);
            for stats in &series.years {
                eat(whole(stats.year.into()));
                eat(optional(stats.mean));
                stats.percentiles.iter().for_each(|p| eat(p.to_bits()));
            }
            for histogram in &series.histograms {
                eat(whole(histogram.year.into()));
                eat(histogram.min.to_bits());
                eat(histogram.max.to_bits());
                eat(histogram.counts.len() as u64);
                histogram.counts.iter().for_each(|&c| eat(u64::from(c)));
            }
        }
        for target in &self.targets {
            eat(target.id.index() as u64);
            eat(optional(target.threshold));
            eat(u64::from(target.met));
            eat(u64::from(target.reached_in_2025));
            eat(target.probability.to_bits());
            eat(target.std_error.to_bits());
        }
        eat(u64::from(self.floored_path_years));
        // Only when there is one, so that a run without observations keeps its fingerprint.
        if let Some(year) = self.observed_through {
            eat(year as u64);
        }
        // Likewise the targets of one's own (their outcome bits are among the words below).
        for own in &self.user_targets {
            own.name.bytes().for_each(|b| eat(u64::from(b)));
            eat(u64::from(own.met));
            eat(own.probability.to_bits());
            eat(own.std_error.to_bits());
            eat(own.judged.lower.to_bits());
            eat(own.judged.width.to_bits());
            eat(own.judged.line_bin as u64);
            own.judged.counts.iter().for_each(|&c| eat(u64::from(c)));
        }
        eat(u64::from(self.outcomes.paths()));
        for target in 0..self.outcomes.targets() {
            self.outcomes.words(target).iter().for_each(|&w| eat(w));
        }
        for (id, histogram) in &self.judged {
            eat(id.index() as u64);
            eat(histogram.judged.code());
            eat(histogram.lower.to_bits());
            eat(histogram.width.to_bits());
            eat(histogram.line_bin as u64);
            eat(histogram.counts.len() as u64);
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
    /// The mean over all paths; none for the shares summarised on the logit scale, whose mean
    /// the model lets go (`docs/MODEL.md`).
    pub mean: Option<f64>,
    /// The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation between order
    /// statistics, "type 7").
    pub percentiles: [f64; 5],
}

impl YearStats {
    pub fn median(&self) -> f64 {
        self.percentiles[2]
    }
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

    /// Takes the series' values at step `t` over all paths, in path order (a logit share's on
    /// the logit scale: its percentiles are the logistic of the logits' percentiles, which
    /// interpolates between order statistics on the logit scale; its mean is left out).
    pub fn add_year(&mut self, t: usize, values: &[f64]) {
        let sum = self.has_mean().then(|| sums_in_path_order([values])[0]);
        self.add_year_with(t, values, sum, None);
    }

    /// Whether the series reports a mean (a share on the logit scale does not).
    fn has_mean(&self) -> bool {
        !on_logit_scale(self.summary.id)
    }

    /// [`SeriesSummariser::add_year`] given the values' sum in path order, if the series
    /// reports a mean, and their order statistics, if known already. Returns the order
    /// statistics.
    fn add_year_with(
        &mut self,
        t: usize,
        values: &[f64],
        sum: Option<f64>,
        known_order: Option<OrderStatistics<5>>,
    ) -> OrderStatistics<5> {
        let year = BASE_YEAR + t as i32;
        let logit_scale = on_logit_scale(self.summary.id);
        let order = known_order
            .unwrap_or_else(|| order_statistics(values, &PERCENTILES, &mut self.scratch));
        let percentiles = order.percentiles();
        let (mean, percentiles) = if logit_scale {
            (None, percentiles.map(logistic))
        } else {
            (sum.map(|sum| sum / values.len() as f64), percentiles)
        };
        self.summary.years.push(YearStats {
            year,
            mean,
            percentiles,
        });
        if t == TARGET_STEP || t == self.steps {
            let histogram = if logit_scale {
                Histogram::of_logistic(year, values)
            } else {
                Histogram::of(year, values)
            };
            self.summary.histograms.push(histogram);
        }
        order
    }

    pub fn finish(self) -> SeriesSummary {
        self.summary
    }
}

/// The results of the targets of one's own over all `paths`, their outcome bits appended to
/// `outcomes` after the plan's.
pub(crate) fn user_results(
    tally: &UserTally,
    outcomes: &mut super::Outcomes,
    paths: u32,
) -> Vec<UserTargetResult> {
    tally
        .finish()
        .into_iter()
        .enumerate()
        .map(|(k, count)| {
            outcomes.push_target(tally.met(k));
            UserTargetResult::new(tally.name(k), count, paths)
        })
        .collect()
}

/// Builds a [`Summary`] from each year's values over all paths, in path order.
pub(crate) struct Summariser {
    paths: u32,
    seed: u64,
    steps: usize,
    series: Vec<SeriesSummariser>,
    tally: TargetTally,
    user_tally: UserTally,
    thresholds: [Option<f64>; 10],
    observed_through: Option<i32>,
    /// The population of each year, when the columns are the model's own (each path's GDP per
    /// head is then its GDP divided by it, `model::per_head`): GDP per head's order statistics
    /// are taken from GDP's. `None` for columns from elsewhere (hand-made chunks), whose every
    /// series is selected from its own values.
    per_head_population: Option<Vec<f64>>,
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
            user_tally: UserTally::new(paths as usize, &params.user_targets),
            thresholds: thresholds(params),
            observed_through: params.observed_through,
            per_head_population: None,
        }
    }

    /// A summariser of the model's own columns (those the paths' states give, `PathState::values`),
    /// which may take GDP per head's order statistics from GDP's.
    pub(crate) fn of_model_columns(paths: u32, seed: u64, params: &ModelParams) -> Summariser {
        Summariser {
            per_head_population: Some(params.population.clone()),
            ..Summariser::new(paths, seed, params)
        }
    }

    /// Takes the values of every series at step `t`, indexed by [`SeriesId::index`].
    pub(crate) fn add_year(&mut self, t: usize, columns: &[Vec<f64>]) {
        // The means' sums side by side (the same bits as each series alone, as a split run's
        // owner of one series finds them).
        let sums = sums_of(columns, |k| self.series[k].has_mean());
        // GDP per head's order statistics are GDP's divided by the year's population: the same
        // paths in the same order, so the same bits as selecting them again (as a split run's
        // owner of GDP per head alone does).
        let mut gdp_order: Option<OrderStatistics<5>> = None;
        for ((series, values), sum) in self.series.iter_mut().zip(columns).zip(sums) {
            let known = match (series.id(), &self.per_head_population, gdp_order) {
                (SeriesId::GdpPerCapita, Some(population), Some(order)) => {
                    Some(order.map_monotone(|gdp| per_head(gdp, population[t])))
                }
                _ => None,
            };
            let order = series.add_year_with(t, values, sum, known);
            if series.id() == SeriesId::Gdp {
                gdp_order = Some(order);
            }
        }
        self.tally.add_year(t, columns);
        self.user_tally.add_year(t, columns);
    }

    pub(crate) fn finish(self, floored_path_years: u32) -> Summary {
        let Tallied {
            counts,
            mut outcomes,
            judged,
        } = self.tally.finish();
        // The targets of one's own after the plan's ten, in the outcome bits too.
        let user_targets = user_results(&self.user_tally, &mut outcomes, self.paths);
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
            floored_path_years,
            observed_through: self.observed_through,
            user_targets,
        }
    }
}
