//! localStorage: one key per article (by text fingerprint); unreadable data is backed up, never overwritten.

use crate::format::factmark::{self, FileError, Parsed};
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

/// What was found under an article's key.
pub enum Loaded {
    Nothing,
    Saved(Parsed),
    /// The saved data could not be read; it was copied to `backup_key` (if that worked).
    Unreadable {
        error: FileError,
        backup_key: Option<String>,
    },
}

/// Reads an article's saved work. Unreadable data is copied to a backup key first, so the
/// next save cannot destroy it.
pub fn load(sha256: &str, now_ms: i64) -> Loaded {
    let Some(s) = storage() else { return Loaded::Nothing };
    let key = doc_key(sha256);
    let Ok(Some(raw)) = s.get_item(&key) else { return Loaded::Nothing };
    match factmark::parse(&raw) {
        Ok(parsed) => Loaded::Saved(parsed),
        Err(error) => {
            let backup = format!("factmark:backup:{sha256}:{now_ms}");
            let backup_key = s.set_item(&backup, &raw).ok().map(|_| backup);
            Loaded::Unreadable { error, backup_key }
        }
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

/// Writes `json` under the article's key.
pub fn save(sha256: &str, json: &str) -> Result<(), SaveError> {
    set(&doc_key(sha256), json)
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

/// The raw saved document of an article (for undoing a delete).
pub fn raw_doc(sha256: &str) -> Option<String> {
    storage()?.get_item(&doc_key(sha256)).ok().flatten()
}

pub fn remove_doc(sha256: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&doc_key(sha256));
    }
}

pub fn restore_doc(sha256: &str, raw: &str) -> Result<(), SaveError> {
    set(&doc_key(sha256), raw)
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
