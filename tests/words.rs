//! Every sentence of the page lives in `text/`, in both languages: each fixed label and each
//! problem has its Chinese and its English, the words that carry numbers carry the right ones,
//! and nothing English is left on the Chinese page (nor Chinese on the English one, but for
//! the plan's own words and the language switch).
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use taijiang_sim::analysis::goal_seek::{Goal, Monotone, Outcome, SeekResult};
use taijiang_sim::analysis::level::LevelError;
use taijiang_sim::analysis::{Measure, PairedChange};
use taijiang_sim::embed::EmbedPiece;
use taijiang_sim::engine;
use taijiang_sim::i18n::Lang;
use taijiang_sim::library::{EntryProblem, ImportProblem, Problem, SaveError, Severity};
use taijiang_sim::link::{Labelled, LinkIssue};
use taijiang_sim::plan::{SeriesId, TargetId};
use taijiang_sim::preset::PresetId;
use taijiang_sim::scenario::{Param, Scenario, ValueError};
use taijiang_sim::text::labels::Label;
use taijiang_sim::text::{briefing, charts, controls, decisions, saved};

/// Whether `text` holds a CJK ideograph.
fn has_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

/// Whether `text` holds a Latin word of three letters or more (not a unit, not "GDP").
fn has_english_word(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|word| {
        word.len() >= 3 && !["GDP", "CSV", "JSON", "PNG", "SVG", "ICOR", "Esc"].contains(&word)
    })
}

#[test]
fn every_label_is_chinese_on_the_chinese_page_and_english_on_the_english_one() {
    for &label in Label::ALL {
        let (zh, en) = label.words();
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{label:?}");
        assert_eq!(label.text(Lang::Zh), zh);
        assert_eq!(label.text(Lang::En), en);
        if label == Label::SwitchLanguage {
            // The switch names the language it switches to.
            assert_eq!((zh, en), ("English", "中文"));
            continue;
        }
        assert!(has_chinese(zh), "{label:?}: {zh}");
        assert!(!has_chinese(en), "{label:?}: {en}");
        assert!(
            !has_english_word(zh) || zh.contains("docs/EMBED.md") || zh.contains("postMessage"),
            "{label:?}: {zh}"
        );
    }
    let mut unique: Vec<Label> = Label::ALL.to_vec();
    unique.dedup();
    assert_eq!(unique.len(), Label::ALL.len());
}

/// One of each problem, with values as the library shows them.
fn every_problem() -> Vec<Problem> {
    vec![
        Problem::Missing,
        Problem::NotText("6".into()),
        Problem::NotAnObject("[1,2]".into()),
        Problem::NotModelVersion("\"two\"".into()),
        Problem::OtherModel { version: 1 },
        Problem::OtherModel { version: 99 },
        Problem::Link(LinkIssue::UnknownKey("bogus".into())),
        Problem::UnknownPreset("\"nope\"".into()),
        Problem::UnknownParameter { newer: false },
        Problem::UnknownParameter { newer: true },
        Problem::BadValue {
            shown: "99".into(),
            error: ValueError::OutOfRange {
                min: 0.0,
                max: 15.0,
            },
            min: 0.0,
            max: 15.0,
            integer: false,
        },
        Problem::BadValue {
            shown: "1.5".into(),
            error: ValueError::NotWhole,
            min: 0.0,
            max: 9.0,
            integer: true,
        },
        Problem::BadValue {
            shown: "\"6\"".into(),
            error: ValueError::NotANumber,
            min: 0.0,
            max: 15.0,
            integer: false,
        },
        Problem::UnsupportedFormat("7".into()),
        Problem::EmptyName,
        Problem::NotJson("EOF while parsing".into()),
        Problem::NotRewritten("QuotaExceededError".into()),
        Problem::FileNotJson("EOF while parsing".into()),
        Problem::NotScenarioFile("\"other\"".into()),
        Problem::UnsupportedVersion("9".into()),
        Problem::NoScenarios,
        Problem::SameNameAs(1),
    ]
}

