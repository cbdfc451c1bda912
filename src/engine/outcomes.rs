//! Which targets each path met: one bit per path and target.
//!
//! Two scenarios run with the same seed draw the same random numbers on path `i` (common random
//! numbers), so comparing their outcomes path by path separates the effect of a change from the
//! noise (see [`super::compare`]). A bit per path and target is 1.25 bytes a path for ten
//! targets: 12.5 KB for a 10,000-path run, small enough to travel with the summary.

use serde::{Deserialize, Serialize};

const WORD_BITS: usize = 64;

/// For each target (in the order of `TargetId::ALL`), whether each path met it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcomes {
    paths: u32,
    /// `words[target][i / 64]` holds path `i`'s bit at position `i % 64`; bits past `paths` are 0.
    words: Vec<Vec<u64>>,
}

impl Outcomes {
    /// The outcomes of `paths` paths for `targets` targets, none met.
    pub fn new(targets: usize, paths: u32) -> Outcomes {
        Outcomes {
            paths,
            words: vec![vec![0; (paths as usize).div_ceil(WORD_BITS)]; targets],
        }
    }

    pub fn paths(&self) -> u32 {
        self.paths
    }

    pub fn targets(&self) -> usize {
        self.words.len()
    }

    /// Records that `path` met `target`.
    pub fn set_met(&mut self, target: usize, path: usize) {
        self.words[target][path / WORD_BITS] |= 1 << (path % WORD_BITS);
    }

    pub fn met(&self, target: usize, path: usize) -> bool {
        self.words[target][path / WORD_BITS] >> (path % WORD_BITS) & 1 == 1
    }

    /// Adds a target after the others, met on the paths `met` says (in path order).
    pub fn push_target(&mut self, met: &[bool]) {
        let mut words = vec![0; (self.paths as usize).div_ceil(WORD_BITS)];
        for (path, _) in met
            .iter()
            .enumerate()
            .filter(|(_, &m)| m)
            .take(self.paths as usize)
        {
            words[path / WORD_BITS] |= 1 << (path % WORD_BITS);
        }
        self.words.push(words);
    }

    /// The number of paths that met `target`.
    pub fn count(&self, target: usize) -> u32 {
        self.words[target].iter().map(|w| w.count_ones()).sum()
    }

    /// The words of `target`, for hashing (bits past the last path are 0).
    pub fn words(&self, target: usize) -> &[u64] {
        &self.words[target]
    }

    /// Appends the paths of `other` after this one's (the next contiguous range of paths).
    /// `None` if the two do not have the same targets.
    pub fn append(&mut self, other: &Outcomes) -> Option<()> {
        if self.targets() != other.targets() {
            return None;
        }
        let start = self.paths as usize;
        let total = start + other.paths as usize;
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            mine.resize(total.div_ceil(WORD_BITS), 0);
            let shift = start % WORD_BITS;
            for (k, &word) in theirs.iter().enumerate() {
                let at = start / WORD_BITS + k;
                mine[at] |= word << shift;
                if shift > 0 && at + 1 < mine.len() {
                    mine[at + 1] |= word >> (WORD_BITS - shift);
                }
            }
        }
        self.paths = u32::try_from(total).ok()?;
        Some(())
    }

    /// Checks the invariants a decoded value may break: one word list per target, each of the
    /// right length, no bits past the last path.
    pub fn is_consistent(&self, targets: usize) -> bool {
        let words = (self.paths as usize).div_ceil(WORD_BITS);
        let tail = self.paths as usize % WORD_BITS;
        self.words.len() == targets
            && self.words.iter().all(|list| {
                list.len() == words
                    && (tail == 0 || list.last().is_none_or(|&last| last >> tail == 0))
            })
    }
}
