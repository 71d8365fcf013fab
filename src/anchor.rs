//! Anchoring: finds where a stored target sits in the current text, by an ordered fallback
//! with a closed result: anchored (and how) or orphan. Orphans are kept by the caller.

use crate::annotation::Target;
use crate::text::{fuzzy, CharRange};

/// How an annotation was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The stored position still holds the quote.
    Position,
    /// The quote was found elsewhere; context and closeness chose between repeats.
    Quote,
    /// The quote itself was edited; the closest approximate match was chosen (see [`fuzzy`]).
    Fuzzy,
}

/// The outcome of anchoring one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchoring {
    Anchored { range: CharRange, method: Method },
    Orphan,
}

/// Places `target` in `text`:
/// 1. the stored position, if the text there equals the quote and its context is intact;
/// 2. the exact quote, scored by how much of prefix and suffix match, then by closeness to
///    the stored position (which is itself a candidate when it holds the quote);
/// 3. an approximate match of the quote with at most a quarter of its length in edits,
///    scored like Hypothesis: quote similarity, prefix and suffix similarity, closeness;
/// 4. otherwise an orphan.
pub fn anchor(text: &[char], target: &Target) -> Anchoring {
    let exact: Vec<char> = target.exact.chars().collect();
    if exact.is_empty() {
        return Anchoring::Orphan;
    }
    let r = target.range;
    let prefix: Vec<char> = target.prefix.chars().collect();
    let suffix: Vec<char> = target.suffix.chars().collect();
    // A short quote ("e", "the") can sit at a stale position by coincidence after the text
    // moved under it; the intact context is what makes the stored position trustworthy.
    if r.end() <= text.len()
        && text[r.start()..r.end()] == exact[..]
        && common_suffix(&text[..r.start()], &prefix) == prefix.len()
        && common_prefix(&text[r.end()..], &suffix) == suffix.len()
    {
        return Anchoring::Anchored { range: r, method: Method::Position };
    }
    let mut best: Option<((usize, std::cmp::Reverse<usize>), usize)> = None;
    for start in find_all(text, &exact) {
        let end = start + exact.len();
        let before = common_suffix(&text[..start], &prefix);
        let after = common_prefix(&text[end..], &suffix);
        let score = (before + after, std::cmp::Reverse(start.abs_diff(r.start())));
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, start));
        }
    }
    match best {
        Some((_, start)) => {
            let range = CharRange::new(start, start + exact.len()).expect("ordered");
            Anchoring::Anchored { range, method: if range == r { Method::Position } else { Method::Quote } }
        }
        None => match approximate(text, &exact, &prefix, &suffix, r.start()) {
            Some(range) => Anchoring::Anchored { range, method: Method::Fuzzy },
            None => Anchoring::Orphan,
        },
    }
}

/// Quotes shorter than this are not searched approximately: one edit would already be more
/// than a quarter of them, and "US" within one edit matches any "U" or "S" in the text.
const MIN_FUZZY_CHARS: usize = 4;

/// Weights of the approximate-match score, as Hypothesis' match-quote uses them: the quote
/// itself counts most, then its context, and closeness to the stored position breaks ties.
const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

/// Step 3: the best-scoring stretch of `text` within `max(1, len / 4)` edits of the quote.
fn approximate(text: &[char], exact: &[char], prefix: &[char], suffix: &[char], hint: usize) -> Option<CharRange> {
    if exact.len() < MIN_FUZZY_CHARS {
        return None;
    }
    let max_errors = (exact.len() / 4).max(1);
    let ends = fuzzy::ends(text, exact, max_errors);
    let mut best: Option<((f64, std::cmp::Reverse<usize>), CharRange)> = None;
    for (i, &(end, errors)) in ends.iter().enumerate() {
        // An end next to one with fewer errors is the same occurrence aligned one character
        // worse: a lower quote score, and a context window only one character away from its
        // neighbour's. Skipping it keeps the start recovery (O(len²/64) each) to a few ends
        // per occurrence instead of up to 2k + 1 of them.
        let worse_than = |j: Option<usize>| j.and_then(|j| ends.get(j)).is_some_and(|&(e, d)| e.abs_diff(end) == 1 && d < errors);
        if worse_than(i.checked_sub(1)) || worse_than(Some(i + 1)) {
            continue;
        }
        for start in fuzzy::starts(text, exact, end, errors) {
            if start == end {
                continue;
            }
            let quote = 1.0 - errors as f64 / exact.len() as f64;
            let before = context_score(&text[start.saturating_sub(prefix.len())..start], prefix);
            let after = context_score(&text[end..(end + suffix.len()).min(text.len())], suffix);
            let position = 1.0 - start.abs_diff(hint) as f64 / text.len() as f64;
            let score = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * before + SUFFIX_WEIGHT * after + POSITION_WEIGHT * position;
            // On a tie ("sayx" is one edit from both "say" and "sayd"), the stretch whose
            // length is nearest the quote's wins.
            let key = (score, std::cmp::Reverse((end - start).abs_diff(exact.len())));
            if best.as_ref().is_none_or(|(k, _)| key.0 > k.0 || (key.0 == k.0 && key.1 > k.1)) {
                best = Some((key, CharRange::new(start, end).expect("start precedes end")));
            }
        }
    }
    best.map(|(_, r)| r)
}

/// How well `context` appears in `window` (1 = intact, 0 = nothing of it). No stored context
/// says nothing against a candidate, so it scores 1, as in Hypothesis.
fn context_score(window: &[char], context: &[char]) -> f64 {
    if context.is_empty() {
        return 1.0;
    }
    1.0 - fuzzy::min_errors(window, context) as f64 / context.len() as f64
}

