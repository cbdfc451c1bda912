//! The model, one path and one year at a time: the pinned core equations of `model.md` for GDP
//! and income, and the family of `model.md` for the other indicators (`docs/MODEL.md`).

use super::percentiles::{from_order_key, order_key};
use super::stream::{PathStream, PoissonTable, StreamId};
use crate::plan::{self, SeriesId, POPULATION_2020, POPULATION_GROWTH};
use crate::scenario::{Param, Scenario};

/// A path's growth is floored here (%/yr) so that GDP stays positive and the investment term
/// `ΔI / (k·Y)` stays finite. With the defaults it is reached only in the far tail, but a
/// negative extra investment with a small ICOR (`gdp=0&inv=-100&icor=1`) drives GDP down to
/// it within a few years; `docs/MODEL.md` states the bounds.
pub const GROWTH_FLOOR: f64 = -95.0;

/// New high-tech certifications a year at the 13th plan's pace: 189 over 2016–2020 (line 29).
pub const CERTIFICATIONS_PER_YEAR: f64 = plan::HIGHTECH_CERTIFIED_2016_2020 / 5.0;
/// The R&D growth (%/yr) at which certifications keep that pace: the `rd` default.
pub const RD_BASELINE_GROWTH: f64 = 10.0;
/// A green ratio never passes this, whatever the lever says (green space cannot exceed the
/// built-up area it is measured on).
pub const GREEN_RATIO_CEILING: f64 = 1.0;
/// The shares that follow a path on the logit scale with an AR(1) deviation, in this order:
/// air quality, inclusive preschool, 3-star approvals, one-visit approvals.
pub const LOGIT_SHARES: [SeriesId; 4] = [
    SeriesId::Air,
    SeriesId::Preschool,
    SeriesId::CultureStar,
    SeriesId::CultureTrip,
];
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

/// Whether the engine's values of `series` are on the logit scale (see [`PathState::values`]).
pub fn on_logit_scale(series: SeriesId) -> bool {
    LOGIT_SHARES.contains(&series)
}

