//! The app's signals and the actions that change them; each action is one call into the core.

use super::browser::{first_mark_of, focus_highlight, new_id, now, scroll_into_view};
use super::download;
use super::notices::{Notice, NoticeAction, NoticeKind};
use super::storage::BrowserStore;
use crate::annotation::{Annotation, AnnotationId, Tag};
use crate::article::Article;
use crate::format::factmark;
use crate::format::labels::LabelMap;
use crate::import::{AnnotationFile, FileProblem, Imported, LabelQuestion};
use crate::paint_plan::{Draw, PaintPlan};
use crate::persist::{self, Library, LibraryEntry, SaveError, Saved};
use crate::slug::file_name;
use crate::text::CharRange;
use crate::worker::{self, Export, Request};
use crate::workspace::{Change, ImportMode, ImportReport, Workspace};
use leptos::prelude::*;

/// Where the tag toolbar is shown, in page coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ToolbarAt {
    pub left: f64,
    pub top: f64,
}

/// All UI state. Domain data lives in `ws` as plain data; the rest is view state.
#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    /// One trigger per block: it fires when the block's highlights change. Actions refresh
    /// only the blocks the core reports as changed, so an edit never re-renders the whole
    /// document. Reference counted (not owned by whichever component ran the action), so
    /// opening an article from a menu item that then disappears cannot dispose them.
    pub blocks: RwSignal<Vec<ArcTrigger>>,
    /// Which blocks show their highlights (those near the viewport) and what each shows.
    pub paint: StoredValue<PaintPlan>,
    pub selected: RwSignal<Option<AnnotationId>>,
    /// Bumped to replay the flash animation on the selected annotation's highlights.
    pub flash: RwSignal<u32>,
    pub filter: RwSignal<Option<Tag>>,
    pub toolbar: RwSignal<Option<ToolbarAt>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Text for the screen-reader live region.
    pub announcement: RwSignal<String>,
    /// The last save failed (shown until a save succeeds).
    pub save_error: RwSignal<Option<SaveError>>,
    /// Changes not yet written to storage. Saving only when dirty means an idle tab never
    /// overwrites what another tab (or a backup being inspected) has written.
    pub dirty: StoredValue<bool>,
    /// What this tab last wrote to storage for the open article.
    pub saved: StoredValue<Saved>,
    pub library: RwSignal<Library>,
    /// An annotation file, read, waiting for the checker to say whether it adds to or
    /// replaces the annotations already here (`topbar.rs`, `ImportChoice`).
    pub pending_import: RwSignal<Option<(String, AnnotationFile)>>,
    /// "Tag on release": a mouse or touch selection is tagged as soon as it is made.
    pub quick_tag: RwSignal<Option<Tag>>,
    /// Panel filter by verdict.
    pub verdict_filter: RwSignal<VerdictFilter>,
    /// Panel text search over quotes, notes and rationales.
    pub search: RwSignal<String>,
    /// The printable report is open.
    pub report_open: RwSignal<bool>,
    /// On narrow screens the panel is a sheet over the article; this says it is shown.
    pub sheet_open: RwSignal<bool>,
    /// A large file is being read and processed: what, for the progress bar.
    pub busy: RwSignal<Option<String>>,
    /// The page is being printed: the panel lists every annotation, not a window of them.
    pub printing: RwSignal<bool>,
    /// The default article's fingerprint: it is always in the library.
    pub default_sha: StoredValue<String>,
    /// The article last deleted from the library, for undo: (position, entry, saved doc).
    pub deleted: StoredValue<Option<DeletedArticle>>,
    /// The title of the article just deleted while the delete is still the last thing done,
    /// so the top bar's Undo brings it back; any edit after it hands Undo back to the edits.
    pub undo_delete_title: RwSignal<Option<String>>,
    /// An import waiting for the checker to say what its unknown labels become.
    pub labels: RwSignal<Option<PendingLabels>>,
    /// The open article's suggested annotations (`ui/suggestions.rs`); `None` when not shown.
    pub suggestions: RwSignal<Option<Vec<crate::suggest::Candidate>>>,
    /// Keys of the suggestions dismissed for the open article.
    pub dismissed: RwSignal<Vec<String>>,
    /// The suggestions the article's markup draws now.
    pub drawn: StoredValue<Vec<crate::suggest::Candidate>>,
    /// Whether reports include the checker's internal notes (off: they are published as is).
    pub include_notes: RwSignal<bool>,
}

/// An annotation file read and placed, waiting for the label-mapping step.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingLabels {
    pub name: String,
    pub question: LabelQuestion,
    pub mode: ImportMode,
}

