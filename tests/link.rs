//! The one link parser: property tests (round trip, never a panic, always a valid scenario, a
//! bounded list of issues) and the cases a person meets (chat apps that cut links, mail
//! clients that escape them, keys given twice, presets, a pinned A).
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use taijiang_sim::embed::EmbedPiece;
use taijiang_sim::i18n::Lang;
use taijiang_sim::link::{self, Labelled, Link, LinkIssue, MAX_ISSUES};
use taijiang_sim::plan::TargetId;
use taijiang_sim::preset::PresetId;
use taijiang_sim::scenario::{Param, Scenario, ValueError, PARAMS};
use taijiang_sim::text::notices::issue_text;

/// Any valid value of one parameter; half the time its default (links skip defaults).
fn valid_value(index: usize) -> impl Strategy<Value = f64> {
    let spec = PARAMS[index];
    let any = if spec.integer {
        (spec.min as u64..=spec.max as u64)
            .prop_map(|v| v as f64)
            .boxed()
    } else {
        (spec.min..=spec.max).boxed()
    };
    prop_oneof![Just(spec.default), any]
}

fn valid_scenario() -> impl Strategy<Value = Scenario> {
    let values: Vec<_> = (0..PARAMS.len()).map(valid_value).collect();
    values.prop_map(|values| {
        PARAMS
            .iter()
            .zip(values)
            .fold(Scenario::default(), |scenario, (spec, value)| {
                scenario
                    .with(spec.param, value)
                    .expect("generated in range")
            })
    })
}

fn labelled() -> impl Strategy<Value = Labelled> {
    let preset = prop_oneof![
        Just(None),
        proptest::sample::select(PresetId::ALL.to_vec()).prop_map(Some)
    ];
    (valid_scenario(), preset).prop_map(|(scenario, preset)| Labelled { scenario, preset })
}

fn any_link() -> impl Strategy<Value = Link> {
    (
        labelled(),
        proptest::option::of(labelled()),
        proptest::sample::select(vec![Lang::Zh, Lang::En]),
        proptest::sample::select(TargetId::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(EmbedPiece::ALL.to_vec())),
    )
        .prop_map(|(current, pinned, lang, target, embed)| Link {
            current,
            pinned,
            lang,
            target,
            embed,
        })
}

fn assert_all_valid(scenario: &Scenario) {
    for spec in &PARAMS {
        let value = scenario.get(spec.param);
        assert_eq!(spec.check(value), Ok(value), "{} = {value}", spec.key);
    }
}

/// A hand-written link: its one expected notice, that it does not say its model version, is
/// checked and removed.
fn parse_by_hand(fragment: &str) -> (Link, Vec<LinkIssue>) {
    let (link, mut issues) = link::parse(fragment);
    let unversioned = issues
        .iter()
        .position(|i| *i == LinkIssue::OlderVersion(None));
    let has_keys = link.current.scenario != Scenario::default()
        || link.pinned.is_some()
        || link.current.preset.is_some();
    if let Some(at) = unversioned {
        issues.remove(at);
    } else {
        assert!(
            !has_keys || fragment.contains("v="),
            "{fragment}: no version notice"
        );
    }
    (link, issues)
}

fn scenario_of(fragment: &str) -> (Scenario, Vec<LinkIssue>) {
    let (link, issues) = parse_by_hand(fragment);
    (link.current.scenario, issues)
}

proptest! {
    #[test]
    fn a_written_link_reads_back_exactly(link in any_link()) {
        let fragment = format!("#{}", link::write(&link));
        let (parsed, issues) = link::parse(&fragment);
        prop_assert!(issues.is_empty(), "{issues:?}");
        prop_assert_eq!(parsed, link);
    }

    #[test]
    fn any_text_gives_valid_scenarios_and_a_bounded_list_without_panicking(text in ".{0,300}") {
        let (link, issues) = link::parse(&text);
        assert_all_valid(&link.current.scenario);
        if let Some(pinned) = &link.pinned {
            assert_all_valid(&pinned.scenario);
        }
        prop_assert!(issues.len() <= MAX_ISSUES);
    }

    #[test]
    fn key_value_soup_never_panics(
        pairs in proptest::collection::vec(("(a\\.)?[a-z_]{1,8}|v|ck|preset|lang|target", "[-+0-9a-z.%&=#]{0,10}"), 0..40)
    ) {
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (link, issues) = link::parse(&text.join("&"));
        assert_all_valid(&link.current.scenario);
        prop_assert!(issues.len() <= MAX_ISSUES);
    }

    #[test]
    fn mangled_values_of_known_keys_fall_back_to_defaults(
        index in 0..PARAMS.len(),
        junk in "[a-zA-Z*/ ]{1,12}|-?[0-9]{5,9}|1e[3-9][0-9][0-9]",
    ) {
        let spec = PARAMS[index];
        let (scenario, issues) = scenario_of(&format!("{}={junk}", spec.key));
        assert_all_valid(&scenario);
        match spec.parse(&junk) {
            Ok(value) => prop_assert_eq!(scenario.get(spec.param), value),
            Err(_) => {
                prop_assert_eq!(scenario.get(spec.param), spec.default);
                prop_assert_eq!(issues.len(), 1);
                prop_assert!(issue_text(&issues[0], Lang::En).contains(spec.key));
            }
        }
    }

    #[test]
    fn cutting_a_written_link_anywhere_is_noticed_or_harmless(link in any_link(), cut in 0.0..1.0f64) {
        let fragment = link::write(&link);
        let at = (fragment.len() as f64 * cut) as usize;
        let (parsed, issues) = link::parse(&fragment[..at]);
        // Either the cut took nothing that mattered, or the reader is told.
        prop_assert!(parsed == link || issues.iter().any(|issue| matches!(
            issue,
            LinkIssue::ChecksumMissing | LinkIssue::ChecksumMismatch
        )) || at == 0, "{} → {:?}", &fragment[..at], issues);
    }
}

