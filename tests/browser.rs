//! Component tests in headless Chromium (wasm-bindgen-test). Run by `.ci/test`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{GOLDEN_FINGERPRINT, GOLDEN_SCENARIO};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use taijiang_sim::engine;
use taijiang_sim::format;
use taijiang_sim::i18n::Lang;
use taijiang_sim::plan::TargetId;
use taijiang_sim::scenario::{Param, Scenario};
use taijiang_sim::state::Gesture;
use taijiang_sim::ui::{
    App, AppProps, CompactTargets, CompactTargetsProps, Slider, SliderProps, TargetsTable,
    TargetsTableProps,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement};
use yew::platform::time::sleep;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

// The engine's lanes are wasm's SIMD in the app's build (.cargo/config.toml): so here.
#[cfg(not(target_feature = "simd128"))]
compile_error!("the wasm build lacks SIMD128: see .cargo/config.toml");

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// Waits until a component has rendered into `root` (Yew renders on a later tick), instead of
/// sleeping for a time that a slow machine could exceed.
async fn rendered(root: &Element) {
    assert!(
        eventually(|| root.child_element_count() > 0).await,
        "the component never rendered"
    );
}

/// Waits until `condition` holds, for up to 3 s (scroll events, for one, arrive a frame later).
async fn eventually(condition: impl Fn() -> bool) -> bool {
    eventually_within(3_000, condition).await
}

async fn eventually_within(milliseconds: u64, condition: impl Fn() -> bool) -> bool {
    for _ in 0..milliseconds / 10 {
        if condition() {
            return true;
        }
        sleep(Duration::from_millis(10)).await;
    }
    condition()
}

#[wasm_bindgen_test]
fn the_engine_gives_the_native_bits_in_the_browser() {
    let (link, issues) = taijiang_sim::link::parse(GOLDEN_SCENARIO);
    let scenario = link.current.scenario;
    assert!(issues.is_empty());
    assert_eq!(engine::run(&scenario).fingerprint(), GOLDEN_FINGERPRINT);
}

/// The engine's two-lane functions on wasm's SIMD lanes (the build enables them): `libm`'s bits
/// on each lane, for the numbers tests/lanes.rs checks natively.
#[wasm_bindgen_test]
fn two_logarithms_and_exponentials_at_once_are_libms_on_simd_lanes() {
    let same_bits = |got: [f64; 2], want: [f64; 2]| got.map(f64::to_bits) == want.map(f64::to_bits);
    let inputs = common::lanes::log_inputs(200_000);
    for pair in inputs.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            same_bits(engine::log_pair(a, b), [libm::log(a), libm::log(b)]),
            "log of {a:e} and {b:e}"
        );
        assert!(
            same_bits(
                engine::logit_pair(a, b),
                [engine::logit(a), engine::logit(b)]
            ),
            "logit of {a:e} and {b:e}"
        );
    }
    for pair in common::lanes::exp_inputs(200_000).chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            same_bits(engine::exp_pair(a, b), [libm::exp(a), libm::exp(b)]),
            "exp of {a:e} and {b:e}"
        );
    }
}

/// The percentiles' buckets found eight values at a time on wasm's SIMD lanes: sorting's
/// percentiles, for the sets tests/percentiles.rs checks natively.
#[wasm_bindgen_test]
fn percentiles_with_buckets_found_in_simd_lanes_are_sortings() {
    use common::percentiles::{percentile_sets, percentiles_by_sorting, QUANTILES};
    let bits = |values: &[f64]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    for set in percentile_sets() {
        let want = bits(&percentiles_by_sorting(&set.values, &QUANTILES));
        let n = set.values.len();
        assert_eq!(
            bits(&engine::percentiles_by_selection(&set.values, &QUANTILES)),
            want,
            "{n} values"
        );
        match engine::percentiles_counted(&set.values, &QUANTILES) {
            Some(counted) => assert_eq!(bits(&counted), want, "{n} values, counted"),
            None => assert!(!set.counted, "{n} values: the counting pass must answer"),
        }
    }
}

