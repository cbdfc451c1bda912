//! Targets of the user's own (`docs/MODEL.md`, "Targets of your own"): a short name, a series,
//! a rule, a year or a span and a threshold in the series' unit, judged by the same rules as
//! the plan's. In a link: `t.<name>=<series>~<rule>~<year or first-last>~<threshold>`, for
//! example `t.g30=gdp~cagr_ge~2025-2030~6`; their wording travels in the scenario file.

use crate::plan::{SeriesId, BASE_YEAR, LAST_HORIZON_YEAR};
use serde::{Deserialize, Serialize};

/// At most this many targets of one's own in a scenario.
pub const MAX_USER_TARGETS: usize = 8;
/// A name's longest length, in characters (letters, digits, `_`).
pub const MAX_NAME_CHARS: usize = 16;

/// How a target of one's own is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserRule {
    /// The level in the year at least the threshold.
    LevelAtLeast,
    /// The level in the year at most the threshold.
    LevelAtMost,
    /// Compound growth from the first year to the last at least the threshold, %/yr.
    GrowthAtLeast,
    /// The level at least the threshold in every year of the span.
    HeldAtLeast,
    /// The level at most the threshold in every year of the span.
    HeldAtMost,
    /// The series' compound growth over the span lagging GDP's by at most the threshold, points
    /// (the plan's "in step" rule for income).
    LagBehindGdpAtMost,
}

impl UserRule {
    pub const ALL: [UserRule; 6] = [
        UserRule::LevelAtLeast,
        UserRule::LevelAtMost,
        UserRule::GrowthAtLeast,
        UserRule::HeldAtLeast,
        UserRule::HeldAtMost,
        UserRule::LagBehindGdpAtMost,
    ];

    /// Its key in links and files.
    pub fn key(self) -> &'static str {
        match self {
            UserRule::LevelAtLeast => "level_ge",
            UserRule::LevelAtMost => "level_le",
            UserRule::GrowthAtLeast => "cagr_ge",
            UserRule::HeldAtLeast => "held_ge",
            UserRule::HeldAtMost => "held_le",
            UserRule::LagBehindGdpAtMost => "lag_le",
        }
    }

    pub fn from_key(key: &str) -> Option<UserRule> {
        UserRule::ALL.into_iter().find(|rule| rule.key() == key)
    }

    /// Whether it is judged in one year (else over a span from its first year to its last).
    pub fn is_one_year(self) -> bool {
        matches!(self, UserRule::LevelAtLeast | UserRule::LevelAtMost)
    }

    /// Whether it compares growth over a span (its first year may be 2020, the base).
    pub fn is_growth(self) -> bool {
        matches!(self, UserRule::GrowthAtLeast | UserRule::LagBehindGdpAtMost)
    }

    /// Whether a higher value meets it.
    pub fn at_least(self) -> bool {
        matches!(
            self,
            UserRule::LevelAtLeast | UserRule::GrowthAtLeast | UserRule::HeldAtLeast
        )
    }
}

/// A target of the user's own, valid by construction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserTarget {
    name: String,
    series: SeriesId,
    rule: UserRule,
    first: i32,
    last: i32,
    threshold: f64,
}

/// Why a target was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetError {
    /// Not `series~rule~years~threshold`.
    Form,
    /// A name that is not 1 … 16 letters, digits or `_`.
    Name,
    UnknownSeries(String),
    UnknownRule(String),
    /// Years that are not a year, or a span, the rule can take within 2020 … 2035.
    Years {
        first: i32,
        last: i32,
    },
    /// A threshold that is not a finite number.
    Threshold,
    /// A rule on growth against GDP, for GDP itself.
    LagOfGdp,
    /// A ninth target.
    TooMany,
}

impl UserTarget {
    /// A target, checked: a name of letters, digits and `_`; years within 2021 … 2035 (a growth
    /// rule's first year may be 2020, the base; a span's last year after its first, or equal for
    /// a held rule); a finite threshold.
    pub fn new(
        name: &str,
        series: SeriesId,
        rule: UserRule,
        (first, last): (i32, i32),
        threshold: f64,
    ) -> Result<UserTarget, TargetError> {
        if !is_name(name) {
            return Err(TargetError::Name);
        }
        let earliest = if rule.is_growth() {
            BASE_YEAR
        } else {
            BASE_YEAR + 1
        };
        let span_ok = if rule.is_one_year() {
            first == last
        } else if rule.is_growth() {
            first < last
        } else {
            first <= last
        };
        if !(span_ok && first >= earliest && last <= LAST_HORIZON_YEAR) {
            return Err(TargetError::Years { first, last });
        }
        if !threshold.is_finite() {
            return Err(TargetError::Threshold);
        }
        if rule == UserRule::LagBehindGdpAtMost && series == SeriesId::Gdp {
            return Err(TargetError::LagOfGdp);
        }
        Ok(UserTarget {
            name: name.to_owned(),
            series,
            rule,
            first,
            last,
            // -0.0 and 0.0 must not give two different links for one scenario.
            threshold: if threshold == 0.0 { 0.0 } else { threshold },
        })
    }

