//! The link parser: property tests (round trip, never a panic, always a valid scenario) and the
//! cases a person meets.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use taijiang_sim::scenario::{FragmentIssue, Param, Scenario, ValueError, PARAMS};

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

fn assert_all_valid(scenario: &Scenario) {
    for spec in &PARAMS {
        let value = scenario.get(spec.param);
        assert_eq!(spec.check(value), Ok(value), "{} = {value}", spec.key);
    }
}

proptest! {
    #[test]
    fn a_link_reproduces_its_scenario_exactly(scenario in valid_scenario()) {
        let fragment = format!("#{}", scenario.to_fragment());
        let (parsed, issues) = Scenario::from_fragment(&fragment);
        prop_assert!(issues.is_empty(), "{issues:?}");
        prop_assert_eq!(parsed, scenario);
    }

    #[test]
    fn any_text_gives_a_valid_scenario_without_panicking(text in ".{0,200}") {
        let (scenario, _) = Scenario::from_fragment(&text);
        assert_all_valid(&scenario);
    }

    #[test]
    fn mangled_values_of_known_keys_fall_back_to_defaults(
        index in 0..PARAMS.len(),
        junk in "[a-zA-Z%+*/ ]{1,12}|-?[0-9]{5,9}|1e[3-9][0-9][0-9]",
    ) {
        let spec = PARAMS[index];
        let (scenario, issues) = Scenario::from_fragment(&format!("{}={junk}", spec.key));
        assert_all_valid(&scenario);
        match spec.parse(&junk) {
            Ok(value) => prop_assert_eq!(scenario.get(spec.param), value),
            Err(_) => {
                prop_assert_eq!(scenario.get(spec.param), spec.default);
                prop_assert_eq!(issues.len(), 1);
                prop_assert!(issues[0].to_string().contains(spec.key));
            }
        }
    }
}

#[test]
fn an_empty_fragment_is_the_default_scenario() {
    for fragment in ["", "#", "#&&"] {
        assert_eq!(
            Scenario::from_fragment(fragment),
            (Scenario::default(), vec![])
        );
    }
}

#[test]
fn unknown_keys_and_bad_values_are_named_and_the_rest_is_used() {
    let (scenario, issues) =
        Scenario::from_fragment("#gdp=abc&bogus=1&inv=50&vol=99&paths=10.5&nokey");
    assert_eq!(scenario.get(Param::Gdp), 7.5);
    assert_eq!(scenario.get(Param::Inv), 50.0);
    assert_eq!(scenario.get(Param::Vol), Param::Vol.spec().default);
    assert_eq!(scenario.paths(), 10_000);
    let described: Vec<String> = issues.iter().map(ToString::to_string).collect();
    assert_eq!(issues.len(), 5, "{described:?}");
    assert!(matches!(
        &issues[0],
        FragmentIssue::InvalidValue {
            key: "gdp",
            error: ValueError::NotANumber,
            ..
        }
    ));
    assert_eq!(issues[1], FragmentIssue::UnknownKey("bogus".into()));
    assert!(matches!(
        &issues[2],
        FragmentIssue::InvalidValue {
            key: "vol",
            error: ValueError::OutOfRange { .. },
            ..
        }
    ));
    assert!(matches!(
        &issues[3],
        FragmentIssue::InvalidValue {
            key: "paths",
            error: ValueError::NotWhole,
            ..
        }
    ));
    assert_eq!(issues[4], FragmentIssue::Malformed("nokey".into()));
}

#[test]
fn non_finite_and_overflowing_numbers_are_refused() {
    for text in ["NaN", "inf", "-inf", "1e400", ""] {
        assert_eq!(
            Param::Gdp.spec().parse(text),
            Err(ValueError::NotANumber),
            "{text}"
        );
    }
}

#[test]
fn escaped_links_from_mail_clients_still_work() {
    let (scenario, issues) = Scenario::from_fragment("#%67dp=6%2E5&inv=%2B20&lang=en");
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(scenario.get(Param::Gdp), 6.5);
    assert_eq!(scenario.get(Param::Inv), 20.0);
}

#[test]
fn the_fragment_lists_every_key_of_the_model_contract() {
    let fragment = Scenario::default().to_fragment();
    let keys: Vec<&str> = fragment
        .split('&')
        .filter_map(|part| part.split_once('='))
        .map(|(k, _)| k)
        .collect();
    let (contract, assumptions) = keys.split_at(15);
    // model.md's drivers, then the core assumptions it names.
    assert_eq!(
        contract,
        [
            "gdp", "inv", "inc", "vol", "shock_p", "shock_s", "rd", "green", "horizon", "paths",
            "seed", "icor", "rho", "eta", "inc_vol"
        ]
    );
    // The other indicators' assumptions (docs/MODEL.md).
    assert_eq!(
        assumptions,
        [
            "sync_tol",
            "ht0",
            "lapse",
            "air0",
            "air_vol",
            "built",
            "gr0",
            "gc0",
            "green_vol",
            "pre0",
            "pre_vol",
            "cs0",
            "ct0",
            "cult_drift",
            "cult_vol"
        ]
    );
}

#[test]
fn seeds_up_to_two_to_the_53_survive_a_round_trip() {
    let scenario = Scenario::default()
        .with(Param::Seed, 9_007_199_254_740_991.0)
        .expect("valid");
    let (parsed, issues) = Scenario::from_fragment(&scenario.to_fragment());
    assert!(issues.is_empty());
    assert_eq!(parsed.seed(), 9_007_199_254_740_991);
    assert!(Scenario::default()
        .with(Param::Seed, 9_007_199_254_740_992.0)
        .is_err());
}
