//! The engine's pace on this machine, measured run by run, and the previews it allows: a slow
//! laptop still redraws within budget while a slider moves, a fast one shows the full run on
//! every move.

use crate::plan::BASE_YEAR;

/// Paths of a preview until a run has been timed. Paths have their own streams, so a preview is
/// exactly the first paths of the full run: the full picture refines the preview, never
/// contradicts it.
pub const PREVIEW_PATHS: u32 = 1000;
/// What a preview may take in the engine, so that the redraw stays within the 50 ms a moving
/// slider allows (the charts take about 15 ms more; docs/BENCHMARKS.md).
pub const PREVIEW_BUDGET_MS: f64 = 25.0;
/// Previews are sized in steps of this many paths (sizes that do not jitter run by run) …
pub const PREVIEW_STEP: u32 = 500;
/// … and never fall below this many: fewer would show noise rather than a picture.
pub const PREVIEW_MIN_PATHS: u32 = 500;
/// The weight of the latest run in the smoothed pace: one slow run (a collection, another tab)
/// only halves its say.
const LATEST_WEIGHT: f64 = 0.5;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pace {
    /// Milliseconds per path and year on one worker, smoothed; `None` until a run is timed.
    ms_per_path_year: Option<f64>,
}

impl Pace {
    /// Takes a finished run's time: `paths` paths to `horizon_year`, over `workers` workers.
    /// A split run is counted as if one worker had done it all: that overstates the time, so
    /// previews sized from it err on the short side.
    pub fn record(&mut self, paths: u32, horizon_year: i32, workers: u32, engine_ms: f64) {
        let path_years = f64::from(paths) * years(horizon_year);
        if !(engine_ms.is_finite() && engine_ms > 0.0 && path_years > 0.0) {
            return;
        }
        let sample = engine_ms * f64::from(workers.max(1)) / path_years;
        self.ms_per_path_year = Some(match self.ms_per_path_year {
            Some(smoothed) => (1.0 - LATEST_WEIGHT) * smoothed + LATEST_WEIGHT * sample,
            None => sample,
        });
    }

    pub fn is_measured(&self) -> bool {
        self.ms_per_path_year.is_some()
    }

    /// The paths of a preview of a run of `paths` paths to `horizon_year`: as many as one worker
    /// runs within [`PREVIEW_BUDGET_MS`]; `None` when the full run fits that budget itself (or is
    /// no larger than a preview would be). [`PREVIEW_PATHS`] until the pace is measured.
    pub fn preview_paths(&self, paths: u32, horizon_year: i32) -> Option<u32> {
        let preview = match self.ms_per_path_year {
            None => PREVIEW_PATHS,
            Some(ms) => {
                let fits = PREVIEW_BUDGET_MS / (ms * years(horizon_year));
                let fits = fits.min(f64::from(u32::MAX)) as u32;
                (fits / PREVIEW_STEP * PREVIEW_STEP).max(PREVIEW_MIN_PATHS)
            }
        };
        (preview < paths).then_some(preview)
    }
}

/// The years a run summarises, 2020 … horizon.
fn years(horizon_year: i32) -> f64 {
    f64::from(horizon_year - BASE_YEAR + 1)
}
