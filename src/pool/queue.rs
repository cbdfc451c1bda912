//! The analyses' queue in the one pool: the job in hand (a tornado, a goal-seek, every lever
//! alone), which worker runs which of its orders, and the orders handed to the page's thread
//! when no worker is left. Framework-free: [`super::PoolState`] decides when a worker is free
//! and turns what this returns into its [`super::Command`]s.
//!
//! A worker takes one order at a time, so a job spreads over every free worker and a dropped job
//! ends within one run. An order in flight is remembered with the time it left, so that the
//! pool's watchdog finds a worker that stopped answering.

use crate::analysis::jobs::{Job, JobKind, Order, OrderId};
use crate::analysis::PairedChange;
use crate::engine::Summary;
use crate::scenario::Scenario;
use std::rc::Rc;

/// What the page shows of the job in hand (or the last one that ended).
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisView {
    /// The scenario revision the job is for.
    pub revision: u64,
    pub job: Job,
    /// Milliseconds from its start to its last result, once it has ended.
    pub elapsed_ms: Option<f64>,
}

#[derive(Clone, Debug)]
struct JobInHand {
    id: u64,
    revision: u64,
    job: Job,
    base: Scenario,
    base_run: Rc<Summary>,
    started_ms: f64,
    /// When its last result came (once it has ended); the page is told of the end once.
    ended_ms: Option<f64>,
}

/// An order a worker is working on, and when it was sent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InFlight {
    pub order: OrderId,
    pub since_ms: f64,
    /// How long it may take before the worker is taken as stopped.
    pub allowance_ms: f64,
}

/// An order to send somewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub order: OrderId,
    pub base: Scenario,
    pub scenario: Scenario,
}

/// What happened to the job when a result came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Taken {
    /// Not the job in hand (a dropped job's late answer): nothing changed.
    Ignored,
    /// The job moved on.
    Progress,
    /// The job's last result: it has ended.
    Ended,
}

#[derive(Clone, Debug, Default)]
pub(super) struct AnalysisQueue {
    next_job: u64,
    job: Option<JobInHand>,
    /// Per worker, the order it is working on.
    in_flight: Vec<Option<InFlight>>,
    /// Workers that could not read an order: they get none again.
    refusing: Vec<bool>,
    /// The order handed to the page's thread and not yet back.
    on_page: Option<OrderId>,
}

/// How long an order may take: two runs' allowance (the worker runs the job's base once, then
/// the order's scenario).
fn allowance_ms(order: &Outgoing) -> f64 {
    super::stall_limit_ms(&order.base) + super::stall_limit_ms(&order.scenario)
}

impl AnalysisQueue {
    pub fn new(workers: u32) -> AnalysisQueue {
        AnalysisQueue {
            next_job: 1,
            job: None,
            in_flight: vec![None; workers as usize],
            refusing: vec![false; workers as usize],
            on_page: None,
        }
    }

    /// Starts `kind` for `base` (revision `revision`), whose full run is `base_run`; the job in
    /// hand, if any, is dropped (its late answers are ignored). A job that needs no run (a
    /// level already reached) has ended at once.
    pub fn start(
        &mut self,
        kind: JobKind,
        base: &Scenario,
        base_run: Rc<Summary>,
        revision: u64,
        now_ms: f64,
    ) -> Taken {
        let id = self.next_job;
        self.next_job += 1;
        let job = Job::new(kind, base, &base_run);
        let done = job.is_done();
        self.job = Some(JobInHand {
            id,
            revision,
            job,
            base: base.clone(),
            base_run,
            started_ms: now_ms,
            ended_ms: done.then_some(now_ms),
        });
        if done {
            Taken::Ended
        } else {
            Taken::Progress
        }
    }

    /// Drops the job in hand; its orders in flight run to their end and are ignored.
    pub fn cancel(&mut self) {
        self.job = None;
    }

    /// Whether a job for `revision` is in hand (running or ended).
    pub fn has_job_for(&self, revision: u64) -> bool {
        self.job
            .as_ref()
            .is_some_and(|job| job.revision == revision)
    }

    pub fn view(&self) -> Option<AnalysisView> {
        self.job.as_ref().map(|job| AnalysisView {
            revision: job.revision,
            job: job.job.clone(),
            elapsed_ms: job.ended_ms.map(|ended| ended - job.started_ms),
        })
    }

    /// Whether worker `worker` is working on an order.
    pub fn is_busy(&self, worker: u32) -> bool {
        matches!(self.in_flight.get(worker as usize), Some(Some(_)))
    }

