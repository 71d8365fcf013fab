//! The Factmark file, version 1: the article and its annotations, offsets in code points.
//!
//! The fact-check work is optional and additive, so it stays version 1: an annotation may
//! carry `verdict`, `rationale`, `evidence`, `speaker`, `verified`, `source_url`, `figure`,
//! `figure_source` and `links` (see [`Check`]), and the file may carry the checker's
//! `profile` and the verdict `scale`. Each is left out when empty or default, so a file
//! without fact-check work is written exactly as before, and older readers keep such keys
//! as unknown fields. Likewise for what an import from another tool brings: the annotation's
//! `creator` (as that tool names its author) and its `labels` besides the tag.

use super::JsonError;
use crate::annotation::{Annotation, AnnotationId, Origin, Status, Tag, Target};
use crate::annotation::{ArticleReview, Check, CheckerProfile, VerdictScale};
use crate::article::{Article, BLOCK_SEPARATOR};
use crate::text::CharRange;
use crate::time::Timestamp;
use crate::workspace::{LoadReport, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

pub const FORMAT: &str = "factmark";
pub const VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct FileDoc {
    format: String,
    version: u64,
    /// The checker's profile; absent when empty.
    #[serde(default, skip_serializing_if = "CheckerProfile::is_empty")]
    profile: CheckerProfile,
    /// The verdict labels; absent when they are the default scale.
    #[serde(default, skip_serializing_if = "is_default_scale")]
    scale: VerdictScale,
    /// The review of the article as a whole; absent when empty.
    #[serde(default, skip_serializing_if = "ArticleReview::is_empty")]
    review: ArticleReview,
    article: FileArticle,
    annotations: Vec<FileAnnotation>,
}

#[derive(Serialize, Deserialize)]
struct FileArticle {
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default)]
    published: Option<String>,
    /// The article's URL; version-1 files written before the details existed call it `source`.
    #[serde(default, alias = "source", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    text: String,
    #[serde(default)]
    sha256: String,
}

#[derive(Serialize, Deserialize)]
struct FileAnnotation {
    id: AnnotationId,
    tag: Tag,
    start: usize,
    end: usize,
    exact: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    note: String,
    /// Who made it in another tool; absent for annotations made here (so older files read unchanged).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    creator: String,
    /// Labels besides the tag; absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    labels: Vec<String>,
    created: String,
    modified: String,
    /// Written for readers of the file; ignored on load, where anchoring decides it again.
    #[serde(default)]
    status: Option<String>,
    /// The fact-check fields, each absent when empty (so older files read unchanged).
    #[serde(flatten)]
    check: Check,
    /// Must come after `check`: it takes the keys nothing before it claimed.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

fn is_default_scale(s: &VerdictScale) -> bool {
    *s == VerdictScale::default()
}

/// Why a file could not be read as a Factmark file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all.
    Json(JsonError),
    /// JSON, but not a Factmark file.
    NotFactmark,
    /// A Factmark file from a newer version of the app.
    NewerVersion(u64),
    /// A Factmark file with a field of the wrong shape.
    Invalid(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Json(e) => write!(f, "it is not valid JSON ({e})"),
            FileError::NotFactmark => f.write_str("it is JSON, but not a Factmark file (no \"format\": \"factmark\")"),
            FileError::NewerVersion(v) => write!(
                f,
                "it was written by a newer Factmark (file version {v}; this app reads version {VERSION}). Update Factmark to open it"
            ),
            FileError::Invalid(m) => write!(f, "it is a Factmark file with a problem: {m}"),
        }
    }
}

impl std::error::Error for FileError {}

/// An article and its annotations as read from a file (not yet anchored), with the
/// checker's settings saved with them.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    pub annotations: Vec<Annotation>,
    /// Empty when the file has none.
    pub profile: CheckerProfile,
    /// The default scale when the file has none.
    pub scale: VerdictScale,
    /// Empty when the file has none.
    pub review: ArticleReview,
}

impl Parsed {
    /// A workspace for the file: its article, settings and annotations (anchored, without
    /// undo history).
    pub fn into_workspace(self) -> (Workspace, LoadReport) {
        let mut ws = Workspace::new(self.article);
        ws.set_profile(self.profile);
        ws.set_scale(self.scale);
        ws.set_review(self.review);
        let report = ws.load(self.annotations);
        (ws, report)
    }
}

/// Writes the workspace as a Factmark file (pretty-printed JSON, for people and diffs).
pub fn serialize(ws: &Workspace) -> String {
    // Indented from the compact text: see `format::pretty` for why.
    super::pretty(&serialize_compact(ws))
}

