//! Inline Markdown to plain text: emphasis, code spans, links, images and HTML tags are reduced to their words.
//!
//! A subset of CommonMark's inline rules, enough for articles: delimiter runs of `*`, `_`
//! and `~~` are removed when they open and close emphasis (so `snake_case` and `2 * 3` keep
//! their characters); code spans keep their content verbatim; `[text](url)`, `[text][ref]`
//! and `![alt](url)` keep the text; autolinks keep the address; HTML tags and comments are
//! dropped as text, never interpreted.

/// A run of output: literal text, or a delimiter run that may turn out to be emphasis.
enum Piece {
    Text(String),
    Delim { ch: char, n: usize, open: bool, close: bool },
}

/// The plain text of one block's inline Markdown (whitespace not yet collapsed).
pub(super) fn strip_inline(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut pieces = Vec::new();
    scan(&chars, &mut pieces);
    resolve_emphasis(&mut pieces);
    let mut out = String::with_capacity(src.len());
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&t),
            Piece::Delim { ch, n, .. } => out.extend(std::iter::repeat_n(ch, n)),
        }
    }
    out
}

fn push_text(pieces: &mut Vec<Piece>, s: &str) {
    match pieces.last_mut() {
        Some(Piece::Text(t)) => t.push_str(s),
        _ => pieces.push(Piece::Text(s.to_string())),
    }
}

fn scan(c: &[char], pieces: &mut Vec<Piece>) {
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = match ch {
            '\\' if c.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                push_text(pieces, &c[i + 1].to_string());
                Some(i + 2)
            }
            '`' => code_span(c, i, pieces),
            '!' if c.get(i + 1) == Some(&'[') => link(c, i + 1, pieces),
            '[' => link(c, i, pieces),
            '<' => angle(c, i, pieces),
            '*' | '_' | '~' => {
                let n = c[i..].iter().take_while(|&&x| x == ch).count();
                if ch == '~' && n < 2 {
                    None
                } else {
                    let before = i.checked_sub(1).map(|j| c[j]);
                    let after = c.get(i + n).copied();
                    let (left, right) = flanking(before, after);
                    let punct = |x: Option<char>| x.is_some_and(is_punct);
                    let (open, close) =
                        if ch == '_' { (left && (!right || punct(before)), right && (!left || punct(after))) } else { (left, right) };
                    pieces.push(Piece::Delim { ch, n, open, close });
                    Some(i + n)
                }
            }
            _ => None,
        };
        match next {
            Some(j) => i = j,
            None => {
                push_text(pieces, &ch.to_string());
                i += 1;
            }
        }
    }
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// CommonMark's left- and right-flanking tests; the block's edges count as whitespace.
fn flanking(before: Option<char>, after: Option<char>) -> (bool, bool) {
    let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
    let punct = |x: Option<char>| x.is_some_and(is_punct);
    let left = !space(after) && (!punct(after) || space(before) || punct(before));
    let right = !space(before) && (!punct(before) || space(after) || punct(after));
    (left, right)
}

/// A code span opened by the backtick run at `i`: its content, verbatim.
fn code_span(c: &[char], i: usize, pieces: &mut Vec<Piece>) -> Option<usize> {
    let n = c[i..].iter().take_while(|&&x| x == '`').count();
    let mut j = i + n;
    while j < c.len() {
        let run = c[j..].iter().take_while(|&&x| x == '`').count();
        if run == n {
            let inner: String = c[i + n..j].iter().collect();
            let trimmed = match inner.strip_prefix(' ').and_then(|s| s.strip_suffix(' ')) {
                Some(t) if !t.trim().is_empty() => t.to_string(),
                _ => inner,
            };
            pieces.push(Piece::Text(trimmed));
            return Some(j + n);
        }
        j += run.max(1);
    }
    // No closing run: the backticks are literal.
    push_text(pieces, &"`".repeat(n));
    Some(i + n)
}

const MAX_BRACKETED: usize = 2000;

