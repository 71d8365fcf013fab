//! Classifying one Markdown line: heading, fence, rule, list item, quote marker, reference definition.

/// Leading spaces, a tab counting as four.
fn indent(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ' || *c == '\t').map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

/// The line without its `>` markers (nested or not), and whether it had any.
pub(super) fn strip_quote_markers(line: &str) -> (&str, bool) {
    let mut rest = line;
    let mut quoted = false;
    while indent(rest) < 4 {
        match rest.trim_start().strip_prefix('>') {
            Some(r) => {
                rest = r.strip_prefix(' ').unwrap_or(r);
                quoted = true;
            }
            None => break,
        }
    }
    (rest, quoted)
}

/// YAML front matter: a first line `---` up to the next `---` or `...` line.
pub(super) fn front_matter_len(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    match lines[1..].iter().position(|l| matches!(l.trim_end(), "---" | "...")) {
        Some(i) => i + 2,
        None => 0,
    }
}

/// A code fence: its character, length and info string.
pub(super) fn is_fence(line: &str) -> Option<(char, usize, &str)> {
    if indent(line) > 3 {
        return None;
    }
    let t = line.trim_start();
    let ch = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|c| *c == ch).count();
    let info = t[n..].trim();
    (n >= 3 && !(ch == '`' && info.contains('`'))).then_some((ch, n, info))
}

/// `# Title ##`: the level and the text without the closing hashes.
pub(super) fn atx_heading(line: &str) -> Option<(usize, &str)> {
    if indent(line) > 3 {
        return None;
    }
    let t = line.trim();
    let level = t.chars().take_while(|c| *c == '#').count();
    let rest = &t[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let closed = rest.trim_end_matches('#');
    let text = if closed.is_empty() || closed.ends_with([' ', '\t']) { closed.trim_end() } else { rest };
    Some((level, text))
}

/// A setext underline: `===` makes the paragraph above a level-1 heading, `---` level 2.
pub(super) fn setext_underline(line: &str) -> Option<usize> {
    let t = line.trim();
    if indent(line) > 3 || t.is_empty() {
        return None;
    }
    if t.chars().all(|c| c == '=') {
        Some(1)
    } else if t.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

/// A horizontal rule: three or more `-`, `*` or `_`, optionally spaced, and nothing else.
pub(super) fn is_rule(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    indent(line) <= 3 && marks.len() >= 3 && matches!(marks[0], '-' | '*' | '_') && marks.iter().all(|c| *c == marks[0])
}

/// A list item (`- `, `* `, `+ `, `1. `, `1) `, at any depth): its text, without a task
/// box. `in_paragraph` applies CommonMark's rule that only a non-empty bullet or an item
/// numbered 1 interrupts a paragraph, so "…fell in\n1991. Then…" stays prose.
pub(super) fn list_item(line: &str, in_paragraph: bool) -> Option<&str> {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits == 0 {
        t.chars().next().filter(|c| matches!(c, '-' | '*' | '+')).map(|_| 1)?
    } else if digits <= 9 && matches!(t[digits..].chars().next(), Some('.' | ')')) {
        digits + 1
    } else {
        return None;
    };
    let rest = &t[marker..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim_start();
    if in_paragraph && (rest.is_empty() || (digits > 0 && t[..digits].trim_start_matches('0') != "1")) {
        return None;
    }
    Some(["[ ] ", "[x] ", "[X] "].iter().find_map(|b| rest.strip_prefix(b)).unwrap_or(rest))
}

/// `[label]: destination` (not a footnote `[^1]: …`, which is text).
pub(super) fn is_reference_definition(line: &str) -> bool {
    let t = line.trim_start();
    indent(line) <= 3
        && t.starts_with('[')
        && !t.starts_with("[^")
        && t.split_once("]:").is_some_and(|(label, dest)| label.len() > 1 && !label[1..].contains(['[', ']']) && !dest.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(atx_heading("# Title"), Some((1, "Title")));
        assert_eq!(atx_heading("  ### Closed ###  "), Some((3, "Closed")));
        assert_eq!(atx_heading("## C# is #1"), Some((2, "C# is #1")));
        assert_eq!(atx_heading("#"), Some((1, "")));
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("####### seven"), None);
        assert_eq!(atx_heading("    # indented code"), None);
        assert_eq!(setext_underline("====="), Some(1));
        assert_eq!(setext_underline(" --- "), Some(2));
        assert_eq!(setext_underline("- - -"), None);
        assert_eq!(setext_underline("==x"), None);
    }

    #[test]
    fn rules_and_fences() {
        assert!(is_rule("---") && is_rule(" * * *") && is_rule("_____"));
        assert!(!is_rule("--") && !is_rule("-*-") && !is_rule("--- x"));
        assert_eq!(is_fence("```rust"), Some(('`', 3, "rust")));
        assert_eq!(is_fence("~~~~"), Some(('~', 4, "")));
        assert_eq!(is_fence("``"), None);
        assert_eq!(is_fence("``` a`b"), None, "a backtick fence's info string has no backtick");
    }

    #[test]
    fn list_items() {
        assert_eq!(list_item("- one", false), Some("one"));
        assert_eq!(list_item("    * nested", false), Some("nested"));
        assert_eq!(list_item("+ plus", false), Some("plus"));
        assert_eq!(list_item("12. twelfth", false), Some("twelfth"));
        assert_eq!(list_item("3) third", false), Some("third"));
        assert_eq!(list_item("- [x] done", false), Some("done"));
        assert_eq!(list_item("-", false), Some(""));
        assert_eq!(list_item("-5 degrees", false), None);
        assert_eq!(list_item("*emphasis*", false), None);
        assert_eq!(list_item("2025.5 units", false), None);
        assert_eq!(list_item("1234567890. too long", false), None);
    }

    #[test]
    fn only_some_items_interrupt_a_paragraph() {
        assert_eq!(list_item("1991. Then", true), None);
        assert_eq!(list_item("-", true), None);
        assert_eq!(list_item("1. first", true), Some("first"));
        assert_eq!(list_item("- bullet", true), Some("bullet"));
    }

    #[test]
    fn quote_markers_and_definitions() {
        assert_eq!(strip_quote_markers("> quoted"), ("quoted", true));
        assert_eq!(strip_quote_markers(" > > nested"), ("nested", true));
        assert_eq!(strip_quote_markers(">"), ("", true));
        assert_eq!(strip_quote_markers("a > b"), ("a > b", false));
        assert!(is_reference_definition("[1]: https://example.org \"Title\""));
        assert!(!is_reference_definition("[^1]: a footnote is text"));
        assert!(!is_reference_definition("[a]:"));
    }

    #[test]
    fn front_matter() {
        assert_eq!(front_matter_len(&["---", "title: x", "---", "body"]), 3);
        assert_eq!(front_matter_len(&["---", "title: x", "...", "body"]), 3);
        assert_eq!(front_matter_len(&["---", "no end"]), 0);
        assert_eq!(front_matter_len(&["body", "---"]), 0);
    }
}