/// The same file without indentation: what the browser's storage keeps (smaller, faster).
pub fn serialize_compact(ws: &Workspace) -> String {
    serde_json::to_string(&to_doc(ws)).expect("plain data always serialises")
}

/// The file without its annotations (compact): what storage keeps next to the annotation
/// chunks, so that editing one annotation never rewrites the article text.
pub fn serialize_without_annotations(ws: &Workspace) -> String {
    let mut doc = to_doc_with(ws, false);
    doc.annotations.clear();
    serde_json::to_string(&doc).expect("plain data always serialises")
}

/// A JSON array of annotations in the file's shape (a storage chunk).
pub fn serialize_annotations<'a>(list: impl IntoIterator<Item = &'a Annotation>) -> String {
    let files: Vec<FileAnnotation> = list.into_iter().map(to_file).collect();
    serde_json::to_string(&files).expect("plain data always serialises")
}

/// Reads what [`serialize_annotations`] wrote.
pub fn parse_annotations(json: &str) -> Result<Vec<Annotation>, FileError> {
    // Through a `Value`, as [`parse`] reads: one Deserialize of the record in the module, not two.
    let value: Value = serde_json::from_str(json).map_err(|e| FileError::Json(e.into()))?;
    let files: Vec<FileAnnotation> = serde_json::from_value(value).map_err(|e| FileError::Json(e.into()))?;
    files.into_iter().enumerate().map(|(i, f)| from_file(f).map_err(|m| FileError::Invalid(format!("annotation {}: {m}", i + 1)))).collect()
}

fn to_doc(ws: &Workspace) -> FileDoc {
    to_doc_with(ws, true)
}

fn to_doc_with(ws: &Workspace, with_annotations: bool) -> FileDoc {
    let a = ws.article();
    FileDoc {
        format: FORMAT.into(),
        version: VERSION,
        profile: ws.profile().clone(),
        scale: ws.scale().clone(),
        review: ws.review().clone(),
        article: FileArticle {
            title: a.title.clone(),
            date: a.date.clone(),
            published: a.published.clone(),
            url: a.url.clone(),
            outlet: a.outlet.clone(),
            authors: a.authors.clone(),
            language: a.language.clone(),
            text: a.canonical_text(),
            sha256: ws.sha256().to_string(),
        },
        annotations: if with_annotations { ws.annotations().iter().map(to_file).collect() } else { Vec::new() },
    }
}

fn to_file(a: &Annotation) -> FileAnnotation {
    FileAnnotation {
        id: a.id.clone(),
        tag: a.tag,
        start: a.target.range.start(),
        end: a.target.range.end(),
        exact: a.target.exact.clone(),
        prefix: a.target.prefix.clone(),
        suffix: a.target.suffix.clone(),
        note: a.note.clone(),
        creator: a.creator().to_string(),
        labels: a.labels().to_vec(),
        created: a.created.to_rfc3339(),
        modified: a.modified.to_rfc3339(),
        status: Some(if a.is_orphan() { "orphan" } else { "anchored" }.to_string()),
        check: (*a.check).clone(),
        extra: a.extra.clone(),
    }
}

/// Reads a Factmark file. Format and version are checked before the shape, so an old app
/// says "newer version" rather than "missing field".
pub fn parse(json: &str) -> Result<Parsed, FileError> {
    let value: Value = serde_json::from_str(json).map_err(|e| FileError::Json(e.into()))?;
    parse_value(value)
}

/// [`parse`] for JSON already parsed (so a file is parsed once to find out what it is).
pub fn parse_value(value: Value) -> Result<Parsed, FileError> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FileError::NotFactmark);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(FileError::NewerVersion(v)),
        _ => return Err(FileError::Invalid("\"version\" must be 1".into())),
    }
    let doc: FileDoc = serde_json::from_value(value).map_err(|e| FileError::Invalid(e.to_string()))?;
    let article = article_from(doc.article);
    let annotations = doc
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, f)| from_file(f).map_err(|m| FileError::Invalid(format!("annotation {}: {m}", i + 1))))
        .collect::<Result<_, _>>()?;
    // Settings never make a file unreadable: whatever was written is read back.
    Ok(Parsed { article, annotations, profile: doc.profile, scale: VerdictScale::tidy(doc.scale.labels), review: doc.review })
}