/// Notices shown at once.
const MAX_NOTICES: usize = 3;

/// Said when an article kept in IndexedDB could not be read when opened or deleted.
const READ_FAILED: &str =
    "That article's saved work could not be read from this browser's storage, so it was left as it is. Reload the page and try again.";
/// How long an information notice stays (ms).
const INFO_NOTICE_MS: u32 = 8_000;

/// An article deleted from the library: its position, entry and every stored key with its value.
pub type DeletedArticle = (usize, LibraryEntry, Vec<(String, String)>);

/// What the app tells an observer (the benchmark mode) as it happens, so that no action
/// calls the observer by name.
pub enum AppEvent<'a> {
    /// A person's selection created an annotation.
    Created { id: &'a AnnotationId, quote: &'a str },
    /// A save ran, blocking the page this long.
    Saved { blocking_ms: f64 },
}

type Observer = Box<dyn Fn(&AppEvent)>;

thread_local! {
    static OBSERVER: std::cell::RefCell<Option<Observer>> = const { std::cell::RefCell::new(None) };
}

/// Sets the one observer of [`AppEvent`]s.
pub fn observe(f: impl Fn(&AppEvent) + 'static) {
    OBSERVER.with(|o| *o.borrow_mut() = Some(Box::new(f)));
}

fn report(event: AppEvent) {
    OBSERVER.with(|o| {
        if let Some(f) = o.borrow().as_ref() {
            f(&event);
        }
    });
}

/// Which annotations the panel shows, by verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerdictFilter {
    All,
    /// Claims without a verdict.
    NotChecked,
    Verdict(String),
}

impl VerdictFilter {
    pub fn keeps(&self, a: &Annotation) -> bool {
        match self {
            VerdictFilter::All => true,
            VerdictFilter::NotChecked => a.tag == Tag::Claim && a.check.verdict.is_none(),
            VerdictFilter::Verdict(v) => a.check.verdict.as_deref() == Some(v.as_str()),
        }
    }
}

/// Opens `article` with whatever annotations were saved for it, and notices to show.
pub fn restore(article: Article) -> (Workspace, Saved, Vec<(NoticeKind, String)>) {
    let (ws, saved, notices) = persist::restore(&BrowserStore, article);
    (ws, saved, notices.into_iter().map(|n| (NoticeKind::Warning, n)).collect())
}

fn block_signals(ws: &Workspace) -> Vec<ArcTrigger> {
    (0..ws.text().blocks().len()).map(|_| ArcTrigger::new()).collect()
}

/// Characters from the top of an article whose highlights are drawn before the viewport
/// reports which blocks are near: about three screens, so an article opens with its visible
/// highlights in its first frame.
const FIRST_PAINT_CHARS: usize = 12_000;

fn paint_plan(ws: &Workspace) -> PaintPlan {
    PaintPlan::new(ws.text().blocks().iter().map(|b| b.range.len()), FIRST_PAINT_CHARS)
}

fn entry_for(w: &Workspace) -> LibraryEntry {
    LibraryEntry::of(w.article(), w.sha256(), w.annotations().len(), now().0)
}

impl AppState {
    pub fn new(ws: Workspace, saved: Saved, library: Library, default_sha: String) -> AppState {
        let blocks = block_signals(&ws);
        AppState {
            paint: StoredValue::new(paint_plan(&ws)),
            library: RwSignal::new(library),
            pending_import: RwSignal::new(None),
            quick_tag: RwSignal::new(None),
            verdict_filter: RwSignal::new(VerdictFilter::All),
            search: RwSignal::new(String::new()),
            report_open: RwSignal::new(false),
            sheet_open: RwSignal::new(false),
            printing: RwSignal::new(false),
            busy: RwSignal::new(None),
            include_notes: RwSignal::new(false),
            default_sha: StoredValue::new(default_sha),
            deleted: StoredValue::new(None),
            undo_delete_title: RwSignal::new(None),
            labels: RwSignal::new(None),
            suggestions: RwSignal::new(None),
            dismissed: RwSignal::new(Default::default()),
            drawn: StoredValue::new(Vec::new()),
            ws: RwSignal::new(ws),
            blocks: RwSignal::new(blocks),
            selected: RwSignal::new(None),
            flash: RwSignal::new(0),
            filter: RwSignal::new(None),
            toolbar: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            announcement: RwSignal::new(String::new()),
            save_error: RwSignal::new(None),
            dirty: StoredValue::new(false),
            saved: StoredValue::new(saved),
        }
    }

