//! The one protocol between the page and its engine workers, and between workers: typed
//! messages (serde enums) encoded with postcard, so that both sides read and write the same
//! types and nothing is looked up by a string key. Free of browser APIs and tested natively;
//! [`wire`] (wasm32 only) puts the bytes into the browser's message objects and takes them out,
//! for `worker.rs` and `ui/engine/worker_pool.rs` alike.
//!
//! What cannot travel as bytes travels beside them in the same message object: a worker's port
//! to a peer ([`ToWorker::Connect`]) and the values of a slice ([`SliceHeader`]), a
//! `Float64Array` whose buffer is transferred, not copied. On the wire every message is an
//! object `{ bytes: Uint8Array, port?: MessagePort, values?: Float64Array }` ([`BYTES`],
//! [`PORT`], [`VALUES`]).
//!
//! Decoding never panics and never trusts: a [`Scenario`] is checked value by value as a link is
//! (its `Deserialize`), and a message that does not decode is an error the receiver answers
//! ([`FromWorker::Refused`]) or routes into the pool's recovery.

#[cfg(target_arch = "wasm32")]
pub mod wire;

use crate::analysis::jobs::OrderId;
use crate::analysis::PairedChange;
use crate::engine::split::PartSummary;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// The field of a message object that holds the encoded message.
pub const BYTES: &str = "bytes";
/// The field that holds a transferred `MessagePort` ([`ToWorker::Connect`]).
pub const PORT: &str = "port";
/// The field that holds a slice's values, a transferred `Float64Array`.
pub const VALUES: &str = "values";

/// From the page to a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// The port (beside the bytes) to worker `peer`, for the yearly slices of split runs.
    Connect { peer: u32 },
    /// Part `part` of `parts` of run `run`.
    Run {
        run: u64,
        part: u32,
        parts: u32,
        scenario: Box<Scenario>,
    },
    /// One run of an analysis: `scenario` paired with the run of `base` (which the worker keeps
    /// from one order to the next).
    Analyse {
        order: OrderId,
        base: Box<Scenario>,
        scenario: Box<Scenario>,
    },
}

/// Why a worker could not do what it was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The message did not decode (or was not one of ours).
    Unreadable,
    /// A part that does not fit its run (`part >= parts`, or more parts than the run allows).
    BadPart,
    /// A part has no port to a peer it must send its slices to.
    NoPeer,
    /// A slice could not be sent to a peer.
    SendFailed,
}

/// From a worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The handlers are in place.
    Loaded,
    /// The worker's part of a run (the summary names its run and part; the page times the run
    /// itself).
    Done { summary: PartSummary },
    /// The worker could not do its part of run `run` (`None`: the request itself did not
    /// decode); the page recovers at once rather than wait for a timeout.
    Refused { run: Option<u64>, why: Refusal },
    /// An analysis order's paired changes: every measure's, in the order of
    /// `Measure::all`.
    Analysed {
        order: OrderId,
        changes: Vec<PairedChange>,
    },
}

/// From a worker to a peer: which step of which run the values beside it are, and whose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceHeader {
    pub run: u64,
    pub step: u32,
    pub from: u32,
}

/// Why a message could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an engine message could not be read: {}", self.0)
    }
}

/// A message as bytes. Encoding our own types into a growing buffer cannot fail; should the
/// codec ever say otherwise, the empty message that results is refused by the receiver, which
/// the recovery handles.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    postcard::to_allocvec(message).unwrap_or_default()
}

/// A message from bytes: every byte used, every scenario checked.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DecodeError> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((message, [])) => Ok(message),
        Ok((_, rest)) => Err(DecodeError(format!("{} bytes left over", rest.len()))),
        Err(error) => Err(DecodeError(error.to_string())),
    }
}