#[test]
fn every_problem_of_a_saved_scenario_is_said_in_either_language() {
    for problem in every_problem() {
        let zh = saved::problem_text(&problem, Lang::Zh);
        let en = saved::problem_text(&problem, Lang::En);
        assert!(has_chinese(&zh), "{problem:?}: {zh}");
        assert!(
            !has_chinese(&en) && has_english_word(&en),
            "{problem:?}: {en}"
        );
    }
    let range = Problem::BadValue {
        shown: "99".into(),
        error: ValueError::OutOfRange {
            min: 0.0,
            max: 15.0,
        },
        min: 0.0,
        max: 15.0,
        integer: false,
    };
    assert_eq!(
        saved::problem_text(&range, Lang::En),
        "99 is out of range; allowed: 0 to 15"
    );
    assert_eq!(
        saved::problem_text(&range, Lang::Zh),
        "99 超出范围;允许:0 到 15"
    );
}

#[test]
fn a_problem_names_its_entry_and_field() {
    let stored = EntryProblem {
        name: "slow".into(),
        field: "scenario.values.gdp".into(),
        problem: Problem::Missing,
        severity: Severity::Error,
    };
    assert_eq!(
        saved::entry_problem(&stored, Lang::En),
        "“slow”, scenario.values.gdp: missing"
    );
    assert_eq!(
        saved::entry_problem(&stored, Lang::Zh),
        "“slow”,scenario.values.gdp:缺失"
    );
    let imported = ImportProblem {
        entry: 7,
        name: Some("ok".into()),
        field: "name".into(),
        problem: Problem::SameNameAs(1),
        severity: Severity::Error,
    };
    assert_eq!(
        saved::import_problem(&imported, Lang::En),
        "entry 7 “ok”, name: entry 1 has the same name; only that one is imported"
    );
    assert_eq!(
        saved::import_problem(&imported, Lang::Zh),
        "第 7 项 “ok”,name:与第 1 项同名;只导入那一项"
    );
    let whole = ImportProblem {
        entry: 0,
        name: None,
        field: "format".into(),
        problem: Problem::Missing,
        severity: Severity::Error,
    };
    assert_eq!(saved::import_problem(&whole, Lang::En), "format: missing");
}

#[test]
fn saving_renaming_and_deleting_say_what_they_did_in_either_language() {
    for error in [
        SaveError::Exists,
        SaveError::EmptyName,
        SaveError::NotFound,
        SaveError::Storage("full".into()),
    ] {
        assert!(
            has_chinese(&saved::save_error(&error, Lang::Zh)),
            "{error:?}"
        );
        assert!(
            !has_chinese(&saved::save_error(&error, Lang::En)),
            "{error:?}"
        );
    }
    for done in [
        saved::Done::Saved,
        saved::Done::NotReplaced,
        saved::Done::Deleted,
        saved::Done::Renamed,
    ] {
        assert!(saved::done(done, "plan B", Lang::Zh).contains("“plan B”"));
        assert!(saved::done(done, "plan B", Lang::En).contains("“plan B”"));
    }
    assert_eq!(saved::exported(3, true, Lang::En), "Exported 3 scenarios");
    assert_eq!(saved::exported(3, true, Lang::Zh), "已导出 3 个情景");
    assert!(has_chinese(&saved::exported(3, false, Lang::Zh)));
    assert_eq!(
        saved::imported(2, &["Saved “a”".into(), "Saved “b”".into()], 1, Lang::En),
        "Import: 2 valid scenarios (Saved “a”; Saved “b”); 1 errors"
    );
    assert_eq!(saved::entry_action(Label::Open, "x", Lang::Zh), "打开:x");
}

fn change(measure: Measure, value: f64, std_error: f64) -> PairedChange {
    PairedChange {
        measure,
        base: 0.0,
        value,
        delta: value,
        std_error,
    }
}

