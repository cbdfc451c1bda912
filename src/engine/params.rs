//! The model's parameters in the units of its equations, read once from a valid scenario: the
//! tables and paths every path of a run shares (certification means, share paths, the built-up
//! area, the population), and how the scenario reads the targets.

use super::logit_scale::logit;
use super::observed::{conditioning, Conditioning};
use super::stream::PoissonTable;
use crate::plan::{self, Reading, POPULATION_2020, POPULATION_GROWTH};
use crate::scenario::{Param, Scenario};

/// New high-tech certifications a year at the 13th plan's pace: 189 over 2016–2020 (line 29).
pub const CERTIFICATIONS_PER_YEAR: f64 = plan::HIGHTECH_CERTIFIED_2016_2020 / 5.0;
/// The R&D growth (%/yr) at which certifications keep that pace: the `rd` default.
pub const RD_BASELINE_GROWTH: f64 = 10.0;

/// A share's process on the logit scale: z_t = z̄_t + δ_t with the path z̄_t = start + t·drift
/// and the deviation δ_t = φ·δ_{t−1} + τ·ζ_t, δ_0 = 0 (model version 2).
#[derive(Clone, Debug, PartialEq)]
pub struct ShareParams {
    /// z̄_t for t = 0 … steps: logit of the 2020 level plus t drifts.
    pub path: Vec<f64>,
    /// φ, the persistence of the deviation (1: version 1's random walk).
    pub persistence: f64,
    /// τ, the s.d. of the yearly logit shock.
    pub noise: f64,
}

impl ShareParams {
    fn new(start_percent: f64, drift: f64, persistence: f64, noise: f64, steps: usize) -> Self {
        let start = logit(start_percent / 100.0);
        ShareParams {
            path: (0..=steps).map(|t| start + drift * t as f64).collect(),
            persistence,
            noise,
        }
    }
}

/// Green space: a stock that only grows. Each year adds new green space N_t ≥ 0 with mean
/// `green` (less in a downturn year); both green ratios are (their 2020 green area + the new
/// area so far) over the built-up area, which grows at its own pace.
#[derive(Clone, Debug, PartialEq)]
pub struct GreenParams {
    /// The mean of N_t in an ordinary year, hectares.
    pub new_per_year: f64,
    /// The share of N_t's mean lost in a downturn year.
    pub downturn_loss: f64,
    /// The lognormal's σ = √ln(1 + cv²), so that N_t has mean m and coefficient of variation cv.
    pub log_sd: f64,
    /// The green area of each ratio in 2020 (ratio × built-up area), hectares: [ratio, cover].
    pub base_area: [f64; 2],
    /// The built-up area A_t for t = 0 … steps, hectares.
    pub built_up: Vec<f64>,
    /// τ_g, the s.d. of each ratio's yearly logit shock (model version 3).
    pub noise: f64,
    /// φ_g, the persistence of each ratio's deviation.
    pub persistence: f64,
    /// The correlation of the two ratios' shocks, and √(1 − it²).
    pub correlation: f64,
    pub independent_part: f64,
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
    /// r, the share of a downturn's loss won back the year after (model version 3).
    pub rebound: f64,
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
    /// mean is the 13th-plan pace times R&D spending relative to its baseline path, plus the
    /// doubling plan's push; `[ordinary year, downturn year]`.
    pub certifications: Vec<[PoissonTable; 2]>,
    /// The logit shares, in the order of [`super::LOGIT_SHARES`].
    pub shares: [ShareParams; 4],
    pub green: GreenParams,
    /// μ₀, the plan's GDP growth, which income's sensitivity is measured from (version 2).
    pub plan_growth: f64,
    /// How the targets are read (the tolerance of "about", the income target's basis, "in
    /// step" one- or two-sided).
    pub reading: Reading,
    /// What the paths are conditioned on: the observed years (`observed.rs`).
    pub conditioning: Conditioning,
    /// The last observed year the run uses, over every series.
    pub observed_through: Option<i32>,
    /// The targets of the user's own, as the tally judges them.
    pub user_targets: Vec<super::user_targets::CompiledTarget>,
}

