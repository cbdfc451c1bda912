//! The one reader and writer of links: everything a URL fragment can hold (the scenario's keys,
//! the pinned scenario A under `a.`, `preset`, `lang`, `target`, the piece shown alone `embed`,
//! the model version `v` and the checksum `ck`). The page, the CLI and the tests all go through [`parse`] and [`write`].
//!
//! A written link holds only what differs from the defaults of its model version, starts with
//! `v=` and ends with `ck=`, a checksum of everything before it: a link cut off in transit (a
//! chat app that breaks it at a line end) lacks its checksum or fails it, and the notice says
//! so. A scenario from an older model version, or from a link that does not say its version
//! (written by hand, or by a build before versions), is read as it is, with a notice that its
//! numbers may differ. A key given twice takes its last value, and the notice names the value
//! used.
//!
//! Percent-decoding and `+` for space follow `application/x-www-form-urlencoded`
//! (`form_urlencoded`), and invalid UTF-8 is replaced, so reading never fails.

use crate::embed::EmbedPiece;
use crate::i18n::Lang;
use crate::plan::TargetId;
use crate::preset::PresetId;
use crate::scenario::{Param, Scenario, PARAMS};

mod issue;
mod observed;
mod targets;

use issue::cap;
pub use issue::LinkIssue;
pub use observed::OBSERVED_PREFIX;
pub use targets::TARGET_PREFIX;

/// The model version this build computes; written as `v=` into every link.
pub const MODEL_VERSION: u32 = 3;
/// The link's own keys, beside the parameters' (`PARAMS`): each is read by [`parse`] and
/// written by [`write`] under this one name.
pub mod key {
    /// The model version.
    pub const VERSION: &str = "v";
    /// The preset the scenario started from.
    pub const PRESET: &str = "preset";
    /// The pinned scenario A's preset (or `custom`).
    pub const PINNED: &str = "a";
    /// The target looked at.
    pub const TARGET: &str = "target";
    /// The page's language.
    pub const LANG: &str = "lang";
    /// The piece shown alone.
    pub const EMBED: &str = "embed";
    /// The checksum of everything before it.
    pub const CHECKSUM: &str = "ck";
    /// Every one of them.
    pub const ALL: [&str; 7] = [VERSION, PRESET, PINNED, TARGET, LANG, EMBED, CHECKSUM];
}

/// The prefix of the pinned scenario A's keys (`a.gdp=6`); `a=<preset>` alone pins A.
pub const A_PREFIX: &str = "a.";
/// `a=` names A's preset, or this when A follows no preset.
pub const CUSTOM: &str = "custom";
/// The most notices one link can give: a 10 kB fragment of junk must not fill the screen.
pub const MAX_ISSUES: usize = 12;

/// A scenario with the preset it started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Labelled {
    pub scenario: Scenario,
    /// The preset chosen, if any; `Some(Plan)` and `None` both mean the defaults.
    pub preset: Option<PresetId>,
}

impl Labelled {
    pub fn plain(scenario: Scenario) -> Labelled {
        Labelled {
            scenario,
            preset: None,
        }
    }

    /// Whether the scenario has been changed since its preset was chosen (run settings aside).
    pub fn is_modified(&self) -> bool {
        self.scenario != crate::preset::preset_scenario(self.preset, &self.scenario)
    }
}

/// Everything a link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The scenario on screen (B when A is pinned).
    pub current: Labelled,
    /// The pinned scenario A, if any.
    pub pinned: Option<Labelled>,
    pub lang: Lang,
    /// The target the reader was looking at.
    pub target: TargetId,
    /// The piece shown alone, in an iframe (`embed=`); `None` for the full page.
    pub embed: Option<EmbedPiece>,
}

impl Default for Link {
    fn default() -> Self {
        Link {
            current: Labelled::plain(Scenario::default()),
            pinned: None,
            lang: Lang::Zh,
            target: TargetId::Gdp,
            embed: None,
        }
    }
}

impl Link {
    /// The same link for the full simulator, with the controls (what an embed's "open" link
    /// points at).
    pub fn full_page(&self) -> Link {
        Link {
            embed: None,
            ..self.clone()
        }
    }
}

