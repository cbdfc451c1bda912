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

/// An assumption's reset button: what it shows ("default 0.5") and its accessible name.
pub fn default_button(spec: &ParamSpec, lang: Lang) -> (String, String) {
    let shown = format!(
        "{} {}",
        Label::Default.text(lang),
        format_value(spec.default)
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
