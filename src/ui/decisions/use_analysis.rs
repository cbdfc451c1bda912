//! The analyses of the scenario on screen: a hook that starts a job on the page's one pool of
//! workers on request, drops it when the scenario changes, and after every full run asks for
//! the levers' sensitivity, whose largest bar the outlook names.

use crate::analysis::jobs::JobKind;
use crate::analysis::tornado::{self, Scope};
use crate::analysis::Measure;
use crate::pool::AnalysisView;
use crate::state::Precision;
use crate::text::outlook::{key_params, KeyParams};
use crate::ui::engine::WorkerPool;
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
    pub pool: WorkerPool,
    /// The scenario revision on screen.
    pub revision: u64,
    /// The latest finished tornado of the scenario on screen (kept while a goal-seek runs).
    pub tornado: Option<AnalysisView>,
    /// The lever that moves the expected number met most, for the scenario on screen, and an
    /// assumed base that moves it more.
    pub key_params: Option<KeyParams>,
    /// The levers' analysis of the scenario on screen is on its way (asked for, or about to
    /// be): the outlook keeps a place for its sentence.
    pub lever_pending: bool,
    /// Starts a job on the scenario on screen (ignored until its full run is there).
    pub start: Callback<JobKind>,
}

#[hook]
pub fn use_analysis(store: &UseReducerHandle<Store>, pool: &WorkerPool) -> Analysis {
    // The last job that ended.
    let view = use_state(|| None::<AnalysisView>);
    {
        let setter = view.setter();
        use_effect_with(pool.clone(), move |pool| {
            pool.on_analysis_end(Rc::new(move |view| setter.set(Some(view))));
        });
    }
    let state = &store.0;
    let revision = state.revision;
    let full = state
        .result
        .as_ref()
        .filter(|result| result.revision == revision && result.precision == Precision::Full)
        .map(|result| result.summary.clone());
    let key = use_state(|| None::<(u64, KeyParams)>);
    let last_tornado = use_state(|| None::<AnalysisView>);
    // The revision whose levers' analysis is on its way.
    let levers_for = use_state_eq(|| None::<u64>);

    // A new scenario drops the job in hand. Once its full run has rested on screen a moment,
    // the levers' bars are asked for: while the user is still moving a slider, the workers and
    // the page's thread are left to the runs the user waits for.
    {
        let pool = pool.clone();
        let (scenario, full) = (state.scenario.clone(), full.clone());
        let levers_for = levers_for.setter();
        use_effect_with((revision, full.is_some()), move |(revision, _)| {
            pool.cancel_analysis();
            let revision = *revision;
            if full.is_some() {
                levers_for.set(Some(revision));
            }
            let pending = full.map(|base_run| {
                gloo::timers::callback::Timeout::new(AUTO_DELAY_MS, move || {
                    // An analysis the user asked for in the meantime stays; the levers' then
                    // does not come.
                    if pool.has_analysis_for(revision) {
                        levers_for.set(None);
                        return;
                    }
                    pool.start_analysis(
                        JobKind::Tornado {
                            scope: Scope::LeversAndBases,
                        },
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
        let levers_for = levers_for.setter();
        use_effect_with((*view).clone(), move |view| {
            if let Some(view) = view.as_ref() {
                if matches!(view.job.kind, JobKind::Tornado { .. }) {
                    let bars = tornado::bars(&view.job.tornado_results(), Measure::ExpectedMet);
                    key.set(Some((view.revision, key_params(&bars))));
                    last_tornado.set(Some(view.clone()));
                } else {
                    // Another analysis ended in its place: no lever is on its way.
                    levers_for.set(None);
                }
            }
        });
    }
    let start = {
        let (pool, scenario) = (pool.clone(), state.scenario.clone());
        Callback::from(move |kind: JobKind| {
            if let Some(base_run) = &full {
                pool.start_analysis(kind, &scenario, base_run, revision);
            }
        })
    };
    let key_params_now = (*key)
        .filter(|(at, _)| *at == revision)
        .map(|(_, lever)| lever);
    Analysis {
        pool: pool.clone(),
        revision,
        tornado: (*last_tornado).clone().filter(|v| v.revision == revision),
        key_params: key_params_now,
        lever_pending: *levers_for == Some(revision) && key_params_now.is_none(),
        start,
    }
}
