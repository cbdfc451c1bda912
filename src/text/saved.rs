//! The words of saved scenarios: what was saved, replaced, renamed or deleted, what an export or
//! an import did, and every problem an entry or a file can have, in both languages.

use super::labels::Label;
use crate::i18n::Lang;
use crate::library::{
    EntryProblem, ImportProblem, Problem, SaveError, SavedScenario, FILE_FORMAT, FILE_VERSION,
};
use crate::link::MODEL_VERSION;
use crate::preset::PresetId;
use crate::scenario::{format_value, ValueError};
use crate::text::notices::issue_text;

/// A problem in words.
/// The keys of the series that can be observed, for a message naming them.
fn observed_keys() -> String {
    crate::scenario::observed::ObservedSeries::ALL
        .map(|series| series.key())
        .join(", ")
}

pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    use Problem as P;
    match (problem, lang) {
        (P::Missing, Lang::Zh) => "缺失".to_owned(),
        (P::Missing, Lang::En) => "missing".to_owned(),
        (P::NotText(shown), Lang::Zh) => format!("{shown} 不是文本"),
        (P::NotText(shown), Lang::En) => format!("{shown} is not text"),
        (P::NotAnObject(shown), Lang::Zh) => format!("{shown} 不是对象"),
        (P::NotAnObject(shown), Lang::En) => format!("{shown} is not an object"),
        (P::NotModelVersion(shown), Lang::Zh) => format!("{shown} 不是模型版本号(应为整数)"),
        (P::NotModelVersion(shown), Lang::En) => {
            format!("{shown} is not a model version (a whole number)")
        }
        (P::OtherModel { version }, Lang::Zh) => {
            let which = if *version > MODEL_VERSION {
                "较新"
            } else {
                "较旧"
            };
            format!(
                "由{which}的模型第 {version} 版生成;本程序计算第 {MODEL_VERSION} 版,数字可能不同"
            )
        }
        (P::OtherModel { version }, Lang::En) => {
            let which = if *version > MODEL_VERSION {
                "a newer"
            } else {
                "an older"
            };
            format!("made with {which} model version ({version}); this build computes version {MODEL_VERSION}, so its numbers may differ")
        }
        (P::Link(issue), _) => issue_text(issue, lang),
        (P::UnknownPreset(shown), Lang::Zh) => format!("没有预设 {shown}(可用:{})", presets()),
        (P::UnknownPreset(shown), Lang::En) => {
            format!("unknown preset {shown} (known: {})", presets())
        }
        (P::UnknownParameter { newer: false }, Lang::Zh) => "未知参数".to_owned(),
        (P::UnknownParameter { newer: false }, Lang::En) => "unknown parameter".to_owned(),
        (P::UnknownParameter { newer: true }, Lang::Zh) => {
            "未知参数(来自较新的模型版本):已忽略".to_owned()
        }
        (P::UnknownParameter { newer: true }, Lang::En) => {
            "unknown parameter (of a newer model version): ignored".to_owned()
        }
        (
            P::BadValue {
                shown,
                error,
                min,
                max,
                integer,
            },
            _,
        ) => bad_value(shown, error, (*min, *max), *integer, lang),
        (P::UnknownObservedSeries, Lang::Zh) => {
            format!("没有可填实际值的指标(可用:{})", observed_keys())
        }
        (P::UnknownObservedSeries, Lang::En) => {
            format!(
                "no series can be observed by this name (known: {})",
                observed_keys()
            )
        }
        (P::NotAYear(shown), Lang::Zh) => format!("“{shown}” 不是年份"),
        (P::NotAYear(shown), Lang::En) => format!("“{shown}” is not a year"),
        (
            P::BadObservation {
                series,
                shown,
                error,
            },
            Lang::Zh,
        ) => {
            format!(
                "{shown}:{}",
                crate::text::observed::refused(*series, *error, lang)
            )
        }
        (
            P::BadObservation {
                series,
                shown,
                error,
            },
            Lang::En,
        ) => {
            format!(
                "{shown}: {}",
                crate::text::observed::refused(*series, *error, lang)
            )
        }
        (P::BadTarget(error), _) => crate::text::targets::error_text(error, lang),
        (P::UnsupportedFormat(shown), Lang::Zh) => {
            format!("不支持的格式 {shown};本程序读取格式 1 和 2")
        }
        (P::UnsupportedFormat(shown), Lang::En) => {
            format!("unsupported format {shown}; this build reads formats 1 and 2")
        }
        (P::EmptyName, Lang::Zh) => "名称为空".to_owned(),
        (P::EmptyName, Lang::En) => "empty".to_owned(),
        (P::NotJson(why), Lang::Zh) => format!("不是 JSON({why})"),
        (P::NotJson(why), Lang::En) => format!("not JSON ({why})"),
        (P::NotRewritten(why), Lang::Zh) => format!("未能改写为新格式({why})"),
        (P::NotRewritten(why), Lang::En) => format!("not rewritten in the new format ({why})"),
        (P::FileNotJson(why), Lang::Zh) => format!("不是 JSON 文件({why})"),
        (P::FileNotJson(why), Lang::En) => format!("not a JSON file ({why})"),
        (P::NotScenarioFile(found), Lang::Zh) => {
            format!("不是情景文件(格式为 {found},应为 \"{FILE_FORMAT}\")")
        }
        (P::NotScenarioFile(found), Lang::En) => {
            format!("not a scenario file (format {found}, not \"{FILE_FORMAT}\")")
        }
        (P::UnsupportedVersion(found), Lang::Zh) => {
            format!("不支持的版本 {found};本程序读取版本 1 至 {FILE_VERSION}")
        }
        (P::UnsupportedVersion(found), Lang::En) => {
            format!("unsupported version {found}; this build reads versions 1 to {FILE_VERSION}")
        }
        (P::NoScenarios, Lang::Zh) => "缺失或不是列表".to_owned(),
        (P::NoScenarios, Lang::En) => "missing or not a list".to_owned(),
        (P::SameNameAs(first), Lang::Zh) => format!("与第 {first} 项同名;只导入那一项"),
        (P::SameNameAs(first), Lang::En) => {
            format!("entry {first} has the same name; only that one is imported")
        }
    }
}

