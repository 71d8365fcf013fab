//! Files the user brings: articles (.txt, .md, .html) and annotation files (Factmark, W3C,
//! Hypothesis, Label Studio, doccano), checked completely before anything changes, with
//! errors that name the problem.

mod annotations;
mod collect;
mod labels;
mod outcome;
#[cfg(test)]
mod peers_test;

pub use annotations::{read_annotations, read_factmark_file, AnnotationFile};
pub use labels::LabelQuestion;
pub use outcome::{Imported, Source};

use crate::article::markdown::parse_markdown;
use crate::article::{extract, parse_article, Article};
use crate::format::conll::ConllError;
use crate::format::doccano::DoccanoError;
use crate::format::hypothesis::HypothesisError;
use crate::format::label_studio::LabelStudioError;
use crate::format::recogito::RecogitoError;
use crate::format::{factmark, JsonError};
use crate::text::decode::{decode, DecodeError};
use std::fmt;

/// Articles larger than this are refused (bytes).
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;
/// Articles with more blocks (headline and paragraphs) than this are refused: no news
/// article comes near it, and laying out so many blocks would hold the page up for seconds.
pub const MAX_ARTICLE_BLOCKS: usize = 20_000;
/// Annotation files larger than this are refused (bytes).
pub const MAX_ANNOTATION_BYTES: usize = 20 * 1024 * 1024;

/// What is wrong with a file. The UI puts the file's name in front.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge {
        size: usize,
        limit: usize,
    },
    Empty,
    /// More blocks than [`MAX_ARTICLE_BLOCKS`].
    TooManyParagraphs {
        count: usize,
        limit: usize,
    },
    Binary,
    Json(JsonError),
    /// Valid JSON, but no kind of annotation file Factmark reads.
    OtherJson,
    Hypothesis(HypothesisError),
    LabelStudio(LabelStudioError),
    Doccano(DoccanoError),
    Recogito(RecogitoError),
    Conll(ConllError),
    NewerVersion(u64),
    Invalid(String),
}

fn megabytes(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1_048_576.0)
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::TooLarge { size, limit } => write!(f, "it is {}, larger than the {} limit", megabytes(*size), megabytes(*limit)),
            FileProblem::Empty => f.write_str("it is empty"),
            FileProblem::TooManyParagraphs { count, limit } => {
                write!(f, "it has {count} paragraphs, more than the {limit} an article may have; split it into several articles")
            }
            FileProblem::Binary => f.write_str("it looks like a binary file, not text"),
            FileProblem::Json(e) => write!(f, "it is not valid JSON ({e})"),
            FileProblem::OtherJson => f.write_str(
                "it is JSON, but not an annotation file Factmark reads (a Factmark file, W3C Web Annotations, or an export of Hypothesis, Label Studio, doccano or Recogito)",
            ),
            FileProblem::Hypothesis(e) => write!(f, "{e}"),
            FileProblem::LabelStudio(e) => write!(f, "{e}"),
            FileProblem::Doccano(e) => write!(f, "{e}"),
            FileProblem::Recogito(e) => write!(f, "{e}"),
            FileProblem::Conll(e) => write!(f, "{e}"),
            FileProblem::NewerVersion(v) => write!(
                f,
                "it was written by a newer Factmark (file version {v}; this app reads version {}). Update Factmark to open it",
                factmark::VERSION
            ),
            FileProblem::Invalid(m) => write!(f, "{m}"),
        }
    }
}

impl From<DecodeError> for FileProblem {
    fn from(_: DecodeError) -> Self {
        FileProblem::Binary
    }
}

/// How an article file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleFormat {
    Text,
    Markdown,
    Html,
}

/// Guesses the format from the file name, then from the content.
pub fn article_format(name: &str, text: &str) -> ArticleFormat {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return ArticleFormat::Html;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return ArticleFormat::Markdown;
    }
    let head: String = text.trim_start().chars().take(64).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        ArticleFormat::Html
    } else {
        ArticleFormat::Text
    }
}

