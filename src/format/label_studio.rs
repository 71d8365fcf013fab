//! Label Studio JSON exports of text spans: tasks whose annotations hold `labels` results with offsets into the task's text.
//!
//! Read: an array of tasks (the "JSON" export) or one task, each `{"data": {...},
//! "annotations": [{"result": [...]}]}` (`completions` in exports before 1.0). Model
//! `predictions` are not a person's work: their results are counted as skipped. Each result of type `labels` is a
//! span: `value.start`, `value.end`, `value.text` and `value.labels`; `hypertextlabels`
//! results (spans of an HTML task) are read by their `text` and `globalOffsets`. Other
//! results (choices, ratings, text areas, relations) are skipped as "not a text span".
//!
//! Offsets count into the task's own text (`data.text`, or the key the result's `source`
//! names), in code points since Label Studio 1.0 and in UTF-16 code units before: each span
//! is read both ways, and the one whose text is `value.text` wins. The context around it
//! is taken from the task's text, so the span is found in the article even when the task's
//! text is laid out differently; when neither reading holds `value.text` (stale offsets),
//! the quote alone is searched for, and a span found nowhere is kept as an orphan.
//!
//! Labels: the first label that names a tag ([`labels::known_tag`]) is the tag; a span with
//! only other labels is reported for the caller's mapping. The labels other than the tag
//! are kept on the annotation. `created_username` (or `completed_by.email`) is the creator,
//! `created_at` and `updated_at` the times.

use super::labels::{self, known_tag};
use super::peer::{Found, PeerRead, SkipReason};
use super::span::{OwnText, Units};
use super::w3c::{QuoteSelector, W3cAnnotation};
use crate::annotation::Tag;
use crate::time::Timestamp;
use serde_json::Value;
use std::fmt;

/// Why a file that looks like Label Studio's cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelStudioError {
    /// Task number `n` (1-based) is not an object with `data`.
    NotATask(usize),
    /// Task number `n` has `annotations` (or `result`) that are not lists.
    BadAnnotations(usize),
}

impl fmt::Display for LabelStudioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelStudioError::NotATask(n) => {
                write!(f, "item {n} of this Label Studio export is not a task (it has no \"data\"); export the project again as JSON")
            }
            LabelStudioError::BadAnnotations(n) => write!(
                f,
                "task {n} of this Label Studio export has \"annotations\" that are not lists of results; export the project again as JSON"
            ),
        }
    }
}

impl std::error::Error for LabelStudioError {}

/// True for a Label Studio task.
pub fn is_task(v: &Value) -> bool {
    v.get("data").is_some_and(Value::is_object) && ["annotations", "completions", "predictions"].iter().any(|k| v.get(k).is_some())
}

/// Reads one task, or an array of tasks, for the article whose code points are `article`.
pub fn parse_value(v: &Value, article: &[char]) -> Result<PeerRead, LabelStudioError> {
    let mut out = PeerRead::default();
    match v {
        Value::Array(tasks) => tasks.iter().enumerate().try_for_each(|(i, t)| push_task(t, i + 1, article, &mut out))?,
        task => push_task(task, 1, article, &mut out)?,
    }
    Ok(out)
}