/// Start offsets of every occurrence of `needle` in `hay`.
fn find_all<'a>(hay: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let last = hay.len().saturating_sub(needle.len() - 1);
    (0..last).filter(move |&i| hay[i] == needle[0] && hay[i..i + needle.len()] == *needle)
}

/// How many trailing chars of `text` equal the trailing chars of `context`.
fn common_suffix(text: &[char], context: &[char]) -> usize {
    text.iter().rev().zip(context.iter().rev()).take_while(|(a, b)| a == b).count()
}

/// How many leading chars of `text` equal the leading chars of `context`.
fn common_prefix(text: &[char], context: &[char]) -> usize {
    text.iter().zip(context).take_while(|(a, b)| a == b).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(s: usize, e: usize, exact: &str, prefix: &str, suffix: &str) -> Target {
        Target { range: CharRange::new(s, e).unwrap(), exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn stored_position_wins_when_it_still_fits() {
        let t = chars("one two one two");
        assert_eq!(
            anchor(&t, &target(8, 11, "one", "", "")),
            Anchoring::Anchored { range: CharRange::new(8, 11).unwrap(), method: Method::Position }
        );
    }

    #[test]
    fn moved_quote_is_found_and_context_picks_the_repeat() {
        let t = chars("😀 said A. Then B said A. Finally said A.");
        // Stored position is stale; the suffix/prefix point at the middle repeat.
        let a = anchor(&t, &target(0, 6, "said A", "Then B ", ". Finally"));
        assert_eq!(a, Anchoring::Anchored { range: CharRange::new(17, 23).unwrap(), method: Method::Quote });
        // Without context, the repeat nearest the stored position wins.
        let a = anchor(&t, &target(30, 36, "said A", "", ""));
        assert_eq!(a, Anchoring::Anchored { range: CharRange::new(33, 39).unwrap(), method: Method::Quote });
    }

    #[test]
    fn missing_quote_is_an_orphan() {
        let t = chars("nothing here");
        assert_eq!(anchor(&t, &target(0, 4, "gone", "", "")), Anchoring::Orphan);
        assert_eq!(anchor(&t, &target(0, 0, "", "", "")), Anchoring::Orphan);
        assert_eq!(anchor(&t, &target(50, 60, "here and more", "", "")), Anchoring::Orphan);
    }

    fn anchored(range: (usize, usize), method: Method) -> Anchoring {
        Anchoring::Anchored { range: CharRange::new(range.0, range.1).unwrap(), method }
    }

    #[test]
    fn a_coincidental_match_at_a_stale_position_loses_to_the_intact_context() {
        // The text changed before the quote; an "e" still sits at the stored offset 7, but in
        // another word.
        let t = chars("Xthe tee cafe and tea");
        let a = anchor(&t, &target(7, 8, "e", "caf", " and"));
        assert_eq!(a, anchored((12, 13), Method::Quote));
        // The stored position still wins when its context is the best there is.
        let a = anchor(&chars("the cafe, the cafe"), &target(17, 18, "e", "caf", " and"));
        assert_eq!(a, anchored((17, 18), Method::Position));
    }

    #[test]
    fn an_edited_quote_is_found_approximately() {
        let t = chars("Ukraine holds deposits worth $15 trillion, officials said.");
        let a = anchor(&t, &target(10, 42, "deposits worth $14.8 trillion", "Ukraine holds ", ", officials"));
        assert_eq!(a, anchored((14, 41), Method::Fuzzy));
        // Emoji and combining marks are one code point each, like any letter.
        let t = chars("Zoe\u{308} said 👩\u{200d}👩\u{200d}👦 is the family emoji");
        let a = anchor(&t, &target(0, 9, "said 👩\u{200d}👩\u{200d}👧 is", "Zoe\u{308} ", " the"));
        assert_eq!(a, anchored((5, 18), Method::Fuzzy));
    }

    #[test]
    fn context_chooses_between_approximate_repeats() {
        let t = chars("First, the minister sayd no. Later, the minister sayd yes.");
        let quote = "the minister said";
        assert_eq!(anchor(&t, &target(0, 17, quote, "Later, ", " yes")), anchored((36, 53), Method::Fuzzy));
        assert_eq!(anchor(&t, &target(40, 57, quote, "First, ", " no")), anchored((7, 24), Method::Fuzzy));
        // Without context, closeness to the stored position decides.
        assert_eq!(anchor(&t, &target(40, 57, quote, "", "")), anchored((36, 53), Method::Fuzzy));
    }

    #[test]
    fn too_many_edits_or_too_short_a_quote_stay_orphans() {
        let t = chars("the minister sayd no");
        // 23 chars allow 5 edits; "the prime minister said" is 7 from anything here.
        assert_eq!(anchor(&t, &target(0, 0, "the prime minister said", "", "")), Anchoring::Orphan);
        // 3 chars: no approximate search at all, although "sayd" is one edit from "sax".
        assert_eq!(anchor(&t, &target(0, 0, "sax", "", "")), Anchoring::Orphan);
        assert_eq!(anchor(&t, &target(0, 0, "sayx", "", "")), anchored((13, 17), Method::Fuzzy));
    }

    #[test]
    fn quotes_longer_than_one_machine_word_are_found() {
        let quote = "Russia has been occupying our land since 2014. They control areas with large mineral deposits.";
        assert!(quote.chars().count() > 64);
        let edited = quote.replace("2014", "2015").replace("large", "vast");
        let text = format!("He said: \"{edited}\" The talks continue.");
        let a = anchor(&chars(&text), &target(0, 0, quote, "He said: \"", "\" The talks"));
        assert_eq!(a, anchored((10, 10 + edited.chars().count()), Method::Fuzzy));
    }
}

#[cfg(test)]
mod properties;
