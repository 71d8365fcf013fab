//! The printable report: the core's report (`format/report`, the same model as the Markdown
//! report) written as HTML by the formats worker, shown over the page and printed with the
//! print stylesheet. Every piece of user text in it is escaped by the core.

use super::browser::now;
use super::state::AppState;
use crate::format::factmark;
use crate::worker::Export;
use leptos::prelude::*;

#[component]
pub fn ReportView(state: AppState) -> impl IntoView {
    let body = RwSignal::new(None::<Result<String, String>>);
    // Written afresh each time it is opened, from the workspace as it is then.
    Effect::new(move |_| {
        if !state.report_open.get() {
            return body.set(None);
        }
        let file = state.ws.with_untracked(factmark::serialize_compact);
        let notes = state.include_notes.get_untracked();
        leptos::task::spawn_local(async move {
            body.set(Some(super::formats::export(Export::Html { notes }, file, now().0).await));
        });
    });
    move || {
        if !state.report_open.get() {
            return None;
        }
        let close = move |_| state.report_open.set(false);
        Some(view! {
            <div class="report-view" role="dialog" aria-modal="true" aria-label="Fact-check report" aria-busy=move || body.with(Option::is_none).to_string()>
                <div class="report-actions">
                    <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                    <button type="button" on:click=close>"Close report"</button>
                </div>
                {move || match body.get() {
                    None => view! { <p class="hint">"Writing the report…"</p> }.into_any(),
                    Some(Ok(html)) => view! { <div class="report-body" inner_html=html></div> }.into_any(),
                    Some(Err(e)) => view! { <p role="alert">{format!("The report could not be written: {e}")}</p> }.into_any(),
                }}
            </div>
        })
    }
}
