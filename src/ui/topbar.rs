//! The top bar: the article library, opening and importing files, undo/redo and downloads.

use super::files::{input_files, read_bytes};
use super::notices::NoticeKind;
use super::state::AppState;
use crate::import::{open_clipboard, open_file, open_paste, FileProblem, Opened};
use crate::workspace::{ImportMode, Workspace};
use leptos::prelude::*;

/// Reads a picked file and hands it to `then` (an article opener or the annotation import).
pub fn with_file(state: AppState, file: web_sys::File, then: impl FnOnce(AppState, String, Vec<u8>) + 'static) {
    let name = file.name();
    state.announce(format!("Reading “{name}”…"));
    // Turning a large file into an article or thousands of annotations takes one long step
    // (the JSON parse cannot be split); a progress bar says the page is busy meanwhile.
    let large = file.size() > BUSY_BYTES;
    if large {
        state.busy.set(Some(format!("Reading “{name}”…")));
    }
    leptos::task::spawn_local(async move {
        match read_bytes(&file).await {
            Ok(bytes) => {
                if large {
                    // The bar must be on screen before the long step starts.
                    super::browser::next_paint().await;
                }
                then(state, name, bytes)
            }
            Err(e) => state.notify(NoticeKind::Error, format!("Could not open “{name}”: {e}. Nothing was changed.")),
        }
        if large {
            state.busy.set(None);
        }
    });
}

/// Files larger than this (bytes) show a progress bar while they are read and processed:
/// about 1,000 W3C annotations, which take some 50 ms to import.
const BUSY_BYTES: f64 = 400_000.0;

/// Opens an article file (.txt, .md, .html).
pub fn open_article_file(state: AppState, name: String, bytes: Vec<u8>) {
    match open_file(&name, &bytes) {
        Ok((opened, notice)) => {
            if let Some(n) = notice {
                state.notify(NoticeKind::Info, format!("“{name}”: {n}"));
            }
            // Reading the file and opening the article are a task each: at the article limits
            // (5 MB, 20,000 paragraphs) the two together were one task of 190 ms.
            drop(bytes);
            leptos::task::spawn_local(async move {
                super::browser::next_task().await;
                super::formats::open_source(state, format!("“{name}”"), opened);
            });
        }
        Err(problem) => state.notify(NoticeKind::Error, format!("Could not open “{name}”: {problem}. Nothing was changed.")),
    }
}

pub fn import_annotation_file(state: AppState, name: String, bytes: Vec<u8>) {
    state.import_file(&name, bytes);
}

