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