/// Reads task number `n` (1-based) into `out`.
pub fn push_task(task: &Value, n: usize, article: &[char], out: &mut PeerRead) -> Result<(), LabelStudioError> {
    let data = task.get("data").and_then(Value::as_object).ok_or(LabelStudioError::NotATask(n))?;
    let annotations =
        task.get("annotations").or_else(|| task.get("completions")).map(|a| a.as_array().ok_or(LabelStudioError::BadAnnotations(n)));
    for p in task.get("predictions").and_then(Value::as_array).into_iter().flatten() {
        (0..p.get("result").and_then(Value::as_array).map_or(0, Vec::len)).for_each(|_| out.skipped.add(SkipReason::Prediction));
    }
    let texts: Vec<(&str, OwnText)> = data.iter().filter_map(|(k, v)| Some((k.as_str(), OwnText::new(v.as_str()?, article)))).collect();
    for annotation in annotations.transpose()?.into_iter().flatten() {
        let results = match annotation.get("result") {
            Some(Value::Array(r)) => r,
            None => continue,
            Some(_) => return Err(LabelStudioError::BadAnnotations(n)),
        };
        let who = creator(annotation);
        let time = |key: &str| annotation.get(key).and_then(Value::as_str).and_then(Timestamp::parse_rfc3339);
        for r in results {
            match span(r, &texts) {
                Ok((quote, position, span_labels)) => {
                    let tag = labels::tag_of(span_labels.iter().map(String::as_str));
                    let label = if tag.is_none() { span_labels.first().cloned() } else { None };
                    let kept: Vec<String> = span_labels.into_iter().filter(|l| known_tag(l).is_none()).collect();
                    let annotation = W3cAnnotation {
                        id: r.get("id").and_then(Value::as_str).map(str::to_string),
                        tag: tag.unwrap_or(Tag::Claim),
                        note: String::new(),
                        check: Default::default(),
                        extra: Default::default(),
                        quote,
                        position,
                        created: time("created_at"),
                        modified: time("updated_at"),
                        creator: who.clone(),
                        labels: kept,
                    };
                    out.found.push(Found { annotation, label });
                }
                Err(reason) => out.skipped.add(reason),
            }
        }
    }
    Ok(())
}

type Span = (Option<QuoteSelector>, Option<(usize, usize)>, Vec<String>);

/// One result as a span: its quote and position, and its labels.
fn span(r: &Value, texts: &[(&str, OwnText)]) -> Result<Span, SkipReason> {
    let kind = r.get("type").and_then(Value::as_str).unwrap_or_default();
    let value = r.get("value").filter(|v| v.is_object()).ok_or(SkipReason::NotASpan)?;
    let number = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    let quote = value.get("text").and_then(Value::as_str).filter(|t| !t.is_empty());
    let (start, end) = match kind {
        "labels" => (number(value, "start"), number(value, "end")),
        // Offsets into the HTML's text content, which is not the task's `data` string.
        "hypertextlabels" => value.get("globalOffsets").map(|g| (number(g, "start"), number(g, "end"))).unwrap_or_default(),
        _ => return Err(SkipReason::NotASpan),
    };
    let span_labels: Vec<String> = value
        .get(kind)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    // The text the result names (`source: "$text"`), else the task's only text.
    let named = r.get("source").and_then(Value::as_str).map(|s| s.trim_start_matches('$'));
    let own = match named.and_then(|k| texts.iter().find(|(key, _)| *key == k)) {
        Some((_, t)) => Some(t),
        None if texts.len() == 1 => Some(&texts[0].1),
        None => texts.iter().find(|(key, _)| *key == "text").map(|(_, t)| t),
    };
    let placed = match (kind, own, start.zip(end)) {
        ("labels", Some(own), Some((s, e))) => own.place(s, e, quote, Units::Either).map(|(q, p)| (Some(q), p)),
        // No text to read the offsets in: the article decides their unit (see `w3c::to_annotations`).
        (_, _, Some((s, e))) if s < e => Some((quote.map(exact), Some((s, e)))),
        _ => quote.map(|q| (Some(exact(q)), None)),
    };
    let (quote, position) = placed.ok_or(SkipReason::EmptySelector)?;
    Ok((quote, position, span_labels))
}

fn exact(q: &str) -> QuoteSelector {
    QuoteSelector { exact: q.to_string(), ..QuoteSelector::default() }
}

