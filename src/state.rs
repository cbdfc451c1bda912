//! The application state and its transitions, free of any UI framework so that it is tested
//! natively; `ui::app` wraps it in a Yew reducer.
//!
//! Every change of scenario bumps `revision`; a run's result is accepted only if it was computed
//! for the current revision, so a stale result is dropped, never drawn.

use crate::engine::Summary;
use crate::i18n::Lang;
use crate::scenario::{FragmentIssue, Param, Scenario, ValueError};
use std::rc::Rc;

/// Where the current scenario came from: a link (the URL is left as the user wrote it) or the
/// controls (the URL is rewritten to match).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioSource {
    Link,
    Controls,
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
    /// The latest accepted result and the revision it belongs to.
    pub result: Option<(u64, Rc<Summary>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A control set a parameter.
    SetParam(Param, f64),
    /// The URL fragment changed (page load, a pasted link, back or forward).
    LoadFragment(String),
    /// A run finished for the given revision.
    RunFinished(u64, Rc<Summary>),
    SetLang(Lang),
    DismissNotices,
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
            result: None,
        }
    }

    /// True when what is on screen belongs to the latest scenario.
    pub fn is_ready(&self) -> bool {
        matches!(self.result, Some((revision, _)) if revision == self.revision)
    }

    pub fn summary(&self) -> Option<&Rc<Summary>> {
        self.result.as_ref().map(|(_, summary)| summary)
    }

    /// The fragment that reproduces what is on screen.
    pub fn fragment(&self) -> String {
        match self.lang {
            Lang::Zh => self.scenario.to_fragment(),
            lang => format!("{}&lang={}", self.scenario.to_fragment(), lang.code()),
        }
    }

    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::SetParam(param, value) => match self.scenario.with(param, value) {
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
            },
            Action::LoadFragment(fragment) => {
                let (scenario, issues) = Scenario::from_fragment(&fragment);
                next.lang = Lang::from_fragment(&fragment);
                next.notices = link_notices(issues);
                next.source = ScenarioSource::Link;
                if scenario != self.scenario {
                    next.scenario = scenario;
                    next.revision += 1;
                }
            }
            Action::RunFinished(revision, summary) => {
                if revision == self.revision {
                    next.result = Some((revision, summary));
                }
            }
            Action::SetLang(lang) => {
                next.lang = lang;
                next.source = ScenarioSource::Controls;
            }
            Action::DismissNotices => next.notices.clear(),
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
