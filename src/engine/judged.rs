//! The distribution of the quantity a target's rule judges, where that is not simply the 2025
//! value of its series: the worst year 2021–2025 for targets held in every year, and the gap
//! between income and GDP growth for the in-step target. Bins are fixed (so that the counts of
//! parts of a run add up exactly) and a path is binned on the side of the line its outcome is on,
//! so that the share beyond the line is the target's p̂ exactly.

use serde::{Deserialize, Serialize};

/// What the histogram counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Judged {
    /// The lowest level of 2021–2025 (a share); met at or above the line.
    WorstYear,
    /// |income CAGR − GDP CAGR| 2020→2025, in percentage points; met at or below the line
    /// (the two-sided reading of "in step").
    GrowthGap,
    /// GDP CAGR − income CAGR 2020→2025, income's lag, in percentage points (negative when
    /// income grows faster); met at or below the line (model version 3's reading).
    GrowthLag,
    /// What a target of the user's own judges (a level, the worst year, a growth, a lag), in a
    /// layout of its own (`engine::user_targets`); met above the line or below it.
    Own { met_above: bool },
}

impl Judged {
    /// (lower edge, bin width, bins): shares in quarter points over 0 … 100 %; gaps in
    /// twentieths of a point over 0 … 20 points, lags over −10 … 20 points (the end bins take
    /// everything beyond).
    fn layout(self) -> (f64, f64, usize) {
        match self {
            Judged::WorstYear => (0.0, 0.0025, 400),
            Judged::GrowthGap => (0.0, 0.05, 400),
            // A target of one's own brings its layout ([`JudgedHistogram::with_layout`]).
            Judged::GrowthLag | Judged::Own { .. } => (-10.0, 0.05, 600),
        }
    }

    /// A number per kind, for the summary's fingerprint (the plan's kinds keep their old ones).
    pub fn code(self) -> u64 {
        match self {
            Judged::WorstYear => 0,
            Judged::GrowthGap => 1,
            Judged::GrowthLag => 2,
            Judged::Own { met_above } => 3 + u64::from(met_above),
        }
    }

    /// Whether meeting the target lies above the line (else below it).
    pub fn met_above(self) -> bool {
        match self {
            Judged::Own { met_above } => met_above,
            judged => judged == Judged::WorstYear,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgedHistogram {
    pub judged: Judged,
    pub lower: f64,
    pub width: f64,
    /// Bins `line_bin ..` hold the met paths when [`Judged::met_above`], bins `.. line_bin`
    /// when not.
    pub line_bin: usize,
    pub counts: Vec<u32>,
}

impl JudgedHistogram {
    /// Bins `values` (with each path's outcome) for a line at `line`.
    pub fn new(judged: Judged, line: f64, values: &[f64], met: impl Iterator<Item = bool>) -> Self {
        JudgedHistogram::with_layout(judged, judged.layout(), line, values, met)
    }

    /// As [`JudgedHistogram::new`], in the layout (lower edge, bin width, bins) given.
    pub fn with_layout(
        judged: Judged,
        (lower, width, bins): (f64, f64, usize),
        line: f64,
        values: &[f64],
        met: impl Iterator<Item = bool>,
    ) -> Self {
        let natural = |value: f64| {
            let x = (value - lower) / width;
            if x <= 0.0 {
                0
            } else if x >= (bins - 1) as f64 {
                bins - 1
            } else {
                x as usize
            }
        };
        let line_bin = natural(line + width / 2.0).clamp(1, bins - 1);
        let mut counts = vec![0u32; bins];
        for (&value, met) in values.iter().zip(met) {
            let bin = natural(value);
            // On the side of the line its outcome is on, so the split is exactly p̂.
            let above = judged.met_above() == met;
            let bin = if above {
                bin.max(line_bin)
            } else {
                bin.min(line_bin - 1)
            };
            counts[bin] += 1;
        }
        JudgedHistogram {
            judged,
            lower,
            width,
            line_bin,
            counts,
        }
    }

    /// The line's level (a bin edge).
    pub fn line(&self) -> f64 {
        self.lower + self.width * self.line_bin as f64
    }

    /// Adds another part's counts (same layout); `None` if the layouts differ.
    pub fn add(&mut self, other: &JudgedHistogram) -> Option<()> {
        if self.judged != other.judged
            || self.line_bin != other.line_bin
            || self.lower != other.lower
            || self.width != other.width
            || self.counts.len() != other.counts.len()
        {
            return None;
        }
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
        Some(())
    }

    /// The paths on the met side of the line.
    pub fn met(&self) -> u32 {
        let (below, above) = self.counts.split_at(self.line_bin);
        if self.judged.met_above() {
            above.iter().sum()
        } else {
            below.iter().sum()
        }
    }
}