#[test]
fn a_goal_seeks_answer_is_said_in_the_measures_unit() {
    let count = Measure::ExpectedMet;
    let chance = Measure::Target(TargetId::Gdp);
    assert_eq!(decisions::level_text(count, 6.0, Lang::Zh), "6.00 项");
    assert_eq!(decisions::level_text(count, 6.0, Lang::En), "6.00 targets");
    assert_eq!(decisions::level_text(chance, 0.8, Lang::En), "80.0 %");
    assert_eq!(
        decisions::asked(count, 6.0, Lang::En),
        "Asked: expected number met ≥ 6.00 targets"
    );
    assert_eq!(
        decisions::level_field(count, Lang::En),
        "at least (targets)"
    );
    assert_eq!(
        decisions::level_field(chance, Lang::En),
        "chance at least (%)"
    );
    let found = SeekResult {
        goal: Goal {
            measure: count,
            required: 6.0,
            param: Param::HtPush,
        },
        monotone: Monotone::NotGuaranteed,
        outcome: Outcome::Found {
            value: 30.0,
            change: change(count, 6.1, 0.02),
            short: (29.0, 5.9),
        },
        runs: 9,
        current: 0.0,
    };
    let en = decisions::seek_result(&found, Lang::En);
    assert!(
        en.starts_with("“Doubling-plan push” at 30 firms/yr: 6.10 targets ± 0.02 targets"),
        "{en}"
    );
    assert!(
        en.ends_with("but a nearer one might too.)"),
        "the caveat where not monotone: {en}"
    );
    let zh = decisions::seek_result(&found, Lang::Zh);
    assert!(
        zh.contains("6.10 项") && zh.contains("未必是最近的"),
        "{zh}"
    );
    for outcome in [
        Outcome::AlreadyMet {
            value: 0.0,
            reached: 6.5,
        },
        Outcome::NotReachable {
            best_value: 100.0,
            best: 5.5,
        },
    ] {
        let result = SeekResult {
            outcome,
            monotone: Monotone::Increasing,
            ..found.clone()
        };
        for lang in [Lang::Zh, Lang::En] {
            let words = decisions::seek_result(&result, lang);
            assert!(
                words.contains(&decisions::level_text(count, 6.5, lang))
                    || words.contains(&decisions::level_text(count, 5.5, lang)),
                "{words}"
            );
            assert_eq!(has_chinese(&words), lang == Lang::Zh, "{words}");
        }
    }
    assert_eq!(
        decisions::level_refused(
            LevelError::OutOfRange {
                low: 0.0,
                high: 10.0
            },
            count,
            6.0,
            Lang::En
        ),
        "Type a number from 0 to 10; 6.0 is kept."
    );
    assert_eq!(
        decisions::level_refused(LevelError::NotANumber, chance, 80.0, Lang::Zh),
        "请输入一个数;仍用 80。"
    );
    assert_eq!(
        decisions::change_text(chance, 0.123, 0.004, Lang::En),
        "+12.3 ± 0.4 pts"
    );
    assert_eq!(
        decisions::change_text(count, 0.5, 0.02, Lang::Zh),
        "+0.50 ± 0.02 项"
    );
    assert_eq!(decisions::progress(3, 18, Lang::En), " runs done 3 / 18");
    assert_eq!(
        decisions::still_line(&["ICOR", "ρ"], Lang::Zh),
        "一档之内不改变任何路径的结果:ICOR、ρ"
    );
}

#[test]
fn the_controls_words_name_their_numbers() {
    let spec = Param::GdpTol.spec();
    assert_eq!(
        controls::default_button(spec, Lang::En),
        (
            "default 0.5".to_owned(),
            "default 0.5 · reset to default: Tolerance of “about 7.5 %”".to_owned()
        )
    );
    assert!(controls::default_button(spec, Lang::Zh)
        .0
        .starts_with("默认 0.5"));
    assert_eq!(controls::changed_count(2, Lang::Zh), "(已修改 2 项)");
    let gdp = Param::Gdp.spec();
    assert_eq!(
        controls::reference(gdp, None, 7.5, Lang::En),
        "default: 7.5 %/yr"
    );
    assert!(
        controls::reference(gdp, Some(PresetId::Pace13), 10.15, Lang::Zh).ends_with("10.2 %/年")
    );
    let plain = Labelled {
        scenario: Scenario::default(),
        preset: None,
    };
    assert_eq!(controls::pinned_name(&plain, Lang::En), "A = The plan");
    let changed = Labelled {
        scenario: Scenario::default().with(Param::Gdp, 6.0).expect("valid"),
        preset: Some(PresetId::Plan),
    };
    assert!(controls::pinned_name(&changed, Lang::Zh).ends_with("(已修改)"));
}

