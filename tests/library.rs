//! Saved scenarios: the store (save, load, migration, rename) and the scenario file (export,
//! import, validation), with property tests that import never panics and round-trips exactly.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use taijiang_sim::i18n::Lang;
use taijiang_sim::library::{
    self, export_file, import_file, ImportReport, MemoryStore, SaveError, SavedScenario, Severity,
    Store, FILE_FORMAT, KEY_PREFIX,
};
use taijiang_sim::link::{self, Labelled, Link, MODEL_VERSION};
use taijiang_sim::plan::SeriesId;
use taijiang_sim::preset::PresetId;
use taijiang_sim::scenario::observed::{Observations, ObservedMeasure, ObservedSeries};
use taijiang_sim::scenario::sources::Sources;
use taijiang_sim::scenario::targets::Wordings;
use taijiang_sim::scenario::{Param, Scenario, PARAMS};
use taijiang_sim::scenario::{UserRule, UserTarget};
use taijiang_sim::text::saved;

fn scenario(settings: &[(Param, f64)]) -> Scenario {
    settings
        .iter()
        .fold(Scenario::default(), |s, &(param, value)| {
            s.with(param, value).expect("test settings are valid")
        })
}

/// A B and A pair with presets and values that need all 17 digits (serde_json's default
/// reader gets some of them one unit in the last place wrong).
fn pair(name: &str) -> SavedScenario {
    let current = Labelled {
        scenario: PresetId::Downturn
            .scenario()
            .with(Param::Gdp, 0.1 + 0.2)
            .and_then(|s| s.with(Param::Rho, 0.49684320394085923))
            .and_then(|s| s.with(Param::Seed, 9_007_199_254_740_991.0))
            .unwrap(),
        preset: Some(PresetId::Downturn),
    };
    let pinned = Labelled {
        scenario: scenario(&[
            (Param::Inc, 14.644436278098667),
            (Param::CultDrift, -0.029946468128139614),
        ]),
        preset: None,
    };
    SavedScenario::new(name, "2024-05-01T10:00:00Z", current, Some(pinned))
}

fn single(name: &str, preset: Option<PresetId>) -> SavedScenario {
    let scenario = preset.map_or_else(Scenario::default, PresetId::scenario);
    SavedScenario::new(name, "2024-05-02", Labelled { scenario, preset }, None)
}

fn store_with(entries: &[(&str, &str)]) -> MemoryStore {
    let mut store = MemoryStore::new();
    for (key, value) in entries {
        store.set(key, value).unwrap();
    }
    store
}

/// The stored JSON of an entry.
fn stored(store: &MemoryStore, name: &str) -> Value {
    serde_json::from_str(&store.get(&library::key(name)).expect("stored")).expect("JSON")
}

fn errors(report: &ImportReport) -> Vec<(usize, &str)> {
    report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.entry, p.field.as_str()))
        .collect()
}

#[test]
fn saved_entries_load_back_the_same_sorted_by_name() {
    let mut store = MemoryStore::new();
    let entries = [
        pair("z pair"),
        single("a plain", None),
        single("m green", Some(PresetId::Green)),
    ];
    for entry in &entries {
        library::save(&mut store, entry, false).unwrap();
    }
    store.set("other-app.setting", "{not ours").unwrap();
    let report = library::load_all(&mut store);
    assert_eq!(report.problems, []);
    assert_eq!(
        report.entries,
        [entries[1].clone(), entries[2].clone(), entries[0].clone()]
    );

    let json = stored(&store, "z pair");
    assert_eq!(json["format"], 2);
    assert_eq!(json["scenario"]["preset"], "downturn");
    assert_eq!(json["pinned"]["preset"], Value::Null);
    let values = json["scenario"]["values"].as_object().unwrap();
    assert_eq!(
        values.len(),
        PARAMS.len(),
        "every parameter is stored, not only differences"
    );
    assert_eq!(values["seed"], json!(9_007_199_254_740_991_u64));
}

