//! The browser's localStorage as the core's [`Store`]: everything about what is kept under
//! which key, and how unreadable data is backed up, lives in `crate::persist`.

use crate::persist::{SaveError, Store};
use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// localStorage of this origin. Reads of a switched-off storage find nothing; writes say why.
pub struct LocalStorage;

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
