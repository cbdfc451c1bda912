//! What an exported chart, file or printed sheet says about itself: the scenario in one line,
//! the model version, the date and the link, so that a chart pasted into a slide still says
//! what it shows.

use super::param_value;
use crate::format;
use crate::i18n::Lang;
use crate::link::{Labelled, MODEL_VERSION};
use crate::scenario::{Param, PARAMS};

/// A scenario in one line, for captions, exported files and the embed's summary: its preset
/// (or the plan's), every parameter that differs from the preset's values, and the run.
pub fn scenario_line(labelled: &Labelled, lang: Lang) -> String {
    let scenario = &labelled.scenario;
    let reference = crate::preset::preset_scenario(labelled.preset, scenario);
    let name = labelled
        .preset
        .map_or(lang.pick("规划情景", "the plan's scenario"), |preset| {
            preset.label(lang)
        });
    let changed: Vec<String> = PARAMS
        .iter()
        .filter(|spec| !matches!(spec.param, Param::Paths | Param::Seed | Param::Horizon))
        .filter(|spec| scenario.get(spec.param) != reference.get(spec.param))
        .map(|spec| {
            let label = lang.pick(spec.label_zh, spec.label_en);
            format!(
                "{label} {}",
                param_value(spec, scenario.get(spec.param), lang)
            )
        })
        .collect();
    let run = match lang {
        Lang::Zh => format!(
            "{} 条路径,随机种子 {},至 {} 年",
            format::grouped(f64::from(scenario.paths()), 0),
            scenario.seed(),
            scenario.horizon_year()
        ),
        Lang::En => format!(
            "{} paths, seed {}, to {}",
            format::grouped(f64::from(scenario.paths()), 0),
            scenario.seed(),
            scenario.horizon_year()
        ),
    };
    let separator = lang.pick(";", "; ");
    if changed.is_empty() {
        format!("{name}{separator}{run}")
    } else {
        let joiner = lang.pick(",", ", ");
        format!("{name}{separator}{}{separator}{run}", changed.join(joiner))
    }
}

/// The caption under an exported chart: the scenario, then the model version and the date,
/// then the link.
pub fn chart_caption(labelled: &Labelled, lang: Lang, date: &str, link: &str) -> Vec<String> {
    let source = match lang {
        Lang::Zh => format!("台江区“十四五”规划情景模拟 · 模型第 {MODEL_VERSION} 版 · {date}"),
        Lang::En => {
            format!("Taijiang 14th Five-Year Plan simulator · model v{MODEL_VERSION} · {date}")
        }
    };
    vec![scenario_line(labelled, lang), source, link.to_owned()]
}

/// The provenance note in a few words, for the foot of a 320-pixel frame (the whole note in its
/// title).
pub fn provenance_short(lang: Lang) -> &'static str {
    lang.pick("来源:规划原文", "Source: the plan")
}

/// The provenance note of an embedded piece or a printed sheet, in one or two sentences.
pub fn provenance_note(lang: Lang, paths: u32) -> String {
    let paths = format::grouped(f64::from(paths), 0);
    match lang {
        Lang::Zh => format!(
            "目标与基数来自《台江区“十四五”规划》原文;概率为 {paths} 条模拟路径的结果(模型第 {MODEL_VERSION} 版),± 为模拟本身的误差范围。未写入规划的设定均为可修改的假设,见完整模拟器。"
        ),
        Lang::En => format!(
            "Targets and base values are from the Taijiang 14th Five-Year Plan; chances are from {paths} simulated paths (model v{MODEL_VERSION}), ± the margin the simulation itself allows. Everything not in the plan is an editable assumption, shown in the full simulator."
        ),
    }
}