    /// The orders in flight, by worker.
    pub fn in_flight(&self) -> impl Iterator<Item = (u32, InFlight)> + '_ {
        self.in_flight
            .iter()
            .enumerate()
            .filter_map(|(worker, order)| order.map(|order| (worker as u32, order)))
    }

    /// The next order for worker `worker`, which is free, if the job has one; it is in flight
    /// from now on.
    pub fn next_for(&mut self, worker: u32, now_ms: f64) -> Option<Outgoing> {
        if self.refusing.get(worker as usize).copied().unwrap_or(true) || self.is_busy(worker) {
            return None;
        }
        let outgoing = self.next_order()?;
        self.in_flight[worker as usize] = Some(InFlight {
            order: outgoing.order,
            since_ms: now_ms,
            allowance_ms: allowance_ms(&outgoing),
        });
        Some(outgoing)
    }

    /// The next order for the page's thread, when none is there already (one at a time: the
    /// page draws between them). Also the base run the page pairs it with.
    pub fn next_on_page(&mut self) -> Option<(Outgoing, Rc<Summary>)> {
        if self.on_page.is_some() {
            return None;
        }
        let outgoing = self.next_order()?;
        self.on_page = Some(outgoing.order);
        let base_run = self.job.as_ref()?.base_run.clone();
        Some((outgoing, base_run))
    }

    fn next_order(&mut self) -> Option<Outgoing> {
        let job = self.job.as_mut()?;
        let Order { item, scenario } = job.job.next_orders(1).pop()?;
        Some(Outgoing {
            order: OrderId {
                job: job.id,
                item: item as u32,
            },
            base: job.base.clone(),
            scenario,
        })
    }

    /// Whether every usable worker refuses orders (the page's thread must take them).
    pub fn all_refusing(&self) -> bool {
        self.refusing.iter().all(|&refusing| refusing)
    }

    /// Worker `worker` answered `order`. An answer for another order than the one it holds is
    /// taken as that order lost: it is handed out again.
    pub fn answered(
        &mut self,
        worker: u32,
        order: OrderId,
        changes: Vec<PairedChange>,
        now_ms: f64,
    ) -> Taken {
        let Some(held) = self
            .in_flight
            .get_mut(worker as usize)
            .and_then(Option::take)
        else {
            return Taken::Ignored;
        };
        if held.order != order {
            return self.lost(held.order);
        }
        self.take(order, changes, now_ms)
    }

    /// The page's thread ran `order`.
    pub fn answered_on_page(
        &mut self,
        order: OrderId,
        changes: Vec<PairedChange>,
        now_ms: f64,
    ) -> Taken {
        if self.on_page != Some(order) {
            return Taken::Ignored;
        }
        self.on_page = None;
        self.take(order, changes, now_ms)
    }

    /// Worker `worker` could not read what it was sent: its order (if any) goes to another, and
    /// it gets no more orders.
    pub fn refused(&mut self, worker: u32) {
        if let Some(refusing) = self.refusing.get_mut(worker as usize) {
            *refusing = true;
        }
        if let Some(held) = self
            .in_flight
            .get_mut(worker as usize)
            .and_then(Option::take)
        {
            self.lost(held.order);
        }
    }

    /// Every worker is gone (stopped by the pool): their orders go to the page's thread.
    pub fn workers_gone(&mut self) {
        let held: Vec<OrderId> = self
            .in_flight
            .iter_mut()
            .filter_map(Option::take)
            .map(|held| held.order)
            .collect();
        for order in held {
            self.lost(order);
        }
        self.refusing
            .iter_mut()
            .for_each(|refusing| *refusing = true);
    }

    /// An order that will not come back: handed out again if its job is in hand.
    fn lost(&mut self, order: OrderId) -> Taken {
        match self.job.as_mut() {
            Some(job) if job.id == order.job => {
                job.job.resend(order.item as usize);
                Taken::Progress
            }
            _ => Taken::Ignored,
        }
    }

    fn take(&mut self, order: OrderId, changes: Vec<PairedChange>, now_ms: f64) -> Taken {
        let Some(job) = self.job.as_mut().filter(|job| job.id == order.job) else {
            return Taken::Ignored;
        };
        job.job.observe(order.item as usize, changes);
        if job.ended_ms.is_none() && job.job.is_done() {
            job.ended_ms = Some(now_ms);
            Taken::Ended
        } else {
            Taken::Progress
        }
    }
}