/// The index just past the bracket that closes the one at `open`, honouring nesting and escapes.
fn closing(c: &[char], open: usize, (l, r): (char, char)) -> Option<usize> {
    let mut depth = 0;
    let mut j = open;
    // Link texts and URLs are short; the cap keeps a paragraph full of stray brackets linear.
    while j < c.len().min(open + MAX_BRACKETED) {
        match c[j] {
            '\\' => j += 1,
            x if x == l => depth += 1,
            x if x == r => {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// `[text](url)`, `[text][ref]` or `[text][]` at `i`: the text, with its own markup scanned.
/// A bracket that is not a link (`[sic]`) is literal.
fn link(c: &[char], i: usize, pieces: &mut Vec<Piece>) -> Option<usize> {
    let text_end = closing(c, i, ('[', ']'))?;
    let end = match c.get(text_end) {
        Some('(') => closing(c, text_end, ('(', ')'))?,
        Some('[') => closing(c, text_end, ('[', ']'))?,
        _ => return None,
    };
    scan(&c[i + 1..text_end - 1], pieces);
    Some(end)
}

/// An autolink (`<https://…>`, `<name@host>`: the address), an HTML comment or tag (dropped),
/// or a literal `<` ("a < b").
fn angle(c: &[char], i: usize, pieces: &mut Vec<Piece>) -> Option<usize> {
    let rest = &c[i + 1..];
    if rest.starts_with(&['!', '-', '-']) {
        let end = (i + 4..c.len().saturating_sub(2)).find(|&j| c[j..].starts_with(&['-', '-', '>']))?;
        return Some(end + 3);
    }
    let close = rest.iter().position(|&x| x == '>' || x == '<' || x == '\n')?;
    let inner: String = rest[..close].iter().collect();
    if rest[close] != '>' {
        return tag(c, i, pieces);
    }
    let scheme = inner.split_once(':').map(|(s, _)| s).unwrap_or("");
    let is_uri = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|x: char| x.is_ascii_alphabetic())
        && scheme.chars().all(|x| x.is_ascii_alphanumeric() || "+.-".contains(x));
    let is_email = inner.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !inner.contains(['/', ':']));
    if !inner.contains(char::is_whitespace) && (is_uri || is_email) {
        push_text(pieces, &inner);
        return Some(i + close + 2);
    }
    tag(c, i, pieces)
}

/// An HTML tag at `i` (`<b>`, `</p>`, `<a href="x>y">`, `<br/>`, `<!DOCTYPE …>`), skipped.
/// A `<br>` becomes a space so the words around it stay apart.
fn tag(c: &[char], i: usize, pieces: &mut Vec<Piece>) -> Option<usize> {
    let mut j = i + 1;
    if matches!(c.get(j), Some('/' | '!' | '?')) {
        j += 1;
    }
    let name_start = j;
    while c.get(j).is_some_and(|x| x.is_ascii_alphanumeric() || *x == '-') {
        j += 1;
    }
    if j == name_start || !c[name_start].is_ascii_alphabetic() || !matches!(c.get(j), Some('>' | '/' | ' ' | '\t' | '\n')) {
        return None;
    }
    let is_break = c[name_start..j].iter().collect::<String>().eq_ignore_ascii_case("br");
    let mut quote = None;
    while let Some(&x) = c.get(j) {
        match (quote, x) {
            (None, '"' | '\'') => quote = Some(x),
            (Some(q), _) if x == q => quote = None,
            (None, '>') => {
                if is_break {
                    push_text(pieces, " ");
                }
                return Some(j + 1);
            }
            (None, '<') => return None,
            _ => {}
        }
        j += 1;
    }
    None
}

/// Matches closers with the nearest earlier opener of the same character and removes the
/// matched delimiters; what is left unmatched stays as literal characters.
fn resolve_emphasis(pieces: &mut [Piece]) {
    for i in 0..pieces.len() {
        let Piece::Delim { ch, close: true, .. } = pieces[i] else { continue };
        while let Piece::Delim { n: n_close, .. } = pieces[i] {
            if n_close == 0 {
                break;
            }
            let opener = (0..i).rev().find(|&j| matches!(pieces[j], Piece::Delim { ch: c, n, open: true, .. } if c == ch && n > 0));
            let Some(j) = opener else { break };
            let Piece::Delim { n: n_open, .. } = pieces[j] else { break };
            let k = n_open.min(n_close);
            if let Piece::Delim { n, .. } = &mut pieces[j] {
                *n -= k;
            }
            if let Piece::Delim { n, .. } = &mut pieces[i] {
                *n -= k;
            }
            // Openers between the pair can no longer match anything after it.
            for p in &mut pieces[j + 1..i] {
                if let Piece::Delim { open, .. } = p {
                    *open = false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_inline as s;

    #[test]
    fn emphasis_and_strikethrough_are_removed() {
        assert_eq!(s("*a* _b_ **c** __d__ ~~e~~ ***f***"), "a b c d e f");
        assert_eq!(s("a **bold _and italic_** word"), "a bold and italic word");
        assert_eq!(s("intra*word*emphasis"), "intrawordemphasis");
        assert_eq!(s("**unbalanced*"), "*unbalanced");
    }

    #[test]
    fn characters_that_are_not_emphasis_stay() {
        assert_eq!(s("snake_case_name and 2 * 3 * 4"), "snake_case_name and 2 * 3 * 4");
        assert_eq!(s("a single ~ tilde, * alone, and _ too"), "a single ~ tilde, * alone, and _ too");
        assert_eq!(s(r"\*not\* \_emphasis\_ \[x\]"), "*not* _emphasis_ [x]");
    }

    #[test]
    fn code_spans_keep_their_content_verbatim() {
        assert_eq!(s("run `cargo *test*` now"), "run cargo *test* now");
        assert_eq!(s("``a `tick` b``"), "a `tick` b");
        assert_eq!(s("an ` unclosed tick"), "an ` unclosed tick");
    }

    #[test]
    fn links_and_images_keep_their_words() {
        assert_eq!(s("see [the *report*](https://x.org/a_(b)) and ![a chart](c.png \"t\")"), "see the report and a chart");
        assert_eq!(s("[ref link][1] and [collapsed][]"), "ref link and collapsed");
        assert_eq!(s("he said [sic] and [1]"), "he said [sic] and [1]");
        assert_eq!(s("<https://example.org/x> or <news@example.org>"), "https://example.org/x or news@example.org");
    }

    #[test]
    fn html_is_dropped_as_text_never_interpreted() {
        assert_eq!(s("a <b>bold</b> <a href=\"x>y\">link</a> word"), "a bold link word");
        assert_eq!(s("<script>alert(1)</script>"), "alert(1)");
        assert_eq!(s("one<br>two<BR/>three<bring>four"), "one two threefour");
        assert_eq!(s("x <!-- hidden --> y"), "x  y");
        assert_eq!(s("a < b and c > d, 1<2"), "a < b and c > d, 1<2");
    }
}
