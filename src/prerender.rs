//! The first screen of the default scenario, written into the built page (`index.html`) before
//! any WebAssembly loads: the default scenario's result is fixed (same link, same bits), so the
//! build computes it natively and a reader sees its numbers at once. The app takes over when its
//! first run is ready (`ui::page::app` removes this). Both languages are written; a small script
//! in the page shows the reader's, and for a link to another scenario keeps the layout with its
//! numbers hidden ("loading"), never the default's numbers for another scenario.
//!
//! The markup uses the page's own classes (the same layout, no jump when the app takes over) and
//! the same words (`text/`), so that what is prerendered is what the app shows. Its numbers are
//! marked `data-pre-…`, not with the app's attributes: nothing reading the app's can mistake them.

use crate::charts::{fan_chart_for, AnyChart};
use crate::engine::{self, Summary};
use crate::export::{chart_svg, escape_attribute};
use crate::format;
use crate::i18n::Lang;
use crate::plan::{Chapter, Provenance, SeriesId};
use crate::scenario::Scenario;
use crate::text::chance::{needs_interval, probability_with_uncertainty};
use crate::text::compare::headline;
use crate::text::labels::Label;
use crate::text::outlook::{lever_pending, outlook};
use crate::text::rules::rule_text;
use crate::text::{self, likelihood_band, notes, results};

/// The fan charts drawn into the first screen, as the page's first two.
const FIRST_CHARTS: [SeriesId; 2] = [SeriesId::Gdp, SeriesId::IncomeIndex];
/// Their size in the SVG's own units (scaled to the column by CSS).
const CHART_SIZE: (u32, u32) = (440, 300);

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
fn escape(text: &str) -> String {
    escape_attribute(text)
}

/// The prerendered first screen of the default scenario in both languages (the Chinese shown,
/// the English hidden until the page's script picks it), with the run's fingerprint.
pub fn first_screen() -> String {
    let scenario = Scenario::default();
    let summary = engine::run(&scenario);
    let fingerprint = format!("{:016x}", summary.fingerprint());
    let zh = language(&summary, &scenario, Lang::Zh);
    let en = language(&summary, &scenario, Lang::En);
    format!(
        "<div id=\"prerender\" data-prerender=\"{fingerprint}\">\n\
         <div data-prerender-lang=\"zh\" lang=\"zh-CN\">{zh}</div>\n\
         <div data-prerender-lang=\"en\" lang=\"en\" hidden>{en}</div>\n\
         </div>"
    )
}

/// The first screen in one language: the page's header, an empty controls column (its width,
/// so that the results sit where the app puts them), the headline, the outlook, the compare and
/// export bars (their buttons disabled until the app runs; where the app says what A is, this
/// says that the simulator is loading), targets met together, the table and the first fan
/// charts. Every element above the fold is the app's, of the same size, so that nothing moves
/// when the app takes over.
fn language(summary: &Summary, scenario: &Scenario, lang: Lang) -> String {
    let title = escape(text::page_title(lang));
    let loading = escape(Label::PrerenderLoading.text(lang));
    let other = escape(Label::PrerenderOther.text(lang));
    let headline = escape(&headline(summary, lang));
    let outlook = escape(&outlook(summary, None, lang));
    let exports: String = [
        Label::CopyLink,
        Label::EmbedButton,
        Label::CsvByYear,
        Label::CsvTargets,
        Label::PrintBriefing,
    ]
    .iter()
    .map(|label| {
        format!(
            "<button class=\"small-button\" disabled>{}</button>",
            escape(label.text(lang))
        )
    })
    .collect();
    format!(
        "<main class=\"prerendered\">\
         <header class=\"page-header\"><h1>{title}</h1>\
         <button class=\"lang-toggle\" disabled>{switch}</button></header>\
         <div class=\"layout\">\
         <section class=\"controls prerender-controls\" aria-hidden=\"true\"></section>\
         <section class=\"results\">\
         <h2 class=\"sr-only\">{results}</h2>\
         <p class=\"headline\">{headline}</p>\
         <p class=\"outlook\">{outlook}<span class=\"outlook-pending\">{pending}</span></p>\
         <div class=\"compare-bar\"><button class=\"pin\" disabled>{pin}</button>\
         <span class=\"compare-note prerender-note\" role=\"status\"><span class=\"note-default\">{loading}</span>\
         <span class=\"note-other\">{other}</span></span></div>\
         <div class=\"export-bar\">{exports}</div>\
         {together}{table}\
         <div class=\"charts\">{charts}</div>\
         </section></div></main>",
        switch = escape(Label::SwitchLanguage.text(lang)),
        pin = escape(Label::PinAsA.text(lang)),
        // As the app shows it until its levers' analysis comes: nothing moves at the takeover.
        pending = escape(lever_pending(lang)),
        results = escape(Label::Results.text(lang)),
        together = together(summary, lang),
        table = table(summary, scenario, lang),
        charts = charts(summary, scenario, lang),
    )
}