#[test]
fn a_broken_entry_is_named_and_the_others_load() {
    let mut good = MemoryStore::new();
    library::save(&mut good, &single("good", None), false).unwrap();
    let mut out_of_range = stored(&good, "good");
    out_of_range["scenario"]["values"]["gdp"] = json!(99);
    let newer = json!({"format": 3, "name": "future", "saved_at": "x"});
    let mut store = store_with(&[
        (
            &library::key("good"),
            &good.get(&library::key("good")).unwrap(),
        ),
        (&library::key("broken"), "{\"format\": 2, \"name\": "),
        (&library::key("far"), &out_of_range.to_string()),
        (&library::key("future"), &newer.to_string()),
    ]);
    let before = store.clone();
    let report = library::load_all(&mut store);
    assert_eq!(report.entries, [single("good", None)]);
    let problems: Vec<_> = report
        .problems
        .iter()
        .map(|p| (p.name.as_str(), p.field.as_str(), p.severity))
        .collect();
    assert_eq!(
        problems,
        [
            ("broken", "", Severity::Error),
            ("far", "scenario.values.gdp", Severity::Error),
            ("future", "format", Severity::Error),
        ]
    );
    let far = saved::entry_problem(&report.problems[1], Lang::En);
    assert!(far.contains("0 to 15"), "{far}");
    let far = saved::entry_problem(&report.problems[1], Lang::Zh);
    assert!(far.contains("0 到 15") && far.contains("超出范围"), "{far}");
    assert_eq!(store, before, "broken entries stay as they are");
}

#[test]
fn a_format_1_entry_opens_and_is_rewritten_in_format_2() {
    let old = json!({
        "format": 1, "name": "old", "saved_at": "2023-01-01",
        "link": "#gdp=6&inv=50&a=invest&a.vol=2",
    });
    let mut store = store_with(&[(&library::key("old"), &old.to_string())]);
    let report = library::load_all(&mut store);
    // Its link does not say its model version: a warning, and the entry loads.
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(
        (
            report.problems[0].severity,
            report.problems[0].field.as_str()
        ),
        (Severity::Warning, "link")
    );
    let expected = SavedScenario {
        name: "old".into(),
        saved_at: "2023-01-01".into(),
        model: 1,
        current: Labelled::plain(scenario(&[(Param::Gdp, 6.0), (Param::Inv, 50.0)])),
        pinned: Some(Labelled {
            scenario: PresetId::Invest.scenario().with(Param::Vol, 2.0).unwrap(),
            preset: Some(PresetId::Invest),
        }),
        sources: Sources::default(),
        wordings: Wordings::default(),
    };
    assert_eq!(report.entries, std::slice::from_ref(&expected));
    let json = stored(&store, "old");
    assert_eq!(json["format"], 2);
    assert_eq!(json["scenario"]["values"]["gdp"], 6);
    let again = library::load_all(&mut store);
    assert_eq!(again.entries, vec![expected], "migrated once");
    // Made with model version 1: every load says its numbers may differ.
    assert_eq!(again.problems.len(), 1, "{:?}", again.problems);
    assert_eq!(
        (again.problems[0].field.as_str(), again.problems[0].severity),
        ("model", Severity::Warning)
    );
}

#[test]
fn a_format_1_entry_with_link_issues_loads_with_warnings() {
    let old = json!({"format": 1, "name": "x", "saved_at": "", "link": "gdp=99&zzz=1&inv=5"});
    let mut store = store_with(&[(&library::key("x"), &old.to_string())]);
    let report = library::load_all(&mut store);
    assert_eq!(report.entries.len(), 1);
    assert_eq!(
        report.entries[0].current.scenario,
        scenario(&[(Param::Inv, 5.0)])
    );
    // The bad value, the unknown key and the missing model version.
    assert_eq!(report.problems.len(), 3, "{:?}", report.problems);
    assert!(report
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning && p.field == "link"));
}

/// A store that refuses every write, like a full localStorage.
struct FullStore(MemoryStore);

impl Store for FullStore {
    fn keys(&self) -> Vec<String> {
        self.0.keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), String> {
        Err("quota exceeded".into())
    }
    fn remove(&mut self, key: &str) {
        self.0.remove(key)
    }
}

#[test]
fn save_never_overwrites_without_permission() {
    let mut store = MemoryStore::new();
    let first = single("mine", None);
    library::save(&mut store, &first, false).unwrap();
    let second = single("mine", Some(PresetId::Green));
    assert_eq!(
        library::save(&mut store, &second, false),
        Err(SaveError::Exists)
    );
    assert_eq!(library::load_all(&mut store).entries, [first]);
    library::save(&mut store, &second, true).unwrap();
    assert_eq!(library::load_all(&mut store).entries, [second]);

    assert_eq!(
        library::save(&mut store, &single("  ", None), true),
        Err(SaveError::EmptyName)
    );
    let mut full = FullStore(MemoryStore::new());
    assert_eq!(
        library::save(&mut full, &single("x", None), false),
        Err(SaveError::Storage("quota exceeded".into()))
    );
}

