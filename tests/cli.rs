//! The command line prints the numbers the page shows: a preset by its link, and a comparison
//! with its paired error.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use taijiang_sim::engine::{self, compare::differences};
use taijiang_sim::format::four_decimals;
use taijiang_sim::link;

fn cli(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_taijiang-sim"))
        .args(args)
        .output()
        .expect("the CLI runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The value of `name=` in a tab-separated line.
fn field<'a>(line: &'a str, name: &str) -> &'a str {
    line.split('\t')
        .find_map(|part| part.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("{name} in {line}"))
}

#[test]
fn a_preset_link_prints_the_presets_numbers_and_its_canonical_link() {
    let out = cli(&["#preset=downturn&paths=800"]);
    let (parsed, _) = link::parse("#preset=downturn&paths=800");
    let summary = engine::run(&parsed.current.scenario);
    let mut lines = out.lines();
    let written = lines.next().expect("the link");
    assert_eq!(link::parse(written).0.current, parsed.current, "{written}");
    assert!(written.contains("preset=downturn"));
    assert_eq!(
        lines.next(),
        Some(format!("fingerprint\t{:016x}", summary.fingerprint()).as_str())
    );
    for (line, result) in lines.zip(&summary.targets) {
        assert!(line.starts_with(result.id.key()));
        assert_eq!(
            field(line, "probability"),
            four_decimals(result.probability)
        );
    }
}

#[test]
fn compare_prints_both_probabilities_and_the_paired_difference() {
    let (a, b) = ("#paths=900", "#paths=900&gdp=6.5&inv=30");
    let out = cli(&["--compare", a, b]);
    let run = |fragment| engine::run(&link::parse(fragment).0.current.scenario);
    let expected = differences(&run(a), &run(b));
    assert_eq!(
        out.lines().next(),
        Some(format!("model\t{}", link::MODEL_VERSION).as_str()),
        "the model version comes first"
    );
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("fingerprint") && !l.starts_with("model"))
        .filter(|l| !l.starts_with("all_met") && !l.starts_with("expected_met"))
        .collect();
    assert_eq!(rows.len(), expected.len());
    // Then how the whole moved.
    let joint = taijiang_sim::engine::compare::joint_difference(&run(a), &run(b));
    for (name, moved) in [
        ("all_met", joint.all_met),
        ("expected_met", joint.expected_met),
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .expect("a line for the whole");
        assert_eq!(field(line, "a"), four_decimals(moved.a));
        assert_eq!(field(line, "b"), four_decimals(moved.b));
        assert_eq!(field(line, "delta"), four_decimals(moved.delta));
        assert_eq!(field(line, "delta_stderr"), four_decimals(moved.std_error));
    }
    for (line, d) in rows.iter().zip(&expected) {
        assert!(line.starts_with(d.id.key()), "{line}");
        assert_eq!(field(line, "probability_a"), four_decimals(d.probability_a));
        assert_eq!(field(line, "probability_b"), four_decimals(d.probability_b));
        assert_eq!(field(line, "delta"), four_decimals(d.delta));
        assert_eq!(field(line, "delta_stderr"), four_decimals(d.std_error));
        assert!(line.ends_with("paired over 900 paths"), "{line}");
    }
}

