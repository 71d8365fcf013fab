//! Which blocks show their highlights: only those near the viewport, so that loading thousands
//! of annotations writes the markup of a few paragraphs instead of the whole document's.
//!
//! Every block always holds its text (find-in-page, selection and the offsets bridge need it),
//! and the text of an open article never changes; only the `<mark>`s around it do. A block far
//! from the viewport is therefore shown as bare text until it comes near, and a change to such a
//! block costs nothing at all when it already shows bare text.

use std::ops::Range;

/// What a block's element holds right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    /// Not drawn yet.
    Nothing,
    /// Its bare text.
    Text,
    /// Its text with the highlights it had when last drawn. Up to date: a change to a block
    /// that is away from the viewport redraws it as bare text.
    Marks,
}

/// How to draw a block that has to be redrawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draw {
    /// Its text with its highlights (`Workspace::block_html`).
    Marks,
    /// Its bare text.
    Text,
    /// Nothing to do: the element already holds the bare text.
    Keep,
}

/// Per block: near the viewport or not, and what its element shows.
#[derive(Clone, Debug, Default)]
pub struct PaintPlan {
    near: Vec<bool>,
    shown: Vec<Shown>,
    /// Every block shows its highlights (see `mark_all`).
    all: bool,
}

impl PaintPlan {
    /// A plan for blocks of the given lengths (in characters). Until the viewport reports, the
    /// blocks that start within the first `first_chars` characters count as near, so an article
    /// opened at the top shows its highlights in its very first frame.
    pub fn new(block_lens: impl IntoIterator<Item = usize>, first_chars: usize) -> PaintPlan {
        let mut at = 0;
        let near: Vec<bool> = block_lens
            .into_iter()
            .map(|len| {
                let near = at < first_chars;
                at += len;
                near
            })
            .collect();
        let shown = vec![Shown::Nothing; near.len()];
        PaintPlan { near, shown, all: false }
    }

    /// Block `b` has to be redrawn (it changed, or it came near): how, recorded as what it
    /// will show.
    pub fn draw(&mut self, b: usize) -> Draw {
        let Some(shown) = self.shown.get_mut(b) else { return Draw::Keep };
        let wanted = self.all || self.near.get(b).copied().unwrap_or(false);
        let (draw, now) = match (wanted, *shown) {
            (true, _) => (Draw::Marks, Shown::Marks),
            (false, Shown::Text) => (Draw::Keep, Shown::Text),
            (false, Shown::Nothing | Shown::Marks) => (Draw::Text, Shown::Text),
        };
        *shown = now;
        draw
    }

    /// The viewport says whether block `b` is near. True when it has to be redrawn: it came
    /// near and does not show its highlights. A block that goes away keeps its marks, which
    /// stay right until its next change.
    pub fn set_near(&mut self, b: usize, near: bool) -> bool {
        let Some(n) = self.near.get_mut(b) else { return false };
        *n = near;
        near && self.shown.get(b) != Some(&Shown::Marks)
    }

    /// Blocks `range` are about to be looked at (a highlight in them gets focus or is scrolled
    /// to): they count as near. Returns those to redraw.
    pub fn bring_near(&mut self, range: Range<usize>) -> Vec<usize> {
        range.filter(|&b| self.set_near(b, true)).collect()
    }

    /// Every block shows its highlights from now on (`true`: printing, or a browser that cannot
    /// report the viewport), or only the near ones again. Returns the blocks to redraw: when
    /// it starts, every block that does not show its highlights.
    pub fn mark_all(&mut self, on: bool) -> Vec<usize> {
        self.all = on;
        if !on {
            return Vec::new();
        }
        (0..self.shown.len()).filter(|&b| self.shown[b] != Shown::Marks).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_blocks_are_near_until_the_viewport_reports() {
        let mut p = PaintPlan::new([100, 100, 100, 100], 250);
        assert_eq!((0..4).map(|b| p.draw(b)).collect::<Vec<_>>(), [Draw::Marks, Draw::Marks, Draw::Marks, Draw::Text]);
        // Block 2 shows its marks (nothing to redraw when it comes near), block 3 does not.
        assert!(!p.set_near(2, true) && p.set_near(3, true));
    }

    #[test]
    fn a_far_block_is_drawn_as_text_once_then_kept() {
        let mut p = PaintPlan::new([10, 10], 0);
        assert_eq!(p.draw(1), Draw::Text);
        // Loading annotations again, and again: nothing to write.
        assert_eq!(p.draw(1), Draw::Keep);
        assert_eq!(p.draw(1), Draw::Keep);
    }

    #[test]
    fn coming_near_redraws_with_marks_only_when_needed() {
        let mut p = PaintPlan::new([10, 10], 0);
        p.draw(0);
        assert!(p.set_near(0, true));
        assert_eq!(p.draw(0), Draw::Marks);
        // Scrolled away and back, unchanged meanwhile: its marks are still right.
        assert!(!p.set_near(0, false));
        assert!(!p.set_near(0, true));
    }

    #[test]
    fn a_change_away_from_the_viewport_drops_stale_marks() {
        let mut p = PaintPlan::new([10, 10], 100);
        assert_eq!(p.draw(0), Draw::Marks);
        p.set_near(0, false);
        // Its highlights change while it is away: bare text, never stale marks.
        assert_eq!(p.draw(0), Draw::Text);
        assert!(p.set_near(0, true));
        assert_eq!(p.draw(0), Draw::Marks);
    }

    #[test]
    fn bringing_near_and_printing_list_what_to_redraw() {
        let mut p = PaintPlan::new([10, 10, 10, 10], 10);
        for b in 0..4 {
            p.draw(b);
        }
        assert_eq!(p.bring_near(2..4), [2, 3]);
        assert_eq!(p.draw(2), Draw::Marks);
        assert_eq!(p.mark_all(true), [1, 3]);
        p.set_near(1, false);
        assert_eq!(p.draw(1), Draw::Marks, "printing shows every highlight");
        assert_eq!(p.mark_all(false), Vec::<usize>::new());
        assert_eq!(p.draw(1), Draw::Text);
    }

    #[test]
    fn out_of_range_blocks_are_ignored() {
        let mut p = PaintPlan::new([10], 10);
        assert_eq!(p.draw(5), Draw::Keep);
        assert!(!p.set_near(5, true));
        assert!(p.bring_near(3..6).is_empty());
    }
}
