//! Fuzzes what a user drives: an article opened from any bytes, then a run of actions read
//! from the rest of the input (create at any range with any tag, retag, delete, undo, redo,
//! the editor's suggestions, an import of the file exported so far). No input may panic, and
//! every anchored annotation's quote must stay the text at its range.
#![no_main]

use factmark::annotation::{AnnotationId, Tag};
use factmark::import::{article_from_text, check_article, read_annotations, read_article, AnnotationFile, ArticleFormat};
use factmark::text::CharRange;
use factmark::time::Timestamp;
use factmark::workspace::{ImportMode, Workspace};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The article is the input up to the first 0xFF byte; the actions are what follows.
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let (article_bytes, actions) = (&data[..split], data.get(split + 1..).unwrap_or(&[]));
    let Ok(file) = read_article("fuzz.txt", article_bytes) else { return };
    let format = if actions.first().is_some_and(|b| b & 1 == 1) { ArticleFormat::Markdown } else { ArticleFormat::Text };
    let article = article_from_text(format, &file.text);
    // As the app does: an article the limits refuse (empty once parsed, too many paragraphs)
    // is never opened.
    if check_article(&article).is_err() {
        return;
    }
    let mut ws = Workspace::new(article);
    let len = ws.text().len();
    let mut ids: Vec<AnnotationId> = Vec::new();
    for (step, op) in actions.chunks(4).enumerate() {
        let now = Timestamp(step as i64);
        let arg = |i: usize| usize::from(*op.get(i).unwrap_or(&0));
        let pick = |ids: &[AnnotationId]| (!ids.is_empty()).then(|| ids[arg(1) % ids.len()].clone());
        match arg(0) % 8 {
            0 | 1 => {
                let start = (arg(1) << 8 | arg(2)) % (len + 2);
                let range = CharRange::new(start, start + arg(3) % 64).unwrap();
                let mut id = [0u8; 16];
                id[..8].copy_from_slice(&(step as u64).to_le_bytes());
                if let Ok(change) = ws.create(range, Tag::ALL[arg(3) % 3], AnnotationId::new_v4(id), now) {
                    ids.extend(change.focus);
                }
            }
            2 => {
                if let Some(id) = pick(&ids) {
                    ws.set_tag(&id, Tag::ALL[arg(2) % 3], now);
                }
            }
            3 => {
                if let Some(id) = pick(&ids) {
                    ws.delete(&id);
                }
            }
            4 => {
                ws.undo();
            }
            5 => {
                ws.redo();
            }
            6 => {
                if let Some(id) = pick(&ids) {
                    let found = ws.suggest(&id).unwrap_or_default();
                    ws.set_figure_value(&id, found.figure, now);
                    for b in ws.blocks_of(&id) {
                        let _ = ws.block_html(b, Some(&id));
                    }
                }
            }
            _ => {
                let json = factmark::format::factmark::serialize(&ws);
                match read_annotations(json.as_bytes(), ws.text(), now) {
                    Ok(AnnotationFile::Factmark(parsed)) => {
                        ws.import(parsed.annotations, ImportMode::Merge);
                    }
                    other => panic!("what we write we read: {other:?}"),
                }
            }
        }
        for a in ws.annotations().iter() {
            assert_eq!(a.target.exact, ws.text().slice(a.range()));
        }
    }
    let _ = factmark::format::w3c::serialize(&ws);
    let _ = factmark::format::csv::serialize(&ws);
    let _ = factmark::format::claimreview::serialize(&ws, Timestamp(0));
    let _ = factmark::format::report::markdown(&ws, Timestamp(0));
});