#[test]
fn an_empty_fragment_is_the_default_scenario() {
    for fragment in ["", "#", "#&&"] {
        assert_eq!(link::parse(fragment), (Link::default(), vec![]));
    }
}

#[test]
fn a_link_holds_only_what_differs_from_the_defaults() {
    assert!(link::write(&Link::default()).starts_with("v=3&ck="));
    let (scenario, _) = scenario_of("#gdp=6&inv=50");
    let written = link::write(&Link {
        current: Labelled::plain(scenario),
        ..Link::default()
    });
    assert!(written.starts_with("v=3&gdp=6&inv=50&ck="), "{written}");
    assert_eq!(written.len(), "v=3&gdp=6&inv=50&ck=".len() + 6);
}

#[test]
fn a_link_cut_in_transit_is_named() {
    let (scenario, _) = scenario_of("#ht0=250&gdp=6");
    let written = link::write(&Link {
        current: Labelled::plain(scenario),
        ..Link::default()
    });
    let cut = &written[..written.find("ck=").expect("checksum") - 2];
    assert!(cut.ends_with("ht0=25"), "{cut}");
    let (parsed, issues) = link::parse(cut);
    assert_eq!(parsed.current.scenario.get(Param::Ht0), 25.0);
    assert_eq!(issues, vec![LinkIssue::ChecksumMissing]);
    let altered = written.replace("gdp=6", "gdp=7");
    assert_eq!(link::parse(&altered).1, vec![LinkIssue::ChecksumMismatch]);
}

/// The checksum is a format: links already sent must keep passing it. Its values here are
/// FNV-1a (32 bits, low 24 kept) of the pairs joined as `k=v&k=v`, computed outside this code.
#[test]
fn the_checksum_of_links_already_sent_never_changes() {
    assert_eq!(link::checksum([("v", "2")]), "e3086a");
    assert_eq!(
        link::checksum([("v", "2"), ("gdp", "6"), ("inv", "50")]),
        "2ad753"
    );
    // A link sent by version 2 still passes its checksum; it opens with the notice that the
    // model is newer.
    let sent = "#v=2&gdp=6&inv=50&ck=2ad753";
    let (parsed, issues) = link::parse(sent);
    assert_eq!(
        issues,
        vec![LinkIssue::OlderVersion(Some("2".into()))],
        "{sent}"
    );
    assert_eq!(parsed.current.scenario.get(Param::Inv), 50.0);
    assert_eq!(
        link::parse("#v=2&lang=en&target=income&ck=c06ff1").1,
        vec![LinkIssue::OlderVersion(Some("2".into()))]
    );
}

#[test]
fn hand_written_and_older_links_are_read_with_a_notice_of_their_version() {
    let (link, issues) = link::parse("#gdp=6&inv=50");
    assert_eq!(issues, vec![LinkIssue::OlderVersion(None)]);
    assert_eq!(link.current.scenario.get(Param::Gdp), 6.0);
    let (_, issues) = link::parse("#v=1&gdp=6&ck=000000");
    assert!(issues.contains(&LinkIssue::OlderVersion(Some("1".into()))));
    // A link that holds no scenario (only the language) needs no notice.
    assert!(link::parse("#lang=en").1.is_empty());
    let (scenario, issues) = scenario_of("#gdp=6&inv=50");
    assert!(issues.is_empty());
    assert_eq!(scenario.get(Param::Gdp), 6.0);
    // What the first builds wrote: every key, defaults included, no version.
    let old: Vec<String> = PARAMS
        .iter()
        .map(|spec| format!("{}={}", spec.key, spec.default))
        .collect();
    let (scenario, issues) = scenario_of(&old.join("&"));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(scenario, Scenario::default());
}

