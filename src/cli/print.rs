//! What each mode of the command line prints (docs/MODEL.md, "The CLI"): the same numbers, bit
//! for bit, as the page shows. A closed pipe (`| head`) ends the output quietly: its error is
//! returned, and the caller stops.

use super::{CsvKind, Mode};
use crate::analysis::goal_seek::{seek, Goal};
use crate::analysis::tornado;
use crate::analysis::Measure;
use crate::bench;
use crate::engine::compare::{differences, joint_difference, Pairing};
use crate::engine::{self};
use crate::export::{self, series_csv, targets_csv, CsvContext};
use crate::format::four_decimals;
use crate::link::{self, Link, MODEL_VERSION};
use crate::text::notices;
use std::io::{self, Write};

/// Carries out `mode`: its output on `out`, what could not be used in a link on `err`.
pub fn run(mode: Mode, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    match mode {
        Mode::Run { link, json: false } => print_run(&link, out, err),
        Mode::Run { link, json: true } => print_json(&link, out, err),
        Mode::Csv { what, link } => print_csv(what, &link, out, err),
        Mode::Compare { a, b } => print_compare(&a, &b, out, err),
        Mode::Tornado {
            measure,
            link,
            json,
        } => print_tornado(measure, &link, json, out, err),
        Mode::GoalSeek { goal, link, json } => print_goal_seek(goal, &link, json, out, err),
        Mode::Bench {
            scenario,
            repeats,
            floor,
        } => {
            let clock = std::time::Instant::now();
            let now = || clock.elapsed().as_secs_f64() * 1000.0;
            let ms = if floor {
                bench::time_floor_runs(&scenario, repeats, now)
            } else {
                bench::time_runs(&scenario, repeats, now)
            };
            let ms: Vec<String> = ms.iter().map(|m| format!("{m:.4}")).collect();
            writeln!(
                out,
                "{{\"paths\":{},\"horizon\":{},\"ms\":[{}]}}",
                scenario.paths(),
                scenario.horizon_year(),
                ms.join(",")
            )
        }
        Mode::Prerender => writeln!(out, "{}", crate::prerender::first_screen()),
        Mode::Phases => {
            let clock = std::time::Instant::now();
            let ms = bench::time_phases(|| clock.elapsed().as_secs_f64() * 1000.0);
            for (name, ms) in bench::PHASES.iter().zip(ms) {
                writeln!(out, "{name}\t{ms:.2} ms")?;
            }
            Ok(())
        }
    }
}

/// The link read, with what could not be used said on `err` (in English, as a note).
fn read(fragment: &str, err: &mut dyn Write) -> io::Result<Link> {
    let (link, issues) = link::parse(fragment);
    for issue in &issues {
        writeln!(
            err,
            "note: {}",
            notices::issue_text(issue, crate::i18n::Lang::En)
        )?;
    }
    Ok(link)
}

/// A scenario's probabilities, as the page shows them (`data-probability`, …).
fn print_run(fragment: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    let mut parsed = read(fragment, err)?;
    parsed.pinned = None;
    let summary = engine::run(&parsed.current.scenario);
    writeln!(out, "#{}", link::write(&parsed))?;
    // Every number of the summary, bit for bit: the page shows the same (data-fingerprint).
    writeln!(out, "fingerprint\t{:016x}", summary.fingerprint())?;
    for result in &summary.targets {
        writeln!(
            out,
            "{}\tprobability={}\tstderr={}",
            result.id.key(),
            four_decimals(result.probability),
            four_decimals(result.std_error)
        )?;
    }
    // The targets of one's own, marked `own:` (the page's rows carry `data-own-target`).
    for result in &summary.user_targets {
        writeln!(
            out,
            "own:{}	probability={}	stderr={}",
            result.name,
            four_decimals(result.probability),
            four_decimals(result.std_error)
        )?;
    }
    // Targets met together, as the page's root carries them.
    let joint = summary.joint();
    let (all, all_se) = joint.all_met();
    let (expected, expected_se) = joint.expected_met();
    writeln!(
        out,
        "all_met\tprobability={}\tstderr={}",
        four_decimals(all),
        four_decimals(all_se)
    )?;
    writeln!(
        out,
        "expected_met\tvalue={}\tstderr={}",
        four_decimals(expected),
        four_decimals(expected_se)
    )
}

