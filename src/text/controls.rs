//! The words of the controls: a slider's badges, an assumption's unit and default, the presets,
//! the base values, and what pinning A says.

use super::labels::Label;
use super::param_value;
use crate::format;
use crate::i18n::Lang;
use crate::link::Labelled;
use crate::plan::BaseFact;
use crate::preset::{Preset, PresetId, PresetValue};
use crate::scenario::{format_value, ParamSpec};

/// A parameter's unit in the page's language (empty for a pure number).
pub fn unit(spec: &ParamSpec, lang: Lang) -> &'static str {
    lang.pick(spec.unit_zh, spec.unit_en)
}

/// "name: what" with the language's colon.
fn named(name: &str, what: &str, lang: Lang) -> String {
    format!("{name}{}{what}", lang.pick(":", ": "))
}

/// Beside a value the user changed: whose value it replaced, and that value.
pub fn reference(spec: &ParamSpec, preset: Option<PresetId>, reference: f64, lang: Lang) -> String {
    let value = param_value(spec, reference, lang);
    match preset.filter(|preset| preset.value(spec.param).is_some()) {
        Some(preset) => named(preset.label(lang), &value, lang),
        None => format!("{}{value}", Label::PlanDefault.text(lang)),
    }
}

/// The accessible name of a slider's reset button.
pub fn reset_name(spec: &ParamSpec, lang: Lang) -> String {
    format!(
        "{}{}",
        Label::ResetPrefix.text(lang),
        super::param_label(spec, lang)
    )
}

/// Why the preset sets this value: "preset name: reason".
pub fn preset_reason(preset: PresetId, value: &PresetValue, lang: Lang) -> String {
    named(
        preset.label(lang),
        lang.pick(value.reason_zh, value.reason_en),
        lang,
    )
}

/// A reading chosen by name, in words (`choice` is the reading's name, as in `spec.choices`).
pub fn choice_label(choice: &str, lang: Lang) -> &'static str {
    match choice {
        "not_lagging" => lang.pick("收入不落后即可(单向)", "income not lagging (one-sided)"),
        "two_sided" => lang.pick(
            "差距在容差内(双向)",
            "within the tolerance either way (two-sided)",
        ),
        "real" => lang.pick("实际增速", "real growth"),
        "nominal" => lang.pick("名义增速", "nominal growth"),
        _ => lang.pick("其他", "other"),
    }
}

/// An assumption's value as its reset button names it: a number, or a reading in words.
fn shown_value(spec: &ParamSpec, value: f64, lang: Lang) -> String {
    match spec.choice_name(value) {
        Some(name) => choice_label(name, lang).to_owned(),
        None => format_value(value),
    }
}

/// An assumption's reset button: what it shows ("default 0.5") and its accessible name.
pub fn default_button(spec: &ParamSpec, lang: Lang) -> (String, String) {
    let shown = format!(
        "{} {}",
        Label::Default.text(lang),
        shown_value(spec, spec.default, lang)
    );
    let name = format!(
        "{shown} · {}{}",
        Label::ResetToDefaultPrefix.text(lang),
        super::param_label(spec, lang)
    );
    (shown, name)
}

/// How many assumptions differ from their defaults, after the panel's title.
pub fn changed_count(changed: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("(已修改 {changed} 项)"),
        Lang::En => format!(" ({changed} changed)"),
    }
}

pub fn preset_name(preset: &Preset, lang: Lang) -> &'static str {
    lang.pick(preset.label_zh, preset.label_en)
}

pub fn preset_summary(preset: &Preset, lang: Lang) -> &'static str {
    lang.pick(preset.summary_zh, preset.summary_en)
}

/// After the preset's name, while unchanged: ": what it is".
pub fn preset_status(preset: &Preset, lang: Lang) -> String {
    format!("{}{}", lang.pick(":", ": "), preset_summary(preset, lang))
}

pub fn fact_label(fact: &BaseFact, lang: Lang) -> &'static str {
    lang.pick(fact.label_zh, fact.label_en)
}

/// A base value with its unit.
pub fn fact_value(fact: &BaseFact, lang: Lang) -> String {
    let value = format::grouped(fact.value, fact.decimals);
    let unit = lang.pick(fact.unit_zh, fact.unit_en);
    if unit.is_empty() {
        value
    } else {
        format!("{value} {unit}")
    }
}

/// A pinned A's name: its preset, and whether it was changed from it ("A = 规划情景(已修改)").
pub fn pinned_name(pinned: &Labelled, lang: Lang) -> String {
    let preset = pinned.preset.unwrap_or(PresetId::Plan).label(lang);
    if pinned.is_modified() {
        format!("A = {preset}{}", Label::Modified.text(lang))
    } else {
        format!("A = {preset}")
    }
}
