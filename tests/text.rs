//! The page's words that carry numbers: the GDP rule with its tolerance in force, honest
//! intervals, the expected growth beside the trend, notes where a parameter is inert.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scenario;
use taijiang_sim::engine;
use taijiang_sim::i18n::Lang;
use taijiang_sim::plan::TargetId;
use taijiang_sim::scenario::{Param, Scenario};
use taijiang_sim::text::chance::{needs_interval, probability_with_uncertainty};
use taijiang_sim::text::notes::{expected_growth, inert_note, is_worked_back};
use taijiang_sim::text::rules::rule_text;

#[test]
fn the_gdp_rule_says_the_tolerance_in_force() {
    for (tolerance, rate, level) in [
        (0.5, "7.0", "841.5"),
        (0.0, "7.5", "861.4"),
        (1.2, "6.3", "814.4"),
    ] {
        let s = scenario(&[(Param::GdpTol, tolerance), (Param::Paths, 100.0)]);
        let summary = engine::run(&s);
        let gdp = summary.target(TargetId::Gdp).expect("reported");
        for lang in [Lang::Zh, Lang::En] {
            let text = rule_text(gdp, &s, lang);
            assert!(
                text.contains(rate) && text.contains(level),
                "{tolerance}: {text}"
            );
        }
    }
}

#[test]
fn certainty_is_never_claimed_where_the_run_cannot_support_it() {
    let summary = engine::run(&scenario(&[(Param::Paths, 2000.0)]));
    let hightech = summary.target(TargetId::HighTech).expect("reported");
    assert_eq!(hightech.met, 0, "the doubling needs a push");
    assert!(needs_interval(hightech, 2000));
    let text = probability_with_uncertainty(hightech, 2000, Lang::En);
    assert!(text.contains("95 % interval 0.00–0.19 %"), "{text}");
    let gdp = summary.target(TargetId::Gdp).expect("reported");
    assert!(!needs_interval(gdp, 2000));
    assert!(probability_with_uncertainty(gdp, 2000, Lang::Zh).contains('±'));
}

#[test]
fn the_trend_is_not_read_as_the_forecast() {
    // 7.5 − 10 % × 4 × (1 − 0.5) = 7.3 %/yr at the defaults: half the loss comes back.
    assert!((expected_growth(&Scenario::default()) - 7.3).abs() < 1e-12);
    let invest = scenario(&[(Param::Inv, 30.0)]);
    assert!((expected_growth(&invest) - (7.3 + 100.0 * 30.0 / (7.0 * 600.0))).abs() < 1e-12);
    let no_rebound = scenario(&[(Param::Rebound, 0.0)]);
    assert!((expected_growth(&no_rebound) - 7.1).abs() < 1e-12);
}

#[test]
fn icor_says_it_is_inert_without_extra_investment() {
    let none = Scenario::default();
    assert!(inert_note(Param::Icor, &none, Lang::En).is_some());
    assert!(inert_note(Param::Icor, &scenario(&[(Param::Inv, 20.0)]), Lang::En).is_none());
    // And changing it then moves nothing, bit for bit.
    let a = engine::run(&scenario(&[(Param::Paths, 500.0)]));
    let b = engine::run(&scenario(&[(Param::Paths, 500.0), (Param::Icor, 9.0)]));
    assert_eq!(a, b);
}

#[test]
fn bases_worked_back_from_their_targets_are_marked_until_changed() {
    let plan = Scenario::default();
    let marked: Vec<TargetId> = TargetId::ALL
        .into_iter()
        .filter(|&id| is_worked_back(id, &plan))
        .collect();
    assert_eq!(
        marked,
        [
            TargetId::GreenRatio,
            TargetId::GreenCover,
            TargetId::Preschool,
            TargetId::CultureStar,
            TargetId::CultureTrip
        ],
        "the five bases the plan does not give, inferred from their own targets"
    );
    assert!(!is_worked_back(
        TargetId::GreenRatio,
        &scenario(&[(Param::Gr0, 19.0)])
    ));
}

#[test]
fn base_values_say_no_more_than_the_plan() {
    use taijiang_sim::plan::{base_facts, Provenance};
    use taijiang_sim::text::describe;
    let facts = base_facts();
    let gdp = facts
        .iter()
        .find(|f| f.label_en == "GDP 2020")
        .expect("GDP 2020");
    assert_eq!(gdp.value, 600.0);
    assert!(
        matches!(gdp.provenance, Provenance::PlanFloor { .. }),
        "“600 亿元以上” is a floor"
    );
    let index = facts
        .iter()
        .find(|f| f.label_en == "Income index 2020")
        .expect("index");
    assert_eq!(index.provenance, Provenance::Normalisation);
    for fact in facts {
        for lang in [Lang::Zh, Lang::En] {
            let (_, label, explanation) = describe(fact.provenance, lang);
            assert!(!label.is_empty() && !explanation.is_empty());
            assert!(
                !explanation.contains("line") && !explanation.contains("行"),
                "{explanation}"
            );
        }
    }
    // The trend sliders are plan targets used as trends, not plan forecasts.
    let (_, _, gdp_trend) = describe(Param::Gdp.spec().provenance, Lang::En);
    assert!(gdp_trend.contains("used as the trend"), "{gdp_trend}");
}

