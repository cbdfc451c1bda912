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
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("fingerprint"))
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (line, d) in rows.iter().zip(&expected) {
        assert!(line.starts_with(d.id.key()), "{line}");
        assert_eq!(field(line, "probability_a"), four_decimals(d.probability_a));
        assert_eq!(field(line, "probability_b"), four_decimals(d.probability_b));
        assert_eq!(field(line, "delta"), four_decimals(d.delta));
        assert_eq!(field(line, "delta_stderr"), four_decimals(d.std_error));
        assert!(line.ends_with("paired over 900 paths"), "{line}");
    }
}
