//! How a chance is written, everywhere it is shown (the table, the compact table of embeds and
//! the printed briefing, targets met together, the outlook, the phone's strip): one rule.
//!
//! A chance carries its uncertainty: "± the margin" (the Monte Carlo standard error, named so in
//! the tooltips and `docs/MODEL.md`), or, where "± 0.0 %" would claim a certainty the run does
//! not have (a chance of 0 or 1, or a margin below 0.05 points), the range it lies in with 95 %
//! confidence (Wilson's interval).

use crate::engine::joint::wilson_interval;
use crate::engine::TargetResult;
use crate::format;
use crate::i18n::Lang;

/// Verdicts change at these chances (`text::likelihood_band`): a chance near one is never
/// rounded across it.
const VERDICT_BOUNDARIES: [f64; 2] = [0.2, 0.8];

/// Whether "± the margin" would claim a certainty the run does not have: p̂ is 0 or 1, or the
/// margin rounds to 0.0 % on screen.
pub fn claims_certainty(met: u32, n: u32, std_error: f64) -> bool {
    met == 0 || met == n || std_error < 0.0005
}

/// [`claims_certainty`] for a target's result.
pub fn needs_interval(result: &TargetResult, paths: u32) -> bool {
    claims_certainty(result.met, paths, result.std_error)
}

/// A chance in its two parts: the percent, and its uncertainty as written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChanceText {
    /// "62.3 %".
    pub percent: String,
    /// " ± 0.5 %", or the 95 % range: "(95% 区间 0.00–0.04%)" in full, "(0.00–0.04 %)" compact.
    pub uncertainty: String,
    /// Whether the uncertainty is the 95 % range (not ± the margin).
    pub interval: bool,
}

impl ChanceText {
    pub fn whole(&self) -> String {
        format!("{}{}", self.percent, self.uncertainty)
    }
}

/// The chance `met` / `n` with its uncertainty. `compact` drops the words "95 % range" (for a
/// 320-pixel embed; they are in the cell's title then, from [`chance_text`] in full).
pub fn chance_text(met: u32, n: u32, std_error: f64, lang: Lang, compact: bool) -> ChanceText {
    let probability = f64::from(met) / f64::from(n.max(1));
    let percent = format::percent(probability);
    if claims_certainty(met, n, std_error) {
        let (low, high) = wilson_interval(met, n);
        let (low, high) = (
            format!("{:.2}", low * 100.0),
            format!("{:.2}", high * 100.0),
        );
        // Compact, a range that reaches certainty as written (a chance of 0 or 1, or one a few
        // paths from it) keeps only its end away from certainty: "100.0 % (99.94–100.00 %)"
        // does not fit a 320-pixel frame's cell, "100.0 % (≥ 99.94 %)" does.
        let range = match compact {
            true if high == "100.00" => format!("≥ {low} %"),
            true if low == "0.00" => format!("≤ {high} %"),
            _ => format!("{low}–{high} %"),
        };
        let uncertainty = match (lang, compact) {
            (Lang::Zh, false) => format!("(95% 区间 {range})"),
            (Lang::En, false) => format!(" (95 % interval {range})"),
            (Lang::Zh, true) => format!("({range})"),
            (Lang::En, true) => format!(" ({range})"),
        };
        ChanceText {
            percent,
            uncertainty,
            interval: true,
        }
    } else {
        ChanceText {
            percent,
            uncertainty: format!(" ± {}", format::percent(std_error)),
            interval: false,
        }
    }
}

/// A target's chance with its uncertainty, in full.
pub fn probability_with_uncertainty(result: &TargetResult, paths: u32, lang: Lang) -> String {
    proportion_with_uncertainty(result.met, paths, result.std_error, lang)
}

/// Any proportion `met` / `n` with its uncertainty, in full.
pub fn proportion_with_uncertainty(met: u32, n: u32, std_error: f64, lang: Lang) -> String {
    chance_text(met, n, std_error, lang, false).whole()
}

/// Says under a table what "±" and the ranges mean, in plain words first.
pub fn interval_note(lang: Lang) -> &'static str {
    lang.pick(
        "“±”后为误差范围:模拟本身允许的上下浮动(蒙特卡洛标准误)。概率为 0、100% 或误差小于 0.05 个百分点时,“±”会夸大确定性,此时改为显示有 95% 把握的区间。",
        "“±” gives the margin the simulation itself allows (its Monte Carlo standard error). Where the chance is 0 or 100 %, or the margin is below 0.05 points, a “±” would claim a certainty the run does not have; the range it lies in with 95 % confidence is shown instead.",
    )
}

/// What the margin is, for a tooltip: the technical term after the plain words.
pub fn margin_tip(lang: Lang) -> &'static str {
    lang.pick(
        "误差范围:模拟本身允许的上下浮动,即蒙特卡洛标准误;路径越多越小。",
        "The margin the simulation itself allows: the Monte Carlo standard error; more paths make it smaller.",
    )
}

/// A chance for the phone's compact strip: whole percent, never rounding a chance that is not
/// certain to 0 % or 100 %, and with one decimal within half a point of a verdict's boundary
/// (79.9 % is not "80 %", which would read as likely), more where one is not enough.
pub fn strip_percent(probability: f64) -> String {
    // Half a point, with room for the binary fractions of chances such as 0.795.
    let near_boundary = VERDICT_BOUNDARIES
        .iter()
        .any(|boundary| (probability - boundary).abs() <= 0.005 + 1e-12);
    if probability > 0.0 && probability < 0.005 {
        return "< 1 %".to_owned();
    }
    if (0.995..1.0).contains(&probability) {
        return "> 99 %".to_owned();
    }
    // Whole percent, or one decimal near a boundary, or as many more as keep the number on
    // its verdict's side (20.01 % is not "20.0 %", which is at risk).
    let fewest = usize::from(near_boundary);
    (fewest..=4)
        .map(|decimals| format!("{:.*}", decimals, probability * 100.0))
        .find(|shown| {
            shown.parse::<f64>().is_ok_and(|read| {
                super::likelihood_band(read / 100.0) == super::likelihood_band(probability)
            })
        })
        .map_or_else(
            || format!("{:.4} %", probability * 100.0),
            |shown| shown + " %",
        )
}
