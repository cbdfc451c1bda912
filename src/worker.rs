//! The engine behind a Web Worker. The page sends a part of a run (the scenario, bincode-encoded,
//! and which part); the parts of one run exchange each year's values directly over message
//! ports, with the buffers transferred, not copied; each part sends the page only its
//! [`PartSummary`] (a few kilobytes), so the page's thread never waits on a run.
//!
//! Messages are plain objects with a `kind`:
//! - page → worker: `connect {peer, port}`, `run {run, part, parts, scenario}`, and for the
//!   analyses (`ui/analysis_workers.rs`) `analyse {order, base, scenario}`;
//! - worker → page: `loaded {}` (once the handlers are in place), `done {run, part, summary,
//!   engine_ms}`, `analysed {order, changes}`;
//! - worker → worker: `slice {run, step, from, values}` (a `Float64Array`).

use crate::engine::split::{Outgoing, PartSummary, PartWorker, Slice};
use crate::engine::Summary;
use crate::scenario::Scenario;
use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, MessagePort};

/// Builds a message object from `(field, value)` pairs.
pub fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&object, &key.into(), value).is_ok();
    set("kind", &kind.into());
    for (key, value) in fields {
        set(key, value);
    }
    object.into()
}

/// A field of a message object (`undefined` when absent).
pub fn field(message: &JsValue, key: &str) -> JsValue {
    Reflect::get(message, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A whole-number field, `None` unless it is a non-negative integer.
pub fn whole_field(message: &JsValue, key: &str) -> Option<u64> {
    field(message, key)
        .as_f64()
        .filter(|value| value.fract() == 0.0 && *value >= 0.0 && *value < 2f64.powi(53))
        .map(|value| value as u64)
}

pub fn field_bytes(message: &JsValue, key: &str) -> Option<Vec<u8>> {
    field(message, key)
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|bytes| bytes.to_vec())
}

/// Milliseconds from the worker's time origin.
fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|scope| scope.performance())
        .map_or(0.0, |performance| performance.now())
}

#[derive(Default)]
struct WorkerState {
    parts: PartWorker,
    /// The ports to the other workers, by part.
    peers: Vec<Option<MessagePort>>,
    /// When the current run started here.
    started_ms: f64,
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
    // Cannot fail in a worker; if it did, the page would wait for the worker forever, so say so.
    if scope().post_message(&message("loaded", &[])).is_err() {
        web_sys::console::error_1(&"the engine worker could not reach the page".into());
    }
    gloo::timers::callback::Timeout::new(0, warm_up_step).forget();
}

fn on_page_message(data: JsValue) {
    let kind = field(&data, "kind").as_string();
    if matches!(kind.as_deref(), Some("run" | "analyse")) {
        WARM_UP_LEFT.set(0);
    }
    match kind.as_deref() {
        Some("connect") => {
            let (Some(peer), Ok(port)) = (
                whole_field(&data, "peer"),
                field(&data, "port").dyn_into::<MessagePort>(),
            ) else {
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
        Some("run") => {
            let (Some(run), Some(part), Some(parts), Some(bytes)) = (
                whole_field(&data, "run"),
                whole_field(&data, "part").and_then(|part| u32::try_from(part).ok()),
                whole_field(&data, "parts").and_then(|parts| u32::try_from(parts).ok()),
                field_bytes(&data, "scenario"),
            ) else {
                return;
            };
            let Ok(scenario) = bincode::deserialize::<Scenario>(&bytes) else {
                return;
            };
            STATE.with_borrow_mut(|state| {
                state.started_ms = now_ms();
                let out = state.parts.start(run, &scenario, part, parts);
                state.send(out);
            });
        }
        Some("analyse") => analyse(&data),
        _ => {}
    }
}

thread_local! {
    /// The base run of the analysis in hand: every order of a job pairs with the same one.
    static ANALYSIS_BASE: RefCell<Option<(Scenario, Summary)>> = const { RefCell::new(None) };
}

/// One run of an analysis (`docs/ARCHITECTURE.md`): `analyse {order, base, scenario}` runs the
/// scenario (and the base, unless it is the one in hand), pairs the two and answers `analysed
/// {order, changes}` (every measure's paired change, bincode), or `analysed {order}` without
/// changes when the message could not be read, so that the page hands the order out again.
fn analyse(data: &JsValue) {
    let Some(order) = whole_field(data, "order") else {
        return;
    };
    let decode = |key| {
        field_bytes(data, key).and_then(|bytes| bincode::deserialize::<Scenario>(&bytes).ok())
    };
    let changes = match (decode("base"), decode("scenario")) {
        (Some(base), Some(scenario)) => ANALYSIS_BASE.with_borrow_mut(|cached| {
            if cached.as_ref().is_none_or(|(known, _)| *known != base) {
                let run = crate::engine::run(&base);
                *cached = Some((base, run));
            }
            let (_, base_run) = cached.as_ref()?;
            let changes = crate::analysis::all_changes(base_run, &crate::engine::run(&scenario));
            bincode::serialize(&changes).ok()
        }),
        _ => None,
    };
    let mut fields = vec![("order", (order as f64).into())];
    if let Some(bytes) = changes {
        fields.push(("changes", Uint8Array::from(bytes.as_slice()).into()));
    }
    if scope().post_message(&message("analysed", &fields)).is_err() {
        web_sys::console::error_1(&"an analysis result could not be sent".into());
    }
}

impl WorkerState {
    fn send(&self, out: Vec<Outgoing>) {
        for outgoing in out {
            match outgoing {
                Outgoing::Slice { to, slice } => {
                    if let Some(Some(port)) = self.peers.get(to as usize) {
                        let values = Float64Array::from(slice.values.as_slice());
                        let message = message(
                            "slice",
                            &[
                                ("run", (slice.run as f64).into()),
                                ("step", slice.step.into()),
                                ("from", slice.from.into()),
                                ("values", values.clone().into()),
                            ],
                        );
                        let transfer = Array::of1(&values.buffer());
                        if port
                            .post_message_with_transferable(&message, &transfer)
                            .is_err()
                        {
                            web_sys::console::error_1(&"a slice could not be sent".into());
                        }
                    }
                }
                Outgoing::Done(summary) => self.send_done(&summary),
            }
        }
    }

    fn send_done(&self, summary: &PartSummary) {
        let Ok(bytes) = bincode::serialize(summary) else {
            return;
        };
        let message = message(
            "done",
            &[
                ("run", (summary.run as f64).into()),
                ("part", summary.part.into()),
                ("summary", Uint8Array::from(bytes.as_slice()).into()),
                ("engine_ms", (now_ms() - self.started_ms).into()),
            ],
        );
        if scope().post_message(&message).is_err() {
            web_sys::console::error_1(&"a result could not be sent".into());
        }
    }
}

fn decode_slice(data: &JsValue) -> Option<Slice> {
    if field(data, "kind").as_string().as_deref() != Some("slice") {
        return None;
    }
    Some(Slice {
        run: whole_field(data, "run")?,
        step: u32::try_from(whole_field(data, "step")?).ok()?,
        from: u32::try_from(whole_field(data, "from")?).ok()?,
        values: field(data, "values")
            .dyn_into::<Float64Array>()
            .ok()?
            .to_vec(),
    })
}