#[test]
fn rename_keeps_the_entry_and_never_clobbers() {
    let mut store = MemoryStore::new();
    library::save(&mut store, &pair("a"), false).unwrap();
    library::save(&mut store, &single("b", None), false).unwrap();
    assert_eq!(
        library::rename(&mut store, "a", "b", false),
        Err(SaveError::Exists)
    );
    assert_eq!(
        library::rename(&mut store, "nope", "c", false),
        Err(SaveError::NotFound)
    );
    assert_eq!(
        library::rename(&mut store, "a", "", false),
        Err(SaveError::EmptyName)
    );
    library::rename(&mut store, "a", "c", false).unwrap();
    assert_eq!(
        library::load_all(&mut store).entries,
        [single("b", None), pair("c")]
    );
    assert_eq!(stored(&store, "c")["name"], "c");

    library::rename(&mut store, "c", "b", true).unwrap();
    assert_eq!(library::load_all(&mut store).entries, [pair("b")]);

    // A failed write leaves the old entry where it was.
    let mut full = FullStore(store.clone());
    assert!(matches!(
        library::rename(&mut full, "b", "d", false),
        Err(SaveError::Storage(_))
    ));
    assert_eq!(full.0, store);

    // An entry that cannot be read can still be renamed (and then deleted).
    store.set(&library::key("junk"), "not json").unwrap();
    library::rename(&mut store, "junk", "junk 2", false).unwrap();
    assert_eq!(
        store.get(&library::key("junk 2")).as_deref(),
        Some("not json")
    );
    assert!(!library::exists(&store, "junk"));
    library::delete(&mut store, "junk 2");
    assert_eq!(store.keys(), [format!("{KEY_PREFIX}b")]);
}

#[test]
fn export_then_import_gives_the_same_entries() {
    let entries = [
        pair("B and A"),
        single("下行", Some(PresetId::Downturn)),
        single("plain", None),
    ];
    let text = export_file(&entries);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], FILE_FORMAT);
    assert_eq!(file["version"], 2);
    let report = import_file(&text);
    assert_eq!(report.problems, []);
    assert_eq!(report.valid, entries);
}

#[test]
fn each_bad_field_is_listed_and_only_valid_entries_import() {
    let values = |gdp: Value| json!({"gdp": gdp, "seed": 7});
    let entry = |name: &str, scenario: Value, pinned: Value| json!({"format": 2, "name": name, "saved_at": "2024", "model": MODEL_VERSION, "scenario": scenario, "pinned": pinned});
    let file = json!({"format": FILE_FORMAT, "version": 2, "scenarios": [
        entry("ok", json!({"preset": "invest", "values": values(json!(6))}), Value::Null),
        entry("bad", json!({"preset": "nope", "values": {"gdp": "six", "seed": 1.5, "zzz": 1}}),
              json!({"values": {"horizon": 2040}})),
        json!({"format": 2, "saved_at": 5, "model": -1, "scenario": {}}),
        entry("ok", json!({"values": {}}), Value::Null),
        entry("newer", json!({"values": {"gdp": 6, "later": 1}}), Value::Null),
        json!([1, 2]),
    ]});
    let mut file = file;
    file["scenarios"][4]["model"] = json!(MODEL_VERSION + 1);
    let report = import_file(&file.to_string());
    assert_eq!(
        errors(&report),
        [
            (2, "scenario.preset"),
            (2, "scenario.values.gdp"),
            (2, "scenario.values.seed"),
            (2, "scenario.values.zzz"),
            (2, "pinned.values.horizon"),
            (3, "name"),
            (3, "saved_at"),
            (3, "model"),
            (3, "scenario.values"),
            (4, "name"),
            (6, ""),
        ]
    );
    let message = |entry, field: &str| {
        let p = report
            .problems
            .iter()
            .find(|p| p.entry == entry && p.field == field)
            .unwrap();
        saved::problem_text(&p.problem, Lang::En)
    };
    assert!(message(2, "scenario.values.seed").contains("whole numbers from 0 to 9007199254740991"));
    assert!(message(2, "scenario.values.zzz").contains("unknown parameter"));
    assert!(message(2, "pinned.values.horizon").contains("2025 to 2035"));
    assert!(message(2, "scenario.preset").contains("\"nope\""));
    assert_eq!(report.problems[0].name.as_deref(), Some("bad"));

    // A newer model imports with warnings, its unknown keys ignored; missing keys are defaults.
    let names: Vec<_> = report.valid.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["ok", "newer"]);
    let warnings: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .map(|p| (p.entry, p.field.as_str()))
        .collect();
    assert_eq!(warnings, [(5, "model"), (5, "scenario.values.later")]);
    assert_eq!(
        report.valid[0].current.scenario,
        scenario(&[(Param::Gdp, 6.0), (Param::Seed, 7.0)])
    );
    assert_eq!(report.valid[0].current.preset, Some(PresetId::Invest));
}

