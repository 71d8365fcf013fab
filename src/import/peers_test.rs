//! The real files of other tools (../shared/conformance), imported: each test skips with a note when the folder is absent.

use super::{read_annotations, AnnotationFile, Imported, Source};
use crate::annotation::Tag;
use crate::article::{parse_article, Article, ArticleText};
use crate::format::labels::{LabelChoice, LabelMap};
use crate::format::peer::SkipReason;
use crate::testing::shared;
use crate::time::Timestamp;
use crate::workspace::{ImportMode, Workspace};

fn read(rel: &str) -> Option<Vec<u8>> {
    shared(&format!("conformance/{rel}")).map(|p| std::fs::read(p).expect("readable"))
}

fn json(rel: &str) -> Option<serde_json::Value> {
    read(rel).map(|b| serde_json::from_slice(&b).expect("the shared file is JSON"))
}

/// The annotations of `bytes` for `article`, with unknown labels made claims.
fn import(bytes: &[u8], article: Article) -> (Imported, Workspace) {
    let mut ws = Workspace::new(article);
    let imported = match read_annotations(bytes, ws.text(), Timestamp(0)) {
        Ok(AnnotationFile::Imported(i)) => i,
        Ok(AnnotationFile::NeedsLabels(q)) => q.apply(&LabelMap::new()),
        other => panic!("{other:?}"),
    };
    ws.import(imported.annotations.clone(), ImportMode::Merge);
    (imported, ws)
}

/// The visible text of an HTML page, roughly as a browser's `textContent` folds it: enough
/// for quotes to be found in it.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag = &rest[lt..];
        let skip_to = ["<script", "<style"].iter().find(|t| tag.starts_with(**t)).map(|t| format!("</{}", &t[1..]));
        rest = match skip_to.and_then(|end| tag.find(&end)) {
            Some(i) => &tag[i + 2..],
            None => tag,
        };
        let name: String = tag.trim_start_matches(['<', '/']).chars().take_while(char::is_ascii_alphanumeric).collect();
        // Inline elements run on in the text ("<b>Jules</b>: No"); blocks are apart.
        if !["b", "i", "em", "strong", "span", "a", "sup", "sub", "small", "abbr", "code"].contains(&name.to_ascii_lowercase().as_str()) {
            out.push(' ');
        }
        rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
    }
    out.push_str(rest);
    let out = out.replace("&amp;", "&").replace("&#160;", " ").replace("&nbsp;", " ").replace("&quot;", "\"").replace("&#39;", "'");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn hypothesis_search_result_and_export_of_the_same_page_agree() {
    let (Some(search), Some(export), Some(page)) = (
        read("peers/hypothesis/wikipedia-regression-testing.json"),
        read("peers/hypothesis/DERIVED-wikipedia-regression-testing.export-format.json"),
        read("peers/hypothesis/wikipedia-regression-testing.html"),
    ) else {
        return;
    };
    let article = parse_article(&html_text(&String::from_utf8_lossy(&page)));
    let (a, ws) = import(&search, article.clone());
    let (b, _) = import(&export, article);
    assert_eq!((a.source, a.annotations.len(), a.skipped.total()), (Source::Hypothesis, 5, 0));
    assert_eq!(a, b, "the two shapes hold the same rows");
    let notes: Vec<&str> = a.annotations.iter().map(|x| x.note.as_str()).collect();
    assert_eq!(notes, vec!["Footer", "Body", "Quote", "Introduction", "Heading"]);
    assert!(a.annotations.iter().all(|x| x.creator() == "acct:mark@localhost" && x.tag == Tag::Claim && x.labels().is_empty()));
    assert!(a.annotations.iter().all(|x| x.created.0 > 1_481_000_000_000), "created is kept");
    let heading = ws.annotations().iter().find(|x| x.note == "Heading").unwrap();
    assert!(!heading.is_orphan() && heading.target.exact == "Regression testing", "{heading:?}");
    let anchored = ws.annotations().iter().filter(|x| !x.is_orphan()).count();
    assert!(anchored >= 4, "quotes are found in the page's text ({anchored} of 5)");
}

#[test]
fn recogito_native_annotations_land_on_their_quotes() {
    let (Some(bytes), Some(page)) =
        (read("peers/recogito/inline-markers-native/annotations.json"), read("peers/recogito/inline-markers-native/source-page.html"))
    else {
        return;
    };
    let items = serde_json::from_slice::<serde_json::Value>(&bytes).unwrap().as_array().map_or(0, Vec::len);
    let (imported, ws) = import(&bytes, parse_article(&html_text(&String::from_utf8_lossy(&page))));
    assert_eq!(imported.source, Source::Recogito);
    assert_eq!(imported.annotations.len() + imported.skipped.total(), items, "every item is imported or counted");
    for a in ws.annotations().iter() {
        assert!(!a.is_orphan(), "{:?} is found in the page's text", a.target.exact);
    }
    assert!(imported.annotations.iter().all(|a| a.created.0 > 1_700_000_000_000), "created is kept");
}

