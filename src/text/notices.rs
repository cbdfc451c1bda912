//! The words of the notices above the page, in both languages: framework-free so that every
//! message is tested natively; `ui::notices` only lists them.

use crate::i18n::Lang;
use crate::link::LinkIssue;
use crate::scenario::{format_value, ParamSpec, ValueError};
use crate::state::Notice;

fn error_text(error: &ValueError, lang: Lang) -> String {
    match error {
        ValueError::NotANumber => lang.pick("不是数字", "not a number").to_owned(),
        ValueError::NotWhole => lang.pick("不是整数", "not a whole number").to_owned(),
        ValueError::OutOfRange { min, max } => match lang {
            Lang::Zh => format!("超出范围 {min} … {max}"),
            Lang::En => format!("outside {min} … {max}"),
        },
    }
}

/// One line for one issue of a link.
pub fn issue_text(issue: &LinkIssue, lang: Lang) -> String {
    match (issue, lang) {
        (LinkIssue::UnknownKey(key), Lang::Zh) => format!("未知参数 “{key}”,已忽略"),
        (LinkIssue::UnknownKey(key), Lang::En) => format!("unknown key “{key}”, ignored"),
        (
            LinkIssue::InvalidValue {
                key,
                text,
                error,
                used,
            },
            _,
        ) => {
            let used = format_value(*used);
            let why = error_text(error, lang);
            match lang {
                Lang::Zh => format!("{key}=“{text}”:{why},改用 {used}"),
                Lang::En => format!("{key}=“{text}”: {why}; {used} is used instead"),
            }
        }
        (LinkIssue::UnknownName { key, text }, Lang::Zh) => {
            format!("{key}=“{text}”:没有这个选项,已忽略")
        }
        (LinkIssue::UnknownName { key, text }, Lang::En) => {
            format!("{key}=“{text}”: no such option, ignored")
        }
        (LinkIssue::Duplicate { key, used }, Lang::Zh) => {
            format!("{key} 出现多次,采用最后一个值 “{used}”")
        }
        (LinkIssue::Duplicate { key, used }, Lang::En) => {
            format!("{key} is given more than once; the last value, “{used}”, is used")
        }
        (LinkIssue::NewerVersion(v), Lang::Zh) => {
            format!("此链接由更新的模型版本({v})生成,数字可能与原作者看到的不同")
        }
        (LinkIssue::NewerVersion(v), Lang::En) => format!(
            "this link was made by a newer model version ({v}); the numbers may differ from its author's"
        ),
        (LinkIssue::OlderVersion(v), Lang::Zh) => format!(
            "此链接{}:模型已更新到第 {} 版,数字可能与链接作者当时看到的不同",
            v.as_ref().map_or("未注明模型版本".to_owned(), |v| format!("由旧版模型(第 {v} 版)生成")),
            crate::link::MODEL_VERSION
        ),
        (LinkIssue::OlderVersion(v), Lang::En) => format!(
            "this link {}: the model is now version {}, so the numbers may differ from what its author saw",
            v.as_ref().map_or("does not say its model version".to_owned(), |v| format!("was made with model version {v}")),
            crate::link::MODEL_VERSION
        ),
        (LinkIssue::ChecksumMissing, Lang::Zh) => {
            "手写链接:没有校验码,未经校验(若是转发时被截短,最后一个数值可能不完整)".to_owned()
        }
        (LinkIssue::ChecksumMissing, Lang::En) => {
            "written by hand: no checksum, so not checked (if it was cut short in sending, its last value may be incomplete)".to_owned()
        }
        (LinkIssue::ChecksumMismatch, Lang::Zh) => {
            "链接校验码不符:链接被截断或改动过,数字可能与发送者看到的不同".to_owned()
        }
        (LinkIssue::ChecksumMismatch, Lang::En) => {
            "the link's checksum does not match: it was cut off or altered, and the numbers may differ from the sender's".to_owned()
        }
        (LinkIssue::UnknownObservation(key), _) => super::observed::unknown_in_link(key, lang),
        (LinkIssue::BadObservation { key, text, error }, _) => {
            super::observed::bad_in_link(key, text, *error, lang)
        }
        (LinkIssue::ObservationUnused(unused), _) => super::observed::unused(*unused, lang),
        (LinkIssue::BadTarget { key, text, error }, _) => {
            super::targets::bad_in_link(key, text, error, lang)
        }
        (LinkIssue::HorizonExtended { key, year }, _) => {
            super::targets::horizon_extended(key, *year, lang)
        }
        (LinkIssue::More(n), Lang::Zh) => format!("另有 {n} 处问题未列出"),
        (LinkIssue::More(n), Lang::En) => format!("{n} more problems not listed"),
    }
}

/// The lines of one notice.
pub fn notice_lines(notice: &Notice, lang: Lang) -> Vec<String> {
    match notice {
        Notice::Link(issues) => issues.iter().map(|issue| issue_text(issue, lang)).collect(),
        Notice::Unchecked => vec![issue_text(&LinkIssue::ChecksumMissing, lang)],
        Notice::HorizonExtended { name, year } => {
            vec![super::targets::horizon_extended(name, *year, lang)]
        }
        Notice::TargetRefused { name, error } => vec![format!(
            "{name}: {}",
            super::targets::error_text(error, lang)
        )],
        Notice::Rejected { key, value, error } => {
            let why = error_text(error, lang);
            vec![match lang {
                Lang::Zh => format!("{key} = {value}:{why},保留原值"),
                Lang::En => format!("{key} = {value}: {why}; the previous value is kept"),
            }]
        }
    }
}

/// The message beside an assumption's field when what was typed is refused: what was wrong,
/// the range the field takes, and the value kept in force.
pub fn refused_entry(spec: &ParamSpec, typed: &str, kept: f64, lang: Lang) -> Option<String> {
    let error = spec.parse(typed).err()?;
    let typed = typed.trim();
    let (min, max, kept) = (
        format_value(spec.min),
        format_value(spec.max),
        format_value(kept),
    );
    let unit = lang.pick(spec.unit_zh, spec.unit_en);
    let max = if unit.is_empty() {
        max
    } else {
        format!("{max} {unit}")
    };
    let range = match lang {
        Lang::Zh => format!("请输入 {min} 到 {max} 之间的数"),
        Lang::En => format!("enter a number from {min} to {max}"),
    };
    let what = match (&error, typed.is_empty(), lang) {
        (_, true, Lang::Zh) => "输入为空".to_owned(),
        (_, true, Lang::En) => "The field is empty".to_owned(),
        (ValueError::NotWhole, _, Lang::Zh) => format!("{typed} 不是整数"),
        (ValueError::NotWhole, _, Lang::En) => format!("{typed} is not a whole number"),
        (ValueError::OutOfRange { .. }, _, Lang::Zh) => format!("{typed} 超出范围"),
        (ValueError::OutOfRange { .. }, _, Lang::En) => format!("{typed} is out of range"),
        (ValueError::NotANumber, _, Lang::Zh) => format!("“{typed}” 不是数字"),
        (ValueError::NotANumber, _, Lang::En) => format!("“{typed}” is not a number"),
    };
    Some(match lang {
        Lang::Zh => format!("{what}:{range};仍使用 {kept}。"),
        Lang::En => format!("{what}: {range}; {kept} stays in force."),
    })
}
