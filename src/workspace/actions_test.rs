//! Random user actions over real and hostile texts: no action panics, and after each one
//! every anchored annotation's quote is the text at its range.

use crate::annotation::{AnnotationId, Tag};
use crate::import::{article_from_text, read_annotations, AnnotationFile, ArticleFormat};
use crate::testing::Rng;
use crate::text::CharRange;
use crate::time::Timestamp;
use crate::workspace::{ImportMode, Workspace};

/// Texts with what broke parsers before: hyphens after letters, dates, fractions, Cyrillic
/// magnitudes, right-to-left script, emoji and combining marks, markup and stray quotes.
const HOSTILE: &str = "COVID-19 cases rose in K-12 schools post-1994, said Rep. Jim Clyburn.\n\n\
On December 25, 2022 (10.04.2008) a fifth, 1/1024 and 3,82 млн грн were “counted,” the United States said Friday.\n\n\
«Ми готові», — заявив він. ١٢٣ مليون دولار قال الرئيس. 😀👩\u{200d}👩\u{200d}👧 e\u{301} $ % — – - 5- -5 $- €3,5 Mio. 2 Mrd. €\n\n\
1e999 99999999999999999999999 0.000000000000000000001 ½ ¾ 1⁄2 ١٢٫٥ <script>alert(1)</script> \"' & </p>\n\n\
# Heading *em* [link](http://x) `code`\n\n- item 1\n- item 2";

fn texts() -> Vec<String> {
    let mut out = vec![HOSTILE.to_string(), crate::article::Article::default_article().canonical_text()];
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/suggestions-dev.json");
    match std::fs::read_to_string(&corpus) {
        Ok(raw) => {
            let v: serde_json::Value = serde_json::from_str(&raw).expect("the corpus is JSON");
            for a in v["articles"].as_array().into_iter().flatten() {
                let paragraphs = a["paragraphs"].as_array().into_iter().flatten().filter_map(|p| p.as_str());
                out.push(std::iter::once(a["title"].as_str().unwrap_or("")).chain(paragraphs).collect::<Vec<_>>().join("\n\n"));
            }
        }
        Err(_) => eprintln!("{} is absent: random actions run on the built-in texts only", corpus.display()),
    }
    out
}

fn check_invariants(ws: &Workspace) {
    for a in ws.annotations().iter() {
        assert_eq!(a.target.exact, ws.text().slice(a.range()), "quote and range agree for {}", a.id);
    }
}

#[test]
fn random_actions_never_panic_and_keep_quotes_true() {
    for (n, text) in texts().iter().enumerate() {
        for format in [ArticleFormat::Text, ArticleFormat::Markdown] {
            let mut ws = Workspace::new(article_from_text(format, text));
            let mut rng = Rng::new(n as u64 * 2 + u64::from(format == ArticleFormat::Markdown));
            let len = ws.text().len();
            let mut ids: Vec<AnnotationId> = Vec::new();
            for step in 0..400u64 {
                let now = Timestamp(step as i64);
                let pick = |rng: &mut Rng, ids: &[AnnotationId]| ids.get(rng.below(ids.len())).cloned();
                match rng.below(10) {
                    0..=3 => {
                        let s = rng.below(len + 2);
                        let e = s + rng.below(40);
                        let mut b = [0u8; 16];
                        b[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
                        let tag = Tag::ALL[rng.below(3)];
                        if let Ok(change) = ws.create(CharRange::new(s, e).unwrap(), tag, AnnotationId::new_v4(b), now) {
                            ids.extend(change.focus);
                        }
                    }
                    4 => {
                        if let Some(id) = pick(&mut rng, &ids) {
                            ws.set_tag(&id, Tag::ALL[rng.below(3)], now);
                        }
                    }
                    5 => {
                        if let Some(id) = pick(&mut rng, &ids) {
                            ws.delete(&id);
                        }
                    }
                    6 => {
                        ws.undo();
                    }
                    7 => {
                        ws.redo();
                    }
                    _ => {
                        // What the editor does with a selected annotation.
                        if let Some(id) = pick(&mut rng, &ids) {
                            let found = ws.suggest(&id).unwrap_or_default();
                            if let Some(s) = &found.speaker {
                                ws.set_speaker(&id, s, now);
                            }
                            let _ = found.figure.as_ref().map(ToString::to_string);
                            ws.set_figure_value(&id, found.figure, now);
                            if let Some((name, year)) = found.source {
                                ws.set_figure_source(&id, &name, year, now);
                            }
                            for b in ws.blocks_of(&id) {
                                let _ = ws.block_html(b, Some(&id));
                            }
                        }
                    }
                }
                check_invariants(&ws);
            }
            // Every export, and the file read back into a fresh workspace: the same annotations.
            let _ = crate::format::w3c::serialize(&ws);
            let _ = crate::format::csv::serialize(&ws);
            let _ = crate::format::claimreview::serialize(&ws, Timestamp(1));
            let _ = crate::format::report::markdown(&ws, Timestamp(1), true);
            let json = crate::format::factmark::serialize(&ws);
            let mut back = Workspace::new(ws.article().clone());
            match read_annotations(json.as_bytes(), back.text(), Timestamp(0)) {
                Ok(AnnotationFile::Factmark(parsed)) => {
                    back.import(parsed.annotations, ImportMode::Replace);
                }
                other => panic!("text {n}: what we write we read: {other:?}"),
            }
            assert_eq!(back.annotations().len(), ws.annotations().len(), "text {n}");
        }
    }
}
