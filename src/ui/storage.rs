//! localStorage: per article (by text fingerprint) one key for the article and a fixed set of
//! annotation chunks (see `crate::store`); unreadable data is backed up, never overwritten.

use crate::annotation::Annotation;
use crate::format::factmark::{self, FileError, Parsed};
use crate::store::{self, CHUNKS};
use crate::workspace::Workspace;
use leptos::prelude::window;
use std::fmt;
use wasm_bindgen::JsCast;

const PREFIX: &str = "factmark:doc:";

/// The key under which an article's work is saved.
pub fn doc_key(sha256: &str) -> String {
    format!("{PREFIX}{sha256}")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn chunk_key(sha256: &str, k: usize) -> String {
    format!("factmark:ann:{sha256}:{k}")
}

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
pub fn load(sha256: &str, now_ms: i64) -> Loaded {
    let mut out = Loaded::default();
    let Some(s) = storage() else { return out };
    let backup = |what: &str, raw: &str, error: FileError| {
        let copy = format!("factmark:backup:{sha256}:{what}:{now_ms}");
        let kept = match s.set_item(&copy, raw) {
            Ok(()) => format!("The unreadable data was kept under the storage key “{copy}”."),
            Err(_) => "The unreadable data could not be backed up, so it is left untouched until you change something.".into(),
        };
        format!("Part of your saved work for this article could not be read: {error}. The article opened without it. {kept}")
    };
    if let Ok(Some(raw)) = s.get_item(&doc_key(sha256)) {
        match factmark::parse(&raw) {
            Ok(parsed) => out.meta = Some(parsed),
            Err(error) => {
                let note = backup("doc", &raw, error);
                out.problems.push(note);
            }
        }
    }
    for k in 0..CHUNKS {
        let key = chunk_key(sha256, k);
        if let Ok(Some(raw)) = s.get_item(&key) {
            match factmark::parse_annotations(&raw) {
                Ok(list) => out.annotations.extend(list),
                Err(error) => {
                    let note = backup(&format!("ann{k}"), &raw, error);
                    out.problems.push(note);
                }
            }
        }
    }
    out
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
/// autosave never holds the page up; returns whether all of it was written.
pub fn save_changes(ws: &Workspace, saved: &mut Saved, budget_ms: Option<f64>, clock: impl Fn() -> f64) -> Result<bool, SaveError> {
    let started = clock();
    let sha = ws.sha256();
    if saved.sha256 != sha {
        *saved = Saved { sha256: sha.to_string(), ..Saved::default() };
    }
    let meta = store::meta_fingerprint(ws);
    if saved.meta != Some(meta) {
        set(&doc_key(sha), &factmark::serialize_without_annotations(ws))?;
        saved.meta = Some(meta);
    }
    let now = store::fingerprints(ws.annotations());
    if saved.chunks.len() != CHUNKS {
        saved.chunks = vec![u64::MAX; CHUNKS];
    }
    for k in 0..CHUNKS {
        if saved.chunks[k] == now[k] {
            continue;
        }
        if budget_ms.is_some_and(|b| clock() - started > b) {
            return Ok(false);
        }
        let key = chunk_key(sha, k);
        if now[k] == 0 {
            remove(&key);
        } else {
            set(&key, &factmark::serialize_annotations(store::chunk(ws.annotations(), k)))?;
        }
        saved.chunks[k] = now[k];
    }
    Ok(true)
}

/// What storage holds for an article, as it is now (fingerprints of `ws`), when it was just
/// read from storage: nothing needs writing until something changes.
/// `rewrite`: write everything on the next save (an older layout, or unreadable parts were
/// backed up); `had_article`: the article part was found (else it is written first).
pub fn saved_as_loaded(ws: &Workspace, rewrite: bool, had_article: bool) -> Saved {
    if rewrite {
        return Saved { sha256: ws.sha256().to_string(), ..Saved::default() };
    }
    let meta = had_article.then(|| store::meta_fingerprint(ws));
    Saved { sha256: ws.sha256().to_string(), meta, chunks: store::fingerprints(ws.annotations()) }
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage quota is used up.
    Full,
    /// Storage is switched off or not available (private mode, settings).
    Unavailable(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Full => f.write_str("The browser's storage for this page is full, so your latest changes are not saved locally. Use “Download JSON” to keep your work."),
            SaveError::Unavailable(why) => write!(f, "Saving in this browser is not possible ({why}). Use “Download JSON” to keep your work."),
        }
    }
}

const LIBRARY_KEY: &str = "factmark:library";
const CURRENT_KEY: &str = "factmark:current";

/// The library index (an unreadable one reads as empty; documents are untouched).
pub fn load_library() -> crate::library::Library {
    storage().and_then(|s| s.get_item(LIBRARY_KEY).ok().flatten()).map(|raw| crate::library::Library::parse(&raw)).unwrap_or_default()
}

pub fn save_library(lib: &crate::library::Library) -> Result<(), SaveError> {
    set(LIBRARY_KEY, &lib.serialize())
}

/// The fingerprint of the article open last, to reopen it after a reload.
pub fn current() -> Option<String> {
    storage()?.get_item(CURRENT_KEY).ok().flatten()
}

pub fn set_current(sha256: &str) {
    let _ = set(CURRENT_KEY, sha256);
}

/// The raw saved article part of an article (to reopen it from the library).
pub fn raw_doc(sha256: &str) -> Option<String> {
    storage()?.get_item(&doc_key(sha256)).ok().flatten()
}

/// Every stored key of an article with its value (for undoing a delete).
pub fn export_raw(sha256: &str) -> Vec<(String, String)> {
    let Some(s) = storage() else { return Vec::new() };
    std::iter::once(doc_key(sha256))
        .chain((0..CHUNKS).map(|k| chunk_key(sha256, k)))
        .filter_map(|key| s.get_item(&key).ok().flatten().map(|v| (key, v)))
        .collect()
}

pub fn remove_all(sha256: &str) {
    remove(&doc_key(sha256));
    for k in 0..CHUNKS {
        remove(&chunk_key(sha256, k));
    }
}

pub fn restore_raw(items: &[(String, String)]) -> Result<(), SaveError> {
    items.iter().try_for_each(|(k, v)| set(k, v))
}

fn set(key: &str, value: &str) -> Result<(), SaveError> {
    let s = storage().ok_or_else(|| SaveError::Unavailable("localStorage is switched off".into()))?;
    s.set_item(key, value).map_err(|e| {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Full
        } else {
            SaveError::Unavailable(if name.is_empty() { "unknown error".into() } else { name })
        }
    })
}

const PROFILE_KEY: &str = "factmark:profile";

/// The checker profile saved in this browser, if any.
pub fn load_profile() -> Option<crate::check::CheckerProfile> {
    let raw = storage()?.get_item(PROFILE_KEY).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

pub fn save_profile(profile: &crate::check::CheckerProfile) {
    if let Ok(json) = serde_json::to_string(profile) {
        let _ = set(PROFILE_KEY, &json);
    }
}

const SCALE_KEY: &str = "factmark:scale";

/// This browser's default verdict scale, if the user changed it.
pub fn load_scale() -> Option<crate::check::VerdictScale> {
    let raw = storage()?.get_item(SCALE_KEY).ok().flatten()?;
    crate::check::VerdictScale::from_lines(&raw).ok()
}

pub fn save_scale(scale: &crate::check::VerdictScale) {
    let _ = set(SCALE_KEY, &scale.to_lines());
}
