//! The worker's answers equal what the page would get by calling the core directly.

use super::*;
use crate::annotation::{AnnotationId, CheckerProfile, Tag};
use crate::import::article_from_paste;
use crate::text::CharRange;
use crate::workspace::Workspace;

fn ask(request: Request, bytes: &[u8]) -> (String, String) {
    let article = factmark::serialize_without_annotations(&Workspace::new(default_article()));
    answer(&request.to_json(), bytes.to_vec(), &article)
}

fn default_article() -> Article {
    Article::default_article()
}

#[test]
fn a_page_comes_back_as_its_article() {
    let page =
        "<!DOCTYPE html><title>Title here | Site</title><nav><a href=/>Home</a></nav><p>First para, long enough to be a paragraph.</p>";
    let (json, payload) = ask(Request::Page, page.as_bytes());
    assert_eq!(article(&json, &payload), article_from_paste(page));
    let (empty, payload) = ask(Request::Page, b"<html><body><script>x()</script></body></html>");
    assert_eq!(article(&empty, &payload), Err(FileProblem::Empty), "checked like any article");
    let many = format!("<html><body>{}</body></html>", "<p>paragraph</p>".repeat(crate::import::MAX_ARTICLE_BLOCKS + 1));
    let (json, payload) = ask(Request::Page, many.as_bytes());
    assert!(matches!(article(&json, &payload), Err(FileProblem::TooManyParagraphs { .. })));
    assert!(matches!(article("{\"kind\": \"article\"}", "{\"title\": 3}"), Err(FileProblem::Invalid(_))));
    assert!(matches!(article("{\"kind\": \"text\"}", ""), Err(FileProblem::Invalid(_))), "an answer to another question");
    assert!(matches!(article("not json", ""), Err(FileProblem::Invalid(_))));
}

#[test]
fn markdown_comes_back_as_its_article() {
    let md = "# The headline\n\nA first paragraph with **bold** words.\n\n* a list item";
    let (json, payload) = ask(Request::Markdown, md.as_bytes());
    let direct = crate::import::article_from_file("a.md", md.as_bytes()).map(|(a, _)| a);
    assert_eq!(article(&json, &payload), direct);
    assert_eq!(article(&json, &payload).unwrap().title, "The headline");
    let (empty, payload) = ask(Request::Markdown, b"   ");
    assert_eq!(article(&empty, &payload), Err(FileProblem::Empty), "checked like any article");
}

/// Every kind of annotation file, read through the worker and read directly.
#[test]
fn annotation_files_arrive_as_the_core_reads_them() {
    let a = default_article();
    let text = ArticleText::new(&a);
    let files: [&[u8]; 8] = [
        include_bytes!("../../tests/fixtures/default-article.factmark.json"),
        br#"{"type":"AnnotationPage","items":[{"type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"figure"},"target":{"selector":{"type":"TextQuoteSelector","exact":"$14.8 trillion"}}}]}"#,
        br#"{"total":1,"rows":[{"user":"acct:u@hypothes.is","text":"Check it","tags":["figure","x"],"target":[{"selector":[{"type":"TextQuoteSelector","exact":"three regions"}]}]}]}"#,
        br#"[{"data":{"text":"Zelensky said"},"annotations":[{"result":[{"type":"labels","value":{"start":0,"end":8,"text":"Zelensky","labels":["PER"]}}]}]}]"#,
        b"{\"text\": \"Zelensky said\", \"label\": [[0, 8, \"quote\"]]}\n{\"text\": \"x\", \"label\": []}",
        b"{\"type\": \"Annotation\", \"target\": \"https://example.org/\"}",
        b"{\"not\": \"an annotation file\"}",
        b"[1, 2",
    ];
    for (i, bytes) in files.iter().enumerate() {
        let direct = read_annotations(bytes, &text, Timestamp(5));
        let (json, payload) = ask(Request::Annotations { now: 5 }, bytes);
        let via = annotation_file(&json, &payload, bytes);
        match (&direct, &via) {
            (Err(d), Err(v)) => assert_eq!(d.to_string(), v.to_string(), "file {i}"),
            _ => assert_eq!(direct, via, "file {i}"),
        }
    }
    // The Label Studio file's unknown label still asks its question.
    let (json, payload) = ask(Request::Annotations { now: 5 }, files[3]);
    assert!(matches!(annotation_file(&json, &payload, files[3]), Ok(AnnotationFile::NeedsLabels(q)) if q.labels()[0].label == "PER"));
    assert!(matches!(annotation_file(&json, "[]", files[3]), Err(FileProblem::Invalid(_))), "an incomplete answer is refused");
}

fn workspace() -> Workspace {
    let mut w = Workspace::new(default_article());
    let at = |w: &Workspace, needle: &str| {
        let t: String = w.text().chars().iter().collect();
        let s = t[..t.find(needle).unwrap()].chars().count();
        CharRange::new(s, s + needle.chars().count()).unwrap()
    };
    let (claim, figure) = (AnnotationId::new_v4([1; 16]), AnnotationId::parse("rt-figure").unwrap());
    w.create(at(&w, "three regions"), Tag::Claim, claim.clone(), Timestamp(1)).unwrap();
    w.create(at(&w, "$14.8 trillion"), Tag::Figure, figure.clone(), Timestamp(1)).unwrap();
    w.set_verdict(&claim, Some("Mostly true"), Timestamp(2));
    w.set_rationale(&claim, "Two sources </script> agree", Timestamp(2));
    w.add_evidence(&claim, "https://example.org/a", "Report", Timestamp(2)).unwrap();
    w.set_speaker(&claim, "Zelensky", Timestamp(2));
    w.set_note(&figure, "=HYPERLINK(\"x\")", Timestamp(2));
    w.set_profile(CheckerProfile::new("Ann", "Truth Desk", "https://desk.example/").unwrap());
    w
}

