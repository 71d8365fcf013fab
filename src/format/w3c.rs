//! W3C Web Annotation JSON (the exchange format of Hypothesis, Recogito, Label Studio and others): import and export.
//!
//! Import is two steps, because a W3C file does not say its offset unit: [`parse`] reads
//! the JSON into [`W3cAnnotation`]s, then [`to_annotations`] checks their offsets against
//! the article text (code points, as the model says, or UTF-16 code units, as most tools
//! write) and builds [`Annotation`]s, which [`Workspace::load`] then anchors.
//!
//! What is read: an annotation object, an array of them, an `AnnotationPage` (`items`) or an
//! `AnnotationCollection` (with `items`, or embedded `first`/`next` pages). From each: the
//! `id`, `created`, `modified` (or Hypothesis' `updated`), the first target with a
//! `TextQuoteSelector` and/or `TextPositionSelector`, and the bodies:
//! * a body with purpose `tagging` whose value is claim, figure or quote (any case) gives
//!   the tag; so does such a value in a body without purpose. Other tags are ignored;
//!   with no tag at all, the annotation is a **Claim**, the most general of the three;
//! * the first body with purpose `assessing` whose value is a short one-line label ("Mostly
//!   false") is the **verdict**, kept as written even when the scale lacks it;
//! * a body with purpose `linking` is **evidence**: its `source` (or `id`) is the address,
//!   its `title` the title; addresses that are not http or https are dropped;
//! * a body with purpose `commenting` or `describing`, another `assessing` body, or a body
//!   without purpose (or a `bodyValue`) is part of the note; several are joined with a
//!   blank line.
//!
//! * a body with purpose `identifying` is the **speaker**.
//!
//! Factmark's own exports also carry each annotation's whole fact-check record as `fm:check`
//! (rationale, figure value and source, quote source, links, …; the Factmark file's `check`
//! object as a JSON literal) and `fm:extra`; read back, the record is taken from it and only
//! `commenting` bodies make the note, so Factmark → W3C → Factmark loses nothing. Ids are
//! IRIs in the file and Factmark ids here (`ids.rs`).
//!
//! An item whose target selects no text (a bare page address, an image region, a position
//! inside an element) is skipped and counted by reason ([`W3cFile::skipped`]), so that a
//! collection mixing text and image annotations imports its text ones. An item with no
//! target at all, or an element of the wrong shape, is a malformed file: nothing is read.
//!
//! [`Workspace::load`]: crate::workspace::Workspace::load

mod array;
mod ids;
#[cfg(test)]
pub(crate) mod must;
mod read;
mod resolve;
pub(crate) mod selector;
mod write;

use super::peer::Skipped;
#[cfg(test)]
use super::JsonError;
use crate::annotation::{Check, Tag};
use crate::time::Timestamp;
use std::fmt;

pub use array::ArrayItems;
#[cfg(test)]
pub use resolve::to_annotations;
pub use resolve::Resolver;
pub(crate) use resolve::Utf16Index;
pub use write::serialize;

/// A `TextQuoteSelector`: the quoted text and the context around it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// One annotation as read from W3C JSON, before its offsets are checked against a text.
#[derive(Clone, Debug, PartialEq)]
pub struct W3cAnnotation {
    /// The `id` as written, without a `urn:uuid:` prefix; `None` when absent.
    pub id: Option<String>,
    pub tag: Tag,
    pub note: String,
    /// Its Factmark record (`fm:check`) when it has one; else the verdict from the first
    /// short `assessing` body, the evidence from `linking` bodies with an http(s) address
    /// and the speaker from the first `identifying` body.
    pub check: Check,
    /// The Factmark fields of newer files (`fm:extra`).
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub quote: Option<QuoteSelector>,
    /// The `TextPositionSelector` as written; its unit is decided by [`to_annotations`].
    pub position: Option<(usize, usize)>,
    pub created: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    /// Who made it, as the file names them.
    pub creator: Option<String>,
    /// Tags besides the tag word, once each, as written.
    pub labels: Vec<String>,
}

/// What a W3C file holds: its annotations, and the items that select no text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct W3cFile {
    pub annotations: Vec<W3cAnnotation>,
    pub skipped: Skipped,
}

/// Why a text could not be read as W3C Web Annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum W3cError {
    /// Not JSON at all (the page reports this itself, before the W3C reader is reached).
    #[cfg(test)]
    Json(JsonError),
    /// JSON, but no annotation, page or collection in it.
    NotW3c,
    /// A collection whose pages are linked by address instead of included.
    PagesNotIncluded,
    /// Item number `n` (1-based, in file order) has no target: it is no annotation.
    NoTarget(usize),
}

