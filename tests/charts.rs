//! Native tests of the charts: the same drawing code as the browser, into an SVG string.
// Native only: under wasm32 a plain #[test] would be skipped silently (tests/browser.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use plotters::prelude::*;
use taijiang_sim::charts::{draw_fan_chart, emptiest_corner, fan_chart_for, ChartStyle, Corner};
use taijiang_sim::engine;
use taijiang_sim::i18n::Lang;
use taijiang_sim::plan::SeriesId;
use taijiang_sim::scenario::{Param, Scenario};

fn render(series: SeriesId, lang: Lang, horizon: f64) -> String {
    render_at(series, lang, horizon, (640, 360))
}

fn render_at(series: SeriesId, lang: Lang, horizon: f64, size: (u32, u32)) -> String {
    let scenario = Scenario::default()
        .with(Param::Horizon, horizon)
        .and_then(|s| s.with(Param::Paths, 500.0))
        .expect("valid");
    let summary = engine::run(&scenario);
    let chart = fan_chart_for(&summary, &Scenario::default(), series, lang);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_fan_chart(&area, &chart, &ChartStyle::default()).expect("drawn");
    }
    svg
}

#[test]
fn a_fan_chart_has_two_bands_a_median_the_plan_path_and_history() {
    let svg = render(SeriesId::Gdp, Lang::Zh, 2025.0);
    assert_eq!(svg.matches("<polygon").count(), 2, "90 % and 50 % bands");
    // History points (2015, 2020) and the end of the plan's path.
    assert!(svg.matches("<circle").count() >= 3);
    assert!(svg.contains("地区生产总值"), "title in Chinese");
    assert!(svg.contains("规划路径"), "plan path in the legend");
    assert!(
        svg.contains("\n2015\n") && svg.contains("\n2025\n"),
        "x axis from 2015 to the horizon"
    );
}

/// The years printed on the x axis, in order.
fn year_labels(svg: &str) -> Vec<u32> {
    svg.lines()
        .filter_map(|line| line.trim().parse::<u32>().ok())
        .filter(|year| (2000..2100).contains(year))
        .collect()
}

#[test]
fn a_narrow_chart_labels_every_fifth_year_so_that_none_run_into_each_other() {
    let wide = year_labels(&render_at(SeriesId::Gdp, Lang::Zh, 2025.0, (640, 360)));
    assert_eq!(
        wide,
        (2015..=2025).collect::<Vec<_>>(),
        "room for every year"
    );
    let narrow = year_labels(&render_at(SeriesId::Gdp, Lang::Zh, 2025.0, (320, 240)));
    assert_eq!(
        narrow,
        vec![2015, 2020, 2025],
        "an embed's width: both ends and the middle"
    );
}

#[test]
fn the_chart_follows_the_language_and_the_horizon() {
    let svg = render(SeriesId::IncomeIndex, Lang::En, 2035.0);
    assert!(svg.contains("income index"));
    assert!(svg.contains("\n2035\n"), "x axis reaches the horizon");
    assert!(!svg.contains("中位数"));
}

#[test]
fn the_chart_scales_with_the_device_pixel_ratio() {
    let summary = engine::run(
        &Scenario::default()
            .with(Param::Paths, 200.0)
            .expect("valid"),
    );
    let chart = fan_chart_for(&summary, &Scenario::default(), SeriesId::Gdp, Lang::En);
    let font_size = |scale: f64| {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (1280, 720)).into_drawing_area();
            let style = ChartStyle {
                scale,
                ..ChartStyle::default()
            };
            draw_fan_chart(&area, &chart, &style).expect("drawn");
        }
        let size = svg
            .split("font-size=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next());
        size.and_then(|text| text.parse::<f64>().ok())
            .expect("a title with a font size")
    };
    let ratio = font_size(2.0) / font_size(1.0);
    assert!(
        (ratio - 2.0).abs() < 1e-9,
        "fonts double at twice the pixel ratio, got ×{ratio}"
    );
}

