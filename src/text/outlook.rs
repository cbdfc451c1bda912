//! The outlook in words: a short paragraph, in the page's language, made from the numbers on
//! screen: which targets are likely, which are at risk, how many are likely together, the lever
//! that matters most (from the latest sensitivity run of the scenario on screen), and, where an
//! assumed 2020 base moves the answer more than any lever, that assumption (never called a
//! lever).

use super::{likelihood_band, param_value, LikelihoodBand};
use crate::analysis::tornado::Bar;
use crate::analysis::Measure;
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::scenario::Param;

/// A measure's name in a few words.
pub fn measure_label(measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Target(id) => super::target_name(id, lang).to_owned(),
        Measure::AllMet => lang.pick("全部目标同时实现", "all targets met").to_owned(),
        Measure::ExpectedMet => lang.pick("预期实现项数", "expected number met").to_owned(),
        Measure::Own(k) => match lang {
            Lang::Zh => format!("自定目标 {}", k + 1),
            Lang::En => format!("own target {}", k + 1),
        },
    }
}

/// The lever that moves the expected number of targets met most, one step either way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyLever {
    pub param: Param,
    /// The value tried on the side that moved it most.
    pub value: f64,
    /// The change of the expected number met there, and its paired standard error.
    pub delta: f64,
    pub std_error: f64,
}

/// The key lever of a sensitivity run's bars (levers only), if any moved the measure at all.
pub fn key_lever(bars: &[Bar]) -> Option<KeyLever> {
    largest(bars.iter().filter(|bar| bar.is_lever))
}

/// What the outlook weighs: the lever that matters most, and the assumed 2020 base that moves
/// the expected number met more than that lever (or than any, when no lever moves it), if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyParams {
    pub lever: Option<KeyLever>,
    pub assumption: Option<KeyLever>,
}

/// The key lever and, where one outweighs it, the key assumed base of a sensitivity run.
pub fn key_params(bars: &[Bar]) -> KeyParams {
    let lever = key_lever(bars);
    let assumption = largest(bars.iter().filter(|bar| bar.is_assumed_base))
        .filter(|a| lever.is_none_or(|l| a.delta.abs() > l.delta.abs()));
    KeyParams { lever, assumption }
}

/// The bar of `bars` that moves the expected number met most, and its larger side.
fn largest<'a>(bars: impl Iterator<Item = &'a Bar>) -> Option<KeyLever> {
    let measure = Measure::ExpectedMet;
    let bar = bars.max_by(|a, b| a.size(measure).total_cmp(&b.size(measure)))?;
    let side = [&bar.down, &bar.up]
        .into_iter()
        .flatten()
        .filter_map(|side| side.change(measure).map(|change| (side.value, *change)))
        .max_by(|a, b| a.1.delta.abs().total_cmp(&b.1.delta.abs()))?;
    (side.1.delta != 0.0).then_some(KeyLever {
        param: bar.param,
        value: side.0,
        delta: side.1.delta,
        std_error: side.1.std_error,
    })
}

/// The targets in each band, in the table's order.
pub fn targets_in(summary: &Summary, band: LikelihoodBand) -> Vec<TargetId> {
    summary
        .targets
        .iter()
        .filter(|result| likelihood_band(result.probability) == band)
        .map(|result| result.id)
        .collect()
}

fn names(ids: &[TargetId], lang: Lang) -> String {
    // Sentences name targets in words, not by the short labels of the strip.
    let names: Vec<&str> = ids.iter().map(|&id| super::target_name(id, lang)).collect();
    names.join(lang.pick("、", ", "))
}

/// The paragraph. `key` is what the sensitivity run of the scenario on screen found, when known.
/// Where the outlook's sentence on the lever that matters most will stand while its analysis
/// runs (a second or so after each new scenario), so that the sentence's arrival moves little.
/// Begins with the separator between the outlook's sentences.
pub fn lever_pending(lang: Lang) -> &'static str {
    lang.pick(
        "影响最大的调控因素:正在计算……",
        " The lever that matters most: being worked out…",
    )
}

