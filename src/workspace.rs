//! The workspace: one article with its annotations and undo history; every user action is
//! one method here, returning which blocks need re-rendering.

#[cfg(test)]
mod actions_test;
mod check;
mod details;
mod html;
mod suggested;
pub use details::{DetailsError, DetailsForm};
pub use html::push_escaped;

use crate::anchor::{anchor, Anchoring};
use crate::annotation::{Annotation, AnnotationId, AnnotationSet, Status, Tag, Target, CONTEXT_CHARS};
use crate::annotation::{ArticleReview, CheckerProfile, VerdictScale};
use crate::article::{Article, ArticleText};
use crate::history::{Done, Edit, History, MergeKey, StepKind};
use crate::sha256::sha256_hex;
use crate::text::snap::snap_to_words;
use crate::text::CharRange;
use crate::time::Timestamp;
use std::fmt;

/// What an action changed, so the UI re-renders only that.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Blocks (headline, paragraphs) whose highlights changed.
    pub blocks: Vec<usize>,
    /// The annotation the action is about, for the panel to select.
    pub focus: Option<AnnotationId>,
}

/// Why an annotation could not be created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreateError {
    /// The selection held only whitespace, or nothing of the article.
    NothingSelected,
}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreateError::NothingSelected => f.write_str("Select some words of the article first."),
        }
    }
}

impl std::error::Error for CreateError {}

/// How placing a list of annotations on the text went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub anchored: usize,
    /// Anchored, but not at the stored position (the text changed, or other offset units).
    pub moved: usize,
    pub orphaned: usize,
}

impl LoadReport {
    fn count(&mut self, a: &Annotation, moved: bool) {
        if a.is_orphan() {
            self.orphaned += 1;
        } else {
            self.anchored += 1;
            self.moved += usize::from(moved);
        }
    }
}

/// How an import treats the annotations already there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImportMode {
    #[default]
    Merge,
    Replace,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    /// Not taken: an existing annotation with the same id was as new or newer.
    pub skipped: usize,
    /// Removed first (replace mode).
    pub removed: usize,
    pub placed: LoadReport,
}

impl ImportReport {
    /// The report with `origin` (" from a Hypothesis file") after the count of added ones.
    pub fn describe(&self, origin: &str) -> String {
        let plain = self.to_string();
        let added = format!("{} added", self.added);
        format!("{added}{origin}{}", &plain[added.len()..])
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} added", self.added)?;
        if self.updated > 0 {
            write!(f, ", {} updated", self.updated)?;
        }
        if self.skipped > 0 {
            write!(f, ", {} kept as they were (same id, not newer)", self.skipped)?;
        }
        if self.removed > 0 {
            write!(f, ", {} replaced", self.removed)?;
        }
        if self.placed.orphaned > 0 {
            write!(f, "; {} could not be placed on the text and are listed under “Could not place”", self.placed.orphaned)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug)]
pub struct Workspace {
    article: Article,
    text: ArticleText,
    sha256: String,
    set: AnnotationSet,
    history: History,
    /// Who is checking, and the verdicts they choose from: settings, not undoable, saved
    /// with the article's file.
    profile: CheckerProfile,
    scale: VerdictScale,
    /// The review of the article as a whole (a setting-like record, saved with the article).
    review: ArticleReview,
}

