//! CSV for spreadsheets and slide decks (`docs/EMBED.md`, "Exports"): every series' mean and
//! percentiles by year, and the targets table (with A, B and Δ when A is pinned).
//!
//! UTF-8 with a byte-order mark, so that spreadsheet programs open the Chinese correctly;
//! numbers unformatted (shortest round-trip decimal, a dot, no grouping) in the units shown on
//! the page; `#` rows above the table name the scenario's link, the model version, the run,
//! every parameter in force and the units, so that a file found later still says what it holds.

use crate::charts::{display_scale, series_title};
use crate::engine::compare::TargetDifference;
use crate::engine::joint::wilson_interval;
use crate::engine::Summary;
use crate::i18n::Lang;
use crate::link::MODEL_VERSION;
use crate::plan::{SeriesId, SeriesKind};
use crate::scenario::targets::Wordings;
use crate::scenario::Scenario;
use crate::text::rules::rule_text;

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// What the `#` rows say about the run besides its numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvContext<'a> {
    /// The link that reproduces the run (a whole URL in the page, a fragment in the CLI).
    pub link: &'a str,
    pub lang: Lang,
    /// When the file was made (ISO date), if known.
    pub exported: Option<&'a str>,
    /// The scenario of the run: every parameter in force goes into the `#` rows.
    pub scenario: &'a Scenario,
    /// The wording of its targets of one's own, where the user gave one.
    pub wordings: &'a Wordings,
}

/// One field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn number(value: f64) -> String {
    format!("{value}")
}

/// The unit of a series' values as shown (and exported).
pub fn series_unit(id: SeriesId, lang: Lang) -> &'static str {
    match id.kind() {
        SeriesKind::Money => lang.pick("亿元(2020 年不变价)", "100 million yuan (2020 prices)"),
        SeriesKind::Index => lang.pick("指数(2020 = 100)", "index (2020 = 100)"),
        SeriesKind::PerCapita => lang.pick("万元", "10,000 yuan"),
        SeriesKind::Count => lang.pick("家", "enterprises"),
        SeriesKind::Share => "%",
    }
}

fn preamble(out: &mut String, summary: &Summary, context: &CsvContext, what: &str) {
    out.push(BOM);
    let lang = context.lang;
    let mut meta = |key: &str, value: String| row(out, &[format!("# {key}"), value]);
    meta(
        lang.pick(
            "台江区“十四五”规划情景模拟",
            "Taijiang 14th Five-Year Plan simulator",
        ),
        what.to_owned(),
    );
    meta("link", context.link.to_owned());
    meta("model", MODEL_VERSION.to_string());
    meta("paths", summary.paths.to_string());
    meta("seed", summary.seed.to_string());
    meta("horizon", summary.horizon_year.to_string());
    meta("fingerprint", format!("{:016x}", summary.fingerprint()));
    if let Some(date) = context.exported {
        meta("exported", date.to_owned());
    }
    // Every parameter in force: `# parameter, key, value, unit, tag`.
    for p in super::parameters_in_force(context.scenario) {
        let value = p.choice.map_or_else(|| number(p.value), str::to_owned);
        row(
            out,
            &[
                "# parameter".to_owned(),
                p.key.to_owned(),
                value,
                p.unit.to_owned(),
                p.tag.to_owned(),
            ],
        );
    }
    // Every observed value: `# observed, series, year, value, unit, used` (used: whether the
    // run is conditioned on it; a value after a gap or past the horizon is kept but not used).
    let scenario = context.scenario;
    let horizon = scenario.horizon_year();
    for (series, year, value) in scenario.observed().iter() {
        let used = scenario.observed().is_used(series, year, horizon);
        row(
            out,
            &[
                "# observed".to_owned(),
                series.key().to_owned(),
                year.to_string(),
                number(value),
                series.unit_en().to_owned(),
                if used { "used" } else { "not used" }.to_owned(),
            ],
        );
    }
}

