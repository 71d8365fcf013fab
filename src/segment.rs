//! Overlap segmentation: cuts a block into flat runs, each covered by one fixed set of annotations.
//!
//! Overlapping and nested annotations cannot be nested `<mark>` elements in general (they
//! cross), so a block is rendered as a flat sequence of segments, each carrying every
//! annotation that covers it.

use crate::text::CharRange;

/// A run of code points covered by exactly the items in `covering` (indices into the input,
/// in input order). Runs with no covering item are plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub range: CharRange,
    pub covering: Vec<usize>,
}

/// Splits `span` into runs at every boundary of `items` (clipped to `span`). The runs tile
/// `span` exactly, in order, with no empty run; neighbours with the same covering set are
/// merged. O((n + k) log n) for n items and k output runs × covering size.
pub fn segment(span: CharRange, items: &[CharRange]) -> Vec<Run> {
    // Boundary events: (position, is_start, item). Ends sort before starts at the same
    // position so an item ending at p does not cover p.
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(items.len() * 2);
    for (i, r) in items.iter().enumerate() {
        if let Some(c) = r.intersect(span) {
            events.push((c.start(), true, i));
            events.push((c.end(), false, i));
        }
    }
    crate::sort::sort(&mut events);
    let mut runs: Vec<Run> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut pos = span.start();
    let push = |runs: &mut Vec<Run>, from: usize, to: usize, active: &[usize]| {
        if from >= to {
            return;
        }
        let mut covering = active.to_vec();
        crate::sort::sort(&mut covering);
        match runs.last_mut() {
            Some(last) if last.covering == covering && last.range.end() == from => {
                last.range = CharRange::new(last.range.start(), to).expect("ordered");
            }
            _ => runs.push(Run { range: CharRange::new(from, to).expect("ordered"), covering }),
        }
    };
    for (p, is_start, i) in events {
        push(&mut runs, pos, p, &active);
        pos = pos.max(p);
        if is_start {
            active.push(i);
        } else if let Some(k) = active.iter().position(|&x| x == i) {
            active.swap_remove(k);
        }
    }
    push(&mut runs, pos, span.end(), &active);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;

    fn r(s: usize, e: usize) -> CharRange {
        CharRange::new(s, e).unwrap()
    }

    #[test]
    fn crossing_and_nested() {
        let runs = segment(r(0, 10), &[r(2, 6), r(4, 8), r(4, 5)]);
        let got: Vec<(usize, usize, Vec<usize>)> = runs.iter().map(|x| (x.range.start(), x.range.end(), x.covering.clone())).collect();
        assert_eq!(got, vec![(0, 2, vec![]), (2, 4, vec![0]), (4, 5, vec![0, 1, 2]), (5, 6, vec![0, 1]), (6, 8, vec![1]), (8, 10, vec![])]);
    }

    #[test]
    fn clipped_to_span_and_empty_items_ignored() {
        let runs = segment(r(10, 20), &[r(0, 12), r(15, 15), r(18, 40)]);
        let got: Vec<(usize, usize, Vec<usize>)> = runs.iter().map(|x| (x.range.start(), x.range.end(), x.covering.clone())).collect();
        assert_eq!(got, vec![(10, 12, vec![0]), (12, 18, vec![]), (18, 20, vec![2])]);
        assert_eq!(segment(r(3, 3), &[r(0, 9)]), vec![]);
    }

    #[test]
    fn identical_ranges_share_runs() {
        let runs = segment(r(0, 4), &[r(0, 4), r(0, 4)]);
        assert_eq!(runs, vec![Run { range: r(0, 4), covering: vec![0, 1] }]);
    }

    /// Property: for random items, every code point's covering set equals brute force, the
    /// runs tile the span, and no two neighbours share a covering set.
    #[test]
    fn matches_brute_force_on_random_inputs() {
        let mut rng = Rng::new(7);
        for _ in 0..2000 {
            let lo = rng.below(20);
            let span = r(lo, lo + rng.below(40));
            let n = rng.below(8);
            let items: Vec<CharRange> = (0..n)
                .map(|_| {
                    let s = rng.below(70);
                    r(s, s + rng.below(25))
                })
                .collect();
            let runs = segment(span, &items);
            let mut pos = span.start();
            for (k, run) in runs.iter().enumerate() {
                assert_eq!(run.range.start(), pos, "runs tile the span");
                assert!(!run.range.is_empty());
                if k > 0 {
                    assert_ne!(runs[k - 1].covering, run.covering, "neighbours merged");
                }
                for p in run.range.start()..run.range.end() {
                    let brute: Vec<usize> = (0..n).filter(|&i| items[i].start() <= p && p < items[i].end()).collect();
                    assert_eq!(run.covering, brute, "code point {p} of {span:?} with {items:?}");
                }
                pos = run.range.end();
            }
            assert_eq!(pos, span.end().max(span.start()));
        }
    }
}
