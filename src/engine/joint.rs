//! Targets met together: for each path the number of targets it meets (0 … 10), and from that
//! the distribution of the number, the chance that all are met and the expected number met,
//! each with its Monte Carlo standard error. A downturn year hits several targets at once, so
//! these are not the products and sums of the single probabilities' behaviour alone.

use super::outcomes::Outcomes;

/// How many paths meet exactly k targets, k = 0 … targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JointAttainment {
    pub paths: u32,
    /// `counts[k]`: the paths that meet exactly k targets.
    pub counts: Vec<u32>,
}

impl JointAttainment {
    /// Over the targets `which` (by their place in `outcomes`: the plan's ten first, then the
    /// targets of one's own).
    pub fn from_outcomes(outcomes: &Outcomes, which: std::ops::Range<usize>) -> JointAttainment {
        let which = which.start.min(outcomes.targets())..which.end.min(outcomes.targets());
        let mut counts = vec![0u32; which.len() + 1];
        for path in 0..outcomes.paths() as usize {
            let met = which.clone().filter(|&k| outcomes.met(k, path)).count();
            counts[met] += 1;
        }
        JointAttainment {
            paths: outcomes.paths(),
            counts,
        }
    }

    /// The number of targets.
    pub fn targets(&self) -> usize {
        self.counts.len() - 1
    }

    /// The share of paths meeting exactly k targets, k = 0 … targets.
    pub fn distribution(&self) -> Vec<f64> {
        let n = f64::from(self.paths.max(1));
        self.counts.iter().map(|&c| f64::from(c) / n).collect()
    }

    /// The share of paths meeting exactly `k` targets and its standard error √(p̂(1 − p̂)/n).
    pub fn share(&self, k: usize) -> (f64, f64) {
        let n = f64::from(self.paths.max(1));
        let p = f64::from(self.counts.get(k).copied().unwrap_or(0)) / n;
        (p, (p * (1.0 - p) / n).sqrt())
    }

    /// P(all met) and its standard error √(p̂(1 − p̂)/n).
    pub fn all_met(&self) -> (f64, f64) {
        self.share(self.targets())
    }

    /// The paths meeting every target.
    pub fn all_met_count(&self) -> u32 {
        *self.counts.last().unwrap_or(&0)
    }

    /// The expected number of targets met and its standard error, the sample standard
    /// deviation of the per-path numbers over √n.
    pub fn expected_met(&self) -> (f64, f64) {
        let n = f64::from(self.paths.max(1));
        let mean = self
            .counts
            .iter()
            .enumerate()
            .map(|(k, &c)| k as f64 * f64::from(c))
            .sum::<f64>()
            / n;
        let square = self
            .counts
            .iter()
            .enumerate()
            .map(|(k, &c)| (k as f64 - mean).powi(2) * f64::from(c))
            .sum::<f64>();
        let variance = if self.paths > 1 {
            square / (n - 1.0)
        } else {
            0.0
        };
        (mean, (variance / n).sqrt())
    }
}

/// The 95 % Wilson score interval of a proportion `met` / `n`: honest where p̂ is 0 or 1, where
/// √(p̂(1 − p̂)/n) would claim a certainty the run does not have (at p̂ = 0 its upper end is
/// about 3.84/n).
pub fn wilson_interval(met: u32, n: u32) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    const Z: f64 = 1.959_963_984_540_054;
    let n = f64::from(n);
    let p = f64::from(met) / n;
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // At p̂ = 0 (or 1) the end is exactly 0 (or 1); rounding must not move it.
    let low = if met == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let high = if f64::from(met) == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    (low, high)
}
