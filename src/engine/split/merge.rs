//! A split run's parts become its [`Summary`]: the series placed, the counts added, the
//! outcomes joined in path order; nothing is trusted that a part of this run could not hold.

use super::{PartSummary, MAX_PARTS};
use crate::engine::outcomes::Outcomes;
use crate::engine::tally::{target_result, TargetCount};
use crate::engine::user_targets::UserTargetResult;
use crate::engine::{ModelParams, SeriesSummary, Summary, HISTOGRAM_BINS};
use crate::plan::{SeriesId, TargetId, BASE_YEAR, TARGET_STEP};
use crate::scenario::Scenario;

/// Assembles the parts of a split run into its [`Summary`]: the series in their order, the
/// target counts added up. `None` unless the parts are those of one run, each once, with every
/// series exactly once and every target counted.
pub fn merge(scenario: &Scenario, parts: &[PartSummary]) -> Option<Summary> {
    let paths = scenario.paths();
    // Every part owns at least one series, so complete series mean every part is here, provided
    // none is counted twice and all belong to one run.
    let mut seen = vec![false; MAX_PARTS as usize];
    for part in parts {
        let index = part.part as usize;
        if part.run != parts[0].run || index >= seen.len() || seen[index] {
            return None;
        }
        seen[index] = true;
    }
    let mut series: Vec<Option<SeriesSummary>> = vec![None; SeriesId::ALL.len()];
    for summary in parts.iter().flat_map(|part| &part.series) {
        let slot = &mut series[summary.id.index()];
        if slot.is_some() {
            return None;
        }
        *slot = Some(summary.clone());
    }
    let series: Vec<SeriesSummary> = series.into_iter().collect::<Option<_>>()?;
    // Every series covers every year of the scenario, with its histograms of 2025 and the
    // horizon (one when they are the same year), each of the usual bins.
    let years = (scenario.horizon_year() - BASE_YEAR + 1) as usize;
    let histograms = if years == TARGET_STEP + 1 { 1 } else { 2 };
    let complete = |summary: &SeriesSummary| {
        summary.years.len() == years
            && summary.histograms.len() == histograms
            && summary
                .histograms
                .iter()
                .all(|histogram| histogram.counts.len() == HISTOGRAM_BINS)
    };
    if !series.iter().all(complete) {
        return None;
    }
    let mut counts: Vec<TargetCount> = TargetId::ALL
        .into_iter()
        .map(|id| TargetCount {
            id,
            met: 0,
            reached_in_2025: 0,
        })
        .collect();
    for part in parts {
        // A part cannot count more paths than it has.
        let part_paths = part.outcomes.paths();
        let counted = |count: &TargetCount| count.met.max(count.reached_in_2025) <= part_paths;
        if part.targets.len() != counts.len() || !part.targets.iter().all(counted) {
            return None;
        }
        for (total, count) in counts.iter_mut().zip(&part.targets) {
            if count.id != total.id {
                return None;
            }
            total.met += count.met;
            total.reached_in_2025 += count.reached_in_2025;
        }
    }
    // Parts hold contiguous ranges of paths in part order: their outcomes concatenate, and
    // their judged counts add up.
    let mut ordered: Vec<&PartSummary> = parts.iter().collect();
    ordered.sort_by_key(|part| part.part);
    let own = scenario.targets();
    let all_targets = TargetId::ALL.len() + own.len();
    let mut outcomes = Outcomes::new(all_targets, 0);
    let mut judged = ordered.first()?.judged.clone();
    let mut user_counts = ordered.first()?.user_targets.clone();
    for (k, part) in ordered.iter().enumerate() {
        if !part.outcomes.is_consistent(all_targets)
            || part.judged.len() != judged.len()
            || part.user_targets.len() != own.len()
            || part
                .user_targets
                .iter()
                .any(|c| c.met > part.outcomes.paths())
        {
            return None;
        }
        outcomes.append(&part.outcomes)?;
        if k > 0 {
            for ((id, total), (part_id, counts)) in judged.iter_mut().zip(&part.judged) {
                if id != part_id {
                    return None;
                }
                total.add(counts)?;
            }
            for (total, count) in user_counts.iter_mut().zip(&part.user_targets) {
                total.met += count.met;
                total.judged.add(&count.judged)?;
            }
        }
    }
    if outcomes.paths() != paths {
        return None;
    }
    let steps = series[0].years.len().checked_sub(1)?;
    let reading = super::super::params::reading(scenario);
    let thresholds = TargetId::ALL.map(|id| id.threshold(&reading));
    Some(Summary {
        paths,
        seed: scenario.seed(),
        horizon_year: BASE_YEAR + steps as i32,
        series,
        targets: counts
            .into_iter()
            .map(|count| target_result(count, paths, thresholds[count.id.index()]))
            .collect(),
        outcomes,
        judged,
        floored_path_years: parts.iter().map(|part| part.floored_path_years).sum(),
        observed_through: observed_through(scenario),
        user_targets: own
            .iter()
            .zip(user_counts)
            .map(|(target, count)| UserTargetResult::new(target.name(), count, paths))
            .collect(),
    })
}

/// The last observed year the run was conditioned on, as the summariser of a whole run has it: from the
/// conditioning, which leaves out a GDP growth no path can take (only worked out when something
/// was observed).
fn observed_through(scenario: &Scenario) -> Option<i32> {
    if scenario.observed().is_empty() {
        None
    } else {
        ModelParams::from_scenario(scenario).observed_through
    }
}
