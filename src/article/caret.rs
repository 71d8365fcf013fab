//! A keyboard caret over the article text: moves by glyph, word and block, and extends a selection.
//!
//! The caret never rests in the separator between blocks (that text is not shown), and never
//! inside a glyph (between a base character and its combining marks, or inside an emoji ZWJ
//! sequence), so a keyboard selection always maps onto visible text.

use super::text::ArticleText;
use crate::text::snap::{is_extender, is_word_at};
use crate::text::CharRange;

/// One step of the caret, as a key gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// Arrow right / left: one glyph.
    GlyphForward,
    GlyphBack,
    /// Ctrl+Arrow right: to the end of the next word. Ctrl+Arrow left: to the start of the
    /// previous one. Word ends (not the next word's start) so that Ctrl+Shift+Right selects
    /// whole words without trailing spaces.
    WordForward,
    WordBack,
    /// Home / End: the start or end of the block.
    BlockStart,
    BlockEnd,
    /// Ctrl+Down / Ctrl+Up: the start of the next / previous block.
    NextBlock,
    PrevBlock,
    /// Ctrl+Home / Ctrl+End.
    TextStart,
    TextEnd,
}

impl Motion {
    /// The motion an arrow key means where the text runs the other way: in a right-to-left
    /// paragraph, Arrow right moves back through the text.
    pub fn mirrored(self, right_to_left: bool) -> Motion {
        match (self, right_to_left) {
            (_, false) => self,
            (Motion::GlyphForward, true) => Motion::GlyphBack,
            (Motion::GlyphBack, true) => Motion::GlyphForward,
            (Motion::WordForward, true) => Motion::WordBack,
            (Motion::WordBack, true) => Motion::WordForward,
            (other, true) => other,
        }
    }
}

/// A caret with a selection: `anchor` stays where the selection began and `focus` moves.
/// Both are code-point offsets into the canonical text; equal when nothing is selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Caret {
    pub anchor: usize,
    pub focus: usize,
}

impl Caret {
    /// A collapsed caret at `offset`, moved to the nearest place it may rest.
    pub fn at(text: &ArticleText, offset: usize) -> Caret {
        let p = settle(text, offset);
        Caret { anchor: p, focus: p }
    }

    pub fn is_collapsed(&self) -> bool {
        self.anchor == self.focus
    }

    /// The selected range, in document order.
    pub fn range(&self) -> CharRange {
        CharRange::new(self.anchor.min(self.focus), self.anchor.max(self.focus)).expect("min <= max")
    }

    /// The caret after `motion`; with `extend` the anchor stays (Shift), otherwise the caret
    /// collapses. A collapsing Left/Right on a selection lands on its near edge, as in editors.
    pub fn moved(self, text: &ArticleText, motion: Motion, extend: bool) -> Caret {
        if !extend && !self.is_collapsed() {
            let r = self.range();
            match motion {
                Motion::GlyphBack => return Caret { anchor: r.start(), focus: r.start() },
                Motion::GlyphForward => return Caret { anchor: r.end(), focus: r.end() },
                _ => {}
            }
        }
        let focus = step(text, settle(text, self.focus), motion);
        Caret { anchor: if extend { self.anchor } else { focus }, focus }
    }
}

/// The block holding `pos` (its end counts as inside), or the nearest one.
fn block_of(text: &ArticleText, pos: usize) -> usize {
    let blocks = text.blocks();
    let i = blocks.partition_point(|b| b.range.end() < pos);
    i.min(blocks.len().saturating_sub(1))
}

/// `pos` clamped into a block (a separator position goes to the next block's start) and
/// moved back to the start of the glyph it is inside.
fn settle(text: &ArticleText, pos: usize) -> usize {
    let Some(b) = text.blocks().get(block_of(text, pos)) else { return 0 };
    let mut p = pos.clamp(b.range.start(), b.range.end());
    let chars = text.chars();
    while p > b.range.start() && p < b.range.end() && inside_glyph(chars, p) {
        p -= 1;
    }
    p
}

/// True when a boundary at `p` would cut a glyph: a mark follows, or a joiner precedes.
fn inside_glyph(chars: &[char], p: usize) -> bool {
    is_extender(chars[p]) || (p > 0 && chars[p - 1] == '\u{200D}')
}

