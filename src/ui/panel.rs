//! The annotations panel: counts and a filter by tag, an editor for the selected annotation,
//! and one light row per annotation in document order.
//!
//! Rows are static and of one fixed height: each is keyed by (id, modified, status), so only
//! a changed annotation's row is rebuilt and nothing per row is reactive. The list is
//! windowed: only the rows around the visible part (all of them, up to [`WINDOW_ROWS`]) are
//! in the DOM, so the panel costs the same with 50 or 50,000 annotations. Selection is marked
//! by one effect that moves `aria-current`.

use super::browser::{panel_item_of, scroll_into_view};
use super::check_editor::CheckFields;
use super::state::{AppState, VerdictFilter};
use crate::annotation::{Annotation, AnnotationId, Tag};
use crate::time::Timestamp;
use leptos::prelude::*;
use std::collections::HashSet;

/// Quotes longer than this (code points) are shortened in the panel.
const QUOTE_PREVIEW_CHARS: usize = 160;

fn shorten(s: &str) -> String {
    crate::text::shorten(s, QUOTE_PREVIEW_CHARS)
}

/// What identifies a row's content: it changes whenever the row must be rebuilt.
type RowKey = (AnnotationId, Timestamp, bool);

/// Height of one row in CSS pixels (the stylesheet clamps rows to it).
const ROW_PX: f64 = 76.0;
/// Rows kept in the DOM beyond the visible ones, above and below.
const OVERSCAN_ROWS: usize = 30;
/// With at most this many rows, all are rendered.
pub const WINDOW_ROWS: usize = 100;

fn row_key(a: &Annotation) -> RowKey {
    (a.id.clone(), a.modified, a.is_orphan())
}

