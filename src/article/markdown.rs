//! Parses Markdown into an [`Article`]: the first level-1 heading is the headline and the markup is stripped to plain text.

mod inline;
mod lines;

use super::parse::collapse_spaces;
use super::Article;
use inline::strip_inline;
use lines::{atx_heading, front_matter_len, is_fence, is_reference_definition, is_rule, list_item, setext_underline, strip_quote_markers};

/// A block before its inline markup is stripped.
enum Block {
    Heading {
        level: usize,
        text: String,
    },
    Paragraph(String),
    /// A fenced code block, already plain text: its markup is content, not formatting.
    Code(String),
}

/// Collects lines into blocks. A paragraph remembers whether it began as a list item or
/// inside a blockquote, because those change what the next line can be.
#[derive(Default)]
struct Blocks {
    done: Vec<Block>,
    lines: Vec<String>,
    item: bool,
    quoted: bool,
}

impl Blocks {
    fn flush(&mut self) {
        if !self.lines.is_empty() {
            self.done.push(Block::Paragraph(std::mem::take(&mut self.lines).join(" ")));
        }
        self.item = false;
    }

    fn push(&mut self, b: Block) {
        self.flush();
        self.done.push(b);
    }
}

/// Parses Markdown (CommonMark's common subset) into an article.
///
/// * The first level-1 heading (`# Title`, or a line underlined with `===`) is the headline;
///   every other heading becomes a paragraph of its own. Without one, there is no headline.
/// * Paragraphs are separated by blank lines; their lines are joined with a space.
/// * Emphasis, strikethrough and code-span markup is removed, links and images keep their
///   text, HTML tags are dropped as text (never interpreted).
/// * List and blockquote markers are removed; each list item is its own paragraph.
/// * A fenced code block is one paragraph of plain text; horizontal rules, link reference
///   definitions and YAML front matter are dropped.
/// * Line endings, a BOM, tabs and runs of spaces are normalised as for plain text.
pub fn parse_markdown(src: &str) -> Article {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let normalised = src.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.split('\n').collect();
    let mut b = Blocks::default();
    // An open fence: its character, length, whether it opened inside a quote, and its lines.
    let mut fence: Option<(char, usize, bool, Vec<String>)> = None;
    for raw in &lines[front_matter_len(&lines)..] {
        let (line, quoted) = match &fence {
            Some((_, _, false, _)) => (*raw, false),
            _ => strip_quote_markers(raw),
        };
        if let Some((ch, n, _, code)) = &mut fence {
            if is_fence(line).is_some_and(|(c, m, info)| c == *ch && m >= *n && info.is_empty()) {
                b.push(Block::Code(code_text(code)));
                fence = None;
            } else {
                code.push(line.to_string());
            }
            continue;
        }
        if quoted && !b.quoted {
            b.flush();
        }
        if line.trim().is_empty() {
            b.flush();
        } else if let Some((ch, n, _)) = is_fence(line) {
            b.flush();
            fence = Some((ch, n, quoted, Vec::new()));
        } else if let Some((level, text)) = atx_heading(line) {
            b.push(Block::Heading { level, text: text.to_string() });
        } else if let Some(level) = setext_underline(line).filter(|_| !b.lines.is_empty() && !b.item) {
            let text = std::mem::take(&mut b.lines).join(" ");
            b.push(Block::Heading { level, text });
        } else if is_rule(line) {
            b.flush();
        } else if let Some(rest) = list_item(line, !b.lines.is_empty() && !b.item) {
            b.flush();
            b.item = true;
            push_line(&mut b, rest);
        } else if !(b.lines.is_empty() && is_reference_definition(line)) {
            push_line(&mut b, line);
        }
        b.quoted = quoted || (b.quoted && !b.lines.is_empty());
    }
    if let Some((_, _, _, code)) = fence {
        // An unclosed fence runs to the end of the document, as in CommonMark.
        b.push(Block::Code(code_text(&code)));
    }
    b.flush();
    let mut article = Article::default();
    for block in b.done {
        let (text, headline) = match block {
            Block::Heading { level, text } => (collapse_spaces(&strip_inline(&text)), level == 1),
            Block::Paragraph(text) => (collapse_spaces(&strip_inline(&text)), false),
            Block::Code(text) => (text, false),
        };
        if text.is_empty() {
            continue;
        }
        if headline && article.title.is_empty() {
            article.title = text;
        } else {
            article.paragraphs.push(text);
        }
    }
    article
}

