//! The annotation set: lookup by id, document order, and a per-block interval index.

use super::tally::Tally;
use super::{Annotation, AnnotationId, Tag};
use crate::annotation::Relation;
use crate::article::Block;
use crate::text::CharRange;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

/// Key that sorts anchored annotations in document order: by start, the longer first, so an
/// annotation that contains another is listed before it.
type OrderKey = (usize, Reverse<usize>, AnnotationId);

/// All annotations of one article.
///
/// The interval index is bucketed by block (headline or paragraph): each anchored annotation
/// is listed in every block it touches. Rendering asks for one block at a time, and an edit
/// touches only the buckets of the blocks it spans, so no edit costs O(document).
#[derive(Clone, Debug, Default)]
pub struct AnnotationSet {
    items: HashMap<AnnotationId, Annotation>,
    order: BTreeSet<OrderKey>,
    orphans: BTreeSet<(crate::time::Timestamp, AnnotationId)>,
    by_block: Vec<Vec<AnnotationId>>,
    blocks: Vec<Block>,
    tally: Tally,
}

fn order_key(a: &Annotation) -> OrderKey {
    (a.range().start(), Reverse(a.range().end()), a.id.clone())
}

impl AnnotationSet {
    pub fn new(blocks: &[Block]) -> AnnotationSet {
        AnnotationSet { by_block: vec![Vec::new(); blocks.len()], blocks: blocks.to_vec(), ..Default::default() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.items.get(id)
    }

    #[cfg(test)]
    pub fn contains(&self, id: &AnnotationId) -> bool {
        self.items.contains_key(id)
    }

    /// Indices of the blocks that `range` shares a code point with.
    pub fn blocks_of(&self, range: CharRange) -> std::ops::Range<usize> {
        let first = self.blocks.partition_point(|b| b.range.end() <= range.start());
        let last = self.blocks.partition_point(|b| b.range.start() < range.end());
        first..last.max(first)
    }

    /// Adds or replaces an annotation; returns the blocks whose rendering changed.
    pub fn insert(&mut self, a: Annotation) -> Vec<usize> {
        let mut touched = self.remove(&a.id).map(|(_, t)| t).unwrap_or_default();
        if a.is_orphan() {
            self.orphans.insert((a.created, a.id.clone()));
        } else {
            self.order.insert(order_key(&a));
            for b in self.blocks_of(a.range()) {
                self.by_block[b].push(a.id.clone());
                touched.push(b);
            }
        }
        self.tally.add(&a);
        self.items.insert(a.id.clone(), a);
        crate::sort::sort(&mut touched);
        touched.dedup();
        touched
    }

    /// Removes an annotation; returns it with the blocks whose rendering changed.
    pub fn remove(&mut self, id: &AnnotationId) -> Option<(Annotation, Vec<usize>)> {
        let a = self.items.remove(id)?;
        self.tally.remove(&a);
        let mut touched = Vec::new();
        if a.is_orphan() {
            self.orphans.remove(&(a.created, a.id.clone()));
        } else {
            self.order.remove(&order_key(&a));
            for b in self.blocks_of(a.range()) {
                self.by_block[b].retain(|x| x != id);
                touched.push(b);
            }
        }
        Some((a, touched))
    }

    /// Annotations (anchored) that touch block `b`, in no particular order.
    pub fn in_block(&self, b: usize) -> impl Iterator<Item = &Annotation> {
        self.by_block.get(b).into_iter().flatten().filter_map(|id| self.items.get(id))
    }

    /// Anchored annotations in document order.
    pub fn anchored(&self) -> impl Iterator<Item = &Annotation> {
        self.order.iter().filter_map(|(_, _, id)| self.items.get(id))
    }

    /// Orphans, oldest first.
    pub fn orphans(&self) -> impl Iterator<Item = &Annotation> {
        self.orphans.iter().filter_map(|(_, id)| self.items.get(id))
    }

    /// Every annotation in no particular order: the cheapest walk, for sums and counts.
    pub fn unordered(&self) -> impl Iterator<Item = &Annotation> {
        self.items.values()
    }

    /// Every annotation: anchored ones in document order, then orphans.
    pub fn iter(&self) -> impl Iterator<Item = &Annotation> {
        self.anchored().chain(self.orphans())
    }

    /// The anchored annotation after (or before) `from` in document order; the first (or
    /// last) one when `from` is `None` or not anchored. O(log n).
    pub fn neighbour(&self, from: Option<&AnnotationId>, forward: bool) -> Option<&Annotation> {
        use std::ops::Bound::{Excluded, Unbounded};
        let key = from.and_then(|id| self.items.get(id)).filter(|a| !a.is_orphan()).map(order_key);
        let id = match (key, forward) {
            (Some(k), true) => self.order.range((Excluded(k), Unbounded)).next(),
            (Some(k), false) => self.order.range((Unbounded, Excluded(k))).next_back(),
            (None, true) => self.order.iter().next(),
            (None, false) => self.order.iter().next_back(),
        };
        id.and_then(|(_, _, id)| self.items.get(id))
    }

    /// An anchored annotation with exactly this range and tag, if one exists.
    pub fn find_same(&self, range: CharRange, tag: Tag) -> Option<&Annotation> {
        let b = self.blocks_of(range).next()?;
        self.in_block(b).find(|a| a.range() == range && a.tag == tag)
    }

    /// The annotations (figures and quotes) that link to `to`, with the relation, in document
    /// order: the claim's side of a link, which is kept only on the linking annotation.
    pub fn backlinks(&self, to: &AnnotationId) -> Vec<(&Annotation, Relation)> {
        let mut from: Vec<&Annotation> = self.tally.linked_from(to).iter().filter_map(|id| self.items.get(id)).collect();
        // Document order, then orphans oldest first: the order of `iter`.
        crate::sort::sort_by_key(&mut from, |a| {
            if a.is_orphan() {
                (true, 0, Reverse(0), a.created, &a.id)
            } else {
                (false, a.range().start(), Reverse(a.range().end()), Default::default(), &a.id)
            }
        });
        from.dedup_by(|a, b| a.id == b.id);
        from.into_iter().filter_map(|a| a.check.link_to(to).map(|l| (a, l.relation))).collect()
    }

    /// How many annotations carry each tag, in [`Tag::ALL`] order. O(1).
    pub fn counts(&self) -> [usize; 3] {
        self.tally.tags()
    }

    /// How many anchored annotations carry each tag, in [`Tag::ALL`] order. O(1).
    pub fn anchored_counts(&self) -> [usize; 3] {
        self.tally.anchored_tags()
    }

    /// How many annotations could not be placed. O(1).
    pub fn orphan_count(&self) -> usize {
        self.orphans.len()
    }

    /// How far the checking has come, with verdicts named by `scale`. O(verdicts in use).
    pub fn progress(&self, scale: &crate::annotation::VerdictScale) -> crate::annotation::Progress {
        self.tally.progress(scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Status, Target};
    use crate::article::BlockKind;

    fn blocks() -> Vec<Block> {
        [(0, 10), (12, 20), (22, 30)]
            .iter()
            .map(|&(s, e)| Block { kind: BlockKind::Paragraph, range: CharRange::new(s, e).unwrap() })
            .collect()
    }

    fn ann(id: &str, s: usize, e: usize, tag: Tag) -> Annotation {
        let target = Target { range: CharRange::new(s, e).unwrap(), exact: String::new(), prefix: String::new(), suffix: String::new() };
        crate::testing::annotation(AnnotationId::parse(id).unwrap(), tag, target)
    }

    #[test]
    fn index_by_block_and_order() {
        let mut set = AnnotationSet::new(&blocks());
        assert_eq!(set.insert(ann("a", 5, 15, Tag::Claim)), vec![0, 1]);
        assert_eq!(set.insert(ann("b", 2, 4, Tag::Quote)), vec![0]);
        assert_eq!(set.insert(ann("c", 5, 25, Tag::Figure)), vec![0, 1, 2]);
        let ids: Vec<&str> = set.anchored().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["b", "c", "a"], "document order, containing range first");
        assert_eq!(set.in_block(2).count(), 1);
        assert_eq!(set.counts(), [1, 1, 1]);
        let (gone, touched) = set.remove(&AnnotationId::parse("c").unwrap()).unwrap();
        assert_eq!((gone.id.as_str(), touched), ("c", vec![0, 1, 2]));
        assert_eq!(set.in_block(2).count(), 0);
        assert!(set.find_same(CharRange::new(5, 15).unwrap(), Tag::Claim).is_some());
        assert!(set.find_same(CharRange::new(5, 15).unwrap(), Tag::Quote).is_none());
    }

    #[test]
    fn neighbours_in_document_order() {
        let mut set = AnnotationSet::new(&blocks());
        set.insert(ann("a", 5, 15, Tag::Claim));
        set.insert(ann("b", 2, 4, Tag::Quote));
        let id = |s: &str| AnnotationId::parse(s).unwrap();
        let name = |a: Option<&Annotation>| a.map(|a| a.id.as_str().to_string());
        assert_eq!(name(set.neighbour(None, true)).as_deref(), Some("b"));
        assert_eq!(name(set.neighbour(None, false)).as_deref(), Some("a"));
        assert_eq!(name(set.neighbour(Some(&id("b")), true)).as_deref(), Some("a"));
        assert_eq!(name(set.neighbour(Some(&id("a")), true)), None);
        assert_eq!(name(set.neighbour(Some(&id("a")), false)).as_deref(), Some("b"));
    }

    #[test]
    fn moving_an_annotation_touches_old_and_new_blocks() {
        let mut set = AnnotationSet::new(&blocks());
        set.insert(ann("a", 0, 3, Tag::Claim));
        assert_eq!(set.insert(ann("a", 23, 26, Tag::Claim)), vec![0, 2]);
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn backlinks_list_who_links_to_a_claim() {
        use crate::annotation::Link;
        let mut set = AnnotationSet::new(&blocks());
        let claim = AnnotationId::parse("claim").unwrap();
        set.insert(ann("claim", 0, 9, Tag::Claim));
        let mut fig = ann("fig", 23, 26, Tag::Figure);
        fig.check.links.push(Link { to: claim.clone(), relation: Relation::Supports });
        let mut quote = ann("quote", 2, 4, Tag::Quote);
        quote.check.links.push(Link { to: claim.clone(), relation: Relation::Contradicts });
        quote.check.links.push(Link { to: AnnotationId::parse("other").unwrap(), relation: Relation::Supports });
        set.insert(fig);
        set.insert(quote);
        let back: Vec<(&str, Relation)> = set.backlinks(&claim).into_iter().map(|(a, r)| (a.id.as_str(), r)).collect();
        assert_eq!(back, vec![("quote", Relation::Contradicts), ("fig", Relation::Supports)]);
        assert!(set.backlinks(&AnnotationId::parse("fig").unwrap()).is_empty());
    }

    #[test]
    fn orphans_are_kept_out_of_the_index_but_in_the_set() {
        let mut set = AnnotationSet::new(&blocks());
        let mut o = ann("o", 0, 3, Tag::Claim);
        o.status = Status::Orphan;
        assert!(set.insert(o).is_empty());
        assert_eq!(set.in_block(0).count(), 0);
        assert_eq!(set.orphans().count(), 1);
        assert_eq!(set.iter().count(), 1);
    }
}
