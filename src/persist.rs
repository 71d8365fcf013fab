//! Saving work in the browser, independent of the browser: the key layout, chunking, loading
//! with backups, the budgeted save and the settings keys, over a small [`Store`] trait that
//! the UI implements for localStorage (and tests implement in memory).

mod article;
mod backup;
mod chunks;
mod keys;
mod library;
#[cfg(test)]
mod memory;
mod settings;
#[cfg(test)]
mod tests;

pub use article::{export_raw, raw_doc, remove_all, restore, restore_raw, save_changes, unsaved_count, Saved};
pub use keys::{article_keys, group_sorted_keys};
pub use library::{Library, LibraryEntry};
pub use settings::{load_current, load_library, save_library, save_profile, save_scale, set_current};

use keys::{chunk_key, doc_key};
use std::fmt;

/// Reads stored JSON into `T` through a `serde_json::Value`, as the file reader does, so the
/// page's module holds one deserializer per type rather than one per input kind.
fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Option<T> {
    serde_json::from_value(serde_json::from_str(json).ok()?).ok()
}

/// A key-value store of strings, the shape of the browser's localStorage.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);
}

/// Why a write failed.
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

impl std::error::Error for SaveError {}

/// How much room the saved work takes and how much is left, for the library menu.
pub fn describe_space(store: &str, used_bytes: f64, quota_bytes: f64) -> String {
    let mb = |b: f64| b / 1_048_576.0;
    let free = (quota_bytes - used_bytes).max(0.0);
    format!("Saved in this browser’s {store}: {:.1} MB used, {:.0} MB free", mb(used_bytes), mb(free))
}

#[cfg(test)]
#[test]
fn space_is_described_in_megabytes() {
    assert_eq!(
        describe_space("IndexedDB", 3.5 * 1_048_576.0, 1000.0 * 1_048_576.0),
        "Saved in this browser’s IndexedDB: 3.5 MB used, 996 MB free"
    );
    assert!(describe_space("x", 10.0, 5.0).ends_with(" 0 MB free"), "never negative");
}

/// Every key starts with this, so Factmark's data never mixes with another app's on the origin.
const PREFIX: &str = "factmark:";