fn creator(annotation: &Value) -> Option<String> {
    let by = annotation.get("completed_by");
    [annotation.get("created_username"), by.and_then(|b| b.get("email")), by.filter(|b| b.is_string())]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn task(text: &str, results: Value) -> Value {
        json!({"id": 1, "data": {"text": text}, "annotations": [{"id": 7, "created_username": " ann@desk.org, 1",
            "created_at": "2024-03-01T10:00:00.000000Z", "result": results}]})
    }

    fn labels_result(start: usize, end: usize, text: &str, labels: &[&str]) -> Value {
        json!({"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": labels}})
    }

    #[test]
    fn utf16_and_code_point_offsets_are_told_apart_span_by_span() {
        let text = "💩This is an annotation.";
        let article = chars(text);
        let both = json!([labels_result(13, 23, "annotation", &["Claim"]), labels_result(12, 22, "annotation", &["claim"])]);
        let read = parse_value(&task(text, both), &article).unwrap();
        for f in &read.found {
            assert_eq!((f.annotation.position, f.annotation.tag, f.label.as_deref()), (Some((12, 22)), Tag::Claim, None));
            assert!(f.annotation.labels.is_empty(), "the tag word is the tag, not a label");
        }
        assert_eq!(read.found[0].annotation.creator.as_deref(), Some("ann@desk.org, 1"));
        assert_eq!(read.found[0].annotation.created, Timestamp::parse_rfc3339("2024-03-01T10:00:00Z"));
    }

    #[test]
    fn unknown_labels_are_reported_and_kept() {
        let text = "Arrivals for the week ended February 22 were 155,221 bags.";
        let r = json!([labels_result(28, 39, "February 22", &["Date"]), labels_result(45, 52, "155,221", &["Amount", "Number"])]);
        let read = parse_value(&task(text, r), &chars(text)).unwrap();
        let (date, amount) = (&read.found[0], &read.found[1]);
        assert_eq!((date.label.as_deref(), &date.annotation.labels), (Some("Date"), &vec!["Date".to_string()]));
        assert_eq!((amount.label.as_deref(), amount.annotation.tag), (None, Tag::Figure), "a synonym decides");
        assert_eq!(amount.annotation.labels, vec!["Amount"]);
    }

    #[test]
    fn stale_offsets_fall_back_to_the_quote_and_other_results_are_skipped() {
        let text = "my friends, supporters, enemies, haters";
        let r = json!([labels_result(12, 23, "February 22", &["Date"]),
            {"type": "choices", "value": {"choices": ["Fake"]}},
            {"type": "relation", "from_id": "a", "to_id": "b"},
            {"type": "labels", "value": {"labels": ["X"]}}]);
        let read = parse_value(&task(text, r), &chars("another article")).unwrap();
        let q = read.found[0].annotation.quote.as_ref().unwrap();
        assert_eq!((q.exact.as_str(), read.found[0].annotation.position), ("February 22", None), "kept, to become an orphan");
        assert_eq!((read.skipped.count(SkipReason::NotASpan), read.skipped.count(SkipReason::EmptySelector)), (2, 1));
    }

    #[test]
    fn another_layout_of_the_text_gives_context_and_old_exports_read() {
        let own = "Title\nFirst line with Kyiv in it.";
        let article = chars("Title\n\nFirst line with Kyiv in it.");
        let old = json!({"data": {"body": own}, "completions": [{"result": [
            {"type": "labels", "source": "$body", "value": {"start": 22, "end": 26, "text": "Kyiv", "labels": ["LOC"]}}]}]});
        let read = parse_value(&json!([old]), &article).unwrap();
        let a = &read.found[0].annotation;
        assert_eq!((a.quote.as_ref().unwrap().prefix.as_str(), a.position), ("Title\nFirst line with ", None));
    }

    #[test]
    fn malformed_tasks_fail_whole() {
        let article = chars("x");
        assert_eq!(parse_value(&json!([{"data": {"text": "x"}, "annotations": []}, 3]), &article), Err(LabelStudioError::NotATask(2)));
        assert_eq!(parse_value(&json!({"data": {}, "annotations": {"result": []}}), &article), Err(LabelStudioError::BadAnnotations(1)));
        assert_eq!(parse_value(&json!({"data": {}, "annotations": [{"result": 5}]}), &article), Err(LabelStudioError::BadAnnotations(1)));
        assert!(is_task(&json!({"data": {"text": "x"}, "annotations": []})));
        assert!(!is_task(&json!({"data": "x", "annotations": []})));
    }
}
