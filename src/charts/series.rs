//! From a run's summary to the fan chart of one series, in the UI's language.

use super::{FanChart, FanLabels};
use crate::engine::Summary;
use crate::i18n::Lang;
use crate::plan::{self, SeriesId, BASE_YEAR, TARGET_STEP};

/// The first year on every fan chart's x axis: the start of the 13th plan's data.
pub const FIRST_CHART_YEAR: i32 = 2015;

pub fn series_title(id: SeriesId, lang: Lang) -> &'static str {
    match id {
        SeriesId::Gdp => lang.pick(
            "地区生产总值(亿元,2020 年不变价)",
            "GDP (100 million yuan, 2020 prices)",
        ),
        SeriesId::IncomeIndex => lang.pick(
            "居民人均可支配收入指数(2020 = 100)",
            "Per-capita disposable income index (2020 = 100)",
        ),
        SeriesId::GdpPerCapita => {
            lang.pick("人均地区生产总值(万元)", "GDP per capita (10,000 yuan)")
        }
    }
}

/// The fan chart of `id`: bands from the run, the plan's history and path to 2025.
pub fn fan_chart_for(summary: &Summary, id: SeriesId, lang: Lang) -> FanChart<'_> {
    let plan_path = id
        .plan_growth()
        .map(|rate| {
            (0..=TARGET_STEP)
                .map(|t| {
                    (
                        BASE_YEAR + t as i32,
                        plan::compound(id.base_level(), rate, t),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    FanChart {
        title: series_title(id, lang).to_owned(),
        years: &summary.series(id).years,
        history: id
            .history()
            .into_iter()
            .map(|(year, value, _)| (year, value))
            .collect(),
        plan_path,
        first_year: FIRST_CHART_YEAR,
        decimals: if id == SeriesId::GdpPerCapita { 1 } else { 0 },
        labels: FanLabels {
            band_90: lang.pick("90% 区间", "90 % band").to_owned(),
            band_50: lang.pick("50% 区间", "50 % band").to_owned(),
            median: lang.pick("中位数", "median").to_owned(),
            plan: match id {
                SeriesId::Gdp => lang.pick("规划路径 7.5%/年", "plan path 7.5 %/yr"),
                _ => lang.pick("规划路径 8%/年", "plan path 8 %/yr"),
            }
            .to_owned(),
            history: lang.pick("实际值", "observed").to_owned(),
        },
    }
}
