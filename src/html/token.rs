//! HTML split into start tags, end tags and text, the way a browser's tokenizer does for
//! well- and badly-formed pages alike; comments, doctypes and processing instructions vanish.

use super::entity::decode;

/// One token of an HTML page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A start tag: its lowercase name and attributes (names lowercase, values decoded).
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    Text(String),
}

/// Elements whose content is raw text up to their own end tag: nothing inside is markup.
/// `noscript` is among them because a browser with scripting on reads it so.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" | "plaintext")
}
/// Elements whose content is text with references but no tags.
fn is_escapable_raw_text(name: &str) -> bool {
    matches!(name, "textarea" | "title")
}

/// The tokens of `html`, in order.
pub fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    let mut text_from = 0;
    while i < b.len() {
        if b[i] != b'<' {
            // Jump to the next `<`: text is the bulk of a page.
            i = memchr(b'<', b, i).unwrap_or(b.len());
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        let markup_end = if next == b'!' || next == b'?' {
            Some(skip_declaration(b, i))
        } else if next.is_ascii_alphabetic() || next == b'/' && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            Some(i)
        } else {
            None
        };
        let Some(decl_end) = markup_end else {
            i += 1; // a lone `<` is text
            continue;
        };
        push_text(&mut tokens, &html[text_from..i]);
        if decl_end > i {
            i = decl_end;
            text_from = i;
            continue;
        }
        let (token, end) = read_tag(html, i);
        i = end;
        if let Token::Start { name, .. } = &token {
            let raw = is_raw_text(name);
            if raw || is_escapable_raw_text(name) {
                let name = name.clone();
                tokens.push(token);
                let close = find_end_tag(b, i, &name);
                let content = &html[i..close];
                if !content.is_empty() {
                    tokens.push(Token::Text(if raw { content.to_string() } else { decode(content) }));
                }
                tokens.push(Token::End { name });
                i = skip_to_gt(b, close);
                text_from = i;
                continue;
            }
        }
        tokens.push(token);
        text_from = i;
    }
    push_text(&mut tokens, &html[text_from.min(html.len())..]);
    tokens
}

fn push_text(tokens: &mut Vec<Token>, raw: &str) {
    if !raw.is_empty() {
        tokens.push(Token::Text(decode(raw)));
    }
}

fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    b[from..].iter().position(|&c| c == needle).map(|p| from + p)
}

/// The end of `<!-- … -->`, `<![CDATA[ … ]]>`, `<!doctype …>` or `<? … >` starting at `i`.
fn skip_declaration(b: &[u8], i: usize) -> usize {
    let rest = &b[i..];
    let find = |pat: &[u8], from: usize| rest[from..].windows(pat.len()).position(|w| w == pat).map(|p| i + from + p + pat.len());
    if rest.starts_with(b"<!--") {
        return find(b"-->", 4).unwrap_or(b.len());
    }
    if rest.starts_with(b"<![CDATA[") {
        return find(b"]]>", 9).unwrap_or(b.len());
    }
    memchr(b'>', b, i).map_or(b.len(), |p| p + 1)
}

/// Past the `>` that ends the tag whose `<` is at `from` (or the end of the input).
fn skip_to_gt(b: &[u8], from: usize) -> usize {
    memchr(b'>', b, from).map_or(b.len(), |p| p + 1)
}

/// Where `</name` (any case) starts at or after `from`, or the end of the input.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> usize {
    let n = name.as_bytes();
    let mut i = from;
    while let Some(p) = memchr(b'<', b, i) {
        let tail = &b[p..];
        if tail.len() >= n.len() + 2
            && tail[1] == b'/'
            && tail[2..2 + n.len()].eq_ignore_ascii_case(n)
            && tail.get(2 + n.len()).is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return p;
        }
        i = p + 1;
    }
    b.len()
}

/// The tag starting at `start` (`<name …>` or `</name …>`) and the index after it.
fn read_tag(html: &str, start: usize) -> (Token, usize) {
    let b = html.as_bytes();
    let end_tag = b[start + 1] == b'/';
    let mut i = start + 1 + usize::from(end_tag);
    let name_from = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = html[name_from..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        let attr_from = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'=' | b'/') || i == attr_from && b[i] == b'=' {
            i += 1;
        }
        let attr = html[attr_from..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let close = memchr(q, b, i + 1).unwrap_or(b.len());
                value = decode(&html[i + 1..close]);
                i = (close + 1).min(b.len());
            } else {
                let from = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode(&html[from..i]);
            }
        }
        if !end_tag && !attr.is_empty() && !attrs.iter().any(|(n, _): &(String, String)| *n == attr) {
            attrs.push((attr, value));
        }
    }
    let token = if end_tag { Token::End { name } } else { Token::Start { name, attrs } };
    (token, i)
}

#[cfg(test)]
mod tests {
    use super::{tokenize, Token};

    fn start(name: &str, attrs: &[(&str, &str)]) -> Token {
        Token::Start { name: name.into(), attrs: attrs.iter().map(|(a, v)| (a.to_string(), v.to_string())).collect() }
    }
    fn end(name: &str) -> Token {
        Token::End { name: name.into() }
    }
    fn text(t: &str) -> Token {
        Token::Text(t.into())
    }

    #[test]
    fn tags_attributes_and_text() {
        let t = tokenize(r#"<!DOCTYPE html><P CLASS="a b" data-x='1' hidden id=main>Caf&eacute;<br/>x</p><!-- c --> y"#);
        assert_eq!(
            t,
            vec![
                start("p", &[("class", "a b"), ("data-x", "1"), ("hidden", ""), ("id", "main")]),
                text("Café"),
                start("br", &[]),
                text("x"),
                end("p"),
                text(" y"),
            ]
        );
    }

    #[test]
    fn raw_text_elements_hold_no_markup() {
        let t = tokenize("<script>if (a<b) document.write('</p>')</script><title>A &amp; <b>B</title>");
        assert_eq!(
            t,
            vec![
                start("script", &[]),
                text("if (a<b) document.write('</p>')"),
                end("script"),
                start("title", &[]),
                text("A & <b>B"),
                end("title"),
            ]
        );
    }

    #[test]
    fn broken_markup_never_panics_and_stray_brackets_are_text() {
        assert_eq!(tokenize("1 < 2 <3 </ 4"), vec![text("1 < 2 <3 </ 4")]);
        for s in ["<", "<a", "<a href=", "<a href=\"x", "</", "<!--", "<script>x", "<p =x>", "<é>", "<a\u{301}b>", "&#", "<![CDATA["] {
            let _ = tokenize(s);
        }
        let mut rng = crate::testing::Rng::new(7);
        let alphabet: Vec<char> = "<>/=\"' !-?&#;abpé\u{301}".chars().collect();
        for _ in 0..2000 {
            let s: String = (0..rng.below(40)).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            let _ = tokenize(&s);
        }
    }
}
