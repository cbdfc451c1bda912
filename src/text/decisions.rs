//! The words of the decisions panel: a goal-seek's answer, the tornado's changes, the progress
//! of an analysis, and what a refused level says.

use super::labels::Label;
use super::outlook::measure_label;
use super::param_value;
use crate::analysis::goal_seek::{Monotone, Outcome, SeekResult};
use crate::analysis::level::LevelError;
use crate::analysis::Measure;
use crate::format;
use crate::i18n::Lang;

/// A level of `measure` in words: a chance in %, or a number of targets.
pub fn level_text(measure: Measure, level: f64, lang: Lang) -> String {
    if measure.is_count() {
        let targets = format::grouped(level, 2);
        match lang {
            Lang::Zh => format!("{targets} 项"),
            Lang::En => format!("{targets} targets"),
        }
    } else {
        format::percent(level)
    }
}

/// What the search was asked, under its controls: "Asked: GDP ≥ 80.0 %".
pub fn asked(measure: Measure, required: f64, lang: Lang) -> String {
    format!(
        "{}{} ≥ {}",
        Label::AskedPrefix.text(lang),
        measure_label(measure, lang),
        level_text(measure, required, lang)
    )
}

/// The label of the level field, in the measure's unit.
pub fn level_field(measure: Measure, lang: Lang) -> &'static str {
    if measure.is_count() {
        Label::AtLeastTargets.text(lang)
    } else {
        Label::ChanceAtLeast.text(lang)
    }
}

/// Why a typed level was refused, with the range and the level kept.
pub fn level_refused(error: LevelError, measure: Measure, kept: f64, lang: Lang) -> String {
    let kept = format::grouped(kept, if measure.is_count() { 1 } else { 0 });
    match (error, lang) {
        (LevelError::NotANumber, Lang::Zh) => format!("请输入一个数;仍用 {kept}。"),
        (LevelError::NotANumber, Lang::En) => format!("Type a number; {kept} is kept."),
        (LevelError::OutOfRange { low, high }, Lang::Zh) => {
            format!("请输入 {low} 到 {high} 之间的数;仍用 {kept}。")
        }
        (LevelError::OutOfRange { low, high }, Lang::En) => {
            format!("Type a number from {low} to {high}; {kept} is kept.")
        }
    }
}

/// The key of a search's outcome, for `data-seek-outcome`.
pub fn outcome_key(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::AlreadyMet { .. } => "already_met",
        Outcome::Found { .. } => "found",
        Outcome::NotReachable { .. } => "not_reachable",
    }
}

/// One search's result in words, with the caveat where the model does not guarantee that the
/// answer is the nearest value.
pub fn seek_result(result: &SeekResult, lang: Lang) -> String {
    let spec = result.goal.param.spec();
    let label = lang.pick(spec.label_zh, spec.label_en);
    let measure = result.goal.measure;
    let level = |value: f64| level_text(measure, value, lang);
    let value_of = |value: f64| param_value(spec, value, lang);
    let words = match (&result.outcome, lang) {
        (Outcome::AlreadyMet { reached, .. }, Lang::Zh) => {
            format!("当前设置已达到:{}。", level(*reached))
        }
        (Outcome::AlreadyMet { reached, .. }, Lang::En) => {
            format!("Already reached as it is: {}.", level(*reached))
        }
        (
            Outcome::Found {
                value,
                change,
                short,
            },
            Lang::Zh,
        ) => format!(
            "“{label}”调到 {}:{} ± {}(调到 {} 时为 {},未达到)。",
            value_of(*value),
            level(change.value),
            level(change.std_error),
            value_of(short.0),
            level(short.1)
        ),
        (
            Outcome::Found {
                value,
                change,
                short,
            },
            Lang::En,
        ) => format!(
            "“{label}” at {}: {} ± {} (at {}: {}, short of it).",
            value_of(*value),
            level(change.value),
            level(change.std_error),
            value_of(short.0),
            level(short.1)
        ),
        (Outcome::NotReachable { best_value, best }, Lang::Zh) => format!(
            "在“{label}”的范围内无法达到:最好是调到 {} 时的 {}。",
            value_of(*best_value),
            level(*best)
        ),
        (Outcome::NotReachable { best_value, best }, Lang::En) => format!(
            "Not reachable within the range of “{label}”: the best is {} at {}.",
            level(*best),
            value_of(*best_value)
        ),
    };
    let caveat = result.monotone == Monotone::NotGuaranteed
        && matches!(result.outcome, Outcome::Found { .. });
    if caveat {
        words + Label::NotMonotone.text(lang)
    } else {
        words
    }
}

/// A change in the measure's unit: percentage points for a chance, targets for the count.
pub fn change_text(measure: Measure, delta: f64, std_error: f64, lang: Lang) -> String {
    if measure.is_count() {
        format!("{delta:+.2} ± {std_error:.2}{}", lang.pick(" 项", ""))
    } else {
        format!(
            "{:+.1} ± {:.1}{}",
            delta * 100.0,
            std_error * 100.0,
            lang.pick(" 个百分点", " pts")
        )
    }
}

/// The progress of the job in hand: "runs done 3 / 18".
pub fn progress(done: u32, total: u32, lang: Lang) -> String {
    format!(" {}{done} / {total}", Label::RunsDone.text(lang))
}

/// The tornado's button on one side: "try 8.5 %/yr", and its accessible name.
/// A tornado bar's "try" button: what it shows, and its accessible name, which begins with what
/// it shows (so that a voice command naming the button finds it) and says what it sets.
pub fn try_button(label: &str, value: &str, lang: Lang) -> (String, String) {
    let shown = format!("{} {value}", Label::Try.text(lang));
    let name = match lang {
        Lang::Zh => format!("{shown}:{label} 设为 {value}"),
        Lang::En => format!("{shown}: {label} set to {value}"),
    };
    (shown, name)
}

/// The folded line under the tornado: how many parameters changed nothing, and that the names
/// are one click away.
pub fn still_summary(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {count} 项参数在一档之内不改变任何路径的结果(点击查看)"),
        Lang::En if count == 1 => {
            "1 more parameter changes no path's result within a step (show)".to_owned()
        }
        Lang::En => format!("{count} more parameters change no path's result within a step (show)"),
    }
}

pub fn still_line(names: &[&str], lang: Lang) -> String {
    format!(
        "{}{}",
        Label::StillPrefix.text(lang),
        names.join(lang.pick("、", ", "))
    )
}
