//! The notices' words: every kind of link problem is named in both languages, with the key and
//! the value that was used.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use taijiang_sim::i18n::Lang;
use taijiang_sim::link;
use taijiang_sim::state::{AppState, Notice};
use taijiang_sim::text::notices::notice_lines;

fn lines(fragment: &str, lang: Lang) -> Vec<String> {
    let (_, issues) = link::parse(fragment);
    notice_lines(&Notice::Link(issues), lang)
}

#[test]
fn a_bad_value_names_its_key_and_the_default_used() {
    for lang in [Lang::Zh, Lang::En] {
        let text = lines("#gdp=abc", lang).join("\n");
        assert!(
            text.contains("gdp") && text.contains("abc") && text.contains("7.5"),
            "{text}"
        );
        let pinned = lines("#a.vol=99", lang).join("\n");
        assert!(
            pinned.contains("a.vol") && pinned.contains("1.5"),
            "{pinned}"
        );
    }
}

#[test]
fn a_duplicate_names_the_value_used() {
    assert!(lines("#gdp=6&gdp=5", Lang::En)[0].contains("“5”"));
    assert!(lines("#gdp=6&gdp=5", Lang::Zh)[0].contains("“5”"));
}

#[test]
fn a_link_without_its_checksum_is_said_quietly_and_an_altered_one_loudly() {
    // Written or trimmed by hand: not a problem, one quiet line of its own.
    let state = AppState::from_fragment("#v=3&preset=downturn");
    assert_eq!(state.notices, [Notice::Unchecked]);
    assert!(notice_lines(&Notice::Unchecked, Lang::En)[0].starts_with("written by hand"));
    assert!(notice_lines(&Notice::Unchecked, Lang::Zh)[0].starts_with("手写链接"));
    // With a real problem beside it, the problem is the notice and the quiet line stays apart.
    let both = AppState::from_fragment("#v=3&gdp=abc");
    assert!(
        matches!(both.notices.as_slice(), [Notice::Link(issues), Notice::Unchecked] if issues.len() == 1)
    );
    // A checksum that does not match was cut or altered: that is said as a problem.
    assert!(lines("#v=1&gdp=6&ck=000000", Lang::En)[0].contains("altered"));
    assert!(matches!(
        AppState::from_fragment("#v=3&gdp=6&ck=000000")
            .notices
            .as_slice(),
        [Notice::Link(_)]
    ));
}

#[test]
fn every_issue_has_words_in_both_languages() {
    let all = "#bogus=1&gdp=x&preset=nope&gdp=7&v=99&ck=1";
    let (_, issues) = link::parse(all);
    assert!(issues.len() >= 5, "{issues:?}");
    for lang in [Lang::Zh, Lang::En] {
        let texts = notice_lines(&Notice::Link(issues.clone()), lang);
        assert_eq!(texts.len(), issues.len());
        assert!(texts.iter().all(|t| !t.is_empty()));
    }
}

#[test]
fn english_counts_agree_with_their_verbs() {
    use taijiang_sim::engine;
    use taijiang_sim::scenario::{Param, Scenario};
    use taijiang_sim::text::compare::{headline, moved_line};
    let summary = engine::run(
        &Scenario::default()
            .with(Param::Paths, 300.0)
            .expect("valid"),
    );
    let line = headline(&summary, Lang::En);
    assert!(!line.contains(" 1 are "), "{line}");
    let a = engine::run(
        &Scenario::default()
            .with(Param::Paths, 2000.0)
            .expect("valid"),
    );
    let b = engine::run(
        &Scenario::default()
            .with(Param::Paths, 2000.0)
            .and_then(|s| s.with(Param::Gdp, 6.0))
            .expect("valid"),
    );
    let differences = engine::compare::differences(&a, &b);
    let moved = moved_line(&differences, true, Lang::En);
    assert!(moved.contains("0 targets are more likely"), "{moved}");
}

#[test]
fn a_bad_value_after_a_preset_names_the_presets_value_as_used() {
    let text = lines("#preset=pace13&gdp=abc", Lang::En).join("\n");
    assert!(text.contains("7.99 is used instead"), "{text}");
}

#[test]
fn a_refused_entry_names_the_range_and_the_value_kept() {
    use taijiang_sim::scenario::Param;
    use taijiang_sim::text::notices::refused_entry;
    let icor = Param::Icor.spec();
    assert_eq!(
        refused_entry(icor, "0.5", 5.0, Lang::En).as_deref(),
        Some("0.5 is out of range: enter a number from 2 to 20; 5 stays in force.")
    );
    assert_eq!(
        refused_entry(icor, "  ", 5.0, Lang::En).as_deref(),
        Some("The field is empty: enter a number from 2 to 20; 5 stays in force.")
    );
    assert_eq!(
        refused_entry(icor, "", 5.0, Lang::Zh).as_deref(),
        Some("输入为空:请输入 2 到 20 之间的数;仍使用 5。")
    );
    assert_eq!(
        refused_entry(icor, "abc", 5.0, Lang::En).as_deref(),
        Some("“abc” is not a number: enter a number from 2 to 20; 5 stays in force.")
    );
    assert_eq!(
        refused_entry(icor, "4.2", 5.0, Lang::En),
        None,
        "a value in range is taken"
    );
    // Every assumption's message names its own range, in both languages.
    for spec in taijiang_sim::scenario::PARAMS {
        for lang in [Lang::Zh, Lang::En] {
            let line = refused_entry(&spec, "-1e300", spec.default, lang).expect("refused");
            assert!(
                line.contains(&format!("{}", spec.min)) && line.contains(&format!("{}", spec.max)),
                "{line}"
            );
        }
    }
}

#[test]
fn the_page_says_when_a_scenario_leaves_the_models_ground() {
    use taijiang_sim::engine;
    use taijiang_sim::scenario::{Param, Scenario};
    use taijiang_sim::text::notes::growth_floor_note;
    let run = |settings: &[(Param, f64)]| {
        let scenario = settings
            .iter()
            .try_fold(Scenario::default(), |s, &(param, value)| {
                s.with(param, value)
            })
            .expect("valid");
        engine::run(&scenario)
    };
    let defaults = run(&[(Param::Paths, 2_000.0), (Param::Horizon, 2035.0)]);
    assert_eq!(
        defaults.floored_path_years, 0,
        "at the defaults the floor is out of reach"
    );
    assert_eq!(growth_floor_note(0, 2_000, 16, Lang::En), None);
    // docs/MODEL.md: GDP falls 50 亿元 a year from 2022, and is held at the floor from 2033.
    let collapse = run(&[
        (Param::Gdp, 0.0),
        (Param::Inv, -100.0),
        (Param::Icor, 2.0),
        (Param::Horizon, 2035.0),
        (Param::Paths, 2_000.0),
    ]);
    let floored = f64::from(collapse.floored_path_years) / (2_000.0 * 15.0);
    assert!(
        (0.1..0.3).contains(&floored),
        "about the last three of fifteen years: {floored}"
    );
    let note = growth_floor_note(collapse.floored_path_years, 2_000, 15, Lang::En).expect("a note");
    assert!(
        note.contains("−95\u{a0}%/yr") && note.contains("Outside the model's ground"),
        "{note}"
    );
    let zh = growth_floor_note(1, 10_000, 15, Lang::Zh).expect("a note");
    assert!(zh.contains("不到 0.1%"), "{zh}");
}
