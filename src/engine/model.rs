//! The model, one path and one year at a time: the pinned core equations of `model.md` for GDP
//! and income as its version 3 amends them (investment from the year after it is spent, a
//! partial rebound after a downturn), and the family of `model.md` for the other indicators
//! (`docs/MODEL.md`).

use super::lanes::F64x2;
use super::lapses::LapseTables;
use super::libm_lanes::{exp_pair, logit_lanes};
use super::logit_scale::{logit, LOGIT_BOUND, LOGIT_SHARES};
use super::params::ModelParams;
use super::stream::{PathStream, StreamId};
use crate::plan::{self, SeriesId};
// Named in the documentation of the paths' state.
#[cfg(doc)]
use super::logit_scale::GREEN_RATIOS;

/// A path's growth is floored here (%/yr) so that GDP stays positive and the investment term
/// `ΔI / (k·Y)` stays finite. With the defaults it is reached only in the far tail, but a
/// negative extra investment with a small ICOR (`gdp=0&inv=-100&icor=1`) drives GDP down to
/// it within a few years; `docs/MODEL.md` states the bounds.
pub const GROWTH_FLOOR: f64 = -95.0;

/// A green ratio never passes this, whatever the lever says (green space cannot exceed the
/// built-up area it is measured on).
pub const GREEN_RATIO_CEILING: f64 = 1.0;
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

/// GDP per head of a path whose GDP is `gdp`, in a year whose population is `population`: the
/// one place the series is defined. The paths' values use it, and so do the summaries, which
/// take its percentiles from GDP's (a division by a positive number keeps the paths' order).
pub(super) fn per_head(gdp: f64, population: f64) -> f64 {
    gdp / population
}

/// GDP growth in year `t` (1 is 2021), in %, before the floor (model version 3): the trend,
/// the extra investment's effect from the year after it is spent (none in 2021), the shock
/// `shock` = u_t, and the downturn's jump J_t = −s·B_t + r·s·B_{t−1}, with
/// `downturns` = [B_{t−1}, B_t]. `gdp_before` is Y_{t−1}. The one place the equation is written:
/// the paths, the benchmark's floor and the tests all use it.
pub fn gdp_growth(
    params: &ModelParams,
    t: usize,
    gdp_before: f64,
    shock: f64,
    downturns: [bool; 2],
) -> f64 {
    let [after_downturn, downturn] = downturns;
    let mut jump = if downturn { -params.downturn_size } else { 0.0 };
    if after_downturn {
        jump += params.rebound * params.downturn_size;
    }
    let investment_effect = if t >= 2 {
        100.0 * params.extra_investment / (params.icor * gdp_before)
    } else {
        0.0
    };
    params.trend_growth + investment_effect + shock + jump
}

/// What one path draws in a year, each stream's numbers in the order it gives them (see
/// [`PathState::step`]): drawn first, one path or two at a time, then used.
#[derive(Clone, Copy, Debug)]
struct YearDraws {
    /// The core stream's ε_t and ε^h_t (normal), then the uniform behind B_t.
    core: [f64; 2],
    downturn_uniform: f64,
    /// The shares stream's ζ for each logit share, then the new green space's.
    shares: [f64; LOGIT_SHARES.len() + 1],
    /// The green ratios' stream: their two shocks.
    green: [f64; 2],
    /// The counts stream's uniforms, inverted to the lapses, then to the certifications
    /// ([`PathStream::poisson`] draws one uniform).
    counts: [f64; 2],
}

/// The new green space a path plants in a year: `mean` times a lognormal factor, `exp` of
/// `exponent` (none without noise).
#[derive(Clone, Copy, Debug)]
struct GreenGrowth {
    mean: f64,
    exponent: Option<f64>,
}

