//! Recogito's own annotation format (text-annotator's native, non-W3C objects): an array of
//! `{id, bodies, target: {selector: [{quote, start, end}], created, updated, creator}}`.
//!
//! Offsets are the browser's (UTF-16 units into the page it was made on), so they are only a
//! hint: the quote places the span, as for W3C files. A `tagging` body with a tag word sets
//! the tag, other tags are kept as labels, and `commenting` bodies become the note; an
//! annotation with no tag word is a claim, as a Hypothesis row is.

use super::peer::{Found, PeerRead, SkipReason};
use super::w3c::{QuoteSelector, W3cAnnotation};
use crate::annotation::Tag;
use crate::time::Timestamp;
use serde_json::Value;
use std::fmt;

/// Why a file that looks like Recogito's own format cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecogitoError {
    /// Item `n`, 1-based, has no `target.selector` list.
    NotAnAnnotation(usize),
}

impl fmt::Display for RecogitoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecogitoError::NotAnAnnotation(n) => write!(
                f,
                "item {n} of this Recogito file has no target with a selector; export the annotations again, or as W3C Web Annotations"
            ),
        }
    }
}

impl std::error::Error for RecogitoError {}

/// True for an object in Recogito's own format: `bodies`, and a target whose selectors quote.
pub fn is_native(v: &Value) -> bool {
    v.get("bodies").is_some_and(Value::is_array)
        && v.get("body").is_none()
        && v["target"]["selector"].as_array().is_some_and(|s| s.iter().any(|x| x.get("quote").is_some()))
}

/// Reads item number `n` (1-based) into `out`.
pub fn push_item(v: &Value, n: usize, out: &mut PeerRead) -> Result<(), RecogitoError> {
    let selectors = v["target"]["selector"].as_array().ok_or(RecogitoError::NotAnAnnotation(n))?;
    // Several selectors are one annotation over several ranges; the first that quotes places it.
    let Some(s) = selectors.iter().find(|s| s["quote"].as_str().is_some_and(|q| !q.trim().is_empty())) else {
        out.skipped.add(SkipReason::EmptySelector);
        return Ok(());
    };
    let offset = |k: &str| s[k].as_u64().and_then(|x| usize::try_from(x).ok());
    let position = offset("start").zip(offset("end")).filter(|(a, b)| a < b);
    let quote = QuoteSelector { exact: s["quote"].as_str().unwrap_or_default().to_string(), prefix: String::new(), suffix: String::new() };
    let (mut tag, mut labels, mut notes) = (None, Vec::<String>::new(), Vec::<&str>::new());
    for b in v["bodies"].as_array().into_iter().flatten() {
        let value = b["value"].as_str().map(str::trim).unwrap_or_default();
        match b["purpose"].as_str() {
            Some("tagging") => match Tag::parse(value) {
                Some(t) => tag = tag.or(Some(t)),
                None if !value.is_empty() && !labels.iter().any(|l| l == value) => labels.push(value.to_string()),
                None => {}
            },
            Some("commenting") | Some("replying") | None if !value.is_empty() => notes.push(value),
            _ => {}
        }
    }
    let target = &v["target"];
    let time = |k: &str| target[k].as_str().and_then(Timestamp::parse_rfc3339);
    let creator = target["creator"]["name"].as_str().or(target["creator"]["id"].as_str()).filter(|c| !c.is_empty());
    out.found.push(Found::tagged(W3cAnnotation {
        id: v["id"].as_str().map(str::to_string),
        tag: tag.unwrap_or(Tag::Claim),
        note: notes.join("\n\n"),
        check: Default::default(),
        extra: Default::default(),
        quote: Some(quote),
        position,
        created: time("created"),
        modified: time("updated"),
        creator: creator.map(str::to_string),
        labels,
    }));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(bodies: Value) -> Value {
        json!({"id": "159d11e1", "bodies": bodies, "target": {"annotation": "159d11e1",
            "selector": [{"quote": "that ingenious hero", "start": 67, "end": 86, "range": {}}],
            "created": "2025-11-05T10:02:22.596Z", "updated": "2025-11-05T10:02:24.133Z",
            "creator": {"isGuest": true, "id": "mxSAAs8itnJKKRBpcd0n"}}})
    }

    #[test]
    fn items_become_annotations_with_their_tags_and_comments() {
        let v = item(json!([
            {"purpose": "tagging", "value": "Quote"},
            {"purpose": "tagging", "value": "odyssey"},
            {"purpose": "commenting", "value": "Check the translation"}
        ]));
        assert!(is_native(&v));
        let mut out = PeerRead::default();
        push_item(&v, 1, &mut out).unwrap();
        let a = &out.found[0].annotation;
        assert_eq!((a.tag, a.labels.clone(), a.note.as_str()), (Tag::Quote, vec!["odyssey".to_string()], "Check the translation"));
        assert_eq!(a.quote.as_ref().map(|q| q.exact.as_str()), Some("that ingenious hero"));
        assert_eq!((a.position, a.id.as_deref(), a.creator.as_deref()), (Some((67, 86)), Some("159d11e1"), Some("mxSAAs8itnJKKRBpcd0n")));
        assert!(a.created.is_some() && a.modified > a.created);
        assert_eq!(out.found[0].label, None, "no label question: untagged items are claims");
    }

    #[test]
    fn untagged_empty_and_malformed_items() {
        let mut out = PeerRead::default();
        push_item(&item(json!([])), 1, &mut out).unwrap();
        assert_eq!(out.found[0].annotation.tag, Tag::Claim);
        let mut empty = item(json!([]));
        empty["target"]["selector"][0]["quote"] = json!("  ");
        push_item(&empty, 2, &mut out).unwrap();
        assert_eq!(out.skipped.count(SkipReason::EmptySelector), 1);
        let broken = json!({"bodies": [], "target": {}});
        assert!(!is_native(&broken));
        assert_eq!(push_item(&broken, 3, &mut out), Err(RecogitoError::NotAnAnnotation(3)));
        assert!(!is_native(&json!({"body": [], "bodies": [], "target": {"selector": [{"quote": "x"}]}})), "a W3C annotation");
    }
}
