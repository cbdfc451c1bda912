//! The application state and its transitions, free of any UI framework so that it is tested
//! natively; `ui::app` wraps it in a Yew reducer and `ui::runner` carries out its requests.
//!
//! Every change of scenario bumps `revision`. At most one run is in flight; when it returns, the
//! next request is always for the *latest* scenario, so requests made while dragging coalesce and
//! a result for an older revision is dropped, never drawn. While a slider is being dragged a
//! preview (the first [`PREVIEW_PATHS`] paths of the same run) is asked for; on release or after
//! a pause, the full run.

use crate::engine::Summary;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::scenario::{FragmentIssue, Param, Scenario, ValueError};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Paths of a preview run. Paths have their own streams, so a preview is exactly the first
/// paths of the full run: the full picture refines the preview, never contradicts it.
pub const PREVIEW_PATHS: u32 = 1000;

/// Where the current scenario came from: a link (the URL is left as the user wrote it) or the
/// controls (the URL is rewritten to match).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioSource {
    Link,
    Controls,
}

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

/// What the engine is asked to run: small and serialisable, it crosses to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    pub revision: u64,
    pub precision: Precision,
    pub scenario: Scenario,
}

/// What comes back: the summary and how long the engine took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunResponse {
    pub revision: u64,
    pub precision: Precision,
    pub summary: Summary,
    /// From the request leaving the page to the merged summary.
    pub engine_ms: f64,
    /// Workers the run was split over (1 on the page's thread).
    pub workers: u32,
}

/// The result on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct RunResult {
    pub revision: u64,
    pub precision: Precision,
    pub summary: Rc<Summary>,
    pub engine_ms: f64,
    pub workers: u32,
}

/// A message shown above the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Parts of a link that were not used.
    Link(Vec<FragmentIssue>),
    /// A value typed into a control that was refused.
    Rejected {
        key: &'static str,
        value: f64,
        error: ValueError,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    pub lang: Lang,
    pub source: ScenarioSource,
    pub notices: Vec<Notice>,
    /// Bumped on every change of scenario.
    pub revision: u64,
    /// A slider is being dragged: previews are enough until it is released or rests.
    pub dragging: bool,
    /// The run the engine is working on, if any.
    pub in_flight: Option<(u64, Precision)>,
    /// The latest accepted result.
    pub result: Option<RunResult>,
    /// The target whose 2025 distribution is shown.
    pub selected_target: TargetId,
    /// The target whose plan sentence is open in the side panel, if any.
    pub sentence_open: Option<TargetId>,
}

/// How a control reports a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// Still moving (an `input` event while dragging).
    Moving,
    /// Settled (a `change` event: released, a key press, a typed value).
    Settled,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A control set a parameter.
    SetParam(Param, f64, Gesture),
    /// No input for a while since `revision`: upgrade to the full run.
    Rested(u64),
    /// The URL fragment changed (page load, a pasted link, back or forward).
    LoadFragment(String),
    /// The engine started on a request.
    RunStarted(u64, Precision),
    /// A run finished.
    RunFinished(Rc<RunResponse>),
    SetLang(Lang),
    DismissNotices,
    /// Puts a parameter back to its default.
    ResetParam(Param),
    /// Puts every assumption-level parameter back to its default.
    ResetAssumptions,
    SelectTarget(TargetId),
    /// Opens (Some) or closes (None) the side panel with a target's plan sentence.
    ShowSentence(Option<TargetId>),
}

impl AppState {
    pub fn from_fragment(fragment: &str) -> AppState {
        let (scenario, issues) = Scenario::from_fragment(fragment);
        AppState {
            scenario,
            lang: Lang::from_fragment(fragment),
            source: ScenarioSource::Link,
            notices: link_notices(issues),
            revision: 0,
            dragging: false,
            in_flight: None,
            result: None,
            selected_target: TargetId::Gdp,
            sentence_open: None,
        }
    }

    /// True when what is on screen belongs to the latest scenario (preview or full).
    pub fn is_ready(&self) -> bool {
        matches!(&self.result, Some(result) if result.revision == self.revision)
    }

