//! Reading W3C annotation JSON: finding the annotations in any container shape, then their selectors and bodies.

use super::ids::annotation_id;
use super::selector::{has_type, many, select};
use super::{W3cAnnotation, W3cError, W3cFile};
use crate::annotation::{Check, Evidence, Tag};
use crate::format::peer::SkipReason;
use crate::time::Timestamp;
use serde_json::Value;

/// Body purposes whose text becomes the note.
const NOTE_PURPOSES: [&str; 2] = ["commenting", "describing"];

/// Longest assessing text read as a verdict label; a longer one is an assessment in words,
/// kept in the note.
const MAX_VERDICT_CHARS: usize = 60;

#[cfg(test)]
pub(super) fn read(json: &str) -> Result<W3cFile, W3cError> {
    let value: Value = serde_json::from_str(json).map_err(|e| W3cError::Json(e.into()))?;
    read_value(&value)
}

pub(super) fn read_value(value: &Value) -> Result<W3cFile, W3cError> {
    let mut file = W3cFile::default();
    for (i, v) in annotation_values(value)?.into_iter().enumerate() {
        match item(v).ok_or(W3cError::NoTarget(i + 1))? {
            Ok(a) => file.annotations.push(a),
            Err(reason) => file.skipped.add(reason),
        }
    }
    Ok(file)
}

pub(super) fn looks_like_annotation(v: &Value) -> bool {
    v.get("target").is_some() || has_type(v, "Annotation")
}

/// The annotation objects of a document, whatever holds them.
fn annotation_values(v: &Value) -> Result<Vec<&Value>, W3cError> {
    match v {
        Value::Array(items) if items.is_empty() || items.iter().any(looks_like_annotation) => Ok(items.iter().collect()),
        Value::Object(o) if looks_like_annotation(v) && !o.contains_key("items") => Ok(vec![v]),
        Value::Object(o) if has_type(v, "AnnotationCollection") || o.contains_key("first") => match (o.get("items"), o.get("first")) {
            (Some(Value::Array(items)), _) => Ok(items.iter().collect()),
            (_, Some(page @ Value::Object(_))) => page_items(page),
            (_, Some(Value::String(_))) => Err(W3cError::PagesNotIncluded),
            // A collection with neither holds no annotation (an empty export).
            _ => Ok(Vec::new()),
        },
        Value::Object(o) if has_type(v, "AnnotationPage") || o.get("items").is_some_and(Value::is_array) => page_items(v),
        _ => Err(W3cError::NotW3c),
    }
}

/// The items of a page and of every page embedded after it through `next`.
fn page_items(mut page: &Value) -> Result<Vec<&Value>, W3cError> {
    let mut out = Vec::new();
    loop {
        out.extend(page.get("items").and_then(Value::as_array).into_iter().flatten());
        match page.get("next") {
            Some(next @ Value::Object(_)) => page = next,
            Some(Value::String(_)) if out.is_empty() => return Err(W3cError::PagesNotIncluded),
            _ => return Ok(out),
        }
    }
}

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// One item of a file: `None` when it is no annotation at all (it has no target: the file is
/// malformed), else the annotation, or why it selects no text.
pub(super) fn item(v: &Value) -> Option<Result<W3cAnnotation, SkipReason>> {
    let targets = many(v.get("target"));
    if targets.is_empty() {
        return None;
    }
    Some(select(&targets).map(|(quote, position)| {
        // A Factmark export carries the whole record; a malformed one is read as if absent.
        let check = v.get("fm:check").and_then(|c| serde_json::from_value::<Check>(c.clone()).ok());
        let extra = v.get("fm:extra").and_then(Value::as_object).cloned().unwrap_or_default();
        let Bodies { tag, note, verdict, evidence, labels, speaker } = bodies(v, check.is_some());
        let check = check.unwrap_or(Check { verdict, evidence, speaker, ..Check::default() });
        let time = |key: &str| v.get(key).and_then(Value::as_str).and_then(Timestamp::parse_rfc3339);
        let id = string(v, "id").or_else(|| string(v, "@id")).map(|id| annotation_id(&id));
        let (created, modified) = (time("created"), time("modified").or_else(|| time("updated")));
        W3cAnnotation { id, tag, note, check, extra, quote, position, created, modified, creator: creator(v), labels }
    }))
}

