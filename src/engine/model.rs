//! The model, one path and one year at a time: the pinned core equations of `model.md` for GDP
//! and income, and the family of `model.md` for the other indicators (`docs/MODEL.md`).

use super::stream::{PathStream, PoissonTable, StreamId};
use crate::plan::{self, SeriesId, POPULATION_2020, POPULATION_GROWTH};
use crate::scenario::{Param, Scenario};

/// A path's growth is floored here (%/yr) so that GDP stays positive and the investment term
/// `ΔI / (k·Y)` stays finite. Within the slider ranges the floor is reached only in the far
/// tail (a fall of more than 95 % in one year); `docs/MODEL.md` says so.
pub const GROWTH_FLOOR: f64 = -95.0;

/// New high-tech certifications a year at the 13th plan's pace: 189 over 2016–2020 (line 29).
pub const CERTIFICATIONS_PER_YEAR: f64 = 189.0 / 5.0;
/// The R&D growth (%/yr) at which certifications keep that pace: the `rd` default.
pub const RD_BASELINE_GROWTH: f64 = 10.0;
/// The deterministic green ratios never pass this, whatever the lever says.
const GREEN_RATIO_CEILING: f64 = 0.99;
/// Logits are kept within ±this, so that a share never rounds to exactly 0 or 1 in f64
/// (logistic(30) = 1 − 9.4·10⁻¹⁴); only extreme drifts over many years come near it.
pub const LOGIT_BOUND: f64 = 30.0;

/// `value.max(floor)` for the model's numbers (never NaN), by a comparison: wasm has no
/// instruction for `f64::max` with Rust's meaning, and these run on every path-year.
fn at_least(value: f64, floor: f64) -> f64 {
    if value > floor {
        value
    } else {
        floor
    }
}

/// `value.clamp(low, high)` for the model's numbers, by comparisons (see [`at_least`]).
fn within(value: f64, low: f64, high: f64) -> f64 {
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

pub fn logit(share: f64) -> f64 {
    libm::log(share / (1.0 - share))
}

pub fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-z))
}

/// A share's process on the logit scale: z_t = z_{t−1} + d_t + τ·ζ_t.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareParams {
    /// logit of the 2020 level.
    pub start: f64,
    /// d_t for t = 1 … steps (index t − 1).
    pub drift: Vec<f64>,
    /// τ, the s.d. of the yearly logit shock.
    pub noise: f64,
}

impl ShareParams {
    fn constant_drift(start_percent: f64, drift: f64, noise: f64, steps: usize) -> ShareParams {
        ShareParams {
            start: logit(start_percent / 100.0),
            drift: vec![drift; steps],
            noise,
        }
    }

    /// New green space of `hectares_per_year` on a built-up area of `built_up_hectares` adds
    /// their ratio to the level every year; the drift is that step on the logit scale along the
    /// deterministic path, so that with τ = 0 the level grows by exactly that much a year.
    fn green(
        start_percent: f64,
        hectares_per_year: f64,
        built_up_hectares: f64,
        noise: f64,
        steps: usize,
    ) -> ShareParams {
        let step = hectares_per_year / built_up_hectares;
        let level = |t: usize| (start_percent / 100.0 + step * t as f64).min(GREEN_RATIO_CEILING);
        ShareParams {
            start: logit(level(0)),
            drift: (1..=steps)
                .map(|t| logit(level(t)) - logit(level(t - 1)))
                .collect(),
            noise,
        }
    }
}

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
    /// The "in step" tolerance of income and GDP growth, pp.
    pub sync_tolerance: f64,
    /// High-tech enterprises in 2020.
    pub hightech_start: f64,
    /// λ, the share of certified enterprises that lapse in a year.
    pub lapse_rate: f64,
    /// The Poisson tables of certifications in year t (index t − 1), shared by every path: the
    /// mean is the 13th-plan pace times R&D spending relative to its baseline path.
    pub certifications: Vec<PoissonTable>,
    /// The shares, in the order of [`SeriesId::SHARES`].
    pub shares: [ShareParams; 6],
}

impl ModelParams {
    pub fn from_scenario(scenario: &Scenario) -> ModelParams {
        let steps = (scenario.horizon_year() - plan::BASE_YEAR) as usize;
        let population = (0..=steps)
            .map(|t| plan::compound(POPULATION_2020, POPULATION_GROWTH, t))
            .collect();
        let rd_ratio = (1.0 + scenario.get(Param::Rd) / 100.0) / (1.0 + RD_BASELINE_GROWTH / 100.0);
        let certification_mean: Vec<f64> = (1..=steps)
            .scan(CERTIFICATIONS_PER_YEAR, |mean, _| {
                *mean *= rd_ratio;
                Some(*mean)
            })
            .collect();
        let get = |param| scenario.get(param);
        let culture = |start| {
            ShareParams::constant_drift(start, get(Param::CultDrift), get(Param::CultVol), steps)
        };
        let green = |start| {
            ShareParams::green(
                start,
                get(Param::Green),
                get(Param::Built),
                get(Param::GreenVol),
                steps,
            )
        };
        ModelParams {
            trend_growth: get(Param::Gdp),
            extra_investment: get(Param::Inv),
            income_trend: get(Param::Inc),
            shock_sd: get(Param::Vol),
            downturn_probability: get(Param::ShockP) / 100.0,
            downturn_size: get(Param::ShockS),
            icor: get(Param::Icor),
            persistence: get(Param::Rho),
            income_sensitivity: get(Param::Eta),
            income_shock_sd: get(Param::IncVol),
            steps,
            population,
            sync_tolerance: get(Param::SyncTol),
            hightech_start: get(Param::Ht0),
            lapse_rate: get(Param::Lapse) / 100.0,
            certifications: certification_mean
                .iter()
                .map(|&mean| PoissonTable::new(mean))
                .collect(),
            shares: [
                ShareParams::constant_drift(get(Param::Air0), 0.0, get(Param::AirVol), steps),
                green(get(Param::Gr0)),
                green(get(Param::Gc0)),
                ShareParams::constant_drift(get(Param::Pre0), 0.0, get(Param::PreVol), steps),
                culture(get(Param::Cs0)),
                culture(get(Param::Ct0)),
            ],
        }
    }
}

