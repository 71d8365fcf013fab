//! Hypothesis annotations: its API search result, its client's export file, or a plain list of its rows.
//!
//! The three shapes hold the same rows: `{"total": n, "rows": [...]}` (the search API),
//! `{"export_date", "export_userid", "client_version", "annotations": [...]}` (the client's
//! "Export annotations"), or the rows alone in an array. A row is close to a W3C annotation,
//! and is read with the W3C selector reader (`target[].selector[]`: TextQuoteSelector,
//! TextPositionSelector, RangeSelector...; see [`super::w3c`]), so it is placed exactly as a
//! W3C annotation is: Hypothesis positions are UTF-16 code units, told apart by the quote.
//! From each row:
//! * `text` (the comment) is the note;
//! * the first of `tags` that is claim, figure or quote (any case) is the tag, else the
//!   annotation is a **Claim**; the other tags are kept as its labels. Hypothesis tags are
//!   the annotator's free words, not a scheme, so they are never asked about;
//! * `user` ("acct:name@hypothes.is") is the creator; `created` and `updated` are kept.
//!
//! Page notes and replies have no selector (their target is the page) and are skipped,
//! counted as "targets a whole page".

use super::peer::{Found, PeerRead};
use super::w3c::{selector, W3cAnnotation};
use crate::annotation::Tag;
use crate::time::Timestamp;
use serde_json::Value;
use std::fmt;

/// Keys a Hypothesis row has and a W3C annotation has not.
const ROW_KEYS: [&str; 7] = ["user", "uri", "tags", "text", "group", "permissions", "document"];

/// Keys only the client's export file has at its top level.
const EXPORT_KEYS: [&str; 3] = ["export_date", "export_userid", "client_version"];

/// Why a file that looks like Hypothesis' cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HypothesisError {
    /// `rows` or `annotations` is not a list.
    NotAList(&'static str),
    /// Row number `n` (1-based) is not an annotation with a target.
    NotARow(usize),
}

impl fmt::Display for HypothesisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HypothesisError::NotAList(key) => write!(f, "it looks like a Hypothesis file, but its \"{key}\" is not a list of annotations"),
            HypothesisError::NotARow(n) => write!(
                f,
                "annotation {n} of this Hypothesis file has no \"target\"; export the file again from Hypothesis, or fetch it from its search API"
            ),
        }
    }
}

impl std::error::Error for HypothesisError {}

/// True for the search result and the export file (the rows alone are told by [`is_row`]).
pub fn is_file(v: &Value) -> bool {
    let list = |key: &str| v.get(key).is_some_and(Value::is_array);
    (list("rows") && v.get("total").is_some()) || (list("annotations") && EXPORT_KEYS.iter().any(|k| v.get(k).is_some()))
}

/// True for an object that is a Hypothesis row rather than a W3C annotation.
pub fn is_row(v: &Value) -> bool {
    v.get("target").is_some_and(Value::is_array)
        && ["body", "bodyValue", "@context"].iter().all(|k| v.get(k).is_none())
        && ROW_KEYS.iter().any(|k| v.get(k).is_some())
}

/// Reads a search result or an export file.
pub fn parse_value(v: &Value) -> Result<PeerRead, HypothesisError> {
    let key = if v.get("rows").is_some() { "rows" } else { "annotations" };
    let rows = v.get(key).and_then(Value::as_array).ok_or(HypothesisError::NotAList(key))?;
    let mut out = PeerRead::default();
    for (i, r) in rows.iter().enumerate() {
        push_row(r, i + 1, &mut out)?;
    }
    Ok(out)
}

/// Reads row number `n` (1-based) of a file into `out`.
pub fn push_row(v: &Value, n: usize, out: &mut PeerRead) -> Result<(), HypothesisError> {
    let targets = selector_targets(v).ok_or(HypothesisError::NotARow(n))?;
    match selector::select(&targets) {
        Ok((quote, position)) => out.found.push(Found::tagged(annotation(v, quote, position))),
        Err(reason) => out.skipped.add(reason),
    }
    Ok(())
}

fn selector_targets(v: &Value) -> Option<Vec<&Value>> {
    match v.as_object()?.get("target")? {
        Value::Array(targets) => Some(targets.iter().collect()),
        one @ (Value::Object(_) | Value::String(_)) => Some(vec![one]),
        _ => None,
    }
}

