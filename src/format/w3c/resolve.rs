//! Turning read W3C annotations into Factmark annotations: ids, times, and which unit the offsets are in.
//!
//! The W3C model counts code points, but Hypothesis, Recogito and Label Studio write UTF-16
//! code units (JavaScript string indices). The two agree until the first character outside
//! the Basic Multilingual Plane (an emoji), so the quote decides: when the text at the
//! offsets read as code points is the quote, they are code points; else, if it is the quote
//! when read as UTF-16 units, they are converted; else the code-point reading is kept and
//! anchoring searches for the quote.

use super::W3cAnnotation;
use crate::annotation::{Annotation, AnnotationId, Origin, Status, Target, CONTEXT_CHARS};
use crate::text::CharRange;
use crate::time::Timestamp;
use std::collections::HashSet;

/// Converts UTF-16 code-unit offsets of a text to code points in O(log n), after one pass
/// that lists where the characters outside the BMP (two units each) are.
pub(crate) struct Utf16Index {
    /// Code-point indices of the characters that take two UTF-16 units, ascending.
    astral: Vec<usize>,
    len: usize,
}

impl Utf16Index {
    pub(crate) fn new(text: &[char]) -> Utf16Index {
        let astral = text.iter().enumerate().filter(|(_, c)| c.len_utf16() == 2).map(|(i, _)| i).collect();
        Utf16Index { astral, len: text.len() }
    }

    /// The code point at UTF-16 offset `units`; `None` inside a surrogate pair or past the end.
    pub(crate) fn to_chars(&self, units: usize) -> Option<usize> {
        // The j-th astral character occupies units [astral[j] + j, astral[j] + j + 2), which
        // grows with j, so the ones wholly before `units` are a prefix of the list.
        let before = partition(&self.astral, |j, a| a + j + 2 <= units);
        if self.astral.get(before).is_some_and(|&a| a + before < units) {
            return None;
        }
        let chars = units - before;
        (chars <= self.len).then_some(chars)
    }
}

