//! The pinned core equations of `model.md`, one path and one year at a time.

use super::stream::PathStream;
use crate::plan::{self, POPULATION_2020, POPULATION_GROWTH};
use crate::scenario::{Param, Scenario};

/// A path's GDP growth is floored here (%/yr) so that GDP stays positive and the investment
/// term `ΔI / (k·Y)` stays finite. With the slider ranges the floor is reached only in the far
/// tail (a fall of more than 95 % in one year); `docs/MODEL.md` says so.
pub const GROWTH_FLOOR: f64 = -95.0;

/// The model's parameters in the units of the equations, read once from a valid scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelParams {
    /// μ, trend GDP growth, %.
    pub trend_growth: f64,
    /// ΔI, extra investment, 亿元/yr.
    pub extra_investment: f64,
    /// μ_h, trend income growth, %.
    pub income_trend: f64,
    /// σ, std. dev. of the GDP growth shock, pp.
    pub shock_sd: f64,
    /// p, probability of a downturn year, as a fraction.
    pub downturn_probability: f64,
    /// s, growth lost in a downturn year, pp.
    pub downturn_size: f64,
    /// k, incremental capital-output ratio.
    pub icor: f64,
    /// ρ, persistence of the growth shock.
    pub persistence: f64,
    /// η, sensitivity of income growth to GDP growth deviations.
    pub income_sensitivity: f64,
    /// σ_h, std. dev. of income's own growth shock, pp.
    pub income_shock_sd: f64,
    /// Simulated years after 2020 (5 … 15).
    pub steps: usize,
    /// P_t for t = 0 … steps, 万人 (deterministic).
    pub population: Vec<f64>,
}

impl ModelParams {
    pub fn from_scenario(scenario: &Scenario) -> ModelParams {
        let steps = (scenario.horizon_year() - plan::BASE_YEAR) as usize;
        let population = (0..=steps)
            .map(|t| plan::compound(POPULATION_2020, POPULATION_GROWTH, t))
            .collect();
        ModelParams {
            trend_growth: scenario.get(Param::Gdp),
            extra_investment: scenario.get(Param::Inv),
            income_trend: scenario.get(Param::Inc),
            shock_sd: scenario.get(Param::Vol),
            downturn_probability: scenario.get(Param::ShockP) / 100.0,
            downturn_size: scenario.get(Param::ShockS),
            icor: scenario.get(Param::Icor),
            persistence: scenario.get(Param::Rho),
            income_sensitivity: scenario.get(Param::Eta),
            income_shock_sd: scenario.get(Param::IncVol),
            steps,
            population,
        }
    }
}

/// The state of one path in the current year.
#[derive(Clone, Debug)]
pub struct PathState {
    stream: PathStream,
    /// u_t, the AR(1) growth shock, pp.
    shock: f64,
    /// Y_t, GDP, 亿元.
    pub gdp: f64,
    /// I_t, income index (2020 = 100).
    pub income: f64,
}

impl PathState {
    pub fn new(seed: u64, path_index: u64) -> PathState {
        PathState {
            stream: PathStream::new(seed, path_index),
            shock: 0.0,
            gdp: plan::GDP_2020,
            income: plan::INCOME_INDEX_2020,
        }
    }

    /// Advances the path by one year. Draws, in this order: ε_t, ε^h_t, then the uniform behind
    /// B_t; all three are drawn whatever the parameters, so that a path's draws are the same in
    /// every scenario with the same seed (sliders then move the results smoothly).
    pub fn step(&mut self, params: &ModelParams) {
        let epsilon = self.stream.normal();
        let income_epsilon = self.stream.normal();
        let downturn = self.stream.bernoulli(params.downturn_probability);

        self.shock = params.persistence * self.shock + params.shock_sd * epsilon;
        let jump = if downturn { -params.downturn_size } else { 0.0 };
        let investment_effect = 100.0 * params.extra_investment / (params.icor * self.gdp);
        let growth =
            (params.trend_growth + investment_effect + self.shock + jump).max(GROWTH_FLOOR);
        self.gdp *= 1.0 + growth / 100.0;

        let income_growth = params.income_trend
            + params.income_sensitivity * (growth - params.trend_growth)
            + params.income_shock_sd * income_epsilon;
        self.income *= 1.0 + income_growth.max(GROWTH_FLOOR) / 100.0;
    }
}
