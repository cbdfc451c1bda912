//! How a target is judged, in words, with the numbers in force (the GDP target's tolerance is
//! an assumption the user can change, so its rule is written from the run's threshold).

use crate::engine::TargetResult;
use crate::format;
use crate::i18n::Lang;
use crate::plan::{Rule, TARGET_STEP};

/// The rule of `result`'s target as judged in this run.
pub fn rule_text(result: &TargetResult, lang: Lang) -> String {
    let id = result.id;
    match (id.rule(), result.threshold) {
        (Rule::GrowthAbout { rate }, Some(threshold)) => {
            let base = id.series().plan_base();
            let in_force = 100.0 * (libm::pow(threshold / base, 1.0 / TARGET_STEP as f64) - 1.0);
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
