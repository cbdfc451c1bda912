//! One run split over several workers, with the same [`Summary`], bit for bit, as [`super::run`].
//!
//! Part `k` of `K` simulates a contiguous range of paths (each path has its own streams, so
//! where a path is simulated does not change its values). Each series has one owner, part
//! `series % K`, which summarises it from the values of *all* paths in path order, with the same
//! code as a single run: the means are summed in the same order and the percentiles selected
//! from the same set, so no floating-point result depends on `K`. Each year every part sends
//! every owner the values of the owner's series over the part's paths (a [`Slice`]). Target
//! counts are whole numbers per path, tallied by the part that simulates the path, and add up
//! exactly.
//!
//! A part runs at most [`RUN_AHEAD`] years ahead of the last year it has summarised: enough to
//! keep simulating while the slices of earlier years are in flight between workers, and few
//! enough that memory stays proportional to paths × series, not to years. Nothing here knows about transport: a part takes messages and returns the messages it
//! sends; the browser's workers carry them over message ports, the tests over a queue.

use super::judged::JudgedHistogram;
use super::outcomes::Outcomes;
use super::params::ModelParams;
use super::summary::SeriesSummariser;
use super::tally::{TargetCount, TargetTally};
use super::user_targets::{UserCount, UserTally};
use super::{SeriesSummary, YearStepper};
use crate::plan::{SeriesId, TargetId};
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

mod merge;
pub use merge::merge;
use std::collections::BTreeMap;
use std::ops::Range;

/// At most one part per series: a part with no series to own would only simulate.
pub const MAX_PARTS: u32 = SeriesId::ALL.len() as u32;

/// Years a part simulates (and sends) before it must have summarised the first of them. With
/// one, parts would wait for each other's messages every year (see docs/BENCHMARKS.md).
pub const RUN_AHEAD: usize = 4;

/// The number of parts a run of `paths` paths is actually split into when `wanted` are asked
/// for: at least one, at most one per series and one per path.
pub fn effective_parts(paths: u32, wanted: u32) -> u32 {
    wanted.clamp(1, MAX_PARTS.min(paths.max(1)))
}

/// The paths simulated by part `part` of `parts`: contiguous, in order, together all of them.
pub fn part_paths(paths: u32, part: u32, parts: u32) -> Range<u64> {
    let bound = |k: u32| u64::from(paths) * u64::from(k) / u64::from(parts);
    bound(part)..bound(part + 1)
}

/// The series that part `part` of `parts` summarises, in ascending order.
pub fn owned_series(part: u32, parts: u32) -> Vec<SeriesId> {
    SeriesId::ALL
        .into_iter()
        .filter(|series| series.index() as u32 % parts == part)
        .collect()
}

/// One year's values of the receiver's series over the sender's paths: series after series (in
/// the receiver's ascending order), each in path order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slice {
    pub run: u64,
    pub step: u32,
    pub from: u32,
    pub values: Vec<f64>,
}

/// What a part hands back at the end: the summaries of the series it owns and the target counts
/// over its paths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartSummary {
    pub run: u64,
    pub part: u32,
    pub series: Vec<SeriesSummary>,
    pub targets: Vec<TargetCount>,
    /// Which targets each of the part's paths met, in path order.
    pub outcomes: Outcomes,
    /// The judged distributions over the part's paths.
    pub judged: Vec<(TargetId, JudgedHistogram)>,
    /// Path-years of the part's paths at the growth floor.
    pub floored_path_years: u32,
    /// The targets of one's own over the part's paths (their bits are in `outcomes`, after the
    /// plan's ten).
    pub user_targets: Vec<UserCount>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outgoing {
    Slice { to: u32, slice: Slice },
    Done(PartSummary),
}

/// Part `part` of a split run, from its start to its [`PartSummary`].
pub struct PartRun {
    run: u64,
    part: u32,
    parts: u32,
    /// The number of paths of each part.
    part_lens: Vec<usize>,
    params: ModelParams,
    stepper: YearStepper,
    tally: TargetTally,
    user_tally: UserTally,
    owned: Vec<SeriesSummariser>,
    /// The step whose slices are awaited.
    step: usize,
    /// Slices of the awaited step and of later ones, by sender (parts run ahead, see
    /// [`RUN_AHEAD`]).
    inbox: BTreeMap<usize, Vec<Option<Vec<f64>>>>,
    column: Vec<f64>,
    /// Buffers of summarised slices, for the next own slices.
    spare: Vec<Vec<f64>>,
    finished: bool,
}

