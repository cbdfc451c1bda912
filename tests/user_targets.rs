//! Targets of one's own (`docs/MODEL.md`, "Targets of your own"): the plan's ten written as one's
//! own give the same paths bit for bit; growth at the trend is met exactly without noise; links
//! round-trip and a mangled target gives one notice; a later target extends the horizon; a split
//! run gives the same results; with observed years a 2026–2030 target starts from the observed
//! 2025.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{scenario, split_parts};
use proptest::prelude::*;
use taijiang_sim::engine::{self, split};
use taijiang_sim::link::{self, LinkIssue};
use taijiang_sim::plan::{SeriesId, TargetId};
use taijiang_sim::scenario::observed::ObservedSeries;
use taijiang_sim::scenario::{Param, Scenario, UserRule, UserTarget};

/// The plan's ten targets as targets of one's own, with the thresholds as a user would type
/// them (the levels the plan's reading puts in force).
fn plan_as_own(base: &Scenario) -> Vec<(TargetId, UserTarget)> {
    let reading = engine::reading(base);
    let level = |id: TargetId| id.threshold(&reading).expect("a level");
    let own = |name, series, rule, years, threshold| {
        UserTarget::new(name, series, rule, years, threshold).expect("valid")
    };
    use SeriesId as S;
    use UserRule as R;
    vec![
        (
            TargetId::Gdp,
            own(
                "gdp",
                S::Gdp,
                R::LevelAtLeast,
                (2025, 2025),
                level(TargetId::Gdp),
            ),
        ),
        (
            TargetId::Income,
            own(
                "income",
                S::IncomeIndex,
                R::LevelAtLeast,
                (2025, 2025),
                level(TargetId::Income),
            ),
        ),
        (
            TargetId::IncomeSync,
            own(
                "sync",
                S::IncomeIndex,
                R::LagBehindGdpAtMost,
                (2020, 2025),
                base.get(Param::SyncTol),
            ),
        ),
        // "突破 400 家": more than 400 firms, a whole number: at least 401.
        (
            TargetId::HighTech,
            own(
                "hightech",
                S::HighTech,
                R::LevelAtLeast,
                (2025, 2025),
                401.0,
            ),
        ),
        (
            TargetId::Air,
            own("air", S::Air, R::HeldAtLeast, (2021, 2025), 90.0),
        ),
        (
            TargetId::GreenRatio,
            own(
                "green_ratio",
                S::GreenRatio,
                R::LevelAtLeast,
                (2025, 2025),
                21.0,
            ),
        ),
        (
            TargetId::GreenCover,
            own(
                "green_cover",
                S::GreenCover,
                R::LevelAtLeast,
                (2025, 2025),
                36.0,
            ),
        ),
        (
            TargetId::Preschool,
            own(
                "preschool",
                S::Preschool,
                R::HeldAtLeast,
                (2021, 2025),
                86.0,
            ),
        ),
        (
            TargetId::CultureStar,
            own(
                "culture_star",
                S::CultureStar,
                R::LevelAtLeast,
                (2025, 2025),
                95.0,
            ),
        ),
        (
            TargetId::CultureTrip,
            own(
                "culture_trip",
                S::CultureTrip,
                R::LevelAtLeast,
                (2025, 2025),
                93.0,
            ),
        ),
    ]
}

fn with_targets(base: &Scenario, targets: impl IntoIterator<Item = UserTarget>) -> Scenario {
    targets.into_iter().fold(base.clone(), |s, t| {
        s.with_target(t).expect("room for it").0
    })
}

#[test]
fn the_plans_ten_written_as_ones_own_meet_on_the_same_paths() {
    for settings in [
        vec![(Param::Paths, 3_000.0)],
        vec![
            (Param::Paths, 3_000.0),
            (Param::HtPush, 27.0),
            (Param::Gdp, 6.5),
        ],
        vec![
            (Param::Paths, 3_000.0),
            (Param::ShockP, 25.0),
            (Param::AirVol, 1.0),
            (Param::Pre0, 86.5),
        ],
    ] {
        let base = scenario(&settings);
        let plan = plan_as_own(&base);
        // Eight at most in one scenario: the ten in two runs.
        for chunk in plan.chunks(5) {
            let own = with_targets(&base, chunk.iter().map(|(_, t)| t.clone()));
            let summary = engine::run(&own);
            for (k, (id, target)) in chunk.iter().enumerate() {
                let result = summary.user_target(target.name()).expect("judged");
                let plan_result = summary.target(*id).expect("judged");
                assert_eq!(result.met, plan_result.met, "{id:?} {settings:?}");
                assert_eq!(
                    result.probability.to_bits(),
                    plan_result.probability.to_bits()
                );
                let (plan_index, own_index) = (id.index(), TargetId::ALL.len() + k);
                for path in 0..summary.paths as usize {
                    assert_eq!(
                        summary.outcomes.met(plan_index, path),
                        summary.outcomes.met(own_index, path),
                        "{id:?}, path {path}"
                    );
                }
            }
            // The plan's own numbers are those of the scenario without targets of one's own.
            let plain = engine::run(&base);
            assert_eq!(summary.targets, plain.targets);
            assert_eq!(summary.joint(), plain.joint());
        }
    }
}