/// The state of one path in the current year.
#[derive(Clone, Debug)]
pub struct PathState {
    core: PathStream,
    share_stream: PathStream,
    count_stream: PathStream,
    green_stream: PathStream,
    /// Years simulated so far.
    year: usize,
    /// u_t, the AR(1) growth shock, pp.
    shock: f64,
    /// B_{t−1}: whether last year was a downturn (its rebound comes this year).
    after_downturn: bool,
    /// The path's place in the tree of observed downturn patterns (1: no year decided yet).
    pattern_node: usize,
    /// Y_t, GDP, 亿元.
    pub gdp: f64,
    /// I_t, income index (2020 = 100).
    pub income: f64,
    /// The real growth of GDP and of income applied in the last step, %: what a statistical
    /// bulletin would state, and so what an observation of this path's year would be.
    pub growth: [f64; 2],
    /// High-tech enterprises (a whole number, kept as f64 like every series).
    pub hightech: f64,
    /// δ_t, the logit shares' deviations from their paths, in the order of [`LOGIT_SHARES`].
    pub share_deviations: [f64; 4],
    /// New green space since 2020, hectares.
    pub new_green: f64,
    /// The green ratios' deviations on the logit scale, in the order of [`GREEN_RATIOS`].
    pub green_deviations: [f64; 2],
}

impl PathState {
    pub fn new(seed: u64, path_index: u64, params: &ModelParams) -> PathState {
        PathState {
            core: PathStream::for_stream(seed, path_index, StreamId::Core),
            share_stream: PathStream::for_stream(seed, path_index, StreamId::Shares),
            count_stream: PathStream::for_stream(seed, path_index, StreamId::Counts),
            green_stream: PathStream::for_stream(seed, path_index, StreamId::GreenRatios),
            year: 0,
            shock: 0.0,
            after_downturn: false,
            pattern_node: 1,
            gdp: plan::GDP_2020,
            income: plan::INCOME_INDEX_2020,
            growth: [0.0; 2],
            hightech: params.hightech_start,
            share_deviations: [0.0; 4],
            new_green: 0.0,
            green_deviations: [0.0; 2],
        }
    }

    /// Whether the last year stepped was a downturn.
    pub fn after_downturn(&self) -> bool {
        self.after_downturn
    }

    /// The values of every series in the current year, in the order of [`SeriesId::ALL`]; the
    /// [`LOGIT_SHARES`] and the [`GREEN_RATIOS`] on the logit scale (their share is `logistic`
    /// of it): the summaries map back only the few numbers they report, not every path-year
    /// (`docs/MODEL.md`).
    pub fn values(&self, params: &ModelParams) -> [f64; SeriesId::ALL.len()] {
        let t = self.year;
        let share = |k: usize| {
            let z = params.shares[k].path[t] + self.share_deviations[k];
            within(z, -LOGIT_BOUND, LOGIT_BOUND)
        };
        // The green ratios: the planted area's ratio (at most the ceiling) on the logit scale,
        // plus each one's deviation; both ratios' logits at once (`libm_lanes`).
        let green = &params.green;
        let planted = (F64x2::new(green.base_area[0], green.base_area[1])
            + F64x2::splat(self.new_green))
            / F64x2::splat(green.built_up[t]);
        let [first, second] = logit_lanes(planted.less_or(F64x2::splat(GREEN_RATIO_CEILING)));
        let green = |k: usize, logit: f64| {
            within(logit + self.green_deviations[k], -LOGIT_BOUND, LOGIT_BOUND)
        };
        // By series, so that the order is `SeriesId::ALL`'s by construction.
        SeriesId::ALL.map(|series| match series {
            SeriesId::Gdp => self.gdp,
            SeriesId::IncomeIndex => self.income,
            SeriesId::GdpPerCapita => per_head(self.gdp, params.population[t]),
            SeriesId::HighTech => self.hightech,
            SeriesId::Air => share(0),
            SeriesId::GreenRatio => green(0, first),
            SeriesId::GreenCover => green(1, second),
            SeriesId::Preschool => share(1),
            SeriesId::CultureStar => share(2),
            SeriesId::CultureTrip => share(3),
        })
    }

