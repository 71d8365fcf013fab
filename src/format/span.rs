//! Placing a span given by offsets into another tool's copy of the text: its unit, its quote and context, and whether the offsets hold in the article.

use super::w3c::{QuoteSelector, Utf16Index};
use crate::annotation::CONTEXT_CHARS;

/// The unit a tool's offsets may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Units {
    CodePoints,
    /// Code points or UTF-16 code units, decided span by span by the tool's quote.
    Either,
}

/// The text a tool annotated (a Label Studio task's, a doccano line's), ready to quote from.
pub(crate) struct OwnText {
    chars: Vec<char>,
    index: Utf16Index,
    /// The tool's text is the article's: its offsets, once in code points, are ours.
    is_article: bool,
}

impl OwnText {
    pub(crate) fn new(text: &str, article: &[char]) -> OwnText {
        let chars: Vec<char> = text.chars().collect();
        let index = Utf16Index::new(&chars);
        let is_article = chars == article;
        OwnText { chars, index, is_article }
    }

    /// The span `start..end` of this text as a quote with its context, and its code-point
    /// position in the article when the texts are the same (else anchoring finds the quote
    /// by its context). `quote`, when the tool gives one, decides the unit: the reading that
    /// holds it wins; when none does the offsets are stale, and only the quote is kept.
    /// `None` when the offsets select nothing in this text and there is no quote.
    pub(crate) fn place(
        &self,
        start: usize,
        end: usize,
        quote: Option<&str>,
        units: Units,
    ) -> Option<(QuoteSelector, Option<(usize, usize)>)> {
        let quote = quote.filter(|q| !q.is_empty());
        let mut readings = vec![(start, end)];
        if units == Units::Either {
            if let Some(r) = self.index.to_chars(start).zip(self.index.to_chars(end)) {
                readings.push(r);
            }
        }
        let fits = |&(s, e): &(usize, usize)| s < e && e <= self.chars.len();
        let holds = |&(s, e): &(usize, usize)| quote.is_none_or(|q| self.chars[s..e].iter().copied().eq(q.chars()));
        match readings.into_iter().filter(fits).find(holds) {
            Some((s, e)) => {
                let take = |r: std::ops::Range<usize>| self.chars[r].iter().collect::<String>();
                let selector = QuoteSelector {
                    exact: take(s..e),
                    prefix: take(s.saturating_sub(CONTEXT_CHARS)..s),
                    suffix: take(e..(e + CONTEXT_CHARS).min(self.chars.len())),
                };
                Some((selector, self.is_article.then_some((s, e))))
            }
            None => quote.map(|q| (QuoteSelector { exact: q.to_string(), ..QuoteSelector::default() }, None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_quote_decides_the_unit_and_context_comes_from_the_tools_text() {
        let text = "💩This is an annotation.";
        let own = OwnText::new(text, &chars(text));
        let (q, pos) = own.place(13, 23, Some("annotation"), Units::Either).unwrap();
        assert_eq!((q.exact.as_str(), q.prefix.as_str(), q.suffix.as_str(), pos), ("annotation", "💩This is an ", ".", Some((12, 22))));
        assert_eq!(own.place(12, 22, Some("annotation"), Units::Either).unwrap().1, Some((12, 22)), "code points, as newer exports");
        assert_eq!(own.place(13, 23, None, Units::CodePoints).unwrap().0.exact, "nnotation.", "doccano counts code points only");
    }

    #[test]
    fn another_text_gives_a_quote_with_context_and_no_position() {
        let own = OwnText::new("EU rejects German call", &chars("Headline\n\nEU rejects German call to boycott"));
        let (q, pos) = own.place(11, 17, None, Units::CodePoints).unwrap();
        assert_eq!((q.exact.as_str(), q.prefix.as_str(), q.suffix.as_str(), pos), ("German", "EU rejects ", " call", None));
    }

    #[test]
    fn stale_offsets_keep_the_quote_and_bad_ones_place_nothing() {
        let own = OwnText::new("my friends, supporters, enemies", &[]);
        let (q, pos) = own.place(12, 23, Some("February 22"), Units::Either).unwrap();
        assert_eq!((q.exact.as_str(), q.prefix.as_str(), pos), ("February 22", "", None));
        assert!(own.place(5, 500, None, Units::CodePoints).is_none());
        assert!(own.place(7, 7, None, Units::CodePoints).is_none());
        assert!(own.place(9, 3, Some(""), Units::Either).is_none());
    }
}
