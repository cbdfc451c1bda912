//! What leaves the simulator: CSV (BOM, columns, every series and year, the numbers of the
//! summary), SVG charts with their caption, the QR code, file names, and the messages an
//! embedded piece exchanges with its host page (shapes, and never a panic on what comes in).
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use taijiang_sim::charts::{display_scale, fan_chart_for, histogram_for, wrap_caption, AnyChart};
use taijiang_sim::embed::EmbedPiece;
use taijiang_sim::engine::{self, compare, Summary};
use taijiang_sim::export::message::{self, Ignored, Incoming};
use taijiang_sim::export::{
    chart_svg, file_name, link_qr_svg, series_csv, targets_csv, CsvContext, BOM, EXPORT_SIZE,
};
use taijiang_sim::i18n::Lang;
use taijiang_sim::link::{self, Labelled, Link};
use taijiang_sim::plan::{SeriesId, TargetId};
use taijiang_sim::scenario::{Param, Scenario, PARAMS};
use taijiang_sim::text::caption::chart_caption;

fn small_run(gdp: f64) -> Summary {
    let scenario = Scenario::default()
        .with(Param::Paths, 400.0)
        .and_then(|s| s.with(Param::Gdp, gdp))
        .expect("valid");
    engine::run(&scenario)
}

/// A minimal CSV reader (quotes, doubled quotes, CRLF): enough to check what we write.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

fn context(lang: Lang) -> CsvContext<'static> {
    // A test's scenario lives as long as the test process.
    let scenario: &'static Scenario = Box::leak(Box::new(
        Scenario::default().with(Param::Gdp, 6.0).expect("valid"),
    ));
    CsvContext {
        link: "https://example.org/sim/#v=3&gdp=6&ck=000000",
        lang,
        exported: Some("2026-11-28"),
        wordings: Box::leak(Box::default()),
        scenario,
    }
}

#[test]
fn the_series_csv_holds_every_series_and_year_with_the_summarys_numbers() {
    let summary = small_run(6.0);
    for lang in [Lang::Zh, Lang::En] {
        let csv = series_csv(&summary, &[], &context(lang));
        assert!(
            csv.starts_with(BOM),
            "a byte-order mark for spreadsheet programs"
        );
        let rows = read_csv(csv.trim_start_matches(BOM));
        let header_at = rows
            .iter()
            .position(|row| row[0] == "series")
            .expect("a header row");
        assert!(rows[..header_at].iter().all(|row| row[0].starts_with('#')));
        assert!(rows[..header_at]
            .iter()
            .any(|row| row[0] == "# link" && row[1].contains("#v=3&gdp=6")));
        // Every parameter in force, with its unit and tag.
        let parameters: Vec<&Vec<String>> = rows[..header_at]
            .iter()
            .filter(|row| row[0] == "# parameter")
            .collect();
        assert_eq!(parameters.len(), PARAMS.len());
        for (row, spec) in parameters.iter().zip(PARAMS.iter()) {
            assert_eq!(row[1], spec.key);
            assert_eq!(row[3], spec.unit_en);
        }
        assert_eq!(parameters[0][2..], ["6", "%/yr", "plan-target"]);
        let basis = parameters
            .iter()
            .find(|row| row[1] == "inc_basis")
            .expect("listed");
        assert_eq!(
            basis[2..],
            ["real", "", "assumption"],
            "a choice by its name"
        );
        assert_eq!(
            rows[header_at],
            ["series", "name", "unit", "year", "mean", "p5", "p25", "p50", "p75", "p95"]
        );
        let body = &rows[header_at + 1..];
        let years = summary.series(SeriesId::Gdp).years.len();
        assert_eq!(body.len(), SeriesId::ALL.len() * years);
        for id in SeriesId::ALL {
            let scale = display_scale(id);
            let rows: Vec<_> = body.iter().filter(|row| row[0] == id.key()).collect();
            assert_eq!(rows.len(), years, "{}", id.key());
            for (row, stats) in rows.iter().zip(&summary.series(id).years) {
                assert_eq!(row[3], stats.year.to_string());
                // A logit share has no mean: its field is empty.
                assert_eq!(
                    row[4].parse::<f64>().ok(),
                    stats.mean.map(|mean| mean * scale)
                );
                let numbers: Vec<f64> = row[5..]
                    .iter()
                    .map(|f| f.parse().expect("a number"))
                    .collect();
                // The same number, shown in the page's units: exactly the product, printed
                // with every digit it needs.
                for (value, p) in numbers.iter().zip(stats.percentiles) {
                    assert_eq!(*value, p * scale);
                }
            }
        }
    }
}

