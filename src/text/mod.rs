//! The words and formats of the page, in both languages, free of any UI framework so that
//! they are tested natively; `ui/` only places them.

use crate::format;
use crate::i18n::Lang;
use crate::plan::{section_of, Provenance, TargetId};

pub mod briefing;
pub mod caption;
pub mod chance;
pub mod charts;
pub mod compare;
pub mod controls;
pub mod decisions;
pub mod fatal;
pub mod labels;
pub mod notes;
pub mod notices;
pub mod observed;
pub mod outlook;
pub mod results;
pub mod rules;
pub mod saved;
pub mod targets;
use crate::scenario::{Param, ParamSpec};
use crate::state::{Precision, RunResult};

pub fn page_title(lang: Lang) -> &'static str {
    lang.pick(
        "台江区“十四五”规划情景模拟器",
        "Taijiang 14th Five-Year Plan scenario simulator",
    )
}

pub fn footer(lang: Lang) -> &'static str {
    lang.pick(
        "全部计算在浏览器中完成。数字标注来源:规划 = 规划原文;推算 = 由规划数字计算;假设 = 规划未给出、可修改的设定。",
        "Everything is computed in your browser. Every number is tagged: plan = the plan's text; derived = computed from plan numbers; assumption = not in the plan, editable.",
    )
}

/// The drivers shown as sliders; `seed` is set through the link.
pub fn is_slider(param: Param) -> bool {
    param != Param::Seed
}

/// A parameter's name in the page's language.
pub fn param_label(spec: &ParamSpec, lang: Lang) -> &'static str {
    lang.pick(spec.label_zh, spec.label_en)
}

/// A parameter's reason (assumptions) or source (plan, derived), in words.
pub fn reason(spec: &ParamSpec, lang: Lang) -> String {
    describe(spec.provenance, lang).2
}

/// Said once, after the page reloaded because a newer build of the site took over (the service
/// worker keeps one build whole for offline use, index.html).
pub fn updated_line(lang: Lang) -> &'static str {
    lang.pick(
        "模拟器已更新到新版本,并已保存以便离线使用。",
        "The simulator was updated to its new version, kept for offline use.",
    )
}

pub fn seed_line(lang: Lang, seed: u64) -> String {
    match lang {
        Lang::Zh => format!("随机种子 {seed}(同一链接,同一结果)"),
        Lang::En => format!("Random seed {seed} (same link, same numbers)"),
    }
}

pub fn targets_caption(lang: Lang, paths: u32) -> String {
    let paths = format::grouped(f64::from(paths), 0);
    match lang {
        Lang::Zh => format!("2025 年目标实现概率(基于 {paths} 条模拟路径)"),
        Lang::En => format!("Chance of meeting each 2025 target ({paths} simulated paths)"),
    }
}

/// A slider's value with its unit, in the language's number format. Amounts in 亿元 read as
/// billions of yuan in English (¥5 bn, not "50 100M yuan").
pub fn param_value(spec: &ParamSpec, value: f64, lang: Lang) -> String {
    if let Some(name) = spec.choice_name(value) {
        return controls::choice_label(name, lang).to_owned();
    }
    if lang == Lang::En && spec.unit_zh.starts_with("亿元") {
        let per_year = if spec.unit_zh.ends_with("/年") {
            "/yr"
        } else {
            ""
        };
        let sign = if value < 0.0 { "−" } else { "" };
        return format!(
            "{sign}¥{} bn{per_year}",
            format::grouped(value.abs() / 10.0, 1)
        );
    }
    let decimals = if spec.integer || spec.step >= 1.0 {
        0
    } else {
        1
    };
    let number = if matches!(spec.param, Param::Horizon | Param::Seed) {
        format!("{value}")
    } else {
        format::grouped(value, decimals)
    };
    let unit = lang.pick(spec.unit_zh, spec.unit_en);
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// A target's name in a few characters, for the compact strip of probabilities.
/// A target's name in a few words, for sentences and the first mention of a short label.
pub fn target_name(id: TargetId, lang: Lang) -> &'static str {
    match id {
        TargetId::Gdp => lang.pick("GDP 增速", "GDP growth"),
        TargetId::Income => lang.pick("居民收入增速", "income growth"),
        TargetId::IncomeSync => lang.pick("收入与经济同步", "income in step with GDP"),
        TargetId::HighTech => lang.pick("高新技术企业数", "high-tech enterprises"),
        TargetId::Air => lang.pick("空气优良天数比例", "good-air days"),
        TargetId::GreenRatio => lang.pick("建成区绿地率", "green-space ratio"),
        TargetId::GreenCover => lang.pick("绿化覆盖率", "green coverage"),
        TargetId::Preschool => lang.pick("普惠学额覆盖率", "inclusive preschool places"),
        TargetId::CultureStar => lang.pick("三星级审批服务", "3-star approvals"),
        TargetId::CultureTrip => lang.pick("“最多跑一趟”审批", "one-visit approvals"),
    }
}

/// A target's short label, for the narrowest places (its [`target_name`] in their title).
pub fn short_label(id: TargetId, lang: Lang) -> &'static str {
    match id {
        TargetId::Gdp => lang.pick("GDP", "GDP"),
        TargetId::Income => lang.pick("收入", "Income"),
        TargetId::IncomeSync => lang.pick("同步", "In step"),
        TargetId::HighTech => lang.pick("高企", "High-tech"),
        TargetId::Air => lang.pick("空气", "Air"),
        TargetId::GreenRatio => lang.pick("绿地率", "Green ratio"),
        TargetId::GreenCover => lang.pick("绿化", "Green cover"),
        TargetId::Preschool => lang.pick("普惠园", "Preschool"),
        TargetId::CultureStar => lang.pick("三星", "3-star"),
        TargetId::CultureTrip => lang.pick("跑一趟", "One visit"),
    }
}

