//! The high-tech stock's lapses: a Poisson law whose mean is the lapse rate times the stock, a
//! table for each stock a run meets.

use super::stream::PoissonTable;

/// The Poisson tables of lapses, λ·H for each stock H met so far: built when first needed and
/// shared by every path of a run (stocks cluster, so a run builds a few hundred at most).
#[derive(Clone, Debug)]
pub struct LapseTables {
    rate: f64,
    by_stock: Vec<Option<PoissonTable>>,
}

impl LapseTables {
    pub fn new(rate: f64) -> LapseTables {
        LapseTables {
            rate,
            by_stock: Vec::new(),
        }
    }

    pub(super) fn for_stock(&mut self, stock: u64) -> &PoissonTable {
        let index = stock as usize;
        if index >= self.by_stock.len() {
            self.by_stock.resize(index + 1, None);
        }
        let rate = self.rate;
        self.by_stock[index].get_or_insert_with(|| PoissonTable::new(rate * stock as f64))
    }
}
