//! What in a link could not be used as written: the notices name it.

use super::MAX_ISSUES;
use crate::scenario::observed::{ObservationError, Unused};
use crate::scenario::{TargetError, ValueError};

/// Something in a link that could not be used as written; the UI names it in a notice.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkIssue {
    UnknownKey(String),
    InvalidValue {
        key: String,
        text: String,
        error: ValueError,
        /// The value used instead (the preset's, or the default).
        used: f64,
    },
    /// A preset, target or language that does not exist.
    UnknownName {
        key: String,
        text: String,
    },
    /// A key given more than once: the last value is used.
    Duplicate {
        key: String,
        used: String,
    },
    /// `v=` with a later model version than this build's.
    NewerVersion(String),
    /// A scenario made with an older model version (`Some`), or that does not say which.
    OlderVersion(Option<String>),
    /// The link was written with a checksum, which is missing: it was probably cut off.
    ChecksumMissing,
    /// The checksum does not match: the link was cut off or altered.
    ChecksumMismatch,
    /// An observation (`o.<series>.<year>`) whose key names no series or year.
    UnknownObservation(String),
    /// An observation whose value cannot be used: it is left out.
    BadObservation {
        key: String,
        text: String,
        error: ObservationError,
    },
    /// Observations the run does not use (after a gap, past the horizon).
    ObservationUnused(Unused),
    /// A target of one's own (`t.<name>`) that cannot be used: it is left out.
    BadTarget {
        key: String,
        text: String,
        error: TargetError,
    },
    /// A target of one's own judged after the horizon: the horizon was extended to its year.
    HorizonExtended {
        key: String,
        year: i32,
    },
    /// More issues than [`MAX_ISSUES`]; this many more were not listed.
    More(usize),
}

/// The issues once each, at most [`MAX_ISSUES`] lines with the last saying how many more.
pub(super) fn cap(mut issues: Vec<LinkIssue>) -> Vec<LinkIssue> {
    let mut seen: Vec<LinkIssue> = Vec::with_capacity(issues.len());
    issues.retain(|issue| {
        let new = !seen.contains(issue);
        if new {
            seen.push(issue.clone());
        }
        new
    });
    if issues.len() > MAX_ISSUES {
        let more = issues.len() - (MAX_ISSUES - 1);
        issues.truncate(MAX_ISSUES - 1);
        issues.push(LinkIssue::More(more));
    }
    issues
}
