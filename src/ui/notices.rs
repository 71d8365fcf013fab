//! Visible notices (errors, warnings, information) and the screen-reader live region.

use super::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// Something a notice offers to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Bring back the article just deleted from the library.
    UndoArticleDelete,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

impl Notice {
    pub fn new(kind: NoticeKind, text: String) -> Notice {
        Notice { id: (js_sys::Math::random() * 9.0e15) as u64, kind, text, action: None }
    }
}

/// The notices bar plus the save warning. Errors and warnings use role="alert".
#[component]
pub fn Notices(state: AppState) -> impl IntoView {
    let dismiss = move |id: u64| state.notices.update(|n| n.retain(|x| x.id != id));
    view! {
        <div class="notices">
            {move || state.busy.get().map(|label| view! {
                <div class="notice busy" role="status" data-notice="busy">
                    <progress aria-label=label.clone()></progress>
                    <p>{label}</p>
                </div>
            })}
            {move || state.save_error.get().map(|e| view! {
                <div class="notice warning" role="alert" data-notice="save">
                    <p>{e.to_string()}</p>
                    <button type="button" on:click=move |_| state.download_json()>"Download JSON now"</button>
                </div>
            })}
            <For each=move || state.notices.get() key=|n| n.id let:n>
                <div
                    class=match n.kind { NoticeKind::Info => "notice info", NoticeKind::Warning => "notice warning", NoticeKind::Error => "notice error" }
                    role=if n.kind == NoticeKind::Info { "status" } else { "alert" }
                >
                    <p>{n.text.clone()}</p>
                    {n.action.map(|a| match a {
                        NoticeAction::UndoArticleDelete => view! {
                            <button type="button" on:click=move |_| { dismiss(n.id); state.undo_delete_article(); }>"Undo"</button>
                        },
                    })}
                    <button type="button" aria-label="Dismiss" on:click=move |_| dismiss(n.id)>"×"</button>
                </div>
            </For>
        </div>
        <div class="visually-hidden" aria-live="polite" role="status" id="announcer">{move || state.announcement.get()}</div>
    }
}
