//! The text a W3C target selects: its quote and position selectors, followed through `refinedBy` chains.
//!
//! A target may list several selectors: alternatives for the same passage (Hypothesis writes
//! a RangeSelector, a TextPositionSelector and a TextQuoteSelector). The first usable quote
//! and the first usable position among them are taken.
//!
//! Each selector may be refined (W3C model §4.2.9): the inner selector selects within what
//! the outer one selected. Followed outer to inner:
//! * an inner quote is the narrower quote, and replaces the outer one (an outer position
//!   stays as the hint where to look for it);
//! * an inner position counts from the start of what the outer selected: added to an outer
//!   position, or cut out of an outer quote (its context growing by what was cut off);
//! * a position inside a non-text selector (a FragmentSelector or XPath naming an element)
//!   counts from an element Factmark cannot locate, and is not used; a quote inside one is,
//!   as a quote is found by searching the whole text.

use super::QuoteSelector;
use crate::format::peer::SkipReason;
use serde_json::Value;

/// Longest `refinedBy` chain followed; deeper ones are not written by any tool, and a limit
/// keeps a hostile file from costing more than its size.
const MAX_REFINEMENTS: usize = 16;

/// A quote and/or a position; at least one is set.
pub(crate) type Selection = (Option<QuoteSelector>, Option<(usize, usize)>);

/// True when `v`'s `type` (or `@type`), a string or a list, names `kind` (bare or `oa:`).
pub(super) fn has_type(v: &Value, kind: &str) -> bool {
    let named = |t: &Value| t.as_str().is_some_and(|s| s.strip_prefix("oa:").unwrap_or(s) == kind);
    match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::Array(types)) => types.iter().any(named),
        Some(t) => named(t),
        None => false,
    }
}

/// A one-or-many JSON-LD value as a list.
pub(super) fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// What the first target that selects text selects, or why none does.
pub(crate) fn select(targets: &[&Value]) -> Result<Selection, SkipReason> {
    let mut why = SkipReason::WholeDocument;
    for target in targets {
        match target_selection(target) {
            Ok(found) => return Ok(found),
            // The most telling reason across targets: a text selector that places nothing
            // says more than an image region, which says more than a bare address.
            Err(reason) => why = why.max(reason),
        }
    }
    Err(why)
}

fn target_selection(target: &Value) -> Result<Selection, SkipReason> {
    let is_text = |s: &Value| has_type(s, "TextQuoteSelector") || has_type(s, "TextPositionSelector");
    let list = match target.get("selector") {
        Some(s) => many(Some(s)),
        // Some tools put the selector's fields on the target itself.
        None if is_text(target) => vec![target],
        None => return Err(SkipReason::WholeDocument),
    };
    let (mut quote, mut position, mut saw_text) = (None, None, false);
    for s in list {
        let (q, p, text) = chain(s);
        saw_text |= text;
        quote = quote.or(q);
        position = position.or(p);
    }
    match (quote, position) {
        (None, None) if saw_text => Err(SkipReason::EmptySelector),
        (None, None) => Err(SkipReason::NoTextSelector),
        found => Ok(found),
    }
}

/// One selector and its refinements; the third value says whether any was a text selector.
fn chain(outer: &Value) -> (Option<QuoteSelector>, Option<(usize, usize)>, bool) {
    let (mut quote, mut position, mut saw_text) = (None::<QuoteSelector>, None::<(usize, usize)>, false);
    // Whether positions met now count from the start of the document.
    let mut located = true;
    let mut next = Some(outer);
    for _ in 0..MAX_REFINEMENTS {
        let Some(s) = next else { break };
        if has_type(s, "TextQuoteSelector") {
            saw_text = true;
            if let Some(q) = quote_of(s) {
                quote = Some(q);
            }
        } else if has_type(s, "TextPositionSelector") {
            saw_text = true;
            if let Some((a, b)) = position_of(s) {
                match (position, &quote) {
                    (Some((start, _)), _) => {
                        position = start.checked_add(a).zip(start.checked_add(b));
                        quote = quote.as_ref().and_then(|q| cut(q, a, b));
                    }
                    (None, Some(q)) => quote = cut(q, a, b),
                    (None, None) if located => position = Some((a, b)),
                    (None, None) => {}
                }
            }
        } else if quote.is_none() && position.is_none() {
            located = false;
        }
        next = many(s.get("refinedBy")).into_iter().next();
    }
    (quote, position, saw_text)
}

fn quote_of(s: &Value) -> Option<QuoteSelector> {
    let exact = string(s, "exact").filter(|e| !e.is_empty())?;
    Some(QuoteSelector { exact, prefix: string(s, "prefix").unwrap_or_default(), suffix: string(s, "suffix").unwrap_or_default() })
}

fn position_of(s: &Value) -> Option<(usize, usize)> {
    let (start, end) = (s.get("start")?.as_u64()?, s.get("end")?.as_u64()?);
    let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    // An empty position places nothing; with a quote, the quote still does.
    (start < end).then_some((start, end))
}