#[test]
fn json_holds_the_whole_summary_as_the_engine_computed_it() {
    let fragment = "#paths=700&horizon=2030";
    let out = cli(&["--json", fragment]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let summary = engine::run(&link::parse(fragment).0.current.scenario);
    assert_eq!(value["model"], link::MODEL_VERSION);
    // Every parameter in force, value, unit and tag: a number quoted from the file is traceable.
    let parameters = value["scenario"].as_array().expect("scenario");
    assert_eq!(parameters.len(), taijiang_sim::scenario::PARAMS.len());
    assert_eq!(parameters[0]["key"], "gdp");
    assert_eq!(parameters[0]["value"], 7.5);
    assert_eq!(parameters[0]["unit"], "%/yr");
    assert_eq!(parameters[0]["tag"], "plan-target");
    let horizon = parameters
        .iter()
        .find(|p| p["key"] == "horizon")
        .expect("listed");
    assert_eq!(horizon["value"], 2030.0);
    let rule = parameters
        .iter()
        .find(|p| p["key"] == "sync_rule")
        .expect("listed");
    assert_eq!(rule["value"], "not_lagging");
    assert_eq!(
        value["fingerprint"],
        format!("{:016x}", summary.fingerprint())
    );
    let series = value["series"].as_array().expect("series");
    assert_eq!(series.len(), summary.series.len());
    for (json, stats) in series.iter().zip(&summary.series) {
        assert_eq!(json["id"], stats.id.key());
        let years = json["years"].as_array().expect("years");
        assert_eq!(years.len(), 11, "2020 … 2030");
        for (year, expected) in years.iter().zip(&stats.years) {
            assert_eq!(year["p50"].as_f64(), Some(expected.median()));
            assert_eq!(
                year["mean"].as_f64(),
                expected.mean,
                "null for a logit share"
            );
        }
    }
    for (json, target) in value["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .zip(&summary.targets)
    {
        assert_eq!(json["probability"].as_f64(), Some(target.probability));
        assert_eq!(json["met"].as_u64(), Some(u64::from(target.met)));
    }
    let joint = summary.joint();
    assert_eq!(value["joint"]["all_met"].as_f64(), Some(joint.all_met().0));
    assert_eq!(
        value["joint"]["expected_met"].as_f64(),
        Some(joint.expected_met().0)
    );
    let link_back = value["link"].as_str().expect("the link");
    assert_eq!(
        link::parse(link_back).0.current.scenario,
        link::parse(fragment).0.current.scenario
    );
}

/// Runs the CLI and returns its exit status, standard output and standard error.
fn cli_status(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_taijiang-sim"))
        .args(args)
        .output()
        .expect("the CLI runs");
    (
        output.status.code().expect("exited"),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn help_and_version_answer_and_a_usage_error_exits_2_with_the_usage() {
    let (status, out, _) = cli_status(&["--help"]);
    assert_eq!(status, 0);
    for what in [
        "Usage: taijiang-sim [OPTIONS] [LINK]",
        "--compare <A> <B>",
        "--goal-seek <MEASURE> <LEVEL> <LEVER>",
        "Examples:",
    ] {
        assert!(out.contains(what), "{what} in:\n{out}");
    }
    let (status, out, _) = cli_status(&["--version"]);
    assert_eq!(status, 0);
    assert_eq!(
        out.trim(),
        format!(
            "taijiang-sim {} (model version {})",
            env!("CARGO_PKG_VERSION"),
            link::MODEL_VERSION
        )
    );
    for wrong in [
        &["--bogus"][..],
        &["--tornado", "nope"],
        &["--goal-seek", "gdp", "lots", "inv"],
        &["--goal-seek", "gdp", "0.8", "nope"],
        &["--goal-seek", "gdp", "0.8"],
        &["--csv", "charts"],
        &["--compare", "#gdp=6"],
        &["--bench", "1", "2025", "3"],
        &["--json", "--compare", "#a", "#b"],
        &["--tornado", "gdp", "--csv", "series"],
    ] {
        let (status, out, err) = cli_status(wrong);
        assert_eq!(status, 2, "{wrong:?}: {err}");
        assert!(out.is_empty(), "{wrong:?} printed {out}");
        assert!(
            err.starts_with("error:") && err.contains("Usage: taijiang-sim"),
            "{wrong:?}: {err}"
        );
    }
}

#[test]
fn the_arguments_read_as_the_modes_they_name() {
    use taijiang_sim::analysis::goal_seek::Goal;
    use taijiang_sim::analysis::Measure;
    use taijiang_sim::cli::{parse, CsvKind, Mode};
    use taijiang_sim::plan::TargetId;
    use taijiang_sim::scenario::Param;
    let mode = |args: &[&str]| parse(std::iter::once("taijiang-sim").chain(args.iter().copied()));
    assert_eq!(
        mode(&[]).expect("plain"),
        Mode::Run {
            link: String::new(),
            json: false
        }
    );
    assert_eq!(
        mode(&["#gdp=6", "--json"]).expect("json"),
        Mode::Run {
            link: "#gdp=6".into(),
            json: true
        }
    );
    assert_eq!(
        mode(&["--csv", "targets", "#a=plan"]).expect("csv"),
        Mode::Csv {
            what: CsvKind::Targets,
            link: "#a=plan".into()
        }
    );
    assert_eq!(
        mode(&["--compare", "#gdp=7", "#gdp=6"]).expect("compare"),
        Mode::Compare {
            a: "#gdp=7".into(),
            b: "#gdp=6".into()
        }
    );
    assert_eq!(
        mode(&["--tornado", "expected", "--json", "#gdp=6"]).expect("tornado"),
        Mode::Tornado {
            measure: Measure::ExpectedMet,
            link: "#gdp=6".into(),
            json: true
        }
    );
    assert_eq!(
        mode(&["--goal-seek", "hightech", "0.5", "ht_push", "#gdp=6"]).expect("goal-seek"),
        Mode::GoalSeek {
            goal: Goal {
                measure: Measure::Target(TargetId::HighTech),
                required: 0.5,
                param: Param::HtPush
            },
            link: "#gdp=6".into(),
            json: false
        }
    );
    assert!(matches!(
        mode(&["--bench-floor", "1000", "2035", "3"]).expect("bench"),
        Mode::Bench {
            repeats: 3,
            floor: true,
            ..
        }
    ));
    // A link gives the benchmark its scenario, observed years and all.
    let Mode::Bench { scenario, .. } =
        mode(&["--bench", "1000", "2030", "3", "#gdp=6&o.gdp.2021=8"]).expect("bench")
    else {
        panic!("a benchmark");
    };
    assert_eq!(
        (
            scenario.get(Param::Gdp),
            scenario.paths(),
            scenario.horizon_year()
        ),
        (6.0, 1000, 2030)
    );
    assert_eq!(scenario.observed().len(), 1);
    assert_eq!(mode(&["--phases"]).expect("phases"), Mode::Phases);
    // What used to be read as a link key is a usage error now.
    assert!(mode(&["--help"]).is_err());
    assert!(mode(&["-x"]).is_err());
}
