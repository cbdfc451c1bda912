//! What crosses between the state and the engine: requests, responses, and the result kept on
//! screen.

use crate::engine::Summary;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precision {
    Preview,
    Full,
}

impl Precision {
    pub fn key(self) -> &'static str {
        match self {
            Precision::Preview => "preview",
            Precision::Full => "full",
        }
    }
}

/// Which scenario a run is for: the one on screen, or the baseline it is compared with (the
/// pinned A, or the plan's own scenario until one is pinned).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunRole {
    Current,
    Baseline,
}

/// Which run: the role, the revision of that role's scenario, and the precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunKey {
    pub role: RunRole,
    pub revision: u64,
    pub precision: Precision,
}

/// What the engine is asked to run: small and serialisable, it crosses to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    pub key: RunKey,
    pub scenario: Scenario,
}

/// What comes back: the summary and how long the engine took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunResponse {
    pub key: RunKey,
    pub summary: Summary,
    /// From the request leaving the page to the merged summary.
    pub engine_ms: f64,
    /// Workers the run was split over (1 on the page's thread).
    pub workers: u32,
}

/// A result kept for drawing.
#[derive(Clone, Debug)]
pub struct RunResult {
    pub revision: u64,
    pub precision: Precision,
    pub summary: Rc<Summary>,
    /// The summary's fingerprint, computed once (it hashes every number).
    pub fingerprint: u64,
    pub engine_ms: f64,
    pub workers: u32,
}

/// Two results are the same when they hold the same summary object: comparing summaries number
/// by number (kilobytes, on every action of the reducer) would be wasted work.
impl PartialEq for RunResult {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.precision == other.precision
            && Rc::ptr_eq(&self.summary, &other.summary)
            && self.engine_ms == other.engine_ms
            && self.workers == other.workers
    }
}

impl RunResult {
    pub fn from_response(response: &RunResponse) -> RunResult {
        RunResult {
            revision: response.key.revision,
            precision: response.key.precision,
            summary: Rc::new(response.summary.clone()),
            fingerprint: response.summary.fingerprint(),
            engine_ms: response.engine_ms,
            workers: response.workers,
        }
    }
}
