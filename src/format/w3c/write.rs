//! Writing a workspace as a W3C AnnotationCollection (JSON-LD) with quote and code-point position selectors.

use super::ids::{annotation_iri, derived_uuid};
use crate::annotation::{Annotation, Check};
use crate::workspace::Workspace;
use serde::Serialize;
use serde_json::{json, Map, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The Factmark terms: `fm:check` carries an annotation's whole fact-check record, as the
/// Factmark file writes it (a JSON literal), and `fm:extra` the fields Factmark keeps from
/// newer files; with them a W3C export reads back into Factmark without loss.
pub const FACTMARK_NS: &str = "urn:factmark:ns:";

fn context() -> Value {
    json!([CONTEXT, {
        "fm": FACTMARK_NS,
        "fm:check": {"@id": "fm:check", "@type": "@json"},
        "fm:extra": {"@id": "fm:extra", "@type": "@json"}
    }])
}

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: Value,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: Value,
    /// Who made it in the tool it was imported from; absent for annotations made here.
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<String>,
    created: String,
    modified: String,
    body: Vec<Body>,
    target: Target,
    #[serde(rename = "fm:check", skip_serializing_if = "Option::is_none")]
    check: Option<Check>,
    #[serde(rename = "fm:extra", skip_serializing_if = "Map::is_empty")]
    extra: Map<String, Value>,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    /// A linked page (evidence).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
}

impl Body {
    fn text(purpose: &'static str, value: &str, format: Option<&'static str>) -> Body {
        Body { kind: "TextualBody", purpose, value: Some(value.to_string()), format, source: None, title: None }
    }
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector { exact: String, prefix: String, suffix: String },
    TextPositionSelector { start: usize, end: usize },
}

