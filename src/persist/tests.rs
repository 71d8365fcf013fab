use super::memory::MemoryStore;
use super::settings::{load_profile, load_scale};
use super::*;
use crate::annotation::{AnnotationId, Tag};
use crate::annotation::{CheckerProfile, VerdictScale};
use crate::article::Article;
use crate::format::factmark;
use crate::text::CharRange;
use crate::time::Timestamp;
use crate::workspace::Workspace;

fn ws_with(n: usize) -> Workspace {
    let mut w = Workspace::new(Article::default_article());
    let chars = w.text().chars();
    let words: Vec<usize> = (1..chars.len()).filter(|&i| chars[i].is_alphanumeric() && chars[i - 1] == ' ').collect();
    assert!(words.len() * 3 >= n);
    for i in 0..n {
        let s = words[i % words.len()];
        let mut id = [0u8; 16];
        id[..8].copy_from_slice(&(i as u64).to_le_bytes());
        w.create(CharRange::new(s, s + 4).unwrap(), Tag::ALL[(i / words.len()) % 3], AnnotationId::new_v4(id), Timestamp(1)).unwrap();
    }
    w
}

/// The annotations of a workspace as the file writes them: equal means byte-for-byte equal.
fn annotations_json(w: &Workspace) -> String {
    factmark::serialize_annotations(w.annotations().iter())
}

fn save_all(store: &MemoryStore, w: &Workspace, saved: &mut Saved) -> Result<bool, SaveError> {
    save_changes(store, w, saved, None, || 0.0)
}

#[test]
fn round_trip_through_the_store() {
    let store = MemoryStore::default();
    let mut w = ws_with(120);
    w.set_profile(CheckerProfile::new("Ana", "Desk", "").unwrap());
    let id = w.annotations().iter().next().unwrap().id.clone();
    w.set_note(&id, "a note", Timestamp(5));
    let mut saved = Saved::default();
    assert_eq!(save_all(&store, &w, &mut saved), Ok(true));
    let (back, saved_back, notices) = restore(&store, Article::default_article());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(annotations_json(&back), annotations_json(&w));
    assert_eq!(back.profile(), w.profile());
    assert_eq!(saved_back, saved, "what was just read needs no writing");
}

#[test]
fn a_save_writes_only_the_chunk_that_changed() {
    let store = MemoryStore::default();
    let mut w = ws_with(200);
    let mut saved = Saved::default();
    save_all(&store, &w, &mut saved).unwrap();
    let before = store.writes.get();
    let id = w.annotations().iter().nth(7).unwrap().id.clone();
    w.set_note(&id, "changed", Timestamp(9));
    save_all(&store, &w, &mut saved).unwrap();
    assert_eq!(store.writes.get() - before, 1);
    // Nothing changed: nothing written.
    save_all(&store, &w, &mut saved).unwrap();
    assert_eq!(store.writes.get() - before, 1);
}

#[test]
fn a_corrupt_chunk_is_backed_up_once_and_the_rest_loads() {
    let store = MemoryStore::default();
    let w = ws_with(150);
    save_all(&store, &w, &mut Saved::default()).unwrap();
    let chunk = store.keys_with(":ann:")[0].clone();
    let lost = factmark::parse_annotations(&store.get(&chunk).unwrap()).unwrap().len();
    store.set(&chunk, "{garbage").unwrap();
    let (back, _, notices) = restore(&store, Article::default_article());
    assert_eq!(back.annotations().len(), 150 - lost, "every readable chunk loads");
    assert_eq!(notices.len(), 1, "{notices:?}");
    let backups = store.keys_with("backup:");
    assert_eq!(backups.len(), 1);
    assert!(notices[0].contains(&backups[0]), "the notice names the backup key");
    assert_eq!(store.get(&backups[0]).as_deref(), Some("{garbage"));
    // Reloading again makes no second copy and no second notice.
    for _ in 0..3 {
        let (_, _, notices) = restore(&store, Article::default_article());
        assert!(notices.is_empty(), "{notices:?}");
    }
    assert_eq!(store.keys_with("backup:").len(), 1);
    // The same garbage appearing again is not copied again either.
    store.set(&chunk, "{garbage").unwrap();
    restore(&store, Article::default_article());
    assert_eq!(store.keys_with("backup:").len(), 1);
}

#[test]
fn a_full_quota_loses_nothing_in_memory_and_says_what_is_unsaved() {
    let store = MemoryStore::default();
    let mut w = ws_with(300);
    let mut saved = Saved::default();
    save_all(&store, &w, &mut saved).unwrap();
    store.quota.set(Some(store.used() + 200));
    let before = annotations_json(&w);
    let ids: Vec<_> = w.annotations().iter().take(40).map(|a| a.id.clone()).collect();
    for id in &ids {
        w.set_note(id, &"long note ".repeat(20), Timestamp(7));
    }
    assert_eq!(save_all(&store, &w, &mut saved), Err(SaveError::Full));
    assert_ne!(annotations_json(&w), before, "the edits are still in memory");
    let unsaved = unsaved_count(&w, &saved);
    assert!(unsaved > 0 && unsaved <= 300, "{unsaved}");
    // Room again: the next save completes and a reload has everything.
    store.quota.set(None);
    assert_eq!(save_all(&store, &w, &mut saved), Ok(true));
    assert_eq!(unsaved_count(&w, &saved), 0);
    let (back, _, _) = restore(&store, Article::default_article());
    assert_eq!(annotations_json(&back), annotations_json(&w));
}