/// A code block's lines as one line of plain text, like a paragraph's: the article shows
/// prose, so line structure is not kept.
fn code_text(lines: &[String]) -> String {
    lines.iter().map(|l| collapse_spaces(l)).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Adds a paragraph line; a trailing backslash (a hard line break) is dropped.
fn push_line(b: &mut Blocks, line: &str) {
    let line = collapse_spaces(line);
    let line = match line.strip_suffix('\\') {
        Some(rest) if !rest.ends_with('\\') => rest.trim_end().to_string(),
        _ => line,
    };
    if !line.is_empty() {
        b.lines.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;

    fn paras(src: &str) -> Vec<String> {
        parse_markdown(src).paragraphs
    }

    #[test]
    fn first_level_one_heading_is_the_headline() {
        let a = parse_markdown("Intro line.\n\n# The *Title*\n\n## Section\n\nBody.\n\n# Second h1");
        assert_eq!(a.title, "The Title");
        assert_eq!(a.paragraphs, vec!["Intro line.", "Section", "Body.", "Second h1"]);
        let a = parse_markdown("Setext Title\n===\n\nSub\n---\ntext");
        assert_eq!(a.title, "Setext Title");
        assert_eq!(a.paragraphs, vec!["Sub", "text"]);
        assert_eq!(parse_markdown("## Only a section\n\nBody").title, "");
    }

    #[test]
    fn paragraphs_join_lines_and_normalise_like_plain_text() {
        let a = parse_markdown("\u{FEFF}# T\r\n\r\nline  one\r\nline\ttwo  \r\nhard break\\\nend\r\n\r\n\r\nnext");
        assert_eq!(a.title, "T");
        assert_eq!(a.paragraphs, vec!["line one line two hard break end", "next"]);
        assert_eq!(parse_markdown(""), Article::default());
        assert_eq!(parse_markdown("\n \n\t\n"), Article::default());
    }

    #[test]
    fn inline_markup_is_stripped_in_paragraphs_and_headings() {
        let a = parse_markdown("# **Big** `news`\n\nSee [the report](http://x.org) and ![chart](c.png), ~~not~~ _really_.");
        assert_eq!(a.title, "Big news");
        assert_eq!(a.paragraphs, vec!["See the report and chart, not really."]);
    }

    #[test]
    fn each_list_item_is_a_paragraph() {
        let src = "Intro:\n- first item\n  continues here\n* second\n+ third\n\n1. one\n2) two\n   - nested *deep*\n- [ ] task";
        assert_eq!(paras(src), vec!["Intro:", "first item continues here", "second", "third", "one", "two", "nested deep", "task"]);
        // A --- under a list item is a rule, not a heading underline.
        assert_eq!(paras("- item\n---\nafter"), vec!["item", "after"]);
        // A year at the start of a wrapped line is prose, not a list.
        assert_eq!(
            paras("The wall fell in\n1989. Then came 1990.\n\n7. seventh"),
            vec!["The wall fell in 1989. Then came 1990.", "seventh"]
        );
    }

    #[test]
    fn blockquote_markers_are_removed() {
        let src = "Before.\n> Quoted *line*\n> continues\n>\n> > nested\nlazy continuation\n\nAfter.";
        assert_eq!(paras(src), vec!["Before.", "Quoted line continues", "nested lazy continuation", "After."]);
        assert_eq!(parse_markdown("> # Quoted title\n> text").title, "Quoted title");
    }

    #[test]
    fn html_tags_are_removed_as_text() {
        let src = "<div class=\"x\">\n\nHello <b>world</b><script>alert('x')</script>\n\n</div>\n\n<!-- note -->";
        assert_eq!(paras(src), vec!["Hello worldalert('x')"]);
    }

    #[test]
    fn fenced_code_is_plain_text_and_keeps_its_markup() {
        let src = "Before\n```rust\nlet *x* = [a](b);\n\n  # not a heading\n```\nAfter\n\n~~~\nunclosed **fence**";
        assert_eq!(paras(src), vec!["Before", "let *x* = [a](b); # not a heading", "After", "unclosed **fence**"]);
        // A fence closes only with the same character, at least as long.
        assert_eq!(paras("````\na\n```\nb\n````"), vec!["a ``` b"]);
    }

    #[test]
    fn rules_definitions_and_front_matter_are_dropped() {
        let src = "---\ntitle: x\ndate: 2025-02-04\n---\n# Title\n\nOne\n\n***\n\n- - -\n\nTwo [link][1]\n\n[1]: https://example.org\n\n[^1]: A footnote stays.";
        let a = parse_markdown(src);
        assert_eq!(a.title, "Title");
        assert_eq!(a.paragraphs, vec!["One", "Two link", "[^1]: A footnote stays."]);
    }

    #[test]
    fn non_latin_text_and_emoji_survive() {
        let a = parse_markdown("# Заголовок 😀\n\n中文 *段落* e\u{301} 👩\u{200d}👩\u{200d}👧\n\nمرحبا **بالعالم**");
        assert_eq!(a.title, "Заголовок 😀");
        assert_eq!(a.paragraphs, vec!["中文 段落 e\u{301} 👩\u{200d}👩\u{200d}👧", "مرحبا بالعالم"]);
    }

    #[test]
    fn random_markdown_never_panics_and_never_breaks_the_block_structure() {
        let pieces = [
            "# ", "#", "=", "-", "*", "_", "~", "`", "```", "[", "]", "(", ")", "!", "<", ">", "<b>", "\\", "\n", "\n\n", " ", "1. ",
            "word", "😀", "é", "\r", "\t", "---",
        ];
        let mut rng = Rng::new(21);
        for _ in 0..2000 {
            let src: String = (0..rng.below(40)).map(|_| pieces[rng.below(pieces.len())]).collect();
            let a = parse_markdown(&src);
            for p in a.paragraphs.iter().chain([&a.title]) {
                assert!(!p.contains('\n') && p.trim() == p, "{src:?} gave {p:?}");
            }
            assert!(a.paragraphs.iter().all(|p| !p.is_empty()));
        }
    }
}
