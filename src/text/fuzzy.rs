//! Approximate search: every place a pattern occurs in a text with at most k edits (Myers' bit-parallel algorithm).
//!
//! This is the algorithm of Hypothesis' `approx-string-match`: a forward pass finds every end
//! position whose best alignment has at most k errors, then a short reverse pass per end
//! recovers where that alignment starts. Patterns of any length are handled by the block
//! version (Myers 1999, as in Edlib): the pattern is cut into 64-row words and each text
//! character advances every word, passing the horizontal delta from one word to the next.
//! One pass costs O(text_len × ⌈pattern_len / 64⌉) word operations.
//!
//! Errors are Levenshtein edits (insertions, deletions, substitutions) counted in code points.

use std::collections::HashMap;

#[cfg(test)]
/// A stretch `text[start..end]` that is `errors` edits away from the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub errors: usize,
}

/// For each character, the bit vector (one bit per pattern position, 64 per word) of where
/// it occurs in the pattern. Characters that do not occur share the all-zero vector.
struct Peq {
    words: usize,
    ascii: [u32; 128],
    other: HashMap<char, u32>,
    /// Row `i` (words `i * words ..`) is the vector of the `i`-th distinct character; row 0 is zero.
    table: Vec<u64>,
}

impl Peq {
    fn new(pattern: &[char]) -> Peq {
        let words = pattern.len().div_ceil(64);
        let mut peq = Peq { words, ascii: [0; 128], other: HashMap::new(), table: vec![0; words] };
        for (i, &c) in pattern.iter().enumerate() {
            let row = match peq.row(c) {
                0 => {
                    let row = (peq.table.len() / words) as u32;
                    peq.table.extend(std::iter::repeat_n(0, words));
                    if (c as u32) < 128 {
                        peq.ascii[c as usize] = row;
                    } else {
                        peq.other.insert(c, row);
                    }
                    row
                }
                row => row,
            };
            peq.table[row as usize * words + i / 64] |= 1 << (i % 64);
        }
        peq
    }

    fn row(&self, c: char) -> u32 {
        if (c as u32) < 128 {
            self.ascii[c as usize]
        } else {
            self.other.get(&c).copied().unwrap_or(0)
        }
    }

    fn eq(&self, c: char) -> &[u64] {
        let r = self.row(c) as usize * self.words;
        &self.table[r..r + self.words]
    }
}

/// One word of the block algorithm: advances rows `64b..64b+63` by one text character.
/// `hin` is the horizontal delta (-1, 0, +1) of the row above the word; the delta of the
/// word's `last` row is returned. The incoming -1 is folded into `eq` to stand for the carry
/// of an addition that would otherwise have to run across words.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, hin: i32, last: u64) -> i32 {
    let hin_neg = u64::from(hin < 0);
    let xv = eq | *mv;
    let eq = eq | hin_neg;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let hout = i32::from(ph & last != 0) - i32::from(mh & last != 0);
    ph = (ph << 1) | u64::from(hin > 0);
    mh = (mh << 1) | hin_neg;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}

/// Runs the pattern over `text`, calling `visit(j, d)` for every `j` in `1..=text.len()` with
/// `d` the distance of the best alignment of the pattern that ends at `j`.
///
/// `top` is the horizontal delta of row 0: 0 lets an alignment start anywhere (search), +1
/// pins it to the start of `text` (used by the reverse pass).
fn scan(pattern: &[char], text: impl Iterator<Item = char>, top: i32, mut visit: impl FnMut(usize, usize)) {
    let peq = Peq::new(pattern);
    let m = pattern.len();
    let words = peq.words;
    let mut pv = vec![u64::MAX; words];
    let mut mv = vec![0u64; words];
    let last: Vec<u64> = (0..words).map(|b| if b + 1 == words { 1 << ((m - 1) % 64) } else { 1 << 63 }).collect();
    let mut score = m;
    for (j, c) in text.enumerate() {
        let eq = peq.eq(c);
        let mut h = top;
        for b in 0..words {
            h = advance(&mut pv[b], &mut mv[b], eq[b], h, last[b]);
        }
        score = score.wrapping_add_signed(h as isize);
        visit(j + 1, score);
    }
}

/// Every end position `e` (in `0..=text.len()`) where some `text[s..e]` is at most
/// `max_errors` edits from `pattern`, as `(e, fewest errors for that end)`, in order.
/// An empty pattern has no matches.
pub fn ends(text: &[char], pattern: &[char], max_errors: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if pattern.is_empty() {
        return out;
    }
    if pattern.len() <= max_errors {
        out.push((0, pattern.len()));
    }
    scan(pattern, text.iter().copied(), 0, |e, d| {
        if d <= max_errors {
            out.push((e, d));
        }
    });
    out
}