/// An article file's text, decoded, and a note if the encoding had to be guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleFile {
    pub format: ArticleFormat,
    pub text: String,
    pub notice: Option<String>,
}

/// Checks and decodes an article file; [`article_from_file`] reads the article out of it.
pub fn read_article(name: &str, bytes: &[u8]) -> Result<ArticleFile, FileProblem> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(FileProblem::TooLarge { size: bytes.len(), limit: MAX_ARTICLE_BYTES });
    }
    let decoded = decode(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(ArticleFile { format: article_format(name, &decoded.text), text: decoded.text, notice: decoded.lossy_note })
}

/// Checks an article against the limits, whichever way it came in: a file, pasted text, or
/// the article inside a Factmark file (which would otherwise bypass the file-size check).
pub fn check_article(article: &Article) -> Result<(), FileProblem> {
    if article.paragraphs.is_empty() && article.title.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let size = article.title.len() + article.paragraphs.iter().map(|p| p.len() + 2).sum::<usize>();
    if size > MAX_ARTICLE_BYTES {
        return Err(FileProblem::TooLarge { size, limit: MAX_ARTICLE_BYTES });
    }
    let count = article.paragraphs.len() + usize::from(!article.title.is_empty());
    if count > MAX_ARTICLE_BLOCKS {
        return Err(FileProblem::TooManyParagraphs { count, limit: MAX_ARTICLE_BLOCKS });
    }
    Ok(())
}

/// An article file or paste, ready to open: text is read at once; a web page's article is
/// extracted, and Markdown read, by the formats worker ([`crate::worker`]), so that code
/// stays out of the page's first download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Article(Article),
    /// A web page's source, for [`crate::worker::Request::Page`].
    Page(String),
    /// Markdown, for [`crate::worker::Request::Markdown`].
    Markdown(String),
}

/// An article from pasted text (or a page's HTML source), checked like a file.
pub fn open_paste(text: &str) -> Result<Opened, FileProblem> {
    opened(article_format("", text), text)
}

/// A paste as the clipboard held it, when it held HTML too (`html`): a selection copied from a
/// web page (even all of it) keeps its headline and paragraphs apart in its HTML, and reading it
/// as a page drops the menus, share bars and "Most popular" lists its plain text carries along.
/// HTML without a block in it, or larger than a page file may be, is read as its plain text.
pub fn open_clipboard(html: &str, plain: &str) -> Result<Opened, FileProblem> {
    let blocks = ["<p", "<h1", "<h2", "<li", "<br", "<div", "<article"];
    let lower = html.get(..html.len().min(MAX_ARTICLE_BYTES + 1)).unwrap_or(html).to_ascii_lowercase();
    if html.len() <= MAX_ARTICLE_BYTES && !plain.trim().is_empty() && blocks.iter().any(|b| lower.contains(b)) {
        Ok(Opened::Page(html.to_string()))
    } else {
        open_paste(plain)
    }
}

/// An article file, checked and decoded, with a notice if its encoding had to be guessed.
pub fn open_file(name: &str, bytes: &[u8]) -> Result<(Opened, Option<String>), FileProblem> {
    let file = read_article(name, bytes)?;
    Ok((opened(file.format, &file.text)?, file.notice))
}

fn opened(format: ArticleFormat, text: &str) -> Result<Opened, FileProblem> {
    let article = match format {
        ArticleFormat::Html => return Ok(Opened::Page(text.to_string())),
        ArticleFormat::Markdown => return Ok(Opened::Markdown(text.to_string())),
        ArticleFormat::Text => parse_article(text),
    };
    check_article(&article)?;
    Ok(Opened::Article(article))
}

/// An article from pasted text or a page's source, in one step (native callers and tests).
#[cfg(test)]
pub fn article_from_paste(text: &str) -> Result<Article, FileProblem> {
    let article = article_from_text(article_format("", text), text);
    check_article(&article)?;
    Ok(article)
}

