//! The formats worker's protocol: what the page asks of the Web Worker that reads and writes other formats, and its answers.
//!
//! Web pages, other tools' annotation files, suggestions (for a span, and for the whole
//! article) and every export (W3C,
//! ClaimReview, CSV, the Markdown and printable reports) are handled in a worker (`src/bin/formats.rs`) that the page starts the
//! first time one is needed: that code is not part of the app's first download, and a large
//! page or file is read off the page's thread. The page keeps its own Factmark format.
//!
//! A request is a small JSON header ([`Request::to_json`]), bytes (the page's source, the
//! file, or the workspace as a Factmark file) and, for an annotation file, the article as a
//! Factmark file without annotations. An answer is a JSON header and a payload: the article
//! as a Factmark file, the converted annotations as Factmark JSON, or the export's text.
//! Everything that crosses is in formats the page reads anyway (its own file and JSON
//! values), so the page carries no reader of its own for the protocol. [`answer`] runs in
//! the worker; [`article`], [`annotation_file`] and [`text`] turn answers back on the page.

use crate::annotation::Tag;
use crate::article::markdown::parse_markdown;
use crate::article::{extract, Article, ArticleText};
use crate::format::peer::{SkipReason, Skipped};
use crate::format::{claimreview, csv, factmark, report, w3c};
use crate::import::{check_article, read_annotations, read_factmark_file, AnnotationFile, FileProblem, Imported, LabelQuestion, Source};
use crate::suggest::{scan, Candidate, DateOrder};
use crate::text::CharRange;
use crate::time::Timestamp;
use crate::workspace::Workspace;
use serde_json::{json, Value};

/// What the page asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// The bytes are a web page's source (UTF-8): its article.
    Page,
    /// The bytes are an article in Markdown (UTF-8): the article.
    Markdown,
    /// The bytes are an annotation file, to read for the article sent along.
    Annotations { now: i64 },
    /// The bytes are the workspace as a Factmark file: write it as `kind`.
    Export { kind: Export, now: i64 },
    /// The bytes are the text around a span ([`crate::suggest::window`]), the span at
    /// `start..end` of it (code points): what it suggests ([`crate::suggest::Suggestions`]).
    Suggest { start: usize, end: usize, dates: DateOrder },
    /// The bytes are the article's text: the annotations it suggests ([`crate::suggest::scan`]).
    Scan { dates: DateOrder },
}

/// The formats the worker writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    W3c,
    ClaimReview,
    Csv,
    /// The Markdown report; with the checker's internal notes when `notes`.
    Markdown {
        notes: bool,
    },
    /// The printable report's HTML, likewise.
    Html {
        notes: bool,
    },
}

impl Request {
    pub fn to_json(&self) -> String {
        match *self {
            Request::Page => json!({"op": "page"}),
            Request::Markdown => json!({"op": "markdown"}),
            Request::Annotations { now } => json!({"op": "annotations", "now": now}),
            Request::Suggest { start, end, dates } => {
                json!({"op": "suggest", "start": start, "end": end, "months_first": dates == DateOrder::MonthFirst})
            }
            Request::Scan { dates } => json!({"op": "scan", "months_first": dates == DateOrder::MonthFirst}),
            Request::Export { kind, now } => {
                let (kind, notes) = match kind {
                    Export::W3c => ("w3c", false),
                    Export::ClaimReview => ("claimreview", false),
                    Export::Csv => ("csv", false),
                    Export::Markdown { notes } => ("markdown", notes),
                    Export::Html { notes } => ("html", notes),
                };
                json!({"op": "export", "kind": kind, "notes": notes, "now": now})
            }
        }
        .to_string()
    }

    fn from_json(json: &str) -> Option<Request> {
        let v: Value = serde_json::from_str(json).ok()?;
        let now = v["now"].as_i64().unwrap_or(0);
        let dates = if v["months_first"].as_bool() == Some(true) { DateOrder::MonthFirst } else { DateOrder::DayFirst };
        Some(match v["op"].as_str()? {
            "page" => Request::Page,
            "markdown" => Request::Markdown,
            "annotations" => Request::Annotations { now },
            "suggest" => Request::Suggest { start: v["start"].as_u64()? as usize, end: v["end"].as_u64()? as usize, dates },
            "scan" => Request::Scan { dates },
            "export" => Request::Export {
                kind: match v["kind"].as_str()? {
                    "w3c" => Export::W3c,
                    "claimreview" => Export::ClaimReview,
                    "csv" => Export::Csv,
                    "markdown" => Export::Markdown { notes: v["notes"].as_bool().unwrap_or(false) },
                    "html" => Export::Html { notes: v["notes"].as_bool().unwrap_or(false) },
                    _ => return None,
                },
                now,
            },
            _ => return None,
        })
    }
}