    /// Runs one core action and refreshes what it changed.
    pub fn apply(&self, f: impl FnOnce(&mut Workspace) -> Change) -> Change {
        // The generic part is only the call: what follows every edit is one function, not one
        // copy per caller (18 of them) in the page's wasm.
        let mut f = Some(f);
        let mut change = Change::default();
        self.apply_dyn(&mut |w| {
            if let Some(f) = f.take() {
                change = f(w);
            }
        });
        self.after_edit(&change);
        change
    }

    #[inline(never)]
    fn apply_dyn(&self, f: &mut dyn FnMut(&mut Workspace)) {
        if self.undo_delete_title.get_untracked().is_some() {
            self.undo_delete_title.set(None);
        }
        self.ws.update(|w| f(w));
    }

    #[inline(never)]
    fn after_edit(&self, change: &Change) {
        self.refresh_blocks(&change.blocks);
        if change.focus.is_some() {
            self.select(change.focus.clone());
        }
    }

    pub fn refresh_blocks(&self, blocks: &[usize]) {
        self.blocks.with_untracked(|sigs| {
            for &b in blocks {
                if let Some(sig) = sigs.get(b) {
                    sig.notify();
                }
            }
        });
    }

    /// Selects an annotation (or none). The selection is drawn in the paragraphs' markup
    /// (`data-selected`), so the paragraphs of the old and the new selection are redrawn, in
    /// the same batch as any redraw the action itself asked for (one `innerHTML` each).
    /// Nothing happens when the selection stays: a keystroke in a note names the same
    /// annotation again and must not pay for a redraw.
    pub fn select(&self, id: Option<AnnotationId>) {
        let Some(prev) = self.selected.with_untracked(|s| (*s != id).then(|| s.clone())) else { return };
        let blocks: Vec<usize> = self.ws.with_untracked(|w| prev.iter().chain(id.iter()).flat_map(|i| w.blocks_of(i)).collect());
        self.selected.set(id);
        self.refresh_blocks(&blocks);
    }

    /// How block `b` is to be drawn now that it has to be (see `PaintPlan`).
    pub fn draw_block(&self, b: usize) -> Draw {
        self.paint.try_update_value(|p| p.draw(b)).unwrap_or(Draw::Keep)
    }

    /// The viewport reports that block `b` came near (or went away).
    pub fn set_near(&self, b: usize, near: bool) {
        if self.paint.try_update_value(|p| p.set_near(b, near)).unwrap_or(false) {
            self.refresh_blocks(&[b]);
        }
    }

    /// Annotation `id`'s highlights are about to get focus or be scrolled to: their blocks are
    /// drawn with highlights even if they are far from the viewport.
    pub fn bring_near(&self, id: &AnnotationId) {
        let range = self.ws.with_untracked(|w| w.blocks_of(id));
        let redraw = self.paint.try_update_value(|p| p.bring_near(range)).unwrap_or_default();
        self.refresh_blocks(&redraw);
    }

    /// Every block counts as near, for good: a browser that cannot report the viewport.
    pub fn all_near(&self) {
        let n = self.blocks.with_untracked(|b| b.len());
        let redraw = self.paint.try_update_value(|p| p.bring_near(0..n)).unwrap_or_default();
        self.refresh_blocks(&redraw);
    }

    /// Printing starts or ends: the printout shows every highlight and lists every annotation.
    pub fn set_printing(&self, on: bool) {
        let redraw = self.paint.try_update_value(|p| p.mark_all(on)).unwrap_or_default();
        self.refresh_blocks(&redraw);
        self.printing.set(on);
    }

    /// Moves keyboard focus to annotation `id`'s first highlight, drawing it first if needed.
    pub fn focus_highlight(&self, id: &AnnotationId) {
        self.bring_near(id);
        focus_highlight(id);
    }

    pub fn announce(&self, text: impl Into<String>) {
        self.announcement.set(text.into());
    }

    /// Shows a notice. At most three are shown: the oldest that is not an error goes first.
    /// Information without an action dismisses itself after a while; errors and warnings stay
    /// until dismissed.
    pub fn notify(&self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        let notice = Notice::new(kind, text.clone());
        let id = notice.id;
        self.notices.update(|n| {
            n.retain(|x| x.text != text);
            n.push(notice);
            while n.len() > MAX_NOTICES {
                let older = &n[..n.len() - 1];
                let oldest = older.iter().position(|x| x.kind != NoticeKind::Error).unwrap_or(0);
                n.remove(oldest);
            }
        });
        if kind == NoticeKind::Info {
            let notices = self.notices;
            gloo_timers::callback::Timeout::new(INFO_NOTICE_MS, move || {
                notices.try_update(|n| n.retain(|x| x.id != id || x.action.is_some()));
            })
            .forget();
        }
    }