impl PartRun {
    /// Starts part `part` of `parts` (as given by [`effective_parts`]) and returns it with the
    /// messages it sends first; `None` if `part` or `parts` is out of range.
    pub fn start(
        run: u64,
        scenario: &Scenario,
        part: u32,
        parts: u32,
    ) -> Option<(PartRun, Vec<Outgoing>)> {
        let paths = scenario.paths();
        if parts != effective_parts(paths, parts) || part >= parts {
            return None;
        }
        let params = ModelParams::from_scenario(scenario);
        let own_paths = part_paths(paths, part, parts);
        let mut part_run = PartRun {
            run,
            part,
            parts,
            part_lens: (0..parts)
                .map(|k| {
                    let range = part_paths(paths, k, parts);
                    (range.end - range.start) as usize
                })
                .collect(),
            stepper: YearStepper::new(scenario.seed(), &params, own_paths.clone()),
            tally: TargetTally::new((own_paths.end - own_paths.start) as usize, &params),
            user_tally: UserTally::new(
                (own_paths.end - own_paths.start) as usize,
                &params.user_targets,
            ),
            owned: owned_series(part, parts)
                .into_iter()
                .map(|id| SeriesSummariser::new(id, params.steps))
                .collect(),
            params,
            step: 0,
            inbox: BTreeMap::new(),
            column: Vec::with_capacity(paths as usize),
            spare: Vec::new(),
            finished: false,
        };
        let mut out = Vec::new();
        part_run.run_ahead(&mut out);
        part_run.advance(&mut out);
        Some((part_run, out))
    }

