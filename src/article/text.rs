//! The canonical text as code points, split into blocks (headline, paragraphs) for rendering.

use super::{Article, BLOCK_SEPARATOR};
use crate::text::CharRange;

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    Paragraph,
}

/// One rendered block and the code points of the canonical text it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: CharRange,
}

/// The canonical text held as code points, so that slicing by offset is O(1) and can never
/// split a character. Built once per article.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ArticleText {
    chars: Vec<char>,
    blocks: Vec<Block>,
}

impl ArticleText {
    pub fn new(article: &Article) -> ArticleText {
        let sep = BLOCK_SEPARATOR.chars().count();
        let headline = (!article.title.is_empty()).then_some((BlockKind::Headline, &article.title));
        let parts = || headline.into_iter().chain(article.paragraphs.iter().map(|p| (BlockKind::Paragraph, p)));
        // Sized exactly up front: growing a vector of 600,000 code points step by step cost
        // more than filling it.
        let count = parts().count();
        let mut chars = Vec::with_capacity(parts().map(|(_, s)| s.chars().count()).sum::<usize>() + count.saturating_sub(1) * sep);
        let mut blocks = Vec::with_capacity(count);
        for (i, (kind, s)) in parts().enumerate() {
            if i > 0 {
                chars.extend(BLOCK_SEPARATOR.chars());
            }
            let start = chars.len();
            chars.extend(s.chars());
            let range = CharRange::new(start, chars.len()).expect("end follows start");
            blocks.push(Block { kind, range });
        }
        debug_assert!(blocks.windows(2).all(|w| w[1].range.start() == w[0].range.end() + sep));
        ArticleText { chars, blocks }
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text of a range, clipped to the text.
    pub fn slice(&self, range: CharRange) -> String {
        let end = range.end().min(self.len());
        let start = range.start().min(end);
        self.chars[start..end].iter().collect()
    }

    /// Up to `n` code points before `range`.
    pub fn prefix(&self, range: CharRange, n: usize) -> String {
        let s = range.start().min(self.len());
        self.chars[s.saturating_sub(n)..s].iter().collect()
    }

    /// Up to `n` code points after `range`.
    pub fn suffix(&self, range: CharRange, n: usize) -> String {
        let e = range.end().min(self.len());
        self.chars[e..(e + n).min(self.len())].iter().collect()
    }

    /// Whether the block holding `offset` reads right to left (its first letter is Arabic,
    /// Hebrew…), as the browser lays it out under `dir="auto"`.
    pub fn is_rtl_at(&self, offset: usize) -> bool {
        self.block_at(offset).is_some_and(|b| {
            let r = self.blocks[b].range;
            crate::text::direction::is_rtl(self.chars[r.start()..r.end()].iter().copied())
        })
    }

    /// The index of the block holding `offset`, or of the next block when `offset` is in a
    /// separator. `None` past the last block.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.range.end() <= offset);
        (i < self.blocks.len()).then_some(i)
    }

    /// Indices of the blocks that `range` shares at least one code point with.
    pub fn blocks_overlapping(&self, range: CharRange) -> std::ops::Range<usize> {
        let first = self.blocks.partition_point(|b| b.range.end() <= range.start());
        let last = self.blocks.partition_point(|b| b.range.start() < range.end());
        first..last.max(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ArticleText {
        ArticleText::new(&Article { title: "Head 😀".into(), paragraphs: vec!["One two.".into(), "Три".into()], ..Article::default() })
    }

    #[test]
    fn blocks_tile_the_canonical_text() {
        let t = sample();
        let a = Article { title: "Head 😀".into(), paragraphs: vec!["One two.".into(), "Три".into()], ..Article::default() };
        assert_eq!(t.chars().iter().collect::<String>(), a.canonical_text());
        let ranges: Vec<(usize, usize)> = t.blocks().iter().map(|b| (b.range.start(), b.range.end())).collect();
        assert_eq!(ranges, vec![(0, 6), (8, 16), (18, 21)]);
        assert_eq!(t.blocks()[0].kind, BlockKind::Headline);
        assert_eq!(t.slice(t.blocks()[2].range), "Три");
    }

    #[test]
    fn block_lookup() {
        let t = sample();
        assert_eq!(t.block_at(0), Some(0));
        assert_eq!(t.block_at(6), Some(1), "a separator belongs to the next block");
        assert_eq!(t.block_at(20), Some(2));
        assert_eq!(t.block_at(21), None);
        assert_eq!(t.blocks_overlapping(CharRange::new(4, 10).unwrap()), 0..2);
        assert_eq!(t.blocks_overlapping(CharRange::new(6, 8).unwrap()), 1..1);
        assert_eq!(t.blocks_overlapping(CharRange::new(0, 21).unwrap()), 0..3);
    }

    #[test]
    fn context_is_clipped() {
        let t = sample();
        let r = CharRange::new(2, 4).unwrap();
        assert_eq!(t.prefix(r, 32), "He");
        assert_eq!(t.suffix(CharRange::new(15, 20).unwrap(), 32), "и");
    }

    #[test]
    fn no_headline_means_text_starts_with_first_paragraph() {
        let a = Article { paragraphs: vec!["p1".into(), "p2".into()], ..Article::default() };
        assert_eq!(a.canonical_text(), "p1\n\np2");
        assert_eq!(ArticleText::new(&a).blocks()[0].kind, BlockKind::Paragraph);
    }
}