/// The least logit `z` (within ±[`LOGIT_BOUND`]) whose share passes `passes`, a test that a
/// greater share never fails: then `passes(logistic(z)) == (z >= cutoff)` for every `z` in
/// bounds, so that the rules judge a path on the logit scale with the same result, bit for
/// bit, as on its share. `logistic` never decreases as `z` grows (each of its operations is
/// monotone; tests/model_v2.rs checks the cutoffs' neighbourhoods). `-∞` if every share in
/// bounds passes, `+∞` if none does.
pub fn logit_cutoff(passes: impl Fn(f64) -> bool) -> f64 {
    if passes(logistic(-LOGIT_BOUND)) {
        return f64::NEG_INFINITY;
    }
    if !passes(logistic(LOGIT_BOUND)) {
        return f64::INFINITY;
    }
    // Bisection over the bits of f64 ordered as numbers: `fails` always fails, `passing` passes.
    let (mut fails, mut passing) = (order_key(-LOGIT_BOUND), order_key(LOGIT_BOUND));
    while passing - fails > 1 {
        let middle = fails + (passing - fails) / 2;
        if passes(logistic(from_order_key(middle))) {
            passing = middle;
        } else {
            fails = middle;
        }
    }
    from_order_key(passing)
}

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
    /// mean is the 13th-plan pace times R&D spending relative to its baseline path, plus the
    /// doubling plan's push; `[ordinary year, downturn year]`.
    pub certifications: Vec<[PoissonTable; 2]>,
    /// The logit shares, in the order of [`LOGIT_SHARES`].
    pub shares: [ShareParams; 4],
    pub green: GreenParams,
    /// μ₀, the plan's GDP growth, which income's sensitivity is measured from (version 2).
    pub plan_growth: f64,
    /// The GDP target's tolerance ("about 7.5 %"), pp.
    pub gdp_tolerance: f64,
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
            },
            plan_growth: plan::GDP_TARGET_GROWTH,
            gdp_tolerance: get(Param::GdpTol),
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
    /// δ_t, the logit shares' deviations from their paths, in the order of [`LOGIT_SHARES`].
    pub share_deviations: [f64; 4],
    /// New green space since 2020, hectares.
    pub new_green: f64,
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
            share_deviations: [0.0; 4],
            new_green: 0.0,
        }
    }

    /// The values of every series in the current year, in the order of [`SeriesId::ALL`]; the
    /// [`LOGIT_SHARES`] on the logit scale (their share is `logistic` of it): the summaries map
    /// back only the few numbers they report, not every path-year (`docs/MODEL.md`).
    pub fn values(&self, params: &ModelParams) -> [f64; SeriesId::ALL.len()] {
        let t = self.year;
        let share = |k: usize| {
            let z = params.shares[k].path[t] + self.share_deviations[k];
            within(z, -LOGIT_BOUND, LOGIT_BOUND)
        };
        let green = |k: usize| {
            let ratio = (params.green.base_area[k] + self.new_green) / params.green.built_up[t];
            if ratio < GREEN_RATIO_CEILING {
                ratio
            } else {
                GREEN_RATIO_CEILING
            }
        };
        // By series, so that the order is `SeriesId::ALL`'s by construction.
        SeriesId::ALL.map(|series| match series {
            SeriesId::Gdp => self.gdp,
            SeriesId::IncomeIndex => self.income,
            SeriesId::GdpPerCapita => self.gdp / params.population[t],
            SeriesId::HighTech => self.hightech,
            SeriesId::Air => share(0),
            SeriesId::GreenRatio => green(0),
            SeriesId::GreenCover => green(1),
            SeriesId::Preschool => share(1),
            SeriesId::CultureStar => share(2),
            SeriesId::CultureTrip => share(3),
        })
    }

    /// Advances the path by one year. The core stream draws ε_t, ε^h_t, then the uniform behind
    /// B_t, whatever the parameters, so that a path's draws are the same in every scenario with
    /// the same seed (sliders then move the results smoothly). The shares stream draws one ζ for
    /// each logit share, in the order of [`LOGIT_SHARES`], then one for the new green space; the
    /// counts draw lapses, then certifications. Returns whether GDP's or income's growth was
    /// held at [`GROWTH_FLOOR`] this year: the model left its ground (`docs/MODEL.md`).
    pub fn step(&mut self, params: &ModelParams, lapse_tables: &mut LapseTables) -> bool {
        let epsilon = self.core.normal();
        let income_epsilon = self.core.normal();
        let downturn = self.core.bernoulli(params.downturn_probability);

        self.shock = params.persistence * self.shock + params.shock_sd * epsilon;
        let jump = if downturn { -params.downturn_size } else { 0.0 };
        let investment_effect = 100.0 * params.extra_investment / (params.icor * self.gdp);
        let raw_growth = params.trend_growth + investment_effect + self.shock + jump;
        let growth = at_least(raw_growth, GROWTH_FLOOR);
        self.gdp *= 1.0 + growth / 100.0;

        // Version 2: income follows GDP's deviation from the plan's growth, whatever moves it.
        let income_growth = params.income_trend
            + params.income_sensitivity * (growth - params.plan_growth)
            + params.income_shock_sd * income_epsilon;
        self.income *= 1.0 + at_least(income_growth, GROWTH_FLOOR) / 100.0;
        let floored = !(raw_growth > GROWTH_FLOOR && income_growth > GROWTH_FLOOR);

        for (deviation, share) in self.share_deviations.iter_mut().zip(&params.shares) {
            let next = share.persistence * *deviation + share.noise * self.share_stream.normal();
            *deviation = within(next, -LOGIT_BOUND, LOGIT_BOUND);
        }
        let green = &params.green;
        let mean = if downturn {
            green.new_per_year * (1.0 - green.downturn_loss)
        } else {
            green.new_per_year
        };
        let zeta = self.share_stream.normal();
        // A lognormal with mean `mean`: never negative, exactly `mean` without noise.
        self.new_green += if green.log_sd > 0.0 {
            mean * libm::exp(green.log_sd * zeta - 0.5 * green.log_sd * green.log_sd)
        } else {
            mean
        };

        let stock = self.hightech as u64;
        let lapses = self
            .count_stream
            .poisson(lapse_tables.for_stock(stock))
            .min(stock);
        let table = &params.certifications[self.year][usize::from(downturn)];
        let certified = self.count_stream.poisson(table);
        self.hightech = (stock - lapses + certified) as f64;
        self.year += 1;
        floored
    }
}
