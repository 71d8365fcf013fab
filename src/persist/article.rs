//! One article's saved work: its own part under one key and its annotations in chunks;
//! loading with backups of what is unreadable, migration of older saves, and a save that
//! writes only what changed, within a time budget.

use super::backup::back_up;
use super::chunks::{self, CHUNKS};
use super::{chunk_key, doc_key, settings, SaveError, Store};
use crate::annotation::VerdictScale;
use crate::annotation::{Annotation, AnnotationId};
use crate::article::Article;
use crate::format::factmark::{self, Parsed};
use crate::workspace::Workspace;
use std::collections::HashSet;

/// What was found for an article.
#[derive(Default)]
pub struct Loaded {
    /// The article part (profile, scale; older saves also carry annotations here).
    pub meta: Option<Parsed>,
    pub annotations: Vec<Annotation>,
    /// Parts that could not be read, each already copied to a backup key.
    pub problems: Vec<String>,
}

/// Reads an article's saved work. Unreadable data is copied to a backup key first, so the
/// next save cannot destroy it; the readable parts still load.
pub fn load(store: &dyn Store, sha256: &str) -> Loaded {
    let mut out = Loaded::default();
    let unreadable = |key: &str, raw: &str, error: &dyn std::fmt::Display| {
        let kept = back_up(store, key, raw);
        format!("Part of your saved work for this article could not be read: {error}. The article opened without it. {kept}")
    };
    let key = doc_key(sha256);
    if let Some(raw) = store.get(&key) {
        match factmark::parse(&raw) {
            Ok(parsed) => out.meta = Some(parsed),
            Err(error) => out.problems.push(unreadable(&key, &raw, &error)),
        }
    }
    for k in 0..CHUNKS {
        let key = chunk_key(sha256, k);
        if let Some(raw) = store.get(&key) {
            match factmark::parse_annotations(&raw) {
                Ok(list) => out.annotations.extend(list),
                Err(error) => out.problems.push(unreadable(&key, &raw, &error)),
            }
        }
    }
    out
}

/// Opens `article` with whatever was saved for it: this browser's profile and scale, the
/// article's own settings, its annotations (older saves kept them in the article key), and
/// the warnings to show.
pub fn restore(store: &dyn Store, article: Article) -> (Workspace, Saved, Vec<String>) {
    let mut notices = Vec::new();
    let mut ws = Workspace::new(article);
    if let Some(profile) = settings::load_profile(store, &mut notices) {
        ws.set_profile(profile);
    }
    if let Some(scale) = settings::load_scale(store, &mut notices) {
        ws.set_scale(scale);
    }
    let loaded = load(store, ws.sha256());
    let mut annotations = loaded.annotations;
    let mut migrated = false;
    let had_article = loaded.meta.is_some();
    if let Some(meta) = loaded.meta {
        // A scale saved with the article wins over the browser's default.
        if meta.scale != VerdictScale::default() {
            ws.set_scale(meta.scale);
        }
        if ws.profile().is_empty() {
            ws.set_profile(meta.profile);
        }
        ws.set_review(meta.review);
        // Details edited in this browser win over those the article was opened with (the
        // built-in article, or a page read again).
        let saved_details = crate::workspace::DetailsForm::of(&meta.article);
        if saved_details != Default::default() {
            let _ = ws.set_details(&saved_details);
        }
        migrated = !meta.annotations.is_empty();
        // Chunks are newer than annotations kept in the article key by older versions.
        let chunked: HashSet<AnnotationId> = annotations.iter().map(|a| a.id.clone()).collect();
        annotations.extend(meta.annotations.into_iter().filter(|a| !chunked.contains(&a.id)));
    }
    let report = ws.load(annotations);
    if report.orphaned > 0 {
        notices.push(format!("{} saved annotation(s) no longer match the text; they are listed under “Could not place”.", report.orphaned));
    }
    // After a migration or a backup of unreadable parts, the next save rewrites everything.
    let rewrite = migrated || !loaded.problems.is_empty();
    notices.extend(loaded.problems);
    let saved = saved_as_loaded(&ws, rewrite, had_article);
    (ws, saved, notices)
}