#[component]
pub fn Panel(state: AppState) -> impl IntoView {
    let counts = Memo::new(move |_| state.ws.with(|w| w.annotations().counts()));
    let total = Memo::new(move |_| state.ws.with(|w| w.annotations().len()));
    // The search runs once per change of query or annotations, not once per row.
    let found = Memo::new(move |_| {
        let q = state.search.get();
        (!q.trim().is_empty()).then(|| state.ws.with(|w| w.search(&q)).into_iter().collect::<std::collections::HashSet<_>>())
    });
    // Whether an annotation passes the panel's filters (tag, verdict, search).
    let keeps = move |a: &Annotation, filter: Option<Tag>, verdict: &VerdictFilter, found: &Option<HashSet<AnnotationId>>| {
        filter.is_none_or(|t| a.tag == t) && verdict.keeps(a) && found.as_ref().is_none_or(|f| f.contains(&a.id))
    };
    // How many anchored rows there are: counted without copying anything, so that a keystroke
    // in a note costs no allocation per annotation.
    let anchored_len = Memo::new(move |_| {
        let (filter, verdict) = (state.filter.get(), state.verdict_filter.get());
        found.with(|found| {
            state.ws.with(|w| {
                let set = w.annotations();
                // Kept counts answer the usual cases in O(1); a verdict or text filter walks.
                if verdict == VerdictFilter::All && found.is_none() {
                    match filter {
                        None => set.len() - set.orphan_count(),
                        Some(t) => set.anchored_counts()[t.index()],
                    }
                } else {
                    set.anchored().filter(|a| keeps(a, filter, &verdict, found)).count()
                }
            })
        })
    });
    let orphans = Memo::new(move |_| {
        let (filter, verdict) = (state.filter.get(), state.verdict_filter.get());
        found.with(|found| {
            state.ws.with(|w| w.annotations().orphans().filter(|a| keeps(a, filter, &verdict, found)).map(row_key).collect::<Vec<_>>())
        })
    });
    // The position of `id` among the anchored rows shown (for scrolling to the selection).
    let index_of = move |id: &AnnotationId| {
        let (filter, verdict) = (state.filter.get_untracked(), state.verdict_filter.get_untracked());
        found.with_untracked(|found| {
            state.ws.with_untracked(|w| w.annotations().anchored().filter(|a| keeps(a, filter, &verdict, found)).position(|a| &a.id == id))
        })
    };
    let list = NodeRef::<leptos::html::Div>::new();
    // First row index and rows per screen; updated on scroll in steps, not per pixel.
    let window_at = RwSignal::new((0usize, 12usize));
    let measure = move || {
        if let Some(el) = list.get_untracked() {
            let first = (el.scroll_top() as f64 / ROW_PX) as usize;
            let step = first - first % 10;
            let visible = (el.client_height() as f64 / ROW_PX).ceil() as usize + 1;
            if window_at.get_untracked() != (step, visible) {
                window_at.set((step, visible));
            }
        }
    };
    // Which anchored rows are in the DOM: from the first one (whose position sets the list's
    // top padding) to the end of the window.
    let span = Memo::new(move |_| {
        let (first, visible) = window_at.get();
        let len = anchored_len.get();
        if state.printing.get() || len <= WINDOW_ROWS {
            (0, len)
        } else {
            let a = first.saturating_sub(OVERSCAN_ROWS).min(len);
            (a, (first + visible + OVERSCAN_ROWS + 10).min(len))
        }
    });
    // Only the rows in the window are built: skipping the ones before it copies nothing. Rows
    // are keyed by their content only, not their position: adding or removing an annotation
    // inserts or removes one row, and the rows after it move up or down in the flow instead of
    // being rebuilt.
    let windowed = Memo::new(move |_| {
        let (a, b) = span.get();
        let (filter, verdict) = (state.filter.get(), state.verdict_filter.get());
        found.with(|found| {
            state.ws.with(|w| {
                w.annotations()
                    .anchored()
                    .filter(|x| keeps(x, filter, &verdict, found))
                    .skip(a)
                    .take(b - a)
                    .map(row_key)
                    .collect::<Vec<_>>()
            })
        })
    });
    // Mark the selected row and keep it visible: syncing with the DOM is what effects are for.
    // The DOM work waits for the next animation frame: measuring the list right after an edit
    // forced a layout of the half-updated page in the middle of the edit's own updates, and
    // the frame then laid it out again.
    Effect::new(move |prev: Option<Option<AnnotationId>>| {
        let current = state.selected.get();
        let (before, now) = (prev.flatten(), current.clone());
        request_animation_frame(move || {
            if let Some(el) = before.and_then(|id| panel_item_of(&id)) {
                let _ = el.remove_attribute("aria-current");
            }
            // Scroll the list to the row first: it may not be rendered yet.
            let index = now.as_ref().and_then(index_of);
            if let (Some(i), Some(el)) = (index, list.get_untracked()) {
                let top = i as f64 * ROW_PX;
                let (view_top, view_h) = (el.scroll_top() as f64, el.client_height() as f64);
                if top < view_top || top + ROW_PX > view_top + view_h {
                    el.set_scroll_top((top - view_h / 2.0 + ROW_PX / 2.0).max(0.0) as i32);
                    measure();
                }
            }
            if let Some(el) = now.as_ref().and_then(panel_item_of) {
                let _ = el.set_attribute("aria-current", "true");
                if super::browser::narrow_screen() {
                    super::browser::show_editor_in_sheet();
                } else {
                    // The list scrolled itself above; this brings the row into view when the
                    // panel is taller than the screen.
                    scroll_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
                }
            }
        });
        current
    });
    let filter_button = move |tag: Option<Tag>| {
        let label = move || match tag {
            Some(t) => format!("{} {}", t.label(), counts.get()[t.index()]),
            None => format!("All {}", total.get()),
        };
        view! {
            <button
                type="button"
                class=format!("filter {}", tag.map(|t| format!("tag-{}", t.as_str())).unwrap_or_default())
                aria-pressed=move || (state.filter.get() == tag).to_string()
                on:click=move |_| state.filter.set(tag)
            >
                {label}
            </button>
        }
    };
    view! {
        <aside class="panel" id="annotations-panel" aria-label="Annotations" class:open=move || state.sheet_open.get()>
            <div class="panel-head">
                <h2>"Annotations"</h2>
                <button type="button" class="suggest-all" title="Suggest claims, figures and quotes from the text (S)" aria-keyshortcuts="S"
                    on:click=move |_| super::suggestions::suggest_all(state)>"Suggest"</button>
                <button type="button" class="sheet-close" aria-label="Close annotations" on:click=move |_| state.sheet_open.set(false)>"✕"</button>
                <div class="filters" role="group" aria-label="Show by tag">
                    {filter_button(None)}
                    {Tag::ALL.into_iter().map(|t| filter_button(Some(t))).collect_view()}
                </div>
            </div>
            <super::details_form::ArticleDetails state />
            <super::review_form::ArticleReviewForm state />
            <Progress state />
            // How many rows the filters leave, whenever one is on.
            {move || {
                let filtered = state.filter.get().is_some() || state.verdict_filter.get() != VerdictFilter::All || found.with(Option::is_some);
                filtered.then(|| {
                    let shown = anchored_len.get() + orphans.with(Vec::len);
                    view! { <p class="showing" data-showing role="status">{format!("Showing {shown} of {}", total.get())}</p> }
                })
            }}
            <super::suggestions::SuggestionList state />
            <Show when=move || total.get() == 0>
                <p class="empty">"Select words in the article, then choose Claim, Figure or Quote (or press C, F or Q)."</p>
            </Show>
            <Editor state />
            <div class="list" node_ref=list on:scroll=move |_| measure()>
                <ol
                    class="items windowed"
                    style=move || format!("height:{}px;padding-top:{}px", anchored_len.get() as f64 * ROW_PX, span.get().0 as f64 * ROW_PX)
                >
                    <For each=move || windowed.get() key=|k| k.clone() let:k>
                        <Row state id=k.0 />
                    </For>
                </ol>
                <Show when=move || !orphans.with(Vec::is_empty)>
                    <section class="orphans" aria-label="Could not place">
                        <h3>"Could not place"</h3>
                        <p class="hint">"These annotations no longer match the text. They are kept and included in every download."</p>
                        <ol class="items">
                            <For each=move || orphans.get() key=|k| k.clone() let:k>
                                <Row state id=k.0 />
                            </For>
                        </ol>
                    </section>
                </Show>
            </div>
        </aside>
    }
}

