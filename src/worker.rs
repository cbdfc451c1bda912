//! The engine behind a Web Worker. The page sends a part of a run; the parts of one run
//! exchange each year's values directly over message ports, with the buffers transferred, not
//! copied; each part sends the page only its
//! [`PartSummary`](crate::engine::split::PartSummary) (a few kilobytes), so the page's
//! thread never waits on a run. Every message is one of [`crate::protocol`]'s, as bytes;
//! anything this worker cannot do it says ([`FromWorker::Refused`]), so that the page recovers
//! at once instead of waiting for a timeout.

use crate::analysis::jobs::OrderId;
use crate::engine::split::{BadPart, Outgoing, PartWorker, Slice};
use crate::engine::Summary;
use crate::protocol::wire::{envelope, field, opened};
use crate::protocol::{FromWorker, Refusal, SliceHeader, ToWorker, PORT, VALUES};
use crate::scenario::Scenario;
use js_sys::{Array, Float64Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, MessagePort};

#[derive(Default)]
struct WorkerState {
    parts: PartWorker,
    /// The ports to the other workers, by part.
    peers: Vec<Option<MessagePort>>,
}

thread_local! {
    static STATE: RefCell<WorkerState> = RefCell::new(WorkerState::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// A fresh worker's first full run took 3–4× as long as its later ones: V8 first runs wasm from
/// a quick baseline compile and optimises what runs often in the background. So a worker warms
/// up while the page is busy loading: small runs to the furthest horizon (every year's code),
/// one per task, so that a real run waits for one of them at most; the first real request ends
/// the warm-up (it warms the engine as well). docs/BENCHMARKS.md, run 6, says what it gave.
const WARM_UP_RUNS: u32 = 8;
const WARM_UP_PATHS: f64 = 250.0;

thread_local! {
    static WARM_UP_LEFT: std::cell::Cell<u32> = const { std::cell::Cell::new(WARM_UP_RUNS) };
}

fn warm_up_step() {
    let left = WARM_UP_LEFT.get();
    if left == 0 {
        return;
    }
    WARM_UP_LEFT.set(left - 1);
    use crate::scenario::Param;
    let scenario = Scenario::default()
        .with(Param::Paths, WARM_UP_PATHS)
        .and_then(|s| s.with(Param::Horizon, f64::from(crate::plan::LAST_HORIZON_YEAR)));
    if let Ok(scenario) = scenario {
        std::hint::black_box(crate::engine::run(&scenario));
    }
    gloo::timers::callback::Timeout::new(0, warm_up_step).forget();
}

/// Installs the handlers, tells the page the worker is ready, and warms up until asked for work.
pub fn start() {
    let on_page_message =
        Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| on_page_message(event.data()));
    scope().set_onmessage(Some(on_page_message.as_ref().unchecked_ref()));
    on_page_message.forget();
    // Cannot fail in a worker; if it did, the page's watchdog takes this worker as failed.
    tell_page(&FromWorker::Loaded);
    gloo::timers::callback::Timeout::new(0, warm_up_step).forget();
}

/// Sends the page `message`; if even that fails there is no one to tell but the console (the
/// page's watchdog then takes this worker as failed).
fn tell_page(message: &FromWorker) {
    if scope().post_message(&envelope(message, &[])).is_err() {
        web_sys::console::error_1(&"an engine worker could not reach the page".into());
    }
}

fn on_page_message(data: JsValue) {
    let message = match opened::<ToWorker>(&data) {
        Ok(message) => message,
        Err(_) => {
            WARM_UP_LEFT.set(0);
            tell_page(&FromWorker::Refused {
                run: None,
                why: Refusal::Unreadable,
            });
            return;
        }
    };
    if !matches!(message, ToWorker::Connect { .. }) {
        WARM_UP_LEFT.set(0);
    }
    match message {
        ToWorker::Connect { peer } => {
            let Ok(port) = field(&data, PORT).dyn_into::<MessagePort>() else {
                // No port: this worker cannot reach that peer; a split run that needs it is
                // refused when it starts (`Refusal::NoPeer`).
                return;
            };
            let on_slice = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
                if let Some(slice) = decode_slice(&event.data()) {
                    STATE.with_borrow_mut(|state| {
                        let out = state.parts.receive(slice);
                        state.send(out);
                    });
                }
            });
            port.set_onmessage(Some(on_slice.as_ref().unchecked_ref()));
            on_slice.forget();
            STATE.with_borrow_mut(|state| {
                let index = peer as usize;
                if index >= state.peers.len() {
                    state.peers.resize(index + 1, None);
                }
                state.peers[index] = Some(port);
            });
        }
        ToWorker::Run {
            run,
            part,
            parts,
            scenario,
        } => STATE.with_borrow_mut(|state| {
            let peers_missing = (0..parts).any(|peer| {
                peer != part && !matches!(state.peers.get(peer as usize), Some(Some(_)))
            });
            if parts > 1 && peers_missing {
                tell_page(&FromWorker::Refused {
                    run: Some(run),
                    why: Refusal::NoPeer,
                });
                return;
            }
            match state.parts.start(run, &scenario, part, parts) {
                Ok(out) => state.send(out),
                Err(BadPart) => tell_page(&FromWorker::Refused {
                    run: Some(run),
                    why: Refusal::BadPart,
                }),
            }
        }),
        ToWorker::Analyse {
            order,
            base,
            scenario,
        } => analyse(order, *base, &scenario),
    }
}

thread_local! {
    /// The base run of the analysis in hand: every order of a job pairs with the same one.
    static ANALYSIS_BASE: RefCell<Option<(Scenario, Summary)>> = const { RefCell::new(None) };
}

/// One run of an analysis (`docs/ARCHITECTURE.md`): runs the scenario (and the base, unless it
/// is the one in hand), pairs the two and answers with every measure's paired change.
fn analyse(order: OrderId, base: Scenario, scenario: &Scenario) {
    let changes = ANALYSIS_BASE.with_borrow_mut(|cached| {
        let base_run = match cached.take() {
            Some((known, run)) if known == base => run,
            _ => crate::engine::run(&base),
        };
        let changes = crate::analysis::all_changes(&base_run, &crate::engine::run(scenario));
        *cached = Some((base, base_run));
        changes
    });
    tell_page(&FromWorker::Analysed { order, changes });
}

impl WorkerState {
    fn send(&self, out: Vec<Outgoing>) {
        for outgoing in out {
            match outgoing {
                Outgoing::Slice { to, slice } => {
                    let sent = match self.peers.get(to as usize) {
                        Some(Some(port)) => {
                            let values = Float64Array::from(slice.values.as_slice());
                            let header = SliceHeader {
                                run: slice.run,
                                step: slice.step,
                                from: slice.from,
                            };
                            let message = envelope(&header, &[(VALUES, values.clone().into())]);
                            port.post_message_with_transferable(
                                &message,
                                &Array::of1(&values.buffer()),
                            )
                            .is_ok()
                        }
                        _ => false,
                    };
                    if !sent {
                        // The peer waits for this slice in vain: say so, the page reruns.
                        tell_page(&FromWorker::Refused {
                            run: Some(slice.run),
                            why: Refusal::SendFailed,
                        });
                    }
                }
                Outgoing::Done(summary) => tell_page(&FromWorker::Done { summary }),
            }
        }
    }
}

fn decode_slice(data: &JsValue) -> Option<Slice> {
    let header: SliceHeader = opened(data).ok()?;
    Some(Slice {
        run: header.run,
        step: header.step,
        from: header.from,
        values: field(data, VALUES)
            .dyn_into::<Float64Array>()
            .ok()?
            .to_vec(),
    })
}