/// Writes the workspace as one `AnnotationCollection` with an embedded page.
///
/// Each annotation has a tagging body (claim, figure or quote), then one per label, and, when it has a note, a
/// commenting body in plain text; a verdict is an `assessing` body whose value is the label,
/// and each piece of evidence a `linking` `SpecificResource` with the address as `source`
/// (and its `title`). The motivations list the purposes used. The target's `source` is the article's URL, or
/// `urn:sha256:<hex>` of its text when the URL is unknown. Positions are code points, as
/// the W3C model defines them. Orphans are written with the quote selector only: their last
/// position is not in this text. UUID ids are written as `urn:uuid:` IRIs (and read back
/// without the prefix); other ids are written as they are.
pub fn serialize(ws: &Workspace) -> String {
    let source = ws.article().url.clone().unwrap_or_else(|| format!("urn:sha256:{}", ws.sha256()));
    let items: Vec<Item> = ws.annotations().iter().map(|a| item(a, &source)).collect();
    // The same article's exports share their ids: they name its annotations, not a moment.
    let doc = Collection {
        context: context(),
        id: format!("urn:uuid:{}", derived_uuid(&format!("collection {}", ws.sha256()))),
        kind: "AnnotationCollection",
        label: ws.article().display_title(),
        total: items.len(),
        first: Page {
            id: format!("urn:uuid:{}", derived_uuid(&format!("page 1 {}", ws.sha256()))),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    // JSON-LD, so pasted into pages: safe inside a `<script>` element.
    crate::format::script_safe(serde_json::to_string_pretty(&doc).expect("plain data always serialises"))
}

fn item(a: &Annotation, source: &str) -> Item {
    let mut body = vec![Body::text("tagging", a.tag.as_str(), None)];
    // Written after the tag, so that a reader taking the first tag word gets the tag.
    body.extend(a.labels().iter().map(|l| Body::text("tagging", l, None)));
    if !a.note.is_empty() {
        body.push(Body::text("commenting", &a.note, Some("text/plain")));
    }
    if let Some(verdict) = &a.check.verdict {
        body.push(Body::text("assessing", verdict, None));
    }
    if !a.check.rationale.trim().is_empty() {
        body.push(Body::text("describing", &a.check.rationale, Some("text/plain")));
    }
    if !a.check.speaker.trim().is_empty() {
        body.push(Body::text("identifying", &a.check.speaker, None));
    }
    for e in &a.check.evidence {
        let title = (!e.title.is_empty()).then(|| e.title.clone());
        body.push(Body { kind: "SpecificResource", purpose: "linking", value: None, format: None, source: Some(e.url.clone()), title });
    }
    let mut purposes: Vec<&str> = body.iter().map(|b| b.purpose).collect();
    purposes.dedup();
    let t = &a.target;
    let mut selector = vec![Selector::TextQuoteSelector { exact: t.exact.clone(), prefix: t.prefix.clone(), suffix: t.suffix.clone() }];
    if !a.is_orphan() {
        selector.push(Selector::TextPositionSelector { start: t.range.start(), end: t.range.end() });
    }
    Item {
        id: annotation_iri(a.id.as_str()),
        kind: "Annotation",
        motivation: if purposes.len() == 1 { json!(purposes[0]) } else { json!(purposes) },
        creator: (!a.creator().is_empty()).then(|| a.creator().to_string()),
        created: a.created.to_rfc3339(),
        modified: a.modified.to_rfc3339(),
        body,
        target: Target { source: source.to_string(), selector },
        check: (!a.check.is_empty()).then(|| (*a.check).clone()),
        extra: a.extra.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationId, Tag};
    use crate::article::Article;
    use crate::text::CharRange;
    use crate::time::Timestamp;

    fn ws() -> Workspace {
        let mut w = Workspace::new(Article {
            title: "T 😀".into(),
            paragraphs: vec!["one two three".into()],
            url: Some("https://example.org/a".into()),
            ..Article::default()
        });
        w.create(CharRange::new(9, 12).unwrap(), Tag::Figure, AnnotationId::new_v4([7; 16]), Timestamp(0)).unwrap();
        w
    }

    #[test]
    fn shape_of_the_collection() {
        let v: Value = serde_json::from_str(&serialize(&ws())).unwrap();
        assert_eq!(v["@context"][0], CONTEXT);
        assert_eq!((v["type"].as_str(), v["total"].as_u64(), v["label"].as_str()), (Some("AnnotationCollection"), Some(1), Some("T 😀")));
        let a = &v["first"]["items"][0];
        assert_eq!(a["id"], "urn:uuid:07070707-0707-4707-8707-070707070707");
        assert_eq!((a["type"].as_str(), a["motivation"].as_str()), (Some("Annotation"), Some("tagging")));
        assert_eq!(a["created"], "1970-01-01T00:00:00.000Z");
        assert_eq!(a["body"], json!([{"type": "TextualBody", "purpose": "tagging", "value": "figure"}]));
        assert_eq!(a["target"]["source"], "https://example.org/a");
        assert_eq!(
            a["target"]["selector"][0],
            json!({"type": "TextQuoteSelector", "exact": "two", "prefix": "T 😀\n\none ", "suffix": " three"})
        );
        assert_eq!(a["target"]["selector"][1], json!({"type": "TextPositionSelector", "start": 9, "end": 12}));
    }

    #[test]
    fn exports_break_no_must_rule_of_the_data_model() {
        let mut rng = crate::testing::Rng::new(41);
        for n in [0, 1, 12] {
            let w = crate::testing::filled_workspace(&mut rng, n.max(1));
            let w = if n == 0 { Workspace::new(w.article().clone()) } else { w };
            let v: Value = serde_json::from_str(&serialize(&w)).unwrap();
            assert_eq!(super::super::must::violations(&v), Vec::<String>::new(), "{n} annotations");
            assert!(v["id"].as_str().unwrap().starts_with("urn:uuid:") && v["first"]["id"] != v["id"]);
        }
        let v: Value = serde_json::from_str(&serialize(&ws())).unwrap();
        let w2: Value = serde_json::from_str(&serialize(&ws())).unwrap();
        assert_eq!(v["id"], w2["id"], "one article's collection keeps its id");
    }

    #[test]
    fn a_note_adds_a_commenting_body() {
        let mut w = ws();
        let id = AnnotationId::new_v4([7; 16]);
        w.set_note(&id, "<b>not html</b> 😀", Timestamp(1));
        let v: Value = serde_json::from_str(&serialize(&w)).unwrap();
        let a = &v["first"]["items"][0];
        assert_eq!(
            a["body"][1],
            json!({"type": "TextualBody", "purpose": "commenting", "value": "<b>not html</b> 😀", "format": "text/plain"})
        );
        assert_eq!(a["motivation"], json!(["tagging", "commenting"]));
        assert_eq!(a["modified"], "1970-01-01T00:00:00.001Z");
    }

    #[test]
    fn verdict_and_evidence_bodies() {
        let mut w = ws();
        let id = AnnotationId::new_v4([7; 16]);
        w.set_verdict(&id, Some("Mostly false"), Timestamp(1));
        w.add_evidence(&id, "https://example.org/r", "Report", Timestamp(2)).unwrap();
        w.add_evidence(&id, "https://example.org/s", "", Timestamp(3)).unwrap();
        let v: Value = serde_json::from_str(&serialize(&w)).unwrap();
        let a = &v["first"]["items"][0];
        assert_eq!(a["motivation"], json!(["tagging", "assessing", "linking"]));
        assert_eq!(a["body"][1], json!({"type": "TextualBody", "purpose": "assessing", "value": "Mostly false"}));
        assert_eq!(
            a["body"][2],
            json!({"type": "SpecificResource", "purpose": "linking", "source": "https://example.org/r", "title": "Report"})
        );
        assert_eq!(a["body"][3], json!({"type": "SpecificResource", "purpose": "linking", "source": "https://example.org/s"}));
    }

    #[test]
    fn creator_and_labels_round_trip() {
        let w = ws();
        let mut list: Vec<Annotation> = w.annotations().iter().cloned().collect();
        list[0].origin = crate::annotation::Origin::boxed("acct:ann@hypothes.is".into(), vec!["viral".into(), "Date".into()]);
        let mut w = Workspace::new(w.article().clone());
        w.load(list.clone());
        let back = super::super::parse(&serialize(&w)).unwrap().annotations;
        assert_eq!(
            (back[0].creator.as_deref(), back[0].tag, back[0].labels.as_slice()),
            (Some("acct:ann@hypothes.is"), list[0].tag, list[0].labels())
        );
    }
}