#[component]
pub fn TopBar(state: AppState) -> impl IntoView {
    let undo_disabled = move || !state.ws.with(Workspace::can_undo) && state.undo_delete_title.with(Option::is_none);
    let undo_title = move || match state.undo_delete_title.get() {
        Some(title) => format!("Undo delete of “{title}”"),
        None => state.ws.with(Workspace::undo_label).unwrap_or_else(|| "Nothing to undo".into()),
    };
    let redo_disabled = move || !state.ws.with(Workspace::can_redo);
    let new_dialog = NodeRef::<leptos::html::Dialog>::new();
    let export_menu = NodeRef::<leptos::html::Details>::new();
    let new_text = RwSignal::new(String::new());
    // A paste into the empty field that came with HTML (copied from a web page), and the text it
    // left there: while the text is unchanged, the HTML is what opens (`open_clipboard`).
    let pasted = StoredValue::new(None::<(String, String)>);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else { return };
        let html = data.get_data("text/html").unwrap_or_default();
        if html.trim().is_empty() || !new_text.with_untracked(|t| t.trim().is_empty()) {
            return;
        }
        ev.prevent_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        new_text.set(plain.clone());
        pasted.set_value(Some((html, plain)));
    };
    let open_new = move |_| {
        super::formats::warm_up();
        if let Some(d) = new_dialog.get() {
            let _ = d.show_modal();
        }
    };
    let submit_new = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let text = new_text.get_untracked();
        let html = pasted.get_value().filter(|(_, plain)| *plain == text).map(|(html, _)| html);
        let opened = match html.map_or_else(|| open_paste(&text), |html| open_clipboard(&html, &text)) {
            Ok(opened) => opened,
            Err(FileProblem::Empty) => return state.notify(NoticeKind::Info, "Paste the article's text first."),
            Err(problem) => return state.notify(NoticeKind::Error, format!("Could not open the pasted text: {problem}.")),
        };
        if let Some(d) = new_dialog.get() {
            d.close();
        }
        new_text.set(String::new());
        pasted.set_value(None);
        let what = if matches!(opened, Opened::Page(_)) { "the pasted page" } else { "the pasted text" };
        super::formats::open_source(state, what.into(), opened);
    };
    // On phones the bar is one row: the articles and files group folds behind "Menu".
    let more = RwSignal::new(false);
    view! {
        <header class="topbar" class:more-open=move || more.get()>
            <span class="brand">"Factmark"</span>
            <button type="button" class="more-toggle" aria-controls="topbar-more" aria-expanded=move || more.get().to_string()
                on:click=move |_| more.update(|m| *m = !*m)>"Menu"</button>
            <nav class="actions" id="topbar-more" aria-label="Articles and files" on:change=move |_| more.set(false)>
                <LibraryMenu state />
                <ProfileButton state />
                <button type="button" on:click=open_new>"New article"</button>
                <label class="button">
                    "Open article"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                        on:click=|_| super::formats::warm_up()
                        on:change=move |ev| {
                            for f in input_files(&ev) {
                                with_file(state, f, open_article_file);
                            }
                        }
                    />
                </label>
                <label class="button">
                    "Import annotations"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".json,.jsonld,.conll,application/json,application/ld+json"
                        on:change=move |ev| {
                            for f in input_files(&ev) {
                                with_file(state, f, import_annotation_file);
                            }
                        }
                    />
                </label>
                // Labelled in words: what releasing a mouse selection does.
                <label class="inline-choice" title="Tag a selection with this tag as soon as the mouse button is released, without the toolbar">
                    <span>"Tag on release"</span>
                    <select
                        aria-label="Tag on release"
                        prop:value=move || state.quick_tag.get().map(|t| t.as_str()).unwrap_or("off")
                        on:change=move |ev| state.quick_tag.set(crate::annotation::Tag::parse(&event_target_value(&ev)))
                    >
                        <option value="off">"off"</option>
                        <option value="claim">"Claim"</option>
                        <option value="figure">"Figure"</option>
                        <option value="quote">"Quote"</option>
                    </select>
                </label>
            </nav>
            <div class="actions">
                <button type="button" on:click=move |_| state.undo() prop:disabled=undo_disabled aria-keyshortcuts="Control+Z"
                    title=undo_title>"Undo"
                    // What it undoes, to see at a glance; the button's name stays "Undo" (the
                    // shortcut's name), the full description is its title.
                    <span class="wide undo-what" aria-hidden="true">{move || undo_title().strip_prefix("Undo ").filter(|_| !undo_disabled()).map(str::to_string).unwrap_or_default()}</span>
                    </button>
                <button type="button" on:click=move |_| state.redo() prop:disabled=redo_disabled aria-keyshortcuts="Control+Shift+Z"
                    title=move || state.ws.with(Workspace::redo_label).unwrap_or_else(|| "Nothing to redo".into())>"Redo"</button>
                <button type="button" class="primary" on:click=move |_| state.download_json()>"Download"<span class="wide">" JSON"</span></button>
                <details class="menu" node_ref=export_menu>
                    <summary>"Export"</summary>
                    // Any choice closes the menu (the click bubbles here after the button's).
                    <div class="menu-body" role="group" aria-label="Export" on:click=move |_| { if let Some(d) = export_menu.get() { d.set_open(false); } }>
                        <button type="button" on:click=move |_| state.download_w3c()>"Download W3C Web Annotations (JSON-LD)"</button>
                        <button type="button" on:click=move |_| state.download_csv()>"Download CSV"</button>
                        <button type="button" on:click=move |_| state.download_claimreview()>"Download ClaimReview (JSON-LD)"</button>
                        <button type="button" on:click=move |_| state.download_report()>"Download report (Markdown)"</button>
                        <button type="button" on:click=move |_| state.report_open.set(true)>"Printable report"</button>
                    </div>
                    <label class="field checkbox">
                        <input type="checkbox" prop:checked=move || state.include_notes.get() on:change=move |ev| state.include_notes.set(event_target_checked(&ev)) />
                        <span>"Include internal notes in the report"</span>
                    </label>
                </details>
            </div>
        </header>
        <ImportChoice state />
        <dialog node_ref=new_dialog class="dialog" aria-labelledby="new-article-title">
            <form method="dialog" on:submit=submit_new>
                <h2 id="new-article-title">"New article"</h2>
                <p class="hint">"Paste the article. A short first line becomes the headline; blank lines separate paragraphs. Copied from a web page, only the article is kept."</p>
                <label for="new-article-text">"Article text"</label>
                <textarea
                    id="new-article-text"
                    rows="14"
                    prop:value=move || new_text.get()
                    on:input=move |ev| new_text.set(event_target_value(&ev))
                    on:paste=on_paste
                ></textarea>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| { if let Some(d) = new_dialog.get() { d.close(); } }>"Cancel"</button>
                    <button type="submit" class="primary">"Open"</button>
                </div>
            </form>
        </dialog>
    }
}