    /// Advances the path by one year. The core stream draws ε_t, ε^h_t, then the uniform behind
    /// B_t, whatever the parameters, so that a path's draws are the same in every scenario with
    /// the same seed (sliders then move the results smoothly). The shares stream draws one ζ for
    /// each logit share, in the order of [`LOGIT_SHARES`], then one for the new green space; the
    /// green ratios' stream two, for their deviations; the counts draw lapses, then
    /// certifications. Returns whether GDP's or income's growth was
    /// held at [`GROWTH_FLOOR`] this year: the model left its ground (`docs/MODEL.md`).
    pub fn step(&mut self, params: &ModelParams, lapse_tables: &mut LapseTables) -> bool {
        let draws = self.draw();
        let (floored, growth) = self.step_but_green_growth(params, lapse_tables, &draws);
        self.grow_green(params, growth, growth.exponent.map(libm::exp));
        floored
    }

    /// [`PathState::step`] of two paths, the same bits: both paths' draws first, then their
    /// years, their lognormal factors worked out together (`exp_pair`).
    pub fn step_two(
        first: &mut PathState,
        second: &mut PathState,
        params: &ModelParams,
        lapse_tables: &mut LapseTables,
    ) -> [bool; 2] {
        // Both paths' draws before either year: two independent chains of draws the processor
        // overlaps (1.2 M normals from two streams in turn take about 0.7 of the time from one,
        // natively and in wasm: `bench::PHASES`). Drawing the two streams in SIMD lanes did not
        // pay (docs/BENCHMARKS.md, run 8).
        let [first_draws, second_draws] = [first.draw(), second.draw()];
        let (first_floored, first_growth) =
            first.step_but_green_growth(params, lapse_tables, &first_draws);
        let (second_floored, second_growth) =
            second.step_but_green_growth(params, lapse_tables, &second_draws);
        let factors = match (first_growth.exponent, second_growth.exponent) {
            (Some(a), Some(b)) => exp_pair(a, b).map(Some),
            (a, b) => [a.map(libm::exp), b.map(libm::exp)],
        };
        first.grow_green(params, first_growth, factors[0]);
        second.grow_green(params, second_growth, factors[1]);
        [first_floored, second_floored]
    }

    /// The path's draws of the year, stream by stream.
    fn draw(&mut self) -> YearDraws {
        let core = [self.core.normal(), self.core.normal()];
        YearDraws {
            core,
            downturn_uniform: self.core.uniform(),
            shares: std::array::from_fn(|_| self.share_stream.normal()),
            green: std::array::from_fn(|_| self.green_stream.normal()),
            counts: std::array::from_fn(|_| self.count_stream.uniform()),
        }
    }