/// The number of leading items for which `pred(index, item)` holds (it must hold for a prefix).
fn partition(items: &[usize], pred: impl Fn(usize, usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, items.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid, items[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
/// Builds annotations from read W3C annotations, deciding each one's offset unit against
/// `text` (the article's code points). They still have to be anchored ([`Workspace::load`]).
///
/// * An id that is missing, not a usable Factmark id, or already taken becomes `w3c-<n>`
///   (`n` its 1-based position in the file); the UI may replace it with a fresh UUID.
/// * A missing `created` is `now`; a missing `modified` is `created`.
/// * With a quote but no position, the range is empty and anchoring finds the quote. With a
///   position but no quote, the quote is the text at that position (code points), and empty
///   when it lies past the end (the annotation is then an orphan).
///
/// [`Workspace::load`]: crate::workspace::Workspace::load
pub fn to_annotations(parsed: Vec<W3cAnnotation>, text: &[char], now: Timestamp) -> Vec<Annotation> {
    let mut r = Resolver::new(text, now);
    for w in parsed {
        r.push(w);
    }
    r.finish()
}

/// [`to_annotations`] one annotation at a time, so a reader can hand each over as soon as it
/// is read and a large file never holds all its W3C annotations and their conversions at once.
pub struct Resolver<'t> {
    text: &'t [char],
    now: Timestamp,
    index: Utf16Index,
    taken: HashSet<AnnotationId>,
    out: Vec<Annotation>,
}

impl<'t> Resolver<'t> {
    pub fn new(text: &'t [char], now: Timestamp) -> Resolver<'t> {
        Resolver { text, now, index: Utf16Index::new(text), taken: HashSet::new(), out: Vec::new() }
    }

    /// Converts the next annotation of the file.
    pub fn push(&mut self, w: W3cAnnotation) {
        let n = self.out.len() + 1;
        let id = match w.id.as_deref().and_then(|s| AnnotationId::parse(s).ok()) {
            Some(id) if !self.taken.contains(&id) => id,
            _ => fresh_id(n, &self.taken),
        };
        self.taken.insert(id.clone());
        let created = w.created.unwrap_or(self.now);
        self.out.push(Annotation {
            id,
            tag: w.tag,
            target: target(&w, self.text, &self.index),
            note: w.note,
            origin: Origin::boxed(w.creator.unwrap_or_default(), w.labels),
            created,
            modified: w.modified.unwrap_or(created),
            status: Status::Anchored,
            check: w.check.into(),
            extra: w.extra,
        });
    }

    pub fn finish(mut self) -> Vec<Annotation> {
        // The count was not known up front; the slack of the last doubling goes back.
        self.out.shrink_to_fit();
        self.out
    }
}

fn fresh_id(n: usize, taken: &HashSet<AnnotationId>) -> AnnotationId {
    (1..)
        .map(|k| if k == 1 { format!("w3c-{n}") } else { format!("w3c-{n}-{k}") })
        .filter_map(|s| AnnotationId::parse(&s).ok())
        .find(|id| !taken.contains(id))
        .expect("some suffix is free")
}

fn target(w: &W3cAnnotation, text: &[char], index: &Utf16Index) -> Target {
    let slice = |s: usize, e: usize| -> Option<&[char]> { text.get(s..e) };
    match (&w.quote, w.position) {
        (Some(q), Some((s, e))) => {
            let holds_quote = |s: usize, e: usize| slice(s, e).is_some_and(|t| t.iter().copied().eq(q.exact.chars()));
            let (s, e) = match (index.to_chars(s), index.to_chars(e)) {
                (Some(cs), Some(ce)) if !holds_quote(s, e) && holds_quote(cs, ce) => (cs, ce),
                _ => (s, e),
            };
            Target {
                range: CharRange::new(s, e).unwrap_or_default(),
                exact: q.exact.clone(),
                prefix: q.prefix.clone(),
                suffix: q.suffix.clone(),
            }
        }
        (Some(q), None) => {
            Target { range: CharRange::default(), exact: q.exact.clone(), prefix: q.prefix.clone(), suffix: q.suffix.clone() }
        }
        (None, Some((s, e))) => {
            let range = CharRange::new(s, e).unwrap_or_default();
            let exact: String = slice(s, e).map(|t| t.iter().collect()).unwrap_or_default();
            let prefix = if exact.is_empty() { String::new() } else { text[s.saturating_sub(CONTEXT_CHARS)..s].iter().collect() };
            let suffix = if exact.is_empty() { String::new() } else { text[e..(e + CONTEXT_CHARS).min(text.len())].iter().collect() };
            Target { range, exact, prefix, suffix }
        }
        (None, None) => Target { range: CharRange::default(), exact: String::new(), prefix: String::new(), suffix: String::new() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Tag;
    use crate::format::w3c::QuoteSelector;
    use crate::testing::Rng;
    use crate::text::convert::chars_to_utf16;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn w3c(quote: Option<&str>, position: Option<(usize, usize)>) -> W3cAnnotation {
        W3cAnnotation {
            id: None,
            tag: Tag::Claim,
            note: String::new(),
            check: crate::annotation::Check::default(),
            extra: Default::default(),
            quote: quote.map(|q| QuoteSelector { exact: q.into(), ..Default::default() }),
            position,
            created: None,
            modified: None,
            creator: None,
            labels: Vec::new(),
        }
    }

    fn range(text: &[char], w: W3cAnnotation) -> (usize, usize) {
        let r = to_annotations(vec![w], text, Timestamp(0))[0].target.range;
        (r.start(), r.end())
    }

    #[test]
    fn utf16_index_agrees_with_the_linear_conversion() {
        let pool = chars("a😀Ж👩\u{200d}e\u{301}中𝄞");
        let mut rng = Rng::new(4);
        for _ in 0..200 {
            let text: Vec<char> = (0..rng.below(30)).map(|_| pool[rng.below(pool.len())]).collect();
            let s: String = text.iter().collect();
            let index = Utf16Index::new(&text);
            let units = s.encode_utf16().count();
            let boundaries: Vec<usize> = (0..=text.len()).map(|i| chars_to_utf16(&s, i)).collect();
            for u in 0..=units + 2 {
                let want = boundaries.iter().position(|&b| b == u);
                assert_eq!(index.to_chars(u), want, "{s:?} at unit {u}");
            }
        }
    }

    #[test]
    fn the_quote_decides_the_unit() {
        let text = chars("😀😀 say hello 😀 world");
        // Code points: "hello" is at 7..12; in UTF-16 units at 9..14.
        assert_eq!(range(&text, w3c(Some("hello"), Some((7, 12)))), (7, 12));
        assert_eq!(range(&text, w3c(Some("hello"), Some((9, 14)))), (7, 12));
        // Neither reading holds the quote: the code-point reading is kept for anchoring.
        assert_eq!(range(&text, w3c(Some("gone"), Some((9, 14)))), (9, 14));
        // A UTF-16 offset inside a surrogate pair is no reading at all.
        assert_eq!(range(&text, w3c(Some("😀"), Some((1, 3)))), (1, 3));
    }

    #[test]
    fn one_selector_alone() {
        let text = chars("😀 one two three four");
        let a = &to_annotations(vec![w3c(None, Some((2, 9)))], &text, Timestamp(0))[0];
        assert_eq!((a.target.exact.as_str(), a.target.prefix.as_str(), a.target.suffix.as_str()), ("one two", "😀 ", " three four"));
        let past = &to_annotations(vec![w3c(None, Some((20, 90)))], &text, Timestamp(0))[0];
        assert_eq!(past.target.exact, "", "nothing to quote: it will be an orphan");
        assert_eq!(range(&text, w3c(Some("two"), None)), (0, 0));
    }

    #[test]
    fn ids_and_times_are_filled_in() {
        let mut a = w3c(Some("x"), None);
        a.id = Some("dup".into());
        a.created = Some(Timestamp(7));
        let mut spaced = a.clone();
        spaced.id = Some("has space".into());
        let mut clash = w3c(Some("x"), None);
        clash.id = Some("w3c-3".into());
        let out = to_annotations(vec![a.clone(), a, spaced, clash, w3c(Some("x"), None)], &chars("x"), Timestamp(42));
        let ids: Vec<&str> = out.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["dup", "w3c-2", "w3c-3", "w3c-4", "w3c-5"]);
        let mut clash_first = w3c(Some("x"), None);
        clash_first.id = Some("w3c-2".into());
        let out2 = to_annotations(vec![clash_first, w3c(Some("x"), None)], &chars("x"), Timestamp(0));
        assert_eq!(out2[1].id.as_str(), "w3c-2-2");
        assert_eq!((out[0].created, out[0].modified), (Timestamp(7), Timestamp(7)));
        assert_eq!((out[4].created, out[4].modified), (Timestamp(42), Timestamp(42)));
    }
}
