//! The analyses of the scenario on screen: a hook that owns the analysis workers, starts a job
//! on request, drops it when the scenario changes, and after every full run asks for the
//! levers' sensitivity, whose largest bar the outlook names.

use crate::analysis::jobs::JobKind;
use crate::analysis::tornado;
use crate::analysis::Measure;
use crate::state::Precision;
use crate::text::outlook::{key_lever, KeyLever};
use crate::ui::engine::analysis_workers::{AnalysisView, Runner, RunnerHandle};
use crate::ui::page::store::Store;
use std::rc::Rc;
use yew::prelude::*;

/// How long a full run rests on screen before the levers' bars are computed for the outlook.
const AUTO_DELAY_MS: u32 = 600;

/// What the page needs of the analyses. It changes when a job ends or the scenario does, never
/// on a job's progress: the page around the panel is not redrawn run by run (a field being typed
/// into would lose its text to each redraw). The panel watches the progress itself.
#[derive(Clone, PartialEq)]
pub struct Analysis {
    pub runner: RunnerHandle,
    /// The scenario revision on screen.
    pub revision: u64,
    /// The latest finished tornado of the scenario on screen (kept while a goal-seek runs).
    pub tornado: Option<AnalysisView>,
    /// The lever that moves the expected number met most, for the scenario on screen.
    pub key_lever: Option<KeyLever>,
    /// Starts a job on the scenario on screen (ignored until its full run is there).
    pub start: Callback<JobKind>,
}

#[hook]
pub fn use_analysis(store: &UseReducerHandle<Store>) -> Analysis {
    // The last job that ended.
    let view = use_state(|| None::<AnalysisView>);
    let runner = {
        let setter = view.setter();
        use_memo((), move |_| {
            Runner::new(Rc::new(move |view| setter.set(Some(view))))
        })
    };
    let runner: Rc<_> = (*runner).clone();
    let state = &store.0;
    let revision = state.revision;
    let full = state
        .result
        .as_ref()
        .filter(|result| result.revision == revision && result.precision == Precision::Full)
        .map(|result| result.summary.clone());
    let key = use_state(|| None::<(u64, KeyLever)>);
    let last_tornado = use_state(|| None::<AnalysisView>);

    // A new scenario drops the job in hand. Once its full run has rested on screen a moment,
    // the levers' bars are asked for: while the user is still moving a slider, the workers and
    // the page's thread are left to the runs the user waits for.
    {
        let runner = runner.clone();
        let (scenario, full) = (state.scenario.clone(), full.clone());
        use_effect_with((revision, full.is_some()), move |(revision, _)| {
            Runner::cancel(&runner);
            let revision = *revision;
            let pending = full.map(|base_run| {
                gloo::timers::callback::Timeout::new(AUTO_DELAY_MS, move || {
                    // An analysis the user asked for in the meantime stays.
                    if Runner::has_job_for(&runner, revision) {
                        return;
                    }
                    Runner::start(
                        &runner,
                        JobKind::Tornado { levers_only: true },
                        &scenario,
                        &base_run,
                        revision,
                    )
                })
            });
            // Dropping the timeout (a new scenario came first) cancels it.
            move || drop(pending)
        });
    }
    // Every finished tornado of this scenario updates the key lever.
    {
        let (key, last_tornado) = (key.clone(), last_tornado.clone());
        use_effect_with((*view).clone(), move |view| {
            if let Some(view) = view.as_ref() {
                if matches!(view.job.kind, JobKind::Tornado { .. }) {
                    let bars = tornado::bars(&view.job.tornado_results(), Measure::ExpectedMet);
                    key.set(key_lever(&bars).map(|lever| (view.revision, lever)));
                    last_tornado.set(Some(view.clone()));
                }
            }
        });
    }
    let start = {
        let (runner, scenario) = (runner.clone(), state.scenario.clone());
        Callback::from(move |kind: JobKind| {
            if let Some(base_run) = &full {
                Runner::start(&runner, kind, &scenario, base_run, revision);
            }
        })
    };
    Analysis {
        runner: RunnerHandle(runner),
        revision,
        tornado: (*last_tornado).clone().filter(|v| v.revision == revision),
        key_lever: (*key)
            .filter(|(at, _)| *at == revision)
            .map(|(_, lever)| lever),
        start,
    }
}