#[test]
fn the_strip_never_rounds_an_uncertain_chance_to_certainty_nor_across_its_verdict() {
    use taijiang_sim::text::chance::strip_percent;
    use taijiang_sim::text::likelihood_band;
    assert_eq!(strip_percent(0.9991), "> 99 %");
    assert_eq!(strip_percent(1.0), "100 %");
    assert_eq!(strip_percent(0.0001), "< 1 %");
    assert_eq!(strip_percent(0.0), "0 %");
    assert_eq!(strip_percent(0.534), "53 %");
    // Within half a point of a verdict's boundary: one decimal, on the side of its verdict.
    assert_eq!(strip_percent(0.7991), "79.9 %");
    assert_eq!(strip_percent(0.8), "80.0 %");
    assert_eq!(strip_percent(0.2049), "20.5 %");
    assert_eq!(strip_percent(0.1951), "19.5 %");
    assert_eq!(strip_percent(0.7949), "79 %");
    // Over every chance a run of 10,000 paths can give, what the strip shows never reads as
    // another verdict: its number, read back, falls in the same band.
    for met in 0..=10_000_u32 {
        let p = f64::from(met) / 10_000.0;
        let shown = strip_percent(p);
        let read: f64 = shown
            .trim_start_matches(['<', '>', ' '])
            .trim_end_matches([' ', '%'])
            .parse()
            .expect("a number");
        let read = if shown.starts_with('<') || shown.starts_with('>') {
            p
        } else {
            read / 100.0
        };
        assert_eq!(
            likelihood_band(read),
            likelihood_band(p),
            "{p} shown as {shown}"
        );
    }
}

#[test]
fn every_view_writes_a_chance_by_one_rule_and_never_as_plus_minus_zero() {
    use taijiang_sim::text::chance::chance_text;
    for lang in [Lang::Zh, Lang::En] {
        for (met, n, se) in [
            (0, 10_000, 0.0),
            (10_000, 10_000, 0.0),
            (9_999, 10_000, 0.0001),
            (5_000, 10_000, 0.005),
        ] {
            let full = chance_text(met, n, se, lang, false).whole();
            let compact = chance_text(met, n, se, lang, true).whole();
            for text in [&full, &compact] {
                assert!(!text.contains("± 0.0 %"), "{text}");
            }
        }
        // The compact form keeps the numbers of the full one: a chance of 0 or 1 its range's end
        // away from certainty.
        let full = chance_text(0, 10_000, 0.0, lang, false);
        let compact = chance_text(0, 10_000, 0.0, lang, true);
        assert!(
            full.uncertainty.contains("0.00–0.04 %"),
            "{}",
            full.uncertainty
        );
        assert!(
            compact.uncertainty.contains("≤ 0.04 %"),
            "{}",
            compact.uncertainty
        );
        let all = chance_text(10_000, 10_000, 0.0, lang, true);
        assert!(all.uncertainty.contains("≥ 99.96 %"), "{}", all.uncertainty);
        // A few paths from certainty, the range reaches it as written: its other end alone.
        let nearly_all = chance_text(9_999, 10_000, 0.0001, lang, true);
        assert_eq!(nearly_all.percent, "100.0 %");
        assert!(
            nearly_all.uncertainty.contains("≥ 99.9") && !nearly_all.uncertainty.contains("100.00"),
            "{}",
            nearly_all.uncertainty
        );
        let nearly_none = chance_text(1, 10_000, 0.0001, lang, true);
        assert!(
            nearly_none.uncertainty.contains("≤ 0.0") && !nearly_none.uncertainty.contains("0.00–"),
            "{}",
            nearly_none.uncertainty
        );
        let near = chance_text(9_990, 10_000, 0.0003, lang, true);
        assert!(
            near.uncertainty.contains("99.82–99.95 %"),
            "{}",
            near.uncertainty
        );
        assert!(full.uncertainty.contains("95"), "{}", full.uncertainty);
    }
}

/// The income target's rule says its price basis, and "in step" its reading, with the numbers
/// in force: a reader sees the assumption where it decides.
#[test]
fn the_income_and_in_step_rules_say_their_reading() {
    let run = |settings: &[(Param, f64)]| {
        let mut all = vec![(Param::Paths, 100.0)];
        all.extend_from_slice(settings);
        let s = scenario(&all);
        let summary = engine::run(&s);
        let text = |id, lang| rule_text(summary.target(id).expect("reported"), &s, lang);
        (
            text(TargetId::Income, Lang::En),
            text(TargetId::Income, Lang::Zh),
            text(TargetId::IncomeSync, Lang::En),
            text(TargetId::IncomeSync, Lang::Zh),
        )
    };
    let (income, income_zh, sync, sync_zh) = run(&[]);
    assert!(
        income.starts_with("real yearly growth") && income.contains("146.9"),
        "{income}"
    );
    assert!(
        income_zh.contains("实际") && income_zh.contains("146.9"),
        "{income_zh}"
    );
    assert!(
        sync.contains("≥ GDP's − 1.0 points") && sync.contains("faster too"),
        "{sync}"
    );
    assert!(sync_zh.contains("不落后"), "{sync_zh}");
    let (income, _, sync, _) = run(&[
        (Param::IncBasis, 1.0),
        (Param::SyncRule, 1.0),
        (Param::SyncTol, 0.5),
    ]);
    assert!(
        income.starts_with("nominal yearly growth")
            && income.contains("real ≥ 5.9 %")
            && income.contains("133.1"),
        "{income}"
    );
    assert!(
        sync.contains("within ±0.5 points") && sync.contains("two-sided"),
        "{sync}"
    );
}
