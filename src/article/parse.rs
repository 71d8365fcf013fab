//! Parses plain text into an [`Article`]: the seed's header line, or a short first line as headline.

use super::published::{is_iso_date, parse_long_datetime};
use super::Article;

/// A first line at most this long (in code points) is taken as the headline of plain text.
const MAX_HEADLINE_CHARS: usize = 150;

/// Parses an article from plain text.
///
/// * A first line `date YYYY-MM-DD <headline> <Weekday, Month D, YYYY H:MM:SS AM>` (the
///   format of the embedded seed) gives the date, the headline and the publication time.
/// * Otherwise a short first line is the headline.
/// * Blank lines separate paragraphs; lines inside a paragraph are re-joined with a space,
///   so hard-wrapped text reads as prose. Windows and old Mac line endings, a BOM, tabs and
///   runs of spaces are normalised.
pub fn parse_article(src: &str) -> Article {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    // Most text has no carriage returns: then it is not copied.
    let normalised: std::borrow::Cow<str> =
        if src.contains('\r') { src.replace("\r\n", "\n").replace('\r', "\n").into() } else { src.into() };
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in normalised.split('\n') {
        let line = collapse_spaces(line);
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }

    let mut article = Article::default();
    if let Some(first) = paragraphs.first_mut() {
        let line = first[0].clone();
        if let Some((date, title, published)) = parse_header(&line) {
            article.date = Some(date);
            article.title = title;
            article.published = published;
            first.remove(0);
        } else if line.chars().count() <= MAX_HEADLINE_CHARS {
            article.title = line;
            first.remove(0);
        }
    }
    article.paragraphs = paragraphs.into_iter().filter(|p| !p.is_empty()).map(|p| p.join(" ")).collect();
    article
}

/// Trims a line and folds every run of spaces, tabs and no-break spaces into one space.
pub(crate) fn collapse_spaces(line: &str) -> String {
    // Nearly every line is already clean: one byte scan, one copy.
    if !needs_collapsing(line) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split([' ', '\t', '\u{A0}']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `line` starts or ends with a space, or holds a tab, a no-break space or two spaces
/// in a row: the cases [`collapse_spaces`] changes.
fn needs_collapsing(line: &str) -> bool {
    let b = line.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    let mut after_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\t' => return true,
            // U+00A0 in UTF-8.
            0xC2 if b.get(i + 1) == Some(&0xA0) => return true,
            b' ' if after_space => return true,
            b' ' => after_space = true,
            _ => after_space = false,
        }
    }
    false
}

/// Splits the seed header `date YYYY-MM-DD <headline> <long date-time>` into its parts.
fn parse_header(line: &str) -> Option<(String, String, Option<String>)> {
    let rest = line.strip_prefix("date ")?;
    let date = rest.get(..10)?;
    if !is_iso_date(date) {
        return None;
    }
    let rest = rest[10..].trim();
    // The headline runs up to the first word at which a long date-time parses to the end.
    let starts = std::iter::once(0).chain(rest.match_indices(' ').map(|(i, _)| i + 1));
    for start in starts {
        if let Some(published) = parse_long_datetime(&rest[start..]) {
            let title = rest[..start].trim().to_string();
            if !title.is_empty() {
                return Some((date.to_string(), title, Some(published)));
            }
        }
    }
    (!rest.is_empty()).then(|| (date.to_string(), rest.to_string(), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::DEFAULT_ARTICLE_SOURCE;

    #[test]
    fn parses_the_seed() {
        let a = parse_article(DEFAULT_ARTICLE_SOURCE);
        assert_eq!(a.title, "Zelensky signals willingness for U.S.-Ukraine partnerships in rare earth mining");
        assert_eq!(a.date.as_deref(), Some("2025-02-04"));
        assert_eq!(a.published.as_deref(), Some("2025-02-04T20:58:00"));
        assert_eq!(a.paragraphs.len(), 5);
        assert!(a.paragraphs[0].starts_with("Ukrainian President Volodymyr Zelensky has expressed"));
        assert!(a.paragraphs[4].ends_with("Donetsk, Dnipropetrovsk, and Luhansk."));
        assert!(a.canonical_text().contains("$14.8 trillion"));
        assert!(a
            .canonical_text()
            .starts_with("Zelensky signals willingness for U.S.-Ukraine partnerships in rare earth mining\n\nUkrainian"));
    }

    #[test]
    fn plain_text_with_a_short_first_line() {
        let a = parse_article("My headline\n\nFirst para\nwraps here.\n\n\n\nSecond.");
        assert_eq!(a.title, "My headline");
        assert_eq!(a.date, None);
        assert_eq!(a.paragraphs, vec!["First para wraps here.", "Second."]);
    }

    #[test]
    fn headline_directly_followed_by_text() {
        let a = parse_article("Headline\nBody line one.\nBody line two.");
        assert_eq!(a.title, "Headline");
        assert_eq!(a.paragraphs, vec!["Body line one. Body line two."]);
    }

    #[test]
    fn windows_line_endings_bom_and_stray_spaces() {
        let a = parse_article("\u{FEFF}  Title \t here  \r\n\r\n  para   one \r\n\r\npara\ttwo  \r\n");
        assert_eq!(a.title, "Title here");
        assert_eq!(a.paragraphs, vec!["para one", "para two"]);
        let old_mac = parse_article("T\r\rp");
        assert_eq!((old_mac.title.as_str(), old_mac.paragraphs.len()), ("T", 1));
    }

    #[test]
    fn a_long_first_line_is_a_paragraph_not_a_headline() {
        let long = "word ".repeat(60);
        let a = parse_article(&format!("{long}\n\nnext"));
        assert_eq!(a.title, "");
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.display_title().starts_with("word word"));
    }

    #[test]
    fn collapsing_spaces_takes_a_shortcut_only_for_clean_lines() {
        // The slow path is the definition: the shortcut must agree with it everywhere.
        let slow = |line: &str| line.split([' ', '\t', '\u{A0}']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let pieces = ["a", "b", " ", "  ", "\t", "\u{A0}", "é", "©", "Ā", "😀", "\u{C2}"];
        let mut rng = crate::testing::Rng::new(7);
        for _ in 0..2000 {
            let line: String = (0..rng.below(8)).map(|_| pieces[rng.below(pieces.len())]).collect();
            assert_eq!(collapse_spaces(&line), slow(&line), "{line:?}");
        }
        assert!(!needs_collapsing("plain words, one space each"));
        assert!(needs_collapsing("two  spaces") && needs_collapsing(" lead") && needs_collapsing("no\u{A0}break"));
    }

    #[test]
    fn empty_and_whitespace_input() {
        assert_eq!(parse_article(""), Article::default());
        assert_eq!(parse_article(" \n\r\n\t "), Article::default());
    }

    #[test]
    fn header_without_a_time_keeps_the_whole_headline() {
        let a = parse_article("date 2024-01-02 Something happened\n\nBody.");
        assert_eq!(a.title, "Something happened");
        assert_eq!(a.date.as_deref(), Some("2024-01-02"));
        assert_eq!(a.published, None);
        let not_header = parse_article("date 2024-99-02 x\n\nBody.");
        assert_eq!(not_header.title, "date 2024-99-02 x");
    }

    #[test]
    fn non_latin_and_emoji_survive() {
        let a = parse_article("Заголовок 😀\n\n中文 段落 e\u{301}");
        assert_eq!(a.title, "Заголовок 😀");
        assert_eq!(a.paragraphs, vec!["中文 段落 e\u{301}"]);
    }
}
