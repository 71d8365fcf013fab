//! doccano sequence-labelling exports: JSON lines, each a text with its labelled spans as code-point offsets.
//!
//! Each line is `{"text": ..., "label": [[start, end, "LABEL"], ...]}` (the export), or
//! `{"text": ..., "entities": [{"start_offset", "end_offset", "label"}]}` (the relation
//! extraction export; its `relations` are not read), or the import side's `column_data` and
//! `column_label`. Lines may also be pretty-printed objects one after another, as some
//! doccano examples are, or the objects of one array.
//!
//! Offsets are code points into the line's own `text`. When that text is the article, they
//! are used as they are; when it is not (a line per paragraph, another layout), the span is
//! found by its quote and the context around it in the line's text. A line without a text
//! cannot quote its spans, which are skipped; so is a span given twice in one line.
//! Labels become tags as Label Studio's do (see [`super::labels`]).

use super::labels::known_tag;
use super::peer::{Found, PeerRead, SkipReason};
use super::span::{OwnText, Units};
use super::w3c::W3cAnnotation;
use super::JsonError;
use crate::annotation::Tag;
use serde_json::Value;
use std::fmt;

/// Why a file that looks like a doccano export cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DoccanoError {
    /// A line is not valid JSON.
    Json(JsonError),
    /// Line (object) number `n`, 1-based, has no list of labelled spans.
    NotALine(usize),
}

impl fmt::Display for DoccanoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DoccanoError::Json(e) => write!(f, "it is not valid JSON lines ({e})"),
            DoccanoError::NotALine(n) => write!(
                f,
                "entry {n} of this doccano file has no \"label\" or \"entities\" list; export the project again as JSONL (sequence labelling)"
            ),
        }
    }
}

impl std::error::Error for DoccanoError {}

const SPAN_KEYS: [&str; 3] = ["label", "entities", "column_label"];

/// True for an object that is a doccano line.
pub fn is_line(v: &Value) -> bool {
    v.is_object() && SPAN_KEYS.iter().any(|k| v.get(k).is_some_and(Value::is_array)) && v.get("target").is_none()
}

/// Reads JSON lines (or objects one after another) for the article whose code points are `article`.
pub fn parse(json: &str, article: &[char]) -> Result<PeerRead, DoccanoError> {
    let mut out = PeerRead::default();
    let stream = serde_json::Deserializer::from_str(json).into_iter::<Value>();
    for (i, v) in stream.enumerate() {
        let v = v.map_err(|e| DoccanoError::Json(e.into()))?;
        push_line(&v, i + 1, article, &mut out)?;
    }
    Ok(out)
}

/// Reads line number `n` (1-based) into `out`.
pub fn push_line(v: &Value, n: usize, article: &[char], out: &mut PeerRead) -> Result<(), DoccanoError> {
    let spans = SPAN_KEYS.iter().find_map(|k| v.get(k).and_then(Value::as_array)).ok_or(DoccanoError::NotALine(n))?;
    let own = ["text", "column_data", "data"].iter().find_map(|k| v.get(k).and_then(Value::as_str)).map(|t| OwnText::new(t, article));
    let mut seen: Vec<(usize, usize, &str)> = Vec::new();
    for (k, s) in spans.iter().enumerate() {
        let Some((start, end, label)) = span(s) else {
            // A text-classification label ("positive") marks the whole line, not a span.
            out.skipped.add(SkipReason::NotASpan);
            continue;
        };
        if seen.contains(&(start, end, label)) {
            out.skipped.add(SkipReason::Duplicate);
            continue;
        }
        seen.push((start, end, label));
        let Some(own) = &own else {
            out.skipped.add(SkipReason::NoText);
            continue;
        };
        let Some((quote, position)) = own.place(start, end, None, Units::CodePoints) else {
            out.skipped.add(SkipReason::EmptySelector);
            continue;
        };
        let tag = known_tag(label);
        let annotation = W3cAnnotation {
            // Stable across imports of the same file, so importing it again updates, not doubles.
            id: Some(format!("doccano-{n}-{}", k + 1)),
            tag: tag.unwrap_or(Tag::Claim),
            note: String::new(),
            check: Default::default(),
            extra: Default::default(),
            quote: Some(quote),
            position,
            created: None,
            modified: None,
            creator: None,
            labels: if tag.is_none() && !label.is_empty() { vec![label.to_string()] } else { Vec::new() },
        };
        out.found.push(Found { annotation, label: tag.is_none().then(|| label.to_string()).filter(|l| !l.is_empty()) });
    }
    Ok(())
}

