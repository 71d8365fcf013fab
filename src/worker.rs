//! The formats worker's protocol: what the page asks of the Web Worker that reads and writes other formats, and its answers.
//!
//! Web pages, other tools' annotation files and every export (W3C, ClaimReview, CSV, the
//! Markdown report) are handled in a worker (`src/bin/formats.rs`) that the page starts the
//! first time one is needed: that code is not part of the app's first download, and a large
//! page or file is read off the page's thread. The page keeps its own Factmark format.
//!
//! A request is one JSON text ([`Request`]) plus bytes (the page's source, the file, or the
//! workspace as a Factmark file); an answer is one JSON text ([`Reply`]) plus a payload (the
//! converted annotations as Factmark JSON, or the export's text). [`answer`] runs in the
//! worker; the other functions turn an answer into what the page uses.

use crate::article::{extract, Article, ArticleText};
use crate::format::peer::Skipped;
use crate::format::{claimreview, csv, factmark, report, w3c};
use crate::import::{check_article, read_annotations, read_factmark_file, AnnotationFile, FileProblem, Imported, LabelQuestion, Source};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// The bytes are a web page's source (UTF-8): its article.
    Page,
    /// The bytes are an annotation file, to read for `article`.
    Annotations { article: Article, now: i64 },
    /// The bytes are the workspace as a Factmark file: write it as `kind`.
    Export { kind: Export, now: i64 },
}

/// The formats the worker writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Export {
    W3c,
    ClaimReview,
    Csv,
    /// The Markdown report; with the checker's internal notes when `notes`.
    Markdown {
        notes: bool,
    },
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Article(Article),
    /// The file is a Factmark file: the page reads its own format ([`read_factmark_file`]).
    Factmark,
    /// Another tool's annotations, in the payload as Factmark JSON; `pending` holds, per
    /// annotation, the unknown label that waits for the checker's choice.
    Imported {
        source: Source,
        skipped: Skipped,
        pending: Vec<Option<String>>,
    },
    /// The export's text is the payload.
    Text,
    /// Why the request failed, as the user reads it.
    Problem(String),
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("plain data always serialises")
    }
}

/// The worker's side: the answer to a request and its bytes, as (reply JSON, payload).
pub fn answer(request: &str, bytes: Vec<u8>) -> (String, String) {
    let (reply, payload) = match serde_json::from_str::<Request>(request) {
        Err(e) => (Reply::Problem(format!("the formats worker was asked something it does not know ({e})")), String::new()),
        Ok(Request::Page) => (Reply::Article(extract::article_from_html(&String::from_utf8_lossy(&bytes))), String::new()),
        Ok(Request::Annotations { article, now }) => annotations_answer(&bytes, &ArticleText::new(&article), Timestamp(now)),
        Ok(Request::Export { kind, now }) => match factmark::parse(&String::from_utf8_lossy(&bytes)) {
            Err(e) => (Reply::Problem(format!("the workspace could not be handed over ({e})")), String::new()),
            Ok(parsed) => (Reply::Text, export(kind, &parsed.into_workspace().0, Timestamp(now))),
        },
    };
    (serde_json::to_string(&reply).expect("plain data always serialises"), payload)
}

fn annotations_answer(bytes: &[u8], text: &ArticleText, now: Timestamp) -> (Reply, String) {
    let (imported, pending) = match read_annotations(bytes, text, now) {
        Err(problem) => return (Reply::Problem(problem.to_string()), String::new()),
        Ok(AnnotationFile::Factmark(_)) => return (Reply::Factmark, String::new()),
        Ok(AnnotationFile::Imported(imported)) => {
            let n = imported.annotations.len();
            (imported, vec![None; n])
        }
        Ok(AnnotationFile::NeedsLabels(question)) => question.into_parts(),
    };
    let payload = factmark::serialize_annotations(imported.annotations.iter());
    (Reply::Imported { source: imported.source, skipped: imported.skipped, pending }, payload)
}

/// An export of the workspace.
pub fn export(kind: Export, ws: &crate::workspace::Workspace, now: Timestamp) -> String {
    match kind {
        Export::W3c => w3c::serialize(ws),
        Export::ClaimReview => claimreview::serialize(ws, now),
        Export::Csv => csv::serialize(ws),
        Export::Markdown { notes } => report::markdown(ws, now, notes),
    }
}

fn reply(json: &str) -> Result<Reply, FileProblem> {
    serde_json::from_str(json).map_err(|_| FileProblem::Invalid("the formats worker gave an answer Factmark cannot read".into()))
}

/// The page's side: the article of a [`Request::Page`], checked like any article.
pub fn article(json: &str) -> Result<Article, FileProblem> {
    match reply(json)? {
        Reply::Article(article) => {
            check_article(&article)?;
            Ok(article)
        }
        Reply::Problem(m) => Err(FileProblem::Invalid(m)),
        _ => Err(FileProblem::Invalid("the formats worker answered another question".into())),
    }
}

/// The page's side: the annotation file of a [`Request::Annotations`], whose `bytes` the
/// page still holds (a Factmark file is read from them).
pub fn annotation_file(json: &str, payload: &str, bytes: &[u8]) -> Result<AnnotationFile, FileProblem> {
    match reply(json)? {
        Reply::Factmark => read_factmark_file(bytes),
        Reply::Imported { source, skipped, pending } => {
            let annotations = factmark::parse_annotations(payload).map_err(|e| FileProblem::Invalid(e.to_string()))?;
            if annotations.len() != pending.len() {
                return Err(FileProblem::Invalid("the formats worker's answer is incomplete".into()));
            }
            let imported = Imported { source, annotations, skipped };
            Ok(match LabelQuestion::new(imported, pending) {
                Ok(question) => AnnotationFile::NeedsLabels(question),
                Err(imported) => AnnotationFile::Imported(imported),
            })
        }
        Reply::Problem(m) => Err(FileProblem::Invalid(m)),
        _ => Err(FileProblem::Invalid("the formats worker answered another question".into())),
    }
}

/// The page's side: the text of a [`Request::Export`].
pub fn text(json: &str, payload: String) -> Result<String, FileProblem> {
    match reply(json)? {
        Reply::Text => Ok(payload),
        Reply::Problem(m) => Err(FileProblem::Invalid(m)),
        _ => Err(FileProblem::Invalid("the formats worker answered another question".into())),
    }
}

#[cfg(test)]
mod tests;