/// One annotation's row: tag, quote and note. Built once per version of the annotation.
#[component]
fn Row(state: AppState, id: AnnotationId) -> impl IntoView {
    let Some(a) = state.ws.with_untracked(|w| w.annotations().get(&id).cloned()) else { return ().into_any() };
    let selected = state.selected.get_untracked().as_ref() == Some(&id);
    let tag = a.tag.as_str();
    let id_click = id.clone();
    view! {
        <li
            class="item"
            class:orphan=a.is_orphan()
            data-annotation-id=id.to_string()
            data-tag=tag
            aria-current=selected.then_some("true")
        >
            <button type="button" class="row" on:click=move |_| state.reveal(&id_click)>
                <span class="row-head">
                    <span class=format!("tag-chip tag-{tag}")>{a.tag.label()}</span>
                    {a.check.verdict.clone().map(|v| view! { <span class="verdict-chip">{v}</span> })}
                </span>
                <span class="quote">{shorten(&a.target.exact)}</span>
                {(!a.note.is_empty()).then(|| view! { <span class="note-preview">{a.note.clone()}</span> })}
            </button>
        </li>
    }
    .into_any()
}

/// Editing the selected annotation: tag, note, delete, and its fact-check fields.
#[component]
fn Editor(state: AppState) -> impl IntoView {
    let ann = Memo::new(move |_| {
        let id = state.selected.get()?;
        state.ws.with(|w| w.annotations().get(&id).cloned())
    });
    let id_now = move || ann.with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
    let shown_id = Memo::new(move |_| ann.with(|a| a.as_ref().map(|a| (a.id.clone(), shorten(&a.target.exact)))));
    move || {
        let (id, quote) = shown_id.get()?;
        let tag = move || ann.with(|c| c.as_ref().map(|c| c.tag).unwrap_or(Tag::Claim));
        Some(view! {
            <section class="editor" aria-label="Selected annotation" data-editing=id.to_string()>
                <div class="item-head">
                    <span class=move || format!("tag-chip tag-{}", tag().as_str())>{move || tag().label()}</span>
                    <select
                        class="retag"
                        aria-label="Tag"
                        on:change=move |ev| {
                            if let (Some(id), Some(t)) = (id_now(), Tag::parse(&event_target_value(&ev))) {
                                state.set_tag(&id, t);
                            }
                        }
                    >
                        {Tag::ALL.into_iter().map(|t| view! {
                            <option value=t.as_str() selected=move || tag() == t>{t.label()}</option>
                        }).collect_view()}
                    </select>
                    <button type="button" class="delete" aria-label="Delete annotation" on:click=move |_| { if let Some(id) = id_now() { state.delete(&id); } }>
                        "Delete"
                    </button>
                </div>
                <blockquote class="quote">{quote}</blockquote>
                <textarea
                    class="note"
                    aria-label="Note"
                    placeholder="Internal note (never published)…"
                    rows="2"
                    prop:value=move || ann.with(|c| c.as_ref().map(|c| c.note.clone()).unwrap_or_default())
                    on:input=move |ev| { if let Some(id) = id_now() { state.set_note(&id, &event_target_value(&ev)); } }
                    on:blur=move |_| state.end_note_edit()
                ></textarea>
                <CheckFields state ann />
            </section>
        })
    }
}

