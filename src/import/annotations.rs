//! Reading an annotation file of any kind Factmark knows: telling the kinds apart, then converting it for the article.
//!
//! Told apart by shape: a Factmark file (`"format": "factmark"`); a Hypothesis search result
//! or export file, or an array of its rows; a Label Studio task or an array of tasks; doccano
//! JSON lines (or one line, or an array of them) or CoNLL token lines; Recogito's own
//! objects; else W3C Web Annotations. An array is
//! judged by its first element and read one element at a time, so a large one is never
//! held as one tree.

use super::collect::{read_array, Collector};
use super::labels::LabelQuestion;
use super::outcome::{Imported, Source};
use super::{check_article, FileProblem, MAX_ANNOTATION_BYTES};
use crate::article::ArticleText;
use crate::format::peer::PeerRead;
use crate::format::{conll, doccano, factmark, hypothesis, label_studio, recogito, w3c};
use crate::text::decode::decode;
use crate::time::Timestamp;
use serde_json::Value;

/// A checked annotation file.
// One is built per import and taken apart at once: boxing the larger variant saves nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum AnnotationFile {
    /// A Factmark file: its own article and annotations.
    Factmark(factmark::Parsed),
    /// Another tool's annotations (W3C, Hypothesis, Label Studio, doccano), converted for
    /// the text; give them to [`Workspace::import`], then tell [`Imported::summary`].
    ///
    /// [`Workspace::import`]: crate::workspace::Workspace::import
    Imported(Imported),
    /// As `Imported`, but some spans carry labels that name no tag: the caller chooses (see
    /// [`LabelQuestion`]), then imports what [`LabelQuestion::apply`] returns.
    NeedsLabels(LabelQuestion),
}

/// Checks and reads an annotation file, for the article whose text is `text`. A malformed
/// file is refused whole; well-formed items Factmark cannot place are skipped and counted.
pub fn read_annotations(bytes: &[u8], text: &ArticleText, now: Timestamp) -> Result<AnnotationFile, FileProblem> {
    let json = json_text(bytes)?;
    let json = json.as_ref();
    let mut out = Collector::new(text.chars(), now);
    // doccano's CoNLL token files: not JSON at all.
    if conll::looks_like(json) {
        out.take(Source::Doccano, conll::parse(json, text.chars()).map_err(FileProblem::Conll)?);
        return Ok(out.finish());
    }
    if json.starts_with('[') {
        read_array(json, text.chars(), &mut out)?;
        return Ok(out.finish());
    }
    // Parsed once: telling the kind apart and reading share the tree.
    let mut values = serde_json::Deserializer::from_str(json).into_iter::<Value>();
    let value = match values.next() {
        Some(Ok(v)) => v,
        Some(Err(e)) => return Err(FileProblem::Json(e.into())),
        None => return Err(FileProblem::Empty),
    };
    let more = !json[values.byte_offset()..].trim().is_empty();
    if more && doccano::is_line(&value) {
        out.take(Source::Doccano, doccano::parse(json, text.chars()).map_err(FileProblem::Doccano)?);
        return Ok(out.finish());
    }
    if more {
        // Not JSON lines: report what follows the first value as a JSON error.
        return Err(FileProblem::Json(serde_json::from_str::<Value>(json).expect_err("trailing characters").into()));
    }
    if value.get("format").and_then(Value::as_str) == Some(factmark::FORMAT) {
        return read_factmark(value);
    }
    let chars = text.chars();
    if hypothesis::is_file(&value) {
        out.take(Source::Hypothesis, hypothesis::parse_value(&value).map_err(FileProblem::Hypothesis)?);
    } else if label_studio::is_task(&value) {
        out.take(Source::LabelStudio, label_studio::parse_value(&value, chars).map_err(FileProblem::LabelStudio)?);
    } else if doccano::is_line(&value) {
        let mut read = PeerRead::default();
        doccano::push_line(&value, 1, chars, &mut read).map_err(FileProblem::Doccano)?;
        out.take(Source::Doccano, read);
    } else if recogito::is_native(&value) {
        let mut read = PeerRead::default();
        recogito::push_item(&value, 1, &mut read).map_err(FileProblem::Recogito)?;
        out.take(Source::Recogito, read);
    } else {
        let file = w3c::parse_value(&value).map_err(w3c_problem)?;
        out.source = Some(Source::W3c);
        out.skipped = file.skipped;
        file.annotations.into_iter().for_each(|a| out.push(a, None));
    }
    Ok(out.finish())
}

/// Reads a Factmark file, the page's own format (the formats worker reads the others and
/// says when a file is one: [`crate::worker::Reply::Factmark`]).
pub fn read_factmark_file(bytes: &[u8]) -> Result<AnnotationFile, FileProblem> {
    let json = json_text(bytes)?;
    let value: Value = serde_json::from_str(&json).map_err(|e| FileProblem::Json(e.into()))?;
    drop(json);
    if value.get("format").and_then(Value::as_str) != Some(factmark::FORMAT) {
        return Err(FileProblem::OtherJson);
    }
    read_factmark(value)
}