impl fmt::Display for W3cError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            #[cfg(test)]
            W3cError::Json(e) => write!(f, "it is not valid JSON ({e})"),
            W3cError::NotW3c => f.write_str("it is JSON of another kind: no W3C annotation (an object with a \"target\") was found in it"),
            W3cError::PagesNotIncluded => f.write_str("it is a W3C annotation collection whose pages are only linked, not included; export the annotations themselves (an AnnotationPage or a list)"),
            W3cError::NoTarget(n) => write!(f, "item {n} is not a W3C annotation: it has no \"target\" saying which passage it is about"),
        }
    }
}

impl std::error::Error for W3cError {}

/// Reads W3C Web Annotation JSON. Every item must have a target; the first that has none is
/// reported by its number. Items whose target selects no text are skipped and counted.
#[cfg(test)]
pub fn parse(json: &str) -> Result<W3cFile, W3cError> {
    read::read(json)
}

/// [`parse`] for JSON already parsed (so a file is parsed once to find out what it is).
pub fn parse_value(value: &serde_json::Value) -> Result<W3cFile, W3cError> {
    read::read_value(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::{anchor, Anchoring, Method};
    use crate::annotation::{AnnotationId, Target};
    use crate::article::Article;
    use crate::testing::Rng;
    use crate::text::CharRange;
    use crate::workspace::Workspace;

    fn id(n: u8) -> AnnotationId {
        AnnotationId::new_v4([n; 16])
    }

    fn range_of(w: &Workspace, needle: &str) -> CharRange {
        let text: String = w.text().chars().iter().collect();
        let s = text[..text.find(needle).unwrap()].chars().count();
        CharRange::new(s, s + needle.chars().count()).unwrap()
    }

    fn sample_ws() -> Workspace {
        let mut w = Workspace::new(Article::default_article());
        let outer = range_of(&w, "the total value of Ukraine’s mineral resources");
        let inner = range_of(&w, "mineral resources is estimated");
        w.create(outer, Tag::Claim, id(1), Timestamp(1_738_702_680_000)).unwrap();
        w.create(inner, Tag::Figure, id(2), Timestamp(1_738_702_681_000)).unwrap();
        w.set_note(
            &id(2),
            "Check \"this\" <script>alert(1)</script> 😀\n\nsecond para 👩\u{200d}👩\u{200d}👧",
            Timestamp(1_738_702_690_000),
        );
        w.create(range_of(&w, "Zelensky"), Tag::Quote, id(3), Timestamp(5)).unwrap();
        let lost =
            Target { range: CharRange::new(3, 9).unwrap(), exact: "Crimea bridge".into(), prefix: String::new(), suffix: String::new() };
        let mut orphan = w.annotations().get(&id(3)).unwrap().clone();
        (orphan.id, orphan.target, orphan.note) = (AnnotationId::parse("legacy-7").unwrap(), lost, "kept".into());
        w.load(vec![orphan]);
        w
    }

    #[test]
    fn round_trip_through_w3c_keeps_every_annotation() {
        let w = sample_ws();
        let json = serialize(&w);
        let parsed = parse(&json).unwrap().annotations;
        assert_eq!(parsed.len(), 4);
        let mut w2 = Workspace::new(Article::default_article());
        let report = w2.load(to_annotations(parsed, w2.text().chars(), Timestamp(99)));
        assert_eq!((report.anchored, report.moved, report.orphaned), (3, 0, 1));
        for a in w.annotations().iter() {
            let b = w2.annotations().get(&a.id).unwrap_or_else(|| panic!("{} lost", a.id));
            assert_eq!((b.tag, &b.note, b.created, b.modified, b.status), (a.tag, &a.note, a.created, a.modified, a.status), "{}", a.id);
            assert_eq!(b.target.exact, a.target.exact);
            if !a.is_orphan() {
                assert_eq!(b.target, a.target);
            }
        }
        assert!(json.contains("\"source\": \"urn:sha256:"), "no source URL: the text's fingerprint");
    }

    #[test]
    fn factmark_to_w3c_to_factmark_loses_nothing() {
        let mut rng = Rng::new(23);
        for round in 0..20 {
            let w = crate::testing::filled_workspace(&mut rng, 12);
            let parsed = parse(&serialize(&w)).unwrap().annotations;
            let mut w2 = Workspace::new(Article::default_article());
            let report = w2.load(to_annotations(parsed, w2.text().chars(), Timestamp(0)));
            assert_eq!(report.orphaned, w.annotations().iter().filter(|a| a.is_orphan()).count(), "round {round}");
            assert_eq!(w2.annotations().len(), w.annotations().len(), "round {round}");
            for a in w.annotations().iter() {
                let b = w2.annotations().get(&a.id).unwrap_or_else(|| panic!("round {round}: {} lost", a.id));
                if a.is_orphan() {
                    // Its last position is not in this text, so the export leaves it out.
                    assert_eq!((&b.target.exact, b.status, &b.check, &b.note), (&a.target.exact, a.status, &a.check, &a.note));
                } else {
                    assert_eq!(b, a, "round {round}");
                }
            }
        }
    }

    #[test]
    fn other_readers_see_verdict_rationale_speaker_and_evidence_as_standard_bodies() {
        let w = crate::testing::filled_workspace(&mut Rng::new(5), 3);
        let v: serde_json::Value = serde_json::from_str(&serialize(&w)).unwrap();
        let a = w.annotations().iter().next().unwrap();
        let item =
            v["first"]["items"].as_array().unwrap().iter().find(|i| i["fm:check"]["rationale"] == a.check.rationale.as_str()).unwrap();
        let body = |purpose: &str| item["body"].as_array().unwrap().iter().find(|b| b["purpose"] == purpose).cloned().unwrap();
        assert_eq!(body("assessing")["value"], a.check.verdict.as_deref().unwrap());
        assert_eq!(body("describing")["value"], a.check.rationale.as_str());
        assert_eq!(body("identifying")["value"], a.check.speaker.trim());
        assert_eq!(body("linking")["source"], a.check.evidence[0].url.as_str());
        // Without the Factmark record, the standard bodies still give verdict, speaker and evidence.
        let mut stripped = item.clone();
        stripped.as_object_mut().unwrap().remove("fm:check");
        let back = parse(&stripped.to_string()).unwrap().annotations.remove(0);
        assert_eq!((&back.check.verdict, &back.check.evidence), (&a.check.verdict, &a.check.evidence));
        assert!(back.note.contains(a.note.as_str()) && back.note.contains(a.check.rationale.as_str()), "the rationale joins the note");
    }

    #[test]
    fn utf16_positions_from_other_tools_land_on_the_right_words() {
        let article = Article {
            title: "Emoji 😀 test".into(),
            paragraphs: vec!["The family 👩\u{200d}👩\u{200d}👧 went to Kyiv 😀 yesterday.".into()],
            ..Article::default()
        };
        let w = Workspace::new(article);
        let text: String = w.text().chars().iter().collect();
        // As a browser tool counts it: UTF-16 code units.
        let byte = text.find("went to Kyiv").unwrap();
        let start16 = text[..byte].encode_utf16().count();
        let json = format!(
            r#"{{"type": "Annotation", "body": {{"type": "TextualBody", "purpose": "tagging", "value": "Quote"}},
                "target": {{"selector": [{{"type": "TextPositionSelector", "start": {start16}, "end": {}}},
                                         {{"type": "TextQuoteSelector", "exact": "went to Kyiv"}}]}}}}"#,
            start16 + 12
        );
        let anns = to_annotations(parse(&json).unwrap().annotations, w.text().chars(), Timestamp(0));
        let expected = range_of(&w, "went to Kyiv");
        assert_ne!(expected.start(), start16, "the emoji make the two units differ");
        assert_eq!(anns[0].target.range, expected);
        assert_eq!(anns[0].tag, Tag::Quote);
        assert_eq!(anchor(w.text().chars(), &anns[0].target), Anchoring::Anchored { range: expected, method: Method::Position });
    }

    #[test]
    fn random_mutations_never_panic() {
        let w = sample_ws();
        let base = serialize(&w);
        let mut rng = Rng::new(17);
        // Every string literal and number of the file, to swap around while keeping it JSON.
        let tokens: Vec<&str> = base.split(['\n', ',', ':', '[', ']', '{', '}']).map(str::trim).filter(|t| !t.is_empty()).collect();
        let mut still_valid = 0;
        for round in 0..3000 {
            let mut bytes = base.clone().into_bytes();
            if round % 2 == 0 {
                for _ in 0..=rng.below(6) {
                    let i = rng.below(bytes.len());
                    bytes[i] = rng.next_u64() as u8;
                }
                if rng.below(3) == 0 {
                    bytes.truncate(rng.below(bytes.len() + 1));
                }
            } else {
                let mut text = base.clone();
                for _ in 0..=rng.below(4) {
                    let from = tokens[rng.below(tokens.len())];
                    let to = if rng.below(2) == 0 { tokens[rng.below(tokens.len())].to_string() } else { rng.below(5000).to_string() };
                    text = text.replacen(from, &to, 1);
                }
                bytes = text.into_bytes();
            }
            if let Ok(parsed) = parse(&String::from_utf8_lossy(&bytes)) {
                still_valid += 1;
                let mut w2 = Workspace::new(Article::default_article());
                w2.load(to_annotations(parsed.annotations, w2.text().chars(), Timestamp(0)));
            }
        }
        for _ in 0..500 {
            let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next_u64() as u8).collect();
            assert!(parse(&String::from_utf8_lossy(&bytes)).is_err());
        }
        assert!(still_valid > 300, "enough mutations should still parse for to_annotations to be exercised ({still_valid})");
    }

    #[test]
    fn errors_say_what_to_do() {
        assert!(matches!(parse("{\n  \"target\": oops\n}"), Err(W3cError::Json(e)) if (e.line, e.column) == (2, 13)));
        assert!(W3cError::NoTarget(3).to_string().starts_with("item 3 is not a W3C annotation"));
        assert!(W3cError::NotW3c.to_string().contains("another kind"));
    }
}