/// "Claims checked: 3 of 7", the breakdown by verdict, the verdict filter and the search.
#[component]
fn Progress(state: AppState) -> impl IntoView {
    let progress = Memo::new(move |_| state.ws.with(|w| w.progress()));
    let labels = Memo::new(move |_| state.ws.with(|w| w.scale().labels.clone()));
    view! {
        <div class="progress">
            <p class="progress-line" data-progress>{move || progress.with(|p| format!("Claims checked: {} of {}", p.checked, p.claims))}</p>
            <p class="breakdown">
                {move || progress.with(|p| p.by_verdict.iter().filter(|(_, n)| *n > 0).map(|(v, n)| format!("{v} {n}")).collect::<Vec<_>>().join(" · "))}
            </p>
            <div class="field-row">
                <select aria-label="Show by verdict" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    // Values are prefixed so that no verdict label can collide with "all" or "none".
                    state.verdict_filter.set(match v.strip_prefix("v:") {
                        Some(label) => VerdictFilter::Verdict(label.to_string()),
                        None if v == "none" => VerdictFilter::NotChecked,
                        None => VerdictFilter::All,
                    });
                }>
                    <option value="all">"Any verdict"</option>
                    <option value="none">"Not checked"</option>
                    {move || labels.get().into_iter().map(|l| view! { <option value=format!("v:{l}")>{l.clone()}</option> }).collect_view()}
                </select>
                <input type="search" aria-label="Search annotations" placeholder="Search quotes, notes, rationales" prop:value=move || state.search.get() on:input=move |ev| state.search.set(event_target_value(&ev)) />
            </div>
        </div>
    }
}

/// The button that shows or hides the panel sheet on narrow screens (hidden on wide ones).
#[component]
pub fn SheetToggle(state: AppState) -> impl IntoView {
    let total = Memo::new(move |_| state.ws.with(|w| w.annotations().len()));
    view! {
        <button
            type="button"
            class="sheet-toggle"
            aria-controls="annotations-panel"
            aria-expanded=move || state.sheet_open.get().to_string()
            on:click=move |_| state.sheet_open.update(|o| *o = !*o)
        >
            {move || format!("Annotations ({})", total.get())}
        </button>
    }
}