fn together(summary: &Summary, lang: Lang) -> String {
    let joint = summary.joint();
    let shares = joint.distribution();
    let tallest = shares.iter().copied().fold(0.0, f64::max).max(1e-9);
    let bars: String = shares
        .iter()
        .enumerate()
        .map(|(k, &share)| {
            format!(
                "<li class=\"together-bar\" data-pre-met-count=\"{k}\" data-pre-share=\"{}\">\
                 <span class=\"bar-area\"><span class=\"bar\" style=\"height: {:.1}%\"></span></span>\
                 <span class=\"bar-k\" aria-hidden=\"true\">{k}</span></li>",
                format::four_decimals(share),
                100.0 * share / tallest
            )
        })
        .collect();
    format!(
        "<section class=\"together\"><h3>{}</h3><div class=\"together-body\">\
         <ol class=\"together-bars\">{bars}</ol><dl class=\"together-numbers\">\
         <dt>{}</dt><dd data-pre-together=\"all\">{}</dd><dt>{}</dt><dd data-pre-together=\"expected\">{}</dd>\
         </dl></div><p class=\"together-note\">{}</p></section>",
        escape(Label::TogetherTitle.text(lang)),
        escape(Label::AllTenMet.text(lang)),
        escape(&results::all_met(&joint, lang)),
        escape(Label::ExpectedMet.text(lang)),
        escape(&results::expected_met(&joint)),
        escape(Label::TogetherNote.text(lang)),
    )
}

fn table(summary: &Summary, scenario: &Scenario, lang: Lang) -> String {
    let groups: String = Chapter::ALL
        .iter()
        .map(|&chapter| {
            let rows: String = summary
                .targets
                .iter()
                .filter(|result| result.id.chapter() == chapter)
                .map(|result| {
                    let id = result.id;
                    let band = likelihood_band(result.probability);
                    let wording = match lang {
                        Lang::Zh => id.wording_zh(),
                        Lang::En => id.wording_en(),
                    };
                    // The row's badge and buttons as the app draws them (the buttons disabled
                    // until it runs), and the note on a base worked back from the target.
                    let (kind, badge, _) =
                        text::describe(Provenance::Plan { line: id.plan_line() }, lang);
                    let controls = format!(
                        "<span class=\"target-controls\"><span class=\"prov prov-{kind}\">{}</span>\
                         <button class=\"link-button\" disabled>{}</button>\
                         <button class=\"link-button\" disabled>{}</button></span>",
                        escape(badge),
                        escape(Label::PlanText.text(lang)),
                        escape(Label::Distribution.text(lang)),
                    );
                    let worked_back = if notes::is_worked_back(id, scenario) {
                        format!(
                            "<span class=\"worked-back\">{}</span>",
                            escape(notes::worked_back_note(lang))
                        )
                    } else {
                        String::new()
                    };
                    // The chance as the app's table sets it: its range where "± 0.0 %" would
                    // claim certainty, else the share in bold and its margin beside it.
                    let chance = if needs_interval(result, summary.paths) {
                        format!(
                            "<strong>{}</strong>",
                            escape(&probability_with_uncertainty(result, summary.paths, lang))
                        )
                    } else {
                        format!(
                            "<strong>{}</strong><span class=\"stderr\">{}</span>",
                            escape(&format::percent(result.probability)),
                            escape(&results::plus_minus(result.std_error))
                        )
                    };
                    format!(
                        "<tr data-pre-target=\"{}\" data-pre-probability=\"{}\" data-pre-stderr=\"{}\">\
                         <th scope=\"row\"><span class=\"target-wording\">{}</span>{controls}</th>\
                         <td class=\"rule\">{}{worked_back}</td>\
                         <td class=\"probability\">{chance}</td>\
                         <td class=\"band band-{}\"><span aria-hidden=\"true\" class=\"band-mark\">{}</span>{}</td></tr>",
                        id.key(),
                        format::four_decimals(result.probability),
                        format::four_decimals(result.std_error),
                        escape(wording),
                        escape(&rule_text(result, scenario, lang)),
                        band.key(),
                        band.mark(),
                        escape(band.label(lang)),
                    )
                })
                .collect();
            format!(
                "<tbody data-chapter=\"{chapter:?}\"><tr class=\"chapter\"><th colspan=\"4\" scope=\"rowgroup\">{}</th></tr>{rows}</tbody>",
                escape(results::chapter_title(chapter, lang))
            )
        })
        .collect();
    format!(
        "<table class=\"targets\"><caption>{}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         </tr></thead>{groups}</table>",
        escape(&text::targets_caption(lang, summary.paths)),
        escape(Label::TargetColumn.text(lang)),
        escape(Label::RuleColumn.text(lang)),
        escape(Label::ChanceColumn.text(lang)),
        escape(Label::VerdictColumn.text(lang)),
    )
}

fn charts(summary: &Summary, scenario: &Scenario, lang: Lang) -> String {
    FIRST_CHARTS
        .iter()
        .map(|&series| {
            let chart = AnyChart::Fan(Box::new(fan_chart_for(summary, scenario, series, lang)));
            let svg = chart_svg(&chart, &[], CHART_SIZE);
            // Scaled to its column by CSS, as the canvas is.
            let svg = svg.replacen("<svg ", "<svg class=\"prerender-chart\" ", 1);
            format!(
                "<figure class=\"chart\" data-series=\"{}\"><div class=\"chart-area\">{svg}</div></figure>",
                series.key()
            )
        })
        .collect()
}
