//! Observed years (`docs/MODEL.md`, "Observed years"): what the paths are conditioned on, worked
//! out once per run, the same for every path.
//!
//! GDP: given the observed growth g_1 … g_k, each downturn pattern b_1 … b_k fixes the growth
//! shocks, u_t = g_t − μ − 100·ΔI·𝟙[t ≥ 2]/(k·Y_{t−1}) − J_t(b_{t−1}, b_t), so that the pattern's
//! posterior is its prior ∏ p^{b_t}(1 − p)^{1−b_t} times ∏ N(u_t; ρ·u_{t−1}, σ²), times the
//! couplings' likelihoods where the coupled series are observed (certifications and new green
//! space are cut in a downturn year). With k ≤ 15 the 2^k patterns are enumerated; a path then
//! draws its pattern year by year from the conditional chances P(b_t = 1 | b_1 … b_{t−1}, the
//! observations), with the uniform it would have compared with p had nothing been observed. So
//! the path's streams stay where an unconditioned run leaves them, and with observations that
//! say nothing of the downturns the pattern is the unconditioned one.

use super::logit_scale::{logit, LOGIT_BOUND};
use super::model::gdp_growth;
use super::params::ModelParams;
use super::stream::PoissonTable;
use crate::plan::{TargetId, BASE_YEAR};
use crate::scenario::observed::ObservedSeries;
use crate::scenario::{Param, Scenario};

/// The logit shares in the order of `model::LOGIT_SHARES`, as observed series.
const OBSERVED_SHARES: [ObservedSeries; 4] = [
    ObservedSeries::Air,
    ObservedSeries::Preschool,
    ObservedSeries::CultureStar,
    ObservedSeries::CultureTrip,
];

/// What a run is conditioned on: for each series the values of 2021 on that the run uses (the
/// same for every path), and the downturn patterns' conditional chances.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conditioning {
    /// Observed real GDP growth, %, from 2021.
    pub gdp_growth: Vec<f64>,
    /// P(b_t = 1 | b_1 … b_{t−1}, observations) by the prefix, a complete binary tree: node 1
    /// is the root (no year decided), node n's children are 2n (no downturn) and 2n + 1.
    pub pattern: Vec<f64>,
    /// Whether the observed GDP growth can happen at all in this scenario (with no volatility
    /// only the trend and the downturns' steps can); if not, GDP is not conditioned.
    pub gdp_possible: bool,
    /// Observed real income growth, %, from 2021.
    pub income_growth: Vec<f64>,
    /// Observed logits of the four logit shares (in `LOGIT_SHARES` order), from 2021.
    pub shares: [Vec<f64>; 4],
    /// Observed green-space ratio and coverage, fractions, from 2021.
    pub green: [Vec<f64>; 2],
    /// Observed high-tech stock, from 2021.
    pub hightech: Vec<f64>,
}

impl Conditioning {
    /// Nothing observed: an unconditioned run.
    pub fn is_empty(&self) -> bool {
        self.gdp_growth.is_empty()
            && self.income_growth.is_empty()
            && self.shares.iter().all(Vec::is_empty)
            && self.green.iter().all(Vec::is_empty)
            && self.hightech.is_empty()
    }

    /// The years of GDP the paths go through (0 when it is not conditioned).
    pub fn gdp_years(&self) -> usize {
        if self.gdp_possible {
            self.gdp_growth.len()
        } else {
            0
        }
    }

    /// The last year the paths are conditioned on, over every series (GDP's only where some
    /// path can take it).
    pub fn last_year(&self) -> Option<i32> {
        let years = [
            self.gdp_years(),
            self.income_growth.len(),
            self.hightech.len(),
        ]
        .into_iter()
        .chain(self.shares.iter().map(Vec::len))
        .chain(self.green.iter().map(Vec::len))
        .max()
        .unwrap_or(0);
        (years > 0).then_some(BASE_YEAR + years as i32)
    }

    /// The chance that year `t` (1-based) is a downturn given the years before it on this path
    /// (`node`, the path's place in the tree), and the node after it.
    pub fn next_downturn(&self, node: usize, uniform: f64) -> (bool, usize) {
        let downturn = uniform < self.pattern[node];
        (downturn, 2 * node + usize::from(downturn))
    }

    /// The green area since 2020 that an observed green-space ratio implies in year `t`, if it
    /// is observed then (the ratio's deviation is then 0: the area carries the observation).
    pub fn green_area(&self, params: &ModelParams, t: usize) -> Option<f64> {
        let ratio = self.green[0].get(t.checked_sub(1)?)?;
        Some(ratio * params.green.built_up[t] - params.green.base_area[0])
    }
}