    /// Tags a selection given in raw (unsnapped) code points.
    pub fn tag_range(&self, raw: CharRange, tag: Tag) {
        let mut result = Ok(Change::default());
        self.ws.update(|w| result = w.create(raw, tag, new_id(), now()));
        match result {
            Ok(change) => {
                self.refresh_blocks(&change.blocks);
                let created = !change.blocks.is_empty();
                if let Some(id) = change.focus {
                    let quote = self.ws.with_untracked(|w| w.annotations().get(&id).map(|a| a.target.exact.clone())).unwrap_or_default();
                    if created {
                        report(AppEvent::Created { id: &id, quote: &quote });
                    }
                    let verb = if created { "added" } else { "already exists" };
                    self.announce(format!("{} {verb}: {quote}", tag.label()));
                    if created {
                        self.fill_suggestions(id.clone());
                    }
                    self.select(Some(id));
                }
                self.toolbar.set(None);
                if let Ok(Some(sel)) = window().get_selection() {
                    let _ = sel.remove_all_ranges();
                }
            }
            Err(e) => self.notify(NoticeKind::Info, e.to_string()),
        }
    }

    /// Fills what the text suggests (a figure's value and source, a speaker) into the new
    /// annotation's empty fields, once the formats worker has read its neighbourhood. If the
    /// checker has meanwhile started typing in the editor, nothing is filled: a value set under
    /// their caret would mix with what they type (the Suggest buttons still offer it).
    fn fill_suggestions(&self, id: AnnotationId) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let found = super::formats::suggest(state, &id).await;
            if let Some(found) = found.filter(|_| !super::browser::typing_in_editor()) {
                state.apply(|w| w.apply_suggestions(&id, &found, now()));
            }
        });
    }

    /// Runs a core action that can refuse (a bad web address); the refusal is handed back, to
    /// be shown at the field that caused it.
    pub fn try_apply<E: std::fmt::Display>(&self, f: impl FnOnce(&mut Workspace) -> Result<Change, E>) -> Result<(), String> {
        let mut result = None;
        self.ws.update(|w| result = Some(f(w)));
        match result {
            Some(Ok(change)) => {
                self.refresh_blocks(&change.blocks);
                Ok(())
            }
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(()),
        }
    }

    /// The checker profile, kept once per browser and carried into every article's file.
    pub fn set_profile(&self, profile: crate::annotation::CheckerProfile) {
        if let Err(e) = persist::save_profile(&BrowserStore, &profile) {
            self.notify(NoticeKind::Error, e.to_string());
        }
        self.ws.update(|w| w.set_profile(profile));
        self.announce("Checker profile saved");
    }

    /// The verdict scale: stored as this browser's default and set on the open article.
    pub fn set_scale(&self, scale: crate::annotation::VerdictScale) {
        if let Err(e) = persist::save_scale(&BrowserStore, &scale) {
            self.notify(NoticeKind::Error, e.to_string());
        }
        self.ws.update(|w| w.set_scale(scale));
    }

    pub fn download_claimreview(&self) {
        let (count, reviewed) = self.ws.with_untracked(|w| (w.progress().checked, w.review().has_conclusion()));
        if count == 0 && !reviewed {
            return self.notify(
                NoticeKind::Info,
                "No claim has a verdict and the article has no review yet, so there is no ClaimReview to download.",
            );
        }
        self.export_as(Export::ClaimReview, "claimreview.jsonld", "application/ld+json");
        // Google wants each review's page address: say how to give one when some have none.
        let unaddressed = self.ws.with_untracked(|w| {
            let profile_gives = w.profile().gives_review_urls();
            w.annotations()
                .iter()
                .filter(|a| a.tag == Tag::Claim && a.check.verdict.is_some() && a.check.review_url.is_none() && !profile_gives)
                .count()
        });
        if unaddressed > 0 {
            self.notify(
                NoticeKind::Warning,
                format!("{unaddressed} review(s) have no fact-check page address (ClaimReview's url). Give the claim its page in the editor, or a website or page pattern in the checker profile."),
            );
        }
    }

    pub fn download_report(&self) {
        let notes = self.include_notes.get_untracked();
        self.export_as(Export::Markdown { notes }, "report.md", "text/markdown;charset=utf-8");
    }

    pub fn set_note(&self, id: &AnnotationId, note: &str) {
        self.apply(|w| w.set_note(id, note, now()));
    }

    pub fn end_note_edit(&self) {
        self.ws.update_untracked(|w| w.seal_history());
    }

    pub fn set_tag(&self, id: &AnnotationId, tag: Tag) {
        self.apply(|w| w.set_tag(id, tag, now()));
        self.announce(format!("Changed to {}", tag.label()));
    }

    pub fn delete(&self, id: &AnnotationId) {
        self.apply(|w| w.delete(id));
        if self.selected.get_untracked().as_ref() == Some(id) {
            self.select(None);
        }
        self.announce("Annotation deleted, press Ctrl+Z to undo");
    }

    pub fn undo(&self) {
        if self.undo_delete_title.get_untracked().is_some() {
            return self.undo_delete_article();
        }
        self.step(Workspace::undo, "Undone", "Nothing to undo");
    }

    pub fn redo(&self) {
        self.step(Workspace::redo, "Redone", "Nothing to redo");
    }

    /// Undo or redo: refresh what changed and select what the step was about.
    fn step(&self, f: fn(&mut Workspace) -> Option<Change>, done: &str, nothing: &str) {
        let mut result = None;
        self.ws.update(|w| result = f(w));
        match result {
            Some(c) => {
                self.refresh_blocks(&c.blocks);
                self.select(c.focus);
                self.announce(done);
            }
            None => self.announce(nothing),
        }
    }

    /// Moves keyboard focus to the next (or previous) highlight in document order.
    pub fn focus_neighbour(&self, forward: bool) {
        let from = self.selected.get_untracked();
        // Wraps around at either end, like find-next.
        let next = self.ws.with_untracked(|w| {
            let set = w.annotations();
            set.neighbour(from.as_ref(), forward).or_else(|| set.neighbour(None, forward)).map(|a| a.id.clone())
        });
        if let Some(id) = next {
            self.select(Some(id.clone()));
            self.focus_highlight(&id);
        }
    }

    /// Selects an annotation and brings its first highlight into view with a flash.
    pub fn reveal(&self, id: &AnnotationId) {
        self.select(Some(id.clone()));
        // On a phone the sheet would cover the highlight being shown.
        if super::browser::narrow_screen() {
            self.sheet_open.set(false);
        }
        self.flash.update(|f| *f = f.wrapping_add(1));
        // The flash rule goes away when the animation is over, so that later selections
        // (whose marks are drawn afresh) do not flash too.
        let (flash, at) = (self.flash, self.flash.get_untracked());
        set_timeout(
            move || {
                if flash.get_untracked() == at {
                    flash.set(0)
                }
            },
            std::time::Duration::from_millis(1300),
        );
        // Its highlight may be far away and shown as bare text: drawn first, found after that
        // redraw (which runs before the next frame).
        self.bring_near(id);
        let id = id.clone();
        request_animation_frame(move || {
            if let Some(mark) = first_mark_of(&id) {
                scroll_into_view(&mark, web_sys::ScrollLogicalPosition::Center);
            }
        });
    }

    /// Clicking a highlight: selects the innermost annotation there, or the next one out if
    /// that is already selected, so every overlapping annotation is reachable by clicking.
    /// Enter on a focused highlight: opens the annotation `]`/`[` focused (the selected one,
    /// when it is among those the highlight shows), not the next one as a click would.
    pub fn open_from_highlight(&self, ids: &[AnnotationId]) {
        match self.selected.get_untracked().filter(|s| ids.contains(s)) {
            Some(id) => self.open_sheet_on(id),
            None => self.select_from_highlight(ids),
        }
    }

    pub fn select_from_highlight(&self, ids: &[AnnotationId]) {
        let current = self.selected.get_untracked();
        let pick = match current.and_then(|c| ids.iter().position(|x| *x == c)) {
            Some(0) | None => ids.last(),
            Some(i) => ids.get(i - 1),
        };
        if let Some(id) = pick {
            self.select(Some(id.clone()));
            // Tapping a highlight opens it: on a phone that means showing the sheet's editor.
            self.open_sheet_on(id.clone());
        }
    }

    /// Shows the phone sheet with `id`'s editor, the highlight scrolled above it. The page's
    /// layout makes room below the article while the sheet is open (`.layout.sheet-open`),
    /// so even the last line can be scrolled up there.
    fn open_sheet_on(&self, id: AnnotationId) {
        self.sheet_open.set(true);
        if !super::browser::narrow_screen() {
            return;
        }
        request_animation_frame(move || {
            if let Some(mark) = first_mark_of(&id) {
                super::browser::keep_above_sheet(&mark);
            }
        });
    }

    pub fn download_json(&self) {
        self.download_as("factmark.json", "application/json", factmark::serialize);
    }

    /// Makes `ws` the open article: the current one is saved first, the article view is
    /// rebuilt, and the library lists it at the top.
    pub fn switch_to(&self, ws: Workspace, saved: Saved) {
        self.save_now(None);
        self.saved.set_value(saved);
        let blocks = block_signals(&ws);
        self.paint.set_value(paint_plan(&ws));
        self.suggestions.set(None);
        self.dismissed.set(Default::default());
        self.drawn.set_value(Vec::new());
        self.select(None);
        self.toolbar.set(None);
        self.filter.set(None);
        self.blocks.set(blocks);
        self.ws.set(ws);
        self.remember_current();
        if let Some(el) = leptos::prelude::document().document_element() {
            el.set_scroll_top(0);
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Records the open article as the current one, at the top of the library.
    pub fn remember_current(&self) {
        let entry = self.ws.with_untracked(entry_for);
        let _ = persist::set_current(&BrowserStore, &entry.sha256);
        self.library.update(|l| l.upsert(entry));
        let _ = persist::save_library(&BrowserStore, &self.library.get_untracked());
    }

    /// Opens an article the user brought (or one from the library).
    #[inline(never)] // called again once the article is read: one copy, not two
    pub fn open_article(&self, article: Article) {
        // An article kept in IndexedDB but not read yet is read first: opened as new, its next
        // save would overwrite the annotations kept for it.
        if super::idb::any_unread() {
            let sha = super::app::sha256_of(&article);
            if super::idb::unread(&sha) {
                return self.read_then(sha, Box::new(move |state| state.open_article(article)));
            }
        }
        let (ws, saved, notices) = restore(article);
        let title = ws.article().display_title();
        self.switch_to(ws, saved);
        for (kind, text) in notices {
            self.notify(kind, text);
        }
        self.announce(format!("Opened “{title}”"));
    }

    /// Reads the kept article `sha` (see `idb::read_article`), then runs `then`.
    fn read_then(&self, sha: String, then: Box<dyn FnOnce(AppState)>) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            match super::idb::read_article(&sha).await {
                Ok(()) => then(state),
                Err(_) => state.notify(NoticeKind::Error, READ_FAILED),
            }
        });
    }

    /// Opens a library entry from its saved document.
    #[inline(never)] // called again once the article is read: one copy, not two
    pub fn open_saved(&self, sha256: &str) {
        if self.ws.with_untracked(|w| w.sha256() == sha256) {
            return;
        }
        if super::idb::unread(sha256) {
            let sha = sha256.to_string();
            return self.read_then(sha.clone(), Box::new(move |state| state.open_saved(&sha)));
        }
        if sha256 == self.default_sha.get_value() {
            return self.open_article(Article::default_article());
        }
        match persist::raw_doc(&BrowserStore, sha256).map(|raw| factmark::parse(&raw)) {
            Some(Ok(parsed)) => self.open_article(parsed.article),
            Some(Err(e)) => self.notify(NoticeKind::Error, format!("That article's saved data could not be read: {e}.")),
            None => self.notify(NoticeKind::Error, "That article is no longer in this browser's storage."),
        }
    }

    /// Deletes an article and its annotations from the library (undoable from the notice).
    #[inline(never)] // called again once the article is read: one copy, not two
    pub fn delete_article(&self, sha256: &str) {
        // Read first, so that Undo has the whole article to put back.
        if super::idb::unread(sha256) {
            let sha = sha256.to_string();
            return self.read_then(sha.clone(), Box::new(move |state| state.delete_article(&sha)));
        }
        let default = self.default_sha.get_value();
        let mut removed = None;
        self.library.update(|l| removed = l.remove(sha256, &default));
        let Some((at, entry)) = removed else { return };
        let raw = persist::export_raw(&BrowserStore, sha256);
        persist::remove_all(&BrowserStore, sha256);
        let _ = persist::save_library(&BrowserStore, &self.library.get_untracked());
        if self.ws.with_untracked(|w| w.sha256() == sha256) {
            self.dirty.set_value(false); // its document is gone on purpose
            self.open_article(Article::default_article());
        }
        let title = entry.title.clone();
        self.deleted.set_value(Some((at, entry, raw)));
        self.undo_delete_title.set(Some(title.clone()));
        self.notices.update(|n| {
            let mut notice = Notice::new(NoticeKind::Info, format!("Deleted “{title}” and its annotations."));
            notice.action = Some(NoticeAction::UndoArticleDelete);
            n.push(notice);
        });
        self.announce(format!("Deleted “{title}”, use Undo in the notice to bring it back"));
    }

    pub fn undo_delete_article(&self) {
        self.undo_delete_title.set(None);
        let Some((at, entry, raw)) = self.deleted.get_value() else { return };
        self.deleted.set_value(None);
        if let Err(e) = persist::restore_raw(&BrowserStore, &raw) {
            return self.notify(NoticeKind::Error, e.to_string());
        }
        let title = entry.title.clone();
        self.library.update(|l| l.restore(at, entry));
        let _ = persist::save_library(&BrowserStore, &self.library.get_untracked());
        self.announce(format!("Restored “{title}”"));
    }

    /// Imports an annotation file: all of it, or (on any problem) nothing. Once the file is
    /// read, and only when the article already has annotations, the checker is asked whether
    /// the file adds to them or replaces them.
    pub fn import_file(&self, name: &str, bytes: Vec<u8>) {
        let (state, name) = (*self, name.to_string());
        leptos::task::spawn_local(async move {
            let result = state.read_annotation_file(bytes).await;
            let asks = result.as_ref().is_ok_and(|file| state.would_merge(file));
            match result {
                Ok(file) if asks => state.pending_import.set(Some((name, file))),
                result => state.take_file(&name, result, ImportMode::Merge),
            }
        });
    }

    /// Whether importing `file` would meet annotations already here (a Factmark file of
    /// another article opens that article instead).
    fn would_merge(&self, file: &AnnotationFile) -> bool {
        self.ws.with_untracked(|w| {
            let other = matches!(file, AnnotationFile::Factmark(p) if crate::sha256::sha256_hex(p.article.canonical_text().as_bytes()) != w.sha256());
            !other && !w.annotations().is_empty()
        })
    }

    /// The checker's answer to the import question: how, or `None` to cancel.
    pub fn answer_import(&self, mode: Option<ImportMode>) {
        let Some((name, file)) = self.pending_import.try_update(Option::take).flatten() else { return };
        match mode {
            Some(mode) => self.take_file(&name, Ok(file), mode),
            None => self.announce(format!("Import of “{name}” cancelled")),
        }
    }

    /// Imports a file as `mode` says, done when the import is (the benchmark's import).
    pub async fn import_bytes(&self, name: &str, bytes: Vec<u8>, mode: ImportMode) {
        let result = self.read_annotation_file(bytes).await;
        self.take_file(name, result, mode);
    }

    /// Reads the file in the formats worker. Takes the bytes by value and drops them as soon
    /// as the answer is read: wasm memory never shrinks, so a multi-megabyte file still held
    /// while the annotations are placed would raise it for good.
    async fn read_annotation_file(&self, bytes: Vec<u8>) -> Result<AnnotationFile, FileProblem> {
        let article = self.ws.with_untracked(factmark::serialize_without_annotations);
        let answer = super::formats::ask(&Request::Annotations { now: now().0 }, &bytes, Some(article)).await;
        let result = answer.map_err(FileProblem::Invalid).and_then(|(reply, payload)| worker::annotation_file(&reply, &payload, &bytes));
        drop(bytes);
        result
    }

    fn take_file(&self, name: &str, result: Result<AnnotationFile, FileProblem>, mode: ImportMode) {
        match result {
            Err(problem) => self.notify(NoticeKind::Error, format!("Could not import “{name}”: {problem}. Nothing was changed.")),
            Ok(AnnotationFile::Imported(imported)) => self.import_peer(name, imported, mode),
            // The checker says what the file's own labels become (label_map.rs) first.
            Ok(AnnotationFile::NeedsLabels(question)) => self.labels.set(Some(PendingLabels { name: name.to_string(), question, mode })),
            Ok(AnnotationFile::Factmark(parsed)) => {
                let sha = crate::sha256::sha256_hex(parsed.article.canonical_text().as_bytes());
                if self.ws.with_untracked(|w| w.sha256() != sha) {
                    self.open_article(parsed.article);
                }
                self.import_list(name, parsed.annotations, mode, |report| report.to_string());
            }
        }
    }

    /// Finishes an import that waited for its labels: `None` cancels it.
    pub fn answer_labels(&self, map: Option<LabelMap>) {
        let Some(pending) = self.labels.try_update(Option::take).flatten() else { return };
        match map {
            Some(map) => self.import_peer(&pending.name, pending.question.apply(&map), pending.mode),
            None => self.notify(NoticeKind::Info, format!("Import of “{}” cancelled. Nothing was changed.", pending.name)),
        }
    }

    /// Imports another tool's annotations; the notice says where they came from and what was skipped.
    fn import_peer(&self, name: &str, mut imported: Imported, mode: ImportMode) {
        let list = std::mem::take(&mut imported.annotations);
        self.import_list(name, list, mode, move |report| imported.summary(report));
    }

    fn import_list(&self, name: &str, list: Vec<Annotation>, mode: ImportMode, describe: impl FnOnce(&ImportReport) -> String) {
        let mut result = None;
        self.ws.update(|w| result = Some(w.import(list, mode)));
        let Some((change, report)) = result else { return };
        let summary = describe(&report);
        self.refresh_blocks(&change.blocks);
        // What the notice says was added must be saved, or the notice must say it is not:
        // saved now, in full, instead of in idle slices that a reload could cut short.
        self.dirty.set_value(true);
        self.save_now(None);
        let unsaved = self.ws.with_untracked(|w| self.saved.with_value(|s| persist::unsaved_count(w, s)));
        if unsaved > 0 {
            let why = self.save_error.get_untracked().map(|e| e.to_string()).unwrap_or_default();
            return self.notify(
                NoticeKind::Error,
                format!("Imported “{name}”: {summary}. But {unsaved} annotation(s) of this article are not saved in this browser. {why}"),
            );
        }
        let kind = if report.placed.orphaned > 0 { NoticeKind::Warning } else { NoticeKind::Info };
        self.notify(kind, format!("Imported “{name}”: {summary}."));
    }

    fn download_as(&self, ext: &str, mime: &str, body: impl FnOnce(&Workspace) -> String) {
        let (content, name) = self.ws.with_untracked(|w| {
            let a = w.article();
            (body(w), file_name(&a.display_title(), a.date.as_deref(), ext))
        });
        self.offer(&name, mime, &content);
    }

    fn offer(&self, name: &str, mime: &str, content: &str) {
        match download::download(name, mime, content) {
            Ok(()) => self.announce(format!("Downloaded {name}")),
            Err(_) => self.notify(NoticeKind::Error, "The browser refused the download. Try again, or allow downloads for this page."),
        }
    }

    pub fn download_w3c(&self) {
        self.export_as(Export::W3c, "w3c.jsonld", "application/ld+json");
    }

    pub fn download_csv(&self) {
        self.export_as(Export::Csv, "csv", "text/csv;charset=utf-8");
    }

    /// Downloads an export written by the formats worker from the workspace as it is now.
    fn export_as(&self, kind: Export, ext: &'static str, mime: &'static str) {
        let (file, name) = self.ws.with_untracked(|w| {
            let a = w.article();
            (factmark::serialize_compact(w), file_name(&a.display_title(), a.date.as_deref(), ext))
        });
        let state = *self;
        leptos::task::spawn_local(async move {
            match super::formats::export(kind, file, now().0).await {
                Ok(content) => state.offer(&name, mime, &content),
                Err(e) => state.notify(NoticeKind::Error, format!("Could not write {name}: {e}. Try again.")),
            }
        });
    }

    /// Saves what changed, spending at most `budget_ms` (none: all of it); returns whether
    /// everything is saved. Reports a failure once, and clears the warning after a success.
    pub fn save_now(&self, budget_ms: Option<f64>) -> bool {
        if !self.dirty.get_value() {
            return true;
        }
        let started = super::browser::now_ms();
        let mut saved = self.saved.get_value();
        let result = self.ws.with_untracked(|w| persist::save_changes(&BrowserStore, w, &mut saved, budget_ms, super::browser::now_ms));
        self.saved.set_value(saved);
        report(AppEvent::Saved { blocking_ms: super::browser::now_ms() - started });
        match result {
            Ok(false) => false,
            Ok(true) => {
                self.dirty.set_value(false);
                let (sha, count) = self.ws.with_untracked(|w| (w.sha256().to_string(), w.annotations().len()));
                let mut changed = false;
                self.library.update_untracked(|l| changed = l.set_count(&sha, count, now()));
                if changed {
                    self.library.notify();
                    let _ = persist::save_library(&BrowserStore, &self.library.get_untracked());
                }
                if self.save_error.get_untracked().is_some() {
                    self.save_error.set(None);
                }
                true
            }
            Err(e) => {
                if self.save_error.get_untracked().as_ref() != Some(&e) {
                    self.save_error.set(Some(e));
                }
                true
            }
        }
    }
}