#[test]
fn one_series_can_be_exported_alone() {
    let summary = small_run(6.0);
    let csv = series_csv(&summary, &[SeriesId::Air], &context(Lang::En));
    let rows = read_csv(csv.trim_start_matches(BOM));
    let body: Vec<_> = rows
        .iter()
        .filter(|row| !row[0].starts_with('#'))
        .skip(1)
        .collect();
    assert!(!body.is_empty());
    assert!(body.iter().all(|row| row[0] == "air" && row[2] == "%"));
}

#[test]
fn the_targets_csv_has_a_b_and_delta_when_compared() {
    let (a, b) = (small_run(7.0), small_run(5.0));
    let differences = compare::differences(&a, &b);
    let csv = targets_csv(&b, Some(&differences), &context(Lang::Zh));
    let rows = read_csv(csv.trim_start_matches(BOM));
    let header = rows.iter().find(|row| row[0] == "target").expect("header");
    assert_eq!(
        header[5..],
        [
            "probability",
            "stderr",
            "wilson95_low",
            "wilson95_high",
            "probability_a",
            "probability_b",
            "delta",
            "delta_stderr",
            "change"
        ]
    );
    for id in TargetId::ALL {
        let row = rows
            .iter()
            .find(|row| row[0] == id.key())
            .expect("a row per target");
        let result = b.target(id).expect("result");
        let d = differences.iter().find(|d| d.id == id).expect("difference");
        let number = |i: usize| row[i].parse::<f64>().expect("a number");
        assert_eq!(number(5), result.probability);
        assert_eq!(number(6), result.std_error);
        assert!(number(7) <= result.probability && result.probability <= number(8));
        assert_eq!(
            (number(9), number(10), number(11)),
            (d.probability_a, d.probability_b, d.delta)
        );
        assert_eq!(number(12), d.std_error);
    }
    // Lowering GDP growth from 7 to 5 % lowers the GDP target's chance, and the file says so.
    let gdp = rows.iter().find(|row| row[0] == "gdp").expect("gdp");
    assert_eq!(gdp[13], "down");
    assert!(rows.iter().any(|row| row[0] == "all_met"));
    // Without a comparison, no comparison columns.
    let alone = targets_csv(&b, None, &context(Lang::En));
    let rows = read_csv(alone.trim_start_matches(BOM));
    assert_eq!(
        rows.iter()
            .find(|row| row[0] == "target")
            .expect("header")
            .len(),
        9
    );
}