    pub fn run(&self) -> u64 {
        self.run
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Takes a slice from another part; returns what that lets this part send. A slice that
    /// does not belong here (another run, an unexpected step or sender, a wrong length, a
    /// repeat) is ignored.
    pub fn receive(&mut self, slice: Slice) -> Vec<Outgoing> {
        let mut out = Vec::new();
        let step = slice.step as usize;
        let acceptable = !self.finished
            && slice.run == self.run
            && slice.from < self.parts
            && slice.from != self.part
            // A peer is at most two windows ahead: it summarised only what this part sent.
            && (self.step..=self.step + 2 * RUN_AHEAD).contains(&step)
            && step <= self.params.steps
            && slice.values.len() == self.owned.len() * self.part_lens[slice.from as usize];
        if !acceptable {
            return out;
        }
        let parts = self.parts as usize;
        let senders = self.inbox.entry(step).or_insert_with(|| vec![None; parts]);
        let slot = &mut senders[slice.from as usize];
        if slot.is_none() {
            *slot = Some(slice.values);
            self.advance(&mut out);
        }
        out
    }

    /// Simulates steps up to [`RUN_AHEAD`] past the awaited one.
    fn run_ahead(&mut self, out: &mut Vec<Outgoing>) {
        while self.stepper.produced() < self.step + RUN_AHEAD {
            if !self.produce_step(out) {
                return;
            }
        }
    }

    /// Simulates the next step of this part's paths, tallies it, and sends each owner its slice
    /// (keeping its own); false after the horizon.
    fn produce_step(&mut self, out: &mut Vec<Outgoing>) -> bool {
        let Some(t) = self.stepper.next_year(&self.params) else {
            return false;
        };
        let columns = self.stepper.columns();
        self.tally.add_year(t, columns);
        self.user_tally.add_year(t, columns);
        if self.parts == 1 {
            // Alone, the part summarises straight from its columns, as `run` does.
            for summariser in &mut self.owned {
                summariser.add_year(t, &columns[summariser.id().index()]);
            }
            self.step = t + 1;
            if t == self.params.steps {
                self.finish(out);
            }
            return true;
        }
        for to in 0..self.parts {
            let owned = owned_series(to, self.parts);
            // The own slice reuses a buffer; the others leave with their messages.
            let mut values = match to == self.part {
                true => self.spare.pop().unwrap_or_default(),
                false => Vec::new(),
            };
            values.clear();
            values.reserve(owned.len() * self.stepper.len());
            for series in owned {
                values.extend_from_slice(&columns[series.index()]);
            }
            if to == self.part {
                let parts = self.parts as usize;
                self.inbox.entry(t).or_insert_with(|| vec![None; parts])[to as usize] =
                    Some(values);
            } else {
                out.push(Outgoing::Slice {
                    to,
                    slice: Slice {
                        run: self.run,
                        step: t as u32,
                        from: self.part,
                        values,
                    },
                });
            }
        }
        true
    }

    /// Hands back the part's summary.
    fn finish(&mut self, out: &mut Vec<Outgoing>) {
        self.finished = true;
        let tally = std::mem::replace(&mut self.tally, TargetTally::new(0, &self.params));
        let owned = std::mem::take(&mut self.owned);
        let mut tallied = tally.finish();
        let user_targets = self.user_tally.finish();
        for k in 0..user_targets.len() {
            tallied.outcomes.push_target(self.user_tally.met(k));
        }
        out.push(Outgoing::Done(PartSummary {
            run: self.run,
            part: self.part,
            series: owned.into_iter().map(SeriesSummariser::finish).collect(),
            targets: tallied.counts,
            outcomes: tallied.outcomes,
            judged: tallied.judged,
            floored_path_years: self.stepper.floored(),
            user_targets,
        }));
    }

    /// Summarises every step whose slices have all arrived, simulating further ahead after each.
    fn advance(&mut self, out: &mut Vec<Outgoing>) {
        while !self.finished {
            let t = self.step;
            let complete = self
                .inbox
                .get(&t)
                .is_some_and(|senders| senders.iter().all(Option::is_some));
            if !complete {
                return;
            }
            let senders = self.inbox.remove(&t).unwrap_or_default();
            for (k, summariser) in self.owned.iter_mut().enumerate() {
                self.column.clear();
                for (values, &n) in senders.iter().zip(&self.part_lens) {
                    if let Some(values) = values {
                        self.column.extend_from_slice(&values[k * n..(k + 1) * n]);
                    }
                }
                summariser.add_year(t, &self.column);
            }
            // Received buffers are as good as own ones for the slices to come.
            self.spare.extend(senders.into_iter().flatten());
            self.spare.truncate(2 * self.parts as usize);
            if t == self.params.steps {
                self.finish(out);
            } else {
                self.step += 1;
                self.run_ahead(out);
            }
        }
    }
}

/// A part that does not fit its run: `part >= parts`, or more parts than a run allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadPart;

/// A worker's side of split runs: starts each run it is given, and holds slices that arrive
/// before their run has started here (another part may have started it first). Runs are
/// numbered in increasing order; slices of older runs are dropped.
#[derive(Default)]
pub struct PartWorker {
    current: Option<PartRun>,
    early: Vec<Slice>,
}

impl PartWorker {
    /// Slices held for a run not yet started: at most [`RUN_AHEAD`] from each peer; more can
    /// only come from a confused sender.
    const EARLY_LIMIT: usize = RUN_AHEAD * MAX_PARTS as usize;

    pub fn new() -> PartWorker {
        PartWorker::default()
    }

    /// Starts part `part` of `parts` of run `run`: what to send at once, or [`BadPart`] when
    /// the part does not fit its run (nothing started; the run in hand, if any, is dropped).
    pub fn start(
        &mut self,
        run: u64,
        scenario: &Scenario,
        part: u32,
        parts: u32,
    ) -> Result<Vec<Outgoing>, BadPart> {
        let Some((part_run, mut out)) = PartRun::start(run, scenario, part, parts) else {
            self.current = None;
            return Err(BadPart);
        };
        let part_run = self.current.insert(part_run);
        let early = std::mem::take(&mut self.early);
        for slice in early {
            if slice.run == run {
                out.extend(part_run.receive(slice));
            } else if slice.run > run {
                self.early.push(slice);
            }
        }
        Ok(out)
    }

    pub fn receive(&mut self, slice: Slice) -> Vec<Outgoing> {
        match &mut self.current {
            Some(part_run) if part_run.run() == slice.run => part_run.receive(slice),
            Some(part_run) if part_run.run() > slice.run => Vec::new(),
            _ => {
                if self.early.len() < Self::EARLY_LIMIT {
                    self.early.push(slice);
                }
                Vec::new()
            }
        }
    }
}
