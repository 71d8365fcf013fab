//! CoNLL token files, as doccano imports and exports sequence labels: one `token label` line
//! per token (a tab or spaces between), a blank line between sentences, labels in BIO or
//! IOBES form (`B-PER`, `I-PER`, `O`).
//!
//! The file holds no offsets, so each sentence's tokens are found in the article in order,
//! with any whitespace between them, from where the last sentence ended (then from the
//! start). A span whose sentence is not found keeps its tokens as its quote and becomes an
//! orphan, never lost. Labels become tags as doccano's JSON labels do.

use super::labels::known_tag;
use super::peer::{Found, PeerRead};
use super::w3c::{QuoteSelector, W3cAnnotation};
use crate::annotation::Tag;
use std::fmt;

/// Why a file that looks like CoNLL cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConllError {
    /// Line `n` (1-based) is not a token followed by a label such as `O` or `B-PER`.
    Line(usize),
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConllError::Line(n) => {
                write!(f, "line {n} of this CoNLL file is not a token and its label (such as \"Paris\tB-LOC\" or \"said\tO\")")
            }
        }
    }
}

impl std::error::Error for ConllError {}

/// `O`, or a BIO/IOBES prefix (two ASCII bytes, so the label can be split after them) and a name.
fn is_label(l: &str) -> bool {
    l == "O" || (l.len() > 2 && ["B-", "I-", "E-", "S-", "L-", "U-"].iter().any(|p| l.starts_with(p)))
}

/// A token and its label, or `None` for a line that is not one.
fn split(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_end();
    let cut = line.rfind([' ', '\t'])?;
    let (token, label) = (line[..cut].trim(), &line[cut + 1..]);
    (!token.is_empty() && is_label(label)).then_some((token, label))
}

/// True for text that is CoNLL: most of its first lines are a token and a label.
pub fn looks_like(text: &str) -> bool {
    // JSON is told apart first, without reading a long first line.
    if text.trim_start().starts_with(['{', '[']) {
        return false;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(50).collect();
    let good = lines.iter().filter(|l| split(l).is_some()).count();
    good > 0 && good * 2 >= lines.len()
}

/// Sentences not found in the article after which the rest are not searched for: a file made
/// for another text would otherwise cost a scan of the whole article per sentence.
const MAX_MISSES: usize = 64;

/// Where `tokens` stand in `text`, one after another with only whitespace between, starting
/// in `starts`: each token's (start, end) in code points.
fn place(tokens: &[Vec<char>], text: &[char], starts: std::ops::Range<usize>) -> Option<Vec<(usize, usize)>> {
    let first = tokens.first()?;
    let at = |p: usize, t: &[char]| text.get(p..p + t.len()) == Some(t);
    'start: for p in starts.filter(|&p| at(p, first)) {
        let mut out = vec![(p, p + first.len())];
        let mut q = p + first.len();
        for t in &tokens[1..] {
            while text.get(q).is_some_and(|c| c.is_whitespace()) {
                q += 1;
            }
            if !at(q, t) {
                continue 'start;
            }
            out.push((q, q + t.len()));
            q += t.len();
        }
        return Some(out);
    }
    None
}

/// Reads a CoNLL file for the article whose code points are `article`.
pub fn parse(text: &str, article: &[char]) -> Result<PeerRead, ConllError> {
    let mut out = PeerRead::default();
    let mut sentence: Vec<(&str, &str)> = Vec::new();
    let (mut cursor, mut n, mut misses) = (0, 0, 0);
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.trim().is_empty() {
            sentence.push(split(line).ok_or(ConllError::Line(i + 1))?);
        }
        if (line.trim().is_empty() || i + 1 == lines.len()) && !sentence.is_empty() {
            n += 1;
            cursor = push_sentence(&sentence, n, article, cursor, &mut misses, &mut out);
            sentence.clear();
        }
    }
    Ok(out)
}

