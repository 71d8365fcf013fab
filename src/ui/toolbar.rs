//! The tag toolbar that appears by a selection in the article.

use super::state::AppState;
use crate::annotation::Tag;
use leptos::prelude::*;

/// Three buttons, "Claim", "Figure" and "Quote", shown next to the current selection.
/// Pressing a button must not clear the selection, so mousedown's default is prevented.
#[component]
pub fn Toolbar(state: AppState, on_tag: Callback<Tag>) -> impl IntoView {
    move || {
        let at = state.toolbar.get()?;
        Some(view! {
            <div
                class="toolbar"
                role="toolbar"
                aria-label="Tag the selection"
                style=format!("left:{}px;top:{}px", at.left, at.top)
                on:mousedown=|ev| ev.prevent_default()
            >
                {Tag::ALL.into_iter().map(|tag| {
                    let key = &tag.label()[..1];
                    view! {
                        <button
                            type="button"
                            class=format!("tag-button tag-{}", tag.as_str())
                            aria-label=tag.label()
                            aria-keyshortcuts=key
                            data-key=key
                            title=format!("{} ({key})", tag.label())
                            on:click=move |_| on_tag.run(tag)
                        >
                            {tag.label()}
                        </button>
                    }
                }).collect_view()}
            </div>
        })
    }
}
