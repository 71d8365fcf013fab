//! Suggestions read from the text: a figure's value, a quote's or claim's speaker, a figure's
//! source, and the sentences they are read from. Depends only on `text/` and the annotation
//! record's value types; nothing in `annotation/` uses it.

mod attribution;
pub mod eval;
mod figure;
mod nominative;
mod phrase;
mod scan;
pub(crate) mod sentence;
mod source;
mod spot;
mod worthiness;

pub use attribution::suggest_speaker;
pub use figure::{parse_figure, parse_figure_in, DateOrder};
pub use scan::{scan, Candidate, CLAIM_THRESHOLD};
pub use source::figure_source;

use crate::annotation::FigureValue;
use crate::text::CharRange;

/// Everything the text suggests for one span: its speaker, its value read as a figure, and
/// the figure's source. Computed together, in the formats worker (the suggesters stay out of
/// the page's first download), from the span's neighbourhood ([`window`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    pub speaker: Option<String>,
    pub figure: Option<FigureValue>,
    pub source: Option<(String, Option<i32>)>,
}

/// Blocks before a span that a suggestion may read (attribution looks up to four sentences
/// back to name who a pronoun stands for; every block holds at least one sentence).
const BLOCKS_BEFORE: usize = 4;

/// The part of the text the suggestions for `range` read, as (start, end) offsets: from four
/// blocks before the span's first block to the end of the block after its last.
pub fn window(text: &[char], range: CharRange) -> (usize, usize) {
    let breaks: Vec<usize> = (1..text.len()).filter(|&i| text[i - 1] == '\n' && text[i] == '\n').collect();
    let block_of = |at: usize| breaks.iter().filter(|&&b| b < at).count();
    let (first, last) = (block_of(range.start()), block_of(range.end().saturating_sub(1).max(range.start())));
    let start = first.checked_sub(BLOCKS_BEFORE + 1).map_or(0, |k| breaks[k] + 1);
    let end = breaks.get(last + 1).map_or(text.len(), |&b| b - 1);
    (start, end.max(range.end()).min(text.len()))
}

/// The suggestions for the span at `range` of `text`, whose numeric dates are in `dates` order.
pub fn suggestions(text: &[char], range: CharRange, dates: DateOrder) -> Suggestions {
    let (start, end) = (range.start().min(text.len()), range.end().min(text.len()));
    let exact: String = text[start..end].iter().collect();
    Suggestions { speaker: suggest_speaker(text, range), figure: parse_figure_in(&exact, dates), source: source_near(text, start) }
}

/// How worth checking the best claim in `text` (a sentence or a paragraph) is, 0–1, before
/// the threshold [`scan`] applies: for ranking sentences, such as a debate transcript's, by
/// check-worthiness.
pub fn worthiness(text: &[char]) -> f32 {
    let all = 0..text.len();
    let (figures, quotes) = (spot::figures(text, all.clone()), spot::quotes(text, all.clone()));
    worthiness::claims(text, all, &figures, &quotes).iter().map(|c| c.score).fold(0.0, f32::max)
}

/// A figure's source from its sentence, else from the sentence before it in the same
/// paragraph ("According to Forbes …, the value is $14.8 trillion. More than 70% …").
fn source_near(text: &[char], at: usize) -> Option<(String, Option<i32>)> {
    let from = (1..=at.min(text.len())).rev().find(|&i| i >= 2 && text[i - 1] == '\n' && text[i - 2] == '\n').unwrap_or(0);
    let to = (at..text.len().saturating_sub(1)).find(|&i| text[i] == '\n' && text[i + 1] == '\n').unwrap_or(text.len());
    let chars = &text[from..to];
    let list = sentence::sentences(chars);
    let i = list.iter().rposition(|s| s.start <= at - from)?;
    let sentence = |k: usize| chars[list[k].clone()].iter().collect::<String>();
    figure_source(&sentence(i)).or_else(|| i.checked_sub(1).and_then(|p| figure_source(&sentence(p))))
}

#[cfg(test)]
mod labelled_test;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, ArticleText};

    /// Read from the window alone, the suggestions are those read from the whole text.
    #[test]
    fn the_window_suggests_what_the_whole_text_does() {
        let text = ArticleText::new(&Article::default_article());
        let chars = text.chars();
        let words: Vec<usize> = (1..chars.len()).filter(|&i| chars[i - 1] == ' ').collect();
        let mut seen = 0;
        for (k, &s) in words.iter().enumerate().step_by(3) {
            let e = words.get(k + 1 + k % 7).copied().unwrap_or(chars.len()).min(chars.len()) - 1;
            let Ok(range) = CharRange::new(s, e.max(s + 1)) else { continue };
            let (ws, we) = window(chars, range);
            let local = CharRange::new(range.start() - ws, range.end() - ws).unwrap();
            let d = DateOrder::DayFirst;
            assert_eq!(suggestions(&chars[ws..we], local, d), suggestions(chars, range, d), "{s}..{e}");
            seen += usize::from(suggestions(chars, range, d) != Suggestions::default());
        }
        assert!(seen > 20, "enough spans suggest something ({seen})");
    }
}
