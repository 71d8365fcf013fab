//! Markdown escaping for user text in the report, so a note cannot become a link, HTML or a heading.
//!
//! CommonMark lets any ASCII punctuation be escaped with a backslash. The characters that
//! start inline markup (emphasis, code, links, images, HTML, entities, strikethrough, table
//! cells) are escaped wherever they are; those that only start a block (`-`, `+`, `=`, and
//! `1.` or `1)`) are escaped at the start of a line. Parentheses need no escape once `[` is
//! escaped: `\[x\](javascript:…)` is plain text.

/// Escapes one line of user text.
fn line(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let indent = s.len() - s.trim_start().len();
    let body = &s[indent..];
    out.push_str(&s[..indent]);
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in body.chars().enumerate() {
        let block_start = (i == 0 && matches!(c, '-' | '+' | '=')) || (i == digits && digits > 0 && matches!(c, '.' | ')'));
        if block_start || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// User text for one line of Markdown (a name, a title): line breaks become spaces.
pub(super) fn inline(s: &str) -> String {
    line(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// User text of several lines, each line escaped and kept as a line (a hard break), blank
/// lines kept as paragraph breaks; every line after the first starts with `indent` (so it
/// stays inside a list item or a block quote).
pub(super) fn block(s: &str, indent: &str) -> String {
    let paragraphs: Vec<String> = s
        .trim()
        .split("\n\n")
        .map(|p| p.lines().map(|l| line(l.trim_end())).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(&format!("\\\n{indent}")))
        .filter(|p| !p.is_empty())
        .collect();
    let blank = indent.trim_end();
    paragraphs.join(&format!("\n{blank}\n{indent}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_made_inert() {
        assert_eq!(inline("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(inline("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
        assert_eq!(inline("![img](http://x)"), "\\!\\[img\\](http://x)");
        assert_eq!(inline("*bold* _it_ `code` ~~s~~ a|b &amp; #1"), "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ a\\|b \\&amp; \\#1");
        assert_eq!(inline("back\\slash"), "back\\\\slash");
        assert_eq!(inline("plain, text: 3.5 (fine) U.S.-Ukraine"), "plain, text: 3.5 (fine) U.S.-Ukraine");
    }

    #[test]
    fn block_starts_are_escaped_only_at_line_start() {
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("1. first"), "1\\. first");
        assert_eq!(inline("2024) x"), "2024\\) x");
        assert_eq!(inline("== heading"), "\\== heading");
        assert_eq!(inline("a - b 1. c"), "a - b 1. c");
        assert_eq!(inline("line\nbreak"), "line break");
    }

    #[test]
    fn blocks_keep_lines_and_paragraphs() {
        assert_eq!(block("one\n- two\n\nthree", "  "), "one\\\n  \\- two\n\n  three");
        assert_eq!(block("one\n- two\n\nthree", "> "), "one\\\n> \\- two\n>\n> three");
        assert_eq!(block("  \n\n ", "  "), "");
        assert_eq!(block("ends with \\", ""), "ends with \\\\");
    }
}
