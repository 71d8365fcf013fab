//! Unreadable saved data is copied aside once, under a key named after its content, before
//! anything can overwrite it; the original is then removed so that the next load is clean and
//! the same bad value is never copied again.

use super::{Store, PREFIX};
use crate::persist::chunks::fnv;

/// Copies `raw` (found unreadable under `key`) to a backup key and removes it from `key`;
/// returns the sentence that tells the user where it went.
pub fn back_up(store: &dyn Store, key: &str, raw: &str) -> String {
    let what = key.strip_prefix(PREFIX).unwrap_or(key);
    let copy = format!("{PREFIX}backup:{what}:{:016x}", fnv(raw.as_bytes()));
    let kept = store.get(&copy).as_deref() == Some(raw) || store.set(&copy, raw).is_ok();
    if kept {
        store.remove(key);
        format!("The unreadable data was kept under the storage key “{copy}”.")
    } else {
        "The unreadable data could not be backed up (storage is full), so it is left untouched until you change something.".into()
    }
}