fn presets() -> String {
    let keys: Vec<&str> = crate::preset::PresetId::ALL
        .iter()
        .map(|p| p.key())
        .collect();
    keys.join(", ")
}

fn bad_value(
    shown: &str,
    error: &ValueError,
    (min, max): (f64, f64),
    integer: bool,
    lang: Lang,
) -> String {
    let (min, max) = (format_value(min), format_value(max));
    match lang {
        Lang::Zh => {
            let what = match error {
                ValueError::NotANumber => "不是数字",
                ValueError::NotWhole => "不是整数",
                ValueError::OutOfRange { .. } => "超出范围",
            };
            let allowed = if integer {
                "允许:从 {min} 到 {max} 的整数"
            } else {
                "允许:{min} 到 {max}"
            };
            format!(
                "{shown} {what};{}",
                allowed.replace("{min}", &min).replace("{max}", &max)
            )
        }
        Lang::En => {
            let what = match error {
                ValueError::NotANumber => "is not a number",
                ValueError::NotWhole => "is not a whole number",
                ValueError::OutOfRange { .. } => "is out of range",
            };
            let allowed = if integer {
                format!("allowed: whole numbers from {min} to {max}")
            } else {
                format!("allowed: {min} to {max}")
            };
            format!("{shown} {what}; {allowed}")
        }
    }
}

/// A stored entry's problem, naming the entry and the field: "“name”, field: what".
pub fn entry_problem(problem: &EntryProblem, lang: Lang) -> String {
    let mut line = format!("“{}”", problem.name);
    if !problem.field.is_empty() {
        line.push_str(lang.pick(",", ", "));
        line.push_str(&problem.field);
    }
    line.push_str(lang.pick(":", ": "));
    line + &problem_text(&problem.problem, lang)
}

/// An imported file's problem, naming the entry by its position and name, and the field.
pub fn import_problem(problem: &ImportProblem, lang: Lang) -> String {
    let mut line = String::new();
    if problem.entry > 0 {
        line = match lang {
            Lang::Zh => format!("第 {} 项", problem.entry),
            Lang::En => format!("entry {}", problem.entry),
        };
        if let Some(name) = &problem.name {
            line.push_str(&format!(" “{name}”"));
        }
        if !problem.field.is_empty() {
            line.push_str(lang.pick(",", ", "));
        }
    }
    line.push_str(&problem.field);
    line.push_str(lang.pick(":", ": "));
    line + &problem_text(&problem.problem, lang)
}

