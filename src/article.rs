//! The article: headline, dates and paragraphs, and the canonical text every offset points into.

pub mod caret;
pub mod extract;
pub mod markdown;
pub mod parse;
pub mod published;
mod text;

pub use parse::parse_article;
pub use text::{ArticleText, Block, BlockKind};

use serde::{Deserialize, Serialize};

/// The separator between blocks of the canonical text.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// An article as the reader sees it. Plain data: the canonical text is derived from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    /// The headline; empty when the source had none (then the text starts with a paragraph).
    pub title: String,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// Publication date-time, ISO 8601 local time (`2025-02-04T20:58:00`), when known.
    pub published: Option<String>,
    /// Body paragraphs, without the headline.
    pub paragraphs: Vec<String>,
    /// Where the article came from (its canonical URL), when known.
    #[serde(alias = "source")]
    pub url: Option<String>,
    /// The publication it appeared in ("The Guardian"), when known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Its authors, in byline order.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Its language as a BCP 47 tag ("en", "uk", "ar"), when known.
    #[serde(default)]
    pub language: Option<String>,
}

/// The default article embedded in the app.
pub const DEFAULT_ARTICLE_SOURCE: &str = include_str!("../assets/default-article.txt");

impl Article {
    /// The default article (Ukraine, rare-earth minerals, 2025-02-04).
    pub fn default_article() -> Article {
        parse_article(DEFAULT_ARTICLE_SOURCE)
    }

    /// The canonical text: the headline (if any), then the paragraphs, joined by a blank line.
    pub fn canonical_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(self.paragraphs.len() + 1);
        if !self.title.is_empty() {
            parts.push(&self.title);
        }
        parts.extend(self.paragraphs.iter().map(String::as_str));
        parts.join(BLOCK_SEPARATOR)
    }

    /// A short name for menus and file names: the headline, or the start of the first paragraph.
    pub fn display_title(&self) -> String {
        if !self.title.is_empty() {
            return self.title.clone();
        }
        let first = self.paragraphs.first().map(String::as_str).unwrap_or("");
        let words: Vec<&str> = first.split_whitespace().take(8).collect();
        if words.is_empty() {
            "Untitled article".to_string()
        } else {
            words.join(" ")
        }
    }
}