    pub fn summary(&self) -> Option<&Rc<Summary>> {
        self.result.as_ref().map(|result| &result.summary)
    }

    /// The fragment that reproduces what is on screen.
    pub fn fragment(&self) -> String {
        match self.lang {
            Lang::Zh => self.scenario.to_fragment(),
            lang => format!("{}&lang={}", self.scenario.to_fragment(), lang.code()),
        }
    }

    /// The precision the current scenario deserves now.
    fn wanted_precision(&self) -> Precision {
        if self.dragging && self.scenario.paths() > PREVIEW_PATHS {
            Precision::Preview
        } else {
            Precision::Full
        }
    }

    /// The run to start now, if any: none while one is in flight (its result may already be
    /// stale; the next request then goes straight to the latest scenario).
    pub fn next_request(&self) -> Option<RunRequest> {
        if self.in_flight.is_some() {
            return None;
        }
        let wanted = self.wanted_precision();
        let done = matches!(&self.result, Some(result) if result.revision == self.revision
            && (result.precision == Precision::Full || wanted == Precision::Preview));
        if done {
            return None;
        }
        let scenario = match wanted {
            Precision::Full => self.scenario.clone(),
            Precision::Preview => self
                .scenario
                .with(Param::Paths, f64::from(PREVIEW_PATHS))
                .expect("PREVIEW_PATHS is a valid path count"),
        };
        Some(RunRequest {
            revision: self.revision,
            precision: wanted,
            scenario,
        })
    }

    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::SetParam(param, value, gesture) => {
                match self.scenario.with(param, value) {
                    Ok(scenario) if scenario != self.scenario => {
                        next.scenario = scenario;
                        next.source = ScenarioSource::Controls;
                        next.revision += 1;
                    }
                    Ok(_) => {}
                    Err(error) => next.notices.push(Notice::Rejected {
                        key: param.spec().key,
                        value,
                        error,
                    }),
                }
                next.dragging = gesture == Gesture::Moving;
            }
            Action::Rested(revision) => {
                if revision == self.revision {
                    next.dragging = false;
                }
            }
            Action::LoadFragment(fragment) => {
                let (scenario, issues) = Scenario::from_fragment(&fragment);
                next.lang = Lang::from_fragment(&fragment);
                next.notices = link_notices(issues);
                next.source = ScenarioSource::Link;
                next.dragging = false;
                if scenario != self.scenario {
                    next.scenario = scenario;
                    next.revision += 1;
                }
            }
            Action::RunStarted(revision, precision) => next.in_flight = Some((revision, precision)),
            Action::RunFinished(response) => {
                if self.in_flight == Some((response.revision, response.precision)) {
                    next.in_flight = None;
                }
                if response.revision == self.revision {
                    next.result = Some(RunResult {
                        revision: response.revision,
                        precision: response.precision,
                        summary: Rc::new(response.summary.clone()),
                        engine_ms: response.engine_ms,
                        workers: response.workers,
                    });
                }
            }
            Action::SetLang(lang) => {
                next.lang = lang;
                next.source = ScenarioSource::Controls;
            }
            Action::DismissNotices => next.notices.clear(),
            Action::ResetParam(param) => {
                let default = param.spec().default;
                return self.apply(Action::SetParam(param, default, Gesture::Settled));
            }
            Action::ResetAssumptions => {
                let defaults = Scenario::default();
                let reset = crate::scenario::PARAMS
                    .iter()
                    .filter(|spec| spec.kind == crate::scenario::ParamKind::Assumption)
                    .fold(self.scenario.clone(), |scenario, spec| {
                        scenario
                            .with(spec.param, defaults.get(spec.param))
                            .unwrap_or(scenario)
                    });
                if reset != self.scenario {
                    next.scenario = reset;
                    next.source = ScenarioSource::Controls;
                    next.revision += 1;
                }
                next.dragging = false;
            }
            Action::SelectTarget(id) => next.selected_target = id,
            Action::ShowSentence(id) => next.sentence_open = id,
        }
        next
    }
}

fn link_notices(issues: Vec<FragmentIssue>) -> Vec<Notice> {
    if issues.is_empty() {
        Vec::new()
    } else {
        vec![Notice::Link(issues)]
    }
}