/// Adds sentence number `n`'s spans; returns where the next sentence is looked for.
/// `misses` counts the sentences not found so far.
fn push_sentence(sentence: &[(&str, &str)], n: usize, article: &[char], cursor: usize, misses: &mut usize, out: &mut PeerRead) -> usize {
    let tokens: Vec<Vec<char>> = sentence.iter().map(|(t, _)| t.chars().collect()).collect();
    // After the last sentence first, then before it: each start is tried once.
    let search = || place(&tokens, article, cursor..article.len()).or_else(|| place(&tokens, article, 0..cursor));
    let placed = if *misses < MAX_MISSES { search() } else { None };
    *misses += usize::from(placed.is_none());
    // Runs of one label: B- (or S-) starts one, I-/E- of the same label continue it, O ends it.
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for (k, (_, label)) in sentence.iter().enumerate() {
        if *label == "O" {
            continue;
        }
        let (kind, name) = label.split_at(2);
        match spans.last_mut() {
            Some(last) if matches!(kind, "I-" | "E-" | "L-") && last.2 == name && last.1 == k => last.1 = k + 1,
            _ => spans.push((k, k + 1, name)),
        }
    }
    for (j, &(a, b, label)) in spans.iter().enumerate() {
        let (quote, position) = match &placed {
            Some(at) => (article[at[a].0..at[b - 1].1].iter().collect::<String>(), Some((at[a].0, at[b - 1].1))),
            None => (sentence[a..b].iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" "), None),
        };
        let tag = known_tag(label);
        out.found.push(Found {
            annotation: W3cAnnotation {
                // Stable across imports of the same file, so importing it again updates, not doubles.
                id: Some(format!("conll-{n}-{}", j + 1)),
                tag: tag.unwrap_or(Tag::Claim),
                note: String::new(),
                check: Default::default(),
                extra: Default::default(),
                quote: Some(QuoteSelector { exact: quote, prefix: String::new(), suffix: String::new() }),
                position,
                created: None,
                modified: None,
                creator: None,
                labels: if tag.is_none() { vec![label.to_string()] } else { Vec::new() },
            },
            label: tag.is_none().then(|| label.to_string()),
        });
    }
    placed.and_then(|at| at.last().map(|l| l.1)).unwrap_or(cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn tokens_are_found_in_the_article_with_their_spans() {
        let article = chars("JAPAN GET LUCKY WIN.\n\nNadim Ladki said, in Al-Ain, that Zelensky’s plan won.");
        let file = "JAPAN\tB-LOC\nGET\tO\n\nNadim\tB-PER\nLadki\tI-PER\nsaid\tO\n,\tO\nin\tO\nAl-Ain\tB-LOC\n\nZelensky\tB-PER\n’s\tO\nplan\tB-Claim\n";
        assert!(looks_like(file));
        let read = parse(file, &article).unwrap();
        type Got = (String, Option<(usize, usize)>, Option<String>);
        let got: Vec<Got> = read
            .found
            .iter()
            .map(|f| (f.annotation.quote.as_ref().unwrap().exact.clone(), f.annotation.position, f.label.clone()))
            .collect();
        let at =
            |s: &str| article.iter().collect::<String>().find(s).map(|b| article.iter().collect::<String>()[..b].chars().count()).unwrap();
        assert_eq!(got[0], ("JAPAN".into(), Some((0, 5)), Some("LOC".into())));
        assert_eq!(got[1], ("Nadim Ladki".into(), Some((at("Nadim"), at("Nadim") + 11)), Some("PER".into())));
        assert_eq!(got[2].0, "Al-Ain");
        assert_eq!(got[3].0, "Zelensky");
        assert_eq!(
            (got[4].0.as_str(), got[4].2.clone(), read.found[4].annotation.tag),
            ("plan", None, Tag::Claim),
            "a tag word is the tag"
        );
    }

    #[test]
    fn a_sentence_not_in_the_article_keeps_its_quote() {
        let read = parse("Kyiv\tB-LOC\nburns\tO\n", &chars("Nothing here.")).unwrap();
        let a = &read.found[0].annotation;
        assert_eq!((a.quote.as_ref().unwrap().exact.as_str(), a.position), ("Kyiv", None));
    }

    #[test]
    fn a_file_for_another_text_keeps_every_span_as_an_orphan() {
        let file = "Kyiv\tB-LOC\n\n".repeat(MAX_MISSES + 10) + "here\tB-LOC\n";
        let read = parse(&file, &chars("Nothing here.")).unwrap();
        assert_eq!(read.found.len(), MAX_MISSES + 11, "no span is dropped");
        assert!(read.found[..MAX_MISSES + 10].iter().all(|f| f.annotation.position.is_none()));
        assert_eq!(
            read.found.last().unwrap().annotation.quote.as_ref().unwrap().exact,
            "here",
            "its quote is kept; the import anchors it by that"
        );
    }

    #[test]
    fn bad_lines_and_other_text_are_told_apart() {
        assert_eq!(parse("SOCCERO SOCCERO SOCCERO\n-\tO\nJAPAN\tB-LOC\n", &[]), Err(ConllError::Line(1)));
        assert!(looks_like("SOCCERO SOCCERO SOCCERO\n-\tO\nJAPAN\tB-LOC\n"), "mostly CoNLL: read, and its bad line named");
        assert!(!looks_like("An article.\n\nIts second paragraph."));
        assert!(!looks_like("[{\"a\": \"B-X\"}]"));
        assert!(ConllError::Line(3).to_string().contains("line 3"));
        assert!(!looks_like("[À}\nx À\n"), "labels are checked without cutting a character");
        assert_eq!(parse("x À\n", &[]), Err(ConllError::Line(1)));
    }
}
