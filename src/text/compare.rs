//! The words of a comparison and of the page's one-line reading: what moved, by how much, and
//! whether it is more than noise.

use super::{likelihood_band, LikelihoodBand};
use crate::engine::compare::{Change, JointDifference, Moved, TargetDifference};
use crate::engine::Summary;
use crate::format;
use crate::i18n::Lang;

/// A difference of probabilities in percentage points with its sign, e.g. `+12.3`; below a
/// twentieth of a point with two decimals (a large paired run can tell such a change), and
/// exactly zero as `0.0` ("-0.0" would read as a change).
pub fn signed_points(delta: f64) -> String {
    let points = delta * 100.0;
    if points == 0.0 {
        "0.0".to_owned()
    } else if points.abs() < 0.05 {
        format!("{points:+.2}")
    } else {
        format!("{points:+.1}")
    }
}

/// Δ with its unit and standard error, e.g. `+12.3 个百分点 ± 0.4` / `+12.3 points ± 0.4`.
pub fn delta_text(difference: &TargetDifference, lang: Lang) -> String {
    points_with_error(difference.delta, difference.std_error, lang)
}

/// A change of a chance in points with its margin, e.g. `+12.3 points ± 0.4`.
pub fn points_with_error(delta: f64, std_error: f64, lang: Lang) -> String {
    let delta = signed_points(delta);
    let error = if std_error * 100.0 < 0.05 && std_error > 0.0 {
        format!("{:.2}", std_error * 100.0)
    } else {
        format!("{:.1}", std_error * 100.0)
    };
    match lang {
        Lang::Zh => format!("{delta} 个百分点 ± {error}"),
        Lang::En => format!("{delta} points ± {error}"),
    }
}

/// A mark that does not rely on colour, and the change in words.
pub fn change_words(change: Change, lang: Lang) -> (&'static str, &'static str) {
    match change {
        Change::None => ("=", lang.pick("无变化", "no change")),
        Change::Noise => ("≈", lang.pick("在随机误差内", "within noise")),
        Change::Up => ("▲", lang.pick("上升", "up")),
        Change::Down => ("▼", lang.pick("下降", "down")),
    }
}

/// The column heading of the change, against the pinned A or the plan's scenario.
pub fn change_heading(pinned: bool, lang: Lang) -> &'static str {
    match (pinned, lang) {
        (true, Lang::Zh) => "变化 Δ = B − A",
        (true, Lang::En) => "Change Δ = B − A",
        (false, Lang::Zh) => "相对规划情景",
        (false, Lang::En) => "vs the plan's scenario",
    }
}

/// The counts of likely, uncertain and unlikely targets.
pub fn band_counts(summary: &Summary) -> (usize, usize, usize) {
    let count = |band| {
        summary
            .targets
            .iter()
            .filter(|t| likelihood_band(t.probability) == band)
            .count()
    };
    (
        count(LikelihoodBand::Likely),
        count(LikelihoodBand::Uncertain),
        count(LikelihoodBand::Unlikely),
    )
}

/// What the page says, in one line, before the table.
pub fn headline(summary: &Summary, lang: Lang) -> String {
    let (likely, uncertain, unlikely) = band_counts(summary);
    let total = summary.targets.len();
    match lang {
        Lang::Zh => format!(
            "{total} 项量化目标中:{likely} 项很可能实现,{uncertain} 项不确定,{unlikely} 项有落空风险(不太可能实现)。"
        ),
        Lang::En => {
            let are = |n: usize| if n == 1 { "is" } else { "are" };
            format!(
                "Of the plan's {total} quantified targets, {likely} {} likely to be met, {uncertain} {} uncertain and {unlikely} {} at risk (unlikely).",
                are(likely),
                are(uncertain),
                are(unlikely)
            )
        }
    }
}

/// The targets that moved beyond noise, in one line (empty when none did).
pub fn moved_line(differences: &[TargetDifference], pinned: bool, lang: Lang) -> String {
    let moved: Vec<&TargetDifference> = differences
        .iter()
        .filter(|d| matches!(d.change(), Change::Up | Change::Down))
        .collect();
    let against = match (pinned, lang) {
        (true, Lang::Zh) => "与 A 相比",
        (true, Lang::En) => "Compared with A",
        (false, Lang::Zh) => "与规划情景相比",
        (false, Lang::En) => "Compared with the plan's scenario",
    };
    if moved.is_empty() {
        return match lang {
            Lang::Zh => format!("{against},没有目标的实现概率发生超出随机误差的变化。"),
            Lang::En => format!("{against}, no target's chance moved beyond noise."),
        };
    }
    let (up, down) = moved
        .iter()
        .partition::<Vec<&&TargetDifference>, _>(|d| d.delta > 0.0);
    match lang {
        Lang::Zh => format!(
            "{against},{} 项目标的实现概率上升,{} 项下降。",
            up.len(),
            down.len()
        ),
        Lang::En => format!(
            "{against}, {} more likely and {} less likely.",
            targets_en(up.len()),
            down.len()
        ),
    }
}

/// "1 target is", "2 targets are" — the subject of an English sentence about targets.
fn targets_en(n: usize) -> String {
    if n == 1 {
        "1 target is".to_owned()
    } else {
        format!("{n} targets are")
    }
}

/// The chance that every target is met, in A and B with Δ: "A 0.0 % → B 0.1 %(+0.10 个百分点 ±
/// 0.03)".
pub fn all_met_moved(moved: &Moved, lang: Lang) -> String {
    let change = points_with_error(moved.delta, moved.std_error, lang);
    let (a, b) = (format::percent(moved.a), format::percent(moved.b));
    match lang {
        Lang::Zh => format!("A {a} → B {b}({change})"),
        Lang::En => format!("A {a} → B {b} ({change})"),
    }
}

/// The expected number met, in A and B with Δ: "A 5.67 → B 5.80 (+0.13 ± 0.01)".
pub fn expected_moved(moved: &Moved, lang: Lang) -> String {
    let (a, b) = (format::grouped(moved.a, 2), format::grouped(moved.b, 2));
    let delta = format!("{:+.2}", moved.delta);
    let error = format::grouped(moved.std_error, 2);
    match lang {
        Lang::Zh => format!("A {a} → B {b}({delta} ± {error})"),
        Lang::En => format!("A {a} → B {b} ({delta} ± {error})"),
    }
}

/// How the whole moved, in one sentence after the targets that moved.
pub fn joint_line(joint: &JointDifference, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "全部目标同时实现:{};平均实现项数:{}。",
            all_met_moved(&joint.all_met, lang),
            expected_moved(&joint.expected_met, lang)
        ),
        Lang::En => format!(
            "All targets at once: {}; targets met on average: {}.",
            all_met_moved(&joint.all_met, lang),
            expected_moved(&joint.expected_met, lang)
        ),
    }
}

/// The headline of a comparison: B's counts, then A's.
pub fn headline_compared(b: &Summary, a: &Summary, lang: Lang) -> String {
    let (likely, uncertain, unlikely) = band_counts(a);
    let of_b = headline(b, lang);
    match lang {
        Lang::Zh => format!(
            "B:{of_b}(A:{likely} 项很可能实现,{uncertain} 项不确定,{unlikely} 项有落空风险。)"
        ),
        Lang::En => {
            format!("B: {of_b} (A: {likely} likely, {uncertain} uncertain, {unlikely} at risk.)")
        }
    }
}
