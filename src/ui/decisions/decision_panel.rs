//! Decisions: which lever or assumption moves the odds most (the tornado), what a lever must do
//! to reach a chance (goal-seek), and each lever's own way there (the cheapest path). The runs
//! go to the analysis workers; this only asks, shows progress and renders.

use crate::analysis::jobs::JobKind;
use crate::analysis::tornado::{self, Scope};
use crate::analysis::Measure;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::pool::AnalysisView;
use crate::scenario::Param;
use crate::text::labels::Label;
use crate::ui::decisions::analysis_controls::{choose_measure, measure_options, progress};
use crate::ui::decisions::goal_seek_panel::GoalSeekPanel;
use crate::ui::decisions::tornado_table::TornadoTable;
use crate::ui::decisions::use_analysis::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecisionPanelProps {
    pub analysis: Analysis,
    pub selected: TargetId,
    pub lang: Lang,
    /// The full run of the scenario on screen is there (analyses start from it).
    pub ready: bool,
    pub on_apply: Callback<(Param, f64)>,
    /// The names of the targets of one's own, measures too.
    #[prop_or_default]
    pub own: Vec<String>,
}

#[function_component(DecisionPanel)]
pub fn decision_panel(props: &DecisionPanelProps) -> Html {
    let lang = props.lang;
    let measure = use_state(|| None::<Measure>);
    let measure_now = measure.unwrap_or(Measure::Target(props.selected));
    let choose = choose_measure(&measure);
    // The job's progress, watched here so that only this panel redraws run by run.
    let live = use_state(|| None::<AnalysisView>);
    {
        let setter = live.setter();
        use_effect_with(props.analysis.pool.clone(), move |pool| {
            pool.watch_progress(Some(Rc::new(move |view| setter.set(view))));
            let pool = pool.clone();
            move || pool.watch_progress(None)
        });
    }
    let view = (*live)
        .clone()
        .filter(|v| v.revision == props.analysis.revision);
    let run_all = props
        .analysis
        .start
        .reform(|_: MouseEvent| JobKind::Tornado { scope: Scope::All });
    // A tornado running now, else the last one of this scenario (kept while a goal-seek runs).
    let running = view
        .as_ref()
        .filter(|v| matches!(v.job.kind, JobKind::Tornado { .. }) && !v.job.is_done());
    let tornado_view = running.or(props.analysis.tornado.as_ref());
    let levers_only = matches!(
        tornado_view.map(|v| &v.job.kind),
        Some(JobKind::Tornado {
            scope: Scope::LeversAndBases
        })
    );
    let body = match tornado_view {
        Some(view) if view.job.is_done() => {
            let bars = tornado::bars(&view.job.tornado_results(), measure_now);
            html! {
                <>
                    <p class="analysis-note" data-analysis-ms={view.elapsed_ms.map(|ms| format!("{ms:.0}"))}
                        data-analysis-kind={if levers_only { "levers" } else { "all" }}>
                        { if levers_only { Label::LeversOnly.text(lang) } else { Label::EveryLeverAndAssumption.text(lang) } }
                        { Label::PairedNote.text(lang) }
                    </p>
                    <TornadoTable bars={bars} measure={measure_now} lang={lang} on_apply={props.on_apply.clone()} />
                </>
            }
        }
        Some(view) => {
            let (done, total) = view.job.progress();
            progress(done, total, lang)
        }
        None => html! {},
    };
    html! {
        <section class="decisions" aria-labelledby="decisions-title" data-decisions="">
            <h2 id="decisions-title">{ Label::WhichLever.text(lang) }</h2>
            <div class="analysis-controls">
                <label>{ Label::For.text(lang) }
                    <select onchange={choose} data-tornado-measure="">{ measure_options(measure_now, &props.own, lang) }</select>
                </label>
                <button class="small-button" onclick={run_all} disabled={!props.ready} data-run-tornado="">
                    { Label::RunFullAnalysis.text(lang) }
                </button>
            </div>
            // A fixed wrapper: what it holds changes shape (progress, table, nothing) without the
            // goal-seek panel after it being made anew and losing what was typed into it.
            <div class="tornado-body">{ body }</div>
            <GoalSeekPanel analysis={props.analysis.clone()} view={view.clone()} selected={props.selected}
                targets={crate::plan::TARGETS.len()} lang={lang} own={props.own.clone()}
                ready={props.ready} on_apply={props.on_apply.clone()} />
        </section>
    }
}
