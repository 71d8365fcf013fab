//! Web pages to articles at reader-view quality: the page is parsed in Rust (nothing in it
//! loads or runs), its details read from metadata, and only the article's own paragraphs
//! kept, with navigation, share bars, comments and related links left behind.

mod blocks;
mod meta;
mod page;
mod score;

use super::published::is_iso_date;
use super::Article;
use crate::html::{self, Document};
use page::{Page, Strictness};

/// Below this many characters an extraction is retried with less clutter removed: the page
/// may name its article container like furniture.
const ENOUGH_TEXT: usize = 500;

/// The article in an HTML page, with its details. Empty when the page has no text.
pub fn article_from_html(source: &str) -> Article {
    let doc = html::parse(source);
    let meta = meta::read(&doc);
    let paragraphs = body_paragraphs(&doc);
    let mut article = Article {
        title: meta.headline.clone(),
        paragraphs,
        url: meta.url,
        outlet: meta.outlet,
        authors: meta.authors,
        language: meta.language,
        ..Article::default()
    };
    if let Some(p) = meta.published.as_deref() {
        set_published(&mut article, p);
    }
    drop_repeated_headline(&mut article, &meta.h1s);
    if article.title.is_empty() {
        // A page with no headline anywhere: a short first block that reads like one (no
        // closing full stop) is it.
        if let Some(i) = article.paragraphs.iter().take(1).position(|p| p.chars().count() <= 100 && !p.ends_with(['.', ',', ';', ':'])) {
            article.title = article.paragraphs.remove(i);
        }
    }
    article
}

/// The paragraphs of the page's article: the strictest extraction that keeps enough text,
/// else the longest of them.
fn body_paragraphs(doc: &Document) -> Vec<String> {
    // A fragment without <body> (or even <html>) is all body.
    let body = doc.first_named("body").or_else(|| doc.first_named("html")).unwrap_or(Document::ROOT);
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    for strict in Strictness::ALL {
        let page = Page::new(doc, strict);
        let roots = score::content_roots(&page, body, strict).unwrap_or_else(|| vec![body]);
        let paragraphs = blocks::paragraphs(&page, &roots, strict);
        let len: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
        if len >= ENOUGH_TEXT {
            return paragraphs;
        }
        if len > best_len {
            (best, best_len) = (paragraphs, len);
        }
    }
    best
}

/// Takes an ISO 8601 date or date-time ("2024-03-05", "2024-03-05T14:22:00+01:00"): the
/// date always, the time of day (as written, zone dropped) when there is one.
fn set_published(article: &mut Article, value: &str) {
    let date = value.get(..10).filter(|d| is_iso_date(d));
    let Some(date) = date else { return };
    article.date = Some(date.to_string());
    let time = value.get(11..19).filter(|t| value.as_bytes()[10] == b'T' && t.as_bytes()[2] == b':' && t.as_bytes()[5] == b':');
    let time = time.or_else(|| value.get(11..16).filter(|t| value.as_bytes()[10] == b'T' && t.as_bytes()[2] == b':'));
    if let Some(t) = time {
        let t = if t.len() == 5 { format!("{t}:00") } else { t.to_string() };
        if t.bytes().enumerate().all(|(i, b)| i == 2 || i == 5 || b.is_ascii_digit()) {
            article.published = Some(format!("{date}T{t}"));
        }
    }
}

/// The headline often opens the body again (its `<h1>`, which may differ from the headline
/// the metadata gives): keep it once, as the headline.
fn drop_repeated_headline(article: &mut Article, h1s: &[String]) {
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let title = key(&article.title);
    if title.is_empty() {
        return;
    }
    // (The first <h1> only: later ones can be a gallery's or a sidebar's.)
    let h1 = h1s.first().map(|h| key(h));
    if let Some(i) = article.paragraphs.iter().take(3).position(|p| {
        let p = key(p);
        p == title || h1.as_ref() == Some(&p)
    }) {
        article.paragraphs.remove(i);
    }
}

#[cfg(test)]
mod tests;
