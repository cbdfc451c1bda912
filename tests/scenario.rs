//! The parameters' table and the validation of values (links are tested in `link.rs`).
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use taijiang_sim::link::{self, Labelled, Link};
use taijiang_sim::scenario::{Param, Scenario, ValueError, PARAMS};

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
fn the_parameters_are_every_key_of_the_model_contract() {
    let keys: Vec<&str> = PARAMS.iter().map(|spec| spec.key).collect();
    // model.md's drivers, version 2's new lever among them, then every assumption (version 3's
    // among them: the rebound, the readings of "in step" and of the income target, the deflator,
    // the green ratios' own deviations).
    assert_eq!(
        keys,
        [
            "gdp",
            "inv",
            "inc",
            "vol",
            "shock_p",
            "shock_s",
            "rd",
            "ht_push",
            "green",
            "horizon",
            "paths",
            "seed",
            "gdp_tol",
            "icor",
            "rho",
            "rebound",
            "eta",
            "inc_vol",
            "sync_tol",
            "sync_rule",
            "inc_basis",
            "deflator",
            "ht0",
            "lapse",
            "air0",
            "air_vol",
            "air_phi",
            "built",
            "built_growth",
            "gr0",
            "gc0",
            "green_vol",
            "green_dev",
            "green_phi",
            "green_corr",
            "dt_green",
            "pre0",
            "pre_vol",
            "pre_phi",
            "cs0",
            "ct0",
            "cult_drift",
            "cult_vol",
            "cult_phi",
            "dt_ht"
        ]
    );
    // The table is in the order of the enum: a scenario's values are indexed by it.
    for (i, spec) in PARAMS.iter().enumerate() {
        assert_eq!(spec.param as usize, i, "{}", spec.key);
    }
}

#[test]
fn a_scenario_that_arrives_in_a_message_is_checked_as_a_link_is() {
    let values: Vec<f64> = PARAMS.iter().map(|spec| spec.default).collect();
    assert_eq!(Scenario::from_values(&values), Ok(Scenario::default()));
    let mut bad = values.clone();
    bad[0] = 99.0;
    assert!(Scenario::from_values(&bad).is_err());
    assert!(Scenario::from_values(&values[1..]).is_err());
    let mut nan = values;
    nan[3] = f64::NAN;
    assert!(Scenario::from_values(&nan).is_err());
}

#[test]
fn seeds_up_to_two_to_the_53_survive_a_round_trip() {
    let scenario = Scenario::default()
        .with(Param::Seed, 9_007_199_254_740_991.0)
        .expect("valid");
    let (parsed, issues) = link::parse(&link::write(&Link {
        current: Labelled::plain(scenario),
        ..Link::default()
    }));
    assert!(issues.is_empty());
    assert_eq!(parsed.current.scenario.seed(), 9_007_199_254_740_991);
    assert!(Scenario::default()
        .with(Param::Seed, 9_007_199_254_740_992.0)
        .is_err());
}

#[test]
fn minus_zero_is_stored_as_zero() {
    let scenario = Scenario::default().with(Param::Inv, -0.0).expect("valid");
    assert_eq!(scenario, Scenario::default());
    assert!(scenario.get(Param::Inv).is_sign_positive());
}