/// `[start, end, label]` or `{"start_offset", "end_offset", "label"}`.
fn span(s: &Value) -> Option<(usize, usize, &str)> {
    let num = |v: Option<&Value>| v.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    let (start, end, label) = match s {
        Value::Array(t) => (num(t.first()), num(t.get(1)), t.get(2)),
        Value::Object(_) => (num(s.get("start_offset")), num(s.get("end_offset")), s.get("label")),
        _ => return None,
    };
    Some((start?, end?, label.and_then(Value::as_str).map(str::trim).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn lines_of_both_shapes_on_the_article_itself() {
        let text = "Google was founded on September 4, 1998, by Larry Page 😀 and quotes.";
        let json = format!(
            "{}\n{}\n",
            serde_json::json!({"text": text, "label": [[0, 6, "ORG"], [22, 39, "number"]]}),
            serde_json::json!({"text": text, "entities": [{"id": 0, "start_offset": 61, "end_offset": 67, "label": "QUOTE"}], "relations": []})
        );
        let read = parse(&json, &chars(text)).unwrap();
        type Got<'a> = (Option<(usize, usize)>, Tag, Option<&'a str>);
        let got: Vec<Got> = read.found.iter().map(|f| (f.annotation.position, f.annotation.tag, f.label.as_deref())).collect();
        assert_eq!(
            got,
            vec![(Some((0, 6)), Tag::Claim, Some("ORG")), (Some((22, 39)), Tag::Figure, None), (Some((61, 67)), Tag::Quote, None)]
        );
        assert_eq!(read.found[2].annotation.quote.as_ref().unwrap().exact, "quotes", "code points, past the emoji");
        assert_eq!(read.found[0].annotation.id.as_deref(), Some("doccano-1-1"));
    }

    #[test]
    fn another_text_is_quoted_with_context() {
        let read =
            parse(r#"{"text": "President Obama", "label": [[10, 15, "PERSON"]]}"#, &chars("Headline\n\nSaid President Obama.")).unwrap();
        let q = read.found[0].annotation.quote.as_ref().unwrap();
        assert_eq!((q.exact.as_str(), q.prefix.as_str(), read.found[0].annotation.position), ("Obama", "President ", None));
    }

    #[test]
    fn missing_text_duplicates_and_classification_labels_are_skipped() {
        let json = r#"{"text": "exampleA", "label": [[0, 1, "LOC"], [0, 1, "LOC"], [3, 99, "LOC"]]}
            {"label": [[0, 1, "PER"]], "meta": {"wikiPageID": 3}}
            {"text": "great", "label": ["positive"]}"#;
        let read = parse(json, &chars("exampleA")).unwrap();
        assert_eq!(read.found.len(), 1);
        assert_eq!(read.skipped.to_string(), "4 skipped (1 empty text selector, 1 not a text span, 1 no text to quote, 1 duplicate)");
    }

    #[test]
    fn malformed_lines_fail_whole() {
        assert!(matches!(parse("{\"text\": \"a\", \"label\": []}\n{oops", &[]), Err(DoccanoError::Json(e)) if e.line == 2));
        assert_eq!(parse("{\"text\": \"a\", \"label\": []}\n{\"text\": \"b\"}", &[]), Err(DoccanoError::NotALine(2)));
        assert!(is_line(&serde_json::json!({"text": "a", "entities": []})));
        assert!(!is_line(&serde_json::json!({"type": "AnnotationCollection", "label": "Examples"})));
    }
}
