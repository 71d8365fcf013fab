//! The keys kept once per browser: the library index, the article open last, the checker
//! profile and the default verdict scale. An unreadable one is backed up and reported, like
//! an annotation chunk, and the default is used instead.

use super::backup::back_up;
use super::Library;
use super::{SaveError, Store, PREFIX};
use crate::annotation::{CheckerProfile, VerdictScale};

const LIBRARY: &str = "library";
const CURRENT: &str = "current";
const PROFILE: &str = "profile";
const SCALE: &str = "scale";

fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// Reads key `name` with `parse`; an unreadable value is backed up, removed, and reported in
/// `notices` as `what` (a user's name for it) with `then` (what happens instead).
fn read<T>(
    store: &dyn Store,
    name: &str,
    what: &str,
    then: &str,
    notices: &mut Vec<String>,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let key = key(name);
    let raw = store.get(&key)?;
    match parse(&raw) {
        Some(v) => Some(v),
        None => {
            let kept = back_up(store, &key, &raw);
            notices.push(format!("The saved {what} could not be read, so {then}. {kept}"));
            None
        }
    }
}

/// The library index; an unreadable one reads as empty (the articles themselves are stored
/// apart, and the index is rebuilt as they are opened).
pub fn load_library(store: &dyn Store, notices: &mut Vec<String>) -> Library {
    let then = "the list of articles starts afresh (the articles' saved work is untouched)";
    read(store, LIBRARY, "list of articles", then, notices, Library::parse).unwrap_or_default()
}

pub fn save_library(store: &dyn Store, library: &Library) -> Result<(), SaveError> {
    store.set(&key(LIBRARY), &library.serialize())
}

/// The fingerprint of the article open last, to reopen it after a reload.
pub fn load_current(store: &dyn Store, notices: &mut Vec<String>) -> Option<String> {
    let valid = |s: &str| (s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())).then(|| s.to_string());
    read(store, CURRENT, "choice of the article open last", "the default article opened", notices, valid)
}

pub fn set_current(store: &dyn Store, sha256: &str) -> Result<(), SaveError> {
    store.set(&key(CURRENT), sha256)
}

/// The checker profile saved in this browser, if any.
pub fn load_profile(store: &dyn Store, notices: &mut Vec<String>) -> Option<CheckerProfile> {
    read(store, PROFILE, "checker profile", "it is empty until you fill it in again", notices, super::from_json)
}

pub fn save_profile(store: &dyn Store, profile: &CheckerProfile) -> Result<(), SaveError> {
    let json = serde_json::to_string(profile).expect("plain data always serialises");
    store.set(&key(PROFILE), &json)
}

/// This browser's default verdict scale, if the user changed it.
pub fn load_scale(store: &dyn Store, notices: &mut Vec<String>) -> Option<VerdictScale> {
    read(store, SCALE, "verdict scale", "the default scale is used", notices, |raw| VerdictScale::from_lines(raw).ok())
}

pub fn save_scale(store: &dyn Store, scale: &VerdictScale) -> Result<(), SaveError> {
    store.set(&key(SCALE), &scale.to_lines())
}
