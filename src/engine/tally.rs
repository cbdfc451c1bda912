//! Which paths meet which target: the attainment rules applied path by path, so that any set of
//! paths can be tallied on its own and the counts of parts of a run add up exactly.

use super::judged::{Judged, JudgedHistogram};
use super::logit_scale::{logistic, logit_cutoff, on_logit_scale};
use super::outcomes::Outcomes;
use super::params::ModelParams;
use crate::plan::{Rule, SeriesId, TargetId, TARGET_STEP};
use serde::{Deserialize, Serialize};

/// A path that lands on a target's threshold within this relative distance meets it, so that
/// float rounding never turns "exactly on the plan's path" into "missed".
pub const THRESHOLD_RELATIVE_TOLERANCE: f64 = 1e-9;

/// One target's result over a run: how many paths met it, p̂ and its standard error.
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

/// Whether a path's value on the engine's scale meets a level rule: against the logit cutoff
/// for a logit share, else as [`meets_level`].
fn passes(rule: Rule, threshold: Option<f64>, logit_cutoff: Option<f64>, value: f64) -> bool {
    match logit_cutoff {
        Some(cutoff) => value >= cutoff,
        None => meets_level(rule, threshold, value),
    }
}

/// The threshold in force of every target, in the order of [`TargetId::ALL`].
pub fn thresholds(params: &ModelParams) -> [Option<f64>; 10] {
    TargetId::ALL.map(|id| id.threshold(&params.reading))
}

/// The per-target counts of a set of paths: whole numbers, so the counts of disjoint sets of
/// paths add up exactly, in any order, to those of their union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCount {
    pub id: TargetId,
    pub met: u32,
    pub reached_in_2025: u32,
}

/// Counts, over a set of paths, those that meet each target. Works path by path, so any set of
/// paths can be tallied on its own.
#[derive(Clone, Debug)]
pub struct TargetTally {
    sync_tolerance: f64,
    /// "In step" judged both ways (|gap|), else as income's lag behind GDP.
    sync_two_sided: bool,
    thresholds: [Option<f64>; 10],
    /// For each target on a logit share, the least logit that meets its level
    /// ([`logit_cutoff`]): the rule judged on the logit scale, with the same result.
    logit_cutoffs: [Option<f64>; 10],
    /// For each target held in every year 2021–2025: whether each path has held it so far,
    /// and its lowest level so far (on the engine's scale: a logit for a logit share).
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
        let thresholds = thresholds(params);
        let logit_cutoffs = TargetId::ALL.map(|id| {
            let threshold = thresholds[id.index()];
            on_logit_scale(id.series())
                .then(|| logit_cutoff(|share| meets_level(id.rule(), threshold, share)))
        });
        TargetTally {
            sync_tolerance: params.sync_tolerance,
            sync_two_sided: params.reading.sync_two_sided,
            thresholds,
            logit_cutoffs,
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
                let id = *id;
                let (rule, threshold, cutoff) = (
                    id.rule(),
                    self.thresholds[id.index()],
                    self.logit_cutoffs[id.index()],
                );
                let values = &columns[id.series().index()];
                for ((flag, low), &value) in held.iter_mut().zip(worst.iter_mut()).zip(values) {
                    *flag &= passes(rule, threshold, cutoff, value);
                    if value < *low {
                        *low = value;
                    }
                }
            }
        }
        if t == TARGET_STEP {
            let paths = columns[0].len();
            let gaps = growth_gaps(columns, self.sync_two_sided);
            let mut outcomes = Outcomes::new(TargetId::ALL.len(), paths as u32);
            self.counts = TargetId::ALL
                .into_iter()
                .enumerate()
                .map(|(k, id)| {
                    for (path, met) in self.met_flags(id, columns, &gaps).enumerate() {
                        if met {
                            outcomes.set_met(k, path);
                        }
                    }
                    self.count(id, columns, outcomes.count(k))
                })
                .collect();
            self.judged = self.judged_histograms(&gaps, &outcomes);
            self.outcomes = outcomes;
        }
    }

    /// The distributions of the worst year (held targets) and of the growth gap (in step).
    fn judged_histograms(
        &self,
        gaps: &[f64],
        outcomes: &Outcomes,
    ) -> Vec<(TargetId, JudgedHistogram)> {
        let met =
            |id: TargetId| (0..outcomes.paths() as usize).map(move |p| outcomes.met(id.index(), p));
        let mut judged: Vec<(TargetId, JudgedHistogram)> = self
            .held
            .iter()
            .map(|(id, _, worst)| {
                let line = self.thresholds[id.index()].unwrap_or(f64::INFINITY);
                // The lowest logit is the logit of the lowest share (`logistic` is monotone).
                let shares: Vec<f64>;
                let worst = if on_logit_scale(id.series()) {
                    shares = worst.iter().map(|&z| logistic(z)).collect();
                    &shares
                } else {
                    worst
                };
                (
                    *id,
                    JudgedHistogram::new(Judged::WorstYear, line, worst, met(*id)),
                )
            })
            .collect();
        let id = TargetId::IncomeSync;
        let kind = if self.sync_two_sided {
            Judged::GrowthGap
        } else {
            Judged::GrowthLag
        };
        judged.push((
            id,
            JudgedHistogram::new(kind, self.sync_tolerance, gaps, met(id)),
        ));
        judged.sort_by_key(|(id, _)| id.index());
        judged
    }

    /// Whether each path meets target `id`, in path order.
    fn met_flags<'a>(
        &'a self,
        id: TargetId,
        columns: &'a [Vec<f64>],
        gaps: &'a [f64],
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
                let tolerance = self.sync_tolerance * (1.0 + THRESHOLD_RELATIVE_TOLERANCE);
                Box::new(gaps.iter().map(move |&gap| gap <= tolerance))
            }
            rule => {
                let threshold = self.thresholds[id.index()];
                let cutoff = self.logit_cutoffs[id.index()];
                Box::new(
                    values
                        .iter()
                        .map(move |&v| passes(rule, threshold, cutoff, v)),
                )
            }
        }
    }

    fn count(&self, id: TargetId, columns: &[Vec<f64>], met: u32) -> TargetCount {
        let values = &columns[id.series().index()];
        let reached_in_2025 = match id.rule() {
            Rule::InStepWithGdp => met,
            rule => {
                let (threshold, cutoff) =
                    (self.thresholds[id.index()], self.logit_cutoffs[id.index()]);
                values
                    .iter()
                    .filter(|&&v| passes(rule, threshold, cutoff, v))
                    .count() as u32
            }
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

/// What the in-step rule judges on each path, in percentage points of yearly growth
/// 2020→2025: income's lag behind GDP, CAGR(GDP) − CAGR(income) (negative when income grows
/// faster), or, read two-sided, |CAGR(income) − CAGR(GDP)|. Met at or below the tolerance.
fn growth_gaps(columns: &[Vec<f64>], two_sided: bool) -> Vec<f64> {
    columns[SeriesId::IncomeIndex.index()]
        .iter()
        .zip(&columns[SeriesId::Gdp.index()])
        .map(|(&income, &gdp)| {
            let income_growth =
                cagr_percent(SeriesId::IncomeIndex.plan_base(), income, TARGET_STEP);
            let gdp_growth = cagr_percent(SeriesId::Gdp.plan_base(), gdp, TARGET_STEP);
            let lag = gdp_growth - income_growth;
            if two_sided {
                lag.abs()
            } else {
                lag
            }
        })
        .collect()
}
