//! The verdict scale: the labels a checker picks from, and their ClaimReview rating numbers.
//!
//! schema.org's `Rating` wants numbers, best to worst, and the numbers follow the scale as
//! the checker lists it, first = best: with `m` labels that can be rated, the first is `m` and
//! the last is 1 (`bestRating` m, `worstRating` 1). Labels that mean "cannot be rated"
//! ([`UNRATED`]: Unverifiable, Unproven, Satire, …) get no number, and neither does a label
//! the scale no longer lists; ClaimReview then carries the label alone (`alternateName`,
//! `name`). A checker who wants Misleading between Half true and False lists it there.
//!
//! The default scale thus rates True 6, Mostly true 5, Half true 4, Mostly false 3, False 2,
//! Misleading 1 and Unverifiable not at all.
use serde::{Deserialize, Serialize};
use std::fmt;

/// Labels (lower case) that cannot be placed on a true–false ladder.
pub const UNRATED: [&str; 9] =
    ["unverifiable", "unverified", "unproven", "not verifiable", "cannot be verified", "no evidence", "satire", "opinion", "not checked"];

/// The labels a verdict is chosen from, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VerdictScale {
    pub labels: Vec<String>,
}

impl Default for VerdictScale {
    fn default() -> Self {
        let labels = ["True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Unverifiable"];
        VerdictScale { labels: labels.map(str::to_string).to_vec() }
    }
}

/// A verdict as schema.org `Rating` numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rating {
    pub value: u32,
    pub best: u32,
    pub worst: u32,
}

/// Why a list of labels is not a usable scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScaleError {
    Empty,
    Duplicate(String),
}

impl fmt::Display for ScaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaleError::Empty => f.write_str("List at least one verdict, one per line."),
            ScaleError::Duplicate(l) => write!(f, "The verdict “{l}” is listed twice; each verdict must be different."),
        }
    }
}

impl std::error::Error for ScaleError {}

fn key(label: &str) -> String {
    label.trim().to_lowercase()
}

impl VerdictScale {
    /// A scale from a list of labels, trimmed; blank labels are skipped, and the same label
    /// twice (in any case) is refused.
    pub fn new<S: AsRef<str>>(labels: impl IntoIterator<Item = S>) -> Result<VerdictScale, ScaleError> {
        let mut out: Vec<String> = Vec::new();
        for label in labels {
            let label = label.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
            if label.is_empty() {
                continue;
            }
            if out.iter().any(|l| key(l) == key(&label)) {
                return Err(ScaleError::Duplicate(label));
            }
            out.push(label);
        }
        if out.is_empty() {
            return Err(ScaleError::Empty);
        }
        Ok(VerdictScale { labels: out })
    }

    /// A scale from labels stored earlier (a file): like [`VerdictScale::new`], but the second
    /// of two equal labels is dropped, and no label at all gives the default scale, so that
    /// a file is never refused for its settings.
    pub fn tidy<S: AsRef<str>>(labels: impl IntoIterator<Item = S>) -> VerdictScale {
        let mut out: Vec<String> = Vec::new();
        for label in labels {
            let label = label.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
            if !label.is_empty() && !out.iter().any(|l| key(l) == key(&label)) {
                out.push(label);
            }
        }
        if out.is_empty() {
            VerdictScale::default()
        } else {
            VerdictScale { labels: out }
        }
    }

    /// A scale from typed text, one label per line (see [`VerdictScale::new`]).
    pub fn from_lines(text: &str) -> Result<VerdictScale, ScaleError> {
        VerdictScale::new(text.lines())
    }

    /// The labels, one per line (what [`VerdictScale::from_lines`] reads).
    pub fn to_lines(&self) -> String {
        self.labels.join("\n")
    }

    /// The scale's own spelling of `label`, matched without regard to case or spaces.
    pub fn find(&self, label: &str) -> Option<&str> {
        self.labels.iter().find(|l| key(l) == key(label)).map(String::as_str)
    }

    fn ladder(&self) -> Vec<&str> {
        self.labels.iter().map(String::as_str).filter(|l| !UNRATED.contains(&key(l).as_str())).collect()
    }

    /// The rating numbers of `label` (see the module documentation); `None` for a label that
    /// cannot be rated or is not on this scale.
    pub fn rating(&self, label: &str) -> Option<Rating> {
        let label = self.find(label)?;
        let ladder = self.ladder();
        let best = u32::try_from(ladder.len()).ok().filter(|&m| m > 0)?;
        let value = best - ladder.iter().position(|l| *l == label)? as u32;
        Some(Rating { value, best, worst: 1 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &VerdictScale) -> Vec<Option<u32>> {
        s.labels.iter().map(|l| s.rating(l).map(|r| r.value)).collect()
    }

    #[test]
    fn default_scale_ratings() {
        let s = VerdictScale::default();
        assert_eq!(s.labels.len(), 7);
        assert_eq!(values(&s), vec![Some(6), Some(5), Some(4), Some(3), Some(2), Some(1), None], "in the order listed");
        assert_eq!(s.rating("false"), Some(Rating { value: 2, best: 6, worst: 1 }), "any case");
        assert_eq!(s.rating("Pants on fire"), None, "not on the scale");
        assert_eq!(s.find(" mostly TRUE "), Some("Mostly true"));
    }

    #[test]
    fn custom_scales_spread_first_best() {
        let s = VerdictScale::from_lines("Correct\n\n  Partly correct \nWrong\nMissing context\nSatire\n").unwrap();
        assert_eq!(s.labels, vec!["Correct", "Partly correct", "Wrong", "Missing context", "Satire"]);
        assert_eq!(values(&s), vec![Some(4), Some(3), Some(2), Some(1), None]);
        assert_eq!(s.rating("Correct").map(|r| (r.best, r.worst)), Some((4, 1)));
        let two = VerdictScale::from_lines("Accurate\nMisleading\nInaccurate").unwrap();
        assert_eq!(values(&two), vec![Some(3), Some(2), Some(1)], "Misleading where the checker put it");
        let none = VerdictScale::from_lines("Unproven").unwrap();
        assert_eq!(values(&none), vec![None]);
        let long = VerdictScale::from_lines(&(1..=9).map(|i| format!("Level {i}")).collect::<Vec<_>>().join("\n")).unwrap();
        assert_eq!(values(&long), (1..=9).rev().map(Some).collect::<Vec<_>>());
    }

    #[test]
    fn typed_scales_are_checked() {
        assert_eq!(VerdictScale::from_lines(" \n\n"), Err(ScaleError::Empty));
        assert_eq!(VerdictScale::from_lines("True\nFalse\ntrue"), Err(ScaleError::Duplicate("true".into())));
        assert!(ScaleError::Duplicate("true".into()).to_string().contains("listed twice"));
        let s = VerdictScale::default();
        assert_eq!(VerdictScale::from_lines(&s.to_lines()).unwrap(), s);
        assert_eq!(serde_json::to_value(&s).unwrap()[0], "True");
        assert_eq!(VerdictScale::new(["  Half \n true ", "False"]).unwrap().labels, vec!["Half true", "False"]);
        assert_eq!(VerdictScale::tidy(["A", " a ", "", "B"]).labels, vec!["A", "B"]);
        assert_eq!(VerdictScale::tidy(Vec::<String>::new()), VerdictScale::default());
    }
}
