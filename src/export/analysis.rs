//! The decisions' results as JSON, for the CLI (`--tornado`, `--goal-seek`) and for anyone who
//! wants the page's numbers in a program (`docs/MODEL.md`, "Decisions").

use crate::analysis::goal_seek::{Monotone, Outcome, SeekResult};
use crate::analysis::tornado::{Bar, Side};
use crate::analysis::Measure;
use serde_json::{json, Value};

fn side(side: &Option<Side>, measure: Measure) -> Value {
    match side
        .as_ref()
        .and_then(|s| s.change(measure).map(|c| (s.value, c)))
    {
        Some((value, change)) => json!({
            "value": value,
            "measure": change.value,
            "delta": change.delta,
            "stderr": change.std_error,
        }),
        None => Value::Null,
    }
}

/// The bars, largest first: each parameter, whether it is a lever, and each side's value, the
/// measure there, Δ and its paired standard error (`null` where the parameter is at its limit).
pub fn tornado_json(bars: &[Bar], measure: Measure) -> Value {
    let bars: Vec<Value> = bars
        .iter()
        .map(|bar| {
            json!({
                "param": bar.param.spec().key,
                "lever": bar.is_lever,
                "down": side(&bar.down, measure),
                "up": side(&bar.up, measure),
            })
        })
        .collect();
    json!({ "measure": measure.key(), "bars": bars })
}

/// A goal-seek's result: `outcome` is `already_met`, `found` or `not_reachable`.
pub fn goal_seek_json(result: &SeekResult) -> Value {
    let goal = result.goal;
    let mut value = json!({
        "measure": goal.measure.key(),
        "required": goal.required,
        "lever": goal.param.spec().key,
        "current": result.current,
        "monotone": match result.monotone {
            Monotone::Increasing => "increasing",
            Monotone::Decreasing => "decreasing",
            Monotone::NotGuaranteed => "not_guaranteed",
        },
        "runs": result.runs,
    });
    let fields = match &result.outcome {
        Outcome::AlreadyMet { value, reached } => {
            json!({"outcome": "already_met", "value": value, "reached": reached})
        }
        Outcome::Found {
            value,
            change,
            short,
        } => json!({
            "outcome": "found",
            "value": value,
            "reached": change.value,
            "reached_stderr": change.std_error,
            "short_value": short.0,
            "short_reached": short.1,
        }),
        Outcome::NotReachable { best_value, best } => {
            json!({"outcome": "not_reachable", "best_value": best_value, "best": best})
        }
    };
    if let (Some(into), Some(from)) = (value.as_object_mut(), fields.as_object()) {
        into.extend(from.clone());
    }
    value
}