/// The text of a JSON file, checked: within the size limit, text, not empty. Plain UTF-8 is
/// borrowed in place, so a large file is not copied once more.
fn json_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, FileProblem> {
    if bytes.len() > MAX_ANNOTATION_BYTES {
        return Err(FileProblem::TooLarge { size: bytes.len(), limit: MAX_ANNOTATION_BYTES });
    }
    let json = match std::str::from_utf8(bytes) {
        Ok(s) if !s.starts_with('\u{FEFF}') => {
            if crate::text::decode::looks_binary(s) {
                return Err(FileProblem::Binary);
            }
            std::borrow::Cow::Borrowed(s.trim_start())
        }
        _ => std::borrow::Cow::Owned(decode(bytes)?.text.trim_start().to_string()),
    };
    if json.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(json)
}

fn read_factmark(value: Value) -> Result<AnnotationFile, FileProblem> {
    match factmark::parse_value(value) {
        Ok(parsed) => match check_article(&parsed.article) {
            Ok(()) => Ok(AnnotationFile::Factmark(parsed)),
            Err(problem) => Err(FileProblem::Invalid(format!("the article it carries cannot be opened: {problem}"))),
        },
        Err(factmark::FileError::NewerVersion(v)) => Err(FileProblem::NewerVersion(v)),
        Err(factmark::FileError::Json(e)) => Err(FileProblem::Json(e)),
        Err(e) => Err(FileProblem::Invalid(format!(
            "it is a Factmark file with a problem: {}",
            e.to_string().trim_start_matches("it is a Factmark file with a problem: ")
        ))),
    }
}