#[wasm_bindgen_test]
async fn the_targets_table_carries_machine_readable_rows() {
    let scenario = Scenario::default()
        .with(Param::Paths, 500.0)
        .expect("valid");
    let summary = Rc::new(engine::run(&scenario));
    let root = fresh_root();
    let props = TargetsTableProps {
        summary: summary.clone(),
        scenario: scenario.clone(),
        lang: Lang::Zh,
        selected: TargetId::Gdp,
        on_select: Callback::noop(),
        on_show_sentence: Callback::noop(),
        differences: None,
        pinned: false,
        worked_back: Vec::new(),
        wordings: Default::default(),
        own_differences: None,
        selected_own: None,
        on_select_own: Callback::noop(),
    };
    yew::Renderer::<TargetsTable>::with_root_and_props(root.clone(), props).render();
    rendered(&root).await;
    for result in &summary.targets {
        let selector = format!("[data-target=\"{}\"]", result.id.key());
        let row = root
            .query_selector(&selector)
            .expect("valid selector")
            .expect("a row per target");
        assert_eq!(
            row.get_attribute("data-probability"),
            Some(format::four_decimals(result.probability))
        );
        assert_eq!(
            row.get_attribute("data-stderr"),
            Some(format::four_decimals(result.std_error))
        );
        let text = row.text_content().unwrap_or_default();
        assert!(
            text.contains(result.id.wording_zh()),
            "the plan's wording is shown: {text}"
        );
        // ± the standard error, or where that would claim certainty, the Wilson interval.
        let uncertainty = if taijiang_sim::text::chance::needs_interval(result, summary.paths) {
            "95% 区间"
        } else {
            "±"
        };
        assert!(
            text.contains(uncertainty),
            "the uncertainty is shown: {text}"
        );
    }
}

/// A target of one's own is a row of its own group, with its number and its wording.
#[wasm_bindgen_test]
async fn a_target_of_ones_own_is_a_row_with_its_number_and_wording() {
    use taijiang_sim::plan::SeriesId;
    use taijiang_sim::scenario::{UserRule, UserTarget};
    let target = UserTarget::new(
        "g30",
        SeriesId::Gdp,
        UserRule::GrowthAtLeast,
        (2025, 2030),
        6.0,
    )
    .expect("valid");
    let (scenario, _) = Scenario::default()
        .with(Param::Paths, 200.0)
        .expect("valid")
        .with_target(target)
        .expect("room");
    let summary = Rc::new(engine::run(&scenario));
    let root = fresh_root();
    let props = TargetsTableProps {
        summary: summary.clone(),
        scenario: scenario.clone(),
        lang: Lang::En,
        selected: TargetId::Gdp,
        on_select: Callback::noop(),
        on_show_sentence: Callback::noop(),
        differences: None,
        pinned: false,
        worked_back: Vec::new(),
        wordings: taijiang_sim::scenario::targets::Wordings::default()
            .with("g30", "GDP 6 % a year"),
        own_differences: None,
        selected_own: None,
        on_select_own: Callback::noop(),
    };
    yew::Renderer::<TargetsTable>::with_root_and_props(root.clone(), props).render();
    rendered(&root).await;
    let row = root
        .query_selector("[data-own-target=\"g30\"]")
        .expect("valid")
        .expect("its row");
    assert_eq!(
        row.get_attribute("data-probability"),
        Some(format::four_decimals(summary.user_targets[0].probability))
    );
    let text = row.text_content().unwrap_or_default();
    assert!(
        text.starts_with("GDP 6 % a year"),
        "its wording first: {text}"
    );
    assert!(text.contains("≥ 6 %/yr"), "its rule: {text}");
    let group = root
        .query_selector("tbody[data-chapter=\"Own\"] th[scope=rowgroup]")
        .expect("valid")
        .expect("a group of its own");
    assert_eq!(group.text_content().as_deref(), Some("Targets of your own"));
}