impl Workspace {
    pub fn new(article: Article) -> Workspace {
        let text = ArticleText::new(&article);
        let sha256 = sha256_hex(article.canonical_text().as_bytes());
        let set = AnnotationSet::new(text.blocks());
        Workspace {
            article,
            text,
            sha256,
            set,
            history: History::default(),
            profile: CheckerProfile::default(),
            scale: VerdictScale::default(),
            review: ArticleReview::default(),
        }
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    /// How the article writes numeric dates with slashes, by its language's region.
    pub fn date_order(&self) -> crate::suggest::DateOrder {
        crate::suggest::DateOrder::of_language(self.article().language.as_deref())
    }

    pub fn text(&self) -> &ArticleText {
        &self.text
    }

    /// SHA-256 of the canonical text (hex).
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn annotations(&self) -> &AnnotationSet {
        &self.set
    }

    /// A target for `range`, with quote and context taken from the text.
    fn target_for(&self, range: CharRange) -> Target {
        Target {
            range,
            exact: self.text.slice(range),
            prefix: self.text.prefix(range, CONTEXT_CHARS),
            suffix: self.text.suffix(range, CONTEXT_CHARS),
        }
    }

    /// Tags a selection. The raw range is clipped to the text and snapped to whole words; the
    /// same range with the same tag is not created twice (the existing one is focused).
    pub fn create(&mut self, raw: CharRange, tag: Tag, id: AnnotationId, now: Timestamp) -> Result<Change, CreateError> {
        let range = snap_to_words(self.text.chars(), raw).ok_or(CreateError::NothingSelected)?;
        if let Some(existing) = self.set.find_same(range, tag) {
            return Ok(Change { blocks: Vec::new(), focus: Some(existing.id.clone()) });
        }
        let a = Annotation {
            id: id.clone(),
            tag,
            target: self.target_for(range),
            note: String::new(),
            origin: None,
            created: now,
            modified: now,
            status: Status::Anchored,
            check: Default::default(),
            extra: Default::default(),
        };
        Ok(self.apply(vec![Edit::Insert(a)], None, Some(id)))
    }

    /// Replaces the note. Consecutive note edits of one annotation form one undo step until
    /// [`Workspace::seal_history`] is called.
    pub fn set_note(&mut self, id: &AnnotationId, note: &str, now: Timestamp) -> Change {
        self.update(id, now, Some("note"), |a| a.note = note.to_string())
    }

    pub fn set_tag(&mut self, id: &AnnotationId, tag: Tag, now: Timestamp) -> Change {
        self.history.seal();
        self.update(id, now, None, |a| a.tag = tag)
    }

    pub fn delete(&mut self, id: &AnnotationId) -> Change {
        self.history.seal();
        match self.set.get(id) {
            Some(a) => self.apply(vec![Edit::Remove(a.clone())], None, None),
            None => Change::default(),
        }
    }

    fn update(&mut self, id: &AnnotationId, now: Timestamp, field: Option<&'static str>, f: impl FnOnce(&mut Annotation)) -> Change {
        let Some(before) = self.set.get(id).cloned() else { return Change::default() };
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return Change::default();
        }
        after.modified = now;
        let merge = field.map(|field| MergeKey { id: id.clone(), field });
        self.apply(vec![Edit::Update { before, after }], merge, Some(id.clone()))
    }

    /// As [`Workspace::update`], but not a step of its own: for what arrives after the checker
    /// has moved on (a suggestion), which then belongs to the state it arrived in.
    fn update_untracked(&mut self, id: &AnnotationId, f: impl FnOnce(&mut Annotation)) {
        let Some(before) = self.set.get(id).cloned() else { return };
        let mut after = before.clone();
        f(&mut after);
        if after != before {
            let _ = self.perform(Edit::Update { before, after }, &mut Vec::new());
        }
    }

    fn apply(&mut self, edits: Vec<Edit>, merge: Option<MergeKey>, focus: Option<AnnotationId>) -> Change {
        let mut blocks = Vec::new();
        let done = edits.into_iter().filter_map(|e| self.perform(e, &mut blocks)).collect();
        self.history.record(done, merge);
        Change { blocks: sorted(blocks), focus }
    }

    /// Applies one edit to the set without touching history, noting the touched blocks; the
    /// annotations move into the set, nothing is copied. `None` for the removal of an
    /// annotation that is not there.
    fn perform(&mut self, edit: Edit, blocks: &mut Vec<usize>) -> Option<Done> {
        Some(match edit {
            Edit::Insert(a) => {
                let id = a.id.clone();
                blocks.extend(self.set.insert(a));
                Done::Inserted(id)
            }
            Edit::Remove(a) => {
                let (old, touched) = self.set.remove(&a.id)?;
                blocks.extend(touched);
                Done::Removed(old)
            }
            Edit::Update { before, after } => {
                blocks.extend(self.set.insert(after));
                Done::Updated { before }
            }
        })
    }

