//! Decisions: the tornado's bars are the paired differences of ordinary runs; the pairs the
//! model guarantees monotone are so path by path; goal-seek's answer, rerun as an ordinary
//! scenario, reaches the level and the value one step nearer does not; what cannot be reached
//! says so.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use taijiang_sim::analysis::goal_seek::{
    monotonicity, on_grid, seek, Goal, Monotone, Outcome, LEVERS,
};
use taijiang_sim::analysis::steps::STEPS;
use taijiang_sim::analysis::tornado::{self, Direction, Scope};
use taijiang_sim::analysis::{all_changes, paired_change, Measure};
use taijiang_sim::engine::{self, compare};
use taijiang_sim::plan::TargetId;
use taijiang_sim::scenario::{Param, ParamKind, Scenario, PARAMS};

fn scenario(paths: f64, changes: &[(Param, f64)]) -> Scenario {
    changes
        .iter()
        .fold(
            Scenario::default().with(Param::Paths, paths),
            |s, &(p, v)| s.and_then(|s| s.with(p, v)),
        )
        .expect("valid")
}

#[test]
fn every_lever_and_assumption_has_one_documented_step() {
    let model = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md"))
        .expect("docs/MODEL.md is readable");
    let section = model
        .split("## Decisions: sensitivity and goal-seek")
        .nth(1)
        .expect("docs/MODEL.md has a section on decisions");
    for spec in PARAMS.iter() {
        let steps = STEPS.iter().filter(|s| s.param == spec.param).count();
        let run_setting = matches!(spec.param, Param::Horizon | Param::Paths | Param::Seed);
        assert_eq!(steps, usize::from(!run_setting), "{}", spec.key);
    }
    for step in &STEPS {
        let spec = step.param.spec();
        // A choice's one step is the other reading; a number's is less than its range.
        let within =
            step.step < spec.max - spec.min || step.step == 1.0 && !spec.choices.is_empty();
        assert!(step.step > 0.0 && within, "{}", spec.key);
        assert!(
            section.contains(&format!("| `{}` | {} |", spec.key, step.step)),
            "docs/MODEL.md lists the step of {}",
            spec.key
        );
    }
}

#[test]
fn the_guaranteed_pairs_are_monotone_path_by_path() {
    let pairs: Vec<(Param, TargetId)> = LEVERS
        .iter()
        .chain([Param::GdpTol].iter())
        .flat_map(|&param| TargetId::ALL.into_iter().map(move |id| (param, id)))
        .filter(|&(param, id)| monotonicity(param, Measure::Target(id)) != Monotone::NotGuaranteed)
        .collect();
    assert_eq!(pairs.len(), 8);
    for (param, id) in pairs {
        let spec = param.spec();
        let increasing = monotonicity(param, Measure::Target(id)) == Monotone::Increasing;
        let values: Vec<f64> = (0..=6)
            .map(|k| on_grid(param, spec.min + (spec.max - spec.min) * f64::from(k) / 6.0))
            .collect();
        let runs: Vec<_> = values
            .iter()
            .map(|&v| engine::run(&scenario(1000.0, &[(param, v)])))
            .collect();
        for pair in runs.windows(2) {
            for path in 0..1000 {
                let (low, high) = (
                    pair[0].outcomes.met(id.index(), path),
                    pair[1].outcomes.met(id.index(), path),
                );
                // A higher value never turns a met path into an unmet one (or the reverse).
                let broken = if increasing {
                    low && !high
                } else {
                    high && !low
                };
                assert!(!broken, "{} and {}: path {path}", spec.key, id.key());
            }
        }
    }
}

