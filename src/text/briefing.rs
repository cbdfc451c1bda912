//! The words of a briefing: the name of each piece that can be embedded, the printed sheet's
//! run line, the scenario line of a comparison.

use super::caption::scenario_line;
use super::labels::Label;
use crate::embed::EmbedPiece;
use crate::format;
use crate::i18n::Lang;
use crate::link::{Link, MODEL_VERSION};
use crate::plan::TargetId;

/// The name of a piece, as the embed dialog lists it and an embedded page's heading says it.
pub fn piece_name(piece: EmbedPiece, lang: Lang, target: TargetId) -> String {
    match piece {
        EmbedPiece::Targets => lang.pick("目标表", "Targets table").to_owned(),
        EmbedPiece::Compare => lang
            .pick("情景比较(A 与 B)", "Comparison (A and B)")
            .to_owned(),
        EmbedPiece::Histogram => format!(
            "{}{}",
            lang.pick("分布:", "Distribution: "),
            super::short_label(target, lang)
        ),
        EmbedPiece::Fan(series) => format!(
            "{}{}",
            lang.pick("扇形图:", "Fan chart: "),
            crate::charts::series_title(series, lang)
        ),
    }
}

/// The title of the embed dialog's preview frame.
pub fn preview_title(name: &str, lang: Lang) -> String {
    format!("{}{name}", Label::PreviewPrefix.text(lang))
}

/// The scenario an embedded piece shows, in one line; a comparison names B, then A.
pub fn embed_scenario_line(link: &Link, piece: EmbedPiece, lang: Lang) -> String {
    let current = scenario_line(&link.current, lang);
    match &link.pinned {
        Some(a) if piece == EmbedPiece::Compare => {
            format!("B: {current} · A: {}", scenario_line(a, lang))
        }
        _ => current,
    }
}

/// The printed sheet's heading: the page's title and what the sheet is.
pub fn sheet_title(lang: Lang) -> String {
    format!(
        "{}{}",
        super::page_title(lang),
        Label::BriefingSuffix.text(lang)
    )
}

/// The printed sheet's run line: the date, the model, the paths and the fingerprint.
pub fn sheet_run_line(date: &str, paths: u32, fingerprint: u64, lang: Lang) -> String {
    let paths = format::grouped(f64::from(paths), 0);
    match lang {
        Lang::Zh => {
            format!("{date} · 模型第 {MODEL_VERSION} 版 · {paths} 条路径 · 指纹 {fingerprint:016x}")
        }
        Lang::En => format!(
            "{date} · model v{MODEL_VERSION} · {paths} paths · fingerprint {fingerprint:016x}"
        ),
    }
}

/// The printed sheet's scenario line: A's first when pinned.
pub fn sheet_scenario_line(link: &Link, lang: Lang) -> String {
    let current = scenario_line(&link.current, lang);
    match &link.pinned {
        Some(a) => format!("A: {} · B: {current}", scenario_line(a, lang)),
        None => current,
    }
}