/// What this tab last wrote for the open article, to write only what changed since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    pub sha256: String,
    pub meta: Option<u64>,
    /// Per chunk; empty means "unknown": every chunk is written.
    pub chunks: Vec<u64>,
}

/// Writes what changed since `saved`, spending at most `budget_ms` (none: everything) so an
/// autosave never holds the page up; returns whether all of it was written. `saved` always
/// tells what storage holds, also after a failure, so nothing written is written twice and
/// nothing unwritten is taken for written.
pub fn save_changes(
    store: &dyn Store,
    ws: &Workspace,
    saved: &mut Saved,
    budget_ms: Option<f64>,
    clock: impl Fn() -> f64,
) -> Result<bool, SaveError> {
    let started = clock();
    let sha = ws.sha256();
    if saved.sha256 != sha {
        *saved = Saved { sha256: sha.to_string(), ..Saved::default() };
    }
    let meta = chunks::meta_fingerprint(ws);
    if saved.meta != Some(meta) {
        store.set(&doc_key(sha), &factmark::serialize_without_annotations(ws))?;
        saved.meta = Some(meta);
    }
    let now = chunks::fingerprints(ws.annotations());
    if saved.chunks.len() != CHUNKS {
        saved.chunks = vec![u64::MAX; CHUNKS];
    }
    // At least one chunk is written per call, however long the fingerprints took: with
    // 10,000 annotations they alone can exceed a slice's budget, and a save that stops before
    // its first write never finishes.
    let mut wrote = false;
    for (k, &print) in now.iter().enumerate() {
        if saved.chunks[k] == print {
            continue;
        }
        if wrote && budget_ms.is_some_and(|b| clock() - started > b) {
            return Ok(false);
        }
        wrote = true;
        let key = chunk_key(sha, k);
        if print == 0 {
            store.remove(&key);
        } else {
            store.set(&key, &factmark::serialize_annotations(chunks::chunk(ws.annotations(), k)))?;
        }
        saved.chunks[k] = print;
    }
    Ok(true)
}

/// How many annotations storage does not hold yet, by `saved` (after a failed save: what the
/// user must be told is not saved).
pub fn unsaved_count(ws: &Workspace, saved: &Saved) -> usize {
    let now = chunks::fingerprints(ws.annotations());
    let stale: Vec<bool> = (0..CHUNKS).map(|k| saved.chunks.get(k) != Some(&now[k])).collect();
    ws.annotations().unordered().filter(|a| stale[chunks::chunk_of(&a.id)]).count()
}

/// What storage holds for an article, as it is now (fingerprints of `ws`), when it was just
/// read from storage: nothing needs writing until something changes.
/// `rewrite`: write everything on the next save (an older layout, or unreadable parts were
/// backed up); `had_article`: the article part was found (else it is written first).
pub fn saved_as_loaded(ws: &Workspace, rewrite: bool, had_article: bool) -> Saved {
    if rewrite {
        return Saved { sha256: ws.sha256().to_string(), ..Saved::default() };
    }
    let meta = had_article.then(|| chunks::meta_fingerprint(ws));
    Saved { sha256: ws.sha256().to_string(), meta, chunks: chunks::fingerprints(ws.annotations()) }
}

/// The raw saved article part of an article (to reopen it from the library).
pub fn raw_doc(store: &dyn Store, sha256: &str) -> Option<String> {
    store.get(&doc_key(sha256))
}

/// Every stored key of an article with its value (for undoing a delete).
pub fn export_raw(store: &dyn Store, sha256: &str) -> Vec<(String, String)> {
    std::iter::once(doc_key(sha256))
        .chain((0..CHUNKS).map(|k| chunk_key(sha256, k)))
        .filter_map(|key| store.get(&key).map(|v| (key, v)))
        .collect()
}

pub fn remove_all(store: &dyn Store, sha256: &str) {
    store.remove(&doc_key(sha256));
    for k in 0..CHUNKS {
        store.remove(&chunk_key(sha256, k));
    }
}

pub fn restore_raw(store: &dyn Store, items: &[(String, String)]) -> Result<(), SaveError> {
    items.iter().try_for_each(|(k, v)| store.set(k, v))
}