#[test]
fn unknown_keys_and_bad_values_are_named_and_the_rest_is_used() {
    let (scenario, issues) = scenario_of("#gdp=abc&bogus=1&inv=50&vol=99&paths=10.5&nokey");
    assert_eq!(scenario.get(Param::Gdp), 7.5);
    assert_eq!(scenario.get(Param::Inv), 50.0);
    assert_eq!(scenario.get(Param::Vol), Param::Vol.spec().default);
    assert_eq!(scenario.paths(), 10_000);
    let described: Vec<String> = issues.iter().map(|i| issue_text(i, Lang::En)).collect();
    assert_eq!(issues.len(), 5, "{described:?}");
    assert!(matches!(
        &issues[0],
        LinkIssue::InvalidValue {
            key,
            error: ValueError::NotANumber,
            ..
        } if key == "gdp"
    ));
    assert_eq!(issues[1], LinkIssue::UnknownKey("bogus".into()));
    assert!(matches!(
        &issues[2],
        LinkIssue::InvalidValue { key, error: ValueError::OutOfRange { .. }, .. } if key == "vol"
    ));
    assert!(matches!(
        &issues[3],
        LinkIssue::InvalidValue { key, error: ValueError::NotWhole, .. } if key == "paths"
    ));
    assert_eq!(issues[4], LinkIssue::UnknownKey("nokey".into()));
}

#[test]
fn a_key_given_twice_takes_its_last_value_and_says_so() {
    let (scenario, issues) = scenario_of("#gdp=6&inv=10&gdp=5");
    assert_eq!(scenario.get(Param::Gdp), 5.0);
    assert_eq!(
        issues,
        vec![LinkIssue::Duplicate {
            key: "gdp".into(),
            used: "5".into()
        }]
    );
}

#[test]
fn escaped_links_from_mail_clients_still_work() {
    let (link, issues) = parse_by_hand("#%67dp=6%2E5&inv=%2B20&lang=en");
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(link.current.scenario.get(Param::Gdp), 6.5);
    assert_eq!(link.current.scenario.get(Param::Inv), 20.0);
    assert_eq!(link.lang, Lang::En);
    // Escaping a written link keeps its checksum valid: it covers the decoded text.
    let written = link::write(&link);
    let escaped = written.replace("gdp", "%67dp").replace('.', "%2E");
    assert_eq!(link::parse(&escaped), (link, vec![]));
}

#[test]
fn a_preset_sets_its_keys_and_a_written_preset_link_survives_a_key_put_back() {
    let (link, issues) = parse_by_hand("#preset=downturn");
    assert!(issues.is_empty());
    assert_eq!(link.current.scenario, PresetId::Downturn.scenario());
    assert_eq!(link.current.preset, Some(PresetId::Downturn));
    assert!(!link.current.is_modified());
    // The user puts the volatility back to the plan's default after choosing the preset.
    let put_back = Labelled {
        scenario: PresetId::Downturn
            .scenario()
            .with(Param::Vol, Param::Vol.spec().default)
            .expect("valid"),
        preset: Some(PresetId::Downturn),
    };
    assert!(put_back.is_modified());
    let written = link::write(&Link {
        current: put_back.clone(),
        ..Link::default()
    });
    assert_eq!(link::parse(&written).0.current, put_back, "{written}");
    assert_eq!(
        parse_by_hand("#preset=nope").1,
        vec![LinkIssue::UnknownName {
            key: "preset".into(),
            text: "nope".into()
        }]
    );
}

#[test]
fn a_pinned_a_travels_under_its_prefix() {
    let (link, issues) = parse_by_hand("#gdp=6&a=invest&a.vol=2");
    assert!(issues.is_empty(), "{issues:?}");
    let pinned = link.pinned.expect("A pinned");
    assert_eq!(pinned.preset, Some(PresetId::Invest));
    assert_eq!(pinned.scenario.get(Param::Inv), 50.0);
    assert_eq!(pinned.scenario.get(Param::Vol), 2.0);
    assert_eq!(link.current.scenario.get(Param::Gdp), 6.0);
    assert_eq!(link.current.scenario.get(Param::Vol), 1.5);
    // The plan itself pinned: `a=plan` and no `a.` keys.
    let (link, _) = parse_by_hand("#a=plan");
    assert_eq!(
        link.pinned.map(|pinned| pinned.scenario),
        Some(Scenario::default())
    );
    assert_eq!(parse_by_hand("#gdp=6").0.pinned, None);
}

