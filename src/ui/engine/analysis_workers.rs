//! The analyses' own workers (the same engine script as the runs'): each takes one order at a
//! time, so a job spreads over all of them and a cancelled job ends within one run. Workers are
//! spawned on the first analysis. A worker that fails hands its order back; with no worker
//! left, orders run on the page's thread, one per task, so the page stays responsive.

use crate::analysis::jobs::{Job, JobKind};
use crate::analysis::{all_changes, PairedChange};
use crate::engine::{self, Summary};
use crate::protocol::{FromWorker, ToWorker};
use crate::scenario::Scenario;
use crate::ui::engine::worker_pool::spawn_worker;
use crate::worker::{envelope, opened};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker};

/// How long workers may take to load before their share of the work runs on the page's thread.
const LOAD_LIMIT_MS: u32 = 10_000;

/// What the panel shows of the job in hand (or the last one).
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisView {
    /// The scenario revision the job is for.
    pub revision: u64,
    pub job: Job,
    /// Milliseconds from start to the last result, once done.
    pub elapsed_ms: Option<f64>,
}

struct Slot {
    worker: Worker,
    loaded: bool,
    dead: bool,
    /// The order in flight: (job id, item).
    busy: Option<(u64, usize)>,
}

struct Current {
    id: u64,
    revision: u64,
    /// Whether `on_done` has been told of this job's end.
    reported: bool,
    job: Job,
    base_run: Rc<Summary>,
    base: Scenario,
    started_ms: f64,
}

pub struct Runner {
    slots: Vec<Slot>,
    current: Option<Current>,
    next_id: u64,
    /// Set while an order runs on the page's thread (no worker could).
    in_thread_pending: bool,
    /// Told of every change (the panel that shows progress), when one watches.
    on_view: Option<Rc<dyn Fn(Option<AnalysisView>)>>,
    /// Told once when a job ends (the page: the outlook's lever, the last tornado).
    on_done: Rc<dyn Fn(AnalysisView)>,
    me: Weak<RefCell<Runner>>,
}

/// A shared handle to the runner, compared by identity (for component properties).
#[derive(Clone)]
pub struct RunnerHandle(pub Rc<RefCell<Runner>>);

