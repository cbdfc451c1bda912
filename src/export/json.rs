//! The whole summary of a run as JSON: every parameter in force, every series' statistics by
//! year and its histograms, every target with its interval, the joint outputs, the model
//! version, the link and the fingerprint (`docs/MODEL.md`, "The CLI's JSON").

use crate::engine::joint::wilson_interval;
use crate::engine::Summary;
use crate::link::MODEL_VERSION;
use crate::scenario::Scenario;
use serde_json::{json, Value};

/// `link` is the fragment that reproduces the run of `scenario`.
pub fn summary_json(summary: &Summary, scenario: &Scenario, link: &str) -> Value {
    let parameters: Vec<Value> = super::parameters_in_force(scenario)
        .into_iter()
        .map(|p| {
            let value = p.choice.map_or_else(|| json!(p.value), |name| json!(name));
            json!({ "key": p.key, "value": value, "unit": p.unit, "tag": p.tag })
        })
        .collect();
    let series: Vec<Value> = summary
        .series
        .iter()
        .map(|series| {
            let years: Vec<Value> = series
                .years
                .iter()
                .map(|y| {
                    json!({
                        "year": y.year,
                        "mean": y.mean,
                        "p5": y.percentiles[0],
                        "p25": y.percentiles[1],
                        "p50": y.percentiles[2],
                        "p75": y.percentiles[3],
                        "p95": y.percentiles[4],
                    })
                })
                .collect();
            let histograms: Vec<Value> = series
                .histograms
                .iter()
                .map(|h| json!({ "year": h.year, "min": h.min, "max": h.max, "counts": h.counts }))
                .collect();
            json!({ "id": series.id.key(), "years": years, "histograms": histograms })
        })
        .collect();
    let targets: Vec<Value> = summary
        .targets
        .iter()
        .map(|t| {
            let (low, high) = wilson_interval(t.met, summary.paths);
            json!({
                "id": t.id.key(),
                "probability": t.probability,
                "stderr": t.std_error,
                "met": t.met,
                "threshold": t.threshold,
                "wilson_95": [low, high],
            })
        })
        .collect();
    // The targets of one's own, marked as the user's, in the scenario's order.
    let user_targets: Vec<Value> = scenario
        .targets()
        .iter()
        .zip(&summary.user_targets)
        .map(|(target, result)| {
            let (low, high) = wilson_interval(result.met, summary.paths);
            let (first, last) = target.years();
            json!({
                "name": target.name(),
                "user": true,
                "series": target.series().key(),
                "rule": target.rule().key(),
                "years": [first, last],
                "threshold": target.threshold(),
                "probability": result.probability,
                "stderr": result.std_error,
                "met": result.met,
                "wilson_95": [low, high],
            })
        })
        .collect();
    let own_joint = summary.joint_of_own().map(|joint| {
        let (all_met, all_met_stderr) = joint.all_met();
        let (expected, expected_stderr) = joint.expected_met();
        json!({
            "distribution": joint.distribution(),
            "all_met": all_met,
            "all_met_stderr": all_met_stderr,
            "expected_met": expected,
            "expected_met_stderr": expected_stderr,
        })
    });
    let horizon = scenario.horizon_year();
    let observed: Vec<Value> = scenario
        .observed()
        .iter()
        .map(|(series, year, value)| {
            json!({
                "series": series.key(),
                "year": year,
                "value": value,
                "unit": series.unit_en(),
                "used": scenario.observed().is_used(series, year, horizon),
            })
        })
        .collect();
    let joint = summary.joint();
    let (all_met, all_met_stderr) = joint.all_met();
    let (expected, expected_stderr) = joint.expected_met();
    json!({
        "model": MODEL_VERSION,
        "link": format!("#{link}"),
        "fingerprint": format!("{:016x}", summary.fingerprint()),
        "paths": summary.paths,
        "seed": summary.seed,
        "horizon": summary.horizon_year,
        "floored_path_years": summary.floored_path_years,
        "scenario": parameters,
        "observed": observed,
        "observed_through": summary.observed_through,
        "user_targets": user_targets,
        "joint_own": own_joint,
        "series": series,
        "targets": targets,
        "joint": {
            "distribution": joint.distribution(),
            "all_met": all_met,
            "all_met_stderr": all_met_stderr,
            "expected_met": expected,
            "expected_met_stderr": expected_stderr,
        },
    })
}