    /// Reverses one applied edit on the set (for undo and redo), returning the applied form
    /// of the reversal: what the set gave up is now in the step, and the other way round.
    fn flip(set: &mut crate::annotation::AnnotationSet, done: Done, blocks: &mut Vec<usize>) -> Done {
        match done {
            Done::Inserted(id) => match set.remove(&id) {
                Some((a, touched)) => {
                    blocks.extend(touched);
                    Done::Removed(a)
                }
                None => Done::Inserted(id),
            },
            Done::Removed(a) => {
                let id = a.id.clone();
                blocks.extend(set.insert(a));
                Done::Inserted(id)
            }
            Done::Updated { before } => {
                let now = set.remove(&before.id);
                let id = before.id.clone();
                blocks.extend(set.insert(before));
                match now {
                    Some((after, touched)) => {
                        blocks.extend(touched);
                        Done::Updated { before: after }
                    }
                    None => Done::Inserted(id),
                }
            }
        }
    }

    /// Ends the current merge window (note editing lost focus, or another action started).
    pub fn seal_history(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) -> Option<Change> {
        let (set, mut blocks) = (&mut self.set, Vec::new());
        let focus = focus_of(self.history.undo(|d| Self::flip(set, d, &mut blocks))?);
        Some(Change { blocks: sorted(blocks), focus })
    }

    pub fn redo(&mut self) -> Option<Change> {
        let (set, mut blocks) = (&mut self.set, Vec::new());
        let focus = focus_of(self.history.redo(|d| Self::flip(set, d, &mut blocks))?);
        Some(Change { blocks: sorted(blocks), focus })
    }

    /// What Undo would take back, in words for its button ("Undo note edit"); `None` when
    /// there is nothing to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.history.next_undo().map(|k| format!("Undo {}", step_words(k)))
    }

    /// What Redo would bring back, likewise ("Redo new annotation").
    pub fn redo_label(&self) -> Option<String> {
        self.history.next_redo().map(|k| format!("Redo {}", step_words(k)))
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Places one annotation read from outside (file, storage) on the current text; one
    /// that cannot be placed becomes an orphan. Returns whether it moved.
    fn place(&self, mut a: Annotation) -> (Annotation, bool) {
        let moved = match anchor(self.text.chars(), &a.target) {
            Anchoring::Anchored { range, .. } => {
                let moved = range != a.target.range;
                a.target = self.target_for(range);
                a.status = Status::Anchored;
                moved
            }
            Anchoring::Orphan => {
                a.status = Status::Orphan;
                false
            }
        };
        (a, moved)
    }

    /// Anchors and adds annotations restored from storage, without undo history.
    pub fn load(&mut self, annotations: Vec<Annotation>) -> LoadReport {
        let mut report = LoadReport::default();
        for a in annotations {
            let (a, moved) = self.place(a);
            report.count(&a, moved);
            self.set.insert(a);
        }
        report
    }

    /// Imports annotations from a file as one undoable step. `Merge` keeps existing ones and,
    /// where two share an id, the one modified last; `Replace` removes the existing ones
    /// first. The caller has already validated the whole file, so this cannot fail halfway.
    pub fn import(&mut self, annotations: Vec<Annotation>, mode: ImportMode) -> (Change, ImportReport) {
        let mut report = ImportReport::default();
        let mut edits = Vec::new();
        if mode == ImportMode::Replace {
            report.removed = self.set.len();
            edits.extend(self.set.iter().cloned().map(Edit::Remove));
        }
        let mut seen = std::collections::HashSet::new();
        for a in annotations {
            if !seen.insert(a.id.clone()) {
                report.skipped += 1; // the same id twice in one file: the first wins
                continue;
            }
            let (a, moved) = self.place(a);
            let existing = if mode == ImportMode::Merge { self.set.get(&a.id) } else { None };
            match existing {
                Some(old) if old.modified >= a.modified => report.skipped += 1,
                Some(old) => {
                    report.placed.count(&a, moved);
                    report.updated += 1;
                    edits.push(Edit::Update { before: old.clone(), after: a });
                }
                None => {
                    report.placed.count(&a, moved);
                    report.added += 1;
                    edits.push(Edit::Insert(a));
                }
            }
        }
        self.history.seal();
        (self.apply(edits, None, None), report)
    }

    /// The runs of block `b` with the annotations covering each.
    /// The anchored annotations of block `b`, outermost first: by start, then longest first,
    /// then id, so that rendering is the same whatever order they were added in.
    fn block_annotations(&self, b: usize) -> Vec<&Annotation> {
        let mut anns: Vec<&Annotation> = self.set.in_block(b).collect();
        crate::sort::sort_by_key(&mut anns, |a| (a.range().start(), std::cmp::Reverse(a.range().end()), &a.id));
        anns
    }
}