#[test]
fn the_cli_prints_the_pages_csv() {
    let fragment = "#v=2&gdp=6&paths=400";
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_taijiang-sim"))
        .args(["--csv", "series", fragment])
        .output()
        .expect("the CLI runs");
    assert!(output.status.success());
    let (parsed, _) = link::parse(fragment);
    let summary = engine::run(&parsed.current.scenario);
    let written = format!("#{}", link::write(&parsed));
    let expected = series_csv(
        &summary,
        &[],
        &CsvContext {
            link: &written,
            lang: Lang::Zh,
            exported: None,
            scenario: &parsed.current.scenario,
            wordings: &Default::default(),
        },
    );
    assert_eq!(String::from_utf8(output.stdout).expect("UTF-8"), expected);
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_taijiang-sim"))
        .args(["--csv", "pies", fragment])
        .output()
        .expect("the CLI runs");
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn an_exported_svg_parses_and_holds_its_title_axes_and_caption() {
    let summary = small_run(6.0);
    let labelled = Labelled::plain(summary_scenario());
    for lang in [Lang::Zh, Lang::En] {
        let caption = chart_caption(
            &labelled,
            lang,
            "2026-11-28",
            "https://example.org/#v=2&ck=e3086a",
        );
        let fan = AnyChart::Fan(Box::new(fan_chart_for(
            &summary,
            &Scenario::default(),
            SeriesId::Gdp,
            lang,
        )));
        let svg = chart_svg(&fan, &caption, EXPORT_SIZE);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        let texts: Vec<&str> = doc
            .descendants()
            .filter_map(|node| node.text())
            .map(str::trim)
            .collect();
        assert!(texts.contains(&fan.title()), "the title");
        assert!(
            texts.contains(&"2015") && texts.contains(&"2025"),
            "the x axis's years"
        );
        assert!(
            texts.iter().any(|t| t.contains("2026-11-28")),
            "the date in the caption"
        );
        assert!(
            texts.iter().any(|t| t.contains("#v=2&ck=e3086a")),
            "the link in the caption"
        );
        let height: f64 = doc
            .root_element()
            .attribute("height")
            .expect("height")
            .parse()
            .expect("a number");
        assert!(
            height > f64::from(EXPORT_SIZE.1),
            "the caption adds to the plot's height"
        );

        let histogram = histogram_for(&summary, TargetId::Gdp, lang).expect("a histogram");
        let svg = chart_svg(
            &AnyChart::Histogram(histogram.clone()),
            &caption,
            EXPORT_SIZE,
        );
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        assert!(doc
            .descendants()
            .any(|n| n.text().is_some_and(|t| t.contains(&histogram.title))));
        assert!(doc
            .descendants()
            .any(|n| n.text().is_some_and(|t| t.contains(&histogram.y_label))));
    }
}

fn summary_scenario() -> Scenario {
    Scenario::default().with(Param::Gdp, 6.0).expect("valid")
}

#[test]
fn a_caption_wraps_to_its_width_without_losing_a_character() {
    let lines = vec![
        "台江区“十四五”规划情景模拟 · 模型第 2 版 · 2026-11-28".repeat(3),
        format!(
            "https://example.org/sim/#v=2&{}ck=e3086a",
            "gdp=6&".repeat(40)
        ),
    ];
    for width in [320.0, 640.0, 1200.0] {
        let wrapped = wrap_caption(&lines, width);
        assert!(wrapped.len() > lines.len() || width > 1000.0);
        assert_eq!(wrapped.concat(), lines.concat());
    }
}

#[test]
fn every_link_we_write_fits_a_qr_code_and_a_huge_one_is_refused() {
    let link = Link {
        current: Labelled::plain(summary_scenario()),
        pinned: Some(Labelled::plain(Scenario::default())),
        lang: Lang::En,
        ..Link::default()
    };
    let url = format!(
        "https://intranet.example.org/plan/simulator/#{}",
        link::write(&link)
    );
    let svg = link_qr_svg(&url, 160).expect("a QR code");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .expect("width")
        .parse()
        .expect("number");
    assert!(width >= 160.0);
    assert!(link_qr_svg(&"x".repeat(5000), 160).is_none());
}

#[test]
fn file_names_say_what_which_year_and_which_run() {
    assert_eq!(
        file_name("gdp", 2025, 0x1e70_d373_cd2d_654a, "svg"),
        "taijiang-gdp-2025-1e70d3.svg"
    );
}

#[test]
fn the_result_message_carries_every_target_and_the_scenario() {
    let (a, b) = (small_run(7.0), small_run(5.0));
    let differences = compare::differences(&a, &b);
    let link = Link {
        current: Labelled::plain(Scenario::default().with(Param::Gdp, 5.0).expect("valid")),
        embed: Some(EmbedPiece::Targets),
        ..Link::default()
    };
    let value = message::result_message(&b, &link, "full", Some(&differences), None);
    assert_eq!(value["type"], "taijiang-sim:result");
    assert_eq!(value["version"], message::MESSAGE_VERSION);
    assert_eq!(value["model"], link::MODEL_VERSION);
    assert_eq!(value["precision"], "full");
    assert_eq!(value["scenario"]["values"]["gdp"], 5.0);
    assert!(value["scenario"]["link"]
        .as_str()
        .expect("link")
        .contains("gdp=5"));
    for result in &b.targets {
        let target = &value["targets"][result.id.key()];
        assert_eq!(target["p"], result.probability);
        assert_eq!(target["stderr"], result.std_error);
        assert!(target["met_rule"]
            .as_str()
            .is_some_and(|rule| !rule.is_empty()));
        assert!(target["delta"].is_f64());
    }
    let size = message::size_message(321);
    assert_eq!(
        size,
        json!({"type": "taijiang-sim:size", "version": 1, "height": 321})
    );
}

#[test]
fn incoming_messages_are_checked_for_shape() {
    assert_eq!(
        message::read_incoming(&json!({"type": "taijiang-sim:set", "link": "#gdp=6"})),
        Ok(Incoming::Set {
            link: "#gdp=6".into()
        })
    );
    assert_eq!(
        message::read_incoming(&json!("hello")),
        Err(Ignored::NotOurs)
    );
    assert_eq!(
        message::read_incoming(&json!({"type": "other:set"})),
        Err(Ignored::NotOurs)
    );
    assert_eq!(
        message::read_incoming(&json!({"type": "taijiang-sim:run"})),
        Err(Ignored::UnknownType("taijiang-sim:run".into()))
    );
    assert!(matches!(
        message::read_incoming(&json!({"type": "taijiang-sim:set", "link": 6})),
        Err(Ignored::Malformed(_))
    ));
    assert!(matches!(
        message::read_incoming(&json!({"type": "taijiang-sim:set", "link": "x".repeat(20_000)})),
        Err(Ignored::Malformed(_))
    ));
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::from),
        prop_oneof![
            Just("taijiang-sim:set"),
            Just("taijiang-sim:result"),
            Just("taijiang-sim:")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![Just("type".to_string()), Just("link".to_string()), ".{0,6}"],
                    inner
                ),
                0..4
            )
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn no_incoming_message_panics_and_a_set_link_is_read_by_the_one_parser(message in any_json()) {
        if let Ok(Incoming::Set { link }) = message::read_incoming(&message) {
            let (parsed, issues) = link::parse(&link);
            prop_assert!(issues.len() <= link::MAX_ISSUES);
            prop_assert!(parsed.current.scenario.paths() >= 1);
        }
    }
}