/// Rebuilds headline and paragraphs from the canonical text.
fn article_from(f: FileArticle) -> Article {
    let (title, body) = match f.text.strip_prefix(f.title.as_str()) {
        Some(rest) if !f.title.is_empty() && (rest.is_empty() || rest.starts_with(BLOCK_SEPARATOR)) => {
            (f.title, rest.strip_prefix(BLOCK_SEPARATOR).unwrap_or(rest).to_string())
        }
        // A headline that is not the start of the text cannot be part of it: keep the text.
        _ => (String::new(), f.text),
    };
    let paragraphs = if body.is_empty() { Vec::new() } else { body.split(BLOCK_SEPARATOR).map(str::to_string).collect() };
    Article {
        title,
        date: f.date,
        published: f.published,
        paragraphs,
        url: f.url,
        outlet: f.outlet,
        authors: f.authors,
        language: f.language,
    }
}

fn from_file(f: FileAnnotation) -> Result<Annotation, String> {
    let range = CharRange::new(f.start, f.end).map_err(|e| e.to_string())?;
    let time = |s: &str, name: &str| Timestamp::parse_rfc3339(s).ok_or_else(|| format!("\"{name}\" is not an RFC 3339 time: {s:?}"));
    Ok(Annotation {
        id: f.id,
        tag: f.tag,
        target: Target { range, exact: f.exact, prefix: f.prefix, suffix: f.suffix },
        note: f.note,
        origin: Origin::boxed(f.creator, f.labels),
        created: time(&f.created, "created")?,
        modified: time(&f.modified, "modified")?,
        status: Status::Anchored,
        check: f.check.into(),
        extra: f.extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;

    fn sample_ws() -> Workspace {
        let mut w = Workspace::new(Article::default_article());
        let r = CharRange::new(0, 8).unwrap();
        w.create(r, Tag::Claim, AnnotationId::new_v4([1; 16]), Timestamp(1_738_702_680_000)).unwrap();
        w.set_note(&AnnotationId::new_v4([1; 16]), "Check \"this\" <script>x</script> 😀", Timestamp(1_738_702_690_000));
        w.create(CharRange::new(700, 720).unwrap(), Tag::Quote, AnnotationId::new_v4([2; 16]), Timestamp(1)).unwrap();
        w
    }

    #[test]
    fn round_trip_preserves_everything() {
        let w = sample_ws();
        let json = serialize(&w);
        let parsed = parse(&json).unwrap();
        assert_eq!(&parsed.article, w.article());
        let mut w2 = Workspace::new(parsed.article);
        let report = w2.load(parsed.annotations);
        assert_eq!(report.orphaned, 0);
        assert_eq!(serialize(&w2), json, "serialize ∘ parse is the identity");
    }

    /// A workspace with every fact-check field set, a profile and a custom scale.
    fn checked_ws() -> Workspace {
        use crate::annotation::{CheckerProfile, Relation, VerdictScale};
        use crate::suggest::parse_figure;
        let mut w = sample_ws();
        let (claim, quote) = (AnnotationId::new_v4([1; 16]), AnnotationId::new_v4([2; 16]));
        let figure = AnnotationId::new_v4([3; 16]);
        w.create(CharRange::new(1753, 1767).unwrap(), Tag::Figure, figure.clone(), Timestamp(3)).unwrap();
        w.set_scale(VerdictScale::from_lines("Correct\nWrong\nMisleading").unwrap());
        w.set_profile(CheckerProfile::new("Ann Checker", "Desk “Truth”", "https://desk.example/").unwrap());
        let t = Timestamp(1_738_702_700_000);
        w.set_verdict(&claim, Some("wrong"), t);
        w.set_rationale(&claim, "Two lines\nand \"quotes\" 😀", t);
        w.add_evidence(&claim, "https://example.org/a?b=1#c", "Source “A”", t).unwrap();
        w.add_evidence(&claim, "http://example.org/b", "", t).unwrap();
        w.set_speaker(&claim, "Zelensky", t);
        w.set_speaker(&quote, "the Ukrainian President", t);
        w.set_quote_verified(&quote, true, t);
        w.set_quote_source(&quote, "https://video.example/1", t).unwrap();
        w.add_link(&quote, &claim, Relation::Contradicts, t);
        w.set_figure_value(&figure, parse_figure("more than 10–15.5%"), t);
        w.set_figure_source(&figure, "Forbes", Some(2023), t);
        w.set_verdict(&figure, Some("Correct"), t);
        w.add_link(&figure, &claim, Relation::Supports, t);
        w
    }

    #[test]
    fn every_fact_check_field_round_trips() {
        let w = checked_ws();
        let json = serialize(&w);
        let parsed = parse(&json).unwrap();
        assert_eq!((&parsed.profile, &parsed.scale), (w.profile(), w.scale()));
        let (w2, report) = parsed.into_workspace();
        assert_eq!(report.orphaned, 0);
        for a in w.annotations().iter() {
            assert_eq!(w2.annotations().get(&a.id).unwrap().check, a.check, "{}", a.id);
        }
        assert_eq!(serialize(&w2), json);
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["scale"], serde_json::json!(["Correct", "Wrong", "Misleading"]));
        assert_eq!(v["profile"]["organisation"], "Desk “Truth”");
        let claim = &v["annotations"].as_array().unwrap().iter().find(|a| a["tag"] == "claim").unwrap();
        assert_eq!(claim["verdict"], "Wrong", "stored in the scale's spelling");
        assert_eq!(claim["evidence"][1], serde_json::json!({"url": "http://example.org/b"}));
        let figure = &v["annotations"].as_array().unwrap().iter().find(|a| a["tag"] == "figure").unwrap();
        assert_eq!(figure["figure"], serde_json::json!({"value": 10.0, "unit": "percent", "range_high": 15.5, "qualifier": "more_than"}));
        assert_eq!(figure["figure_source"], serde_json::json!({"name": "Forbes", "year": 2023}));
        assert_eq!(figure["links"][0]["relation"], "supports");
    }

    #[test]
    fn settings_and_fields_are_left_out_when_empty() {
        let json = serialize(&sample_ws());
        let v: Value = serde_json::from_str(&json).unwrap();
        assert!(v.get("profile").is_none() && v.get("scale").is_none());
        for key in ["verdict", "rationale", "evidence", "speaker", "verified", "source_url", "figure", "figure_source", "links"] {
            assert!(!json.contains(&format!("\"{key}\"")), "{key} written though empty");
        }
        let parsed = parse(&json).unwrap();
        assert_eq!((parsed.profile, parsed.scale), (Default::default(), Default::default()));
    }

    #[test]
    fn bad_fact_check_fields_are_refused_by_name() {
        let mut w = checked_ws();
        w.set_scale(VerdictScale { labels: Vec::new() });
        assert_eq!(parse(&serialize(&w)).unwrap().scale, VerdictScale::default(), "what is written is read");
        let json = serialize(&checked_ws());
        let bad = json.replacen("https://example.org/a?b=1#c", "javascript:alert(1)", 1);
        assert!(matches!(parse(&bad), Err(FileError::Invalid(m)) if m.contains("is not a web address")), "{:?}", parse(&bad));
        let odd = json.replacen("\"Misleading\"", "\"correct\"", 1);
        assert_eq!(parse(&odd).unwrap().scale.labels, vec!["Correct", "Wrong"], "odd settings are tidied, not refused");
        let bad = json.replacen("\"supports\"", "\"refutes\"", 1);
        assert!(matches!(parse(&bad), Err(FileError::Invalid(m)) if m.contains("refutes")), "{:?}", parse(&bad));
    }

    #[test]
    fn split_storage_form_reads_back_whole() {
        let w = sample_ws();
        let meta = parse(&serialize_without_annotations(&w)).unwrap();
        assert!(meta.annotations.is_empty());
        assert_eq!(&meta.article, w.article());
        let list = parse_annotations(&serialize_annotations(w.annotations().iter())).unwrap();
        let expected: Vec<Annotation> = w.annotations().iter().cloned().collect();
        assert_eq!(list.len(), expected.len());
        assert_eq!(
            list.iter().map(|a| (&a.id, &a.note, a.range())).collect::<Vec<_>>(),
            expected.iter().map(|a| (&a.id, &a.note, a.range())).collect::<Vec<_>>()
        );
        assert!(matches!(parse_annotations("[{\"id\": 1}]"), Err(FileError::Json(_))));
    }

    #[test]
    fn compact_and_pretty_read_the_same() {
        let w = sample_ws();
        assert_eq!(parse(&serialize_compact(&w)).unwrap(), parse(&serialize(&w)).unwrap());
        assert!(serialize_compact(&w).len() < serialize(&w).len());
    }

    #[test]
    fn exact_equals_text_slice_in_code_points() {
        let json = serialize(&sample_ws());
        let v: Value = serde_json::from_str(&json).unwrap();
        let text: Vec<char> = v["article"]["text"].as_str().unwrap().chars().collect();
        for a in v["annotations"].as_array().unwrap() {
            let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
            assert_eq!(text[s..e].iter().collect::<String>(), a["exact"].as_str().unwrap());
        }
        assert_eq!(v["article"]["sha256"].as_str().unwrap().len(), 64);
        assert_eq!(v["article"]["published"], "2025-02-04T20:58:00");
    }

    #[test]
    fn golden_fixture_matches() {
        let golden = include_str!("../../tests/fixtures/default-article.factmark.json");
        let parsed = parse(golden).unwrap();
        let mut w = Workspace::new(parsed.article);
        w.load(parsed.annotations);
        assert_eq!(serialize(&w).trim_end(), golden.trim_end());
    }

    /// The JSON Schema in the repo describes what we write: every required field is written,
    /// and the tag enum is exactly our tags.
    #[test]
    fn schema_matches_the_writer() {
        let schema: Value = serde_json::from_str(include_str!("../../schema/factmark-v1.schema.json")).unwrap();
        let written: Value = serde_json::from_str(&serialize(&sample_ws())).unwrap();
        let item = &schema["properties"]["annotations"]["items"];
        for key in item["required"].as_array().unwrap() {
            assert!(written["annotations"][0].get(key.as_str().unwrap()).is_some(), "missing {key}");
        }
        for key in schema["required"].as_array().unwrap() {
            assert!(written.get(key.as_str().unwrap()).is_some(), "missing {key}");
        }
        let tags: Vec<&str> = item["properties"]["tag"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(tags, Tag::ALL.map(Tag::as_str));
        // Every key written, with every fact-check field set, is described by the schema.
        let full: Value = serde_json::from_str(&serialize(&checked_ws())).unwrap();
        for a in full["annotations"].as_array().unwrap() {
            for key in a.as_object().unwrap().keys() {
                assert!(item["properties"].get(key).is_some(), "schema lacks {key}");
            }
        }
        for key in full.as_object().unwrap().keys() {
            assert!(schema["properties"].get(key).is_some(), "schema lacks top-level {key}");
        }
    }

    #[test]
    fn creator_and_labels_from_imports_round_trip_and_are_absent_otherwise() {
        let json = serialize(&sample_ws());
        assert!(!json.contains("\"creator\"") && !json.contains("\"labels\""), "a file without imports is written as before");
        let mut parsed = parse(&json).unwrap();
        parsed.annotations[0].origin = Origin::boxed("acct:ann@hypothes.is".into(), vec!["PER".into(), "viral".into()]);
        let (w, _) = parsed.clone().into_workspace();
        let again = parse(&serialize(&w)).unwrap();
        let a = again.annotations.iter().find(|a| a.id == parsed.annotations[0].id).unwrap();
        assert_eq!((a.creator(), a.labels()), ("acct:ann@hypothes.is", &["PER".to_string(), "viral".to_string()][..]));
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = serialize(&sample_ws()).replacen("\"note\":", "\"confidence\": \"low\",\n      \"note\":", 1);
        let parsed = parse(&json).unwrap();
        assert_eq!(parsed.annotations[0].extra.get("confidence"), Some(&Value::from("low")));
        // A key this version knows is read into its field, not kept as unknown.
        let json = serialize(&sample_ws()).replacen("\"note\":", "\"verdict\": \"False\",\n      \"note\":", 1);
        let parsed = parse(&json).unwrap();
        assert_eq!((parsed.annotations[0].check.verdict.as_deref(), parsed.annotations[0].extra.get("verdict")), (Some("False"), None));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        match parse("{\n  \"format\": \"factmark\",\n  oops\n}") {
            Err(FileError::Json(e)) => assert_eq!((e.line, e.column), (3, 3)),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("[1, 2]"), Err(FileError::NotFactmark));
        assert_eq!(parse("{\"format\":\"factmark\",\"version\":2}"), Err(FileError::NewerVersion(2)));
        let bad = serialize(&sample_ws()).replacen("\"tag\": \"claim\"", "\"tag\": \"rumour\"", 1);
        assert!(matches!(parse(&bad), Err(FileError::Invalid(_))));
        let reversed = serialize(&sample_ws()).replacen("\"start\": 0", "\"start\": 99", 1);
        assert!(matches!(parse(&reversed), Err(FileError::Invalid(m)) if m.contains("annotation 1")));
        assert!(FileError::NewerVersion(2).to_string().contains("newer Factmark"));
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = Rng::new(3);
        let base = serialize(&checked_ws());
        for _ in 0..3000 {
            let mut bytes = base.clone().into_bytes();
            for _ in 0..=rng.below(6) {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next_u64() as u8;
            }
            let cut = rng.below(bytes.len() + 1);
            let _ = parse(&String::from_utf8_lossy(&bytes[..cut]));
        }
    }
}