/// The checksum of a link's pairs (decoded, in order, `ck` excluded): 6 hex digits of a 32-bit
/// FNV-1a hash. Computed on decoded text, so re-encoding by a mail client does not break it.
pub fn checksum<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut hash = 0x811c_9dc5_u32;
    let mut eat = |bytes: &[u8]| {
        for &byte in bytes {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    };
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            eat(b"&");
        }
        eat(key.as_bytes());
        eat(b"=");
        eat(value.as_bytes());
    }
    format!("{:06x}", hash & 0x00ff_ffff)
}

/// The decoded `key=value` pairs of a fragment (with or without its `#`), in order.
pub fn pairs(fragment: &str) -> Vec<(String, String)> {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    form_urlencoded::parse(body.as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect()
}

/// Reads a link. Never fails: what cannot be used keeps its default and is reported.
pub fn parse(fragment: &str) -> (Link, Vec<LinkIssue>) {
    let all = pairs(fragment);
    let mut issues = Vec::new();

    // The checksum covers every pair before it.
    let checksum_at = all.iter().rposition(|(name, _)| name == key::CHECKSUM);
    let versioned = all.iter().any(|(name, _)| name == key::VERSION);
    match checksum_at {
        Some(at) => {
            let expected = checksum(all[..at].iter().map(|(k, v)| (k.as_str(), v.as_str())));
            if all[at].1 != expected || at + 1 != all.len() {
                issues.push(LinkIssue::ChecksumMismatch);
            }
        }
        None if versioned => issues.push(LinkIssue::ChecksumMissing),
        None => {}
    }

    // The last value of each key wins.
    let mut last: Vec<(&str, &str)> = Vec::new();
    for (key, value) in &all {
        match last.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => last.push((key, value)),
        }
    }
    for (name, used) in &last {
        if all.iter().filter(|(k, _)| k == name).count() > 1 && *name != key::CHECKSUM {
            issues.push(LinkIssue::Duplicate {
                key: name.to_string(),
                used: used.to_string(),
            });
        }
    }
    let value_of = |name: &str| last.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);

    let mut link = Link::default();
    // A scenario from another model version may give other numbers: say so.
    let has_scenario = last.iter().any(|(name, _)| {
        *name == key::PRESET
            || *name == key::PINNED
            || name.starts_with(A_PREFIX)
            || name.starts_with(observed::OBSERVED_PREFIX)
            || name.starts_with(targets::TARGET_PREFIX)
            || Param::from_key(name).is_some()
    });
    match value_of(key::VERSION).map(|text| (text, text.trim().parse::<u32>())) {
        Some((text, Ok(v))) if v > MODEL_VERSION => {
            issues.push(LinkIssue::NewerVersion(text.to_string()))
        }
        Some((text, Ok(v))) if v < MODEL_VERSION => {
            issues.push(LinkIssue::OlderVersion(Some(text.to_string())))
        }
        Some((_, Ok(_))) => {}
        Some((text, Err(_))) => issues.push(unknown_name(key::VERSION, text)),
        None if has_scenario => issues.push(LinkIssue::OlderVersion(None)),
        None => {}
    }
    if let Some(text) = value_of(key::LANG) {
        match Lang::from_code(text) {
            Some(lang) => link.lang = lang,
            None => issues.push(unknown_name(key::LANG, text)),
        }
    }
    if let Some(text) = value_of(key::TARGET) {
        match TargetId::from_key(text) {
            Some(id) => link.target = id,
            None => issues.push(unknown_name(key::TARGET, text)),
        }
    }
    if let Some(text) = value_of(key::EMBED) {
        match EmbedPiece::from_key(text) {
            Some(piece) => link.embed = Some(piece),
            None => issues.push(unknown_name(key::EMBED, text)),
        }
    }
    link.current.preset = read_preset(value_of(key::PRESET), key::PRESET, &mut issues);
    let a_label = value_of(key::PINNED);
    let a_pinned = a_label.is_some() || last.iter().any(|(k, _)| k.starts_with(A_PREFIX));
    let a_preset = match a_label {
        Some(CUSTOM) => None,
        label => read_preset(label, key::PINNED, &mut issues),
    };
    let mut current = link
        .current
        .preset
        .map_or_else(Scenario::default, PresetId::scenario);
    let mut pinned = a_preset.map_or_else(Scenario::default, PresetId::scenario);

    for (whole, text) in &last {
        if key::ALL.contains(whole) {
            continue;
        }
        let (target, name) = match whole.strip_prefix(A_PREFIX) {
            Some(name) => (&mut pinned, name),
            None => (&mut current, *whole),
        };
        if let Some(outcome) = observed::read(name, text, target, whole) {
            issues.extend(outcome);
            continue;
        }
        if let Some(said) = targets::read(name, text, target, whole) {
            issues.extend(said);
            continue;
        }
        let Some(param) = Param::from_key(name) else {
            issues.push(LinkIssue::UnknownKey(whole.to_string()));
            continue;
        };
        match param
            .spec()
            .parse(text)
            .and_then(|value| target.with(param, value))
        {
            Ok(next) => *target = next,
            Err(error) => issues.push(LinkIssue::InvalidValue {
                key: whole.to_string(),
                text: text.to_string(),
                error,
                used: target.get(param),
            }),
        }
    }
    // What the run will not use of what was observed (a gap, past the horizon) is said once.
    issues.extend(
        current
            .observed()
            .unused(current.horizon_year())
            .into_iter()
            .map(LinkIssue::ObservationUnused),
    );
    link.current.scenario = current;
    link.pinned = a_pinned.then_some(Labelled {
        scenario: pinned,
        preset: a_preset,
    });
    (link, cap(issues))
}