/// What the scenario's observations condition a run to `steps` years on.
pub fn conditioning(scenario: &Scenario, params: &ModelParams) -> Conditioning {
    let observed = scenario.observed();
    if observed.is_empty() {
        return Conditioning {
            gdp_possible: true,
            ..Conditioning::default()
        };
    }
    let horizon = BASE_YEAR + params.steps as i32;
    let usable = |series| observed.usable(series, horizon);
    let shares = OBSERVED_SHARES.map(|series| {
        usable(series)
            .into_iter()
            .map(|percent| {
                let z = logit(percent / 100.0);
                z.clamp(-LOGIT_BOUND, LOGIT_BOUND)
            })
            .collect()
    });
    let mut conditioning = Conditioning {
        gdp_growth: usable(ObservedSeries::Gdp),
        pattern: Vec::new(),
        gdp_possible: true,
        income_growth: usable(ObservedSeries::Income),
        shares,
        green: [ObservedSeries::GreenRatio, ObservedSeries::GreenCover]
            .map(|series| usable(series).into_iter().map(|p| p / 100.0).collect()),
        hightech: usable(ObservedSeries::HighTech),
    };
    let couplings = Couplings::new(&conditioning, scenario, params);
    let (pattern, possible) = pattern_chances(&conditioning.gdp_growth, params, &couplings);
    conditioning.pattern = pattern;
    conditioning.gdp_possible = possible;
    conditioning
}

/// The log-likelihood of a downturn (index 1) or not (index 0) in each observed year, from the
/// series the downturns are coupled to, where those are observed in that year and the one
/// before.
struct Couplings {
    by_year: Vec<[f64; 2]>,
}

impl Couplings {
    fn new(conditioning: &Conditioning, scenario: &Scenario, params: &ModelParams) -> Couplings {
        let years = conditioning.gdp_growth.len();
        let mut by_year = vec![[0.0; 2]; years];
        // High-tech: H_t − H_{t−1} = C_t − L_t, with C_t ~ Poisson(c_t·(1 − dt_ht·b_t)) and the
        // lapses L_t ~ min(Poisson(λ·H_{t−1}), H_{t−1}), which no downturn touches.
        let stocks: Vec<f64> = std::iter::once(params.hightech_start)
            .chain(conditioning.hightech.iter().copied())
            .collect();
        for t in 1..stocks.len().min(years + 1) {
            let (before, after) = (stocks[t - 1] as u64, stocks[t] as u64);
            let lapses = PoissonTable::new(params.lapse_rate * before as f64);
            for (downturn, slot) in by_year[t - 1].iter_mut().enumerate() {
                let certified = &params.certifications[t - 1][downturn];
                let chance: f64 = (0..=before)
                    .map(|lost| {
                        let lost_chance = if lost == before {
                            1.0 - cdf(&lapses, before.wrapping_sub(1), before > 0)
                        } else {
                            pmf(&lapses, lost)
                        };
                        let needed = (after + lost).checked_sub(before);
                        lost_chance * needed.map_or(0.0, |n| pmf(certified, n))
                    })
                    .sum();
                *slot += libm::log(chance);
            }
        }
        // New green space: N_t = G_t − G_{t−1}, from the observed green-space ratio, lognormal
        // with mean m·(1 − dt_green·b_t) and coefficient of variation cv.
        let green = &params.green;
        let area = |t: usize| -> Option<f64> {
            if t == 0 {
                Some(0.0)
            } else {
                conditioning.green_area(params, t)
            }
        };
        let cv = scenario.get(Param::GreenVol);
        for t in 1..=years {
            let (Some(before), Some(now)) = (area(t - 1), area(t)) else {
                break;
            };
            let added = now - before;
            let means = [
                green.new_per_year,
                green.new_per_year * (1.0 - green.downturn_loss),
            ];
            // What a year's new green space can be: a lognormal (a point at its mean without
            // noise), or exactly none where a downturn stops planting (`dt_green` = 100).
            let nothing = added.abs() <= 1e-9 * green.new_per_year.max(1.0);
            let possible = |mean: f64| {
                if mean <= 0.0 {
                    nothing
                } else if cv > 0.0 {
                    added > 0.0
                } else {
                    (added - mean).abs() <= 1e-9 * mean.max(1.0)
                }
            };
            if !means.iter().any(|&mean| possible(mean)) {
                // A change of the ratio the model's new green space cannot make (a fall, or a
                // rise other than the one fixed amount): taken as given, it says nothing of the
                // downturn years.
                continue;
            }
            for (slot, &mean) in by_year[t - 1].iter_mut().zip(&means) {
                *slot += if !possible(mean) {
                    f64::NEG_INFINITY
                } else if mean > 0.0 && cv > 0.0 {
                    let sd = green.log_sd;
                    let z = (libm::log(added) - libm::log(mean) + sd * sd / 2.0) / sd;
                    // The lognormal's density: its 1/(x·sd) is the same for both states.
                    -z * z / 2.0
                } else {
                    0.0
                };
            }
        }
        Couplings { by_year }
    }
}

