//! Links from a figure or a quote to the claim it supports or contradicts.

use crate::annotation::AnnotationId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a figure or quote bears on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Supports,
    Contradicts,
}

impl Relation {
    pub const ALL: [Relation; 2] = [Relation::Supports, Relation::Contradicts];

    /// The word used in files ("supports").
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
        }
    }

    /// Seen from the claim's side: "Supported by", "Contradicted by".
    pub fn passive_label(self) -> &'static str {
        match self {
            Relation::Supports => "Supported by",
            Relation::Contradicts => "Contradicted by",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Relation {
    /// Seen from the figure's or quote's side: "Supports", "Contradicts".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Relation::Supports => "Supports",
            Relation::Contradicts => "Contradicts",
        })
    }
}

/// A link kept on the figure or quote. The claim learns of it through
/// [`AnnotationSet::backlinks`](crate::annotation::AnnotationSet::backlinks), so there is one
/// copy and nothing to keep in step. A link may outlive its claim (deleted, or not in an
/// imported file); readers skip links whose claim is missing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    pub to: AnnotationId,
    pub relation: Relation,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn words_and_labels() {
        assert_eq!(Relation::parse(" Contradicts "), Some(Relation::Contradicts));
        assert_eq!(Relation::parse("refutes"), None);
        assert_eq!(Relation::Supports.to_string(), "Supports");
        assert_eq!(Relation::Contradicts.passive_label(), "Contradicted by");
    }

    #[test]
    fn json_shape() {
        let l = Link { to: AnnotationId::parse("c1").unwrap(), relation: Relation::Supports };
        assert_eq!(serde_json::to_value(&l).unwrap(), json!({"to": "c1", "relation": "supports"}));
        assert!(serde_json::from_value::<Link>(json!({"to": "has space", "relation": "supports"})).is_err());
        assert!(serde_json::from_value::<Link>(json!({"to": "c1", "relation": "refutes"})).is_err());
    }
}
