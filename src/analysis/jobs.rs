//! An analysis in progress, free of any transport: which runs are still to do, what came back,
//! how far along it is. The page hands its orders to its analysis workers (any number, in any
//! order) and feeds the results back; the CLI and the tests do the same on one thread. A job is
//! for one scenario: when the scenario changes the page drops it, and late results are ignored.

use super::goal_seek::{Goal, Next, Search, SeekResult, LEVERS};
use super::tornado::{self, Scope, Task};
use super::{Measure, PairedChange};
use crate::engine::Summary;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// What an analysis is for.
#[derive(Clone, Debug, PartialEq)]
pub enum JobKind {
    /// The parameters of `scope`, one step down and up.
    Tornado { scope: Scope },
    /// One lever, one measure, one level.
    GoalSeek(Goal),
    /// Every lever alone, for one measure and level.
    Cheapest { measure: Measure, required: f64 },
}

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Tornado {
        task: Box<Task>,
        sent: bool,
        result: Option<Vec<PairedChange>>,
    },
    Seek {
        search: Search,
        /// The value of the run in flight, if any.
        sent: Option<f64>,
    },
}

/// An order's name on the wire: the job it belongs to (numbered by the pool) and its item, so
/// that a late answer of a dropped job is told apart from the job in hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderId {
    pub job: u64,
    pub item: u32,
}

/// One run to do: the scenario, to be paired with the job's base run.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    /// Which item asked for it (an index into the job).
    pub item: usize,
    pub scenario: Scenario,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub kind: JobKind,
    pub base: Scenario,
    items: Vec<Item>,
    done_runs: u32,
}

/// Bisection steps a search is expected to take: about log₂ of its range in grid steps, plus
/// its ends (for the progress bar only).
fn expected_runs(search: &Search) -> u32 {
    let spec = search.goal().param.spec();
    let grid = ((spec.max - spec.min) / spec.step).max(2.0);
    grid.log2().ceil() as u32 + 2
}

impl Job {
    /// A job for `base`, whose own (full) run is `base_run`.
    pub fn new(kind: JobKind, base: &Scenario, base_run: &Summary) -> Job {
        let level = |measure: Measure| super::level(base_run, measure);
        let seek = |goal: Goal| Item::Seek {
            search: Search::new(goal, base, level(goal.measure)),
            sent: None,
        };
        let items = match &kind {
            JobKind::Tornado { scope } => tornado::tasks(base)
                .into_iter()
                .filter(|task| scope.covers(task.param))
                .map(|task| Item::Tornado {
                    task: Box::new(task),
                    sent: false,
                    result: None,
                })
                .collect(),
            JobKind::GoalSeek(goal) => vec![seek(*goal)],
            JobKind::Cheapest { measure, required } => LEVERS
                .iter()
                .map(|&param| {
                    seek(Goal {
                        measure: *measure,
                        required: *required,
                        param,
                    })
                })
                .collect(),
        };
        Job {
            kind,
            base: base.clone(),
            items,
            done_runs: 0,
        }
    }

    /// Up to `free` runs that can start now.
    pub fn next_orders(&mut self, free: usize) -> Vec<Order> {
        let mut orders = Vec::new();
        for (index, item) in self.items.iter_mut().enumerate() {
            if orders.len() >= free {
                break;
            }
            match item {
                Item::Tornado { task, sent, .. } if !*sent => {
                    *sent = true;
                    orders.push(Order {
                        item: index,
                        scenario: task.scenario.clone(),
                    });
                }
                Item::Seek { search, sent } if sent.is_none() => {
                    if let Next::Run(value) = search.next() {
                        if let Ok(scenario) = self.base.with(search.goal().param, value) {
                            *sent = Some(value);
                            orders.push(Order {
                                item: index,
                                scenario,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        orders
    }

    /// Takes the result of the order of `item`: every measure's change from the base run.
    pub fn observe(&mut self, item: usize, changes: Vec<PairedChange>) {
        let Some(slot) = self.items.get_mut(item) else {
            return;
        };
        match slot {
            Item::Tornado { result, sent, .. } if *sent && result.is_none() => {
                *result = Some(changes);
                self.done_runs += 1;
            }
            Item::Seek { search, sent } => {
                let Some(value) = sent.take() else { return };
                let measure = search.goal().measure;
                if let Some(change) = changes.into_iter().find(|c| c.measure == measure) {
                    search.observe(value, change);
                    self.done_runs += 1;
                }
            }
            _ => {}
        }
    }

    /// An order that will not come back (its worker failed): it is handed out again.
    pub fn resend(&mut self, item: usize) {
        match self.items.get_mut(item) {
            Some(Item::Tornado { sent, result, .. }) if result.is_none() => *sent = false,
            Some(Item::Seek { sent, .. }) => *sent = None,
            _ => {}
        }
    }

    /// Runs done and the runs the whole job is expected to take.
    pub fn progress(&self) -> (u32, u32) {
        let expected: u32 = self
            .items
            .iter()
            .map(|item| match item {
                Item::Tornado { .. } => 1,
                Item::Seek { search, .. } => match search.next() {
                    Next::Done(result) => result.runs,
                    Next::Run(_) => expected_runs(search),
                },
            })
            .sum();
        (self.done_runs, expected.max(self.done_runs))
    }

    pub fn is_done(&self) -> bool {
        self.items.iter().all(|item| match item {
            Item::Tornado { result, .. } => result.is_some(),
            Item::Seek { search, .. } => matches!(search.next(), Next::Done(_)),
        })
    }

    /// The tornado's runs that came back.
    pub fn tornado_results(&self) -> Vec<(Task, Vec<PairedChange>)> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Tornado {
                    task,
                    result: Some(changes),
                    ..
                } => Some(((**task).clone(), changes.clone())),
                _ => None,
            })
            .collect()
    }

    /// The searches that ended, in the order of the levers.
    pub fn seek_results(&self) -> Vec<SeekResult> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Seek { search, .. } => match search.next() {
                    Next::Done(result) => Some(result),
                    Next::Run(_) => None,
                },
                _ => None,
            })
            .collect()
    }
}

/// Runs a whole job here, order after order (the tests; the CLI uses the plain functions).
pub fn run_here(job: &mut Job, base_run: &Summary) {
    while !job.is_done() {
        let orders = job.next_orders(usize::MAX);
        if orders.is_empty() {
            break;
        }
        for order in orders {
            let run = crate::engine::run(&order.scenario);
            job.observe(order.item, super::all_changes(base_run, &run));
        }
    }
}
