//! Property tests of anchoring on random multilingual texts: unchanged, edited around the quote, and edited inside it.
//!
//! Observed share that re-anchors exactly (seeds below, 400 trials each): unchanged text
//! 100%, edits away from the quote 100%, one to three edits inside the quote 100%. The tests
//! assert these shares, so a change that loses any quote fails here.

use super::*;
use crate::annotation::CONTEXT_CHARS;
use crate::testing::Rng;

const TRIALS: usize = 400;

/// Words of several scripts: emoji (one and several code points), CJK, Cyrillic, Arabic,
/// combining marks (e + U+0301, n + U+0303), digits and punctuation.
const TOKENS: [&str; 24] = [
    "the ",
    "claim ",
    "rare ",
    "earth ",
    "metals ",
    "said ",
    "2014 ",
    "$14.8 ",
    "trillion, ",
    "😀 ",
    "👩\u{200d}👩\u{200d}👧 ",
    "👍🏽 ",
    "中文 ",
    "稀土 ",
    "金属。",
    "Україна ",
    "Привет ",
    "мир. ",
    "مرحبا ",
    "العالم ",
    "cafe\u{301} ",
    "man\u{303}ana ",
    "Zoë ",
    "\n\n",
];

/// Single code points for insertions, including a lone combining mark and a lone joiner.
const INSERTS: [char; 12] = ['a', 'z', ' ', '.', '😀', '中', 'Ж', 'م', '\u{301}', '\u{200d}', '7', 'é'];

fn random_text(rng: &mut Rng, min_len: usize) -> Vec<char> {
    let mut text = Vec::new();
    let len = min_len + rng.below(2500);
    while text.len() < len {
        text.extend(TOKENS[rng.below(TOKENS.len())].chars());
    }
    text
}

fn target_of(text: &[char], start: usize, end: usize) -> Target {
    Target {
        range: CharRange::new(start, end).unwrap(),
        exact: text[start..end].iter().collect(),
        prefix: text[start.saturating_sub(CONTEXT_CHARS)..start].iter().collect(),
        suffix: text[end..(end + CONTEXT_CHARS).min(text.len())].iter().collect(),
    }
}

/// A random quote range of `min..=max` code points, anywhere in `text`.
fn random_quote(rng: &mut Rng, text: &[char], min: usize, max: usize) -> (usize, usize) {
    let len = min + rng.below(max - min + 1);
    let start = rng.below(text.len() - len + 1);
    (start, start + len)
}

fn range_of(a: Anchoring) -> Option<(usize, usize)> {
    match a {
        Anchoring::Anchored { range, .. } => Some((range.start(), range.end())),
        Anchoring::Orphan => None,
    }
}

#[test]
fn unchanged_text_anchors_every_quote_where_it_was() {
    let mut rng = Rng::new(101);
    for trial in 0..TRIALS {
        let text = random_text(&mut rng, 100);
        let (s, e) = random_quote(&mut rng, &text, 1, 60);
        let a = anchor(&text, &target_of(&text, s, e));
        assert_eq!(a, Anchoring::Anchored { range: CharRange::new(s, e).unwrap(), method: Method::Position }, "trial {trial}");
    }
}

/// Inserts and deletes up to 5% of the characters outside `[start - 40, end + 40)`, and
/// returns the quote's range in the edited text.
fn edit_around(rng: &mut Rng, text: &mut Vec<char>, (mut s, mut e): (usize, usize)) -> (usize, usize) {
    const MARGIN: usize = 40;
    let budget = rng.below(text.len() * 5 / 100 + 1);
    let mut spent = 0;
    for _ in 0..10 * budget {
        if spent >= budget {
            break;
        }
        let n = 1 + rng.below(5.min(budget - spent));
        // Room before the protected window is [0, s - 40); after it, [e + 40, len).
        let before = s.saturating_sub(MARGIN);
        let after = (e + MARGIN).min(text.len());
        let in_front = rng.below(2) == 0;
        if rng.below(2) == 0 {
            let p = if in_front && s >= MARGIN {
                rng.below(before + 1)
            } else if e + MARGIN <= text.len() {
                after + rng.below(text.len() - after + 1)
            } else {
                continue;
            };
            let new: Vec<char> = (0..n).map(|_| INSERTS[rng.below(INSERTS.len())]).collect();
            text.splice(p..p, new);
            if p <= before && s >= MARGIN {
                (s, e) = (s + n, e + n);
            }
        } else {
            let p = if in_front && before >= n {
                rng.below(before - n + 1)
            } else if text.len() >= after + n {
                after + rng.below(text.len() - after - n + 1)
            } else {
                continue;
            };
            text.drain(p..p + n);
            if p < s {
                (s, e) = (s - n, e - n);
            }
        }
        spent += n;
    }
    (s, e)
}

#[test]
fn edits_away_from_the_quote_never_lose_it() {
    let mut rng = Rng::new(202);
    let mut found = 0;
    let mut moved = 0;
    for trial in 0..TRIALS {
        let mut text = random_text(&mut rng, 200);
        let (s, e) = random_quote(&mut rng, &text, 1, 60);
        let target = target_of(&text, s, e);
        let expected = edit_around(&mut rng, &mut text, (s, e));
        assert_eq!(text[expected.0..expected.1].iter().collect::<String>(), target.exact, "trial {trial}: bookkeeping");
        moved += usize::from(expected != (s, e));
        if range_of(anchor(&text, &target)) == Some(expected) {
            found += 1;
        }
    }
    assert!(moved > TRIALS / 2, "most trials should move the quote ({moved})");
    assert_eq!(found, TRIALS, "re-anchored {found} of {TRIALS}");
}

#[test]
fn small_edits_inside_the_quote_are_found_fuzzily() {
    let mut rng = Rng::new(303);
    let mut found = 0;
    for trial in 0..TRIALS {
        let mut text = random_text(&mut rng, 200);
        let (s, mut e) = random_quote(&mut rng, &text, 12, 80);
        let target = target_of(&text, s, e);
        // One to three edits, each at least two characters inside the quote's ends, so the
        // edited stretch has clear boundaries; at most a third of the allowed errors.
        for _ in 0..1 + rng.below(3.min((e - s) / 12)) {
            let p = s + 2 + rng.below(e - s - 4);
            match rng.below(3) {
                0 => {
                    let c = INSERTS[rng.below(INSERTS.len())];
                    text[p] = if text[p] == c { 'q' } else { c };
                }
                1 => {
                    text.insert(p, INSERTS[rng.below(INSERTS.len())]);
                    e += 1;
                }
                _ => {
                    text.remove(p);
                    e -= 1;
                }
            }
        }
        let a = anchor(&text, &target);
        assert!(matches!(a, Anchoring::Anchored { method: Method::Fuzzy | Method::Quote, .. }), "trial {trial}: {a:?}");
        if range_of(a) == Some((s, e)) {
            found += 1;
        }
    }
    assert_eq!(found, TRIALS, "re-anchored exactly {found} of {TRIALS}");
}
