//! The floor: the GDP-and-income pair of the model alone, written as the tightest loop we know
//! over flat arrays (one array per quantity, no per-path structs, no columns copied), summarised
//! with the engine's own percentiles. The benchmark reports the engine's cost per series against
//! this one's, in the same run: what the engine spends beyond it is the price of its generality
//! (ten series, split runs, outcomes per path). Its numbers are the engine's, bit for bit
//! (tests/bench_floor.rs), so that the comparison is of the same work.

use crate::engine::{
    gdp_growth, percentiles, ModelParams, PathStream, SelectionScratch, StreamId, YearStats,
    GROWTH_FLOOR, PERCENTILES,
};
use crate::plan::{self, TargetId, BASE_YEAR, TARGET_STEP};
use crate::scenario::Scenario;

/// The two series' statistics by year, and the paths that meet the two level targets on them.
#[derive(Clone, Debug, PartialEq)]
pub struct FloorSummary {
    pub gdp: Vec<YearStats>,
    pub income: Vec<YearStats>,
    pub gdp_met: u32,
    pub income_met: u32,
}

/// GDP and income of `scenario`, as the engine computes them, by the shortest route.
pub fn run_gdp_income(scenario: &Scenario) -> FloorSummary {
    let params = ModelParams::from_scenario(scenario);
    let n = scenario.paths() as usize;
    let mut streams: Vec<PathStream> = (0..n as u64)
        .map(|path| PathStream::for_stream(scenario.seed(), path, StreamId::Core))
        .collect();
    let mut shock = vec![0.0; n];
    let mut after_downturn = vec![false; n];
    let mut gdp = vec![plan::GDP_2020; n];
    let mut income = vec![plan::INCOME_INDEX_2020; n];
    let mut scratch = SelectionScratch::default();
    let mut summary = FloorSummary {
        gdp: Vec::with_capacity(params.steps + 1),
        income: Vec::with_capacity(params.steps + 1),
        gdp_met: 0,
        income_met: 0,
    };
    let mut summarise = |t: usize, gdp: &[f64], income: &[f64], summary: &mut FloorSummary| {
        for (values, years) in [(gdp, &mut summary.gdp), (income, &mut summary.income)] {
            years.push(YearStats {
                year: BASE_YEAR + t as i32,
                mean: Some(values.iter().sum::<f64>() / n as f64),
                percentiles: percentiles(values, &PERCENTILES, &mut scratch),
            });
        }
    };
    summarise(0, &gdp, &income, &mut summary);
    let p = &params;
    for t in 1..=p.steps {
        for i in 0..n {
            let stream = &mut streams[i];
            let epsilon = stream.normal();
            let income_epsilon = stream.normal();
            let downturn = stream.bernoulli(p.downturn_probability);
            shock[i] = p.persistence * shock[i] + p.shock_sd * epsilon;
            let growth = gdp_growth(p, t, gdp[i], shock[i], [after_downturn[i], downturn]);
            after_downturn[i] = downturn;
            let growth = if growth > GROWTH_FLOOR {
                growth
            } else {
                GROWTH_FLOOR
            };
            gdp[i] *= 1.0 + growth / 100.0;
            let income_growth = p.income_trend
                + p.income_sensitivity * (growth - p.plan_growth)
                + p.income_shock_sd * income_epsilon;
            let income_growth = if income_growth > GROWTH_FLOOR {
                income_growth
            } else {
                GROWTH_FLOOR
            };
            income[i] *= 1.0 + income_growth / 100.0;
        }
        summarise(t, &gdp, &income, &mut summary);
        if t == TARGET_STEP {
            let met = |values: &[f64], id: TargetId| {
                let line = id.threshold(&p.reading).unwrap_or(f64::INFINITY);
                values
                    .iter()
                    .filter(|&&v| crate::engine::reaches(v, line))
                    .count() as u32
            };
            summary.gdp_met = met(&gdp, TargetId::Gdp);
            summary.income_met = met(&income, TargetId::Income);
        }
    }
    summary
}
