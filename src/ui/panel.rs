//! The annotations panel: counts and filter by tag, then one editable item per annotation.

use super::browser::{panel_item_of, scroll_into_view};
use super::state::AppState;
use crate::annotation::{AnnotationId, Tag};
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

#[component]
pub fn Panel(state: AppState) -> impl IntoView {
    let counts = Memo::new(move |_| state.ws.with(|w| w.annotations().counts()));
    let total = Memo::new(move |_| state.ws.with(|w| w.annotations().len()));
    let anchored = Memo::new(move |_| {
        let filter = state.filter.get();
        state
            .ws
            .with(|w| w.annotations().anchored().filter(|a| filter.is_none_or(|t| a.tag == t)).map(|a| a.id.clone()).collect::<Vec<_>>())
    });
    let orphans = Memo::new(move |_| {
        let filter = state.filter.get();
        state.ws.with(|w| w.annotations().orphans().filter(|a| filter.is_none_or(|t| a.tag == t)).map(|a| a.id.clone()).collect::<Vec<_>>())
    });
    // Keep the selected item visible: syncing with the DOM is what effects are for.
    Effect::new(move |_| {
        if let Some(id) = state.selected.get() {
            if let Some(el) = panel_item_of(&id) {
                scroll_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
            }
        }
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
            <ol class="items">
                <For each=move || anchored.get() key=|id| id.clone() let:id>
                    <Item state id />
                </For>
            </ol>
            <Show when=move || !orphans.with(Vec::is_empty)>
                <section class="orphans" aria-label="Could not place">
                    <h3>"Could not place"</h3>
                    <p class="hint">"These annotations no longer match the text. They are kept and included in every download."</p>
                    <ol class="items">
                        <For each=move || orphans.get() key=|id| id.clone() let:id>
                            <Item state id />
                        </For>
                    </ol>
                </section>
            </Show>
        </aside>
    }
}

#[component]
fn Item(state: AppState, id: AnnotationId) -> impl IntoView {
    let ann = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|w| w.annotations().get(&id).cloned()))
    };
    let is_selected = {
        let id = id.clone();
        move || state.selected.with(|s| s.as_ref() == Some(&id))
    };
    let tag = move || ann.with(|a| a.as_ref().map(|a| a.tag).unwrap_or(Tag::Claim));
    let id_attr = id.to_string();
    let (id_click, id_tag, id_note, id_del) = (id.clone(), id.clone(), id.clone(), id.clone());
    view! {
        <li
            class="item"
            class:selected=is_selected
            class:orphan=move || ann.with(|a| a.as_ref().is_some_and(|a| a.is_orphan()))
            data-annotation-id=id_attr
            data-tag=move || tag().as_str()
            on:click=move |ev| {
                // Clicks inside the editing controls are for those controls.
                let inside_control = ev.target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|el| el.closest("select, textarea, button").ok().flatten())
                    .is_some();
                if !inside_control {
                    state.reveal(&id_click);
                }
            }
        >
            <div class="item-head">
                <span class=move || format!("tag-chip tag-{}", tag().as_str())>{move || tag().label()}</span>
                <select
                    class="retag"
                    aria-label="Tag"
                    on:change=move |ev| {
                        if let Some(t) = Tag::parse(&event_target_value(&ev)) {
                            state.set_tag(&id_tag, t);
                        }
                    }
                >
                    {Tag::ALL.into_iter().map(|t| view! {
                        <option value=t.as_str() selected=move || tag() == t>{t.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="delete" aria-label="Delete annotation" on:click=move |_| state.delete(&id_del)>
                    "Delete"
                </button>
            </div>
            <blockquote class="quote">{move || ann.with(|a| a.as_ref().map(|a| shorten(&a.target.exact)))}</blockquote>
            <textarea
                class="note"
                aria-label="Note"
                placeholder="Add a note…"
                rows="2"
                prop:value=move || ann.with(|a| a.as_ref().map(|a| a.note.clone()).unwrap_or_default())
                on:input=move |ev| state.set_note(&id_note, &event_target_value(&ev))
                on:blur=move |_| state.end_note_edit()
            ></textarea>
        </li>
    }
}
