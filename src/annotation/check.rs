//! The fact-check record: verdicts, evidence, speakers, figures and links kept on each annotation.
//!
//! Every field lives on every annotation, whatever its tag, so that re-tagging (and undoing
//! it) never loses work; the panel shows the fields that fit the tag:
//! * claims: verdict, rationale, evidence, speaker;
//! * quotes: speaker, verified, source URL;
//! * figures: parsed value, source (name and year), and a verification status, which is
//!   the `verdict` field read with the same scale as a claim's verdict;
//! * figures and quotes: links to the claims they support or contradict.

mod article_review;
mod evidence;
mod figure_source;
mod figure_value;
mod lazy;
mod link;
mod profile;
mod scale;
mod url;

pub use article_review::{credibility_rating, ArticleReview, DEFAULT_RATINGS, DEFAULT_TECHNIQUES};
pub use evidence::Evidence;
pub use figure_source::FigureSource;
pub use figure_value::{FigureValue, Kind, Qualifier, Unit};
pub use lazy::LazyCheck;
pub use link::{Link, Relation};
pub use profile::CheckerProfile;
pub use scale::VerdictScale;
pub use url::{typed_web_address, web_address, UrlError};

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
    /// The speaker was filled in by a suggestion the checker has not accepted or edited yet.
    #[serde(skip_serializing_if = "is_false")]
    pub speaker_suggested: bool,
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
    /// The claim as checked: a short, normalised wording (ClaimReview's `claimReviewed`);
    /// empty means the span's own text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub claim_reviewed: String,
    /// Whether the speaker is a person or an organisation (ClaimReview's claim author type).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_kind: Option<SpeakerKind>,
    /// A page that identifies the speaker (a Wikidata entry, their site): `sameAs`.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "url::deserialize_optional")]
    pub speaker_same_as: Option<String>,
    /// The published fact-check page of this claim, when it is not the profile's pattern.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "url::deserialize_optional")]
    pub review_url: Option<String>,
    /// Misleading techniques found in this span (names from the technique list).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub techniques: Vec<String>,
}

/// Who a speaker is, for the schema.org type of a claim's author.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
}

impl SpeakerKind {
    pub fn schema_type(self) -> &'static str {
        match self {
            SpeakerKind::Person => "Person",
            SpeakerKind::Organization => "Organization",
        }
    }

    /// The kind a name suggests when the checker has not said: organisation words
    /// ("Ministry", "Inc.", "Forbes" is not one of them, so it stays a person until set).
    pub fn guess(name: &str) -> SpeakerKind {
        const ORG_WORDS: &str = "ministry department agency office bank fund council commission committee government \
            party company corporation corp inc ltd llc plc group institute university association union federation \
            organization organisation service bureau authority police army court parliament senate congress news \
            times post journal reuters bloomberg forbes eurostat statistics unicef who imf nato un eu";
        let words = name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase);
        if words.into_iter().any(|w| ORG_WORDS.split_whitespace().any(|o| o == w)) {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        }
    }
}

/// The longest `claim_reviewed` Google suggests; the editor warns above it.
pub const SHORT_CLAIM_CHARS: usize = 75;

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
            speaker_suggested: true,
            verified: true,
            source_url: Some("https://example.org/video".into()),
            figure: Some(FigureValue::new(14.8e12, Unit::Currency("USD".into()))),
            figure_source: Some(FigureSource { name: "Forbes".into(), year: Some(2023) }),
            links: vec![Link { to: to.clone(), relation: Relation::Contradicts }],
            claim_reviewed: "Ukraine's minerals are worth $14.8tn".into(),
            speaker_kind: Some(SpeakerKind::Organization),
            speaker_same_as: Some("https://www.wikidata.org/wiki/Q212".into()),
            review_url: Some("https://desk.example/checks/1".into()),
            techniques: vec!["Cherry-picking".into()],
        };
        let v = serde_json::to_value(&check).unwrap();
        assert_eq!(v["links"], json!([{"to": "claim-1", "relation": "contradicts"}]));
        assert_eq!(v["verified"], json!(true));
        assert_eq!(v["speaker_kind"], json!("organization"));
        assert_eq!(serde_json::from_value::<Check>(v).unwrap(), check);
        assert!(!check.is_empty());
        assert_eq!(check.link_to(&to).map(|l| l.relation), Some(Relation::Contradicts));
    }

    #[test]
    fn speaker_kinds_from_names() {
        assert_eq!(SpeakerKind::guess("the Ministry of Finance"), SpeakerKind::Organization);
        assert_eq!(SpeakerKind::guess("Eurostat"), SpeakerKind::Organization);
        assert_eq!(SpeakerKind::guess("Volodymyr Zelensky"), SpeakerKind::Person);
        assert_eq!(SpeakerKind::Organization.schema_type(), "Organization");
        let err = serde_json::from_value::<Check>(json!({"speaker_same_as": "javascript:x"})).unwrap_err();
        assert!(err.to_string().contains("is not a web address"), "{err}");
    }

    #[test]
    fn a_bad_source_address_is_refused_when_read() {
        let err = serde_json::from_value::<Check>(json!({"source_url": "javascript:alert(1)"})).unwrap_err();
        assert!(err.to_string().contains("is not a web address"), "{err}");
        let none: Check = serde_json::from_value(json!({"source_url": null})).unwrap();
        assert_eq!(none.source_url, None);
    }
}
