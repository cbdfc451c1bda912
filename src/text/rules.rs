//! How a target is judged, in words, with the numbers in force: the GDP target's tolerance, the
//! income target's price basis and the reading of "in step" are assumptions the user can change,
//! so their rules are written from the run's threshold and the scenario's readings.

use crate::engine::TargetResult;
use crate::format;
use crate::i18n::Lang;
use crate::plan::{Rule, TargetId, TARGET_STEP};
use crate::scenario::{Param, Scenario};

/// The yearly growth a 2025 level implies from the series' 2020 base, in %.
fn implied_rate(id: TargetId, threshold: f64) -> f64 {
    let base = id.series().plan_base();
    100.0 * (libm::pow(threshold / base, 1.0 / TARGET_STEP as f64) - 1.0)
}

/// The rule of `result`'s target as judged in this run of `scenario`.
pub fn rule_text(result: &TargetResult, scenario: &Scenario, lang: Lang) -> String {
    let id = result.id;
    match (id.rule(), result.threshold) {
        (Rule::GrowthAtLeast { rate }, Some(threshold)) => {
            let level = format::grouped(threshold, 1);
            let real = format::grouped(implied_rate(id, threshold), 1);
            let rate = format::grouped(rate, 1);
            let deflator = format::grouped(scenario.get(Param::Deflator), 1);
            let nominal = scenario.get(Param::IncBasis) == 1.0;
            match (nominal, lang) {
                (false, Lang::Zh) => format!(
                    "2020→2025 年均实际增速 ≥ {rate}%(按实际口径判定,假设),即 2025 年收入指数 ≥ 100×(1 + {rate}%)⁵ = {level}"
                ),
                (false, Lang::En) => format!(
                    "real yearly growth 2020→2025 ≥ {rate} % (read as real growth, an assumption), i.e. income index in 2025 ≥ 100·(1 + {rate} %)⁵ = {level}"
                ),
                (true, Lang::Zh) => format!(
                    "2020→2025 年均名义增速 ≥ {rate}%(按名义口径判定,假设),扣除平减指数 {deflator}%/年即实际 ≥ {real}%,2025 年收入指数 ≥ {level}"
                ),
                (true, Lang::En) => format!(
                    "nominal yearly growth 2020→2025 ≥ {rate} % (read as nominal growth, an assumption), i.e. real ≥ {real} % with a {deflator} %/yr deflator: income index in 2025 ≥ {level}"
                ),
            }
        }
        (Rule::InStepWithGdp, _) => {
            let tolerance = format::grouped(scenario.get(Param::SyncTol), 1);
            let two_sided = scenario.get(Param::SyncRule) == 1.0;
            match (two_sided, lang) {
                (false, Lang::Zh) => format!(
                    "2020→2025 收入年均增速 ≥ GDP 年均增速 − {tolerance} 个百分点(容差,假设):收入不落后即达标,快于 GDP 也算"
                ),
                (false, Lang::En) => format!(
                    "income's yearly growth 2020→2025 ≥ GDP's − {tolerance} points (tolerance, an assumption): income not lagging meets it, faster too"
                ),
                (true, Lang::Zh) => format!(
                    "2020→2025 收入与 GDP 年均增速之差在 ±{tolerance} 个百分点以内(双向判定,假设)"
                ),
                (true, Lang::En) => format!(
                    "income's and GDP's yearly growth 2020→2025 within ±{tolerance} points of each other (read two-sided, an assumption)"
                ),
            }
        }
        (Rule::GrowthAbout { rate }, Some(threshold)) => {
            let base = id.series().plan_base();
            let in_force = implied_rate(id, threshold);
            let tolerance = format::grouped(rate - in_force, 1);
            let (rate, in_force) = (format::grouped(rate, 1), format::grouped(in_force, 1));
            let level = format::grouped(threshold, 1);
            let base = format::grouped(base, 0);
            match lang {
                Lang::Zh => format!(
                    "“{rate}% 左右”:2020→2025 年均增速 ≥ {rate}% − {tolerance}(容差,假设)= {in_force}%,即 2025 年 GDP ≥ {base}×(1 + {in_force}%)⁵ = {level} 亿元"
                ),
                Lang::En => format!(
                    "“about {rate} %”: yearly growth 2020→2025 ≥ {rate} − {tolerance} (tolerance, an assumption) = {in_force} %, i.e. GDP in 2025 ≥ {base}·(1 + {in_force} %)⁵ = {level}"
                ),
            }
        }
        _ => lang.pick(id.rule_zh(), id.rule_en()).to_owned(),
    }
}
