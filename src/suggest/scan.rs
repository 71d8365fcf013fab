//! Suggested annotations for a whole article: check-worthy claims ranked by score, every
//! figure with its value and every direct quote with its speaker (the "Suggest" action).

use super::attribution::suggest_speaker;
use super::figure::{parse_figure_in, DateOrder};
use super::{spot, worthiness};
use crate::annotation::{FigureValue, Kind, Tag};
use crate::text::CharRange;
use std::ops::Range;

/// One suggested annotation: never saved until the checker accepts it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub tag: Tag,
    pub range: CharRange,
    /// How likely the span is worth annotating with `tag`, 0–1 (for claims, how worth
    /// checking it is).
    pub score: f32,
    /// A quote's (or claim's) speaker, read as `suggest_speaker` reads it.
    pub speaker: Option<String>,
    /// A figure's value, read as `parse_figure` reads it.
    pub figure: Option<FigureValue>,
}

impl Candidate {
    /// A stable name for the candidate: its tag and code-point range ("figure-120-132"), so a
    /// dismissal still applies after the article is scanned again.
    pub fn key(&self) -> String {
        format!("{}-{}-{}", self.tag.as_str(), self.range.start(), self.range.end())
    }
}

/// Claims scoring below this are not suggested: most sentences of an article are not claims.
pub const CLAIM_THRESHOLD: f32 = 0.5;

/// Every candidate in `text` (an article's text, blocks separated by a blank line), best
/// first (ties in text order). Candidates nest or are apart, never cross: a figure may sit
/// in a claim or a quote, a claim never cuts a quote. Numeric dates are read in `dates` order.
pub fn scan(text: &[char], dates: DateOrder) -> Vec<Candidate> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let figures = spot::figures(text, block.clone());
        let quotes = spot::quotes(text, block.clone());
        for q in &quotes {
            let Some(range) = char_range(q) else { continue };
            let speaker = suggest_speaker(text, range);
            let score = if speaker.is_some() { 0.9 } else { 0.6 };
            out.push(Candidate { tag: Tag::Quote, range, score, speaker, figure: None });
        }
        for f in &figures {
            let exact: String = text[f.clone()].iter().collect();
            let figure = parse_figure_in(&exact, dates);
            let score = match figure.as_ref().map(FigureValue::kind) {
                Some(Kind::Money | Kind::Percent | Kind::Measure) => 0.9,
                Some(Kind::Count) => 0.75,
                Some(Kind::Year | Kind::Date) => 0.5,
                None => 0.6,
            };
            let Some(range) = char_range(f) else { continue };
            out.push(Candidate { tag: Tag::Figure, range, score, speaker: None, figure });
        }
        for c in worthiness::claims(text, block, &figures, &quotes) {
            if c.score < CLAIM_THRESHOLD {
                continue;
            }
            let Some(range) = char_range(&c.range) else { continue };
            out.push(Candidate { tag: Tag::Claim, range, score: c.score, speaker: suggest_speaker(text, range), figure: None });
        }
    }
    // A candidate that crosses the edge of a stronger kind's is dropped: a quote is read more
    // surely than a figure, a figure than a claim. Then every two candidates nest or are apart.
    let rank = |t: Tag| [Tag::Quote, Tag::Figure, Tag::Claim].iter().position(|k| *k == t).unwrap_or(3);
    let spans: Vec<(usize, Range<usize>)> = out.iter().map(|c| (rank(c.tag), c.range.start()..c.range.end())).collect();
    out.retain(|c| {
        let me = c.range.start()..c.range.end();
        !spans.iter().any(|(r, s)| *r < rank(c.tag) && crosses(s, &me))
    });
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.range.start().cmp(&b.range.start())));
    out
}

fn char_range(r: &Range<usize>) -> Option<CharRange> {
    CharRange::new(r.start, r.end).ok()
}

/// True when `a` and `b` overlap without one holding the other.
fn crosses(a: &Range<usize>, b: &Range<usize>) -> bool {
    let overlap = a.start < b.end && b.start < a.end;
    let nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
    overlap && !nested
}

/// The blocks of the text, split at blank lines.
fn blocks(text: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..text.len() {
        if text[i - 1] == '\n' && text[i] == '\n' {
            out.push(start..i - 1);
            start = i + 1;
        }
    }
    out.push(start.min(text.len())..text.len());
    out.retain(|b| !b.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_of(s: &str) -> Vec<(Tag, String, f32, Option<String>)> {
        let t: Vec<char> = s.chars().collect();
        scan(&t, DateOrder::DayFirst)
            .into_iter()
            .map(|c| (c.tag, t[c.range.start()..c.range.end()].iter().collect(), c.score, c.speaker))
            .collect()
    }

    #[test]
    fn an_article_gives_claims_figures_and_quotes() {
        let found = scan_of(
            "Budget approved\n\nThe council approved a €2.3 billion budget, up 12% on last year, the mayor said.\n\n\
             “This budget protects every library in the city,” said Mayor Anna Keller. I love libraries.",
        );
        let of = |tag: Tag| found.iter().filter(|c| c.0 == tag).map(|c| c.1.as_str()).collect::<Vec<_>>();
        assert_eq!(of(Tag::Figure), ["€2.3 billion", "12%"]);
        assert_eq!(of(Tag::Quote), ["This budget protects every library in the city"]);
        assert_eq!(of(Tag::Claim), ["The council approved a €2.3 billion budget, up 12% on last year"]);
        let quote = found.iter().find(|c| c.0 == Tag::Quote).unwrap();
        assert_eq!(quote.3.as_deref(), Some("Mayor Anna Keller"));
        assert!(found.windows(2).all(|w| w[0].2 >= w[1].2), "best first");
    }

    #[test]
    fn candidates_never_cross() {
        let t: Vec<char> = "He said “prices rose 5% in a year, and 10% since 2020” and left. Sales fell 3%, she said, “by far the most.”"
            .chars()
            .collect();
        let all = scan(&t, DateOrder::DayFirst);
        for a in &all {
            for b in &all {
                assert!(!crosses(&(a.range.start()..a.range.end()), &(b.range.start()..b.range.end())), "{a:?} crosses {b:?}");
            }
        }
        assert!(all.iter().any(|c| c.tag == Tag::Quote));
        assert_eq!(all.iter().map(Candidate::key).collect::<std::collections::HashSet<_>>().len(), all.len(), "keys are unique");
    }
}
