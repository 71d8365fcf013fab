//! The label-mapping step of an import: spans whose labels name no tag wait, already placed, for the caller's choice per label.
//!
//! The flow for the UI: [`read_annotations`] returns [`AnnotationFile::NeedsLabels`] with a
//! [`LabelQuestion`]; the UI shows [`LabelQuestion::labels`] (each unknown label with how
//! many spans carry it) and lets the checker choose a tag or "skip" for each, then calls
//! [`LabelQuestion::apply`] with that [`LabelMap`] and imports the [`Imported`] it returns,
//! as it does for a file that needed no mapping. The file is not read again, and its bytes
//! need not be kept. A map may be remembered and applied to the next file's question.
//!
//! [`read_annotations`]: super::read_annotations
//! [`AnnotationFile::NeedsLabels`]: super::AnnotationFile::NeedsLabels

use super::outcome::{Imported, Source};
use crate::format::labels::{tally, LabelChoice, LabelCount, LabelMap};
use crate::format::peer::SkipReason;

/// A file read and converted, whose annotations with unknown labels wait for a [`LabelMap`].
#[derive(Clone, Debug, PartialEq)]
pub struct LabelQuestion {
    imported: Imported,
    /// For each annotation of `imported`, the unknown label that is to decide its tag.
    pending: Vec<Option<String>>,
    labels: Vec<LabelCount>,
}

impl LabelQuestion {
    /// `None` when no annotation waits for a label: the import needs no question.
    pub fn new(imported: Imported, pending: Vec<Option<String>>) -> Result<LabelQuestion, Imported> {
        debug_assert_eq!(imported.annotations.len(), pending.len());
        if pending.iter().all(Option::is_none) {
            return Err(imported);
        }
        let labels = tally(pending.iter().flatten().map(String::as_str));
        Ok(LabelQuestion { imported, pending, labels })
    }

    /// The import and, per annotation, its waiting label: what crosses from the formats
    /// worker to the page, which asks the question ([`LabelQuestion::new`] again).
    pub fn into_parts(self) -> (Imported, Vec<Option<String>>) {
        (self.imported, self.pending)
    }

    pub fn source(&self) -> Source {
        self.imported.source
    }

    /// The distinct unknown labels, most frequent first, with how many spans carry each.
    pub fn labels(&self) -> &[LabelCount] {
        &self.labels
    }

    /// The import with each waiting annotation tagged as `map` says, or left out (and counted
    /// as skipped) when its label is mapped to skip. Labels the map lacks become Claims.
    pub fn apply(self, map: &LabelMap) -> Imported {
        let LabelQuestion { mut imported, pending, .. } = self;
        let mut kept = Vec::with_capacity(imported.annotations.len());
        for (mut a, label) in imported.annotations.into_iter().zip(pending) {
            match label.map(|l| map.choice(&l)) {
                Some(LabelChoice::Skip) => imported.skipped.add(SkipReason::LabelSkipped),
                Some(LabelChoice::Tag(tag)) => {
                    a.tag = tag;
                    kept.push(a);
                }
                None => kept.push(a),
            }
        }
        imported.annotations = kept;
        imported
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationId, Tag, Target};
    use crate::format::peer::Skipped;

    fn question() -> LabelQuestion {
        let ann = |n: u8| {
            crate::testing::annotation(
                AnnotationId::new_v4([n; 16]),
                Tag::Claim,
                Target { range: Default::default(), exact: "x".into(), prefix: String::new(), suffix: String::new() },
            )
        };
        let imported = Imported { source: Source::LabelStudio, annotations: (1..=4).map(ann).collect(), skipped: Skipped::default() };
        let pending = vec![Some("PER".into()), None, Some("ORG".into()), Some("PER".into())];
        LabelQuestion::new(imported, pending).expect("labels wait")
    }

    #[test]
    fn the_question_lists_labels_and_the_map_answers_it() {
        let q = question();
        let asked: Vec<(&str, usize)> = q.labels().iter().map(|c| (c.label.as_str(), c.count)).collect();
        assert_eq!(asked, vec![("PER", 2), ("ORG", 1)]);
        let map: LabelMap = [("PER", LabelChoice::Tag(Tag::Quote)), ("ORG", LabelChoice::Skip)].into_iter().collect();
        let done = q.apply(&map);
        let tags: Vec<Tag> = done.annotations.iter().map(|a| a.tag).collect();
        assert_eq!(tags, vec![Tag::Quote, Tag::Claim, Tag::Quote]);
        assert_eq!(done.skipped.to_string(), "1 skipped: label set to skip");
        let defaults = question().apply(&LabelMap::new());
        assert!(defaults.annotations.iter().all(|a| a.tag == Tag::Claim) && defaults.annotations.len() == 4, "unmapped: Claims");
    }

    #[test]
    fn no_waiting_label_asks_nothing() {
        let imported = Imported { source: Source::Doccano, annotations: Vec::new(), skipped: Skipped::default() };
        assert!(LabelQuestion::new(imported, Vec::new()).is_err());
    }
}