impl PartialEq for RunnerHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An order's id in messages: the job's id and the item, in one number below 2⁵³.
fn order_id(job: u64, item: usize) -> u64 {
    job * 100_000 + item as u64
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

impl Runner {
    pub fn new(on_done: Rc<dyn Fn(AnalysisView)>) -> Rc<RefCell<Runner>> {
        Rc::new_cyclic(|me| {
            RefCell::new(Runner {
                slots: Vec::new(),
                current: None,
                next_id: 1,
                in_thread_pending: false,
                on_view: None,
                on_done,
                me: me.clone(),
            })
        })
    }

    /// Sets (or, with `None`, clears) who is told of every change; tells it the present state.
    pub fn watch(runner: &Rc<RefCell<Runner>>, on_view: Option<Rc<dyn Fn(Option<AnalysisView>)>>) {
        runner.borrow_mut().on_view = on_view;
        Runner::publish(runner);
    }

    /// How many analysis workers: one per core, up to four.
    fn wanted_workers() -> usize {
        let cores = gloo::utils::window().navigator().hardware_concurrency();
        (cores as usize).clamp(1, 4)
    }

    fn spawn(&mut self) {
        if !self.slots.is_empty() {
            return;
        }
        for index in 0..Self::wanted_workers() {
            let Ok(worker) = spawn_worker("./worker.js") else {
                continue;
            };
            let me = self.me.clone();
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(runner) = me.upgrade() {
                    Runner::on_message(&runner, index, &event.data());
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            let me = self.me.clone();
            let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
                event.prevent_default();
                if let Some(runner) = me.upgrade() {
                    Runner::on_failure(&runner, index);
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
            self.slots.push(Slot {
                worker,
                loaded: false,
                dead: false,
                busy: None,
            });
        }
    }

    /// Starts `kind` for `base` (revision `revision`), whose full run is `base_run`; the job in
    /// hand, if any, is dropped.
    pub fn start(
        runner: &Rc<RefCell<Runner>>,
        kind: JobKind,
        base: &Scenario,
        base_run: &Rc<Summary>,
        revision: u64,
    ) {
        {
            let mut this = runner.borrow_mut();
            if this.slots.is_empty() {
                this.spawn();
                // Workers that have not loaded by then never will: their share runs here.
                let me = this.me.clone();
                gloo::timers::callback::Timeout::new(LOAD_LIMIT_MS, move || {
                    if let Some(runner) = me.upgrade() {
                        for slot in runner.borrow_mut().slots.iter_mut().filter(|s| !s.loaded) {
                            slot.dead = true;
                        }
                        Runner::pump(&runner);
                    }
                })
                .forget();
            }
            let id = this.next_id;
            this.next_id += 1;
            this.current = Some(Current {
                id,
                revision,
                reported: false,
                job: Job::new(kind, base, base_run),
                base_run: base_run.clone(),
                base: base.clone(),
                started_ms: now_ms(),
            });
        }
        Runner::publish(runner);
        Runner::pump(runner);
    }

    /// Whether a job for `revision` is in hand (running or done).
    pub fn has_job_for(runner: &Rc<RefCell<Runner>>, revision: u64) -> bool {
        runner
            .borrow()
            .current
            .as_ref()
            .is_some_and(|current| current.revision == revision)
    }

    /// Drops the job in hand (its late results are ignored).
    pub fn cancel(runner: &Rc<RefCell<Runner>>) {
        runner.borrow_mut().current = None;
        Runner::publish(runner);
    }

    fn publish(runner: &Rc<RefCell<Runner>>) {
        let (view, on_view, done) = {
            let mut this = runner.borrow_mut();
            let view = this.current.as_ref().map(|current| AnalysisView {
                revision: current.revision,
                job: current.job.clone(),
                elapsed_ms: current.job.is_done().then(|| now_ms() - current.started_ms),
            });
            // The page hears of a job once, when it ends; the panel of every step.
            let done = match this.current.as_mut() {
                Some(current) if current.job.is_done() && !current.reported => {
                    current.reported = true;
                    view.clone().map(|view| (view, this.on_done.clone()))
                }
                _ => None,
            };
            (view, this.on_view.clone(), done)
        };
        if let Some((view, on_done)) = done {
            on_done(view);
        }
        if let Some(on_view) = on_view {
            on_view(view);
        }
    }

    /// Hands out orders to free workers, or to the page's thread when no worker is left.
    fn pump(runner: &Rc<RefCell<Runner>>) {
        let mut this = runner.borrow_mut();
        let Runner { slots, current, .. } = &mut *this;
        let Some(current) = current.as_mut() else {
            return;
        };
        for slot in slots
            .iter_mut()
            .filter(|s| s.loaded && !s.dead && s.busy.is_none())
        {
            let Some(order) = current.job.next_orders(1).pop() else {
                break;
            };
            let sent = slot.worker.post_message(&envelope(
                &ToWorker::Analyse {
                    order: order_id(current.id, order.item),
                    base: Box::new(current.base.clone()),
                    scenario: Box::new(order.scenario),
                },
                &[],
            ));
            if sent.is_ok() {
                slot.busy = Some((current.id, order.item));
            } else {
                slot.dead = true;
                current.job.resend(order.item);
            }
        }
        let usable = slots.iter().any(|s| !s.dead);
        if !usable && !this.in_thread_pending {
            this.in_thread_pending = true;
            let me = this.me.clone();
            // One order per task: the page draws between them.
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(runner) = me.upgrade() {
                    Runner::run_one_here(&runner);
                }
            })
            .forget();
        }
    }

    fn run_one_here(runner: &Rc<RefCell<Runner>>) {
        let order = {
            let mut this = runner.borrow_mut();
            this.in_thread_pending = false;
            let Some(current) = this.current.as_mut() else {
                return;
            };
            current
                .job
                .next_orders(1)
                .pop()
                .map(|order| (current.id, order, current.base_run.clone()))
        };
        let Some((id, order, base_run)) = order else {
            return;
        };
        let changes = all_changes(&base_run, &engine::run(&order.scenario));
        Runner::take(runner, id, order.item, Some(changes));
    }

    fn take(
        runner: &Rc<RefCell<Runner>>,
        id: u64,
        item: usize,
        changes: Option<Vec<PairedChange>>,
    ) {
        {
            let mut this = runner.borrow_mut();
            if let Some(current) = this.current.as_mut().filter(|c| c.id == id) {
                match changes {
                    Some(changes) => current.job.observe(item, changes),
                    None => current.job.resend(item),
                }
            }
        }
        Runner::publish(runner);
        Runner::pump(runner);
    }

    fn on_message(runner: &Rc<RefCell<Runner>>, index: usize, data: &JsValue) {
        match opened::<FromWorker>(data) {
            Ok(FromWorker::Loaded) => {
                if let Some(slot) = runner.borrow_mut().slots.get_mut(index) {
                    slot.loaded = true;
                }
                Runner::pump(runner);
            }
            Ok(FromWorker::Analysed { order, changes }) => {
                let busy = runner
                    .borrow_mut()
                    .slots
                    .get_mut(index)
                    .and_then(|slot| slot.busy.take());
                let Some((id, item)) = busy else {
                    return;
                };
                if order_id(id, item) != order {
                    // Not the order in hand: hand that one out again.
                    Runner::take(runner, id, item, None);
                    return;
                }
                Runner::take(runner, id, item, changes);
            }
            // Split runs are not this pool's work.
            Ok(FromWorker::Done { .. }) => {}
            // A worker that cannot read our orders, or whose answers we cannot read, is of no
            // use: its order goes to the others (or to the page's thread).
            Ok(FromWorker::Refused { .. }) | Err(_) => Runner::on_failure(runner, index),
        }
    }

    fn on_failure(runner: &Rc<RefCell<Runner>>, index: usize) {
        let busy = {
            let mut this = runner.borrow_mut();
            let Some(slot) = this.slots.get_mut(index) else {
                return;
            };
            slot.dead = true;
            slot.busy.take()
        };
        web_sys::console::warn_1(&"an analysis worker failed; its work is handed out again".into());
        match busy {
            Some((id, item)) => Runner::take(runner, id, item, None),
            None => Runner::pump(runner),
        }
    }
}