#[test]
fn the_iframe_snippet_escapes_every_attribute() {
    use taijiang_sim::export::iframe_snippet;
    let title = "GDP & income: \"A\" <vs> 'B'";
    let src = "https://example.org/sim/?a=1&b=2#v=3&gdp=6&embed=targets";
    let snippet = iframe_snippet(src, (640, 400), title);
    // Parsed as XML, the one element has exactly the attributes given, with their values intact.
    let document = roxmltree::Document::parse(&snippet).expect("well-formed");
    let iframe = document.root_element();
    assert_eq!(iframe.tag_name().name(), "iframe");
    assert_eq!(iframe.attribute("src"), Some(src));
    assert_eq!(iframe.attribute("title"), Some(title));
    assert_eq!(iframe.attribute("width"), Some("640"));
    assert_eq!(iframe.attribute("height"), Some("400"));
    assert_eq!(
        iframe.attributes().count(),
        6,
        "src, width, height, style, title, loading"
    );
    assert!(!snippet.contains("& "), "no bare ampersand");
}

proptest! {
    /// Whatever a title holds, the snippet is one iframe whose title reads back unchanged.
    #[test]
    fn any_title_reads_back_from_the_snippet(title in "\\PC{0,40}") {
        use taijiang_sim::export::iframe_snippet;
        let snippet = iframe_snippet("index.html#v=3&embed=targets", (320, 240), &title);
        let document = roxmltree::Document::parse(&snippet).expect("well-formed");
        prop_assert_eq!(document.root_element().attribute("title"), Some(title.as_str()));
    }
}