/// The library: every article kept in this browser, with its date and annotation count.
#[component]
fn LibraryMenu(state: AppState) -> impl IntoView {
    let confirming = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| state.ws.with(|w| w.sha256().to_string()));
    let menu = NodeRef::<leptos::html::Details>::new();
    // One Effect moves the "open now" mark from row to row. With every row watching the open
    // article itself, a switch re-ran three closures per row, and re-subscribing them is linear
    // in the watchers: 12 ms per switch at 500 articles, most of a long task. A row built later
    // (its count changed) reads the open article once, untracked.
    Effect::new(move |before: Option<String>| {
        let now = current.get();
        if let Some(menu) = menu.get() {
            for (sha, open) in [(before.as_deref(), false), (Some(now.as_str()), true)] {
                if let Some(row) = sha.and_then(|sha| menu.query_selector(&format!("li[data-sha=\"{sha}\"]")).ok().flatten()) {
                    mark_open(&row, open);
                }
            }
        }
        now
    });
    // The rows are built in a task of their own, right after the page is shown: at 500
    // articles building them at start was half of the start's longest task (53 ms).
    let rows_ready = RwSignal::new(false);
    gloo_timers::callback::Timeout::new(0, move || {
        rows_ready.try_set(true);
    })
    .forget();
    let close = move || {
        if let Some(d) = menu.get() {
            d.set_open(false);
        }
    };
    // How much room the library takes, asked of the browser each time the menu opens.
    let space = RwSignal::new(None::<String>);
    let on_toggle = move |_| {
        if menu.get_untracked().is_some_and(|d| d.open()) {
            wasm_bindgen_futures::spawn_local(async move {
                let store = if super::idb::active() { "IndexedDB" } else { "localStorage" };
                if let Some((used, quota)) = super::idb::estimate().await {
                    space.try_set(Some(crate::persist::describe_space(store, used, quota)));
                }
            });
        }
    };
    view! {
        <details class="menu library" node_ref=menu on:toggle=on_toggle>
            <summary>"Articles"</summary>
            <div class="menu-body">
                <p class="library-space" data-space>{move || space.get()}</p>
                <ul class="library-list" aria-label="Articles in this browser">
                    <For each=move || if rows_ready.get() { state.library.get().entries } else { Vec::new() } key=|e| (e.sha256.clone(), e.annotations, e.title.clone(), e.outlet.clone(), e.date.clone()) let:entry>
                        {
                            let sha = entry.sha256.clone();
                            let (sha_open, sha_del, sha_yes, sha_conf) = (sha.clone(), sha.clone(), sha.clone(), sha.clone());
                            let open = current.get_untracked() == sha;
                            let is_default = sha == state.default_sha.get_value();
                            let meta = entry.describe();
                            view! {
                                <li class:current=open data-sha=sha.clone()>
                                    <button type="button" class="library-open" aria-current=open.then_some("true") on:click=move |_| { close(); state.open_saved(&sha_open); }>
                                        <span class="library-title">{entry.title.clone()}</span>
                                        <span class="library-meta">{meta}<span class="library-now">{open.then_some(" · open now")}</span></span>
                                    </button>
                                    {(!is_default).then(|| view! {
                                        <Show
                                            when=move || confirming.get().as_deref() == Some(sha_conf.as_str())
                                            fallback=move || {
                                                let sha_del = sha_del.clone();
                                                view! { <button type="button" class="delete" aria-label="Delete article" on:click=move |_| confirming.set(Some(sha_del.clone()))>"Delete"</button> }
                                            }
                                        >
                                            {
                                                let sha_yes = sha_yes.clone();
                                                view! {
                                                    <span class="confirm" role="group" aria-label="Confirm delete">
                                                        "Delete it and its annotations?"
                                                        <button type="button" class="danger" on:click=move |_| { confirming.set(None); state.delete_article(&sha_yes); }>"Yes, delete"</button>
                                                        <button type="button" on:click=move |_| confirming.set(None)>"Keep"</button>
                                                    </span>
                                                }
                                            }
                                        </Show>
                                    })}
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </details>
    }
}

/// Marks a library row as the open article's, or unmarks it.
fn mark_open(row: &web_sys::Element, open: bool) {
    let _ = row.class_list().toggle_with_force("current", open);
    if let Ok(Some(button)) = row.query_selector(".library-open") {
        let _ = if open { button.set_attribute("aria-current", "true") } else { button.remove_attribute("aria-current") };
    }
    if let Ok(Some(now)) = row.query_selector(".library-now") {
        now.set_text_content(open.then_some(" · open now"));
    }
}

/// The checker profile (name, organisation, URL): stored once in this browser, used in exports.
#[component]
fn ProfileButton(state: AppState) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let (name, org, url) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let pattern = RwSignal::new(String::new());
    let (ratings, techniques) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let scale = RwSignal::new(String::new());
    let open = move |_| {
        let p = state.ws.with_untracked(|w| w.profile().clone());
        ratings.set(p.credibility_scale().join("\n"));
        techniques.set(p.technique_list().join("\n"));
        scale.set(state.ws.with_untracked(|w| w.scale().to_lines()));
        name.set(p.name);
        org.set(p.organisation);
        url.set(p.url);
        pattern.set(p.review_url_pattern.clone());
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let new_scale = match crate::annotation::VerdictScale::from_lines(&scale.get_untracked()) {
            Ok(s) => s,
            Err(e) => return problem.set(Some(format!("Verdict scale not saved: {e}"))),
        };
        let profile = crate::annotation::CheckerProfile::new(&name.get_untracked(), &org.get_untracked(), &url.get_untracked());
        let profile = profile.map(|p| p.with_lists(&ratings.get_untracked(), &techniques.get_untracked()));
        match profile.and_then(|p| p.with_review_pattern(&pattern.get_untracked())) {
            Ok(p) => {
                state.set_profile(p);
                state.set_scale(new_scale);
                if let Some(d) = dialog.get() {
                    d.close();
                }
            }
            // In the dialog, where the checker is: a notice would sit behind its backdrop.
            Err(e) => problem.set(Some(format!("Profile not saved: {e}"))),
        }
    };
    let field = |label: &'static str, sig: RwSignal<String>| {
        view! {
            <label class="field"><span>{label}</span><input type="text" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label>
        }
    };
    view! {
        <button type="button" on:click=open>"Checker profile"</button>
        <dialog node_ref=dialog class="dialog" aria-labelledby="profile-title">
            <form method="dialog" on:submit=save>
                <h2 id="profile-title">"Checker profile"</h2>
                <p class="hint">"Used as the author of ClaimReview exports and in reports, and kept in this browser only. The verdict scale applies to this browser's articles and travels in their files."</p>
                {field("Name", name)}
                {field("Organisation", org)}
                {field("Website", url)}
                {field("Fact-check page of each claim", pattern)}
                <p class="hint">"e.g. https://desk.example/checks/{article}#claim-{claim}: {article} is the article's name in the address, {claim} the claim's number. It is each ClaimReview's url."</p>
                <label class="field">
                    <span>"Verdict scale, best first, one per line"</span>
                    <textarea rows="7" prop:value=move || scale.get() on:input=move |ev| scale.set(event_target_value(&ev))></textarea>
                </label>
                <label class="field">
                    <span>"Article credibility scale, best first, one per line"</span>
                    <textarea rows="5" prop:value=move || ratings.get() on:input=move |ev| ratings.set(event_target_value(&ev))></textarea>
                </label>
                <label class="field">
                    <span>"Misleading techniques, one per line"</span>
                    <textarea rows="6" prop:value=move || techniques.get() on:input=move |ev| techniques.set(event_target_value(&ev))></textarea>
                </label>
                {move || problem.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| { if let Some(d) = dialog.get() { d.close(); } }>"Cancel"</button>
                    <button type="submit" class="primary">"Save profile"</button>
                </div>
            </form>
        </dialog>
    }
}

