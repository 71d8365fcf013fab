//! Reading files the user opens or drops, and turning HTML into an article safely.

use crate::article::Article;
use crate::import::{article_from_blocks, article_from_text, check_article, read_article, ArticleFormat, FileProblem};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of a file picked or dropped by the user.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|_| "the browser could not read it".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Elements whose text is never part of the article.
const DROP: &str = "script, style, noscript, template, nav, aside, footer, iframe, object, embed, svg, canvas, form, button, select, head";
/// Elements that hold a paragraph of the article.
const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd, td, th, address";

/// Parses HTML with the browser's DOMParser. The resulting document is inert: it runs no
/// scripts and loads nothing. Only text is taken out of it; nothing from the file is ever
/// inserted into the page as HTML.
pub fn article_from_html(html: &str) -> Result<Article, FileProblem> {
    let parser = web_sys::DomParser::new().map_err(|_| FileProblem::Invalid("this browser cannot parse HTML".into()))?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .map_err(|_| FileProblem::Invalid("the HTML could not be parsed".into()))?;
    if let Ok(list) = doc.query_selector_all(DROP) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                el.remove();
            }
        }
    }
    let text_of = |sel: &str| doc.query_selector(sel).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default();
    let h1 = text_of("h1");
    let title = if h1.trim().is_empty() { text_of("title") } else { h1 };
    // Leaf blocks only: a <blockquote> holding <p>s contributes its paragraphs, not itself.
    let mut blocks = Vec::new();
    if let Ok(list) = doc.query_selector_all(BLOCKS) {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            if el.query_selector(BLOCKS).ok().flatten().is_some() {
                continue;
            }
            blocks.push(el.text_content().unwrap_or_default());
        }
    }
    let article = if blocks.iter().any(|b| !b.trim().is_empty()) {
        article_from_blocks(&title, &blocks)
    } else {
        // No block markup at all: read the body's text as plain text.
        let body = doc.body().and_then(|b| b.text_content()).unwrap_or_default();
        let mut a = article_from_text(ArticleFormat::Text, &body);
        if !title.trim().is_empty() && a.title.is_empty() {
            a.title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        a
    };
    if article.paragraphs.is_empty() && article.title.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(article)
}

/// An article from a file's bytes, with a notice if its encoding had to be guessed.
pub fn article_from_file(name: &str, bytes: &[u8]) -> Result<(Article, Option<String>), FileProblem> {
    let file = read_article(name, bytes)?;
    let article = match file.format {
        ArticleFormat::Html => article_from_html(&file.text)?,
        format => article_from_text(format, &file.text),
    };
    check_article(&article)?;
    Ok((article, file.notice))
}

/// Files dropped on the page.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let Some(list) = ev.data_transfer().and_then(|d| d.files()) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Files chosen in an `<input type=file>`; clears the input so the same file can be chosen again.
pub fn input_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Vec::new() };
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

/// Whether a file looks like an annotation file (JSON) rather than an article.
pub fn is_annotation_file(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".json") || name.ends_with(".jsonld") || file.type_().contains("json")
}
