//! The annotations panel: counts and a filter by tag, an editor for the selected annotation,
//! and one light row per annotation in document order.
//!
//! Rows are static: each is keyed by (id, modified, status), so only a changed annotation's
//! row is rebuilt, and nothing per row is reactive. Selection is marked by one effect that
//! moves `aria-current`, so selecting never touches the other rows. This keeps the panel
//! cheap with thousands of annotations.

use super::browser::{panel_item_of, scroll_into_view};
use super::state::AppState;
use crate::annotation::{Annotation, AnnotationId, Tag};
use crate::time::Timestamp;
use leptos::prelude::*;

/// Quotes longer than this (code points) are shortened in the panel.
const QUOTE_PREVIEW_CHARS: usize = 160;

fn shorten(s: &str) -> String {
    if s.chars().count() <= QUOTE_PREVIEW_CHARS {
        return s.to_string();
    }
    let head: String = s.chars().take(QUOTE_PREVIEW_CHARS - 1).collect();
    format!("{}…", head.trim_end())
}

/// What identifies a row's content: it changes whenever the row must be rebuilt.
type RowKey = (AnnotationId, Timestamp, bool);

fn row_key(a: &Annotation) -> RowKey {
    (a.id.clone(), a.modified, a.is_orphan())
}

#[component]
pub fn Panel(state: AppState) -> impl IntoView {
    let counts = Memo::new(move |_| state.ws.with(|w| w.annotations().counts()));
    let total = Memo::new(move |_| state.ws.with(|w| w.annotations().len()));
    let rows = move |orphans: bool| {
        Memo::new(move |_| {
            let filter = state.filter.get();
            state.ws.with(|w| {
                let set = w.annotations();
                let list: Box<dyn Iterator<Item = &Annotation>> = if orphans { Box::new(set.orphans()) } else { Box::new(set.anchored()) };
                list.filter(|a| filter.is_none_or(|t| a.tag == t)).map(row_key).collect::<Vec<_>>()
            })
        })
    };
    let anchored = rows(false);
    let orphans = rows(true);
    // Mark the selected row and keep it visible: syncing with the DOM is what effects are for.
    Effect::new(move |prev: Option<Option<AnnotationId>>| {
        let current = state.selected.get();
        if let Some(el) = prev.flatten().and_then(|id| panel_item_of(&id)) {
            let _ = el.remove_attribute("aria-current");
        }
        if let Some(el) = current.as_ref().and_then(panel_item_of) {
            let _ = el.set_attribute("aria-current", "true");
            scroll_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
        }
        current
    });
    let filter_button = move |tag: Option<Tag>| {
        let label = move || match tag {
            Some(t) => format!("{} {}", t.label(), counts.get()[Tag::ALL.iter().position(|x| *x == t).unwrap_or(0)]),
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
        <aside class="panel" aria-label="Annotations">
            <div class="panel-head">
                <h2>"Annotations"</h2>
                <div class="filters" role="group" aria-label="Show by tag">
                    {filter_button(None)}
                    {Tag::ALL.into_iter().map(|t| filter_button(Some(t))).collect_view()}
                </div>
            </div>
            <Show when=move || total.get() == 0>
                <p class="empty">"Select words in the article, then choose Claim, Figure or Quote (or press C, F or Q)."</p>
            </Show>
            <Editor state />
            <ol class="items">
                <For each=move || anchored.get() key=|k| k.clone() let:k>
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
                <span class=format!("tag-chip tag-{tag}")>{a.tag.label()}</span>
                <span class="quote">{shorten(&a.target.exact)}</span>
                {(!a.note.is_empty()).then(|| view! { <span class="note-preview">{a.note.clone()}</span> })}
            </button>
        </li>
    }
    .into_any()
}

/// Editing the selected annotation: tag, note and delete.
#[component]
fn Editor(state: AppState) -> impl IntoView {
    let current = Memo::new(move |_| {
        let id = state.selected.get()?;
        state.ws.with(|w| w.annotations().get(&id).map(|a| (a.id.clone(), a.tag, a.note.clone(), shorten(&a.target.exact))))
    });
    let id_now = move || current.with_untracked(|c| c.as_ref().map(|c| c.0.clone()));
    move || {
        let (id, _, _, quote) = current.with(|c| c.clone())?;
        let tag = move || current.with(|c| c.as_ref().map(|c| c.1).unwrap_or(Tag::Claim));
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
                    placeholder="Add a note…"
                    rows="3"
                    prop:value=move || current.with(|c| c.as_ref().map(|c| c.2.clone()).unwrap_or_default())
                    on:input=move |ev| { if let Some(id) = id_now() { state.set_note(&id, &event_target_value(&ev)); } }
                    on:blur=move |_| state.end_note_edit()
                ></textarea>
            </section>
        })
    }
}