/// The statistics by year of `series` (every series when empty), one row per series and year:
/// `series, name, unit, year, mean, p5, p25, p50, p75, p95`.
pub fn series_csv(summary: &Summary, series: &[SeriesId], context: &CsvContext) -> String {
    let lang = context.lang;
    let chosen: Vec<SeriesId> = if series.is_empty() {
        SeriesId::ALL.to_vec()
    } else {
        series.to_vec()
    };
    let mut out = String::new();
    preamble(
        &mut out,
        summary,
        context,
        lang.pick("各指标逐年统计", "statistics by year"),
    );
    let header = [
        "series", "name", "unit", "year", "mean", "p5", "p25", "p50", "p75", "p95",
    ];
    row(&mut out, &header.map(String::from));
    for id in chosen {
        let scale = display_scale(id);
        for stats in &summary.series(id).years {
            let mut fields = vec![
                id.key().to_owned(),
                series_title(id, lang).to_owned(),
                series_unit(id, lang).to_owned(),
                stats.year.to_string(),
                stats
                    .mean
                    .map_or_else(String::new, |mean| number(mean * scale)),
            ];
            fields.extend(stats.percentiles.iter().map(|p| number(p * scale)));
            row(&mut out, &fields);
        }
    }
    out
}

/// The targets table: each target's chance, its standard error and 95 % Wilson interval, with
/// the rule and the threshold in force; with `differences`, A's and B's chances, Δ = B − A and
/// Δ's standard error as well. Chances are fractions (0.62, not 62 %).
pub fn targets_csv(
    summary: &Summary,
    differences: Option<&[TargetDifference]>,
    context: &CsvContext,
) -> String {
    let lang = context.lang;
    let mut out = String::new();
    preamble(&mut out, summary, context, lang.pick("目标表", "targets"));
    let mut header = vec![
        "target",
        "wording",
        "rule",
        "threshold",
        "unit",
        "probability",
        "stderr",
        "wilson95_low",
        "wilson95_high",
    ];
    if differences.is_some() {
        header.extend([
            "probability_a",
            "probability_b",
            "delta",
            "delta_stderr",
            "change",
        ]);
    }
    let header: Vec<String> = header.into_iter().map(String::from).collect();
    row(&mut out, &header);
    for result in &summary.targets {
        let id = result.id;
        let series = id.series();
        let (low, high) = wilson_interval(result.met, summary.paths);
        let mut fields = vec![
            id.key().to_owned(),
            lang.pick(id.wording_zh(), id.wording_en()).to_owned(),
            rule_text(result, context.scenario, lang),
            result
                .threshold
                .map(|t| number(t * display_scale(series)))
                .unwrap_or_default(),
            series_unit(series, lang).to_owned(),
            number(result.probability),
            number(result.std_error),
            number(low),
            number(high),
        ];
        if let Some(all) = differences {
            match all.iter().find(|d| d.id == id) {
                Some(d) => fields.extend([
                    number(d.probability_a),
                    number(d.probability_b),
                    number(d.delta),
                    number(d.std_error),
                    format!("{:?}", d.change()).to_lowercase(),
                ]),
                None => fields.extend(std::iter::repeat_n(String::new(), 5)),
            }
        }
        row(&mut out, &fields);
    }
    // The targets of one's own, after the plan's, their keys marked `own:`.
    for (target, result) in context.scenario.targets().iter().zip(&summary.user_targets) {
        let (low, high) = wilson_interval(result.met, summary.paths);
        let mut fields = vec![
            format!("own:{}", target.name()),
            context
                .wordings
                .get(target.name())
                .unwrap_or_default()
                .to_owned(),
            crate::text::targets::rule_text(target, lang),
            number(target.threshold()),
            crate::text::targets::threshold_unit(target, lang).to_owned(),
            number(result.probability),
            number(result.std_error),
            number(low),
            number(high),
        ];
        if differences.is_some() {
            fields.extend(std::iter::repeat_n(String::new(), 5));
        }
        row(&mut out, &fields);
    }
    // The joint outputs, as the page's "targets together" shows them.
    let joint = summary.joint();
    let (all_met, all_met_se) = joint.all_met();
    let (expected, expected_se) = joint.expected_met();
    row(
        &mut out,
        &[
            "all_met".into(),
            lang.pick("全部目标同时实现", "every target met together")
                .into(),
            String::new(),
            String::new(),
            String::new(),
            number(all_met),
            number(all_met_se),
        ],
    );
    row(
        &mut out,
        &[
            "expected_met".into(),
            lang.pick(
                "预计实现的目标数(个,非概率)",
                "expected number of targets met (a count, not a chance)",
            )
            .into(),
            String::new(),
            String::new(),
            String::new(),
            number(expected),
            number(expected_se),
        ],
    );
    out
}