/// P(X = k) from a Poisson table.
fn pmf(table: &PoissonTable, k: u64) -> f64 {
    let (first, cdf) = table.distribution();
    let Some(i) = k.checked_sub(first).map(|i| i as usize) else {
        return 0.0;
    };
    match i {
        0 => cdf[0],
        i if i < cdf.len() => cdf[i] - cdf[i - 1],
        _ => 0.0,
    }
}

/// P(X ≤ k) from a Poisson table (0 when `any` is false: no count at or below k).
fn cdf(table: &PoissonTable, k: u64, any: bool) -> f64 {
    if !any {
        return 0.0;
    }
    let (first, cdf) = table.distribution();
    match k.checked_sub(first) {
        None => 0.0,
        Some(i) => cdf[(i as usize).min(cdf.len() - 1)],
    }
}

/// The conditional chance of a downturn in each year given the years before it, for every
/// prefix (a complete binary tree, node 1 the root), and whether the observed growth can happen
/// at all. Without observed GDP the tree is empty.
fn pattern_chances(
    growth: &[f64],
    params: &ModelParams,
    couplings: &Couplings,
) -> (Vec<f64>, bool) {
    let years = growth.len();
    if years == 0 {
        return (Vec::new(), true);
    }
    let p = params.downturn_probability;
    let (sigma, rho) = (params.shock_sd, params.persistence);
    // The observed levels: every path goes through them.
    let mut levels = vec![crate::plan::GDP_2020];
    for g in growth {
        let before = levels[levels.len() - 1];
        levels.push(before * (1.0 + g / 100.0));
    }
    // Log-weights of the 2^years patterns (bit t − 1 of the index is b_t).
    let patterns = 1usize << years;
    let log_weights: Vec<f64> = (0..patterns)
        .map(|pattern| {
            let bit = |t: usize| t >= 1 && pattern >> (t - 1) & 1 == 1;
            let mut log_weight = 0.0;
            let mut shock_before = 0.0;
            for t in 1..=years {
                let downturn = bit(t);
                log_weight += if downturn {
                    libm::log(p)
                } else {
                    libm::log(1.0 - p)
                };
                let trend = gdp_growth(params, t, levels[t - 1], 0.0, [bit(t - 1), downturn]);
                let shock = growth[t - 1] - trend;
                let residual = shock - rho * shock_before;
                log_weight += if sigma > 0.0 {
                    -(residual / sigma) * (residual / sigma) / 2.0
                } else if residual.abs() <= 1e-9 * (1.0 + growth[t - 1].abs()) {
                    0.0
                } else {
                    f64::NEG_INFINITY
                };
                log_weight += couplings.by_year[t - 1][usize::from(downturn)];
                shock_before = shock;
            }
            log_weight
        })
        .collect();
    let top = log_weights
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    if top == f64::NEG_INFINITY {
        // No pattern makes the observed growth: it cannot happen in this scenario.
        return (Vec::new(), false);
    }
    // Sums over every prefix: node n (1 ≤ n < 2^(years+1)) at depth d holds the patterns whose
    // first d bits are n's bits below its leading one, read from the top.
    let mut sums = vec![0.0; 2 * patterns];
    for (pattern, log_weight) in log_weights.iter().enumerate() {
        // The leaf: the years' bits in order, b_1 first.
        let mut leaf = 1usize;
        for t in 1..=years {
            leaf = 2 * leaf + (pattern >> (t - 1) & 1);
        }
        sums[leaf] = libm::exp(log_weight - top);
    }
    for node in (1..patterns).rev() {
        sums[node] = sums[2 * node] + sums[2 * node + 1];
    }
    let chances = (0..patterns)
        .map(|node| {
            if node == 0 || sums[node] == 0.0 {
                // Unreached: any chance will do (no path gets here).
                p
            } else {
                sums[2 * node + 1] / sums[node]
            }
        })
        .collect();
    (chances, true)
}

/// How many of the years 2021 … 2025 that `target` is judged on are observed (for its row):
/// its series' years used by the run; for "in step", the years both GDP and income are.
pub fn target_years_observed(scenario: &Scenario, target: TargetId) -> usize {
    let horizon = scenario.horizon_year().min(crate::plan::TARGET_YEAR);
    let used = |series: ObservedSeries| scenario.observed().usable(series, horizon).len();
    match target {
        TargetId::IncomeSync => used(ObservedSeries::Gdp).min(used(ObservedSeries::Income)),
        _ => ObservedSeries::ALL
            .into_iter()
            .find(|series| series.series() == target.series())
            .map_or(0, used),
    }
}