/// An article file's article, in one step, with a notice if its encoding had to be guessed.
#[cfg(test)]
pub fn article_from_file(name: &str, bytes: &[u8]) -> Result<(Article, Option<String>), FileProblem> {
    let file = read_article(name, bytes)?;
    let article = article_from_text(file.format, &file.text);
    check_article(&article)?;
    Ok((article, file.notice))
}

/// Parses an article written as text, Markdown or HTML (a web page, reduced to its article).
pub fn article_from_text(format: ArticleFormat, text: &str) -> Article {
    match format {
        ArticleFormat::Markdown => parse_markdown(text),
        ArticleFormat::Text => parse_article(text),
        ArticleFormat::Html => extract::article_from_html(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleText;
    use crate::testing::Rng;
    use crate::time::Timestamp;

    fn default_text() -> ArticleText {
        ArticleText::new(&Article::default_article())
    }

    #[test]
    fn limits_and_binary_content() {
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(read_article("a.txt", &big), Err(FileProblem::TooLarge { .. })));
        assert_eq!(read_article("a.txt", b"\x00\x01\x02\x03binary\x00\x00"), Err(FileProblem::Binary));
        assert_eq!(read_article("a.txt", b"  \n "), Err(FileProblem::Empty));
        let huge = vec![b' '; MAX_ANNOTATION_BYTES + 1];
        assert!(matches!(read_annotations(&huge, &default_text(), Timestamp(0)), Err(FileProblem::TooLarge { .. })));
        assert!(FileProblem::TooLarge { size: 6 * 1_048_576, limit: MAX_ARTICLE_BYTES }.to_string().contains("6.0 MB"));
    }

    #[test]
    fn the_article_limits_hold_on_every_path() {
        let big = "word ".repeat(MAX_ARTICLE_BYTES / 5 + 10);
        assert!(matches!(article_from_paste(&big), Err(FileProblem::TooLarge { .. })), "a large paste");
        let many = "p\n\n".repeat(MAX_ARTICLE_BLOCKS + 1);
        assert!(matches!(article_from_paste(&many), Err(FileProblem::TooManyParagraphs { .. })), "many paragraphs");
        assert_eq!(article_from_paste("  \n "), Err(FileProblem::Empty));
        assert!(article_from_paste("Head\n\nBody.").is_ok());
        // A Factmark file carrying a too-large article is refused, though the file is under its own limit.
        let article = Article { title: "T".into(), paragraphs: vec!["x".repeat(MAX_ARTICLE_BYTES)], ..Article::default() };
        let json = factmark::serialize(&crate::workspace::Workspace::new(article));
        assert!(json.len() < MAX_ANNOTATION_BYTES);
        match read_annotations(json.as_bytes(), &default_text(), Timestamp(0)) {
            Err(FileProblem::Invalid(m)) => assert!(m.contains("larger than the 5.0 MB limit"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn article_formats_by_name_and_content() {
        assert_eq!(article_format("x.HTML", ""), ArticleFormat::Html);
        assert_eq!(article_format("notes.md", ""), ArticleFormat::Markdown);
        assert_eq!(article_format("x.txt", "<!DOCTYPE html><p>"), ArticleFormat::Html);
        assert_eq!(article_format("x.txt", "Hello"), ArticleFormat::Text);
        let f = read_article("old.txt", b"Caf\xe9 news\n\nIt\x92s here.").unwrap();
        assert!(f.notice.is_some(), "Windows-1252 is announced");
        let a = article_from_text(f.format, &f.text);
        assert_eq!(a.title, "Café news");
        assert_eq!(a.paragraphs, vec!["It’s here."]);
    }

    #[test]
    fn html_files_and_pasted_pages_are_reduced_to_their_article() {
        let page = "<!DOCTYPE html><title>Title here | Site</title><nav><a href=/>Home page link</a></nav><p>  First\n para, long enough to be a paragraph. </p><p>Second</p>";
        let (a, _) = article_from_file("page.html", page.as_bytes()).unwrap();
        assert_eq!(a.title, "Title here");
        assert_eq!(a.paragraphs, vec!["First para, long enough to be a paragraph.", "Second"]);
        assert_eq!(article_from_paste(page).unwrap(), a);
        assert_eq!(article_from_file("page.html", b"<html><body><script>x()</script></body></html>"), Err(FileProblem::Empty));
    }

    #[test]
    fn a_copied_web_page_is_read_as_a_page_and_plain_text_as_text() {
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages/nyt-water-tunnels.html")).unwrap();
        // What a browser puts on the clipboard for "select all, copy": the body's markup, no head.
        let copied = &page[page.find("<body").unwrap()..];
        let plain =
            "SUBSCRIBE NOW\nCity Council Approves $2.4 Billion Plan to Rebuild Aging Water Tunnels\nThe City Council voted 41 to 8.";
        let Ok(Opened::Page(html)) = open_clipboard(copied, plain) else { panic!("not read as a page") };
        let article = article_from_text(ArticleFormat::Html, &html);
        assert_eq!(article.title, "City Council Approves $2.4 Billion Plan to Rebuild Aging Water Tunnels");
        assert!(article.paragraphs[0].starts_with("The City Council voted 41 to 8 on Tuesday"), "{:?}", article.paragraphs[0]);
        assert!(!article.paragraphs.iter().any(|p| p.contains("SUBSCRIBE")), "the page's clutter is dropped");
        // Inline markup alone (a copied phrase), or no plain text, is text.
        let Ok(Opened::Article(a)) = open_clipboard("<meta charset='utf-8'><span>Just <b>a</b> phrase</span>", "Just a phrase") else {
            panic!()
        };
        assert_eq!(a.title, "Just a phrase");
        assert_eq!(open_clipboard("<p></p>", " "), Err(FileProblem::Empty));
        let huge = format!("<p>{}</p>", "x".repeat(MAX_ARTICLE_BYTES));
        assert!(matches!(open_clipboard(&huge, "Headline\n\nBody."), Ok(Opened::Article(_))), "over a page file's limit: its text");
    }

    #[test]
    fn pages_wait_for_the_worker_and_text_opens_at_once() {
        let page = "<!DOCTYPE html><title>Title here | Site</title><p>First para, long enough to be a paragraph.</p>";
        assert!(matches!(open_file("page.html", page.as_bytes()), Ok((Opened::Page(source), None)) if source == page));
        assert_eq!(open_paste("Head\n\nBody."), Ok(Opened::Article(article_from_paste("Head\n\nBody.").unwrap())));
        assert_eq!(open_paste(" \n"), Err(FileProblem::Empty));
        assert!(matches!(open_paste(&"p\n\n".repeat(MAX_ARTICLE_BLOCKS + 1)), Err(FileProblem::TooManyParagraphs { .. })));
    }

    #[test]
    fn random_bytes_never_panic() {
        let text = default_text();
        let mut rng = Rng::new(11);
        let seeds: [&[u8]; 6] = [
            include_bytes!("../tests/fixtures/default-article.factmark.json"),
            b"{\"type\":\"AnnotationPage\",\"items\":[]}",
            b"Title\n\nBody",
            br#"{"total":1,"rows":[{"user":"u","tags":["x"],"target":[{"selector":[{"type":"TextPositionSelector","start":1,"end":9}]}]}]}"#,
            br#"[{"data":{"text":"Zelensky said"},"annotations":[{"result":[{"type":"labels","value":{"start":0,"end":8,"text":"Zelensky","labels":["PER"]}}]}]}]"#,
            b"{\"text\": \"Zelensky said\", \"label\": [[0, 8, \"PER\"]]}\n{\"text\": \"x\", \"entities\": []}",
        ];
        for i in 0..3000 {
            let mut bytes = seeds[i % seeds.len()].to_vec();
            for _ in 0..=rng.below(8) {
                let k = rng.below(bytes.len());
                bytes[k] = rng.next_u64() as u8;
            }
            let _ = read_annotations(&bytes, &text, Timestamp(0));
            let _ = read_article("x.md", &bytes);
        }
    }
}