fn step(text: &ArticleText, pos: usize, motion: Motion) -> usize {
    let chars = text.chars();
    let blocks = text.blocks();
    if blocks.is_empty() {
        return 0;
    }
    let bi = block_of(text, pos);
    let b = blocks[bi].range;
    match motion {
        Motion::GlyphForward if pos >= b.end() => blocks.get(bi + 1).map_or(pos, |n| n.range.start()),
        Motion::GlyphForward => {
            let mut p = pos + 1;
            while p < b.end() && inside_glyph(chars, p) {
                p += 1;
            }
            p
        }
        Motion::GlyphBack if pos <= b.start() => bi.checked_sub(1).map_or(pos, |i| blocks[i].range.end()),
        Motion::GlyphBack => settle(text, pos - 1),
        Motion::WordForward => {
            let mut p = pos;
            loop {
                let b = blocks[block_of(text, p)].range;
                while p < b.end() && !is_word_at(chars, p) {
                    p += 1;
                }
                if p < b.end() {
                    while p < b.end() && is_word_at(chars, p) {
                        p += 1;
                    }
                    return p;
                }
                match blocks.get(block_of(text, p) + 1) {
                    Some(n) => p = n.range.start(),
                    None => return b.end(),
                }
            }
        }
        Motion::WordBack => {
            let mut p = pos;
            loop {
                let bi = block_of(text, p);
                let b = blocks[bi].range;
                while p > b.start() && !is_word_at(chars, p - 1) {
                    p -= 1;
                }
                if p > b.start() {
                    while p > b.start() && is_word_at(chars, p - 1) {
                        p -= 1;
                    }
                    return p;
                }
                match bi.checked_sub(1) {
                    Some(i) => p = blocks[i].range.end(),
                    None => return b.start(),
                }
            }
        }
        Motion::BlockStart => b.start(),
        Motion::BlockEnd => b.end(),
        Motion::NextBlock => blocks.get(bi + 1).map_or(b.end(), |n| n.range.start()),
        Motion::PrevBlock if pos > b.start() => b.start(),
        Motion::PrevBlock => bi.checked_sub(1).map_or(b.start(), |i| blocks[i].range.start()),
        Motion::TextStart => blocks[0].range.start(),
        Motion::TextEnd => blocks[blocks.len() - 1].range.end(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn text(title: &str, paras: &[&str]) -> ArticleText {
        ArticleText::new(&Article { title: title.into(), paragraphs: paras.iter().map(|p| p.to_string()).collect(), ..Article::default() })
    }

    fn selected(t: &ArticleText, c: Caret) -> String {
        t.slice(c.range())
    }

    #[test]
    fn arrow_keys_follow_the_paragraph_direction() {
        let t = text("Title", &["قال الوزير إن 70%", "Plain text"]);
        let in_arabic = 8;
        assert!(t.is_rtl_at(in_arabic) && !t.is_rtl_at(0) && !t.is_rtl_at(t.len() - 1));
        // Arrow right in Arabic moves towards the start of the text.
        let right = Motion::GlyphForward.mirrored(t.is_rtl_at(in_arabic));
        assert_eq!(Caret::at(&t, in_arabic).moved(&t, right, false).focus, in_arabic - 1);
        assert_eq!(Motion::WordBack.mirrored(true), Motion::WordForward);
        assert_eq!(Motion::BlockEnd.mirrored(true), Motion::BlockEnd);
        assert_eq!(Motion::GlyphBack.mirrored(false), Motion::GlyphBack);
    }

    /// Applies `motions` to a caret at `start` and returns the selected text.
    fn run(t: &ArticleText, start: usize, motions: &[(Motion, bool)]) -> (Caret, String) {
        let c = motions.iter().fold(Caret::at(t, start), |c, (m, ext)| c.moved(t, *m, *ext));
        (c, selected(t, c))
    }

    #[test]
    fn words_forward_select_whole_words_without_spaces() {
        let t = text("Head", &["Valued at $14.8 trillion, said Zelensky."]);
        let p = t.blocks()[1].range.start();
        let (_, s) = run(&t, p, &[(Motion::WordForward, false), (Motion::WordForward, false)]);
        assert_eq!(s, "");
        let (c, s) = run(
            &t,
            p,
            &[(Motion::WordForward, false), (Motion::WordForward, false), (Motion::WordForward, true), (Motion::WordForward, true)],
        );
        assert_eq!(s, " $14.8 trillion");
        // Word back from there lands on the start of "trillion", then "14.8".
        let c = c.moved(&t, Motion::WordBack, true);
        assert_eq!(selected(&t, c), " $14.8 ");
        assert_eq!(c.moved(&t, Motion::WordBack, false).focus, p + 11);
    }

    #[test]
    fn glyph_steps_never_split_emoji_or_combining_marks() {
        // "e" + combining acute, a family emoji (ZWJ sequence), a flag-less thumbs up with skin tone.
        let t = text("x", &["ae\u{301}👨\u{200D}👩\u{200D}👧👍\u{1F3FD}z"]);
        let b = t.blocks()[1].range;
        let mut c = Caret::at(&t, b.start());
        let mut seen = vec![];
        while c.focus < b.end() {
            let next = c.moved(&t, Motion::GlyphForward, true);
            seen.push(t.slice(CharRange::new(c.focus, next.focus).unwrap()));
            c = next;
        }
        assert_eq!(seen, ["a", "e\u{301}", "👨\u{200D}👩\u{200D}👧", "👍\u{1F3FD}", "z"]);
        // And back again, glyph by glyph, from a collapsed caret at the end.
        let mut c = Caret::at(&t, c.focus);
        let mut back = vec![];
        while c.focus > b.start() {
            let next = c.moved(&t, Motion::GlyphBack, false);
            back.push(t.slice(CharRange::new(next.focus, c.focus).unwrap()));
            c = next;
        }
        seen.reverse();
        assert_eq!(back, seen);
    }

    #[test]
    fn caret_skips_block_separators() {
        let t = text("Заголовок", &["Один.", "两个 words"]);
        let h = t.blocks()[0].range;
        let p1 = t.blocks()[1].range;
        // Right at the end of the headline goes to the next block's start, not into "\n\n".
        let c = Caret::at(&t, h.end()).moved(&t, Motion::GlyphForward, false);
        assert_eq!(c.focus, p1.start());
        assert_eq!(Caret::at(&t, p1.start()).moved(&t, Motion::GlyphBack, false).focus, h.end());
        // A position inside the separator settles on the next block.
        assert_eq!(Caret::at(&t, h.end() + 1).focus, p1.start());
        // Word moves cross blocks and read Cyrillic and CJK as words.
        let (_, s) = run(&t, 0, &[(Motion::WordForward, true)]);
        assert_eq!(s, "Заголовок");
        let (c, _) = run(&t, h.end(), &[(Motion::WordForward, false)]);
        assert_eq!(t.slice(CharRange::new(p1.start(), c.focus).unwrap()), "Один");
        let (_, s) = run(&t, t.blocks()[2].range.start(), &[(Motion::WordForward, true)]);
        assert_eq!(s, "两个");
        let (c, _) = run(&t, t.blocks()[2].range.start(), &[(Motion::WordBack, false)]);
        assert_eq!(c.focus, p1.start(), "back from a block start goes to the previous block's last word");
    }

    #[test]
    fn block_and_text_motions() {
        let t = text("Head", &["One two.", "Three."]);
        let [h, a, b] = [t.blocks()[0].range, t.blocks()[1].range, t.blocks()[2].range];
        let mid = a.start() + 4;
        assert_eq!(Caret::at(&t, mid).moved(&t, Motion::BlockStart, false).focus, a.start());
        assert_eq!(Caret::at(&t, mid).moved(&t, Motion::BlockEnd, false).focus, a.end());
        assert_eq!(Caret::at(&t, mid).moved(&t, Motion::NextBlock, false).focus, b.start());
        assert_eq!(Caret::at(&t, mid).moved(&t, Motion::PrevBlock, false).focus, a.start());
        assert_eq!(Caret::at(&t, a.start()).moved(&t, Motion::PrevBlock, false).focus, h.start());
        assert_eq!(Caret::at(&t, mid).moved(&t, Motion::TextEnd, false).focus, b.end());
        assert_eq!(Caret::at(&t, mid).moved(&t, Motion::TextStart, false).focus, 0);
        // Ends stay put.
        assert_eq!(Caret::at(&t, b.end()).moved(&t, Motion::GlyphForward, false).focus, b.end());
        assert_eq!(Caret::at(&t, 0).moved(&t, Motion::WordBack, false).focus, 0);
        assert_eq!(Caret::at(&t, b.end()).moved(&t, Motion::WordForward, false).focus, b.end());
    }

    #[test]
    fn collapsing_lands_on_the_near_edge_and_shift_keeps_the_anchor() {
        let t = text("Head", &["One two three."]);
        let a = t.blocks()[1].range.start();
        let c = Caret::at(&t, a).moved(&t, Motion::WordForward, true).moved(&t, Motion::WordForward, true);
        assert_eq!(selected(&t, c), "One two");
        assert_eq!(c.anchor, a);
        assert_eq!(c.moved(&t, Motion::GlyphBack, false), Caret { anchor: a, focus: a });
        assert_eq!(c.moved(&t, Motion::GlyphForward, false), Caret { anchor: a + 7, focus: a + 7 });
        // Extending backwards past the anchor selects before it.
        let back = Caret::at(&t, a + 4).moved(&t, Motion::WordBack, true).moved(&t, Motion::WordBack, true);
        assert_eq!(selected(&t, back), "Head\n\nOne ");
    }

    #[test]
    fn empty_text_is_harmless() {
        let t = text("", &[]);
        let c = Caret::at(&t, 5);
        for m in [Motion::GlyphForward, Motion::GlyphBack, Motion::WordForward, Motion::WordBack, Motion::TextEnd, Motion::NextBlock] {
            assert_eq!(c.moved(&t, m, true).focus, 0);
        }
    }
}
