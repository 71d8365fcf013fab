//! Running counts over an annotation set (per tag, claims by verdict, who links to whom), kept
//! up to date as annotations come and go, so the panel's counts, the progress line and a
//! claim's backlinks cost nothing per edit instead of a walk over every annotation.

use super::{Annotation, AnnotationId, Tag};
use crate::annotation::{Progress, VerdictScale};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Annotations per tag, in [`Tag::ALL`] order, orphans included.
    tags: [usize; 3],
    /// The same without orphans.
    anchored_tags: [usize; 3],
    claims: usize,
    /// Claims per verdict, as written on them (the scale maps them to labels when asked).
    verdicts: HashMap<String, usize>,
    /// For each annotation, the annotations whose links point at it.
    linked_from: HashMap<AnnotationId, Vec<AnnotationId>>,
}

impl Tally {
    /// Counts `a` in (it has just joined the set).
    pub(super) fn add(&mut self, a: &Annotation) {
        self.change(a, true);
    }

    /// Counts `a` out (it has just left the set, as it was when it joined).
    pub(super) fn remove(&mut self, a: &Annotation) {
        self.change(a, false);
    }

    fn change(&mut self, a: &Annotation, add: bool) {
        let step = |n: &mut usize| *n = if add { *n + 1 } else { n.saturating_sub(1) };
        let t = a.tag.index();
        step(&mut self.tags[t]);
        if !a.is_orphan() {
            step(&mut self.anchored_tags[t]);
        }
        if a.tag == Tag::Claim {
            step(&mut self.claims);
            if let Some(v) = &a.check.verdict {
                let n = self.verdicts.entry(v.clone()).or_default();
                step(n);
                if *n == 0 {
                    self.verdicts.remove(v);
                }
            }
        }
        for link in &a.check.links {
            let from = self.linked_from.entry(link.to.clone()).or_default();
            if add {
                from.push(a.id.clone());
            } else if let Some(i) = from.iter().position(|x| *x == a.id) {
                from.swap_remove(i);
            }
            if from.is_empty() {
                self.linked_from.remove(&link.to);
            }
        }
    }

    /// Annotations per tag, in [`Tag::ALL`] order.
    pub fn tags(&self) -> [usize; 3] {
        self.tags
    }

    /// Anchored annotations per tag, in [`Tag::ALL`] order.
    pub fn anchored_tags(&self) -> [usize; 3] {
        self.anchored_tags
    }

    /// How far the checking has come, with verdicts named by `scale`.
    pub fn progress(&self, scale: &VerdictScale) -> Progress {
        Progress::from_counts(self.claims, self.verdicts.iter().map(|(v, n)| (v.as_str(), *n)), scale)
    }

    /// The annotations that link to `to` (unordered; several links from one annotation to the
    /// same target count once per link).
    pub fn linked_from(&self, to: &AnnotationId) -> &[AnnotationId] {
        self.linked_from.get(to).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use crate::annotation::{AnnotationSet, Status, Target};
    use crate::annotation::{Link, Progress, Relation, VerdictScale};
    use crate::article::{Block, BlockKind};
    use crate::testing::Rng;
    use crate::text::CharRange;

    use super::*;

    /// The tally after random inserts, replacements and removals equals a fresh count.
    #[test]
    fn running_counts_equal_a_fresh_count() {
        let blocks = vec![Block { kind: BlockKind::Paragraph, range: CharRange::new(0, 100).unwrap() }];
        let scale = VerdictScale::default();
        let verdicts: Vec<Option<String>> = vec![
            None,
            Some(scale.labels[0].clone()),
            Some(scale.labels[1].clone()),
            Some("Odd one".into()),
            Some(scale.labels[0].to_uppercase()),
        ];
        let ids: Vec<AnnotationId> = (0..12).map(|i| AnnotationId::parse(&format!("a{i}")).unwrap()).collect();
        for seed in 1..40 {
            let mut rng = Rng::new(seed);
            let mut set = AnnotationSet::new(&blocks);
            for _ in 0..60 {
                let id = ids[rng.below(ids.len())].clone();
                if rng.below(4) == 0 {
                    set.remove(&id);
                    continue;
                }
                let s = rng.below(90);
                let target = Target {
                    range: CharRange::new(s, s + 1 + rng.below(9)).unwrap(),
                    exact: String::new(),
                    prefix: String::new(),
                    suffix: String::new(),
                };
                let mut a = crate::testing::annotation(id, Tag::ALL[rng.below(3)], target);
                a.check.verdict = verdicts[rng.below(verdicts.len())].clone();
                if rng.below(3) == 0 {
                    a.status = Status::Orphan;
                }
                for _ in 0..rng.below(3) {
                    a.check.links.push(Link { to: ids[rng.below(ids.len())].clone(), relation: Relation::Supports });
                }
                set.insert(a);
            }
            let mut tags = [0; 3];
            let mut anchored = [0; 3];
            for a in set.iter() {
                tags[a.tag.index()] += 1;
                anchored[a.tag.index()] += usize::from(!a.is_orphan());
            }
            assert_eq!(set.counts(), tags, "seed {seed}");
            assert_eq!(set.anchored_counts(), anchored, "seed {seed}");
            assert_eq!(set.orphan_count(), set.orphans().count());
            assert_eq!(set.progress(&scale), Progress::of(set.iter(), &scale), "seed {seed}");
            for to in &ids {
                let walked: Vec<&str> = set.iter().filter(|a| a.check.link_to(to).is_some()).map(|a| a.id.as_str()).collect();
                let indexed: Vec<&str> = set.backlinks(to).into_iter().map(|(a, _)| a.id.as_str()).collect();
                assert_eq!(indexed, walked, "seed {seed}: backlinks of {}", to.as_str());
            }
        }
    }
}
