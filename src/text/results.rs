//! The words of the results: a target's row and its buttons, the compact table, targets met
//! together, and a target's sentence in the plan with its citation.

use super::chance::proportion_with_uncertainty;
use super::labels::Label;
use crate::engine::joint::JointAttainment;
use crate::format;
use crate::i18n::Lang;
use crate::plan::{section_of, Chapter, TargetId};

/// The plan's wording of a target in the page's language.
pub fn wording(id: TargetId, lang: Lang) -> &'static str {
    lang.pick(id.wording_zh(), id.wording_en())
}

/// A chapter's title in the page's language.
pub fn chapter_title(chapter: Chapter, lang: Lang) -> &'static str {
    lang.pick(chapter.title_zh(), chapter.title_en())
}

/// The accessible name of a row's "plan text" button.
pub fn plan_text_name(id: TargetId, lang: Lang) -> String {
    format!("{}{}", Label::PlanTextPrefix.text(lang), wording(id, lang))
}

/// The accessible name of a row's "distribution" button.
pub fn distribution_name(id: TargetId, lang: Lang) -> String {
    format!(
        "{}{}",
        Label::DistributionPrefix.text(lang),
        wording(id, lang)
    )
}

/// ± a standard error after a chance: " ± 0.5 %".
pub fn plus_minus(std_error: f64) -> String {
    format!(" ± {}", format::percent(std_error))
}

/// A's chance before B's in a compared row: "A 53.4 % → B ".
pub fn a_to_b(probability_a: f64) -> String {
    format!("A {} → B ", format::percent(probability_a))
}

/// Δ and its paired error in points, for the compact table: "+12.3 ±0.4".
pub fn compact_delta(delta: f64, std_error: f64) -> String {
    format!(
        "{} ±{:.1}",
        super::compare::signed_points(delta),
        std_error * 100.0
    )
}

/// The accessible name of one bar of "targets met together": "3: 12.0 % ± 0.3 %".
pub fn together_bar(joint: &JointAttainment, k: usize, lang: Lang) -> String {
    let (_, error) = joint.share(k);
    let count = joint.counts.get(k).copied().unwrap_or(0);
    format!(
        "{k}: {}",
        proportion_with_uncertainty(count, joint.paths, error, lang)
    )
}

/// A bar of a comparison: B's share with its uncertainty, then A's: "3: 12.0 % ± 0.3 % (A 10.5 %)".
pub fn together_bar_compared(
    joint: &JointAttainment,
    k: usize,
    share_a: f64,
    lang: Lang,
) -> String {
    let b = together_bar(joint, k, lang);
    let a = format::percent(share_a);
    match lang {
        Lang::Zh => format!("{b}(A {a})"),
        Lang::En => format!("{b} (A {a})"),
    }
}

/// The heading of "all met" for one's own targets: "all 3 of mine met".
pub fn all_own_met(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{count} 项自定目标全部实现"),
        Lang::En => format!("All {count} of mine met"),
    }
}

/// The chance that every target is met, with its uncertainty.
pub fn all_met(joint: &JointAttainment, lang: Lang) -> String {
    let (_, error) = joint.all_met();
    proportion_with_uncertainty(joint.all_met_count(), joint.paths, error, lang)
}

/// The expected number met ± its error: "5.23 ± 0.02".
pub fn expected_met(joint: &JointAttainment) -> String {
    let (expected, error) = joint.expected_met();
    format!(
        "{} ± {}",
        format::grouped(expected, 2),
        format::grouped(error, 2)
    )
}

/// Where a target's sentence stands: the plan's title and the chapter and section.
pub fn citation(id: TargetId, lang: Lang) -> String {
    let section = section_of(id.plan_line());
    match lang {
        Lang::Zh => format!(
            "《台江区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》{}",
            section.cite_zh()
        ),
        Lang::En => format!(
            "Taijiang 14th Five-Year Plan and 2035 Vision, {} ({})",
            section.cite_en(),
            section.cite_zh()
        ),
    }
}

/// A target's rule without the numbers in force (before a run has given them).
pub fn rule_words(id: TargetId, lang: Lang) -> &'static str {
    lang.pick(id.rule_zh(), id.rule_en())
}