#[test]
fn growth_at_the_trend_without_noise_is_met_exactly_and_a_hair_above_is_not() {
    let quiet = scenario(&[
        (Param::Vol, 0.0),
        (Param::ShockP, 0.0),
        (Param::Paths, 100.0),
        (Param::Gdp, 6.0),
    ]);
    for (threshold, expected) in [(6.0, 1.0), (6.0 + 1e-6, 0.0), (5.9, 1.0)] {
        let target = UserTarget::new(
            "g30",
            SeriesId::Gdp,
            UserRule::GrowthAtLeast,
            (2025, 2030),
            threshold,
        )
        .expect("valid");
        let (own, extended) = quiet.with_target(target).expect("room");
        assert_eq!(extended, Some(2030), "the horizon follows the target");
        let summary = engine::run(&own);
        assert_eq!(
            summary.user_targets[0].probability, expected,
            "threshold {threshold}"
        );
    }
}

#[test]
fn a_later_target_extends_the_horizon_and_the_horizon_cannot_pass_below_it() {
    let (link, issues) = link::parse("#v=3&t.g30=gdp~cagr_ge~2025-2030~6");
    let scenario = &link.current.scenario;
    assert_eq!(scenario.horizon_year(), 2030);
    assert_eq!(
        issues,
        [
            LinkIssue::ChecksumMissing,
            LinkIssue::HorizonExtended {
                key: "t.g30".into(),
                year: 2030
            }
        ]
    );
    assert!(scenario.with(Param::Horizon, 2029.0).is_err());
    assert!(scenario.with(Param::Horizon, 2031.0).is_ok());
    // Written back, the link holds the horizon before the target: no notice then.
    let written = link::write(&link);
    let (again, issues) = link::parse(&written);
    assert_eq!(again, link);
    assert_eq!(issues, []);
}

#[test]
fn a_split_run_gives_the_same_results_for_ones_own_targets() {
    let base = scenario(&[(Param::Paths, 1_500.0), (Param::HtPush, 30.0)]);
    let own = with_targets(
        &base,
        [
            UserTarget::new(
                "h30",
                SeriesId::HighTech,
                UserRule::LevelAtLeast,
                (2030, 2030),
                500.0,
            ),
            UserTarget::new(
                "air35",
                SeriesId::Air,
                UserRule::HeldAtMost,
                (2026, 2035),
                99.0,
            ),
            UserTarget::new(
                "inc",
                SeriesId::IncomeIndex,
                UserRule::LagBehindGdpAtMost,
                (2025, 2032),
                0.5,
            ),
        ]
        .map(|t| t.expect("valid")),
    );
    let whole = engine::run(&own);
    assert_eq!(whole.user_targets.len(), 3);
    for parts in [1, 3, 4] {
        let merged = split::merge(&own, &split_parts(&own, parts, 7)).expect("merges");
        assert_eq!(merged, whole, "{parts} parts");
        assert_eq!(merged.fingerprint(), whole.fingerprint());
    }
    // Targets met together: the plan's ten, and one's own apart.
    let own_joint = whole.joint_of_own().expect("three of one's own");
    assert_eq!(own_joint.targets(), 3);
    assert_eq!(whole.joint().targets(), 10);
}

