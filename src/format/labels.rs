//! Labels of other tools' annotation schemes and the tags they become: the words known, and the caller's choice for the rest.
//!
//! Label Studio and doccano spans carry the labels of whatever scheme the annotator set up
//! ("PER", "Date", "Claim"). A label that is a tag word or a close synonym of one
//! ([`known_tag`]) sets the tag. Any other label is *unknown*: the import reports the
//! distinct unknown labels with how many spans carry each, and the caller chooses for each
//! a tag or to skip its spans, in a [`LabelMap`]. The label itself stays on the annotation
//! (its `labels`), whatever it was mapped to, so nothing of the source scheme is lost.

use crate::annotation::Tag;
use std::collections::BTreeMap;

/// Words read as a tag besides the tag words themselves, by tag. Kept short on purpose: a
/// label such as "Date" or "Person" could be any of the three, so the checker decides.
const SYNONYMS: [(Tag, &[&str]); 3] = [
    (Tag::Claim, &["claims", "assertion", "assertions"]),
    (Tag::Figure, &["figures", "number", "numbers", "statistic", "statistics", "stat", "stats"]),
    (Tag::Quote, &["quotes", "quotation", "quotations"]),
];

/// The tag a label names: a tag word or a synonym, in any case, ignoring surrounding space.
pub fn known_tag(label: &str) -> Option<Tag> {
    let label = label.trim();
    Tag::parse(label).or_else(|| SYNONYMS.iter().find(|(_, words)| words.iter().any(|w| w.eq_ignore_ascii_case(label))).map(|(t, _)| *t))
}

/// What spans with an unknown label become.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelChoice {
    Tag(Tag),
    /// Not imported; counted as skipped.
    Skip,
}

/// The caller's choice for each unknown label. A label it does not list becomes a
/// **Claim**, the most general tag, as an untagged W3C annotation does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelMap(BTreeMap<String, LabelChoice>);

impl LabelMap {
    pub fn new() -> LabelMap {
        LabelMap::default()
    }

    /// Sets the choice for `label` (as the file writes it, surrounding space ignored).
    pub fn set(&mut self, label: &str, choice: LabelChoice) {
        self.0.insert(label.trim().to_string(), choice);
    }

    /// The choice for `label`.
    pub fn choice(&self, label: &str) -> LabelChoice {
        self.0.get(label.trim()).copied().unwrap_or(LabelChoice::Tag(Tag::Claim))
    }
}

impl<'a> FromIterator<(&'a str, LabelChoice)> for LabelMap {
    fn from_iter<I: IntoIterator<Item = (&'a str, LabelChoice)>>(iter: I) -> LabelMap {
        let mut map = LabelMap::new();
        for (label, choice) in iter {
            map.set(label, choice);
        }
        map
    }
}

/// One distinct unknown label and how many spans carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelCount {
    pub label: String,
    pub count: usize,
}

/// The distinct labels with their counts, most frequent first (then by name), for the caller
/// to show in a mapping step.
pub fn tally<'a>(labels: impl IntoIterator<Item = &'a str>) -> Vec<LabelCount> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in labels {
        *counts.entry(l.trim()).or_default() += 1;
    }
    let mut out: Vec<LabelCount> = counts.into_iter().map(|(label, count)| LabelCount { label: label.to_string(), count }).collect();
    crate::sort::sort_by(&mut out, |a, b| (std::cmp::Reverse(a.count), &a.label) < (std::cmp::Reverse(b.count), &b.label));
    out
}

/// The tag of a span with these labels: that of the first known label, if any.
pub fn tag_of<'a>(labels: impl IntoIterator<Item = &'a str>) -> Option<Tag> {
    labels.into_iter().find_map(known_tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_words_and_few_synonyms_are_known() {
        assert_eq!(known_tag(" CLAIM "), Some(Tag::Claim));
        assert_eq!(known_tag("Number"), Some(Tag::Figure));
        assert_eq!(known_tag("Quotation"), Some(Tag::Quote));
        for unknown in ["Date", "PER", "ORG", "quoted", "", "claimant"] {
            assert_eq!(known_tag(unknown), None, "{unknown}");
        }
        assert_eq!(tag_of(["PER", "stat", "quote"]), Some(Tag::Figure), "the first known label decides");
        assert_eq!(tag_of(["PER"]), None);
    }

    #[test]
    fn maps_default_to_claim_and_tallies_sort_by_count() {
        let map: LabelMap = [("PER", LabelChoice::Tag(Tag::Quote)), (" MISC ", LabelChoice::Skip)].into_iter().collect();
        assert_eq!(map.choice("PER"), LabelChoice::Tag(Tag::Quote));
        assert_eq!(map.choice("MISC"), LabelChoice::Skip);
        assert_eq!(map.choice("per"), LabelChoice::Tag(Tag::Claim), "labels are case-sensitive, as the tools' schemes are");
        let t = tally(["ORG", "PER", "ORG ", "DATE"]);
        let pairs: Vec<(&str, usize)> = t.iter().map(|c| (c.label.as_str(), c.count)).collect();
        assert_eq!(pairs, vec![("ORG", 2), ("DATE", 1), ("PER", 1)]);
    }
}