/// Each target's distribution view shows what its rule judges: the share on the met side of the
/// line is the table's p̂, to the last digit (held targets: the worst year; in step: the gap).
#[test]
fn every_distribution_view_splits_at_the_tables_probability() {
    use taijiang_sim::charts::histogram_for;
    use taijiang_sim::format::percent;
    use taijiang_sim::plan::TargetId;
    for settings in [&[][..], &[(Param::ShockP, 25.0), (Param::SyncTol, 0.1)][..]] {
        let mut all = vec![(Param::Paths, 3000.0)];
        all.extend_from_slice(settings);
        let summary = taijiang_sim::engine::run(&common::scenario(&all));
        for id in TargetId::ALL {
            let result = summary.target(id).expect("reported");
            let chart = histogram_for(&summary, id, Lang::En).expect("a view");
            let threshold = chart.threshold.as_ref().expect("a line");
            let met_label = if threshold.met_below {
                &threshold.below
            } else {
                &threshold.above
            };
            assert!(
                met_label.ends_with(&percent(result.probability)),
                "{id:?}: {met_label} vs {}",
                percent(result.probability)
            );
            if let Some((_, judged)) = summary.judged.iter().find(|(t, _)| *t == id) {
                assert_eq!(judged.met(), result.met, "{id:?}");
                // The bars on the met side hold exactly the met paths.
                let width = (chart.max - chart.min) / chart.counts.len() as f64;
                let met_bars: u32 = chart
                    .counts
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| {
                        let right = chart.min + width * (*i as f64 + 1.0);
                        (right <= threshold.level + width * 1e-6) == threshold.met_below
                    })
                    .map(|(_, &c)| c)
                    .sum();
                assert_eq!(met_bars, result.met, "{id:?}");
            }
        }
    }
}

/// The plan's 2015 figures are at 2015's prices; the charts, like the model, are at 2020's: the
/// 2015 points are deflated into them with the scenario's deflator (an assumption).
#[test]
fn the_2015_points_are_drawn_at_2020_prices() {
    let summary = engine::run(
        &Scenario::default()
            .with(Param::Paths, 200.0)
            .expect("valid"),
    );
    let point_2015 = |deflator: f64, series: SeriesId| {
        let scenario = Scenario::default()
            .with(Param::Deflator, deflator)
            .expect("valid");
        let chart = fan_chart_for(&summary, &scenario, series, Lang::En);
        assert!(chart.labels.history.contains("2020 prices"));
        chart
            .history
            .iter()
            .find(|(year, _)| *year == 2015)
            .expect("2015")
            .1
    };
    assert_eq!(point_2015(0.0, SeriesId::Gdp), 370.0);
    let at_two = point_2015(2.0, SeriesId::Gdp);
    assert_eq!(at_two, 370.0 * 1.02 * 1.02 * 1.02 * 1.02 * 1.02);
    assert!((at_two - 408.5).abs() < 0.1, "{at_two}");
    // The income index of 2015 (70.0 in 2015's prices) becomes 77.3 at 2020's: the 42.8 %
    // growth of 2016–2020 was nominal.
    assert!((point_2015(2.0, SeriesId::IncomeIndex) - 77.32).abs() < 0.01);
    assert!((point_2015(2.0, SeriesId::GdpPerCapita) - 8.733).abs() < 0.001);
}

/// The default scenario's fan chart of `series` and the ranges its axes would span.
fn chart_and_ranges(
    series: SeriesId,
) -> (
    taijiang_sim::charts::FanChart,
    std::ops::Range<f64>,
    std::ops::Range<f64>,
) {
    let scenario = Scenario::default()
        .with(Param::Paths, 500.0)
        .expect("valid");
    let summary = engine::run(&scenario);
    let chart = fan_chart_for(&summary, &Scenario::default(), series, Lang::En);
    let values = chart
        .years
        .iter()
        .flat_map(|y| [y.percentiles[0], y.percentiles[4]])
        .chain(
            chart
                .history
                .iter()
                .chain(&chart.plan_path)
                .map(|&(_, v)| v),
        );
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let last = chart.years.last().expect("years").year;
    (
        chart.clone(),
        f64::from(chart.first_year)..f64::from(last),
        low..high,
    )
}

#[test]
fn a_small_charts_key_goes_where_the_data_leave_room() {
    // GDP rises from 2015: its upper left (early years, high values) is empty.
    let (gdp, x, y) = chart_and_ranges(SeriesId::Gdp);
    assert_eq!(emptiest_corner(&gdp, &x, &y), Corner::UpperLeft);
    // The same marks mirrored top to bottom (a falling series): the upper left is then full
    // of history and the lower left is empty.
    let mut falling = gdp.clone();
    let flip = |v: f64| y.end + y.start - v;
    for year in &mut falling.years {
        year.percentiles = [4, 3, 2, 1, 0].map(|i| flip(year.percentiles[i]));
    }
    for point in falling.history.iter_mut().chain(&mut falling.plan_path) {
        point.1 = flip(point.1);
    }
    assert_eq!(emptiest_corner(&falling, &x, &y), Corner::LowerLeft);
}