/// How a scenario's assumptions read the targets.
pub fn reading(scenario: &Scenario) -> Reading {
    Reading {
        gdp_tolerance: scenario.get(Param::GdpTol),
        income_nominal: scenario.get(Param::IncBasis) == 1.0,
        deflator: scenario.get(Param::Deflator),
        sync_two_sided: scenario.get(Param::SyncRule) == 1.0,
    }
}

impl ModelParams {
    pub fn from_scenario(scenario: &Scenario) -> ModelParams {
        let steps = (scenario.horizon_year() - plan::BASE_YEAR) as usize;
        let population = (0..=steps)
            .map(|t| plan::compound(POPULATION_2020, POPULATION_GROWTH, t))
            .collect();
        let get = |param| scenario.get(param);
        let rd_ratio = (1.0 + get(Param::Rd) / 100.0) / (1.0 + RD_BASELINE_GROWTH / 100.0);
        let push = get(Param::HtPush);
        let kept_in_downturn = 1.0 - get(Param::DownturnHt) / 100.0;
        let certifications = (1..=steps)
            .scan(CERTIFICATIONS_PER_YEAR, |pace, _| {
                *pace *= rd_ratio;
                let mean = *pace + push;
                Some([
                    PoissonTable::new(mean),
                    PoissonTable::new(mean * kept_in_downturn),
                ])
            })
            .collect();
        let built = get(Param::Built);
        let cv = get(Param::GreenVol);
        let share = |start, drift, persistence, noise| {
            ShareParams::new(start, drift, get(persistence), get(noise), steps)
        };
        let culture = |start| share(start, get(Param::CultDrift), Param::CultPhi, Param::CultVol);
        let mut params = ModelParams {
            trend_growth: get(Param::Gdp),
            extra_investment: get(Param::Inv),
            income_trend: get(Param::Inc),
            shock_sd: get(Param::Vol),
            downturn_probability: get(Param::ShockP) / 100.0,
            downturn_size: get(Param::ShockS),
            icor: get(Param::Icor),
            persistence: get(Param::Rho),
            rebound: get(Param::Rebound),
            income_sensitivity: get(Param::Eta),
            income_shock_sd: get(Param::IncVol),
            steps,
            population,
            sync_tolerance: get(Param::SyncTol),
            hightech_start: get(Param::Ht0),
            lapse_rate: get(Param::Lapse) / 100.0,
            certifications,
            shares: [
                share(get(Param::Air0), 0.0, Param::AirPhi, Param::AirVol),
                share(get(Param::Pre0), 0.0, Param::PrePhi, Param::PreVol),
                culture(get(Param::Cs0)),
                culture(get(Param::Ct0)),
            ],
            green: GreenParams {
                new_per_year: get(Param::Green),
                downturn_loss: get(Param::DownturnGreen) / 100.0,
                log_sd: libm::sqrt(libm::log1p(cv * cv)),
                base_area: [
                    get(Param::Gr0) / 100.0 * built,
                    get(Param::Gc0) / 100.0 * built,
                ],
                built_up: (0..=steps)
                    .map(|t| plan::compound(built, get(Param::BuiltGrowth), t))
                    .collect(),
                noise: get(Param::GreenDev),
                persistence: get(Param::GreenPhi),
                correlation: get(Param::GreenCorr),
                independent_part: libm::sqrt(1.0 - get(Param::GreenCorr) * get(Param::GreenCorr)),
            },
            plan_growth: plan::GDP_TARGET_GROWTH,
            reading: reading(scenario),
            conditioning: Conditioning::default(),
            observed_through: None,
            user_targets: super::user_targets::compile(scenario.targets()),
        };
        // The observed years' conditioning needs the rest of the parameters.
        params.conditioning = conditioning(scenario, &params);
        params.observed_through = params.conditioning.last_year();
        params
    }
}