#[test]
fn hypothesis_minimal_row_lands_on_its_word() {
    let Some(bytes) = read("peers/hypothesis/minimal.json") else { return };
    let (imported, ws) = import(&bytes, parse_article("One Two Three"));
    assert_eq!(imported.source, Source::Hypothesis);
    let a = ws.annotations().iter().next().unwrap();
    assert_eq!((a.target.exact.as_str(), a.range().start(), a.is_orphan()), ("Two", 4, false));
}

#[test]
fn label_studio_named_entity_asks_for_date_and_lands_on_it() {
    let Some(task) = json("peers/label-studio/named_entity/annotations-1.json") else { return };
    let article = parse_article(task["data"]["text"].as_str().unwrap());
    let mut ws = Workspace::new(article);
    let question = match read_annotations(task.to_string().as_bytes(), ws.text(), Timestamp(0)) {
        Ok(AnnotationFile::NeedsLabels(q)) => q,
        other => panic!("{other:?}"),
    };
    assert_eq!(question.labels().iter().map(|c| (c.label.as_str(), c.count)).collect::<Vec<_>>(), vec![("Date", 1)]);
    let done = question.apply(&[("Date", LabelChoice::Tag(Tag::Figure))].into_iter().collect());
    let (_, report) = ws.import(done.annotations.clone(), ImportMode::Merge);
    assert_eq!(done.summary(&report), "1 added from a Label Studio file");
    let a = ws.annotations().iter().next().unwrap();
    assert_eq!((a.tag, a.target.exact.as_str(), a.is_orphan(), a.labels()), (Tag::Figure, "February 22", false, &["Date".to_string()][..]));
    let Some(tasks) = read("peers/label-studio/named_entity/tasks.json") else { return };
    let (imported, _) = import(&tasks, Article::default_article());
    assert_eq!((imported.annotations.len(), imported.skipped.count(SkipReason::Prediction)), (0, 1), "predictions are not imported");
}

#[test]
fn label_studio_stale_offsets_keep_the_span_as_an_orphan() {
    let Some(task) = json("peers/label-studio/rich_text_plain/annotations-1.json") else { return };
    let (imported, ws) = import(task.to_string().as_bytes(), parse_article(task["data"]["ner"].as_str().unwrap()));
    assert_eq!(imported.annotations.len(), 1, "never dropped");
    let a = ws.annotations().iter().next().unwrap();
    assert_eq!((a.target.exact.as_str(), a.is_orphan()), ("February 22", true), "the quote is not in this text");
}

#[test]
fn label_studio_html_spans_are_read_by_their_text() {
    let Some(task) = json("peers/label-studio/rich_text_html/annotations-1.json") else { return };
    let page = html_text(task["data"]["text"].as_str().unwrap());
    let (imported, ws) = import(task.to_string().as_bytes(), parse_article(&page));
    let results = task["annotations"][0]["result"].as_array().unwrap().len();
    assert_eq!(imported.annotations.len() + imported.skipped.total(), results);
    assert!(ws.annotations().iter().any(|a| a.target.exact == "Vincent: Look, Mr. Wolfe" && !a.is_orphan()));
}

#[test]
fn label_studio_issue_offsets_in_either_unit_land_on_the_span() {
    let Some(cases) = json("peers/label-studio/issue-offset-cases.json") else { return };
    for case in cases["cases"].as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let want = case["span_text"].as_str().unwrap();
        for unit in ["utf16_offsets", "code_point_offsets"] {
            let (s, e) = (&case[unit]["start"], &case[unit]["end"]);
            let task = serde_json::json!({"data": {"text": text}, "annotations": [{"result": [
                {"type": "labels", "value": {"start": s, "end": e, "text": want, "labels": ["claim"]}}]}]});
            let (_, ws) = import(task.to_string().as_bytes(), parse_article(text));
            let a = ws.annotations().iter().next().unwrap();
            let start = case["code_point_offsets"]["start"].as_u64().unwrap() as usize;
            assert_eq!((a.target.exact.as_str(), a.range().start(), a.is_orphan()), (want, start, false), "{unit} of {text}");
        }
    }
}

