//! Fuzzes every importer with arbitrary bytes: none may panic, and whatever an annotation
//! importer accepts must anchor and serialize without panicking either.
#![no_main]

use factmark::article::{Article, ArticleText};
use factmark::format::labels::LabelMap;
use factmark::import::{read_annotations, read_article, AnnotationFile, Imported};
use factmark::time::Timestamp;
use factmark::workspace::{ImportMode, Workspace};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn default_text() -> &'static ArticleText {
    static TEXT: OnceLock<ArticleText> = OnceLock::new();
    TEXT.get_or_init(|| ArticleText::new(&Article::default_article()))
}

/// Another tool's annotations must anchor, serialize and be told without panicking.
fn import_peer(imported: Imported) {
    let mut ws = Workspace::new(Article::default_article());
    let (_, report) = ws.import(imported.annotations.clone(), ImportMode::Merge);
    let _ = imported.summary(&report);
    let _ = factmark::format::w3c::serialize(&ws);
    let _ = factmark::format::csv::serialize(&ws);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = read_article("fuzz.md", data) {
        let _ = factmark::import::article_from_text(file.format, &file.text);
        let _ = factmark::article::parse_article(&file.text);
    }
    match read_annotations(data, default_text(), Timestamp(0)) {
        Ok(AnnotationFile::Imported(imported)) => import_peer(imported),
        Ok(AnnotationFile::NeedsLabels(question)) => import_peer(question.apply(&LabelMap::new())),
        Ok(AnnotationFile::Factmark(parsed)) => {
            let mut ws = Workspace::new(parsed.article);
            ws.import(parsed.annotations, ImportMode::Replace);
            let json = factmark::format::factmark::serialize(&ws);
            assert!(factmark::format::factmark::parse(&json).is_ok(), "what we write, we read");
        }
        Err(_) => {}
    }
});
