//! The pure Monte Carlo engine: no browser APIs, no I/O, and no failure on a valid
//! [`Scenario`] (which can only be built valid).
//!
//! Memory grows with paths × series, not with years: every path keeps only its current state,
//! each year is summarised over all paths and then forgotten.

pub mod compare;
mod histogram;
pub mod joint;
pub mod judged;
mod lanes;
mod lapses;
mod libm_lanes;
mod logit_scale;
mod model;
pub mod observed;
mod outcomes;
mod params;
mod percentiles;
pub mod split;
mod stream;
mod summary;
mod sums;
mod tally;
pub mod user_targets;

pub use histogram::{Histogram, HISTOGRAM_BINS};
pub use lapses::LapseTables;
pub use libm_lanes::{exp_pair, log_pair, logit_pair};
pub use logit_scale::{
    logistic, logit, logit_cutoff, on_logit_scale, GREEN_RATIOS, LOGIT_BOUND, LOGIT_SHARES,
};
pub use model::{gdp_growth, PathState, GREEN_RATIO_CEILING, GROWTH_FLOOR};
pub use outcomes::Outcomes;
pub use params::{
    reading, GreenParams, ModelParams, ShareParams, CERTIFICATIONS_PER_YEAR, RD_BASELINE_GROWTH,
};
pub use percentiles::{
    percentiles, percentiles_by_selection, percentiles_counted, SelectionScratch,
};
pub use stream::{PathStream, PoissonTable, StreamId};
pub use summary::{SeriesSummariser, SeriesSummary, Summary, YearStats, PERCENTILES};
pub use tally::{
    cagr_percent, reaches, target_result, thresholds, Tallied, TargetCount, TargetResult,
    TargetTally, THRESHOLD_RELATIVE_TOLERANCE,
};

use crate::plan::SeriesId;
use crate::scenario::Scenario;
use std::ops::Range;
use summary::Summariser;

/// Runs the scenario's Monte Carlo and summarises it.
pub fn run(scenario: &Scenario) -> Summary {
    let params = ModelParams::from_scenario(scenario);
    let mut summariser = Summariser::of_model_columns(scenario.paths(), scenario.seed(), &params);
    let paths = 0..u64::from(scenario.paths());
    let floored = simulate_years(scenario, &params, paths, |t, columns| {
        summariser.add_year(t, columns)
    });
    summariser.finish(floored)
}

/// Steps paths `paths` of the scenario year by year, from 2020 (t = 0) to the horizon, handing
/// each year's values (one column per series, in path order) to `each_year`. Keeps only the
/// paths' current states and one year of values. Returns the path-years at the growth floor.
fn simulate_years(
    scenario: &Scenario,
    params: &ModelParams,
    paths: Range<u64>,
    mut each_year: impl FnMut(usize, &[Vec<f64>]),
) -> u32 {
    let mut stepper = YearStepper::new(scenario.seed(), params, paths);
    while let Some(t) = stepper.next_year(params) {
        each_year(t, stepper.columns());
    }
    stepper.floored()
}

/// A range of paths stepped one year at a time: only the paths' current states and one year of
/// values are kept.
struct YearStepper {
    states: Vec<PathState>,
    lapse_tables: LapseTables,
    columns: Vec<Vec<f64>>,
    /// The next step to produce.
    next: usize,
    /// Path-years whose GDP or income growth was held at the floor so far.
    floored: u32,
}

impl YearStepper {
    fn new(seed: u64, params: &ModelParams, paths: Range<u64>) -> YearStepper {
        let states: Vec<PathState> = paths
            .map(|index| PathState::new(seed, index, params))
            .collect();
        YearStepper {
            columns: vec![Vec::with_capacity(states.len()); SeriesId::ALL.len()],
            states,
            lapse_tables: LapseTables::new(params.lapse_rate),
            next: 0,
            floored: 0,
        }
    }