/// Every start `s` for which `text[s..end]` is exactly `errors` edits from `pattern`, where
/// `errors` is the fewest possible for this end (as [`ends`] reports it), nearest `end` last.
///
/// The reverse pass reads the text backwards from `end` against the reversed pattern, with
/// the alignment pinned to `end`; an alignment with `errors` edits is at most
/// `pattern.len() + errors` long, so only that much text is read.
pub fn starts(text: &[char], pattern: &[char], end: usize, errors: usize) -> Vec<usize> {
    let end = end.min(text.len());
    let lo = end.saturating_sub(pattern.len() + errors);
    let reversed: Vec<char> = pattern.iter().rev().copied().collect();
    let mut out = Vec::new();
    if pattern.len() == errors {
        out.push(end);
    }
    if !pattern.is_empty() {
        scan(&reversed, text[lo..end].iter().rev().copied(), 1, |len, d| {
            if d == errors {
                out.push(end - len);
            }
        });
    }
    crate::sort::sort(&mut out);
    out
}

/// Every end position with at most `max_errors` errors, each with the start of its longest
/// best alignment (as approx-string-match chooses), in order of end.
#[cfg(test)]
pub fn search(text: &[char], pattern: &[char], max_errors: usize) -> Vec<Match> {
    ends(text, pattern, max_errors)
        .into_iter()
        .map(|(end, errors)| {
            let start = starts(text, pattern, end, errors).first().copied().unwrap_or(end);
            Match { start, end, errors }
        })
        .collect()
}