#[test]
fn a_problem_with_the_whole_file_is_entry_0() {
    for (text, field) in [
        ("", ""),
        ("{\"format\": \"taijiang-sim-scenarios\", ", ""),
        ("[1]", "format"),
        (
            "{\"format\": \"something-else\", \"version\": 2, \"scenarios\": []}",
            "format",
        ),
        (
            "{\"format\": \"taijiang-sim-scenarios\", \"version\": 3, \"scenarios\": []}",
            "version",
        ),
        (
            "{\"format\": \"taijiang-sim-scenarios\", \"version\": 2}",
            "scenarios",
        ),
    ] {
        let report = import_file(text);
        assert_eq!(report.valid, []);
        assert_eq!(errors(&report), [(0, field)], "{text}");
    }
}

#[test]
fn a_version_1_file_imports() {
    let current = Labelled {
        scenario: PresetId::Green.scenario().with(Param::Gdp, 6.0).unwrap(),
        preset: Some(PresetId::Green),
    };
    let pinned = Labelled::plain(scenario(&[(Param::Inv, 50.0)]));
    let fragment = link::write(&Link {
        current: current.clone(),
        pinned: Some(pinned.clone()),
        ..Link::default()
    });
    let file = json!({"format": FILE_FORMAT, "version": 1, "scenarios": [
        {"format": 1, "name": "old", "saved_at": "2023", "link": format!("#{fragment}")},
    ]});
    let report = import_file(&file.to_string());
    assert_eq!(report.problems, []);
    assert_eq!(
        report.valid,
        [SavedScenario::new("old", "2023", current, Some(pinned))]
    );
}

/// Any valid value of one parameter.
fn valid_value(index: usize) -> impl Strategy<Value = f64> {
    let spec = PARAMS[index];
    if spec.integer {
        (spec.min as u64..=spec.max as u64)
            .prop_map(|v| v as f64)
            .boxed()
    } else {
        (spec.min..=spec.max).boxed()
    }
}

fn valid_labelled() -> impl Strategy<Value = Labelled> {
    let values: Vec<_> = (0..PARAMS.len()).map(valid_value).collect();
    let preset = prop_oneof![
        Just(None),
        (0..PresetId::ALL.len()).prop_map(|i| Some(PresetId::ALL[i]))
    ];
    (values, preset, valid_observations(), valid_targets()).prop_map(
        |(values, preset, observed, targets)| {
            let scenario = PARAMS
                .iter()
                .zip(values)
                .fold(Scenario::default(), |s, (spec, v)| {
                    s.with(spec.param, v).expect("generated in range")
                })
                .with_observations(observed);
            // A target judged after the horizon extends it.
            let scenario = targets
                .into_iter()
                .fold(scenario, |s, target| s.with_target(target).expect("room").0);
            Labelled { scenario, preset }
        },
    )
}

/// Observations anywhere in their ranges (gaps and years past the horizon included: a file
/// keeps what a run does not use).
fn valid_observations() -> impl Strategy<Value = Observations> {
    let one = (0..ObservedSeries::ALL.len(), 2021..=2035_i32, 0.0..1.0_f64);
    proptest::collection::vec(one, 0..6).prop_map(|entries| {
        entries
            .into_iter()
            .fold(Observations::default(), |observed, (k, year, unit)| {
                let series = ObservedSeries::ALL[k];
                let (min, max) = series.range();
                let value = min + unit * (max - min);
                let value = if series.measure() == ObservedMeasure::Stock {
                    value.round()
                } else {
                    value
                };
                observed
                    .with(series, year, value)
                    .expect("generated in range")
            })
    })
}

