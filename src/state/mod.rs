//! The application state and its transitions, free of any UI framework so that it is tested
//! natively; `ui::app` wraps it in a Yew reducer and `ui::runner` carries out its requests.
//!
//! Every change of scenario bumps `revision`. At most one run is in flight; when it returns, the
//! next request is always for the *latest* scenario, so requests made while dragging coalesce and
//! a result for an older revision is dropped, never drawn. While a slider is being dragged a
//! preview (the first paths of the same run, as many as this machine runs within the preview's
//! budget, [`pace`]) is asked for; on release or after a pause, the full run. Where the full run
//! fits that budget, it is the preview; where even a key press's full run would not, a preview
//! comes first.
//!
//! Every result is compared with a baseline: the pinned scenario A, or, until one is pinned, the
//! plan's own scenario with the same paths and seed (so that the two are paired path by path).
//! The baseline has its own revision and is run after the scenario on screen.

mod baseline;
mod observed;
mod own_targets;
mod pace;
mod run;
mod schedule;

pub use crate::preset::{preset_scenario, RUN_SETTINGS};
pub use pace::{Pace, PREVIEW_BUDGET_MS, PREVIEW_MIN_PATHS, PREVIEW_PATHS, PREVIEW_STEP};
pub use run::{Precision, RunKey, RunRequest, RunResponse, RunResult, RunRole};

use crate::embed::EmbedPiece;
use crate::engine::compare::{JointDifference, Moved, TargetDifference};
use crate::i18n::Lang;
use crate::link::{self, Labelled, Link, LinkIssue};
use crate::plan::TargetId;
use crate::preset::PresetId;
use crate::scenario::observed::ObservedSeries;
use crate::scenario::sources::Sources;
use crate::scenario::targets::Wordings;
use crate::scenario::{Param, ParamKind, Scenario, ValueError, PARAMS};
use crate::scenario::{TargetError, UserTarget};
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
    /// Parts of a link that were not used as written.
    Link(Vec<LinkIssue>),
    /// A link without its checksum: written or trimmed by hand (or cut short), so not checked.
    /// Said quietly, not as a problem.
    Unchecked,
    /// A target of one's own judged after the horizon: the horizon was extended to its year.
    HorizonExtended { name: String, year: i32 },
    /// A target of one's own that could not be added.
    TargetRefused { name: String, error: TargetError },
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
    /// The preset the scenario started from, if one was chosen.
    pub preset: Option<PresetId>,
    /// The scenario pinned as A, if any.
    pub pinned: Option<Labelled>,
    pub lang: Lang,
    pub source: ScenarioSource,
    pub notices: Vec<Notice>,
    /// Bumped on every change of scenario.
    pub revision: u64,
    /// Bumped on every change of the baseline's scenario.
    pub baseline_revision: u64,
    /// A slider is being dragged: previews are enough until it is released or rests.
    pub dragging: bool,
    /// The run the engine is working on, if any.
    pub in_flight: Option<RunKey>,
    /// The latest accepted result of the scenario on screen.
    pub result: Option<RunResult>,
    /// The latest accepted result of the baseline.
    pub baseline: Option<RunResult>,
    /// Each target's change from the baseline to the result on screen, when both are there.
    pub differences: Option<Rc<Vec<TargetDifference>>>,
    /// How the targets met together changed from the baseline, when both runs are there.
    pub joint_difference: Option<JointDifference>,
    /// How each target of one's own changed from the baseline, where the baseline has it.
    pub own_differences: Option<Rc<Vec<Option<Moved>>>>,
    /// The target of one's own whose distribution is shown, in place of the plan's selected one.
    pub selected_own: Option<String>,
    /// The target whose distribution is shown (kept in the link).
    pub selected_target: TargetId,
    /// The target whose plan sentence is open in the side panel, if any.
    pub sentence_open: Option<TargetId>,
    /// The piece shown alone when the page is embedded (`embed=`); `None` for the full page.
    pub embed: Option<EmbedPiece>,
    /// The engine's measured pace, which sizes the previews.
    pub pace: Pace,
    /// Where the observed values were read, as the user typed it (not in the link).
    pub sources: Sources,
    /// The wording of the targets of one's own, as the user typed it (not in the link).
    pub wordings: Wordings,
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
    /// The page around an embedded piece sent a link to show (`docs/EMBED.md`): read as the
    /// address bar's, except that a link naming no piece keeps the piece on show.
    FromHost(String),
    /// A saved scenario (or pair) was opened.
    Open(Box<Link>),
    /// The engine started on a request.
    RunStarted(RunKey),
    /// A run finished.
    RunFinished(Rc<RunResponse>),
    SetLang(Lang),
    DismissNotices,
    /// Puts a parameter back to its preset's value (or default).
    ResetParam(Param),
    /// Puts every assumption-level parameter back to its default.
    ResetAssumptions,
    /// Puts every parameter back to the preset's values (run settings kept).
    ResetToPreset,
    ChoosePreset(PresetId),
    /// Keeps the current scenario as A; further changes make B.
    PinBaseline,
    /// An analysis's "try" or "apply": the current scenario becomes A, and B is it with one
    /// parameter changed, so that the table shows what that change does.
    TryChange(Param, f64),
    /// Back to one scenario (compared with the plan's).
    Unpin,
    SelectTarget(TargetId),
    /// Opens (Some) or closes (None) the side panel with a target's plan sentence.
    ShowSentence(Option<TargetId>),
    /// A saved scenario (or pair) was opened, with the sources of its observed values and the
    /// wording of its targets of one's own.
    OpenSaved(Box<Link>, Sources, Wordings),
    /// A target of one's own added (or one of the same name replaced), with its wording.
    AddTarget(UserTarget, String),
    /// A target of one's own removed.
    RemoveTarget(String),
    /// Shows the distribution of a target of one's own.
    SelectOwn(String),
    /// An observed value entered (`Some`) or cleared (`None`); one the series cannot take
    /// changes nothing (the field says why).
    Observe(ObservedSeries, i32, Option<f64>),
    /// Where an observed value was read.
    SetSource(ObservedSeries, i32, String),
    /// Every observation cleared: the odds as seen from 2020 again.
    ClearObservations,
    /// A becomes this scenario as seen from 2020 (without its observations), B this one: the
    /// table then says what the observed years changed, path by path.
    CompareObservations,
}