/// Why a save or a rename did not happen.
pub fn save_error(error: &SaveError, lang: Lang) -> String {
    match (error, lang) {
        (SaveError::EmptyName, Lang::Zh) => "请先输入名称".to_owned(),
        (SaveError::EmptyName, Lang::En) => "Give it a name first".to_owned(),
        (SaveError::Exists, Lang::Zh) => "已有同名的情景".to_owned(),
        (SaveError::Exists, Lang::En) => "A saved scenario already has this name".to_owned(),
        (SaveError::NotFound, Lang::Zh) => "没有这个名称的情景".to_owned(),
        (SaveError::NotFound, Lang::En) => "No saved scenario has this name".to_owned(),
        (SaveError::Storage(why), Lang::Zh) => format!("浏览器未能保存:{why}"),
        (SaveError::Storage(why), Lang::En) => format!("The browser could not store it: {why}"),
    }
}

/// The question before a save replaces an entry of the same name.
pub fn replace_question(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已有名为“{name}”的情景。要替换它吗?"),
        Lang::En => format!("A saved scenario is already called “{name}”. Replace it?"),
    }
}

/// The question before a rename replaces an entry of the same name.
pub fn rename_question(lang: Lang) -> &'static str {
    Label::NameTaken.text(lang)
}

/// The question before a delete.
pub fn delete_question(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("删除“{name}”?此操作无法撤销。"),
        Lang::En => format!("Delete “{name}”? This cannot be undone."),
    }
}

/// What a save, a replace declined, a delete or a rename did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    Saved,
    NotReplaced,
    Deleted,
    Renamed,
}

pub fn done(what: Done, name: &str, lang: Lang) -> String {
    match (what, lang) {
        (Done::Saved, Lang::Zh) => format!("已保存“{name}”"),
        (Done::Saved, Lang::En) => format!("Saved “{name}”"),
        (Done::NotReplaced, Lang::Zh) => format!("未替换“{name}”"),
        (Done::NotReplaced, Lang::En) => format!("“{name}” was not replaced"),
        (Done::Deleted, Lang::Zh) => format!("已删除“{name}”"),
        (Done::Deleted, Lang::En) => format!("Deleted “{name}”"),
        (Done::Renamed, Lang::Zh) => format!("已重命名为“{name}”"),
        (Done::Renamed, Lang::En) => format!("Renamed to “{name}”"),
    }
}

/// What an export did: how many entries went into the file, or that the download failed.
pub fn exported(count: usize, downloaded: bool, lang: Lang) -> String {
    match (downloaded, lang) {
        (true, Lang::Zh) => format!("已导出 {count} 个情景"),
        (true, Lang::En) => format!("Exported {count} scenarios"),
        (false, Lang::Zh) => "浏览器未能下载文件".to_owned(),
        (false, Lang::En) => "The browser could not download the file".to_owned(),
    }
}

/// What an import did: the valid entries (with what happened to each) and the errors.
pub fn imported(valid: usize, outcomes: &[String], errors: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "导入:{valid} 个有效情景({});{errors} 处错误",
            outcomes.join(";")
        ),
        Lang::En => format!(
            "Import: {valid} valid scenarios ({}); {errors} errors",
            outcomes.join("; ")
        ),
    }
}

/// An entry's line under its name: its preset, the day it was saved, and "A/B" for a pair.
pub fn entry_meta(entry: &SavedScenario, lang: Lang) -> String {
    let preset = entry.current.preset.unwrap_or(PresetId::Plan).label(lang);
    let day: String = entry.saved_at.chars().take(10).collect();
    let pair = if entry.pinned.is_some() {
        " · A/B"
    } else {
        ""
    };
    format!("{preset} · {day}{pair}")
}

/// The count after the panel's title: " (3)".
pub fn count(entries: usize) -> String {
    format!(" ({entries})")
}

/// The accessible name of an entry's button: "open: name".
pub fn entry_action(action: Label, name: &str, lang: Lang) -> String {
    format!("{}{}{name}", action.text(lang), lang.pick(":", ": "))
}