#[test]
fn a_fan_charts_description_names_the_years_it_describes() {
    let summary = engine::run(&scenario(&[
        (Param::Paths, 200.0),
        (Param::Horizon, 2030.0),
    ]));
    for lang in [Lang::Zh, Lang::En] {
        let words = charts::fan_description(&summary, SeriesId::Gdp, None, lang);
        assert!(words.starts_with("2025"), "{words}");
        assert!(words.contains("2030"), "the horizon's median: {words}");
    }
    let short = engine::run(&scenario(&[(Param::Paths, 200.0)]));
    assert!(!charts::fan_description(&short, SeriesId::Gdp, None, Lang::En).contains("2030"));
    // The years entered as observed, said after the numbers.
    let given = Some((2021, 2023));
    let en = charts::fan_description(&short, SeriesId::Gdp, given, Lang::En);
    assert!(en.ends_with("; 2021–2023 as observed"), "{en}");
    let zh = charts::fan_description(&short, SeriesId::Gdp, given, Lang::Zh);
    assert!(zh.ends_with(";2021–2023 年为已填实际值"), "{zh}");
    let one = charts::fan_description(&short, SeriesId::Gdp, Some((2021, 2021)), Lang::En);
    assert!(one.ends_with("; 2021 as observed"), "{one}");
}

#[test]
fn every_piece_has_a_name_and_the_sheet_says_its_run() {
    for piece in EmbedPiece::ALL {
        let zh = briefing::piece_name(piece, Lang::Zh, TargetId::Air);
        let en = briefing::piece_name(piece, Lang::En, TargetId::Air);
        assert!(
            has_chinese(&zh) && !has_chinese(&en),
            "{piece:?}: {zh} / {en}"
        );
    }
    assert_eq!(
        briefing::sheet_run_line("2026-12-04", 10_000, 0xabc, Lang::En),
        format!(
            "2026-12-04 · model v{} · 10,000 paths · fingerprint 0000000000000abc",
            taijiang_sim::link::MODEL_VERSION
        )
    );
    assert!(briefing::sheet_title(Lang::Zh).ends_with("情景简报"));
}

#[test]
fn every_reading_is_named_in_either_language() {
    use taijiang_sim::scenario::PARAMS;
    use taijiang_sim::text::param_value;
    let mut readings = 0;
    for spec in PARAMS.iter().filter(|spec| !spec.choices.is_empty()) {
        for (index, name) in spec.choices.iter().enumerate() {
            let zh = controls::choice_label(name, Lang::Zh);
            let en = controls::choice_label(name, Lang::En);
            assert!(
                has_chinese(zh) && !has_chinese(en) && has_english_word(en),
                "{name}"
            );
            assert_ne!(zh, "其他", "{name} has words of its own");
            assert_eq!(param_value(spec, index as f64, Lang::En), en);
            readings += 1;
        }
        let (shown, _) = controls::default_button(spec, Lang::En);
        assert!(
            shown.starts_with("default ") && !shown.ends_with('0'),
            "{shown}"
        );
    }
    assert_eq!(readings, 4, "sync_rule and inc_basis, two readings each");
}

#[test]
fn the_outlook_keeps_a_place_for_the_lever_while_its_analysis_runs() {
    use taijiang_sim::text::outlook::{lever_pending, outlook};
    let summary = engine::run(&Scenario::default());
    for lang in [Lang::Zh, Lang::En] {
        let pending = lever_pending(lang);
        // Read after the outlook's last sentence, as one more sentence of it.
        let read = format!("{}{pending}", outlook(&summary, None, lang));
        match lang {
            Lang::Zh => {
                assert!(
                    has_chinese(pending) && !pending.starts_with(' '),
                    "{pending}"
                );
                assert!(read.contains("。影响最大的调控因素"), "{read}");
            }
            Lang::En => {
                assert!(
                    has_english_word(pending) && !has_chinese(pending),
                    "{pending}"
                );
                assert!(read.contains(". The lever that matters most"), "{read}");
            }
        }
    }
}
