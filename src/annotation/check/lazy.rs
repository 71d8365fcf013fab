//! `LazyCheck`: an annotation's fact-check fields, allocated only once one is filled in.
//!
//! Most annotations never get a verdict or evidence, yet `Check` is about 250 bytes inline;
//! kept in place it more than doubled each annotation in the set and in every undo step.
//! Reads see an empty `Check` when there is none; the first write allocates it.

use super::Check;
use std::ops::{Deref, DerefMut};

/// The empty fields every unchecked annotation reads.
static EMPTY: Check = Check {
    verdict: None,
    rationale: String::new(),
    evidence: Vec::new(),
    speaker: String::new(),
    speaker_suggested: false,
    verified: false,
    source_url: None,
    figure: None,
    figure_source: None,
    links: Vec::new(),
    claim_reviewed: String::new(),
    speaker_kind: None,
    speaker_same_as: None,
    review_url: None,
    techniques: Vec::new(),
};

#[derive(Clone, Debug, Default)]
pub struct LazyCheck(Option<Box<Check>>);

impl Deref for LazyCheck {
    type Target = Check;
    fn deref(&self) -> &Check {
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl DerefMut for LazyCheck {
    fn deref_mut(&mut self) -> &mut Check {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<Check> for LazyCheck {
    fn from(c: Check) -> LazyCheck {
        LazyCheck((!c.is_empty()).then(|| Box::new(c)))
    }
}

/// Equal when the fields are, whether or not they were ever allocated.
impl PartialEq for LazyCheck {
    fn eq(&self, other: &LazyCheck) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_until_written_and_equal_either_way() {
        let mut c = LazyCheck::default();
        assert!(c.is_empty() && c.0.is_none());
        assert_eq!(c, LazyCheck::from(Check::default()));
        assert!(LazyCheck::from(Check::default()).0.is_none(), "an empty check is not allocated");
        c.verdict = Some("False".into());
        assert!(c.0.is_some());
        assert_eq!(c.verdict.as_deref(), Some("False"));
        c.verdict = None;
        assert_eq!(c, LazyCheck::default(), "allocated but empty equals never allocated");
        assert_eq!(EMPTY, Check::default(), "the shared empty fields are the default ones");
    }
}