pub(super) fn w3c_problem(e: w3c::W3cError) -> FileProblem {
    match e {
        w3c::W3cError::NotW3c => FileProblem::OtherJson,
        #[cfg(test)]
        w3c::W3cError::Json(e) => FileProblem::Json(e),
        e => FileProblem::Invalid(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Tag;
    use crate::article::Article;
    use crate::format::doccano::DoccanoError;
    use crate::format::hypothesis::HypothesisError;
    use crate::format::label_studio::LabelStudioError;
    use crate::format::labels::{LabelChoice, LabelMap};
    use crate::format::peer::SkipReason;
    use crate::workspace::{ImportMode, Workspace};
    use serde_json::json;

    fn default_text() -> ArticleText {
        ArticleText::new(&Article::default_article())
    }

    fn imported(json: &str, text: &ArticleText) -> Imported {
        match read_annotations(json.as_bytes(), text, Timestamp(0)) {
            Ok(AnnotationFile::Imported(i)) => i,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn annotation_files_are_told_apart_and_errors_are_precise() {
        let text = default_text();
        let golden = include_bytes!("../../tests/fixtures/default-article.factmark.json");
        assert!(matches!(read_annotations(golden, &text, Timestamp(0)), Ok(AnnotationFile::Factmark(_))));
        match read_annotations(b"{\n \"a\": 1,\n oops }", &text, Timestamp(0)) {
            Err(FileProblem::Json(e)) => assert_eq!(e.line, 3),
            other => panic!("{other:?}"),
        }
        assert_eq!(read_annotations(b"{\"hello\": 1}", &text, Timestamp(0)), Err(FileProblem::OtherJson));
        assert_eq!(read_annotations(b"{\"format\":\"factmark\",\"version\":7}", &text, Timestamp(0)), Err(FileProblem::NewerVersion(7)));
        assert!(matches!(read_annotations(b"{\"a\": 1} {\"b\": 2}", &text, Timestamp(0)), Err(FileProblem::Json(_))), "not JSON lines");
        let w3c = r#"{"type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"figure"},
            "target":{"selector":[{"type":"TextQuoteSelector","exact":"$14.8 trillion"}]}}"#;
        let one = imported(w3c, &text);
        assert_eq!((one.source, one.annotations.len()), (Source::W3c, 1));
    }

    #[test]
    fn each_peer_shape_is_recognised() {
        let text = default_text();
        let row = json!({"id": "h1", "user": "acct:ann@hypothes.is", "text": "check", "tags": ["Figure", "mining"],
            "target": [{"source": "https://x", "selector": [{"type": "TextQuoteSelector", "exact": "$14.8 trillion"}]}]});
        let page_note = json!({"id": "h2", "user": "acct:ann@hypothes.is", "text": "page", "target": [{"source": "https://x"}]});
        for doc in [
            json!({"total": 2, "rows": [row, page_note]}),
            json!([row, page_note]),
            json!({"export_date": "x", "annotations": [row, page_note]}),
        ] {
            let i = imported(&doc.to_string(), &text);
            assert_eq!((i.source, i.annotations.len(), i.skipped.count(SkipReason::WholeDocument)), (Source::Hypothesis, 1, 1), "{doc}");
            let a = &i.annotations[0];
            assert_eq!(
                (a.tag, a.labels(), a.creator(), a.note.as_str()),
                (Tag::Figure, &["mining".to_string()][..], "acct:ann@hypothes.is", "check")
            );
        }
        let line = r#"{"text": "Zelensky said", "label": [[0, 8, "Quote"]]}"#;
        for doc in [format!("{line}\n{line}\n"), line.to_string(), format!("[{line}]")] {
            let i = imported(&doc, &text);
            assert_eq!(i.source, Source::Doccano, "{doc}");
            assert!(i.annotations.iter().all(|a| a.tag == Tag::Quote && a.target.exact == "Zelensky"));
        }
    }

    #[test]
    fn unknown_labels_wait_for_a_mapping_and_then_import() {
        let ws_text = default_text();
        let task = json!({"data": {"text": "Zelensky said $14.8 trillion."}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "value": {"start": 0, "end": 8, "text": "Zelensky", "labels": ["PER"]}},
            {"id": "b", "type": "labels", "value": {"start": 14, "end": 28, "text": "$14.8 trillion", "labels": ["MONEY"]}},
            {"id": "c", "type": "labels", "value": {"start": 0, "end": 8, "text": "Zelensky", "labels": ["PER"]}}]}]});
        let question = match read_annotations(task.to_string().as_bytes(), &ws_text, Timestamp(0)) {
            Ok(AnnotationFile::NeedsLabels(q)) => q,
            other => panic!("{other:?}"),
        };
        assert_eq!(question.source(), Source::LabelStudio);
        let asked: Vec<(&str, usize)> = question.labels().iter().map(|c| (c.label.as_str(), c.count)).collect();
        assert_eq!(asked, vec![("PER", 2), ("MONEY", 1)]);
        let map: LabelMap = [("MONEY", LabelChoice::Tag(Tag::Figure)), ("PER", LabelChoice::Skip)].into_iter().collect();
        let done = question.apply(&map);
        let mut ws = Workspace::new(Article::default_article());
        let (_, report) = ws.import(done.annotations.clone(), ImportMode::Merge);
        assert_eq!(done.summary(&report), "1 added from a Label Studio file; 2 skipped: label set to skip");
        let a = ws.annotations().iter().next().unwrap();
        assert_eq!(
            (a.tag, a.target.exact.as_str(), a.labels(), a.is_orphan()),
            (Tag::Figure, "$14.8 trillion", &["MONEY".to_string()][..], false)
        );
    }

    #[test]
    fn malformed_peer_files_fail_whole() {
        let text = default_text();
        let bad_row = r#"{"total": 1, "rows": [{"id": "x", "user": "u"}]}"#;
        assert_eq!(read_annotations(bad_row.as_bytes(), &text, Timestamp(0)), Err(FileProblem::Hypothesis(HypothesisError::NotARow(1))));
        let tasks = r#"[{"data": {"text": "x"}, "annotations": []}, {"annotations": []}]"#;
        assert_eq!(read_annotations(tasks.as_bytes(), &text, Timestamp(0)), Err(FileProblem::LabelStudio(LabelStudioError::NotATask(2))));
        let lines = "{\"text\": \"a\", \"label\": []}\n{\"text\": \"b\"}\n";
        assert_eq!(read_annotations(lines.as_bytes(), &text, Timestamp(0)), Err(FileProblem::Doccano(DoccanoError::NotALine(2))));
        let mixed = r#"[{"type": "Annotation", "target": "http://x"}, {"type": "Annotation"}]"#;
        assert!(matches!(read_annotations(mixed.as_bytes(), &text, Timestamp(0)), Err(FileProblem::Invalid(m)) if m.contains("item 2")));
        assert!(FileProblem::Doccano(DoccanoError::NotALine(2)).to_string().contains("export the project again"));
    }

    #[test]
    fn partial_w3c_collections_import_the_rest() {
        let text = default_text();
        let good = r#"{"type": "Annotation", "target": {"selector": {"type": "FragmentSelector", "value": "p1",
            "refinedBy": {"type": "TextQuoteSelector", "exact": "$14.8 trillion"}}}}"#;
        let image = r#"{"type": "Annotation", "target": {"source": "http://x/i.jpg", "selector": {"type": "SvgSelector"}}}"#;
        let page = r#"{"type": "Annotation", "target": "http://x/page"}"#;
        for doc in [format!("[{good}, {image}, {page}]"), format!(r#"{{"type": "AnnotationPage", "items": [{good}, {image}, {page}]}}"#)] {
            let i = imported(&doc, &text);
            assert_eq!(i.annotations.len(), 1, "{doc}");
            assert_eq!(i.skipped.to_string(), "2 skipped (1 targets a whole page, not a passage, 1 no text selector)");
        }
    }
}
