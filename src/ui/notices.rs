//! Messages about input that could not be used, with what was used instead.

use crate::i18n::Lang;
use crate::scenario::{FragmentIssue, Param, ValueError};
use crate::state::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub lang: Lang,
    pub on_dismiss: Callback<()>,
}

fn default_of(key: &str) -> String {
    Param::from_key(key).map_or_else(String::new, |param| param.spec().default.to_string())
}

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

fn issue_text(issue: &FragmentIssue, lang: Lang) -> String {
    match issue {
        FragmentIssue::UnknownKey(key) => match lang {
            Lang::Zh => format!("未知参数 “{key}”,已忽略"),
            Lang::En => format!("unknown key “{key}”, ignored"),
        },
        FragmentIssue::InvalidValue { key, text, error } => {
            let fallback = default_of(key);
            let why = error_text(error, lang);
            match lang {
                Lang::Zh => format!("{key}=“{text}”:{why},改用默认值 {fallback}"),
                Lang::En => format!("{key}=“{text}”: {why}; the default {fallback} is used"),
            }
        }
        FragmentIssue::Malformed(part) => match lang {
            Lang::Zh => format!("“{part}” 不是 键=值 形式,已忽略"),
            Lang::En => format!("“{part}” is not key=value, ignored"),
        },
    }
}

fn notice_lines(notice: &Notice, lang: Lang) -> Vec<String> {
    match notice {
        Notice::Link(issues) => issues.iter().map(|issue| issue_text(issue, lang)).collect(),
        Notice::Rejected { key, value, error } => {
            let why = error_text(error, lang);
            vec![match lang {
                Lang::Zh => format!("{key} = {value}:{why},保留原值"),
                Lang::En => format!("{key} = {value}: {why}; the previous value is kept"),
            }]
        }
    }
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    let lines = props
        .notices
        .iter()
        .flat_map(|notice| notice_lines(notice, lang))
        .map(|line| html! { <li>{ line }</li> })
        .collect::<Html>();
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="alert" data-notice="">
            <p>{ lang.pick("链接或输入中有无法使用的内容:", "Some of the link or input could not be used:") }</p>
            <ul>{ lines }</ul>
            <button class="notice-dismiss" onclick={dismiss}>{ lang.pick("知道了", "Dismiss") }</button>
        </div>
    }
}
