//! The distribution of a year's values over all paths: equal bins between the least and the
//! greatest value.

use super::logit_scale::logistic;
use super::percentiles::least_passing;
use serde::{Deserialize, Serialize};

/// Bins of each histogram.
pub const HISTOGRAM_BINS: usize = 40;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    pub year: i32,
    /// The lowest and highest value over all paths; the bins split this range evenly.
    pub min: f64,
    pub max: f64,
    pub counts: Vec<u32>,
}

/// The bins' layout over `min ..= max`: the bin of a value in that range.
#[derive(Clone, Copy)]
struct Bins {
    min: f64,
    width: f64,
}

impl Bins {
    fn new(min: f64, max: f64) -> Bins {
        Bins {
            min,
            width: (max - min) / HISTOGRAM_BINS as f64,
        }
    }

    /// Never decreases as `value` grows: each operation rounds monotonically, and so do the
    /// saturating conversion and the `min`.
    fn of(self, value: f64) -> usize {
        if self.width > 0.0 {
            (((value - self.min) / self.width) as usize).min(HISTOGRAM_BINS - 1)
        } else {
            HISTOGRAM_BINS / 2
        }
    }
}

impl Histogram {
    /// The histogram of `values` in year `year`.
    pub fn of(year: i32, values: &[f64]) -> Histogram {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let bins = Bins::new(min, max);
        let mut counts = vec![0u32; HISTOGRAM_BINS];
        for &value in values {
            counts[bins.of(value)] += 1;
        }
        Histogram {
            year,
            min,
            max,
            counts,
        }
    }

    /// The histogram of the shares `logistic(z)` of the logits `logits`, the same bits as
    /// [`Histogram::of`] on the shares, with `logistic` taken a few hundred times rather than
    /// once for every value. `logistic` never decreases (see [`super::logit_cutoff`]), so the
    /// least and greatest share are those of the least and greatest logit, and the bin of a
    /// share never decreases as its logit grows: each bin's edge is found once on the logit
    /// scale, by bisection, and each logit is binned against the edges.
    pub fn of_logistic(year: i32, logits: &[f64]) -> Histogram {
        let low = logits.iter().copied().fold(f64::INFINITY, f64::min);
        let high = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (min, max) = (logistic(low), logistic(high));
        let bins = Bins::new(min, max);
        let bin_of = |z: f64| bins.of(logistic(z));
        // edges[b − 1]: the least logit in [low, high] whose share falls in bin b or above;
        // +∞ where no logit in the range does.
        let mut edges = [f64::INFINITY; HISTOGRAM_BINS - 1];
        let mut from = low;
        for (b, edge) in (1..HISTOGRAM_BINS).zip(edges.iter_mut()) {
            if bin_of(high) < b {
                break;
            }
            *edge = if bin_of(from) >= b {
                from
            } else {
                least_passing(from, high, |z| bin_of(z) >= b)
            };
            from = *edge;
        }
        let mut counts = vec![0u32; HISTOGRAM_BINS];
        for &z in logits {
            counts[edges.partition_point(|&edge| edge <= z)] += 1;
        }
        Histogram {
            year,
            min,
            max,
            counts,
        }
    }
}