fn problem(message: impl std::fmt::Display) -> (String, String) {
    (json!({"kind": "problem", "message": message.to_string()}).to_string(), String::new())
}

/// The worker's side: the answer to a request, its bytes and the article sent along (a
/// Factmark file; only annotation files need it), as (header JSON, payload).
pub fn answer(request: &str, bytes: Vec<u8>, article: &str) -> (String, String) {
    let text = || String::from_utf8_lossy(&bytes).into_owned();
    match Request::from_json(request) {
        None => problem("the formats worker was asked something it does not know"),
        Some(request @ (Request::Page | Request::Markdown)) => {
            let article = if request == Request::Page { extract::article_from_html(&text()) } else { parse_markdown(&text()) };
            let file = factmark::serialize_without_annotations(&Workspace::new(article));
            (json!({"kind": "article"}).to_string(), file)
        }
        Some(Request::Annotations { now }) => match factmark::parse(article) {
            Err(e) => problem(format!("the article could not be handed over ({e})")),
            Ok(parsed) => annotations_answer(&bytes, &ArticleText::new(&parsed.article), Timestamp(now)),
        },
        Some(Request::Suggest { start, end, dates }) => {
            let chars: Vec<char> = text().chars().collect();
            let Ok(range) = CharRange::new(start.min(chars.len()), end.min(chars.len())) else {
                return problem("the span to suggest for ends before it starts");
            };
            let found = crate::suggest::suggestions(&chars, range, dates);
            let header = json!({
                "kind": "suggestions",
                "speaker": found.speaker,
                "figure": found.figure.and_then(|f| serde_json::to_value(f).ok()),
                "source": found.source,
            });
            (header.to_string(), String::new())
        }
        Some(Request::Scan { dates }) => {
            let chars: Vec<char> = text().chars().collect();
            let found: Vec<Value> = scan(&chars, dates)
                .into_iter()
                .map(|c| {
                    json!({
                        "tag": c.tag.as_str(), "start": c.range.start(), "end": c.range.end(), "score": c.score,
                        "speaker": c.speaker, "figure": c.figure.and_then(|f| serde_json::to_value(f).ok()),
                    })
                })
                .collect();
            (json!({"kind": "candidates"}).to_string(), Value::from(found).to_string())
        }
        Some(Request::Export { kind, now }) => match factmark::parse(&text()) {
            Err(e) => problem(format!("the workspace could not be handed over ({e})")),
            Ok(parsed) => (json!({"kind": "text"}).to_string(), export(kind, &parsed.into_workspace().0, Timestamp(now))),
        },
    }
}

fn annotations_answer(bytes: &[u8], text: &ArticleText, now: Timestamp) -> (String, String) {
    let (imported, pending) = match read_annotations(bytes, text, now) {
        Err(e) => return problem(e),
        Ok(AnnotationFile::Factmark(_)) => return (json!({"kind": "factmark"}).to_string(), String::new()),
        Ok(AnnotationFile::Imported(imported)) => {
            let n = imported.annotations.len();
            (imported, vec![None; n])
        }
        Ok(AnnotationFile::NeedsLabels(question)) => question.into_parts(),
    };
    let index = |s: Source| Source::ALL.iter().position(|x| *x == s).unwrap_or(0);
    let reason = |r: SkipReason| SkipReason::ALL.iter().position(|x| *x == r).unwrap_or(0);
    let skipped: Vec<Value> = imported.skipped.iter().map(|(r, n)| json!([reason(r), n])).collect();
    let header = json!({"kind": "imported", "source": index(imported.source), "skipped": skipped, "pending": pending});
    (header.to_string(), factmark::serialize_annotations(imported.annotations.iter()))
}

/// An export of the workspace.
pub fn export(kind: Export, ws: &Workspace, now: Timestamp) -> String {
    match kind {
        Export::W3c => w3c::serialize(ws),
        Export::ClaimReview => claimreview::serialize(ws, now),
        Export::Csv => csv::serialize(ws),
        Export::Markdown { notes } => report::markdown(ws, now, notes),
        Export::Html { notes } => report::html(ws, now, notes),
    }
}

