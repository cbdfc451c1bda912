//! Targets of the user's own (`scenario::targets`), judged path by path by the rules the plan's
//! targets use: a level reached with the same relative tolerance, a share against its logit
//! cutoff, compound growth with `libm::pow`, "in step" as the lag behind GDP. Counts are whole
//! numbers and each target's distribution has a layout fixed by its definition, so that the
//! parts of a split run add up exactly.

use super::judged::{Judged, JudgedHistogram};
use super::logit_scale::{logistic, logit_cutoff, on_logit_scale};
use super::tally::{cagr_percent, reaches, THRESHOLD_RELATIVE_TOLERANCE};
use crate::plan::{SeriesId, BASE_YEAR};
use crate::scenario::{UserRule, UserTarget, UserTargets};
use serde::{Deserialize, Serialize};

/// Whether `value` is at most `threshold`, with the same relative tolerance as [`reaches`].
fn at_most(value: f64, threshold: f64) -> bool {
    value <= threshold + threshold.abs() * THRESHOLD_RELATIVE_TOLERANCE
}

/// A target of one's own as the tally judges it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledTarget {
    pub name: String,
    series: SeriesId,
    rule: UserRule,
    /// Steps (years after 2020) of its first and last years.
    first: usize,
    last: usize,
    /// On the engine's scale: a level (a share as a fraction), a growth in %/yr, a lag in points.
    threshold: f64,
    /// For a level on a logit share: the least logit that meets it (at least), or that fails it
    /// (at most), so that the rule is judged on the logit scale with the same result.
    cutoff: Option<f64>,
}

impl CompiledTarget {
    pub fn new(target: &UserTarget) -> CompiledTarget {
        let series = target.series();
        let rule = target.rule();
        let (first, last) = target.years();
        let logit = on_logit_scale(series);
        let threshold = if logit && !rule.is_growth() {
            target.threshold() / 100.0
        } else {
            target.threshold()
        };
        let cutoff = (logit && !rule.is_growth()).then(|| {
            if rule.at_least() {
                logit_cutoff(|share| reaches(share, threshold))
            } else {
                logit_cutoff(|share| !at_most(share, threshold))
            }
        });
        CompiledTarget {
            name: target.name().to_owned(),
            series,
            rule,
            first: (first - BASE_YEAR) as usize,
            last: (last - BASE_YEAR) as usize,
            threshold,
            cutoff,
        }
    }

    /// Whether a level on the engine's scale meets the rule.
    fn level_met(&self, value: f64) -> bool {
        match (self.cutoff, self.rule.at_least()) {
            (Some(cutoff), true) => value >= cutoff,
            (Some(cutoff), false) => value < cutoff,
            (None, true) => reaches(value, self.threshold),
            (None, false) => at_most(value, self.threshold),
        }
    }

    /// A value of its series as a number of its unit (a share as a fraction, not a logit).
    fn plain(&self, value: f64) -> f64 {
        if on_logit_scale(self.series) {
            logistic(value)
        } else {
            value
        }
    }

    /// What its distribution counts, with a layout fixed by the target: shares over 0 … 1 in
    /// quarter points; growth and lags over ± 15 points of the threshold in twentieths; other
    /// levels over 0 … twice the threshold in 400 bins.
    fn histogram_layout(&self) -> (Judged, (f64, f64, usize)) {
        let judged = Judged::Own {
            met_above: self.rule.at_least(),
        };
        let layout = if self.rule.is_growth() {
            (self.threshold - 15.0, 0.05, 600)
        } else if on_logit_scale(self.series) {
            (0.0, 0.0025, 400)
        } else {
            (0.0, (2.0 * self.threshold.abs()).max(1.0) / 400.0, 400)
        };
        (judged, layout)
    }
}

/// The targets of one's own of a scenario, compiled.
pub fn compile(targets: &UserTargets) -> Vec<CompiledTarget> {
    targets.iter().map(CompiledTarget::new).collect()
}

/// One target's count over a set of paths and the distribution of what its rule judges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserCount {
    pub met: u32,
    pub judged: JudgedHistogram,
}

/// Judges the targets of one's own path by path, a year at a time.
#[derive(Clone, Debug)]
pub struct UserTally {
    targets: Vec<CompiledTarget>,
    /// Per target and path: met so far (held), or met (once judged).
    met: Vec<Vec<bool>>,
    /// Per target and path: what the rule judges (the worst year, the level, the growth, the
    /// lag); for growth rules, first the first year's value.
    judged: Vec<Vec<f64>>,
    /// Per target and path, for the lag: GDP in the first year.
    gdp_start: Vec<Vec<f64>>,
}

