//! The fact-check record: verdicts, evidence, speakers, figures and links kept on each annotation.
//!
//! Every field lives on every annotation, whatever its tag, so that re-tagging (and undoing
//! it) never loses work; the panel shows the fields that fit the tag:
//! * claims: verdict, rationale, evidence, speaker;
//! * quotes: speaker, verified, source URL;
//! * figures: parsed value, source (name and year), and a verification status, which is
//!   the `verdict` field read with the same scale as a claim's verdict;
//! * figures and quotes: links to the claims they support or contradict.

mod evidence;
mod figure_source;
mod figure_value;
mod lazy;
mod link;
mod profile;
mod scale;
mod url;

pub use evidence::Evidence;
pub use figure_source::FigureSource;
pub use figure_value::{FigureValue, Kind, Qualifier, Unit};
pub use lazy::LazyCheck;
pub use link::{Link, Relation};
pub use profile::CheckerProfile;
pub use scale::{Rating, ScaleError, VerdictScale};
pub use url::{web_address, EvidenceError, UrlError};

use crate::annotation::AnnotationId;
use serde::{Deserialize, Serialize};

/// The fact-check fields of one annotation. Empty by default, and every empty field is left
/// out of the Factmark file, so files without fact-check work are unchanged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Check {
    /// A label of the verdict scale; `None` is "Not checked".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// Why the verdict was given (several lines).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Who made the claim or said the quote.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub speaker: String,
    /// A quote was checked against its source.
    #[serde(skip_serializing_if = "is_false")]
    pub verified: bool,
    /// Where a quote can be checked (an http or https address).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "url::deserialize_optional")]
    pub source_url: Option<String>,
    /// A figure's value, parsed from its text and then corrected by hand if need be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<FigureValue>,
    /// Who published a figure, and when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure_source: Option<FigureSource>,
    /// Claims this figure or quote supports or contradicts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Check {
    pub fn is_empty(&self) -> bool {
        *self == Check::default()
    }

    /// The link to `to`, if this annotation has one.
    pub fn link_to(&self, to: &AnnotationId) -> Option<&Link> {
        self.links.iter().find(|l| &l.to == to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_empty_check_writes_nothing() {
        assert_eq!(serde_json::to_value(Check::default()).unwrap(), json!({}));
        assert!(Check::default().is_empty());
        let back: Check = serde_json::from_value(json!({})).unwrap();
        assert!(back.is_empty());
    }

    #[test]
    fn every_field_round_trips() {
        let to = AnnotationId::parse("claim-1").unwrap();
        let check = Check {
            verdict: Some("Mostly true".into()),
            rationale: "Line one\nline two".into(),
            evidence: vec![Evidence::new("https://example.org/a", "Report").unwrap()],
            speaker: "Zelensky".into(),
            verified: true,
            source_url: Some("https://example.org/video".into()),
            figure: Some(FigureValue::new(14.8e12, Unit::Currency("USD".into()))),
            figure_source: Some(FigureSource { name: "Forbes".into(), year: Some(2023) }),
            links: vec![Link { to: to.clone(), relation: Relation::Contradicts }],
        };
        let v = serde_json::to_value(&check).unwrap();
        assert_eq!(v["links"], json!([{"to": "claim-1", "relation": "contradicts"}]));
        assert_eq!(v["verified"], json!(true));
        assert_eq!(serde_json::from_value::<Check>(v).unwrap(), check);
        assert!(!check.is_empty());
        assert_eq!(check.link_to(&to).map(|l| l.relation), Some(Relation::Contradicts));
    }

    #[test]
    fn a_bad_source_address_is_refused_when_read() {
        let err = serde_json::from_value::<Check>(json!({"source_url": "javascript:alert(1)"})).unwrap_err();
        assert!(err.to_string().contains("is not a web address"), "{err}");
        let none: Check = serde_json::from_value(json!({"source_url": null})).unwrap();
        assert_eq!(none.source_url, None);
    }
}