fn unknown_name(key: &str, text: &str) -> LinkIssue {
    LinkIssue::UnknownName {
        key: key.to_string(),
        text: text.to_string(),
    }
}

fn read_preset(text: Option<&str>, key: &str, issues: &mut Vec<LinkIssue>) -> Option<PresetId> {
    let text = text?;
    let preset = PresetId::from_key(text);
    if preset.is_none() {
        issues.push(unknown_name(key, text));
    }
    preset
}

/// The keys of `labelled` that differ from the model version's defaults or that its preset names
/// (so that a key put back to its default after choosing a preset stays put), as `(key, value)`.
fn differences(labelled: &Labelled, prefix: &str) -> Vec<(String, String)> {
    let defaults = Scenario::default();
    let scenario = &labelled.scenario;
    let named = |param| {
        labelled
            .preset
            .is_some_and(|preset| preset.value(param).is_some())
    };
    PARAMS
        .iter()
        .filter(|spec| scenario.get(spec.param) != defaults.get(spec.param) || named(spec.param))
        .map(|spec| {
            (
                format!("{prefix}{}", spec.key),
                spec.write(scenario.get(spec.param)),
            )
        })
        .collect()
}

/// Writes a link: `v`, the preset, what differs from the defaults, A, the target, the
/// language, and the checksum last. [`parse`] gives back exactly `link`.
pub fn write(link: &Link) -> String {
    let mut pairs: Vec<(String, String)> = vec![(key::VERSION.into(), MODEL_VERSION.to_string())];
    if let Some(preset) = link.current.preset {
        pairs.push((key::PRESET.into(), preset.key().into()));
    }
    pairs.extend(differences(&link.current, ""));
    pairs.extend(observed::pairs(&link.current.scenario, ""));
    pairs.extend(targets::pairs(&link.current.scenario, ""));
    if let Some(pinned) = &link.pinned {
        let label = pinned.preset.map_or(CUSTOM, PresetId::key);
        pairs.push((key::PINNED.into(), label.into()));
        pairs.extend(differences(pinned, A_PREFIX));
        pairs.extend(observed::pairs(&pinned.scenario, A_PREFIX));
        pairs.extend(targets::pairs(&pinned.scenario, A_PREFIX));
    }
    if link.target != TargetId::Gdp {
        pairs.push((key::TARGET.into(), link.target.key().into()));
    }
    if link.lang != Lang::Zh {
        pairs.push((key::LANG.into(), link.lang.code().into()));
    }
    if let Some(piece) = link.embed {
        pairs.push((key::EMBED.into(), piece.key().into()));
    }
    let ck = checksum(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    pairs.push((key::CHECKSUM.into(), ck));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