impl UserTally {
    pub fn new(paths: usize, targets: &[CompiledTarget]) -> UserTally {
        let start = |target: &CompiledTarget| {
            if target.rule.is_growth() {
                0.0
            } else if target.rule.at_least() {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }
        };
        UserTally {
            targets: targets.to_vec(),
            met: targets.iter().map(|_| vec![true; paths]).collect(),
            judged: targets.iter().map(|t| vec![start(t); paths]).collect(),
            gdp_start: targets.iter().map(|_| Vec::new()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Takes the values of every series at step `t` over this tally's paths, in path order.
    pub fn add_year(&mut self, t: usize, columns: &[Vec<f64>]) {
        for (k, target) in self.targets.iter().enumerate() {
            if t < target.first || t > target.last {
                continue;
            }
            let values = &columns[target.series.index()];
            let (met, judged) = (&mut self.met[k], &mut self.judged[k]);
            match target.rule {
                UserRule::LevelAtLeast | UserRule::LevelAtMost => {
                    for ((flag, seen), &value) in met.iter_mut().zip(judged.iter_mut()).zip(values)
                    {
                        *flag = target.level_met(value);
                        *seen = target.plain(value);
                    }
                }
                UserRule::HeldAtLeast | UserRule::HeldAtMost => {
                    let at_least = target.rule.at_least();
                    for ((flag, worst), &value) in met.iter_mut().zip(judged.iter_mut()).zip(values)
                    {
                        *flag &= target.level_met(value);
                        let plain = target.plain(value);
                        if (at_least && plain < *worst) || (!at_least && plain > *worst) {
                            *worst = plain;
                        }
                    }
                }
                UserRule::GrowthAtLeast | UserRule::LagBehindGdpAtMost if t == target.first => {
                    for (start, &value) in judged.iter_mut().zip(values) {
                        *start = target.plain(value);
                    }
                    if target.rule == UserRule::LagBehindGdpAtMost {
                        self.gdp_start[k] = columns[SeriesId::Gdp.index()].clone();
                    }
                }
                UserRule::GrowthAtLeast | UserRule::LagBehindGdpAtMost if t == target.last => {
                    let years = target.last - target.first;
                    let gdp = &columns[SeriesId::Gdp.index()];
                    for (path, ((flag, seen), &value)) in met
                        .iter_mut()
                        .zip(judged.iter_mut())
                        .zip(values)
                        .enumerate()
                    {
                        let growth = cagr_percent(*seen, target.plain(value), years);
                        if target.rule == UserRule::GrowthAtLeast {
                            *seen = growth;
                            *flag = reaches(growth, target.threshold);
                        } else {
                            // The plan's in-step rule, with its tolerance.
                            let gdp_growth =
                                cagr_percent(self.gdp_start[k][path], gdp[path], years);
                            let lag = gdp_growth - growth;
                            *seen = lag;
                            *flag = lag <= target.threshold * (1.0 + THRESHOLD_RELATIVE_TOLERANCE);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The name of target `k`.
    pub fn name(&self, k: usize) -> &str {
        &self.targets[k].name
    }

    /// Whether each path met target `k`, in path order (after its last year was added).
    pub fn met(&self, k: usize) -> &[bool] {
        &self.met[k]
    }

    /// Each target's count and distribution (after the horizon was added).
    pub fn finish(&self) -> Vec<UserCount> {
        self.targets
            .iter()
            .enumerate()
            .map(|(k, target)| {
                let (judged, layout) = target.histogram_layout();
                let met = &self.met[k];
                UserCount {
                    met: met.iter().filter(|&&m| m).count() as u32,
                    judged: JudgedHistogram::with_layout(
                        judged,
                        layout,
                        target.threshold,
                        &self.judged[k],
                        met.iter().copied(),
                    ),
                }
            })
            .collect()
    }
}

/// A target of one's own over a whole run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserTargetResult {
    pub name: String,
    pub met: u32,
    /// p̂ = met / n.
    pub probability: f64,
    /// √(p̂(1 − p̂)/n).
    pub std_error: f64,
    pub judged: JudgedHistogram,
}

impl UserTargetResult {
    pub fn new(name: &str, count: UserCount, paths: u32) -> UserTargetResult {
        let n = f64::from(paths.max(1));
        let probability = f64::from(count.met) / n;
        UserTargetResult {
            name: name.to_owned(),
            met: count.met,
            probability,
            std_error: (probability * (1.0 - probability) / n).sqrt(),
            judged: count.judged,
        }
    }
}
