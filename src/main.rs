//! In the browser, mounts the simulator. Natively, prints the targets' probabilities for a
//! scenario given as a link's fragment (`cargo run --release -- '#gdp=6&inv=50'`,
//! `'#preset=downturn'`), and the summary's fingerprint; with `--json '#…'`, the whole summary as
//! JSON; with `--csv series|targets '#…'`, the CSV the page downloads; with `--tornado <target>
//! '#…'` the sensitivity of a target (or `all`, `expected`) to every lever and assumption, and
//! with `--goal-seek <target> <level> <lever> '#…'` the lever's value that reaches the level (JSON
//! with `--json`); with `--compare '#A' '#B'`, both
//! scenarios' probabilities and the paired difference with its standard error; with
//! `--bench PATHS HORIZON_YEAR REPEATS`, times whole runs for the browser benchmark's ratios, and
//! with `--bench-floor …` the floor of the same report (`bench::floor`, GDP and income alone).

#[cfg(target_arch = "wasm32")]
fn main() {
    taijiang_sim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use taijiang_sim::analysis::goal_seek::Goal;
    use taijiang_sim::analysis::Measure;
    use taijiang_sim::bench;
    use taijiang_sim::scenario::Param;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench_kind = args.first().map(String::as_str);
    if matches!(bench_kind, Some("--bench" | "--bench-floor")) {
        let number = |i: usize| args.get(i).and_then(|a| a.parse::<i64>().ok());
        let (Some(paths), Some(horizon), Some(repeats)) = (number(1), number(2), number(3)) else {
            eprintln!("usage: taijiang-sim --bench|--bench-floor PATHS HORIZON_YEAR REPEATS");
            std::process::exit(2);
        };
        let Some(scenario) = bench::scenario(paths as u32, horizon as i32) else {
            eprintln!("paths or horizon out of range");
            std::process::exit(2);
        };
        let clock = std::time::Instant::now();
        let now = || clock.elapsed().as_secs_f64() * 1000.0;
        let ms = if bench_kind == Some("--bench") {
            bench::time_runs(&scenario, repeats as u32, now)
        } else {
            bench::time_floor_runs(&scenario, repeats as u32, now)
        };
        let ms: Vec<String> = ms.iter().map(|m| format!("{m:.4}")).collect();
        println!(
            "{{\"paths\":{paths},\"horizon\":{horizon},\"ms\":[{}]}}",
            ms.join(",")
        );
        return;
    }
    if args.first().map(String::as_str) == Some("--phases") {
        let clock = std::time::Instant::now();
        let ms = bench::time_phases(|| clock.elapsed().as_secs_f64() * 1000.0);
        for (name, ms) in bench::PHASES.iter().zip(ms) {
            println!("{name}\t{ms:.2} ms");
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--compare") {
        let (Some(a), Some(b)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: taijiang-sim --compare '#<link of A>' '#<link of B>'");
            std::process::exit(2);
        };
        compare(a, b);
        return;
    }
    if args.first().map(String::as_str) == Some("--tornado") {
        let json = args.iter().any(|a| a == "--json");
        let rest: Vec<&String> = args[1..].iter().filter(|a| *a != "--json").collect();
        let measure = rest.first().and_then(|key| Measure::from_key(key));
        let (Some(measure), fragment) = (measure, rest.get(1).map_or("", |s| s.as_str())) else {
            eprintln!("usage: taijiang-sim --tornado <target|all|expected> [--json] '#<link>'");
            std::process::exit(2);
        };
        print_tornado(measure, fragment, json);
        return;
    }
    if args.first().map(String::as_str) == Some("--goal-seek") {
        let json = args.iter().any(|a| a == "--json");
        let rest: Vec<&String> = args[1..].iter().filter(|a| *a != "--json").collect();
        let measure = rest.first().and_then(|key| Measure::from_key(key));
        let required = rest
            .get(1)
            .and_then(|p| p.parse::<f64>().ok())
            .filter(|p| p.is_finite());
        let lever = rest.get(2).and_then(|key| Param::from_key(key));
        let (Some(measure), Some(required), Some(param)) = (measure, required, lever) else {
            eprintln!("usage: taijiang-sim --goal-seek <target|all|expected> <level, e.g. 0.8> <lever> [--json] '#<link>'");
            std::process::exit(2);
        };
        let fragment = rest.get(3).map_or("", |s| s.as_str());
        print_goal_seek(
            Goal {
                measure,
                required,
                param,
            },
            fragment,
            json,
        );
        return;
    }
    if args.first().map(String::as_str) == Some("--csv") {
        let (Some(what), fragment) = (args.get(1), args.get(2).cloned().unwrap_or_default()) else {
            eprintln!("usage: taijiang-sim --csv series|targets '#<link>'");
            std::process::exit(2);
        };
        if !print_csv(what, &fragment) {
            eprintln!("usage: taijiang-sim --csv series|targets '#<link>'");
            std::process::exit(2);
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--json") {
        print_json(&args.get(1).cloned().unwrap_or_default());
        return;
    }
    print_run(&args.first().cloned().unwrap_or_default());
}

/// Prints the whole summary as JSON (`docs/MODEL.md`, "The CLI's JSON").
#[cfg(not(target_arch = "wasm32"))]
fn print_json(fragment: &str) {
    use taijiang_sim::{engine, export, link};
    let mut parsed = scenario_of(fragment);
    parsed.pinned = None;
    let summary = engine::run(&parsed.current.scenario);
    let value = export::summary_json(&summary, &link::write(&parsed));
    // A closed pipe (`| head`) ends the output quietly instead of panicking.
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{value}");
}

/// Prints the tornado of a scenario for `measure`: one line per run (parameter, direction, value,
/// the measure there, Δ and its paired standard error), largest bars first; or all of it as JSON.
#[cfg(not(target_arch = "wasm32"))]
fn print_tornado(measure: taijiang_sim::analysis::Measure, fragment: &str, json: bool) {
    use std::io::Write;
    use taijiang_sim::analysis::tornado;
    use taijiang_sim::{engine, export, format};
    let base = scenario_of(fragment).current.scenario;
    let base_run = engine::run(&base);
    let results = tornado::run_all(&base, &base_run);
    let bars = tornado::bars(&results, measure);
    let mut out = std::io::stdout().lock();
    if json {
        let _ = writeln!(out, "{}", export::tornado_json(&bars, measure));
        return;
    }
    let _ = writeln!(out, "measure\t{}", measure.key());
    for bar in &bars {
        for (side, name) in [(&bar.down, "down"), (&bar.up, "up")] {
            let Some(side) = side else { continue };
            let Some(change) = side.change(measure) else {
                continue;
            };
            let line = writeln!(
                out,
                "{}\t{name}\tvalue={}\tmeasure={}\tdelta={}\tdelta_stderr={}",
                bar.param.spec().key,
                side.value,
                format::four_decimals(change.value),
                format::four_decimals(change.delta),
                format::four_decimals(change.std_error),
            );
            if line.is_err() {
                return;
            }
        }
    }
}

/// Prints what it takes: the lever's value nearest the current one that reaches the level.
#[cfg(not(target_arch = "wasm32"))]
fn print_goal_seek(goal: taijiang_sim::analysis::goal_seek::Goal, fragment: &str, json: bool) {
    use std::io::Write;
    use taijiang_sim::analysis::goal_seek::seek;
    use taijiang_sim::{engine, export};
    let base = scenario_of(fragment).current.scenario;
    let base_run = engine::run(&base);
    let result = seek(goal, &base, &base_run, engine::run);
    let value = export::goal_seek_json(&result);
    let mut out = std::io::stdout().lock();
    if json {
        let _ = writeln!(out, "{value}");
    } else if let Some(fields) = value.as_object() {
        for (key, field) in fields {
            let _ = writeln!(out, "{key}\t{field}");
        }
    }
}

/// Prints the CSV the page downloads (`series` or `targets`, with A, B and Δ when the link pins
/// A); false for anything else.
#[cfg(not(target_arch = "wasm32"))]
fn print_csv(what: &str, fragment: &str) -> bool {
    use taijiang_sim::export::{series_csv, targets_csv, CsvContext};
    use taijiang_sim::{engine, link};
    let parsed = scenario_of(fragment);
    let summary = engine::run(&parsed.current.scenario);
    let written = format!("#{}", link::write(&parsed));
    let context = CsvContext {
        link: &written,
        lang: parsed.lang,
        exported: None,
    };
    let csv = match what {
        "series" => series_csv(&summary, &[], &context),
        "targets" => {
            let differences = parsed
                .pinned
                .as_ref()
                .map(|a| engine::compare::differences(&engine::run(&a.scenario), &summary));
            targets_csv(&summary, differences.as_deref(), &context)
        }
        _ => return false,
    };
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(csv.as_bytes());
    true
}

/// The scenario of a link (its pinned A is ignored here), with what could not be used said on
/// standard error.
#[cfg(not(target_arch = "wasm32"))]
fn scenario_of(fragment: &str) -> taijiang_sim::link::Link {
    let (link, issues) = taijiang_sim::link::parse(fragment);
    for issue in &issues {
        eprintln!("note: {issue}");
    }
    link
}

/// Prints a scenario's probabilities, as the page shows them (`data-probability`, …).
#[cfg(not(target_arch = "wasm32"))]
fn print_run(fragment: &str) {
    use std::io::Write;
    use taijiang_sim::{engine, format, link};
    let mut parsed = scenario_of(fragment);
    parsed.pinned = None;
    let summary = engine::run(&parsed.current.scenario);
    // A closed pipe (`| head`) ends the output quietly instead of panicking.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "#{}", link::write(&parsed));
    // Every number of the summary, bit for bit: the page shows the same (data-fingerprint).
    let _ = writeln!(out, "fingerprint\t{:016x}", summary.fingerprint());
    for result in &summary.targets {
        let line = writeln!(
            out,
            "{}\tprobability={}\tstderr={}",
            result.id.key(),
            format::four_decimals(result.probability),
            format::four_decimals(result.std_error)
        );
        if line.is_err() {
            return;
        }
    }
    // Targets met together, as the page's root carries them.
    let joint = summary.joint();
    let (all, all_se) = joint.all_met();
    let (expected, expected_se) = joint.expected_met();
    let _ = writeln!(
        out,
        "all_met\tprobability={}\tstderr={}",
        format::four_decimals(all),
        format::four_decimals(all_se)
    );
    let _ = writeln!(
        out,
        "expected_met\tvalue={}\tstderr={}",
        format::four_decimals(expected),
        format::four_decimals(expected_se)
    );
}

/// Prints A's and B's probabilities and the paired difference, as the page's compare view
/// (`data-probability-a`, `data-probability-b`, `data-delta`, `data-delta-stderr`).
#[cfg(not(target_arch = "wasm32"))]
fn compare(a: &str, b: &str) {
    use std::io::Write;
    use taijiang_sim::engine::{self, compare::Pairing};
    use taijiang_sim::format;
    let a = engine::run(&scenario_of(a).current.scenario);
    let b = engine::run(&scenario_of(b).current.scenario);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "model\t{}", taijiang_sim::link::MODEL_VERSION);
    let _ = writeln!(out, "fingerprint_a\t{:016x}", a.fingerprint());
    let _ = writeln!(out, "fingerprint_b\t{:016x}", b.fingerprint());
    for d in engine::compare::differences(&a, &b) {
        let pairing = match d.pairing {
            Pairing::Paired { paths } => format!("paired over {paths} paths"),
            Pairing::Independent => "independent (different seeds)".to_string(),
        };
        let line = writeln!(
            out,
            "{}\tprobability_a={}\tprobability_b={}\tdelta={}\tdelta_stderr={}\t{:?}\t{pairing}",
            d.id.key(),
            format::four_decimals(d.probability_a),
            format::four_decimals(d.probability_b),
            format::four_decimals(d.delta),
            format::four_decimals(d.std_error),
            d.change(),
        );
        if line.is_err() {
            return;
        }
    }
}