/// The answer's header, and its kind; a problem the worker reported is returned as one.
fn header(json: &str) -> Result<(Value, String), FileProblem> {
    let v: Value =
        serde_json::from_str(json).map_err(|_| FileProblem::Invalid("the formats worker gave an answer Factmark cannot read".into()))?;
    let kind = v["kind"].as_str().unwrap_or_default().to_string();
    if kind == "problem" {
        return Err(FileProblem::Invalid(v["message"].as_str().unwrap_or("the formats worker failed").to_string()));
    }
    Ok((v, kind))
}

fn other_answer() -> FileProblem {
    FileProblem::Invalid("the formats worker answered another question".into())
}

/// The page's side: the article of a [`Request::Page`] or [`Request::Markdown`], checked like any article.
pub fn article(reply: &str, payload: &str) -> Result<Article, FileProblem> {
    let (_, kind) = header(reply)?;
    if kind != "article" {
        return Err(other_answer());
    }
    let article = factmark::parse(payload).map_err(|e| FileProblem::Invalid(e.to_string()))?.article;
    check_article(&article)?;
    Ok(article)
}

/// The page's side: the annotation file of a [`Request::Annotations`], whose `bytes` the
/// page still holds (a Factmark file is read from them).
pub fn annotation_file(reply: &str, payload: &str, bytes: &[u8]) -> Result<AnnotationFile, FileProblem> {
    let (v, kind) = header(reply)?;
    match kind.as_str() {
        "factmark" => read_factmark_file(bytes),
        "imported" => {
            let incomplete = || FileProblem::Invalid("the formats worker's answer is incomplete".into());
            let annotations = factmark::parse_annotations(payload).map_err(|e| FileProblem::Invalid(e.to_string()))?;
            let pending: Vec<Option<String>> =
                v["pending"].as_array().ok_or_else(incomplete)?.iter().map(|p| p.as_str().map(str::to_string)).collect();
            if annotations.len() != pending.len() {
                return Err(incomplete());
            }
            let source = v["source"].as_u64().and_then(|i| Source::ALL.get(i as usize)).copied().ok_or_else(incomplete)?;
            let mut skipped = Skipped::default();
            for pair in v["skipped"].as_array().into_iter().flatten() {
                let reason = pair[0].as_u64().and_then(|i| SkipReason::ALL.get(i as usize)).copied().ok_or_else(incomplete)?;
                skipped.add_many(reason, pair[1].as_u64().unwrap_or(0) as usize);
            }
            let imported = Imported { source, annotations, skipped };
            Ok(match LabelQuestion::new(imported, pending) {
                Ok(question) => AnnotationFile::NeedsLabels(question),
                Err(imported) => AnnotationFile::Imported(imported),
            })
        }
        _ => Err(other_answer()),
    }
}

/// The page's side: what a [`Request::Suggest`] found.
pub fn suggestions(reply: &str) -> Result<crate::suggest::Suggestions, FileProblem> {
    let (v, kind) = header(reply)?;
    if kind != "suggestions" {
        return Err(other_answer());
    }
    Ok(crate::suggest::Suggestions {
        speaker: v["speaker"].as_str().map(str::to_string),
        figure: serde_json::from_value(v["figure"].clone()).ok().flatten(),
        source: v["source"][0].as_str().map(|name| (name.to_string(), v["source"][1].as_i64().and_then(|y| i32::try_from(y).ok()))),
    })
}

/// The page's side: the candidates of a [`Request::Scan`], best first. One the page cannot
/// read (a tag it does not know, a reversed range) is left out rather than failing them all.
pub fn candidates(reply: &str, payload: &str) -> Result<Vec<Candidate>, FileProblem> {
    if header(reply)?.1 != "candidates" {
        return Err(other_answer());
    }
    let list: Vec<Value> =
        serde_json::from_str(payload).map_err(|_| FileProblem::Invalid("the formats worker's answer is incomplete".into()))?;
    let read = |v: &Value| -> Option<Candidate> {
        Some(Candidate {
            tag: Tag::parse(v["tag"].as_str()?)?,
            range: CharRange::new(v["start"].as_u64()? as usize, v["end"].as_u64()? as usize).ok()?,
            score: v["score"].as_f64()? as f32,
            speaker: v["speaker"].as_str().map(str::to_string),
            figure: serde_json::from_value(v["figure"].clone()).ok().flatten(),
        })
    };
    Ok(list.iter().filter_map(read).collect())
}

/// The page's side: the text of a [`Request::Export`].
pub fn text(reply: &str, payload: String) -> Result<String, FileProblem> {
    match header(reply)?.1.as_str() {
        "text" => Ok(payload),
        _ => Err(other_answer()),
    }
}

#[cfg(test)]
mod tests;