/// Up to three targets of one's own, anywhere in their ranges.
fn valid_targets() -> impl Strategy<Value = Vec<UserTarget>> {
    let one = (
        0..SeriesId::ALL.len(),
        0..UserRule::ALL.len(),
        2020..=2035_i32,
        0..=10_i32,
        -1e5..1e5_f64,
    )
        .prop_filter_map("valid", |(s, r, first, span, threshold)| {
            let rule = UserRule::ALL[r];
            let last = if rule.is_one_year() {
                first
            } else {
                (first + span).min(2035)
            };
            UserTarget::new("t", SeriesId::ALL[s], rule, (first, last), threshold).ok()
        });
    proptest::collection::vec(one, 0..3).prop_map(|targets| {
        targets
            .into_iter()
            .enumerate()
            .filter_map(|(k, t)| {
                let (first, last) = t.years();
                UserTarget::new(
                    &format!("t{k}"),
                    t.series(),
                    t.rule(),
                    (first, last),
                    t.threshold(),
                )
                .ok()
            })
            .collect()
    })
}

/// A wording for some of the targets of one's own of `current`.
fn valid_wordings(current: &Labelled, texts: Vec<String>) -> Wordings {
    current
        .scenario
        .targets()
        .iter()
        .zip(texts)
        .fold(Wordings::default(), |wordings, (target, text)| {
            wordings.with(target.name(), &text)
        })
}

/// A source for some of the observations of `current`.
fn valid_sources(current: &Labelled, texts: Vec<String>) -> Sources {
    current
        .scenario
        .observed()
        .iter()
        .zip(texts)
        .fold(Sources::default(), |sources, ((series, year, _), text)| {
            sources.with(series, year, &text)
        })
}

fn valid_entries() -> impl Strategy<Value = Vec<SavedScenario>> {
    let entry = (
        "\\PC{0,12}",
        "\\PC{0,12}",
        any::<u32>(),
        valid_labelled(),
        proptest::option::of(valid_labelled()),
        proptest::collection::vec("\\PC{0,20}", 0..6),
    );
    proptest::collection::vec(entry, 1..4).prop_map(|entries| {
        entries
            .into_iter()
            .enumerate()
            .map(
                |(i, (name, saved_at, model, current, pinned, texts))| SavedScenario {
                    name: format!("{name}#{i}"),
                    saved_at,
                    model,
                    sources: valid_sources(&current, texts.clone()),
                    wordings: valid_wordings(&current, texts),
                    current,
                    pinned,
                },
            )
            .collect()
    })
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(|v| json!(v)),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,8}|format|version|scenarios|values|gdp|downturn".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("\\PC{0,6}|name|model|preset|pinned", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a path chosen by `picks` (descending into objects and arrays).
fn replace_somewhere(value: &mut Value, picks: &[usize], with: Value) {
    let child = match value {
        Value::Object(map) if !map.is_empty() && !picks.is_empty() => {
            let key = map.keys().nth(picks[0] % map.len()).unwrap().clone();
            map.get_mut(&key)
        }
        Value::Array(items) if !items.is_empty() && !picks.is_empty() => {
            let len = items.len();
            items.get_mut(picks[0] % len)
        }
        _ => None,
    };
    match child {
        Some(child) if picks.len() > 1 => replace_somewhere(child, &picks[1..], with),
        _ => *value = with,
    }
}

/// Every entry of a file that was read is either imported or has an error.
fn assert_accounted(report: &ImportReport, entries: usize) {
    if report.problems.iter().any(|p| p.entry == 0) {
        assert_eq!(report.problems.len(), 1);
        assert!(report.valid.is_empty());
        return;
    }
    let mut failed: Vec<_> = errors(report).iter().map(|(entry, _)| *entry).collect();
    failed.dedup();
    assert_eq!(report.valid.len() + failed.len(), entries);
    assert!(failed.iter().all(|&entry| (1..=entries).contains(&entry)));
}