impl AppState {
    pub fn from_fragment(fragment: &str) -> AppState {
        let (link, issues) = link::parse(fragment);
        let mut state = AppState {
            scenario: Scenario::default(),
            preset: None,
            pinned: None,
            lang: Lang::Zh,
            source: ScenarioSource::Link,
            notices: link_notices(issues),
            revision: 0,
            baseline_revision: 0,
            dragging: false,
            in_flight: None,
            result: None,
            baseline: None,
            differences: None,
            joint_difference: None,
            own_differences: None,
            selected_own: None,
            selected_target: TargetId::Gdp,
            sentence_open: None,
            embed: None,
            pace: Pace::default(),
            sources: Sources::default(),
            wordings: Wordings::default(),
        };
        state.take_link(link);
        state
    }

    /// True when what is on screen belongs to the latest scenario (preview or full).
    pub fn is_ready(&self) -> bool {
        matches!(&self.result, Some(result) if result.revision == self.revision)
    }

    pub fn summary(&self) -> Option<&Rc<crate::engine::Summary>> {
        self.result.as_ref().map(|result| &result.summary)
    }

    /// The scenario with its preset.
    pub fn labelled(&self) -> Labelled {
        Labelled {
            scenario: self.scenario.clone(),
            preset: self.preset,
        }
    }

    /// Whether the scenario differs from its preset's (or the plan's) values.
    pub fn is_modified(&self) -> bool {
        self.scenario != preset_scenario(self.preset, &self.scenario)
    }

    /// Everything the link holds.
    pub fn link(&self) -> Link {
        Link {
            current: self.labelled(),
            pinned: self.pinned.clone(),
            lang: self.lang,
            target: self.selected_target,
            embed: self.embed,
        }
    }

