//! The app: start-up (storage, the article to open), the root component, and autosave.

use super::article_view::ArticleView;
use super::browser::typing_in_field;
use super::notices::{NoticeKind, Notices};
use super::panel::Panel;
use super::state::{restore, AppState, ToolbarAt};
use super::storage::BrowserStore;
use super::toolbar::Toolbar;
use super::topbar::TopBar;
use super::{bench, browser, files, formats_worker, idb, label_map, panel, report_view, selection, shortcuts, suggestions, topbar};
use crate::annotation::Tag;
use crate::article::Article;
use crate::persist::{self, Library, LibraryEntry};
use crate::workspace::Workspace;
use leptos::prelude::*;
use std::time::Duration;

/// Changes are batched for this long, then saved when the browser is idle...
const SAVE_DELAY: Duration = Duration::from_millis(60);
/// ...but no later than this after the batch, so a change reaches storage within 300 ms.
const SAVE_IDLE_LIMIT_MS: u32 = 150;
/// One save slice stops starting new chunks after this long.
const SAVE_SLICE_MS: f64 = 1.5;

/// The formats worker's entry: answers the page's requests (`formats_worker.rs`).
pub fn serve_formats() {
    formats_worker::serve();
}

pub fn mount() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        // The saved work is read before the app starts; without IndexedDB (or if it fails)
        // the app keeps to localStorage.
        if let Err(e) = idb::start().await {
            web_sys::console::warn_2(&"Factmark: IndexedDB is not available, using localStorage:".into(), &e);
        }
        let opened = if bench::requested() { Some(bench::workload_article().await) } else { None };
        // The app may open with the default article or the benchmark's (idb::start read the
        // one open last).
        let first = opened.as_ref().and_then(|o| o.as_ref().ok()).cloned().unwrap_or_else(Article::default_article);
        let _ = idb::read_article(&sha256_of(&first)).await;
        if let Some(opened) = opened {
            // The workload article is fetched and opened before the app mounts, as the kit's
            // contract describes: mounting the default article first would be wasted work.
            leptos::mount::mount_to_body(move || view! { <App opened /> });
        } else {
            leptos::mount::mount_to_body(|| view! { <App /> });
        }
    });
}

/// The article to open at start: `article` when one was brought (benchmark mode), else the
/// one open last, else the default article.
fn startup(article: Option<Article>) -> (Workspace, persist::Saved, Library, String, Vec<(NoticeKind, String)>) {
    let default = Article::default_article();
    let default_sha = sha256_of(&default);
    let mut warnings = Vec::new();
    let mut library = persist::load_library(&BrowserStore, &mut warnings);
    if library.get(&default_sha).is_none() {
        library.entries.push(LibraryEntry::of(&default, &default_sha, 0, 0));
    }
    let (ws, saved, mut notices) = match article {
        Some(article) => restore(article),
        None => {
            let last = persist::load_current(&BrowserStore, &mut warnings).filter(|sha| *sha != default_sha);
            let raw = last.and_then(|sha| persist::raw_doc(&BrowserStore, &sha));
            let parsed = raw.map(|raw| crate::format::factmark::parse(&raw));
            if let Some(Err(e)) = &parsed {
                warnings.push(format!("The article open last could not be read ({e}), so the default article opened. Its data is still in this browser's storage."));
            }
            restore(parsed.and_then(Result::ok).map(|p| p.article).unwrap_or(default))
        }
    };
    notices.splice(0..0, warnings.into_iter().map(|w| (NoticeKind::Warning, w)));
    (ws, saved, library, default_sha, notices)
}

/// The key an article's work is kept under.
pub(super) fn sha256_of(article: &Article) -> String {
    crate::sha256::sha256_hex(article.canonical_text().as_bytes())
}