/// The `creator`: an address, or a person or software with a `name`, `nickname` or `id`.
fn creator(v: &Value) -> Option<String> {
    let c = many(v.get("creator")).into_iter().next()?;
    c.as_str().map(str::to_string).or_else(|| ["name", "nickname", "id"].iter().find_map(|k| string(c, k))).filter(|s| !s.trim().is_empty())
}

/// What the bodies of one annotation say.
struct Bodies {
    tag: Tag,
    note: String,
    verdict: Option<String>,
    evidence: Vec<Evidence>,
    /// The tagging values that are not the tag.
    labels: Vec<String>,
    /// From the first `identifying` body.
    speaker: String,
}

/// The tag, note, verdict, evidence and speaker from the bodies (see the module
/// documentation). `own`: the annotation carries its Factmark record (`fm:check`), so only
/// `commenting` bodies are its note; the others repeat the record for other readers.
fn bodies(v: &Value, own: bool) -> Bodies {
    let mut tag = None;
    let mut verdict = None;
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut speaker = String::new();
    if let Some(text) = v.get("bodyValue").and_then(Value::as_str) {
        notes.push(text.to_string());
    }
    for body in many(v.get("body")) {
        let purposes: Vec<&str> = many(body.get("purpose")).into_iter().filter_map(Value::as_str).collect();
        if purposes.contains(&"linking") {
            // A page given as evidence; one that is not an http(s) address is not kept.
            let url = string(body, "source").or_else(|| string(body, "id"));
            let title = string(body, "title").or_else(|| string(body, "value")).unwrap_or_default();
            if let Some(e) = url.and_then(|u| Evidence::new(&u, &title).ok()).filter(|e| !evidence.iter().any(|x| x.url == e.url)) {
                evidence.push(e);
            }
            continue;
        }
        let Some(value) = body.get("value").and_then(Value::as_str) else { continue };
        let as_tag = Tag::parse(value).filter(|_| tag.is_none());
        let label = value.trim();
        if purposes.contains(&"tagging") || (purposes.is_empty() && as_tag.is_some()) {
            // A second tag word is neither the tag nor a label: labels are the other words.
            match Tag::parse(value) {
                Some(t) => tag = tag.or(Some(t)),
                None if !label.is_empty() && !labels.iter().any(|l| l == label) => labels.push(label.to_string()),
                None => {}
            }
        } else if own && !purposes.contains(&"commenting") {
            continue;
        } else if purposes.contains(&"assessing") && verdict.is_none() && is_label(label) {
            verdict = Some(label.to_string());
        } else if purposes.contains(&"identifying") {
            if speaker.is_empty() && is_label(label) {
                speaker = label.to_string();
            }
        } else if purposes.is_empty() || purposes.iter().any(|p| NOTE_PURPOSES.contains(p) || *p == "assessing") {
            notes.push(value.to_string());
        }
    }
    notes.retain(|n| !n.trim().is_empty());
    Bodies { tag: tag.unwrap_or(Tag::Claim), note: notes.join("\n\n"), verdict, evidence, labels, speaker }
}

/// A short one-line text, as verdict labels are ("Mostly false").
fn is_label(s: &str) -> bool {
    !s.is_empty() && !s.contains('\n') && s.chars().count() <= MAX_VERDICT_CHARS
}

#[cfg(test)]
mod tests {
    use super::super::QuoteSelector;
    use super::*;

