//! What can be wrong with a saved entry or an imported file, as data: `text::saved` says it in
//! either language, so that the page names every problem in the reader's language.

use crate::link::LinkIssue;
use crate::scenario::observed::{ObservationError, ObservedSeries};
use crate::scenario::{TargetError, ValueError};

/// One problem with a field of an entry, or with a whole file. Values found are kept as
/// [`shown`](super::shown) them: at most 40 characters of their JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The field is missing.
    Missing,
    /// The field holds this value, which is not text.
    NotText(String),
    /// The field holds this value, which is not an object.
    NotAnObject(String),
    /// The field holds this value, which is not a model version (a whole number).
    NotModelVersion(String),
    /// Made with another model version than this build's (a warning: it loads).
    OtherModel { version: u32 },
    /// A format-1 entry's link had this issue (a warning: it loads).
    Link(LinkIssue),
    /// A preset this build does not know.
    UnknownPreset(String),
    /// A parameter this build does not know: an error, or a warning in an entry of a newer
    /// model version (which may have more).
    UnknownParameter { newer: bool },
    /// A value that cannot be used, with the range the parameter takes.
    BadValue {
        shown: String,
        error: ValueError,
        min: f64,
        max: f64,
        integer: bool,
    },
    /// An observed series this build does not know.
    UnknownObservedSeries,
    /// A key of observed years that is not a year.
    NotAYear(String),
    /// An observed value that cannot be used, and why.
    BadObservation {
        series: ObservedSeries,
        shown: String,
        error: ObservationError,
    },
    /// A target of one's own that cannot be used, and why.
    BadTarget(TargetError),
    /// An entry format this build does not read.
    UnsupportedFormat(String),
    /// The name is empty.
    EmptyName,
    /// A stored entry that is not JSON, with the parser's words.
    NotJson(String),
    /// A format-1 entry that loaded could not be rewritten in this build's format (the store
    /// refused, with its words; a warning).
    NotRewritten(String),
    /// A file that is not JSON, with the parser's words.
    FileNotJson(String),
    /// A file whose `format` is not a scenario file's (what it says, or "missing").
    NotScenarioFile(String),
    /// A file version this build does not read.
    UnsupportedVersion(String),
    /// A file without a list of scenarios.
    NoScenarios,
    /// An entry with the same name as the file's entry at this position (only that one is
    /// imported).
    SameNameAs(usize),
}