/// The fewest edits that turn `pattern` into some stretch of `text` (`pattern.len()` at most,
/// by deleting all of it).
pub fn min_errors(text: &[char], pattern: &[char]) -> usize {
    let mut best = pattern.len();
    if !pattern.is_empty() {
        scan(pattern, text.iter().copied(), 0, |_, d| best = best.min(d));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Textbook O(nm) Levenshtein distance between two whole strings.
    fn levenshtein(a: &[char], b: &[char]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut diag = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
                diag = up;
            }
        }
        row[b.len()]
    }

    /// `d[s]` = distance from `pattern` to `text[s..e]` for every `s <= e`, by one textbook DP
    /// over the reversed strings (row `l` is the stretch of length `l` ending at `e`).
    fn distances_ending_at(text: &[char], pattern: &[char], e: usize) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=pattern.len()).collect();
        let mut by_len = vec![pattern.len()];
        for (l, c) in text[..e].iter().rev().enumerate() {
            let mut next = vec![l + 1; pattern.len() + 1];
            for (i, p) in pattern.iter().rev().enumerate() {
                next[i + 1] = (col[i] + usize::from(p != c)).min(col[i + 1] + 1).min(next[i] + 1);
            }
            by_len.push(next[pattern.len()]);
            col = next;
        }
        (0..=e).map(|s| by_len[e - s]).collect()
    }

    /// For each end, the best distance and every start that reaches it, by brute force.
    fn brute(text: &[char], pattern: &[char], k: usize) -> Vec<(usize, usize, Vec<usize>)> {
        let mut out = Vec::new();
        for e in 0..=text.len() {
            let d = distances_ending_at(text, pattern, e);
            let best = *d.iter().min().unwrap();
            if best <= k {
                out.push((e, best, (0..=e).filter(|&s| d[s] == best).collect()));
            }
        }
        out
    }

    fn random_string(rng: &mut Rng, alphabet: &[char], len: usize) -> Vec<char> {
        (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect()
    }

    #[test]
    fn finds_an_exact_and_an_edited_occurrence() {
        let t = chars("the quick brown fox; the quikc brown fax");
        let p = chars("quick brown fox");
        let found = search(&t, &p, 0);
        assert_eq!(found, vec![Match { start: 4, end: 19, errors: 0 }]);
        let best: Vec<Match> = search(&t, &p, 3).into_iter().filter(|m| m.errors == 3).collect();
        assert!(best.iter().any(|m| (m.start, m.end) == (25, 40)), "{best:?}");
        assert_eq!(min_errors(&t[20..], &p), 3);
    }

    #[test]
    fn counts_code_points_not_bytes_or_units() {
        let t = chars("a 😀 b 👩\u{200d}👩\u{200d}👧 c Привет");
        let p = chars("👩\u{200d}👩\u{200d}👦");
        // Family of two mothers and a son vs. a daughter: one substitution, or dropping the child.
        assert_eq!(search(&t, &p, 1), vec![Match { start: 6, end: 10, errors: 1 }, Match { start: 6, end: 11, errors: 1 }]);
        assert_eq!(search(&t, &chars("Привт"), 1).last(), Some(&Match { start: 14, end: 20, errors: 1 }));
    }

    #[test]
    fn empty_pattern_and_empty_text() {
        assert!(search(&chars("abc"), &[], 3).is_empty());
        assert!(search(&[], &chars("abc"), 2).is_empty());
        assert_eq!(search(&[], &chars("ab"), 2), vec![Match { start: 0, end: 0, errors: 2 }]);
        assert_eq!(min_errors(&[], &chars("ab")), 2);
    }

    #[test]
    fn agrees_with_brute_force_on_random_inputs() {
        let mut rng = Rng::new(11);
        let alphabet = chars("ab😀é中");
        for round in 0..400 {
            let (n, m) = (rng.below(40), 1 + rng.below(9));
            let text = random_string(&mut rng, &alphabet, n);
            let pattern = random_string(&mut rng, &alphabet, m);
            let k = rng.below(pattern.len() + 1);
            let want = brute(&text, &pattern, k);
            let got_ends = ends(&text, &pattern, k);
            let want_ends: Vec<(usize, usize)> = want.iter().map(|(e, d, _)| (*e, *d)).collect();
            assert_eq!(got_ends, want_ends, "round {round}: {text:?} / {pattern:?} k={k}");
            for (e, d, s) in &want {
                assert_eq!(&starts(&text, &pattern, *e, *d), s, "round {round}: starts for end {e}");
            }
            let longest: Vec<Match> = want.iter().map(|(e, d, s)| Match { start: s[0], end: *e, errors: *d }).collect();
            let found = search(&text, &pattern, k);
            assert_eq!(found, longest);
            for m in found {
                assert_eq!(levenshtein(&pattern, &text[m.start..m.end]), m.errors, "round {round}: {m:?}");
            }
        }
    }

    #[test]
    fn patterns_longer_than_one_word_agree_with_brute_force() {
        // 64, 65, 128 and 130 rows exercise the carry between words and a partial last word.
        let mut rng = Rng::new(5);
        let alphabet = chars("abcd");
        for &m in &[64usize, 65, 100, 128, 130] {
            for _ in 0..3 {
                let pattern = random_string(&mut rng, &alphabet, m);
                let mut text = random_string(&mut rng, &alphabet, 20);
                let mut planted = pattern.clone();
                for _ in 0..rng.below(m / 8) {
                    let i = rng.below(planted.len());
                    match rng.below(3) {
                        0 => planted[i] = alphabet[rng.below(4)],
                        1 => planted.insert(i, alphabet[rng.below(4)]),
                        _ => drop(planted.remove(i)),
                    }
                }
                text.extend(planted);
                text.extend(random_string(&mut rng, &alphabet, 20));
                let k = m / 4;
                let want = brute(&text, &pattern, k);
                let got = ends(&text, &pattern, k);
                assert_eq!(got, want.iter().map(|(e, d, _)| (*e, *d)).collect::<Vec<_>>(), "m={m}");
                for (e, d, s) in want.iter().filter(|w| w.1 == want.iter().map(|w| w.1).min().unwrap()) {
                    assert_eq!(&starts(&text, &pattern, *e, *d), s, "m={m} end {e}");
                }
            }
        }
    }

    #[test]
    fn long_text_and_long_pattern_stay_linear() {
        // 616,000 code points (the size of a long report) and a 300-char quote: one pass is
        // 616,000 × 5 word steps. A quadratic search would not finish in a test run.
        let mut rng = Rng::new(9);
        let words = ["rare ", "earth ", "metals ", "Україна ", "中文 ", "😀 ", "deposits, "];
        let mut text: Vec<char> = Vec::new();
        while text.len() < 616_000 {
            text.extend(words[rng.below(words.len())].chars());
        }
        let at = 400_000;
        let mut pattern: Vec<char> = text[at..at + 300].to_vec();
        pattern[150] = 'Ж';
        pattern.remove(10);
        let close: Vec<(usize, usize)> = ends(&text, &pattern, 75).into_iter().filter(|&(_, d)| d <= 2).collect();
        assert_eq!(close, vec![(at + 300, 2)]);
        assert_eq!(starts(&text, &pattern, at + 300, 2), vec![at]);
    }
}