/// A verbal band for a probability, so that colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LikelihoodBand {
    Likely,
    Uncertain,
    Unlikely,
}

pub fn likelihood_band(probability: f64) -> LikelihoodBand {
    if probability >= 0.8 {
        LikelihoodBand::Likely
    } else if probability <= 0.2 {
        LikelihoodBand::Unlikely
    } else {
        LikelihoodBand::Uncertain
    }
}

impl LikelihoodBand {
    pub fn key(self) -> &'static str {
        match self {
            LikelihoodBand::Likely => "likely",
            LikelihoodBand::Uncertain => "uncertain",
            LikelihoodBand::Unlikely => "unlikely",
        }
    }

    pub fn mark(self) -> &'static str {
        match self {
            LikelihoodBand::Likely => "●",
            LikelihoodBand::Uncertain => "◐",
            LikelihoodBand::Unlikely => "○",
        }
    }

    /// The verdict in a word, for a compact table (its full label in the cell's title).
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            LikelihoodBand::Likely => lang.pick("很可能", "likely"),
            LikelihoodBand::Uncertain => lang.pick("不确定", "uncertain"),
            LikelihoodBand::Unlikely => lang.pick("不太可能", "unlikely"),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LikelihoodBand::Likely => lang.pick("很可能实现(≥ 80%)", "likely (≥ 80 %)"),
            LikelihoodBand::Uncertain => lang.pick("不确定", "uncertain"),
            LikelihoodBand::Unlikely => lang.pick("不太可能(≤ 20%)", "unlikely (≤ 20 %)"),
        }
    }
}

/// Which run is on screen, so that a preview is never mistaken for the full result.
pub fn run_line(lang: Lang, result: &RunResult) -> String {
    let paths = format::grouped(f64::from(result.summary.paths), 0);
    let ms = format!("{:.0}", result.engine_ms.max(1.0));
    let workers = result.workers;
    match (lang, result.precision) {
        (Lang::Zh, Precision::Preview) => {
            format!("预览:{paths} 条路径({ms} 毫秒),松开滑块后计算完整结果")
        }
        (Lang::Zh, Precision::Full) if workers > 1 => {
            format!("完整结果:{paths} 条路径,{workers} 个线程并行计算,用时 {ms} 毫秒")
        }
        (Lang::Zh, Precision::Full) => format!("完整结果:{paths} 条路径,计算用时 {ms} 毫秒"),
        (Lang::En, Precision::Preview) => {
            format!("Preview: {paths} paths ({ms} ms); the full run follows on release")
        }
        (Lang::En, Precision::Full) if workers > 1 => {
            format!("Full run: {paths} paths on {workers} workers in parallel, computed in {ms} ms")
        }
        (Lang::En, Precision::Full) => format!("Full run: {paths} paths, computed in {ms} ms"),
    }
}

/// The badge's short label and its explanation (shown on hover and focus).
pub fn describe(provenance: Provenance, lang: Lang) -> (&'static str, &'static str, String) {
    match provenance {
        Provenance::Plan { line } => (
            "plan",
            lang.pick("规划", "plan"),
            match lang {
                Lang::Zh => format!("规划原文,{}", section_of(line).cite_zh()),
                Lang::En => format!("the plan's text, {}", section_of(line).cite_en()),
            },
        ),
        Provenance::PlanTargetAsTrend { line } => (
            "plan-target",
            lang.pick("规划目标", "plan target"),
            match lang {
                Lang::Zh => format!(
                    "规划目标({}),用作趋势:这是规划要达到的速度,不是预测",
                    section_of(line).cite_zh()
                ),
                Lang::En => format!(
                    "a plan target ({}) used as the trend: what the plan aims for, not a forecast",
                    section_of(line).cite_en()
                ),
            },
        ),
        Provenance::Derived { formula } => (
            "derived",
            lang.pick("推算", "derived"),
            format!(
                "{}{formula}",
                lang.pick("由规划数字推算:", "derived from the plan: ")
            ),
        ),
        Provenance::Assumption {
            reason_zh,
            reason_en,
        } => (
            "assumption",
            lang.pick("假设", "assumption"),
            format!(
                "{}{}",
                lang.pick("假设:", "assumption: "),
                lang.pick(reason_zh, reason_en)
            ),
        ),
        Provenance::PlanFloor { line } => (
            "plan",
            lang.pick("规划", "plan"),
            match lang {
                Lang::Zh => format!(
                    "规划原文({})说“以上”:取这一下限作为基数",
                    section_of(line).cite_zh()
                ),
                Lang::En => format!(
                    "the plan ({}) says “at least”: that floor is taken as the base",
                    section_of(line).cite_en()
                ),
            },
        ),
        Provenance::Normalisation => (
            "derived",
            lang.pick("归一", "normalised"),
            lang.pick(
                "归一化:指数以 2020 年为 100,并非规划数字",
                "a normalisation: the index is 100 in 2020; not a number of the plan",
            )
            .to_owned(),
        ),
        Provenance::Neutral => (
            "neutral",
            lang.pick("基准", "baseline"),
            lang.pick(
                "中性设定:不改变基准路径",
                "neutral setting: no change from the baseline",
            )
            .to_owned(),
        ),
    }
}