#[test]
fn the_tornados_bars_are_the_paired_differences_of_ordinary_runs() {
    let base = scenario(1000.0, &[(Param::HtPush, 30.0)]);
    let base_run = engine::run(&base);
    let results = tornado::run_all(&base, &base_run);
    // Both directions of every step, except where a parameter sits at its limit.
    let at_limit = STEPS
        .iter()
        .filter(|s| {
            let spec = s.param.spec();
            let v = base.get(s.param);
            v == spec.min || v == spec.max
        })
        .count();
    assert_eq!(results.len(), 2 * STEPS.len() - at_limit);
    for (task, changes) in results.iter().step_by(7) {
        let ordinary = engine::run(&base.with(task.param, task.value).expect("valid"));
        let differences = compare::differences(&base_run, &ordinary);
        for d in &differences {
            let change = changes
                .iter()
                .find(|c| c.measure == Measure::Target(d.id))
                .expect("every target");
            assert!(
                (change.delta - d.delta).abs() < 1e-12,
                "{:?} {:?}",
                task.param,
                d.id
            );
            assert!((change.std_error - d.std_error).abs() < 1e-12);
            assert!((change.value - d.probability_b).abs() < 1e-12);
        }
        // The expected number met moves by the sum of the targets' moves.
        let expected = changes
            .iter()
            .find(|c| c.measure == Measure::ExpectedMet)
            .expect("expected");
        let sum: f64 = differences.iter().map(|d| d.delta).sum();
        assert!((expected.delta - sum).abs() < 1e-9);
    }
    let bars = tornado::bars(&results, Measure::Target(TargetId::HighTech));
    let sizes: Vec<f64> = bars
        .iter()
        .map(|b| b.size(Measure::Target(TargetId::HighTech)))
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "sorted by size");
    assert_eq!(
        bars[0].param,
        Param::HtPush,
        "the push moves the high-tech target most"
    );
    assert!(bars[0].is_lever);
    let up = bars[0].up.as_ref().expect("a step up");
    let down = bars[0].down.as_ref().expect("a step down");
    assert!(
        up.change(Measure::Target(TargetId::HighTech))
            .expect("change")
            .delta
            > 0.0
    );
    assert!(
        down.change(Measure::Target(TargetId::HighTech))
            .expect("change")
            .delta
            < 0.0
    );
    // Assumptions are told apart.
    assert!(bars
        .iter()
        .any(|b| !b.is_lever && b.param.spec().kind == ParamKind::Assumption));
}