/// Code points `a..b` of a quote, the rest of it becoming context; `None` when out of bounds.
fn cut(q: &QuoteSelector, a: usize, b: usize) -> Option<QuoteSelector> {
    let chars: Vec<char> = q.exact.chars().collect();
    let inner = chars.get(a..b)?;
    let prefix = q.prefix.chars().chain(chars[..a].iter().copied()).collect();
    let suffix = chars[b..].iter().copied().chain(q.suffix.chars()).collect();
    Some(QuoteSelector { exact: inner.iter().collect(), prefix, suffix })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sel(target: Value) -> Result<Selection, SkipReason> {
        select(&[&target])
    }

    fn quote(exact: &str, prefix: &str, suffix: &str) -> Option<QuoteSelector> {
        Some(QuoteSelector { exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() })
    }

    #[test]
    fn a_quote_inside_a_fragment_is_used_and_a_position_is_not() {
        let quote_in = json!({"selector": {"type": "FragmentSelector", "value": "para5",
            "refinedBy": {"type": "TextQuoteSelector", "exact": "Selected Text", "prefix": "the "}}});
        assert_eq!(sel(quote_in), Ok((quote("Selected Text", "the ", ""), None)));
        let position_in = json!({"selector": {"type": "FragmentSelector", "value": "xpointer(/doc/p[1])",
            "refinedBy": {"type": "TextPositionSelector", "start": 6, "end": 27}}});
        assert_eq!(sel(position_in), Err(SkipReason::EmptySelector), "relative to an element we cannot find");
        let range_in = json!({"selector": {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[1]"},
            "refinedBy": {"type": "TextQuoteSelector", "exact": "word"}}});
        assert_eq!(sel(range_in), Ok((quote("word", "", ""), None)));
    }

    #[test]
    fn refinements_of_text_selectors_narrow_them() {
        let pos_then_quote = json!({"selector": {"type": "TextPositionSelector", "start": 10, "end": 40,
            "refinedBy": {"type": "TextQuoteSelector", "exact": "inner"}}});
        assert_eq!(sel(pos_then_quote), Ok((quote("inner", "", ""), Some((10, 40)))));
        let pos_then_pos = json!({"selector": {"type": "TextPositionSelector", "start": 10, "end": 40,
            "refinedBy": {"type": "TextPositionSelector", "start": 2, "end": 5}}});
        assert_eq!(sel(pos_then_pos), Ok((None, Some((12, 15)))));
        let quote_then_pos = json!({"selector": {"type": "TextQuoteSelector", "exact": "say 😀 hello", "prefix": "I ",
            "refinedBy": {"type": "TextPositionSelector", "start": 4, "end": 5}}});
        assert_eq!(sel(quote_then_pos), Ok((quote("😀", "I say ", " hello"), None)));
        let past = json!({"selector": {"type": "TextQuoteSelector", "exact": "abc",
            "refinedBy": {"type": "TextPositionSelector", "start": 2, "end": 9}}});
        assert_eq!(sel(past), Err(SkipReason::EmptySelector), "a refinement past the quote places nothing");
    }

    #[test]
    fn alternatives_and_reasons() {
        let hypothesis = json!({"source": "http://a", "selector": [
            {"type": "RangeSelector", "startContainer": "/div[1]", "startOffset": 4},
            {"type": "TextPositionSelector", "start": 4, "end": 7},
            {"type": "TextQuoteSelector", "exact": "Two", "prefix": "One "}]});
        assert_eq!(sel(hypothesis), Ok((quote("Two", "One ", ""), Some((4, 7)))));
        assert_eq!(sel(json!("http://example.org/page")), Err(SkipReason::WholeDocument));
        assert_eq!(sel(json!({"id": "http://example.com/image1#xywh=1,1,3,3", "type": "Image"})), Err(SkipReason::WholeDocument));
        assert_eq!(
            sel(json!({"source": "http://a", "selector": {"type": "SvgSelector", "value": "<svg/>"}})),
            Err(SkipReason::NoTextSelector)
        );
        let page = json!("http://example.org/page");
        let svg = json!({"selector": {"type": "SvgSelector"}});
        let text = json!({"type": "TextQuoteSelector", "exact": "x"});
        assert_eq!(select(&[&page, &svg]), Err(SkipReason::NoTextSelector), "the most telling reason");
        assert_eq!(select(&[&page, &svg, &text]), Ok((quote("x", "", ""), None)), "the first target that selects text");
    }

    #[test]
    fn deep_and_odd_chains_are_bounded() {
        let mut deep = json!({"type": "TextQuoteSelector", "exact": "x"});
        for _ in 0..1000 {
            deep = json!({"type": "FragmentSelector", "refinedBy": deep});
        }
        assert_eq!(sel(json!({"selector": deep})), Err(SkipReason::NoTextSelector), "beyond the limit: not followed");
        let huge = json!({"selector": {"type": "TextPositionSelector", "start": 1, "end": 2,
            "refinedBy": {"type": "TextPositionSelector", "start": u64::MAX - 1, "end": u64::MAX}}});
        assert_eq!(sel(huge), Err(SkipReason::EmptySelector), "an overflowing refinement places nothing");
    }
}
