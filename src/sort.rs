//! One small sort for the whole crate. std's `sort_unstable` (pattern-defeating quicksort) is
//! about 2.7 KB of wasm for every element type and order it is used with, and the page sorted
//! with eight; the lists sorted here are short (one block's annotations, one run's edges, a
//! tally), so one heapsort for all of them, O(n log n) at worst, costs no noticeable time.

/// Sorts `v` so that no item is `less` than the one before it. Not stable.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    // One closure reaches the slice both to compare (`swap` false) and to swap: two closures
    // would borrow it twice.
    heapsort(v.len(), &mut |i, j, swap| {
        if swap {
            v.swap(i, j);
            false
        } else {
            less(&v[i], &v[j])
        }
    });
}

pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Heapsort of `n` items reached through `at(i, j, swap)`: whether item i is less than item j,
/// or (with `swap`) exchange them. Not generic, so it is compiled once.
fn heapsort(n: usize, at: &mut dyn FnMut(usize, usize, bool) -> bool) {
    // Already in order, the usual case (annotations are kept in document order): one pass.
    if (1..n).all(|i| !at(i, i - 1, false)) {
        return;
    }
    for root in (0..n / 2).rev() {
        sift_down(root, n, at);
    }
    for end in (1..n).rev() {
        at(0, end, true);
        sift_down(0, end, at);
    }
}

/// Moves item `root` down the max-heap held in items `..end` until both children are not greater.
fn sift_down(mut root: usize, end: usize, at: &mut dyn FnMut(usize, usize, bool) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && at(child, child + 1, false) {
            child += 1;
        }
        if !at(root, child, false) {
            return;
        }
        at(root, child, true);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small linear congruential generator: the same lists on every run.
    fn numbers(n: usize, seed: u64, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_as_std_does() {
        for n in [0, 1, 2, 3, 7, 8, 100, 1000] {
            for (seed, modulo) in [(1, 5), (2, 1_000_000), (3, 2)] {
                let mut mine = numbers(n, seed, modulo);
                let mut std = mine.clone();
                sort(&mut mine);
                std.sort_unstable();
                assert_eq!(mine, std, "n {n}, seed {seed}");
                mine.reverse();
                sort(&mut mine);
                assert_eq!(mine, std, "n {n} reversed");
            }
        }
    }

    #[test]
    fn sorts_by_a_key_and_by_an_order() {
        let mut words = vec!["pear", "fig", "banana", "kiwi", "apple"];
        sort_by_key(&mut words, |w| (w.len(), *w));
        assert_eq!(words, ["fig", "kiwi", "pear", "apple", "banana"]);
        sort_by(&mut words, |a, b| a > b);
        assert_eq!(words, ["pear", "kiwi", "fig", "banana", "apple"]);
    }
}