#[test]
fn the_target_and_language_travel_and_unknown_ones_are_named() {
    let (link, issues) = parse_by_hand("#target=air&lang=en");
    assert!(issues.is_empty());
    assert_eq!((link.target, link.lang), (TargetId::Air, Lang::En));
    let (link, issues) = parse_by_hand("#target=moon&lang=fr");
    assert_eq!((link.target, link.lang), (TargetId::Gdp, Lang::Zh));
    assert_eq!(issues.len(), 2);
}

#[test]
fn every_embed_id_travels_an_unknown_one_is_named_and_the_full_page_drops_it() {
    for piece in EmbedPiece::ALL {
        let (parsed, issues) = link::parse(&format!("#v=3&embed={}", piece.key()));
        assert_eq!(parsed.embed, Some(piece));
        assert_eq!(issues, [LinkIssue::ChecksumMissing]);
        assert!(!link::write(&parsed.full_page()).contains("embed"));
    }
    // The full page keeps everything else the embed showed.
    let (embedded, _) =
        link::parse("#v=2&gdp=6&a=custom&a.inv=40&target=income&lang=en&embed=targets");
    assert!(embedded.embed.is_some());
    assert_eq!(
        embedded.full_page(),
        Link {
            embed: None,
            ..embedded.clone()
        }
    );
    assert_ne!(embedded.full_page(), Link::default());
    let (parsed, issues) = link::parse("#embed=%3Cscript%3E&gdp=6");
    assert_eq!(
        parsed.embed, None,
        "an unknown piece falls back to the full page"
    );
    assert_eq!(parsed.current.scenario.get(Param::Gdp), 6.0);
    assert!(issues.contains(&LinkIssue::UnknownName {
        key: "embed".into(),
        text: "<script>".into()
    }));
    // Every id is distinct, so each names one piece.
    let mut keys: Vec<_> = EmbedPiece::ALL.iter().map(|piece| piece.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), EmbedPiece::ALL.len());
}

#[test]
fn a_newer_model_version_is_named() {
    let (_, issues) = link::parse("#v=9&gdp=6");
    assert!(issues.contains(&LinkIssue::NewerVersion("9".into())));
}

#[test]
fn ten_kilobytes_of_junk_give_a_capped_list() {
    let junk: String = (0..2500).map(|i| format!("k{i}=1&")).collect();
    let (link, issues) = link::parse(&junk);
    assert_eq!(link.current.scenario, Scenario::default());
    assert_eq!(issues.len(), MAX_ISSUES);
    // Every issue is counted: the ones listed and the number of the rest.
    assert_eq!(
        issues.last(),
        Some(&LinkIssue::More(2500 - (MAX_ISSUES - 1)))
    );
}

#[test]
fn the_cap_starts_just_past_its_limit() {
    let junk = |n: usize| -> String { (0..n).map(|i| format!("k{i}=1&")).collect() };
    let (_, at_limit) = link::parse(&junk(MAX_ISSUES));
    assert_eq!(at_limit.len(), MAX_ISSUES);
    assert!(at_limit
        .iter()
        .all(|issue| matches!(issue, LinkIssue::UnknownKey(_))));
    let (_, over) = link::parse(&junk(MAX_ISSUES + 1));
    assert_eq!(over.len(), MAX_ISSUES);
    assert_eq!(
        over[MAX_ISSUES - 2],
        LinkIssue::UnknownKey(format!("k{}", MAX_ISSUES - 2))
    );
    assert_eq!(over.last(), Some(&LinkIssue::More(2)));
}

/// The link's own keys and the parameters' never share a name, and a written link holds only
/// those (A's under `a.`).
#[test]
fn the_links_own_keys_are_one_table_apart_from_the_parameters() {
    for name in link::key::ALL {
        assert!(
            Param::from_key(name).is_none(),
            "{name} is also a parameter"
        );
        assert!(!name.starts_with(link::A_PREFIX), "{name}");
    }
    let everything = Link {
        current: Labelled {
            scenario: Scenario::default().with(Param::Gdp, 6.0).expect("valid"),
            preset: Some(PresetId::Invest),
        },
        pinned: Some(Labelled::plain(
            Scenario::default().with(Param::Inv, 5.0).expect("valid"),
        )),
        lang: Lang::En,
        target: TargetId::Air,
        embed: Some(EmbedPiece::Targets),
    };
    let written = link::write(&everything);
    for (name, _) in link::pairs(&written) {
        let param = name.strip_prefix(link::A_PREFIX).unwrap_or(&name);
        assert!(
            link::key::ALL.contains(&name.as_str()) || Param::from_key(param).is_some(),
            "{name} in {written}"
        );
    }
    for name in link::key::ALL {
        assert!(
            link::pairs(&written).iter().any(|(k, _)| k == name),
            "{name} written"
        );
    }
}