    /// Produces the values of the next step (2020 first), or `None` after the horizon.
    fn next_year(&mut self, params: &ModelParams) -> Option<usize> {
        let t = self.next;
        if t > params.steps {
            return None;
        }
        let lapse_tables = &mut self.lapse_tables;
        let mut floored = 0;
        for column in &mut self.columns {
            column.resize(self.states.len(), 0.0);
        }
        // One pass: each path is stepped and read while its state is in the cache; two paths
        // at a time: both paths' draws first, their lognormal factors together (the same bits).
        let columns = &mut self.columns;
        let mut read = |i: usize, state: &PathState| {
            for (column, value) in columns.iter_mut().zip(state.values(params)) {
                column[i] = value;
            }
        };
        let last = self.states.len().saturating_sub(1);
        let mut pairs = self.states.chunks_exact_mut(2);
        for (pair, states) in pairs.by_ref().enumerate() {
            let [first, second] = states else {
                continue;
            };
            if t > 0 {
                let stepped = PathState::step_two(first, second, params, lapse_tables);
                floored += stepped.iter().filter(|&&floor| floor).count() as u32;
            }
            read(2 * pair, first);
            read(2 * pair + 1, second);
        }
        if let [state] = pairs.into_remainder() {
            if t > 0 && state.step(params, lapse_tables) {
                floored += 1;
            }
            read(last, state);
        }
        self.next += 1;
        self.floored += floored;
        Some(t)
    }

    /// Path-years at the growth floor so far.
    fn floored(&self) -> u32 {
        self.floored
    }

    /// The number of steps produced so far.
    fn produced(&self) -> usize {
        self.next
    }

    /// The number of paths stepped.
    fn len(&self) -> usize {
        self.states.len()
    }

    /// The values of the step last produced, one column per series, in path order.
    fn columns(&self) -> &[Vec<f64>] {
        &self.columns
    }
}

/// Every value of a contiguous range of paths, for every year: what a worker that simulates part
/// of a run hands back to be summarised with the other parts.
#[derive(Clone, Debug, PartialEq)]
pub struct ChunkSamples {
    pub paths: Range<u64>,
    /// `columns[t][series]` holds the chunk's values in path order.
    pub columns: Vec<Vec<Vec<f64>>>,
}

/// Simulates paths `paths` of the scenario (stream `i` for path `i`, as in [`run`]), keeping
/// every year's values: a part of a run, to be summarised with the other parts.
pub fn simulate_chunk(scenario: &Scenario, paths: Range<u64>) -> ChunkSamples {
    let params = ModelParams::from_scenario(scenario);
    let mut columns = Vec::with_capacity(params.steps + 1);
    simulate_years(scenario, &params, paths.clone(), |_, year| {
        columns.push(year.to_vec())
    });
    ChunkSamples { paths, columns }
}

/// Summarises chunks that together cover paths `0 .. scenario.paths()` exactly, in any order,
/// each series from its own values. Gives the same summary, bit for bit, as [`run`] for the
/// chunks [`simulate_chunk`] makes; `None` if the chunks do not tile the run or a chunk's year
/// lacks a series or a path.
pub fn summarise_chunks(scenario: &Scenario, chunks: &[ChunkSamples]) -> Option<Summary> {
    let mut ordered: Vec<&ChunkSamples> = chunks.iter().collect();
    ordered.sort_by_key(|chunk| chunk.paths.start);
    let mut next = 0;
    for chunk in &ordered {
        if chunk.paths.start != next {
            return None;
        }
        next = chunk.paths.end;
    }
    if next != u64::from(scenario.paths()) {
        return None;
    }
    let params = ModelParams::from_scenario(scenario);
    // Every year of every chunk: one column per series, one value per path of the chunk.
    let well_formed = |chunk: &ChunkSamples| {
        let paths = (chunk.paths.end - chunk.paths.start) as usize;
        chunk.columns.len() == params.steps + 1
            && chunk.columns.iter().all(|year| {
                year.len() == SeriesId::ALL.len() && year.iter().all(|column| column.len() == paths)
            })
    };
    if !ordered.iter().all(|chunk| well_formed(chunk)) {
        return None;
    }
    let mut summariser = Summariser::new(scenario.paths(), scenario.seed(), &params);
    let mut columns = vec![Vec::with_capacity(next as usize); SeriesId::ALL.len()];
    // Hand-made chunks say nothing of the floor.
    let floored = 0;
    for t in 0..=params.steps {
        for (series, column) in columns.iter_mut().enumerate() {
            column.clear();
            for chunk in &ordered {
                column.extend_from_slice(&chunk.columns[t][series]);
            }
        }
        summariser.add_year(t, &columns);
    }
    Some(summariser.finish(floored))
}