/// The import's question, asked only when the article already has annotations: does the file
/// add to them or replace them?
#[component]
fn ImportChoice(state: AppState) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let asked = Memo::new(move |_| state.pending_import.with(|p| p.as_ref().map(|(name, _)| name.clone())));
    // The modal dialog is the outside world: shown while a file waits for the answer.
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match (asked.get().is_some(), d.open()) {
            (true, false) => drop(d.show_modal()),
            (false, true) => d.close(),
            _ => {}
        }
    });
    let count = move || state.ws.with(|w| w.annotations().len());
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="import-choice-title" on:close=move |_| state.answer_import(None)>
            <h2 id="import-choice-title">{move || format!("Import “{}”", asked.get().unwrap_or_default())}</h2>
            <p>{move || {
                let n = count();
                format!("This article already has {n} annotation{}. Should the file's annotations join them, or take their place?", if n == 1 { "" } else { "s" })
            }}</p>
            <ul class="hint">
                <li>"Add to these: nothing here is removed; where the file and the article hold the same annotation, the one changed last is kept."</li>
                <li>"Replace these: the annotations here are removed and the file's take their place."</li>
            </ul>
            <p class="hint">"Either way the import is one step that Undo takes back."</p>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| state.answer_import(None)>"Cancel"</button>
                <button type="button" on:click=move |_| state.answer_import(Some(ImportMode::Replace))>"Replace these"</button>
                <button type="button" class="primary" on:click=move |_| state.answer_import(Some(ImportMode::Merge))>"Add to these"</button>
            </div>
        </dialog>
    }
}
