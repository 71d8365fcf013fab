//! An in-memory [`Store`] for tests, with a quota and a count of writes, and a way to fail
//! after a number of writes (a crash or a full disk in the middle of a save).

use super::{SaveError, Store};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

#[derive(Default)]
pub struct MemoryStore {
    pub items: RefCell<BTreeMap<String, String>>,
    /// Bytes of keys and values it may hold, like a browser's quota (None: no limit).
    pub quota: Cell<Option<usize>>,
    /// Successful writes so far.
    pub writes: Cell<usize>,
    /// Writes that may still succeed before every write fails (None: no limit).
    pub writes_left: Cell<Option<usize>>,
}

impl MemoryStore {
    pub fn used(&self) -> usize {
        self.items.borrow().iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    pub fn keys_with(&self, part: &str) -> Vec<String> {
        self.items.borrow().keys().filter(|k| k.contains(part)).cloned().collect()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if self.writes_left.get() == Some(0) {
            return Err(SaveError::Full);
        }
        let old = self.items.borrow().get(key).map_or(0, |v| key.len() + v.len());
        if self.quota.get().is_some_and(|q| self.used() - old + key.len() + value.len() > q) {
            return Err(SaveError::Full);
        }
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
        self.writes.set(self.writes.get() + 1);
        if let Some(n) = self.writes_left.get() {
            self.writes_left.set(Some(n - 1));
        }
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
}