#[wasm_bindgen_test]
async fn a_compared_table_carries_a_b_and_the_paired_difference() {
    let a = engine::run(
        &Scenario::default()
            .with(Param::Paths, 500.0)
            .expect("valid"),
    );
    let b_scenario = Scenario::default()
        .with(Param::Paths, 500.0)
        .and_then(|s| s.with(Param::Gdp, 6.0))
        .expect("valid");
    let b = Rc::new(engine::run(&b_scenario));
    let differences = Rc::new(taijiang_sim::engine::compare::differences(&a, &b));
    let root = fresh_root();
    let props = TargetsTableProps {
        summary: b.clone(),
        scenario: b_scenario.clone(),
        lang: Lang::En,
        selected: TargetId::Gdp,
        on_select: Callback::noop(),
        on_show_sentence: Callback::noop(),
        differences: Some(differences.clone()),
        pinned: true,
        worked_back: Vec::new(),
        wordings: Default::default(),
        own_differences: None,
        selected_own: None,
        on_select_own: Callback::noop(),
    };
    yew::Renderer::<TargetsTable>::with_root_and_props(root.clone(), props).render();
    rendered(&root).await;
    for d in differences.iter() {
        let row = root
            .query_selector(&format!("[data-target=\"{}\"]", d.id.key()))
            .expect("valid selector")
            .expect("a row per target");
        let attribute = |name| row.get_attribute(name).unwrap_or_default();
        assert_eq!(
            attribute("data-probability-a"),
            format::four_decimals(d.probability_a)
        );
        assert_eq!(
            attribute("data-probability-b"),
            format::four_decimals(d.probability_b)
        );
        assert_eq!(attribute("data-delta"), format::four_decimals(d.delta));
        assert_eq!(
            attribute("data-delta-stderr"),
            format::four_decimals(d.std_error)
        );
        let words = ["within noise", "up", "down", "no change"];
        let text = row.text_content().unwrap_or_default();
        assert!(
            words.iter().any(|w| text.contains(w)),
            "the change in words: {text}"
        );
    }
}

#[wasm_bindgen_test]
async fn the_compact_table_of_embeds_shows_delta_and_its_error_and_print_copies_carry_no_marks() {
    let scenario = |gdp: f64| {
        Scenario::default()
            .with(Param::Paths, 500.0)
            .and_then(|s| s.with(Param::Gdp, gdp))
            .expect("valid")
    };
    let a = engine::run(&scenario(7.5));
    let b = Rc::new(engine::run(&scenario(6.0)));
    let differences = Rc::new(taijiang_sim::engine::compare::differences(&a, &b));
    let root = fresh_root();
    let props = CompactTargetsProps {
        summary: b.clone(),
        lang: Lang::En,
        differences: Some(differences.clone()),
        marked: true,
    };
    yew::Renderer::<CompactTargets>::with_root_and_props(root.clone(), props).render();
    rendered(&root).await;
    let rows = root.query_selector_all("tbody tr").expect("valid selector");
    assert_eq!(rows.length(), 10);
    for d in differences.iter() {
        let row = root
            .query_selector(&format!("[data-target=\"{}\"]", d.id.key()))
            .expect("valid selector")
            .expect("a row per target");
        assert_eq!(
            row.get_attribute("data-delta").unwrap_or_default(),
            format::four_decimals(d.delta)
        );
        let text = row.text_content().unwrap_or_default();
        let delta = format!("{:.1}", (d.delta * 100.0).abs());
        let error = format!("±{:.1}", d.std_error * 100.0);
        assert!(
            text.contains(&delta) && text.contains(&error),
            "Δ and its error: {text}"
        );
    }
    let copy = fresh_root();
    let props = CompactTargetsProps {
        summary: b,
        lang: Lang::Zh,
        differences: None,
        marked: false,
    };
    yew::Renderer::<CompactTargets>::with_root_and_props(copy.clone(), props).render();
    rendered(&copy).await;
    assert_eq!(
        copy.query_selector_all("tbody tr").expect("valid").length(),
        10
    );
    assert!(copy
        .query_selector("[data-target]")
        .expect("valid")
        .is_none());
    assert!(copy.text_content().unwrap_or_default().contains("判断"));
}

#[wasm_bindgen_test]
async fn a_changed_slider_says_it_is_the_users_setting_with_the_default_beside() {
    let props = SliderProps {
        spec: *Param::Gdp.spec(),
        value: 6.0,
        reference: 7.5,
        preset: None,
        lang: Lang::En,
        on_change: Callback::noop(),
        on_reset: Callback::noop(),
        note: None,
    };
    let root = fresh_root();
    yew::Renderer::<Slider>::with_root_and_props(root.clone(), props).render();
    rendered(&root).await;
    let text = root.text_content().unwrap_or_default();
    assert!(root
        .query_selector("[data-provenance=user]")
        .ok()
        .flatten()
        .is_some());
    assert!(
        root.query_selector("[data-provenance=plan]")
            .ok()
            .flatten()
            .is_none(),
        "{text}"
    );
    assert!(text.contains("7.5 %/yr"), "the default beside: {text}");
}