fn focus_of(edits: &[Done]) -> Option<AnnotationId> {
    edits.iter().rev().find_map(|e| e.present().cloned())
}

fn sorted(mut blocks: Vec<usize>) -> Vec<usize> {
    crate::sort::sort(&mut blocks);
    blocks.dedup();
    blocks
}

fn step_words(kind: StepKind) -> String {
    let many = |n: usize, one: &str, more: &str| if n == 1 { one.to_string() } else { format!("{n} {more}") };
    match kind {
        StepKind::Added(n) => many(n, "new annotation", "new annotations"),
        StepKind::Deleted(n) => many(n, "delete", "deletions"),
        StepKind::FieldEdit("claim_reviewed") => "claim wording edit".into(),
        StepKind::FieldEdit(field @ ("suggested_value" | "suggested_speaker")) => field.replace('_', " "),
        StepKind::FieldEdit(field) => format!("{} edit", field.replace('_', " ")),
        StepKind::Changed(n) => many(n, "change", "changes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws() -> Workspace {
        Workspace::new(Article::default_article())
    }

    fn id(n: u8) -> AnnotationId {
        AnnotationId::new_v4([n; 16])
    }

    #[test]
    fn undo_and_redo_say_what_they_will_do() {
        let mut w = ws();
        assert_eq!(w.undo_label(), None);
        w.create(CharRange::new(0, 5).unwrap(), Tag::Claim, id(1), Timestamp(1)).unwrap();
        assert_eq!(w.undo_label().as_deref(), Some("Undo new annotation"));
        w.set_note(&id(1), "Check this", Timestamp(2));
        w.seal_history();
        assert_eq!(w.undo_label().as_deref(), Some("Undo note edit"));
        w.undo();
        assert_eq!(w.redo_label().as_deref(), Some("Redo note edit"));
        w.undo();
        assert_eq!(w.redo_label().as_deref(), Some("Redo new annotation"));
        w.redo();
        w.delete(&id(1));
        assert_eq!(w.undo_label().as_deref(), Some("Undo delete"));
    }

    /// Random actions, undos and redos: every undo brings back exactly the annotations as they
    /// were before the step, every redo as they were after it (the history moves annotations
    /// between the set and itself, and must never lose or duplicate one).
    #[test]
    fn random_undo_and_redo_restore_every_state() {
        let snapshot = |w: &Workspace| w.annotations().iter().cloned().collect::<Vec<_>>();
        let len = ws().text().len();
        for seed in 1..30 {
            let mut rng = crate::testing::Rng::new(seed);
            let mut w = ws();
            // States reachable by undo (older first) and by redo (most recent last).
            let mut past: Vec<Vec<Annotation>> = Vec::new();
            let mut future: Vec<Vec<Annotation>> = Vec::new();
            let mut t = 0;
            // The annotation whose note is being typed in an open (unsealed) step.
            let mut typing: Option<AnnotationId> = None;
            for _ in 0..80 {
                t += 1;
                let ids: Vec<AnnotationId> = w.annotations().iter().map(|a| a.id.clone()).collect();
                let pick = |rng: &mut crate::testing::Rng| ids.get(rng.below(ids.len().max(1))).cloned();
                let before = snapshot(&w);
                let dice = rng.below(8);
                let (undo, redo) = (dice == 0 && w.can_undo(), dice == 1 && w.can_redo());
                if undo || redo {
                    typing = None;
                    w.seal_history();
                    // Undo goes back to the last state of `past`; redo forward to the last of `future`.
                    let (back_to, leaving) = if undo { (&mut past, &mut future) } else { (&mut future, &mut past) };
                    if undo { w.undo() } else { w.redo() }.unwrap();
                    leaving.push(before);
                    assert_eq!(snapshot(&w), back_to.pop().unwrap(), "seed {seed}: {}", if undo { "undo" } else { "redo" });
                    continue;
                }
                match dice {
                    2 => {
                        let s = rng.below(len - 12);
                        let _ =
                            w.create(CharRange::new(s, s + 1 + rng.below(10)).unwrap(), Tag::ALL[rng.below(3)], id(t as u8), Timestamp(t));
                    }
                    3 | 4 => {
                        if let Some(x) = pick(&mut rng) {
                            // Typing: notes on one annotation in an open step merge into it.
                            let merges = typing.as_ref() == Some(&x);
                            if !merges {
                                // Moving to another note's field blurs the first (the UI seals).
                                w.seal_history();
                            }
                            w.set_note(&x, &format!("note {t}"), Timestamp(t));
                            if merges {
                                future.clear();
                            } else {
                                past.push(before);
                                future.clear();
                            }
                            typing = Some(x);
                            if rng.below(2) == 0 {
                                w.seal_history();
                                typing = None;
                            }
                        }
                        continue;
                    }
                    5 => {
                        if let Some(x) = pick(&mut rng) {
                            w.set_tag(&x, Tag::ALL[rng.below(3)], Timestamp(t));
                        }
                    }
                    6 => {
                        if let Some(x) = pick(&mut rng) {
                            w.delete(&x);
                        }
                    }
                    _ => {
                        let mode = if rng.below(2) == 0 { ImportMode::Merge } else { ImportMode::Replace };
                        let mut list = snapshot(&w);
                        list.truncate(rng.below(list.len() + 1));
                        for a in list.iter_mut() {
                            a.modified = Timestamp(t);
                        }
                        w.import(list, mode);
                    }
                }
                w.seal_history();
                typing = None;
                if snapshot(&w) != before {
                    past.push(before);
                    future.clear();
                }
            }
        }
    }

    fn range_of(w: &Workspace, needle: &str) -> CharRange {
        let text: String = w.text().chars().iter().collect();
        let byte = text.find(needle).unwrap();
        let s = text[..byte].chars().count();
        CharRange::new(s, s + needle.chars().count()).unwrap()
    }

    #[test]
    fn create_snaps_and_dedupes() {
        let mut w = ws();
        let r = range_of(&w, "14.8 trill");
        let c = w.create(r, Tag::Figure, id(1), Timestamp(5)).unwrap();
        let a = w.annotations().get(&id(1)).unwrap();
        assert_eq!(a.target.exact, "14.8 trillion");
        assert_eq!(a.target.prefix.chars().count(), 32);
        assert_eq!(c.blocks, vec![5], "the figure is in the last paragraph");
        let again = w.create(r, Tag::Figure, id(2), Timestamp(6)).unwrap();
        assert_eq!(again, Change { blocks: vec![], focus: Some(id(1)) });
        assert_eq!(w.annotations().len(), 1);
        assert!(w.create(r, Tag::Claim, id(3), Timestamp(6)).is_ok(), "another tag is another annotation");
        assert_eq!(w.create(CharRange::new(79, 81).unwrap(), Tag::Claim, id(4), Timestamp(7)), Err(CreateError::NothingSelected));
    }

    #[test]
    fn undo_redo_cover_create_edit_retag_delete() {
        let mut w = ws();
        let r = range_of(&w, "Zelensky");
        w.create(r, Tag::Claim, id(1), Timestamp(1)).unwrap();
        w.set_note(&id(1), "c", Timestamp(2));
        w.set_note(&id(1), "ch", Timestamp(3));
        w.set_note(&id(1), "check", Timestamp(4));
        w.seal_history();
        w.set_tag(&id(1), Tag::Quote, Timestamp(5));
        w.delete(&id(1));
        assert!(w.annotations().is_empty());
        w.undo().unwrap();
        assert_eq!(w.annotations().get(&id(1)).unwrap().tag, Tag::Quote);
        w.undo().unwrap();
        assert_eq!(w.annotations().get(&id(1)).unwrap().tag, Tag::Claim);
        w.undo().unwrap();
        assert_eq!(w.annotations().get(&id(1)).unwrap().note, "", "typing undoes as one step");
        w.undo().unwrap();
        assert!(w.annotations().is_empty());
        assert!(w.undo().is_none());
        w.redo().unwrap();
        w.redo().unwrap();
        assert_eq!(w.annotations().get(&id(1)).unwrap().note, "check");
        assert_eq!(w.annotations().get(&id(1)).unwrap().modified, Timestamp(4));
        // A new action clears the redo stack.
        w.set_tag(&id(1), Tag::Figure, Timestamp(9));
        assert!(!w.can_redo());
    }

    fn ann(w: &Workspace, n: u8, needle: &str, modified: i64) -> Annotation {
        Annotation {
            id: id(n),
            tag: Tag::Claim,
            target: w.target_for(range_of(w, needle)),
            note: format!("v{modified}"),
            origin: None,
            created: Timestamp(0),
            modified: Timestamp(modified),
            status: Status::Anchored,
            check: Default::default(),
            extra: Default::default(),
        }
    }

    #[test]
    fn import_merge_keeps_the_newer_of_two_with_one_id() {
        let mut w = ws();
        w.load(vec![ann(&w, 1, "Donetsk", 10), ann(&w, 2, "Luhansk", 10)]);
        let incoming = vec![ann(&w, 1, "Donetsk", 20), ann(&w, 2, "Luhansk", 5), ann(&w, 3, "Iran", 1), ann(&w, 3, "Iran", 1)];
        let (change, report) = w.import(incoming, ImportMode::Merge);
        assert_eq!((report.added, report.updated, report.skipped), (1, 1, 2));
        assert_eq!(w.annotations().len(), 3);
        assert_eq!(w.annotations().get(&id(1)).unwrap().note, "v20");
        assert_eq!(w.annotations().get(&id(2)).unwrap().note, "v10");
        assert!(!change.blocks.is_empty());
        // One undo step takes the whole import back.
        w.undo().unwrap();
        assert_eq!(w.annotations().len(), 2);
        assert_eq!(w.annotations().get(&id(1)).unwrap().note, "v10");
    }

    #[test]
    fn import_replace_removes_the_old_ones() {
        let mut w = ws();
        w.load(vec![ann(&w, 1, "Donetsk", 10)]);
        let (_, report) = w.import(vec![ann(&w, 2, "Luhansk", 1)], ImportMode::Replace);
        assert_eq!((report.added, report.removed), (1, 1));
        assert!(w.annotations().get(&id(1)).is_none());
        assert!(report.to_string().contains("1 added"));
        w.undo().unwrap();
        assert!(w.annotations().get(&id(1)).is_some() && w.annotations().get(&id(2)).is_none());
    }

    #[test]
    fn load_reanchors_and_keeps_orphans() {
        let mut w = ws();
        let r = range_of(&w, "Donetsk");
        let mut good = w.target_for(r);
        good.range = CharRange::new(0, 7).unwrap(); // stale position
        let lost = Target { range: r, exact: "Crimea".into(), prefix: String::new(), suffix: String::new() };
        let mk = |n, target| crate::testing::annotation(id(n), Tag::Claim, target);
        let report = w.load(vec![mk(1, good), mk(2, lost)]);
        assert_eq!(report, LoadReport { anchored: 1, moved: 1, orphaned: 1 });
        assert_eq!(w.annotations().get(&id(1)).unwrap().range(), r);
        assert!(w.annotations().get(&id(2)).unwrap().is_orphan());
        assert_eq!(w.annotations().len(), 2);
    }
}
