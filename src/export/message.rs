//! The messages between an embedded piece and the page around it (`docs/EMBED.md`): out, the
//! result whenever what is shown changes and the height the piece needs; in, a link to show.
//! Versioned, plain JSON; built and checked here so that the shapes are tested natively, and
//! `ui/host_messages.rs` only posts and listens.

use crate::engine::compare::TargetDifference;
use crate::engine::Summary;
use crate::link::{Link, MODEL_VERSION};
use crate::scenario::PARAMS;
use crate::text::rules::rule_text;
use serde_json::{json, Map, Value};

/// The version of the message schema; a change that a host could notice bumps it.
pub const MESSAGE_VERSION: u32 = 1;
pub const RESULT: &str = "taijiang-sim:result";
pub const SIZE: &str = "taijiang-sim:size";
pub const SET: &str = "taijiang-sim:set";
/// The longest link a `set` message may carry (a written link is a few hundred characters).
pub const MAX_LINK_CHARS: usize = 16_384;

/// The result of the run shown: the scenario (its link and every value), the precision, each
/// target's chance with its standard error and rule, the joint outputs, when compared each
/// target's Δ, and the outlook paragraph the page shows.
pub fn result_message(
    summary: &Summary,
    link: &Link,
    precision: &str,
    differences: Option<&[TargetDifference]>,
    outlook: Option<&str>,
) -> Value {
    let values: Map<String, Value> = PARAMS
        .iter()
        .map(|spec| {
            (
                spec.key.to_owned(),
                json!(link.current.scenario.get(spec.param)),
            )
        })
        .collect();
    let targets: Map<String, Value> = summary
        .targets
        .iter()
        .map(|result| {
            let mut target = json!({
                "p": result.probability,
                "stderr": result.std_error,
                "met_rule": rule_text(result, &link.current.scenario, link.lang),
            });
            if let Some(d) = differences.and_then(|all| all.iter().find(|d| d.id == result.id)) {
                target["p_a"] = json!(d.probability_a);
                target["delta"] = json!(d.delta);
                target["delta_stderr"] = json!(d.std_error);
            }
            (result.id.key().to_owned(), target)
        })
        .collect();
    // The targets of one's own, by name, marked as the user's.
    let own: Map<String, Value> = link
        .current
        .scenario
        .targets()
        .iter()
        .zip(&summary.user_targets)
        .map(|(target, result)| {
            (
                target.name().to_owned(),
                json!({
                    "p": result.probability,
                    "stderr": result.std_error,
                    "met_rule": crate::text::targets::rule_text(target, link.lang),
                    "user": true,
                }),
            )
        })
        .collect();
    let joint = summary.joint();
    let (all_met, all_met_stderr) = joint.all_met();
    let (expected_met, expected_met_stderr) = joint.expected_met();
    json!({
        "type": RESULT,
        "version": MESSAGE_VERSION,
        "model": MODEL_VERSION,
        "scenario": {
            "link": format!("#{}", crate::link::write(link)),
            "preset": link.current.preset.map(|p| p.key()),
            "values": values,
            "pinned": link.pinned.is_some(),
        },
        "precision": precision,
        "paths": summary.paths,
        "fingerprint": format!("{:016x}", summary.fingerprint()),
        "targets": targets,
        "user_targets": own,
        "all_met": {"p": all_met, "stderr": all_met_stderr},
        "expected_met": {"value": expected_met, "stderr": expected_met_stderr},
        "outlook": outlook,
    })
}

/// The height the embedded piece needs, in CSS pixels, so that the host can fit its iframe.
pub fn size_message(height: u32) -> Value {
    json!({"type": SIZE, "version": MESSAGE_VERSION, "height": height})
}

/// A message from the host that the piece acts on.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// Show the scenario of this link (read as the address bar's would be).
    Set { link: String },
}

/// Why an incoming message was ignored (said on the console, never on screen).
#[derive(Clone, Debug, PartialEq)]
pub enum Ignored {
    /// Not an object with a string `type`: someone else's message, not ours.
    NotOurs,
    /// Ours by its prefix, but a type this version does not know.
    UnknownType(String),
    /// A known type with a field missing or of the wrong kind.
    Malformed(&'static str),
}

/// Reads a message posted to the piece (already a JSON value; the page converts with
/// `JSON.stringify`, so functions and cycles never reach here).
pub fn read_incoming(message: &Value) -> Result<Incoming, Ignored> {
    let kind = message
        .get("type")
        .and_then(Value::as_str)
        .ok_or(Ignored::NotOurs)?;
    if !kind.starts_with("taijiang-sim:") {
        return Err(Ignored::NotOurs);
    }
    if kind != SET {
        return Err(Ignored::UnknownType(kind.chars().take(64).collect()));
    }
    let link = message
        .get("link")
        .and_then(Value::as_str)
        .ok_or(Ignored::Malformed("“link” must be a string"))?;
    if link.chars().count() > MAX_LINK_CHARS {
        return Err(Ignored::Malformed("“link” is too long"));
    }
    Ok(Incoming::Set {
        link: link.to_owned(),
    })
}