/// The Poisson tables of lapses, λ·H for each stock H met so far: built when first needed and
/// shared by every path of a run (stocks cluster, so a run builds a few hundred at most).
#[derive(Clone, Debug)]
pub struct LapseTables {
    rate: f64,
    by_stock: Vec<Option<PoissonTable>>,
}

impl LapseTables {
    pub fn new(rate: f64) -> LapseTables {
        LapseTables {
            rate,
            by_stock: Vec::new(),
        }
    }

    fn for_stock(&mut self, stock: u64) -> &PoissonTable {
        let index = stock as usize;
        if index >= self.by_stock.len() {
            self.by_stock.resize(index + 1, None);
        }
        let rate = self.rate;
        self.by_stock[index].get_or_insert_with(|| PoissonTable::new(rate * stock as f64))
    }
}

/// The state of one path in the current year.
#[derive(Clone, Debug)]
pub struct PathState {
    core: PathStream,
    share_stream: PathStream,
    count_stream: PathStream,
    /// Years simulated so far.
    year: usize,
    /// u_t, the AR(1) growth shock, pp.
    shock: f64,
    /// Y_t, GDP, 亿元.
    pub gdp: f64,
    /// I_t, income index (2020 = 100).
    pub income: f64,
    /// High-tech enterprises (a whole number, kept as f64 like every series).
    pub hightech: f64,
    /// The shares on the logit scale, in the order of [`SeriesId::SHARES`].
    pub share_logits: [f64; 6],
}

impl PathState {
    pub fn new(seed: u64, path_index: u64, params: &ModelParams) -> PathState {
        PathState {
            core: PathStream::for_stream(seed, path_index, StreamId::Core),
            share_stream: PathStream::for_stream(seed, path_index, StreamId::Shares),
            count_stream: PathStream::for_stream(seed, path_index, StreamId::Counts),
            year: 0,
            shock: 0.0,
            gdp: plan::GDP_2020,
            income: plan::INCOME_INDEX_2020,
            hightech: params.hightech_start,
            share_logits: params.shares.each_ref().map(|share| share.start),
        }
    }

    /// The values of every series in the current year, in the order of [`SeriesId::ALL`].
    pub fn values(&self, population: f64) -> [f64; SeriesId::ALL.len()] {
        let [air, green_ratio, green_cover, preschool, culture_star, culture_trip] =
            self.share_logits.map(logistic);
        [
            self.gdp,
            self.income,
            self.gdp / population,
            self.hightech,
            air,
            green_ratio,
            green_cover,
            preschool,
            culture_star,
            culture_trip,
        ]
    }

    /// Advances the path by one year. The core stream draws ε_t, ε^h_t, then the uniform behind
    /// B_t, whatever the parameters, so that a path's draws are the same in every scenario with
    /// the same seed (sliders then move the results smoothly). The shares draw one ζ each, in
    /// the order of [`SeriesId::SHARES`]; the counts draw lapses, then certifications.
    pub fn step(&mut self, params: &ModelParams, lapse_tables: &mut LapseTables) {
        let epsilon = self.core.normal();
        let income_epsilon = self.core.normal();
        let downturn = self.core.bernoulli(params.downturn_probability);

        self.shock = params.persistence * self.shock + params.shock_sd * epsilon;
        let jump = if downturn { -params.downturn_size } else { 0.0 };
        let investment_effect = 100.0 * params.extra_investment / (params.icor * self.gdp);
        let growth = at_least(
            params.trend_growth + investment_effect + self.shock + jump,
            GROWTH_FLOOR,
        );
        self.gdp *= 1.0 + growth / 100.0;

        let income_growth = params.income_trend
            + params.income_sensitivity * (growth - params.trend_growth)
            + params.income_shock_sd * income_epsilon;
        self.income *= 1.0 + at_least(income_growth, GROWTH_FLOOR) / 100.0;

        for (logit, share) in self.share_logits.iter_mut().zip(&params.shares) {
            let next = *logit + share.drift[self.year] + share.noise * self.share_stream.normal();
            *logit = within(next, -LOGIT_BOUND, LOGIT_BOUND);
        }

        let stock = self.hightech as u64;
        let lapses = self
            .count_stream
            .poisson(lapse_tables.for_stock(stock))
            .min(stock);
        let certified = self.count_stream.poisson(&params.certifications[self.year]);
        self.hightech = (stock - lapses + certified) as f64;
        self.year += 1;
    }
}
