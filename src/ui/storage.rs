//! The browser's storage as the core's [`Store`]: IndexedDB where the browser has it (see
//! `idb`), else localStorage. What is kept under which key, and how unreadable data is backed
//! up, lives in `crate::persist`.

use crate::persist::{SaveError, Store};
use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// Where the app keeps its work: IndexedDB once `idb::start` succeeded, else localStorage.
pub struct BrowserStore;

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        if super::idb::active() {
            super::idb::get(key)
        } else {
            LocalStorage.get(key)
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if super::idb::active() {
            super::idb::set(key, Some(value));
            Ok(())
        } else {
            LocalStorage.set(key, value)
        }
    }

    fn remove(&self, key: &str) {
        if super::idb::active() {
            super::idb::set(key, None);
        } else {
            LocalStorage.remove(key)
        }
    }
}

/// localStorage of this origin. Reads of a switched-off storage find nothing; writes say why.
struct LocalStorage;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Store for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
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

    fn remove(&self, key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }
}