    /// Reads `<series>~<rule>~<year or first-last>~<threshold>` as target `name`.
    pub fn parse(name: &str, text: &str) -> Result<UserTarget, TargetError> {
        let parts: Vec<&str> = text.split('~').map(str::trim).collect();
        let [series, rule, years, threshold] = parts[..] else {
            return Err(TargetError::Form);
        };
        let series = SeriesId::ALL
            .into_iter()
            .find(|s| s.key() == series)
            .ok_or_else(|| TargetError::UnknownSeries(series.to_owned()))?;
        let rule =
            UserRule::from_key(rule).ok_or_else(|| TargetError::UnknownRule(rule.to_owned()))?;
        let year = |text: &str| text.trim().parse::<i32>().ok();
        let (first, last) = match years.split_once('-') {
            Some((first, last)) => (year(first), year(last)),
            None => (year(years), year(years)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            return Err(TargetError::Years { first: 0, last: 0 });
        };
        let threshold: f64 = threshold.parse().map_err(|_| TargetError::Threshold)?;
        UserTarget::new(name, series, rule, (first, last), threshold)
    }

    /// As a link writes it (without the name): `gdp~cagr_ge~2025-2030~6`.
    pub fn text(&self) -> String {
        let years = if self.rule.is_one_year() {
            self.first.to_string()
        } else {
            format!("{}-{}", self.first, self.last)
        };
        format!(
            "{}~{}~{years}~{}",
            self.series.key(),
            self.rule.key(),
            super::format_value(self.threshold)
        )
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn series(&self) -> SeriesId {
        self.series
    }

    pub fn rule(&self) -> UserRule {
        self.rule
    }

    /// The year judged, or the span's first and last years.
    pub fn years(&self) -> (i32, i32) {
        (self.first, self.last)
    }

    /// In the series' unit as shown (GDP in 亿元, a share in %, growth in %/yr, a lag in
    /// points).
    pub fn threshold(&self) -> f64 {
        self.threshold
    }
}

/// Whether `name` can name a target: 1 … 16 ASCII letters, digits or `_`.
pub fn is_name(name: &str) -> bool {
    (1..=MAX_NAME_CHARS).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A scenario's targets of its own, in the order they were added, their names unique.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UserTargets {
    targets: Vec<UserTarget>,
}

impl UserTargets {
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    pub fn len(&self) -> usize {
        self.targets.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &UserTarget> + '_ {
        self.targets.iter()
    }

    pub fn get(&self, name: &str) -> Option<&UserTarget> {
        self.targets.iter().find(|t| t.name == name)
    }

    /// A copy with `target` in it: in place of one of the same name, or added last.
    pub fn with(&self, target: UserTarget) -> Result<UserTargets, TargetError> {
        let mut next = self.clone();
        let full = next.targets.len() >= MAX_USER_TARGETS;
        match next.targets.iter_mut().find(|t| t.name == target.name) {
            Some(slot) => *slot = target,
            None if full => return Err(TargetError::TooMany),
            None => next.targets.push(target),
        }
        Ok(next)
    }

    /// A copy without the target named `name`.
    pub fn without(&self, name: &str) -> UserTargets {
        UserTargets {
            targets: self
                .targets
                .iter()
                .filter(|t| t.name != name)
                .cloned()
                .collect(),
        }
    }

    /// The last year any target is judged in (none: no target).
    pub fn last_year(&self) -> Option<i32> {
        self.targets.iter().map(|t| t.last).max()
    }
}

/// As a message carries them, checked again on the way in.
impl<'de> Deserialize<'de> for UserTargets {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Vec::<UserTarget>::deserialize(deserializer)?;
        let mut targets = UserTargets::default();
        for target in raw {
            let (first, last) = target.years();
            let checked = UserTarget::new(
                &target.name,
                target.series,
                target.rule,
                (first, last),
                target.threshold,
            )
            .map_err(|error| serde::de::Error::custom(format!("{error:?}")))?;
            if targets.get(checked.name()).is_some() {
                return Err(serde::de::Error::custom("a target named twice"));
            }
            targets = targets
                .with(checked)
                .map_err(|error| serde::de::Error::custom(format!("{error:?}")))?;
        }
        Ok(targets)
    }
}

/// The wording of targets of one's own, by name ("GDP grows about 6 % a year in 2026–2030"):
/// kept in the page, saved scenarios and the scenario file; a link carries only the numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wordings {
    by_name: std::collections::BTreeMap<String, String>,
}

impl Wordings {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.by_name.iter().map(|(n, w)| (n.as_str(), w.as_str()))
    }

    /// A copy with `text` as the wording of `name`: one line, trimmed, at most
    /// [`super::sources::MAX_SOURCE_CHARS`] characters; blank removes it.
    pub fn with(&self, name: &str, text: &str) -> Wordings {
        let line: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(super::sources::MAX_SOURCE_CHARS)
            .collect();
        let mut next = self.clone();
        if line.is_empty() {
            next.by_name.remove(name);
        } else {
            next.by_name.insert(name.to_owned(), line);
        }
        next
    }

    /// Only the wordings of targets that are there.
    pub fn of(&self, targets: &UserTargets) -> Wordings {
        Wordings {
            by_name: self
                .by_name
                .iter()
                .filter(|(name, _)| targets.get(name).is_some())
                .map(|(n, w)| (n.clone(), w.clone()))
                .collect(),
        }
    }
}