#[test]
fn a_crash_between_two_chunk_writes_keeps_every_chunk_whole() {
    let store = MemoryStore::default();
    let mut w = ws_with(300);
    let mut saved = Saved::default();
    save_all(&store, &w, &mut saved).unwrap();
    let old = annotations_json(&w);
    for id in w.annotations().iter().map(|a| a.id.clone()).collect::<Vec<_>>() {
        w.set_note(&id, "edited", Timestamp(8));
    }
    store.writes_left.set(Some(5));
    assert!(save_all(&store, &w, &mut saved).is_err());
    // The page dies here. A reload reads whole chunks, some old and some new, never half.
    let (back, _, notices) = restore(&store, Article::default_article());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.annotations().len(), 300);
    let edited = back.annotations().iter().filter(|a| a.note == "edited").count();
    assert!(edited > 0 && edited < 300, "{edited}");
    assert_ne!(annotations_json(&back), old);
}

#[test]
fn an_older_save_with_annotations_in_the_article_key_is_migrated() {
    let store = MemoryStore::default();
    let w = ws_with(30);
    let sha = w.sha256().to_string();
    store.set(&format!("factmark:doc:{sha}"), &factmark::serialize(&w)).unwrap();
    let (back, mut saved, _) = restore(&store, Article::default_article());
    assert_eq!(annotations_json(&back), annotations_json(&w));
    save_all(&store, &back, &mut saved).unwrap();
    assert!(!store.keys_with(":ann:").is_empty(), "the next save writes chunks");
    let doc = factmark::parse(&store.get(&format!("factmark:doc:{sha}")).unwrap()).unwrap();
    assert!(doc.annotations.is_empty(), "and the article key without annotations");
    let (again, _, _) = restore(&store, Article::default_article());
    assert_eq!(annotations_json(&again), annotations_json(&w));
}

#[test]
fn unreadable_settings_are_backed_up_and_reported_once() {
    let store = MemoryStore::default();
    for (k, v) in [("library", "{nope"), ("current", "<script>"), ("profile", "[1]"), ("scale", "")] {
        store.set(&format!("factmark:{k}"), v).unwrap();
    }
    let mut notices = Vec::new();
    assert_eq!(load_library(&store, &mut notices), Library::default());
    assert_eq!(load_current(&store, &mut notices), None);
    assert_eq!(load_profile(&store, &mut notices), None);
    assert_eq!(load_scale(&store, &mut notices), None);
    assert_eq!(notices.len(), 4, "{notices:?}");
    assert_eq!(store.keys_with("backup:").len(), 4);
    let mut again = Vec::new();
    load_library(&store, &mut again);
    load_current(&store, &mut again);
    load_profile(&store, &mut again);
    load_scale(&store, &mut again);
    assert!(again.is_empty(), "{again:?}");
    // Readable values load, with no notice.
    let scale = VerdictScale::from_lines("Yes\nNo").unwrap();
    save_scale(&store, &scale).unwrap();
    set_current(&store, &"a".repeat(64)).unwrap();
    assert_eq!(load_scale(&store, &mut again), Some(scale));
    assert_eq!(load_current(&store, &mut again), Some("a".repeat(64)));
    assert!(again.is_empty());
}

#[test]
fn a_budgeted_save_makes_progress_even_when_the_budget_is_gone_before_the_first_write() {
    let store = MemoryStore::default();
    let w = ws_with(400);
    let mut saved = Saved::default();
    // A slow clock: every reading is 10 ms later, so the budget of 1 ms is always spent.
    let t = std::cell::Cell::new(0.0);
    let clock = || {
        t.set(t.get() + 10.0);
        t.get()
    };
    let mut calls = 0;
    while save_changes(&store, &w, &mut saved, Some(1.0), clock) != Ok(true) {
        calls += 1;
        assert!(calls <= 64, "every call writes at least one chunk");
    }
    assert!(calls > 1, "the budget did split the save");
    let (back, _, _) = restore(&store, Article::default_article());
    assert_eq!(annotations_json(&back), annotations_json(&w));
}

#[test]
fn edited_details_are_saved_and_come_back_with_the_article() {
    let store = MemoryStore::default();
    let mut w = ws_with(3);
    let mut saved = Saved::default();
    save_all(&store, &w, &mut saved).unwrap();
    let form = crate::workspace::DetailsForm { url: "https://news.example/a".into(), outlet: "News".into(), ..Default::default() };
    w.set_details(&form).unwrap();
    assert!(save_all(&store, &w, &mut saved).unwrap(), "a details change is written");
    // Reopened from its plain text (no details), as the built-in article is.
    let (back, _, notices) = restore(&store, ws_with(0).article().clone());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.article().url.as_deref(), Some("https://news.example/a"));
    assert_eq!(back.article().outlet.as_deref(), Some("News"));
    assert_eq!(back.annotations().len(), 3);
}

#[test]
fn the_article_review_is_saved_and_comes_back() {
    let store = MemoryStore::default();
    let mut w = ws_with(2);
    let mut saved = Saved::default();
    save_all(&store, &w, &mut saved).unwrap();
    let review =
        crate::annotation::ArticleReview::new(Some("Low credibility"), "Overstates the figure", "Long.", &["Cherry-picking".into()]);
    w.set_review(review.clone());
    assert!(save_all(&store, &w, &mut saved).unwrap(), "a review change is written");
    let (back, _, notices) = restore(&store, ws_with(0).article().clone());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.review(), &review);
    assert_eq!(back.annotations().len(), 2);
}
