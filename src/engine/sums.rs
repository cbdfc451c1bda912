//! Sums in path order, several columns side by side: the means' sums, the same bits as each
//! column's `Iterator::sum`, without one chain of additions waiting on the last.

/// Each column's sum in path order, as `Iterator::sum` adds it (from −0.0, one value after
/// another), the columns side by side over the paths they all have, then each one's own tail
/// alone: each column's additions are the same as alone, in the same order, so the same bits,
/// but the columns' chains of additions overlap, where a lone sum waits on each addition before
/// the next.
pub(super) fn sums_in_path_order<const K: usize>(columns: [&[f64]; K]) -> [f64; K] {
    let shared = columns.map(<[f64]>::len).into_iter().min().unwrap_or(0);
    let mut sums = [-0.0; K];
    let heads = columns.map(|column| &column[..shared]);
    for path in 0..shared {
        for (sum, column) in sums.iter_mut().zip(heads) {
            *sum += column[path];
        }
    }
    for (sum, column) in sums.iter_mut().zip(columns) {
        for value in &column[shared..] {
            *sum += value;
        }
    }
    sums
}

/// The sums of the `columns` that `summed` picks, each in path order ([`sums_in_path_order`]),
/// four at a time; `None` for the others.
pub(super) fn sums_of(columns: &[Vec<f64>], summed: impl Fn(usize) -> bool) -> Vec<Option<f64>> {
    let picked: Vec<usize> = (0..columns.len()).filter(|&k| summed(k)).collect();
    let mut sums = vec![None; columns.len()];
    for group in picked.chunks(4) {
        let column = |i: usize| columns[group[i]].as_slice();
        let found: Vec<f64> = match *group {
            [_, _, _, _] => sums_in_path_order([column(0), column(1), column(2), column(3)]).into(),
            [_, _, _] => sums_in_path_order([column(0), column(1), column(2)]).into(),
            [_, _] => sums_in_path_order([column(0), column(1)]).into(),
            _ => sums_in_path_order([column(0)]).into(),
        };
        for (&k, sum) in group.iter().zip(found) {
            sums[k] = Some(sum);
        }
    }
    sums
}
