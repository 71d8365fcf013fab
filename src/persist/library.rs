//! The article library: an index of the articles kept in the browser, newest first.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One article in the library. The article and its annotations are stored separately (as a
/// Factmark file under the article's fingerprint); this is what the menu lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryEntry {
    /// SHA-256 of the canonical text: the article's identity and storage key.
    pub sha256: String,
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub annotations: usize,
    /// The outlet that published the article, when known (older libraries have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Last time it was opened or changed (ms since the epoch), for ordering.
    #[serde(default)]
    pub touched: i64,
}

impl LibraryEntry {
    /// The entry of `article` (fingerprint `sha256`) with `annotations` of them: its title,
    /// its publication date (else its dateline: a web page has only the former) and outlet.
    pub fn of(article: &crate::article::Article, sha256: &str, annotations: usize, touched: i64) -> LibraryEntry {
        LibraryEntry {
            sha256: sha256.to_string(),
            title: article.display_title(),
            date: article.published.clone().or_else(|| article.date.clone()),
            annotations,
            outlet: article.outlet.clone(),
            touched,
        }
    }

    /// "The Guardian · 2025-02-04 · 3 annotations": what the library shows under the title.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self.outlet.iter().chain(&self.date).cloned().collect();
        parts.push(format!("{} annotation{}", self.annotations, if self.annotations == 1 { "" } else { "s" }));
        parts.join(" · ")
    }
}

/// The library index. The default article is always in it and cannot be removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub entries: Vec<LibraryEntry>,
}

impl Library {
    /// Reads the stored index; `None` when it is unreadable.
    pub fn parse(json: &str) -> Option<Library> {
        super::from_json(json)
    }

    pub fn serialize(&self) -> String {
        serde_json::to_string(self).expect("plain data always serialises")
    }

    /// Adds or updates an entry and moves it to the top.
    pub fn upsert(&mut self, entry: LibraryEntry) {
        self.entries.retain(|e| e.sha256 != entry.sha256);
        self.entries.insert(0, entry);
    }

    /// Updates the annotation count of an entry, if present, without reordering.
    pub fn set_count(&mut self, sha256: &str, annotations: usize, now: Timestamp) -> bool {
        match self.entries.iter_mut().find(|e| e.sha256 == sha256) {
            Some(e) if e.annotations != annotations => {
                e.annotations = annotations;
                e.touched = now.0;
                true
            }
            _ => false,
        }
    }

    /// Removes an entry; the default article (`protected`) is never removed.
    pub fn remove(&mut self, sha256: &str, protected: &str) -> Option<(usize, LibraryEntry)> {
        if sha256 == protected {
            return None;
        }
        let i = self.entries.iter().position(|e| e.sha256 == sha256)?;
        Some((i, self.entries.remove(i)))
    }

    /// Puts a removed entry back where it was (undo of a delete).
    pub fn restore(&mut self, at: usize, entry: LibraryEntry) {
        self.entries.retain(|e| e.sha256 != entry.sha256);
        self.entries.insert(at.min(self.entries.len()), entry);
    }

    pub fn get(&self, sha256: &str) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.sha256 == sha256)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(sha: &str) -> LibraryEntry {
        LibraryEntry { sha256: sha.into(), title: format!("T {sha}"), date: None, annotations: 0, outlet: None, touched: 0 }
    }

    #[test]
    fn an_entry_names_outlet_date_and_count() {
        let mut a = crate::article::Article { title: "Budget".into(), paragraphs: vec!["x".into()], ..Default::default() };
        let e = LibraryEntry::of(&a, "s", 1, 0);
        assert_eq!(e.describe(), "1 annotation");
        a.outlet = Some("The Guardian".into());
        a.date = Some("2025-02-04 20:58".into());
        assert_eq!(LibraryEntry::of(&a, "s", 3, 0).describe(), "The Guardian · 2025-02-04 20:58 · 3 annotations");
        a.published = Some("2025-02-03".into());
        assert_eq!(LibraryEntry::of(&a, "s", 0, 0).describe(), "The Guardian · 2025-02-03 · 0 annotations", "the publication date first");
        // An index written before outlets were kept still reads.
        let old: LibraryEntry = serde_json::from_str(r#"{"sha256":"s","title":"T","date":null,"annotations":2,"touched":5}"#).unwrap();
        assert_eq!(old.outlet, None);
    }

    #[test]
    fn upsert_moves_to_top_and_remove_protects_the_default() {
        let mut lib = Library::default();
        lib.upsert(entry("a"));
        lib.upsert(entry("b"));
        lib.upsert(entry("a"));
        let order: Vec<&str> = lib.entries.iter().map(|e| e.sha256.as_str()).collect();
        assert_eq!(order, vec!["a", "b"]);
        assert_eq!(lib.remove("a", "a"), None, "the default article stays");
        let (at, removed) = lib.remove("b", "a").unwrap();
        assert_eq!((at, removed.sha256.as_str()), (1, "b"));
        lib.restore(at, removed);
        assert_eq!(lib.entries.len(), 2);
        assert_eq!(lib.entries[1].sha256, "b");
    }

    #[test]
    fn round_trip_and_corrupt_index() {
        let mut lib = Library::default();
        lib.upsert(entry("x"));
        assert!(lib.set_count("x", 4, Timestamp(9)));
        assert!(!lib.set_count("x", 4, Timestamp(10)), "no change, no write");
        assert_eq!(Library::parse(&lib.serialize()), Some(lib));
        assert_eq!(Library::parse("{not json"), None);
        assert_eq!(Library::parse("[1,2]"), None);
    }
}