#[test]
fn with_observed_years_a_target_from_2025_starts_where_2025_was_observed() {
    // Every year to 2025 observed, then almost no noise and no persistence: the growth
    // 2025→2030 is the trend within a thousandth of a point, from the observed 2025.
    let quiet = scenario(&[
        (Param::Vol, 0.001),
        (Param::Rho, 0.0),
        (Param::ShockP, 0.0),
        (Param::Paths, 200.0),
    ]);
    let growth = [8.0, 4.7, 6.0, 5.5, 6.1];
    let observed = growth
        .into_iter()
        .zip(2021..)
        .fold(quiet.clone(), |s, (g, year)| {
            s.with_observation(ObservedSeries::Gdp, year, g)
                .expect("valid")
        });
    let gdp_2025 = growth.iter().fold(600.0, |y: f64, g| y * (1.0 + g / 100.0));
    let gdp_2030 = (0..5).fold(gdp_2025, |y, _| y * 1.075);
    let own = |rule, years, threshold| {
        UserTarget::new("own", SeriesId::Gdp, rule, years, threshold).expect("valid")
    };
    for (target, expected) in [
        (own(UserRule::GrowthAtLeast, (2025, 2030), 7.49), 1.0),
        (own(UserRule::GrowthAtLeast, (2025, 2030), 7.51), 0.0),
        (
            own(UserRule::LevelAtLeast, (2030, 2030), gdp_2030 * 0.999),
            1.0,
        ),
        (
            own(UserRule::LevelAtLeast, (2030, 2030), gdp_2030 * 1.001),
            0.0,
        ),
    ] {
        let scenario = observed.with_target(target.clone()).expect("room").0;
        let summary = engine::run(&scenario);
        assert_eq!(
            summary.observed_through,
            Some(2025),
            "conditioned on 2021–2025"
        );
        assert_eq!(summary.user_targets[0].probability, expected, "{target:?}");
    }
}

fn any_target() -> impl Strategy<Value = UserTarget> {
    (
        "[A-Za-z0-9_]{1,16}",
        0..SeriesId::ALL.len(),
        0..UserRule::ALL.len(),
        2020..=2035_i32,
        0..=15_i32,
        -1e6..1e6_f64,
    )
        .prop_filter_map("a valid target", |(name, s, r, first, span, threshold)| {
            let rule = UserRule::ALL[r];
            let last = if rule.is_one_year() {
                first
            } else {
                (first + span).min(2035)
            };
            UserTarget::new(&name, SeriesId::ALL[s], rule, (first, last), threshold).ok()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any target, written into a link and read back, is the same target.
    #[test]
    fn any_target_round_trips_through_a_link(target in any_target()) {
        let (scenario, _) = Scenario::default().with_target(target.clone()).expect("room");
        let link = link::Link { current: link::Labelled::plain(scenario), ..link::Link::default() };
        let written = link::write(&link);
        let (parsed, issues) = link::parse(&written);
        prop_assert_eq!(parsed.current.scenario.targets().get(target.name()), Some(&target));
        prop_assert_eq!(issues, vec![]);
    }

    /// A mangled target never panics and gives one notice of its own; the rest of the link is
    /// used.
    #[test]
    fn a_mangled_target_gives_one_notice(text in "\\PC{0,40}", name in "\\PC{0,20}") {
        let fragment = format!(
            "#gdp=6&t.{}={}",
            urlencode(&name),
            urlencode(&text)
        );
        let (parsed, issues) = link::parse(&fragment);
        prop_assert_eq!(parsed.current.scenario.get(Param::Gdp), 6.0);
        let about_it = issues
            .iter()
            .filter(|i| matches!(i, LinkIssue::BadTarget { .. } | LinkIssue::HorizonExtended { .. }))
            .count();
        let used = !parsed.current.scenario.targets().is_empty();
        prop_assert!(about_it <= 1, "{:?}", issues);
        prop_assert!(used || about_it == 1, "{:?}", issues);
    }
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// One's own targets change nothing of the plan's whole: all ten met, the number met, their
/// comparison and the analyses' measures count the plan's ten only; one's own is a measure of
/// its own.
#[test]
fn ones_own_targets_leave_the_plans_whole_alone() {
    use taijiang_sim::analysis::{level, paired_change, Measure};
    use taijiang_sim::engine::compare::joint_difference;
    let base = scenario(&[(Param::Paths, 1_000.0)]);
    let own = with_targets(
        &base,
        [UserTarget::new(
            "easy",
            SeriesId::Gdp,
            UserRule::LevelAtLeast,
            (2025, 2025),
            1.0,
        )
        .expect("valid")],
    );
    let (plain, with_own) = (engine::run(&base), engine::run(&own));
    for measure in [Measure::AllMet, Measure::ExpectedMet] {
        assert_eq!(
            level(&plain, measure),
            level(&with_own, measure),
            "{measure:?}"
        );
    }
    assert_eq!(joint_difference(&plain, &with_own).expected_met.delta, 0.0);
    assert_eq!(
        level(&with_own, Measure::Own(0)),
        1.0,
        "every path reaches 1 亿元"
    );
    let change = paired_change(&with_own, &with_own, Measure::Own(0));
    assert_eq!((change.delta, change.std_error), (0.0, 0.0));
    assert_eq!(Measure::from_key("own0"), Some(Measure::Own(0)));
}