proptest! {
    #[test]
    fn export_then_import_round_trips_any_valid_entries(entries in valid_entries()) {
        let report = import_file(&export_file(&entries));
        prop_assert_eq!(&report.valid, &entries);
        prop_assert!(report.problems.iter().all(|p| p.severity == Severity::Warning), "{:?}", report.problems);

        let mut store = MemoryStore::new();
        for entry in &entries {
            library::save(&mut store, entry, false).unwrap();
        }
        let mut loaded = library::load_all(&mut store).entries;
        let mut sorted = entries.clone();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        loaded.sort_by(|a, b| a.name.cmp(&b.name));
        prop_assert_eq!(loaded, sorted);
    }

    #[test]
    fn import_never_panics_on_any_text(text in "\\PC{0,200}|[\\[\\]{}\":,0-9eE.+\\- a-z]{0,200}") {
        let _ = import_file(&text);
    }

    #[test]
    fn import_never_panics_on_mangled_files(
        entries in valid_entries(),
        cuts in proptest::collection::vec((any::<usize>(), 0..8usize, "[\\[\\]{}\":,0-9eE.+\\-nul]{0,4}"), 1..4),
    ) {
        let mut text = export_file(&entries);
        for (at, len, insert) in cuts {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + len).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(at..end, &insert);
        }
        let report = import_file(&text);
        assert_accounted(&report, serde_json::from_str::<Value>(&text).ok()
            .and_then(|v| v["scenarios"].as_array().map(Vec::len)).unwrap_or(0));
    }

    #[test]
    fn a_wrong_value_anywhere_is_reported_not_panicked_on(
        entries in valid_entries(),
        picks in proptest::collection::vec(any::<usize>(), 0..6),
        with in any_json(),
    ) {
        let mut file: Value = serde_json::from_str(&export_file(&entries)).unwrap();
        replace_somewhere(&mut file, &picks, with);
        let report = import_file(&file.to_string());
        assert_accounted(&report, file["scenarios"].as_array().map_or(0, Vec::len));
    }
}

/// The JSON examples of `docs/SCENARIO-FILE.md`, in order.
fn doc_examples() -> Vec<&'static str> {
    let doc = include_str!("../docs/SCENARIO-FILE.md");
    doc.split("```json\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .collect()
}

#[test]
fn the_examples_of_the_format_doc_open() {
    let examples = doc_examples();
    assert_eq!(examples.len(), 3);
    let report = import_file(examples[0]);
    assert_eq!(report.problems, []);
    let current = Labelled {
        scenario: PresetId::Downturn.scenario().with(Param::Gdp, 6.0).unwrap(),
        preset: Some(PresetId::Downturn),
    };
    let pinned = Labelled {
        scenario: PresetId::Invest.scenario(),
        preset: Some(PresetId::Invest),
    };
    let expected = SavedScenario::new(
        "下行且 GDP 6%",
        "2024-05-01T10:00:00Z",
        current,
        Some(pinned),
    );
    assert_eq!(report.valid, std::slice::from_ref(&expected));
    assert_eq!(
        serde_json::from_str::<Value>(&export_file(&[expected])).unwrap()["scenarios"][0]
            ["scenario"],
        serde_json::from_str::<Value>(examples[0]).unwrap()["scenarios"][0]["scenario"],
        "the example's scenario is written as an export writes it"
    );

    // The observed years of an entry's scenario, with a source.
    let entry = format!(
        r#"{{"format": 2, "name": "o", "saved_at": "x", "model": 3,
            "scenario": {{"values": {{}}, {}}}}}"#,
        examples[1]
    );
    let report = library::load_all(&mut store_with(&[(&library::key("o"), &entry)]));
    assert_eq!(report.problems, []);
    let loaded = &report.entries[0];
    let observed: Vec<_> = loaded.current.scenario.observed().iter().collect();
    assert_eq!(
        observed,
        [
            (ObservedSeries::Gdp, 2021, 8.0),
            (ObservedSeries::Gdp, 2022, 4.7),
            (ObservedSeries::HighTech, 2021, 260.0),
        ]
    );
    let sources: Vec<_> = loaded.sources.iter().collect();
    assert_eq!(
        sources,
        [(
            ObservedSeries::Gdp,
            2021,
            "2021 年国民经济和社会发展统计公报"
        )]
    );

    let mut store = store_with(&[(&library::key("旧方案"), examples[2])]);
    let report = library::load_all(&mut store);
    // The old entry's link does not say its model version: one warning, and it loads.
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(
        report.entries[0].current.scenario,
        scenario(&[(Param::Gdp, 6.0), (Param::Inv, 50.0)])
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let entries = [single("bom", None)];
    let report = import_file(&format!("\u{feff}{}", export_file(&entries)));
    assert_eq!((report.valid, report.problems), (entries.to_vec(), vec![]));
}
