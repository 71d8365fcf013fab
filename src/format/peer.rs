//! What the readers of other tools' files hand over: the annotations found, and what they left out and why.

use super::w3c::W3cAnnotation;
use std::collections::BTreeMap;
use std::fmt;

/// Why one item of a file was not imported. A file that is malformed as a whole is refused by
/// its reader's error instead; these are the well-formed items Factmark has no place for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// Its target is a whole document (a bare address), not a passage of it.
    WholeDocument,
    /// It selects by something other than text: an image region, an element alone, or a
    /// position inside an element Factmark cannot locate.
    NoTextSelector,
    /// Its text selector places nothing: an empty quote, an empty or reversed position.
    EmptySelector,
    /// It is not a text span (a Label Studio choice, rating or relation).
    NotASpan,
    /// A doccano line without its text: its offsets point into nothing that can be quoted.
    NoText,
    /// The same span with the same label a second time in one item.
    Duplicate,
    /// A Label Studio model prediction, not a person's annotation.
    Prediction,
    /// Its label was mapped to "skip".
    LabelSkipped,
}

impl SkipReason {
    /// Every reason, in a fixed order (the formats worker sends a reason as its index).
    pub const ALL: [SkipReason; 8] = [
        SkipReason::WholeDocument,
        SkipReason::NoTextSelector,
        SkipReason::EmptySelector,
        SkipReason::NotASpan,
        SkipReason::NoText,
        SkipReason::Duplicate,
        SkipReason::Prediction,
        SkipReason::LabelSkipped,
    ];
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::WholeDocument => "targets a whole page, not a passage",
            SkipReason::NoTextSelector => "no text selector",
            SkipReason::EmptySelector => "empty text selector",
            SkipReason::NotASpan => "not a text span",
            SkipReason::NoText => "no text to quote",
            SkipReason::Duplicate => "duplicate",
            SkipReason::Prediction => "model prediction",
            SkipReason::LabelSkipped => "label set to skip",
        })
    }
}

/// How many items were left out, by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped(BTreeMap<SkipReason, usize>);

impl Skipped {
    pub fn add(&mut self, reason: SkipReason) {
        self.add_many(reason, 1);
    }

    pub fn add_many(&mut self, reason: SkipReason, n: usize) {
        *self.0.entry(reason).or_default() += n;
    }

    /// Adds what `other` skipped.
    pub fn merge(&mut self, other: Skipped) {
        for (reason, n) in other.0 {
            *self.0.entry(reason).or_default() += n;
        }
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many were left out for `reason`.
    #[cfg(test)]
    pub fn count(&self, reason: SkipReason) -> usize {
        self.0.get(&reason).copied().unwrap_or(0)
    }

    /// The reasons with their counts, in a fixed order.
    pub fn iter(&self) -> impl Iterator<Item = (SkipReason, usize)> + '_ {
        self.0.iter().map(|(r, n)| (*r, *n))
    }
}

/// "2 skipped: no text selector", or "3 skipped (2 no text selector, 1 duplicate)".
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.len() {
            0 => f.write_str("none skipped"),
            1 => write!(f, "{} skipped: {}", self.total(), self.0.keys().next().expect("one reason")),
            _ => {
                let parts: Vec<String> = self.iter().map(|(r, n)| format!("{n} {r}")).collect();
                write!(f, "{} skipped ({})", self.total(), parts.join(", "))
            }
        }
    }
}

/// One annotation read from another tool's file.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub annotation: W3cAnnotation,
    /// The label that is to decide its tag, set only when none of its labels is a tag word
    /// (Label Studio and doccano spans; see [`super::labels`]).
    pub label: Option<String>,
}

impl Found {
    /// An annotation whose tag is settled.
    pub fn tagged(annotation: W3cAnnotation) -> Found {
        Found { annotation, label: None }
    }
}

/// What a reader of another tool's file found in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeerRead {
    pub found: Vec<Found>,
    pub skipped: Skipped,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_are_counted_and_told() {
        let mut s = Skipped::default();
        assert_eq!(s.to_string(), "none skipped");
        s.add(SkipReason::NoTextSelector);
        s.add(SkipReason::NoTextSelector);
        assert_eq!(s.to_string(), "2 skipped: no text selector");
        s.add(SkipReason::Duplicate);
        assert_eq!((s.total(), s.count(SkipReason::Duplicate)), (3, 1));
        assert_eq!(s.to_string(), "3 skipped (2 no text selector, 1 duplicate)");
    }
}