pub fn outlook(summary: &Summary, key: Option<&KeyParams>, lang: Lang) -> String {
    let lever = key.and_then(|key| key.lever.as_ref());
    let likely = targets_in(summary, LikelihoodBand::Likely);
    let at_risk = targets_in(summary, LikelihoodBand::Unlikely);
    let uncertain = summary.targets.len() - likely.len() - at_risk.len();
    let joint = summary.joint();
    let (expected, expected_se) = joint.expected_met();
    // The one rule for a chance (`text::chance`): ± its margin, or its 95 % range where
    // "± 0.0 %" would claim certainty.
    let all_met = {
        let (_, all_se) = joint.all_met();
        super::chance::proportion_with_uncertainty(
            joint.all_met_count(),
            summary.paths,
            all_se,
            lang,
        )
    };
    let mut sentences = Vec::new();
    sentences.push(match (lang, likely.is_empty()) {
        (Lang::Zh, true) => "没有一项目标很可能实现(≥ 80%)。".to_owned(),
        (Lang::Zh, false) => format!("很可能实现(≥ 80%)的目标:{}。", names(&likely, lang)),
        (Lang::En, true) => "No target is likely (≥ 80 %).".to_owned(),
        (Lang::En, false) => format!("Likely (≥ 80 %): {}.", names(&likely, lang)),
    });
    sentences.push(
        match (lang, at_risk.is_empty()) {
            (Lang::Zh, true) => "没有目标有落空风险(≤ 20%)".to_owned(),
            (Lang::Zh, false) => format!("有落空风险(≤ 20%):{}", names(&at_risk, lang)),
            (Lang::En, true) => "None is at risk (≤ 20 %)".to_owned(),
            (Lang::En, false) => format!("At risk (≤ 20 %): {}", names(&at_risk, lang)),
        } + &match lang {
            Lang::Zh => format!(";其余 {uncertain} 项不确定。"),
            Lang::En => format!("; the other {uncertain} are uncertain."),
        },
    );
    sentences.push(match lang {
        Lang::Zh => format!(
            "平均每条路径实现 {} ± {} 项,全部 {} 项同时实现的概率为 {all_met}。",
            format::grouped(expected, 2),
            format::grouped(expected_se, 2),
            summary.targets.len(),
        ),
        Lang::En => format!(
            "On average {} ± {} targets are met together; all {} at once with a chance of {all_met}.",
            format::grouped(expected, 2),
            format::grouped(expected_se, 2),
            summary.targets.len(),
        ),
    });
    if let Some(lever) = lever {
        let spec = lever.param.spec();
        let label = lang.pick(spec.label_zh, spec.label_en);
        let value = param_value(spec, lever.value, lang);
        let delta = format!("{:+.2}", lever.delta);
        let error = format::grouped(lever.std_error, 2);
        sentences.push(match lang {
            Lang::Zh => format!(
                "影响最大的调控因素是“{label}”:调到 {value},预期实现项数变化 {delta} ± {error}。"
            ),
            Lang::En => format!(
                "The lever that matters most is “{label}”: at {value}, the expected number met changes by {delta} ± {error}."
            ),
        });
    }
    if let Some(assumption) = key.and_then(|key| key.assumption.as_ref()) {
        let spec = assumption.param.spec();
        let label = lang.pick(spec.label_zh, spec.label_en);
        let value = param_value(spec, assumption.value, lang);
        let delta = format!("{:+.2}", assumption.delta);
        let error = format::grouped(assumption.std_error, 2);
        sentences.push(match lang {
            Lang::Zh => format!(
                "但假设的“{label}”(规划未给出)影响更大:调到 {value},预期实现项数变化 {delta} ± {error};这些数字在很大程度上取决于该假设。"
            ),
            Lang::En => format!(
                "But the assumed “{label}” (not in the plan) moves it more: at {value}, by {delta} ± {error}; the numbers rest largely on that assumption."
            ),
        });
    }
    let paragraph = sentences.join(lang.pick("", " "));
    // A run conditioned on observed years says so first: its odds are "from here".
    match summary.observed_through {
        Some(last) => {
            let first = crate::scenario::observed::FIRST_OBSERVED_YEAR;
            super::observed::given(first, last, lang) + &paragraph
        }
        None => paragraph,
    }
}