#[wasm_bindgen_test]
async fn a_slider_reports_its_parameter_and_value() {
    let received = Rc::new(RefCell::new(Vec::new()));
    let sink = received.clone();
    let props = SliderProps {
        spec: *Param::Gdp.spec(),
        value: 7.5,
        reference: 7.5,
        preset: None,
        lang: Lang::En,
        on_change: Callback::from(move |change| sink.borrow_mut().push(change)),
        on_reset: Callback::noop(),
        note: None,
    };
    let root = fresh_root();
    yew::Renderer::<Slider>::with_root_and_props(root.clone(), props).render();
    rendered(&root).await;
    let input: HtmlInputElement = root
        .query_selector("input[type=range][name=gdp]")
        .expect("valid selector")
        .expect("a range input named after its key")
        .unchecked_into();
    assert_eq!(input.value(), "7.5", "the range is set before the value");
    let label = root
        .query_selector("label[for=slider-gdp]")
        .expect("valid")
        .expect("a label");
    assert_eq!(label.text_content().as_deref(), Some("Trend GDP growth"));
    input.set_value("6.3");
    let event = web_sys::InputEvent::new("input").expect("an event");
    input.dispatch_event(&event).expect("dispatched");
    assert_eq!(*received.borrow(), vec![(Param::Gdp, 6.3, Gesture::Moving)]);
    input.set_value("6.2");
    let event = web_sys::Event::new("change").expect("an event");
    input.dispatch_event(&event).expect("dispatched");
    assert_eq!(
        received.borrow().last(),
        Some(&(Param::Gdp, 6.2, Gesture::Settled))
    );
}

#[wasm_bindgen_test]
async fn the_app_runs_the_default_scenario_and_draws_both_charts() {
    let root = fresh_root();
    let props = AppProps { in_thread: true };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // A debug build runs the default 10,000 paths on the page's thread: allow it time.
    let ready = eventually_within(20_000, || {
        root.query_selector("#app[data-state=ready]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert!(ready, "the first run finishes");
    // The page's children draw in the scheduler's next slice: wait for the rows, as a reader would.
    let all_rows = TargetId::ALL.len() as u32;
    eventually(|| {
        root.query_selector_all("[data-target]")
            .map(|rows| rows.length() == all_rows)
            .unwrap_or(false)
    })
    .await;
    let rows = root.query_selector_all("[data-target]").expect("valid");
    assert_eq!(rows.length(), TargetId::ALL.len() as u32);
    // Every series has a chart; a chart is drawn (sized) once it is on screen.
    for key in ["gdp", "income", "gdp_pc", "hightech", "air", "culture_trip"] {
        let canvas: HtmlCanvasElement = root
            .query_selector(&format!("canvas[data-chart={key}]"))
            .expect("valid")
            .expect("a chart per series")
            .unchecked_into();
        canvas.scroll_into_view();
        let drawn = eventually(|| canvas.width() >= 200 && canvas.height() >= 200).await;
        assert!(drawn, "{key}: drawn once in view");
    }
}

#[wasm_bindgen_test]
fn a_panic_ends_in_an_error_view_with_ways_out_and_the_message_as_text() {
    use taijiang_sim::text::fatal::{DETAIL_LIMIT, FATAL_WORDS};
    use taijiang_sim::ui::fatal::{error_view, ERROR_VIEW_ID};
    let message = format!(
        "panicked at src/x.rs: <img src=x onerror=alert(1)> {}",
        "x".repeat(3 * DETAIL_LIMIT)
    );
    let view = error_view(&message).expect("an error view");
    assert_eq!(view.id(), ERROR_VIEW_ID);
    assert_eq!(view.get_attribute("role").as_deref(), Some("alert"));
    let text = view.text_content().unwrap_or_default();
    for words in FATAL_WORDS {
        assert!(text.contains(words.title) && text.contains(words.reset));
    }
    let location = gloo::utils::window().location();
    let reset = view
        .query_selector("a[data-fatal=reset]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
        .expect("a reset link");
    assert_eq!(
        reset,
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        ),
        "the address without its fragment"
    );
    assert!(view
        .query_selector("a[data-fatal=reload]")
        .ok()
        .flatten()
        .is_some());
    assert!(
        view.query_selector("img").ok().flatten().is_none(),
        "the message is text, not markup"
    );
    let detail = view
        .query_selector("pre")
        .ok()
        .flatten()
        .and_then(|pre| pre.text_content())
        .unwrap_or_default();
    assert!(detail.starts_with("panicked at src/x.rs: <img"));
    assert_eq!(
        detail.chars().count(),
        DETAIL_LIMIT + 1,
        "cut, with an ellipsis"
    );
}
