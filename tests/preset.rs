//! The presets: valid values, derived where the plan gives them, documented, and round trips
//! through links.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use taijiang_sim::link::{self, Labelled, Link};
use taijiang_sim::preset::{pace13_from_plan, PresetId, PACE13_GDP, PACE13_INCOME, PRESETS};
use taijiang_sim::scenario::{Param, Scenario};

#[test]
fn every_preset_value_is_valid_and_differs_from_the_default() {
    for preset in &PRESETS {
        for value in preset.values {
            let spec = value.param.spec();
            assert_eq!(
                spec.check(value.value),
                Ok(value.value),
                "{} {}",
                preset.key,
                spec.key
            );
            assert_ne!(value.value, spec.default, "{} {}", preset.key, spec.key);
            assert!(!value.reason_zh.is_empty() && !value.reason_en.is_empty());
        }
        assert_eq!(PresetId::from_key(preset.key), Some(preset.id));
    }
    assert_eq!(PresetId::Plan.scenario(), Scenario::default());
}

#[test]
fn the_13th_plan_pace_is_worked_out_from_the_plan() {
    // At current prices the pace was 10.15 % and 7.39 % a year; the preset is in real terms,
    // with the deflator's default.
    let (nominal_gdp, nominal_income) = pace13_from_plan(0.0);
    assert!((nominal_gdp - 10.15).abs() < 0.005 && (nominal_income - 7.39).abs() < 0.005);
    let deflator = Param::Deflator.spec().default;
    let (gdp, income) = pace13_from_plan(deflator);
    assert!((gdp - PACE13_GDP).abs() < 0.005, "{gdp}");
    assert!((income - PACE13_INCOME).abs() < 0.005, "{income}");
    let pace = PresetId::Pace13.scenario();
    assert_eq!(pace.get(Param::Gdp), PACE13_GDP);
    assert_eq!(pace.get(Param::Inc), PACE13_INCOME);
}

#[test]
fn every_preset_round_trips_through_a_link_and_is_documented() {
    let model = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md"))
        .expect("docs/MODEL.md is readable");
    for preset in &PRESETS {
        let link = Link {
            current: Labelled {
                scenario: preset.id.scenario(),
                preset: Some(preset.id),
            },
            ..Link::default()
        };
        let (parsed, issues) = link::parse(&link::write(&link));
        assert!(issues.is_empty());
        assert_eq!(parsed, link);
        let (by_name, _) = link::parse(&format!("#preset={}", preset.key));
        assert_eq!(by_name.current.scenario, preset.id.scenario());
        assert!(
            model.contains(&format!("`preset={}`", preset.key)),
            "docs/MODEL.md documents preset {}",
            preset.key
        );
        for value in preset.values {
            let row = format!("`{}` = {}", value.param.spec().key, value.value);
            assert!(
                model.contains(&row),
                "docs/MODEL.md gives {row} for {}",
                preset.key
            );
        }
    }
}