    /// The fragment that reproduces what is on screen.
    pub fn fragment(&self) -> String {
        link::write(&self.link())
    }

    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        next.reduce(action);
        if next.baseline_scenario() != self.baseline_scenario() {
            next.baseline_revision += 1;
        }
        next.reuse_results();
        // Cheap: results compare by the identity of their summaries.
        let changed = self.result != next.result
            || self.baseline != next.baseline
            || next.baseline_revision != self.baseline_revision;
        if changed {
            next.differences = next.compute_differences();
            next.joint_difference = next.compute_joint_difference();
            next.own_differences = next.compute_own_differences();
        }
        next
    }

    fn reduce(&mut self, action: Action) {
        match action {
            Action::SetParam(param, value, gesture) => {
                match self.scenario.with(param, value) {
                    Ok(scenario) => self.set_scenario(scenario),
                    Err(error) => self.notices.push(Notice::Rejected {
                        key: param.spec().key,
                        value,
                        error,
                    }),
                }
                self.dragging = gesture == Gesture::Moving;
            }
            Action::Rested(revision) => {
                if revision == self.revision {
                    self.dragging = false;
                }
            }
            Action::LoadFragment(fragment) => {
                let (link, issues) = link::parse(&fragment);
                self.notices = link_notices(issues);
                self.take_link(link);
                self.source = ScenarioSource::Link;
                self.dragging = false;
            }
            Action::FromHost(fragment) => {
                let (mut link, mut issues) = link::parse(&fragment);
                // A message is not cut in transit, and a host speaks to this build (every result
                // it gets names the model version): neither a missing checksum nor a missing
                // version is worth a notice. A wrong checksum or an older version still is.
                issues.retain(|issue| {
                    !matches!(
                        issue,
                        LinkIssue::ChecksumMissing | LinkIssue::OlderVersion(None)
                    )
                });
                link.embed = link.embed.or(self.embed);
                self.notices = link_notices(issues);
                self.take_link(link);
                self.source = ScenarioSource::Link;
                self.dragging = false;
            }
            Action::Open(link) => {
                self.take_link(*link);
                self.source = ScenarioSource::Controls;
                self.dragging = false;
            }
            Action::RunStarted(key) => self.in_flight = Some(key),
            Action::RunFinished(response) => {
                if self.in_flight == Some(response.key) {
                    self.in_flight = None;
                }
                let key = response.key;
                self.pace.record(
                    response.summary.paths,
                    response.summary.horizon_year,
                    response.workers,
                    response.engine_ms,
                );
                match key.role {
                    RunRole::Current if key.revision == self.revision => {
                        self.result = Some(RunResult::from_response(&response));
                    }
                    RunRole::Baseline
                        if key.revision == self.baseline_revision
                            && key.precision == Precision::Full =>
                    {
                        self.baseline = Some(RunResult::from_response(&response));
                    }
                    _ => {}
                }
            }
            Action::SetLang(lang) => {
                self.lang = lang;
                self.source = ScenarioSource::Controls;
            }
            Action::DismissNotices => self.notices.clear(),
            Action::ResetParam(param) => {
                let value = preset_scenario(self.preset, &self.scenario).get(param);
                self.reduce(Action::SetParam(param, value, Gesture::Settled));
            }
            Action::ResetAssumptions => {
                let target = preset_scenario(self.preset, &self.scenario);
                let reset = PARAMS
                    .iter()
                    .filter(|spec| spec.kind == ParamKind::Assumption)
                    .fold(self.scenario.clone(), |scenario, spec| {
                        scenario
                            .with(spec.param, target.get(spec.param))
                            .unwrap_or(scenario)
                    });
                self.set_scenario(reset);
                self.dragging = false;
            }
            Action::ResetToPreset => {
                self.set_scenario(preset_scenario(self.preset, &self.scenario));
                self.dragging = false;
            }
            Action::ChoosePreset(preset) => {
                self.preset = Some(preset);
                self.set_scenario(preset_scenario(Some(preset), &self.scenario));
                self.source = ScenarioSource::Controls;
                self.dragging = false;
            }
            Action::PinBaseline => {
                self.pinned = Some(self.labelled());
                self.source = ScenarioSource::Controls;
            }
            Action::TryChange(param, value) => {
                // A value the parameter cannot take changes nothing, not even A.
                if param.spec().check(value).is_ok() {
                    self.reduce(Action::PinBaseline);
                    self.reduce(Action::SetParam(param, value, Gesture::Settled));
                }
            }
            Action::Unpin => {
                self.pinned = None;
                self.source = ScenarioSource::Controls;
            }
            Action::SelectOwn(name) => {
                self.selected_own = Some(name);
            }
            Action::SelectTarget(id) => {
                self.selected_own = None;
                self.selected_target = id;
                self.source = ScenarioSource::Controls;
            }
            Action::ShowSentence(id) => self.sentence_open = id,
            Action::OpenSaved(link, sources, wordings) => {
                self.reduce(Action::Open(link));
                self.sources = sources;
                self.wordings = wordings;
            }
            Action::AddTarget(target, wording) => self.add_target(target, &wording),
            Action::RemoveTarget(name) => {
                if self.selected_own.as_deref() == Some(name.as_str()) {
                    self.selected_own = None;
                }
                self.set_scenario(self.scenario.without_target(&name));
                self.wordings = self.wordings.with(&name, "");
            }
            Action::Observe(series, year, value) => self.observe(series, year, value),
            Action::SetSource(series, year, text) => {
                self.sources = self.sources.with(series, year, &text);
            }
            Action::ClearObservations => self.clear_observations(),
            Action::CompareObservations => self.compare_observations(),
        }
    }

    /// A new scenario from the controls; the same one changes nothing.
    pub(super) fn set_scenario(&mut self, scenario: Scenario) {
        if scenario != self.scenario {
            self.scenario = scenario;
            self.source = ScenarioSource::Controls;
            self.revision += 1;
        }
    }

    fn take_link(&mut self, link: Link) {
        self.embed = link.embed;
        self.lang = link.lang;
        self.selected_target = link.target;
        self.preset = link.current.preset;
        self.pinned = link.pinned;
        if link.current.scenario != self.scenario {
            self.scenario = link.current.scenario;
            self.revision += 1;
        }
    }
}

/// A link's issues as notices: a missing checksum on its own, said quietly (a link written or
/// trimmed by hand has none: nothing is wrong with it), the rest as one notice.
fn link_notices(issues: Vec<LinkIssue>) -> Vec<Notice> {
    let (unchecked, rest): (Vec<_>, Vec<_>) = issues
        .into_iter()
        .partition(|issue| *issue == LinkIssue::ChecksumMissing);
    let mut notices = Vec::new();
    if !rest.is_empty() {
        notices.push(Notice::Link(rest));
    }
    if !unchecked.is_empty() {
        notices.push(Notice::Unchecked);
    }
    notices
}