    const ONE: &str = r#"{"id": "urn:uuid:0c0c", "type": "Annotation", "motivation": ["commenting", "tagging"],
        "created": "2025-02-04T20:58:00Z", "updated": "2025-02-05T20:58:00.5Z",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "FIGURE"},
                 {"type": "TextualBody", "purpose": "commenting", "value": "first"},
                 {"type": "TextualBody", "value": "second"},
                 {"type": "TextualBody", "purpose": "tagging", "value": "misleading"},
                 {"type": "TextualBody", "purpose": "replying", "value": "not a note"}],
        "target": [{"source": "http://a"},
                   {"source": "http://b", "selector": {"type": "TextQuoteSelector", "exact": "word", "prefix": "a "}}]}"#;

    fn one(json: &str) -> W3cAnnotation {
        let mut all = read(json).unwrap().annotations;
        assert_eq!(all.len(), 1);
        all.remove(0)
    }

    #[test]
    fn a_full_annotation() {
        let a = one(ONE);
        assert_eq!(a.id.as_deref(), Some("0c0c"));
        assert_eq!(a.tag, Tag::Figure);
        assert_eq!(a.note, "first\n\nsecond");
        assert_eq!(a.quote, Some(QuoteSelector { exact: "word".into(), prefix: "a ".into(), suffix: String::new() }));
        assert_eq!(a.position, None);
        assert_eq!(a.created, Some(Timestamp(1_738_702_680_000)));
        assert_eq!(a.modified, Some(Timestamp(1_738_789_080_500)));
        assert_eq!(a.labels, vec!["misleading"], "a tag that is no tag word is a label");
        assert_eq!(a.creator, None);
    }

    #[test]
    fn creators_in_every_form() {
        let target = r#""target": {"type": "TextQuoteSelector", "exact": "x"}"#;
        let by = |creator: &str| one(&format!(r#"{{{target}, "creator": {creator}}}"#)).creator;
        assert_eq!(by(r#""http://example.org/user1""#).as_deref(), Some("http://example.org/user1"));
        assert_eq!(by(r#"{"id": "http://x/u", "type": "Person", "name": "A. Person"}"#).as_deref(), Some("A. Person"));
        assert_eq!(by(r#"[{"nickname": "user1"}, "http://x/u2"]"#).as_deref(), Some("user1"));
        assert_eq!(by(r#"{"type": "Person"}"#), None);
        let a = one(&format!(
            r#"{{{target}, "body": [{{"purpose": "tagging", "value": "quote"}}, {{"purpose": "tagging", "value": "Claim"}},
                {{"purpose": "tagging", "value": "viral"}}, {{"purpose": "tagging", "value": "viral"}}]}}"#
        ));
        assert_eq!((a.tag, a.labels), (Tag::Quote, vec!["viral".to_string()]), "tag words are never labels; labels once each");
    }

    #[test]
    fn assessing_is_the_verdict_and_linking_is_evidence() {
        let a = one(r#"{"target": {"type": "TextQuoteSelector", "exact": "x"},
            "body": [{"type": "TextualBody", "purpose": "assessing", "value": " Mostly false "},
                     {"type": "TextualBody", "purpose": "assessing", "value": "A second assessment is a note"},
                     {"type": "TextualBody", "purpose": ["assessing"], "value": "True"},
                     {"type": "SpecificResource", "purpose": "linking", "source": "https://example.org/a", "title": "Report"},
                     {"id": "http://example.org/b", "purpose": "linking"},
                     {"id": "http://example.org/b", "purpose": "linking", "title": "again"},
                     {"source": "javascript:alert(1)", "purpose": "linking", "title": "dropped"}]}"#);
        assert_eq!(a.check.verdict.as_deref(), Some("Mostly false"));
        assert_eq!(a.note, "A second assessment is a note\n\nTrue");
        let urls: Vec<(&str, &str)> = a.check.evidence.iter().map(|e| (e.url.as_str(), e.title.as_str())).collect();
        assert_eq!(urls, vec![("https://example.org/a", "Report"), ("http://example.org/b", "")]);
        let long = "word ".repeat(20);
        let a = one(&format!(
            r#"{{"target": {{"type": "TextQuoteSelector", "exact": "x"}}, "body": {{"purpose": "assessing", "value": "{long}"}}}}"#
        ));
        assert_eq!((a.check.verdict, a.note.as_str()), (None, long.as_str()), "a long assessment is a note");
    }

    #[test]
    fn minimal_shapes() {
        let a = one(r#"{"target": {"selector": {"type": "TextPositionSelector", "start": 3, "end": 7}}, "motivation": "highlighting"}"#);
        assert_eq!((a.id, a.tag, a.note.as_str(), a.position, a.created), (None, Tag::Claim, "", Some((3, 7)), None));
        let a = one(r#"{"bodyValue": "plain note", "body": {"value": "quote"}, "target": {"type": "TextQuoteSelector", "exact": "x"}}"#);
        assert_eq!((a.tag, a.note.as_str()), (Tag::Quote, "plain note"));
        let a = one(
            r#"{"body": [{"value": "claim"}, {"value": "Figure"}], "target": {"selector": [{"type": "TextQuoteSelector", "exact": "x"}]}}"#,
        );
        assert_eq!((a.tag, a.note.as_str()), (Tag::Claim, "Figure"), "a second tag word without purpose is a note");
    }

    #[test]
    fn every_container_shape() {
        let ann = r#"{"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}"#;
        let ids = |json: &str| read(json).unwrap().annotations.len();
        assert_eq!(ids(&format!("[{ann}, {ann}]")), 2);
        assert_eq!(ids(&format!(r#"{{"type": "AnnotationPage", "items": [{ann}]}}"#)), 1);
        assert_eq!(ids(&format!(r#"{{"type": "AnnotationCollection", "items": [{ann}, {ann}]}}"#)), 2);
        let chained = format!(
            r#"{{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 3,
            "first": {{"type": "AnnotationPage", "items": [{ann}], "next": {{"type": "AnnotationPage", "items": [{ann}, {ann}]}}}}}}"#
        );
        assert_eq!(ids(&chained), 3);
        assert_eq!(ids(r#"{"type": "AnnotationCollection", "total": 0}"#), 0);
        assert_eq!(ids("[]"), 0);
        assert_eq!(read(r#"{"type": "AnnotationCollection", "first": "http://x/page1"}"#), Err(W3cError::PagesNotIncluded));
    }

    #[test]
    fn other_json_and_unusable_targets_are_refused() {
        assert_eq!(read(r#"{"format": "factmark", "version": 1}"#), Err(W3cError::NotW3c));
        assert_eq!(read("[1, 2]"), Err(W3cError::NotW3c));
        assert_eq!(read("\"text\""), Err(W3cError::NotW3c));
        let good = r#"{"target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}"#;
        let no_target = r#"{"type": "Annotation", "body": "http://example.org/comment"}"#;
        assert_eq!(read(&format!("[{good}, {no_target}]")), Err(W3cError::NoTarget(2)), "an annotation must have a target");
        assert_eq!(read(&format!("[{good}, 3]")), Err(W3cError::NoTarget(2)), "a wrong shape fails the whole file");
    }

    #[test]
    fn items_without_text_are_skipped_and_counted() {
        let good = r#"{"target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}"#;
        let page_note = r#"{"type": "Annotation", "target": "http://example.org/page"}"#;
        let image =
            r#"{"type": "Annotation", "target": {"source": "http://x/i.jpg", "selector": {"type": "SvgSelector", "value": "<svg/>"}}}"#;
        let empty = r#"{"target": {"selector": [{"type": "TextQuoteSelector", "exact": ""}, {"type": "TextPositionSelector", "start": 5, "end": 5}]}}"#;
        let negative = r#"{"target": {"selector": {"type": "TextPositionSelector", "start": -1, "end": 5}}}"#;
        let doc = format!(r#"{{"type": "AnnotationPage", "items": [{good}, {page_note}, {image}, {empty}, {negative}, {good}]}}"#);
        let file = read(&doc).unwrap();
        assert_eq!(file.annotations.len(), 2);
        assert_eq!(
            file.skipped.to_string(),
            "4 skipped (1 targets a whole page, not a passage, 1 no text selector, 2 empty text selector)"
        );
        let alone = read(page_note).unwrap();
        assert_eq!((alone.annotations.len(), alone.skipped.count(SkipReason::WholeDocument)), (0, 1));
    }
}