    /// [`PathState::step`] with the year's draws, but for adding the year's new green space
    /// (and so taking an observed green ratio, which needs it): what it would add is returned.
    fn step_but_green_growth(
        &mut self,
        params: &ModelParams,
        lapse_tables: &mut LapseTables,
        draws: &YearDraws,
    ) -> (bool, GreenGrowth) {
        let t = self.year + 1;
        let observed = &params.conditioning;
        let [epsilon, income_epsilon] = draws.core;
        let uniform = draws.downturn_uniform;

        let (downturn, raw_growth, growth) = if t <= observed.gdp_years() {
            // An observed year: the growth is the observed one; the path's downturn pattern is
            // drawn from its posterior with the uniform it would have compared with p, and the
            // shock is what the pattern leaves of the observed growth.
            let (downturn, node) = observed.next_downturn(self.pattern_node, uniform);
            self.pattern_node = node;
            let observed_growth = observed.gdp_growth[t - 1];
            let without_shock =
                gdp_growth(params, t, self.gdp, 0.0, [self.after_downturn, downturn]);
            self.shock = observed_growth - without_shock;
            (downturn, observed_growth, observed_growth)
        } else {
            let downturn = uniform < params.downturn_probability;
            self.shock = params.persistence * self.shock + params.shock_sd * epsilon;
            let raw = gdp_growth(
                params,
                t,
                self.gdp,
                self.shock,
                [self.after_downturn, downturn],
            );
            (downturn, raw, at_least(raw, GROWTH_FLOOR))
        };
        self.after_downturn = downturn;
        self.gdp *= 1.0 + growth / 100.0;

        // Version 2: income follows GDP's deviation from the plan's growth, whatever moves it;
        // an observed year's income growth is the observed one.
        let income_growth = match observed.income_growth.get(t - 1) {
            Some(&observed_growth) => observed_growth,
            None => {
                params.income_trend
                    + params.income_sensitivity * (growth - params.plan_growth)
                    + params.income_shock_sd * income_epsilon
            }
        };
        let applied_income_growth = at_least(income_growth, GROWTH_FLOOR);
        self.income *= 1.0 + applied_income_growth / 100.0;
        self.growth = [growth, applied_income_growth];
        let floored = !(raw_growth > GROWTH_FLOOR && income_growth > GROWTH_FLOOR);

        for (k, ((deviation, share), zeta)) in self
            .share_deviations
            .iter_mut()
            .zip(&params.shares)
            .zip(draws.shares)
            .enumerate()
        {
            let next = share.persistence * *deviation + share.noise * zeta;
            *deviation = match observed.shares[k].get(t - 1) {
                // An observed level fixes the deviation from the share's path.
                Some(&z) => within(z - share.path[t], -LOGIT_BOUND, LOGIT_BOUND),
                None => within(next, -LOGIT_BOUND, LOGIT_BOUND),
            };
        }
        let green = &params.green;
        let mean = if downturn {
            green.new_per_year * (1.0 - green.downturn_loss)
        } else {
            green.new_per_year
        };
        let zeta = draws.shares[LOGIT_SHARES.len()];
        // A lognormal with mean `mean`: never negative, exactly `mean` without noise. Its factor
        // is worked out by the caller (`grow_green`), two paths' at once where it can.
        let green_growth = GreenGrowth {
            mean,
            exponent: (green.log_sd > 0.0)
                .then_some(green.log_sd * zeta - 0.5 * green.log_sd * green.log_sd),
        };
        // Version 3: each ratio's own deviation, their shocks correlated.
        let [first, second] = draws.green;
        let shocks = [
            first,
            green.correlation * first + green.independent_part * second,
        ];
        for (deviation, shock) in self.green_deviations.iter_mut().zip(shocks) {
            let next = green.persistence * *deviation + green.noise * shock;
            *deviation = within(next, -LOGIT_BOUND, LOGIT_BOUND);
        }

        let stock = self.hightech as u64;
        let lapses = lapse_tables
            .for_stock(stock)
            .invert(draws.counts[0])
            .min(stock);
        let table = &params.certifications[self.year][usize::from(downturn)];
        let certified = table.invert(draws.counts[1]);
        self.hightech = match observed.hightech.get(t - 1) {
            Some(&stock) => stock,
            None => (stock - lapses + certified) as f64,
        };
        self.year += 1;
        (floored, green_growth)
    }

    /// Adds the year's new green space, `growth.mean` times `factor` (the lognormal factor,
    /// `exp` of `growth.exponent`; none without noise), then takes an observed green ratio.
    fn grow_green(&mut self, params: &ModelParams, growth: GreenGrowth, factor: Option<f64>) {
        self.new_green += match factor {
            Some(factor) => growth.mean * factor,
            None => growth.mean,
        };
        let observed = &params.conditioning;
        if !observed.green[0].is_empty() || !observed.green[1].is_empty() {
            self.observe_green(params, self.year);
        }
    }

    /// An observed green ratio in year `t`: the green-space ratio sets the green area (its
    /// deviation is then 0); an observed coverage sets its own deviation given that area.
    fn observe_green(&mut self, params: &ModelParams, t: usize) {
        let observed = &params.conditioning;
        if let Some(area) = observed.green_area(params, t) {
            self.new_green = area;
            self.green_deviations[0] = 0.0;
        }
        if let Some(&cover) = observed.green[1].get(t - 1) {
            let green = &params.green;
            let planted = (green.base_area[1] + self.new_green) / green.built_up[t];
            let planted = if planted < GREEN_RATIO_CEILING {
                planted
            } else {
                GREEN_RATIO_CEILING
            };
            self.green_deviations[1] =
                within(logit(cover) - logit(planted), -LOGIT_BOUND, LOGIT_BOUND);
        }
    }
}