/// The whole summary as JSON (`docs/MODEL.md`, "The CLI's JSON").
fn print_json(fragment: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    let mut parsed = read(fragment, err)?;
    parsed.pinned = None;
    let summary = engine::run(&parsed.current.scenario);
    writeln!(
        out,
        "{}",
        export::summary_json(&summary, &parsed.current.scenario, &link::write(&parsed))
    )
}

/// The CSV the page downloads (`targets` with A, B and Δ when the link pins A).
fn print_csv(
    what: CsvKind,
    fragment: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    let parsed = read(fragment, err)?;
    let summary = engine::run(&parsed.current.scenario);
    let written = format!("#{}", link::write(&parsed));
    let context = CsvContext {
        link: &written,
        lang: parsed.lang,
        exported: None,
        scenario: &parsed.current.scenario,
        // A link holds no wording.
        wordings: &Default::default(),
    };
    let csv = match what {
        CsvKind::Series => series_csv(&summary, &[], &context),
        CsvKind::Targets => {
            let compared = parsed
                .pinned
                .as_ref()
                .map(|a| differences(&engine::run(&a.scenario), &summary));
            targets_csv(&summary, compared.as_deref(), &context)
        }
    };
    out.write_all(csv.as_bytes())
}

/// A's and B's probabilities and the paired difference, as the page's compare view
/// (`data-probability-a`, `data-probability-b`, `data-delta`, `data-delta-stderr`).
fn print_compare(a: &str, b: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    let a = engine::run(&read(a, err)?.current.scenario);
    let b = engine::run(&read(b, err)?.current.scenario);
    writeln!(out, "model\t{MODEL_VERSION}")?;
    writeln!(out, "fingerprint_a\t{:016x}", a.fingerprint())?;
    writeln!(out, "fingerprint_b\t{:016x}", b.fingerprint())?;
    for d in differences(&a, &b) {
        let pairing = match d.pairing {
            Pairing::Paired { paths } => format!("paired over {paths} paths"),
            Pairing::Independent => "independent (different seeds)".to_string(),
        };
        writeln!(
            out,
            "{}\tprobability_a={}\tprobability_b={}\tdelta={}\tdelta_stderr={}\t{:?}\t{pairing}",
            d.id.key(),
            four_decimals(d.probability_a),
            four_decimals(d.probability_b),
            four_decimals(d.delta),
            four_decimals(d.std_error),
            d.change(),
        )?;
    }
    // The whole: all targets met together, and the number met on average.
    let joint = joint_difference(&a, &b);
    for (name, moved) in [
        ("all_met", joint.all_met),
        ("expected_met", joint.expected_met),
    ] {
        writeln!(
            out,
            "{name}	a={}	b={}	delta={}	delta_stderr={}	{:?}",
            four_decimals(moved.a),
            four_decimals(moved.b),
            four_decimals(moved.delta),
            four_decimals(moved.std_error),
            moved.change(),
        )?;
    }
    Ok(())
}

/// The tornado for `measure`: one line per run (parameter, direction, value, the measure there,
/// Δ and its paired standard error), largest bars first; or all of it as JSON.
fn print_tornado(
    measure: Measure,
    fragment: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    let base = read(fragment, err)?.current.scenario;
    let base_run = engine::run(&base);
    let results = tornado::run_all(&base, &base_run);
    let bars = tornado::bars(&results, measure);
    if json {
        return writeln!(out, "{}", export::tornado_json(&bars, measure));
    }
    writeln!(out, "measure\t{}", measure.key())?;
    for bar in &bars {
        for (side, name) in [(&bar.down, "down"), (&bar.up, "up")] {
            let Some((side, change)) = side
                .as_ref()
                .and_then(|side| side.change(measure).map(|change| (side, change)))
            else {
                continue;
            };
            writeln!(
                out,
                "{}\t{name}\tvalue={}\tmeasure={}\tdelta={}\tdelta_stderr={}",
                bar.param.spec().key,
                side.value,
                four_decimals(change.value),
                four_decimals(change.delta),
                four_decimals(change.std_error),
            )?;
        }
    }
    Ok(())
}

/// What it takes: the lever's value nearest the current one that reaches the level.
fn print_goal_seek(
    goal: Goal,
    fragment: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    let base = read(fragment, err)?.current.scenario;
    let base_run = engine::run(&base);
    let result = seek(goal, &base, &base_run, engine::run);
    let value = export::goal_seek_json(&result);
    if json {
        return writeln!(out, "{value}");
    }
    if let Some(fields) = value.as_object() {
        for (key, field) in fields {
            writeln!(out, "{key}\t{field}")?;
        }
    }
    Ok(())
}