fn annotation(v: &Value, quote: Option<super::w3c::QuoteSelector>, position: Option<(usize, usize)>) -> W3cAnnotation {
    let string = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let time = |key: &str| v.get(key).and_then(Value::as_str).and_then(Timestamp::parse_rfc3339);
    let (mut tag, mut labels) = (None, Vec::<String>::new());
    for t in v.get("tags").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(str::trim) {
        match Tag::parse(t) {
            Some(found) => tag = tag.or(Some(found)),
            None if !t.is_empty() && !labels.iter().any(|l| l == t) => labels.push(t.to_string()),
            None => {}
        }
    }
    W3cAnnotation {
        id: string("id"),
        tag: tag.unwrap_or(Tag::Claim),
        note: string("text").unwrap_or_default(),
        check: Default::default(),
        extra: Default::default(),
        quote,
        position,
        created: time("created"),
        modified: time("updated"),
        creator: string("user").filter(|u| !u.is_empty()),
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::peer::SkipReason;
    use serde_json::json;

    fn row(extra: Value) -> Value {
        let mut r = json!({"id": "LOCXbsOCEeaQl6f6fQh87Q", "user": "acct:mark@localhost", "text": "Footer",
            "created": "2016-12-16T11:24:14.673557+00:00", "updated": "2016-12-17T11:24:14+00:00",
            "target": [{"source": "https://x", "selector": [
                {"type": "RangeSelector", "startContainer": "/div[5]", "startOffset": 32, "endContainer": "/div[5]", "endOffset": 48},
                {"type": "TextPositionSelector", "start": 11881, "end": 11897},
                {"type": "TextQuoteSelector", "exact": "11 November 2016", "prefix": "modified on ", "suffix": ", at"}]}]});
        for (k, v) in extra.as_object().unwrap() {
            r[k] = v.clone();
        }
        r
    }

    #[test]
    fn a_row_keeps_comment_tags_user_and_times() {
        let file = json!({"total": 1, "rows": [row(json!({"tags": ["misleading", "FIGURE", "quote", "misleading", " "]}))]});
        assert!(is_file(&file));
        let read = parse_value(&file).unwrap();
        let a = &read.found[0].annotation;
        assert_eq!((a.tag, &a.labels, a.note.as_str()), (Tag::Figure, &vec!["misleading".to_string()], "Footer"));
        assert_eq!(a.creator.as_deref(), Some("acct:mark@localhost"));
        assert_eq!(a.created, Timestamp::parse_rfc3339("2016-12-16T11:24:14.673Z"));
        assert_eq!(a.modified, Timestamp::parse_rfc3339("2016-12-17T11:24:14Z"));
        assert_eq!((a.quote.as_ref().unwrap().exact.as_str(), a.position), ("11 November 2016", Some((11881, 11897))));
        assert_eq!(read.found[0].label, None, "Hypothesis tags are never asked about");
        let untagged = parse_value(&json!({"total": 1, "rows": [row(json!({"tags": []}))]})).unwrap();
        assert_eq!(untagged.found[0].annotation.tag, Tag::Claim);
    }

    #[test]
    fn page_notes_and_replies_are_skipped_and_bad_rows_refused() {
        let note = json!({"id": "n", "user": "acct:a@h", "text": "page note", "target": [{"source": "https://x"}]});
        let export = json!({"export_date": "2016-12-16T12:00:00.000Z", "annotations": [row(json!({})), note]});
        assert!(is_file(&export));
        let read = parse_value(&export).unwrap();
        assert_eq!((read.found.len(), read.skipped.count(SkipReason::WholeDocument)), (1, 1));
        let bad = json!({"total": 2, "rows": [row(json!({})), {"id": "x", "text": "no target"}]});
        assert_eq!(parse_value(&bad), Err(HypothesisError::NotARow(2)));
        assert_eq!(parse_value(&json!({"total": 1, "rows": {"a": 1}})), Err(HypothesisError::NotAList("rows")));
        assert!(HypothesisError::NotARow(2).to_string().contains("export the file again"));
    }

    #[test]
    fn rows_are_told_from_w3c_annotations() {
        assert!(is_row(&row(json!({}))));
        let w3c =
            json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": [{"source": "x"}], "creator": "u"});
        assert!(!is_row(&w3c));
        assert!(!is_row(&json!({"id": "test", "target": [{"selector": []}]})), "a bare row reads the same as W3C");
        assert!(!is_file(&json!({"annotations": [], "data": {"text": "a Label Studio task"}})));
    }
}