/// `opened`: benchmark mode only, the workload article (or why it could not be opened).
#[component]
fn App(#[prop(optional)] opened: Option<Result<Article, String>>) -> impl IntoView {
    let bench_mode = opened.is_some();
    let (article, bench_result) = match opened {
        Some(Ok(a)) => (Some(a), Ok(())),
        Some(Err(e)) => (None, Err(e)),
        None => (None, Ok(())),
    };
    let brought = article.is_some();
    let (ws, saved, library, default_sha, notices) = startup(article);
    let state = AppState::new(ws, saved, library, default_sha);
    // A batch of writes IndexedDB refused: say so, and write everything again at the next save.
    idb::on_failure(move |e| {
        state.saved.set_value(persist::Saved::default());
        state.dirty.set_value(true);
        state.save_error.set(Some(e));
    });
    if brought {
        state.remember_current();
    }
    for (kind, text) in notices {
        state.notify(kind, text);
    }
    let article_ref = NodeRef::<leptos::html::Article>::new();

    // The current article selection as a raw code-point range, if any.
    let current_selection = move || {
        let el = article_ref.get_untracked()?;
        let len = state.ws.with_untracked(|w| w.text().len());
        selection::article_selection(&el, len)
    };
    let tag_selection = Callback::new(move |tag: Tag| {
        if let Some((raw, _)) = current_selection() {
            state.tag_range(raw, tag);
        }
    });
    // Show or hide the toolbar after a pointer or keyboard selection settles.
    let update_toolbar = move || {
        let next = current_selection().map(|(_, rect)| {
            let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
            let width = window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
            let left = (rect.left() + sx).clamp(8.0 + sx, (width - 260.0).max(8.0) + sx);
            ToolbarAt { left, top: rect.bottom() + sy + 8.0 }
        });
        if state.toolbar.get_untracked() != next {
            state.toolbar.set(next);
        }
    };
    // With "tag on release" on, a finished pointer selection is tagged at once; otherwise
    // the toolbar offers the tags.
    let on_release = move || match (state.quick_tag.get_untracked(), current_selection()) {
        (Some(tag), Some((raw, _))) => state.tag_range(raw, tag),
        _ => update_toolbar(),
    };
    // A selection made or adjusted without a mouse (keys, touch handles, the OS, assistive
    // tech) shows up as selectionchange, at most once a frame; a mouse drag is handled once,
    // on release.
    let mouse_down = StoredValue::new(false);
    window_event_listener(leptos::ev::mousedown, move |_| mouse_down.set_value(true));
    let frame_pending = StoredValue::new(false);
    let on_selection = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            frame_pending.set_value(false);
            selection::note_ends();
            if !mouse_down.get_value() {
                update_toolbar();
            }
        });
    });
    let _ = document().add_event_listener_with_callback("selectionchange", wasm_bindgen::JsCast::unchecked_ref(on_selection.as_ref()));
    // The app lives as long as the page: the listener is never removed.
    on_selection.forget();
    window_event_listener(leptos::ev::mouseup, move |_| {
        mouse_down.set_value(false);
        on_release();
    });
    window_event_listener(leptos::ev::touchend, move |_| on_release());
    let help_asked = RwSignal::new(0u32);
    window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        let cmd = ev.ctrl_key() || ev.meta_key();
        if key == "Escape" {
            // Esc in the editor hands focus back to the highlight being edited.
            let in_editor = document().active_element().and_then(|el| el.closest(".editor").ok().flatten()).is_some();
            if let (true, Some(id)) = (in_editor, state.selected.get_untracked()) {
                state.focus_highlight(&id);
                return;
            }
            // An open menu closes first, and focus goes back to its button.
            if let Ok(Some(menu)) = document().query_selector("details.menu[open]") {
                let _ = menu.remove_attribute("open");
                if let Some(summary) = menu.query_selector("summary").ok().flatten() {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(summary).focus();
                }
                return;
            }
            if state.report_open.get_untracked() {
                state.report_open.set(false);
                return;
            }
            state.toolbar.set(None);
            state.sheet_open.set(false);
            if let Ok(Some(sel)) = window().get_selection() {
                let _ = sel.remove_all_ranges();
            }
            return;
        }
        let lower = key.to_ascii_lowercase();
        let undo_key = cmd && !ev.alt_key() && (lower == "z" || lower == "y");
        // The annotation editor's fields write to the workspace as they are typed in, so
        // Ctrl+Z there is the app's Undo, as the button is (a whole note, not one character);
        // other fields (details, dialogs, search) keep the browser's own.
        let in_editor = document().active_element().and_then(|el| el.closest(".editor").ok().flatten()).is_some();
        if typing_in_field() && !(undo_key && in_editor) {
            return;
        }
        if undo_key {
            ev.prevent_default();
            state.end_note_edit();
            if lower == "y" || ev.shift_key() {
                state.redo();
            } else {
                state.undo();
            }
            return;
        }
        if cmd || ev.alt_key() {
            return;
        }
        if key == "]" || key == "[" {
            ev.prevent_default();
            state.focus_neighbour(key == "]");
            return;
        }
        if key == "?" {
            ev.prevent_default();
            help_asked.update(|n| *n += 1);
            return;
        }
        if lower == "s" && current_selection().is_none() {
            ev.prevent_default();
            suggestions::suggest_all(state);
            return;
        }
        let tag = match lower.as_str() {
            "c" => Tag::Claim,
            "f" => Tag::Figure,
            "q" => Tag::Quote,
            _ => return,
        };
        if let Some((raw, _)) = current_selection() {
            ev.prevent_default();
            state.tag_range(raw, tag);
        }
    });

    // Autosave: an outside-world sync, so an Effect. Changes are batched for SAVE_DELAY.
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        state.ws.track();
        if first.is_none() {
            return;
        }
        state.dirty.set_value(true);
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        // Idle time keeps the save out of the frames that show the change.
        // In idle time and in slices of SAVE_SLICE_MS, so that saving never holds up a
        // keystroke or a frame; a large import is written over several idle periods.
        fn save_slice(state: AppState, pending: StoredValue<bool>) {
            browser::when_idle(SAVE_IDLE_LIMIT_MS, move || {
                if state.save_now(Some(SAVE_SLICE_MS)) {
                    pending.set_value(false);
                } else {
                    save_slice(state, pending);
                }
            })
        }
        set_timeout(move || save_slice(state, pending), SAVE_DELAY);
    });
    // Printing shows every highlight and lists every annotation; the window of rows comes back
    // afterwards.
    window_event_listener_untyped("beforeprint", move |_| state.set_printing(true));
    window_event_listener_untyped("afterprint", move |_| state.set_printing(false));
    window_event_listener(leptos::ev::pagehide, move |_| {
        state.save_now(None);
    });
    window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.save_now(None);
        }
    });

    // Selection, flash and filter styling as one small stylesheet, so they never re-render
    // the article.
    let dynamic_css = move || {
        let mut css = String::new();
        // The outline of the selection is in the markup (`data-selected`); only the flash of a
        // revealed annotation needs a rule, and only after a reveal.
        if state.flash.get() > 0 {
            let anim = if state.flash.get().is_multiple_of(2) { "fm-flash-a" } else { "fm-flash-b" };
            css.push_str(&format!("mark[data-selected]{{animation:{anim} 1.2s ease-out}}"));
        }
        if let Some(tag) = state.filter.get() {
            css.push_str(&format!(
                "article mark:not([data-tags~={}]){{background:none;box-shadow:none;background-image:none}}",
                tag.as_str()
            ));
        }
        css
    };

    // Files dropped anywhere on the page: JSON is imported, anything else opened as an article.
    // The formats worker starts as the drag comes in, so a dropped page does not wait for it.
    window_event_listener(leptos::ev::dragenter, |_| super::formats::warm_up());
    window_event_listener(leptos::ev::dragover, move |ev| ev.prevent_default());
    window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        for f in files::dropped_files(&ev) {
            if files::is_annotation_file(&f) {
                topbar::with_file(state, f, topbar::import_annotation_file);
            } else {
                topbar::with_file(state, f, topbar::open_article_file);
            }
        }
    });

    if bench_mode {
        bench::start(state, bench_result);
    }

    // The article view is rebuilt only when another article is opened.
    let article_key = Memo::new(move |_| state.ws.with(|w| w.sha256().to_string()));
    view! {
        <style>{dynamic_css}</style>
        <TopBar state />
        <Notices state />
        <label_map::LabelMapDialog state />
        <shortcuts::ShortcutsDialog asked=help_asked />
        <main class="layout" class:sheet-open=move || state.sheet_open.get()>
            {move || {
                // Reading the key (not merely tracking it) subscribes to the memo's value.
                let _sha = article_key.get();
                view! { <ArticleView state article_ref /> }
            }}
            <Panel state />
        </main>
        <panel::SheetToggle state />
        <Toolbar state on_tag=tag_selection />
        <report_view::ReportView state />
    }
}