#[test]
fn a_parameter_at_its_limit_is_moved_only_inwards() {
    let base = scenario(500.0, &[(Param::HtPush, 0.0), (Param::Gdp, 15.0)]);
    let tasks = tornado::tasks(&base);
    let of = |param| {
        tasks
            .iter()
            .filter(|t| t.param == param)
            .map(|t| (t.direction, t.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(of(Param::HtPush), [(Direction::Up, 10.0)]);
    assert_eq!(of(Param::Gdp), [(Direction::Down, 14.0)]);
}

#[test]
fn goal_seek_finds_the_nearest_value_that_reaches_the_level_and_one_step_short_does_not() {
    let base = scenario(2000.0, &[]);
    let base_run = engine::run(&base);
    for (measure, param, required) in [
        (Measure::Target(TargetId::Gdp), Param::Gdp, 0.8),
        (Measure::Target(TargetId::Gdp), Param::Inv, 0.8),
        (Measure::Target(TargetId::HighTech), Param::HtPush, 0.8),
        (Measure::Target(TargetId::Income), Param::Inc, 0.9),
        // Not guaranteed monotone: both ends are tried, and the answer still reaches the level.
        (Measure::ExpectedMet, Param::HtPush, 6.0),
    ] {
        let goal = Goal {
            measure,
            required,
            param,
        };
        let result = seek(goal, &base, &base_run, engine::run);
        let Outcome::Found {
            value,
            change,
            short,
        } = result.outcome
        else {
            panic!("{goal:?}: {:?}", result.outcome);
        };
        // Rerun as an ordinary scenario: the same paths, the same level (common random numbers).
        let rerun = engine::run(&base.with(param, value).expect("valid"));
        let reached = paired_change(&base_run, &rerun, measure);
        assert_eq!(reached.value, change.value, "{goal:?}");
        assert!(reached.value >= required, "{goal:?}: {}", reached.value);
        // One grid step nearer the current value does not reach it.
        let step = param.spec().step;
        assert!(
            (value - short.0).abs() <= step + 1e-9,
            "{goal:?}: {value} vs {}",
            short.0
        );
        let nearer = engine::run(&base.with(param, short.0).expect("valid"));
        assert!(
            paired_change(&base_run, &nearer, measure).value < required,
            "{goal:?}"
        );
        // Bisection: a few runs, not a scan of the range.
        assert!(result.runs <= 12, "{goal:?}: {} runs", result.runs);
        if monotonicity(param, measure) != Monotone::NotGuaranteed {
            assert!(result.runs <= 10);
        }
    }
}

#[test]
fn goal_seek_says_when_the_level_is_out_of_reach_or_already_met() {
    let base = scenario(1000.0, &[]);
    let base_run = engine::run(&base);
    let goal = Goal {
        measure: Measure::Target(TargetId::HighTech),
        required: 0.99,
        param: Param::Green,
    };
    let result = seek(goal, &base, &base_run, engine::run);
    assert!(
        matches!(result.outcome, Outcome::NotReachable { .. }),
        "{:?}",
        result.outcome
    );
    let goal = Goal {
        measure: Measure::Target(TargetId::Air),
        required: 0.5,
        param: Param::Gdp,
    };
    let result = seek(goal, &base, &base_run, engine::run);
    assert!(matches!(result.outcome, Outcome::AlreadyMet { .. }));
    assert_eq!(result.runs, 0);
}

#[test]
fn a_run_compared_with_itself_changes_nothing() {
    let run = engine::run(&scenario(500.0, &[]));
    for change in all_changes(&run, &run) {
        assert_eq!((change.delta, change.std_error), (0.0, 0.0));
        assert_eq!(change.base, change.value);
    }
}

#[test]
fn a_job_spread_over_workers_in_any_order_gives_the_same_results_as_one_thread() {
    use taijiang_sim::analysis::jobs::{run_here, Job, JobKind};
    let base = scenario(600.0, &[(Param::HtPush, 20.0)]);
    let base_run = engine::run(&base);
    // The tornado: two "workers", results arriving in reverse order, one order lost and resent.
    let mut job = Job::new(JobKind::Tornado { scope: Scope::All }, &base, &base_run);
    let mut lost = None;
    while !job.is_done() {
        let mut orders = job.next_orders(2);
        assert!(!orders.is_empty() || lost.is_some(), "a job never stalls");
        if lost.is_none() && orders.len() == 2 {
            lost = orders.pop().map(|order| order.item);
        } else if orders.is_empty() {
            job.resend(lost.take().expect("the lost order"));
            continue;
        }
        for order in orders.into_iter().rev() {
            let run = engine::run(&order.scenario);
            job.observe(order.item, all_changes(&base_run, &run));
        }
        let (done, total) = job.progress();
        assert!(done <= total);
    }
    assert_eq!(
        job.tornado_results().len(),
        tornado::run_all(&base, &base_run).len()
    );
    let mut alone = tornado::run_all(&base, &base_run);
    let mut spread = job.tornado_results();
    let order = |r: &(tornado::Task, Vec<_>)| (r.0.param as usize, r.0.direction as usize);
    alone.sort_by_key(order);
    spread.sort_by_key(order);
    assert_eq!(alone, spread);
    // A late result for an item already answered changes nothing.
    let before = job.clone();
    job.observe(0, Vec::new());
    job.observe(10_000, Vec::new());
    assert_eq!(job, before);

    // The cheapest path: one search per lever, each the same as that goal-seek alone.
    let goal_measure = Measure::Target(TargetId::HighTech);
    let mut cheapest = Job::new(
        JobKind::Cheapest {
            measure: goal_measure,
            required: 0.8,
        },
        &base,
        &base_run,
    );
    run_here(&mut cheapest, &base_run);
    let results = cheapest.seek_results();
    assert_eq!(results.len(), LEVERS.len());
    for result in results {
        let alone = seek(result.goal, &base, &base_run, engine::run);
        assert_eq!(result, alone);
    }
    let levers = Job::new(
        JobKind::Tornado {
            scope: Scope::LeversAndBases,
        },
        &base,
        &base_run,
    );
    // The outlook's tornado moves the levers and the assumed bases, nothing else.
    let moved: Vec<Param> = levers
        .clone()
        .next_orders(usize::MAX)
        .iter()
        .map(|o| {
            let moved: Vec<Param> = STEPS
                .iter()
                .map(|s| s.param)
                .filter(|&p| o.scenario.get(p) != base.get(p))
                .collect();
            assert_eq!(moved.len(), 1, "one parameter a run");
            moved[0]
        })
        .collect();
    for param in &moved {
        assert!(
            param.spec().kind == ParamKind::Driver
                || taijiang_sim::scenario::is_assumed_base(*param),
            "{param:?}"
        );
    }
    for base_param in [Param::Gr0, Param::Gc0, Param::Pre0, Param::Cs0, Param::Ct0] {
        assert!(moved.contains(&base_param), "{base_param:?}");
    }
}

#[test]
fn the_outlook_names_exactly_the_likely_and_at_risk_targets_and_the_key_lever() {
    use taijiang_sim::i18n::Lang;
    use taijiang_sim::text::outlook::{key_lever, key_params, outlook};
    use taijiang_sim::text::{likelihood_band, target_name, LikelihoodBand};
    for changes in [vec![], vec![(Param::HtPush, 40.0), (Param::Gdp, 5.0)]] {
        let base = scenario(1000.0, &changes);
        let base_run = engine::run(&base);
        let results = tornado::run_all(&base, &base_run);
        let bars = tornado::bars(&results, Measure::ExpectedMet);
        let lever = key_lever(&bars).expect("some lever moves the number met");
        assert!(bars
            .iter()
            .filter(|b| b.is_lever)
            .all(|b| b.size(Measure::ExpectedMet) <= lever.delta.abs() + 1e-12));
        for lang in [Lang::Zh, Lang::En] {
            let key = key_params(&bars);
            assert_eq!(key.lever, Some(lever));
            let text = outlook(&base_run, Some(&key), lang);
            let (likely_part, rest) = text
                .split_once(lang.pick("。", ". "))
                .expect("a first sentence");
            let risk_part = rest
                .split(lang.pick(";", "; "))
                .next()
                .expect("a second sentence");
            for result in &base_run.targets {
                let name = target_name(result.id, lang);
                let band = likelihood_band(result.probability);
                assert_eq!(
                    likely_part.contains(name),
                    band == LikelihoodBand::Likely,
                    "{lang:?} {name}: {text}"
                );
                assert_eq!(
                    risk_part.contains(name),
                    band == LikelihoodBand::Unlikely,
                    "{lang:?} {name}: {text}"
                );
            }
            let label = lang.pick(lever.param.spec().label_zh, lever.param.spec().label_en);
            assert!(text.contains(label), "{text}");
        }
        assert!(!outlook(&base_run, None, Lang::En).contains("matters most"));
    }
}

#[test]
fn a_goal_seek_level_is_typed_in_its_measures_unit_and_each_kind_keeps_its_own() {
    use taijiang_sim::analysis::level::{
        LevelError, Levels, DEFAULT_CHANCE_PERCENT, DEFAULT_COUNT,
    };
    let chance = Measure::Target(TargetId::Gdp);
    let count = Measure::ExpectedMet;
    let mut levels = Levels::default();
    // The defaults mean what they say in either unit: 80 % and 6 targets, never 80 targets.
    assert_eq!(levels.shown(chance), DEFAULT_CHANCE_PERCENT);
    assert_eq!(levels.required(chance), 0.8);
    assert_eq!(levels.shown(count), DEFAULT_COUNT);
    assert_eq!(levels.required(count), 6.0);
    assert_eq!(levels.shown(Measure::AllMet), DEFAULT_CHANCE_PERCENT);
    // A count typed for the count stays a count; switching to a chance shows the chance's level.
    levels.set(count, " 7 ", 10).expect("a count");
    assert_eq!((levels.shown(count), levels.required(count)), (7.0, 7.0));
    assert_eq!(levels.required(chance), 0.8, "the chance is untouched");
    levels.set(chance, "95", 10).expect("a chance");
    assert_eq!(levels.required(chance), 0.95);
    assert_eq!(levels.required(count), 7.0, "the count is untouched");
    // Each kind's range: 0–100 %, 0 to the number of targets.
    assert_eq!(
        levels.set(count, "11", 10),
        Err(LevelError::OutOfRange {
            low: 0.0,
            high: 10.0
        })
    );
    assert_eq!(
        levels.set(count, "80", 12),
        Err(LevelError::OutOfRange {
            low: 0.0,
            high: 12.0
        })
    );
    assert!(
        levels.set(count, "12", 12).is_ok(),
        "more targets, a wider range"
    );
    assert_eq!(
        levels.set(chance, "101", 10),
        Err(LevelError::OutOfRange {
            low: 0.0,
            high: 100.0
        })
    );
    for junk in ["", "abc", "NaN", "inf", "1e999"] {
        assert_eq!(
            levels.set(chance, junk, 10),
            Err(LevelError::NotANumber),
            "{junk:?}"
        );
    }
    assert_eq!(
        levels.required(chance),
        0.95,
        "a refused entry changes nothing"
    );
}

#[test]
fn goal_seek_on_a_count_finds_a_number_of_targets_not_a_percentage() {
    use taijiang_sim::analysis::level::Levels;
    let base = scenario(1000.0, &[]);
    let base_run = engine::run(&base);
    let levels = Levels::default();
    let goal = Goal {
        measure: Measure::ExpectedMet,
        required: levels.required(Measure::ExpectedMet),
        param: Param::HtPush,
    };
    let result = seek(goal, &base, &base_run, engine::run);
    let Outcome::Found { change, .. } = result.outcome else {
        panic!(
            "6 targets are within the push's reach: {:?}",
            result.outcome
        );
    };
    assert!((6.0..7.0).contains(&change.value), "{}", change.value);
}

/// An assumed 2020 base that moves the expected number met more than any lever is named as an
/// assumption, never as "the lever that matters most"; one that moves it less is not named.
#[test]
fn the_outlook_says_when_an_assumption_outweighs_every_lever() {
    use taijiang_sim::analysis::tornado::{Bar, Side};
    use taijiang_sim::analysis::PairedChange;
    use taijiang_sim::i18n::Lang;
    use taijiang_sim::text::outlook::{key_params, outlook};
    let bar = |param: Param, delta: f64| Bar {
        param,
        is_lever: param.spec().kind == ParamKind::Driver,
        is_assumed_base: taijiang_sim::scenario::is_assumed_base(param),
        down: None,
        up: Some(Side {
            value: param.spec().default + 1.0,
            changes: vec![PairedChange {
                measure: Measure::ExpectedMet,
                base: 5.0,
                value: 5.0 + delta,
                delta,
                std_error: 0.01,
            }],
        }),
    };
    let summary = engine::run(&scenario(500.0, &[]));
    // ICOR is an assumption but not a base: it is never the outlook's assumption.
    let bars = [
        bar(Param::Gdp, 0.1),
        bar(Param::Cs0, 0.3),
        bar(Param::Icor, 0.9),
    ];
    let key = key_params(&bars);
    assert_eq!(key.lever.map(|l| l.param), Some(Param::Gdp));
    assert_eq!(key.assumption.map(|a| a.param), Some(Param::Cs0));
    let en = outlook(&summary, Some(&key), Lang::En);
    assert!(
        en.contains("The lever that matters most is “Trend GDP growth”"),
        "{en}"
    );
    assert!(
        en.contains("But the assumed “3-star approvals, 2020” (not in the plan) moves it more"),
        "{en}"
    );
    let zh = outlook(&summary, Some(&key), Lang::Zh);
    assert!(
        zh.contains("但假设的“2020 年三星级服务审批比例”(规划未给出)影响更大"),
        "{zh}"
    );
    // A base that moves it less than the lever is not named.
    let key = key_params(&[bar(Param::Gdp, 0.5), bar(Param::Cs0, 0.3)]);
    assert_eq!(key.assumption, None);
    assert!(!outlook(&summary, Some(&key), Lang::En).contains("assumed"));
}