#[test]
fn every_export_is_the_one_the_core_writes() {
    let w = workspace();
    let file = factmark::serialize_compact(&w);
    for kind in [
        Export::W3c,
        Export::ClaimReview,
        Export::Csv,
        Export::Markdown { notes: false },
        Export::Markdown { notes: true },
        Export::Html { notes: true },
    ] {
        let (json, payload) = ask(Request::Export { kind, now: 1_764_255_600_000 }, file.as_bytes());
        let out = text(&json, payload).unwrap();
        assert_eq!(out, export(kind, &w, Timestamp(1_764_255_600_000)), "{kind:?}");
        assert!(!out.is_empty());
    }
    let (json, payload) = ask(Request::Export { kind: Export::Csv, now: 0 }, b"{}");
    assert!(matches!(text(&json, payload), Err(FileProblem::Invalid(m)) if m.contains("handed over")));
}

#[test]
fn skipped_items_and_their_reasons_cross_intact() {
    let a = default_article();
    let text = ArticleText::new(&a);
    let file = br#"{"type":"AnnotationPage","items":[{"type":"Annotation","target":"https://example.org/"},{"type":"Annotation","target":{"selector":{"type":"TextQuoteSelector","exact":""}}},{"type":"Annotation","target":{"selector":{"type":"TextQuoteSelector","exact":"three regions"}}}]}"#;
    let (json, payload) = ask(Request::Annotations { now: 5 }, file);
    let Ok(AnnotationFile::Imported(via)) = annotation_file(&json, &payload, file) else { panic!("{json}") };
    let Ok(AnnotationFile::Imported(direct)) = read_annotations(file, &text, Timestamp(5)) else { panic!() };
    assert_eq!(via.skipped.total(), 2);
    assert_eq!(via, direct);
    for request in [
        Request::Page,
        Request::Markdown,
        Request::Annotations { now: 7 },
        Request::Export { kind: Export::Markdown { notes: true }, now: 1 },
        Request::Suggest { start: 3, end: 9, dates: DateOrder::MonthFirst },
        Request::Suggest { start: 3, end: 9, dates: DateOrder::DayFirst },
        Request::Scan { dates: DateOrder::DayFirst },
        Request::Scan { dates: DateOrder::MonthFirst },
    ] {
        assert_eq!(Request::from_json(&request.to_json()), Some(request));
    }
}

#[test]
fn suggestions_cross_intact() {
    let mut w = Workspace::new(default_article());
    let t: String = w.text().chars().iter().collect();
    for needle in ["$14.8 trillion", "That is entirely fair", "three regions", "Donetsk"] {
        let s = t[..t.find(needle).unwrap()].chars().count();
        let id = AnnotationId::new_v4([s as u8; 16]);
        w.create(CharRange::new(s, s + needle.chars().count()).unwrap(), Tag::Quote, id.clone(), Timestamp(1)).unwrap();
        let (window, range) = w.suggestion_window(&id).unwrap();
        let (json, _) =
            answer(&Request::Suggest { start: range.start(), end: range.end(), dates: w.date_order() }.to_json(), window.into_bytes(), "");
        assert_eq!(suggestions(&json).unwrap(), w.suggest(&id).unwrap(), "{needle}");
    }
    let (json, _) = answer(&Request::Suggest { start: 0, end: 14, dates: DateOrder::DayFirst }.to_json(), b"$14.8 trillion".to_vec(), "");
    assert_eq!(suggestions(&json).unwrap().figure.map(|f| f.value), Some(14.8e12), "a typed value is read the same way");
    // An American article's "3/4/2024" is March 4; elsewhere April 3.
    for (dates, want) in [(DateOrder::MonthFirst, "2024-03-04"), (DateOrder::DayFirst, "2024-04-03")] {
        let (json, _) = answer(&Request::Suggest { start: 3, end: 11, dates }.to_json(), b"on 3/4/2024".to_vec(), "");
        let unit = suggestions(&json).unwrap().figure.map(|f| f.unit);
        assert_eq!(unit, Some(crate::annotation::Unit::Date(want.into())), "{dates:?}");
    }
    let (json, _) = answer(&Request::Suggest { start: 3, end: 1, dates: DateOrder::DayFirst }.to_json(), b"abc".to_vec(), "");
    assert!(suggestions(&json).is_err());
}

#[test]
fn candidates_cross_intact() {
    let w = Workspace::new(default_article());
    let t: String = w.text().chars().iter().collect();
    let (json, payload) = answer(&Request::Scan { dates: DateOrder::DayFirst }.to_json(), t.into_bytes(), "");
    let crossed = candidates(&json, &payload).unwrap();
    assert_eq!(crossed, crate::suggest::scan(w.text().chars(), DateOrder::DayFirst));
    assert!(crossed.iter().any(|c| c.tag == Tag::Figure && c.figure.is_some()), "figures carry their values");
    assert!(crossed.iter().any(|c| c.tag == Tag::Quote && c.speaker.is_some()), "quotes carry their speakers");
    // One unreadable candidate is left out, the rest are kept.
    let damaged = payload.replacen("\"tag\":\"", "\"tag\":\"x", 1);
    assert_eq!(candidates(&json, &damaged).unwrap().len(), crossed.len() - 1);
    assert!(candidates(&json, "not json").is_err());
}

#[test]
fn an_unknown_request_is_answered_with_a_problem() {
    let (json, payload) = answer("{\"op\": \"paint\"}", Vec::new(), "");
    assert!(matches!(text(&json, payload), Err(FileProblem::Invalid(m)) if m.contains("does not know")));
}