#[test]
fn doccano_files_import_with_their_skips() {
    let article = parse_article("EU rejects German call to boycott British lamb.\n\nPresident Obama met Peter Blackburn.");
    type Case = (&'static str, usize, &'static [(SkipReason, usize)]);
    let cases: [Case; 5] = [
        ("export-examples/sequence_labeling.jsonl", 4, &[]),
        ("export-examples/relation_extraction.jsonl", 4, &[]),
        ("import-examples/sequence_labeling.jsonl", 3, &[]),
        ("import-tests/sequence_labeling.example.jsonl", 1, &[(SkipReason::NoText, 1)]),
        ("import-tests/sequence_labeling.example_overlapping.jsonl", 1, &[(SkipReason::Duplicate, 1)]),
    ];
    for (file, found, skips) in cases {
        let Some(bytes) = read(&format!("peers/doccano/{file}")) else { return };
        let (imported, ws) = import(&bytes, article.clone());
        assert_eq!((imported.source, imported.annotations.len()), (Source::Doccano, found), "{file}");
        for (reason, n) in skips {
            assert_eq!(imported.skipped.count(*reason), *n, "{file}: {reason}");
        }
        if file.starts_with("export-examples/sequence") {
            let placed: Vec<&str> = ws.annotations().iter().filter(|a| !a.is_orphan()).map(|a| a.target.exact.as_str()).collect();
            for word in ["EU", "German", "Peter Blackburn", "Obama"] {
                assert!(placed.contains(&word), "{word} placed by quote and context: {placed:?}");
            }
        }
    }
}

#[test]
fn doccano_conll_files_land_on_their_tokens_or_say_which_line_is_wrong() {
    let (Some(good), Some(bad)) = (
        read("peers/doccano/import-tests/sequence_labeling.example.conll"),
        read("peers/doccano/import-tests/sequence_labeling.invalid.conll"),
    ) else {
        return;
    };
    // The article the tokens were cut from: each sentence's tokens, as running text.
    let text = String::from_utf8_lossy(&good);
    let sentences: Vec<String> = text
        .split("\n\n")
        .map(|s| s.lines().filter_map(|l| l.split('\t').next()).collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect();
    let spans = text.lines().filter(|l| l.contains("\tB-")).count();
    let (imported, ws) = import(&good, parse_article(&sentences.join("\n\n")));
    assert_eq!((imported.source, imported.annotations.len()), (Source::Doccano, spans));
    let placed: Vec<&str> = ws.annotations().iter().filter(|a| !a.is_orphan()).map(|a| a.target.exact.as_str()).collect();
    assert!(placed.contains(&"JAPAN") && placed.contains(&"Nadim Ladki"), "{placed:?}");
    assert_eq!(placed.len(), spans, "every span is placed");
    if let Some(txt) = read("peers/doccano/import-examples/sequence_labeling.txt") {
        let (_, ws) = import(&txt, parse_article("EU rejects German call to boycott British lamb.\n\nPeter Blackburn wrote it."));
        let placed: Vec<&str> = ws.annotations().iter().filter(|a| !a.is_orphan()).map(|a| a.target.exact.as_str()).collect();
        for word in ["EU", "German", "British", "Peter Blackburn"] {
            assert!(placed.contains(&word), "{word}: {placed:?}");
        }
    }
    let ws = Workspace::new(parse_article("JAPAN GET LUCKY WIN"));
    let refused = read_annotations(&bad, ws.text(), Timestamp(0)).unwrap_err();
    assert!(refused.to_string().contains("line 1"), "{refused}");
}

#[test]
fn w3c_collection_with_every_selector_imports_its_text_ones() {
    let Some(bytes) = read("w3c-annotation/test-samples/correct/collection1.json") else { return };
    let text = ArticleText::new(&Article::default_article());
    let imported = match read_annotations(&bytes, &text, Timestamp(0)) {
        Ok(AnnotationFile::Imported(i)) => i,
        other => panic!("{other:?}"),
    };
    let items = json("w3c-annotation/test-samples/correct/collection1.json").unwrap()["first"]["items"].as_array().unwrap().len();
    assert_eq!(imported.annotations.len() + imported.skipped.total(), items, "every item is imported or counted");
    assert!(imported.annotations.iter().any(|a| a.target.exact == "Selected Text"), "the refinedBy quote is read");
    assert!(imported.skipped.count(SkipReason::WholeDocument) > 0 && imported.skipped.count(SkipReason::NoTextSelector) > 0);
    eprintln!("collection1: {} imported, {}", imported.annotations.len(), imported.skipped);
}

#[test]
fn every_correct_w3c_sample_reads_or_says_why_not() {
    let Some(dir) = shared("conformance/w3c-annotation/test-samples/correct") else { return };
    let text = ArticleText::new(&Article::default_article());
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files {
        let result = read_annotations(&std::fs::read(&path).unwrap(), &text, Timestamp(0));
        // A collection whose pages are only linked cannot be read from the file alone; it is
        // refused with what to do instead.
        let linked = matches!(&result, Err(super::FileProblem::Invalid(m)) if m.contains("pages are only linked"));
        assert!(linked || matches!(result, Ok(AnnotationFile::Imported(_))), "{}: {result:?}", path.display());
    }
}
