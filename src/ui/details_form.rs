//! The article's details (address, outlet, authors, date, language), editable for every
//! article, with each error shown under its own field.

use super::state::AppState;
use crate::workspace::{DetailsError, DetailsForm};
use leptos::prelude::*;

#[component]
pub fn ArticleDetails(state: AppState) -> impl IntoView {
    let form = RwSignal::new(DetailsForm::default());
    let error = RwSignal::new(None::<DetailsError>);
    // The form is filled from the open article each time it is opened, so it always shows
    // the article in view (another may have been opened since).
    let on_toggle = move |ev: web_sys::Event| {
        let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if open {
            form.set(state.ws.with_untracked(|w| w.details_form()));
            error.set(None);
        }
    };
    // The form also follows the article while it is open (a restore that lands after the
    // page shows, another article, an undo), unless it holds edits not yet saved.
    let details = Memo::new(move |_| state.ws.with(|w| w.details_form()));
    let shown = StoredValue::new(DetailsForm::default());
    Effect::new(move |_| {
        let current = details.get();
        if form.with_untracked(|f| *f == shown.get_value()) {
            form.set(current.clone());
        }
        shown.set_value(current);
    });
    let summary = move || {
        state.ws.with(|w| {
            let a = w.article();
            let parts: Vec<String> = [a.outlet.clone(), a.authors.first().cloned(), a.date.clone()].into_iter().flatten().collect();
            if parts.is_empty() {
                "none yet".to_string()
            } else {
                parts.join(" · ")
            }
        })
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_untracked();
        let mut result = Ok(());
        state.ws.update(|w| result = w.set_details(&f));
        match result {
            Ok(()) => {
                error.set(None);
                form.set(state.ws.with_untracked(|w| w.details_form()));
                state.announce("Article details saved");
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let field = move |name: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      get: fn(&DetailsForm) -> String,
                      set: fn(&mut DetailsForm, String)| {
        let err_id = format!("details-{name}-error");
        let err_for_attr = err_id.clone();
        let my_error = move || error.with(|e| e.as_ref().filter(|e| e.field() == name).map(ToString::to_string));
        view! {
            <label class="field">
                <span>{label}</span>
                <input
                    type="text"
                    name=name
                    placeholder=hint
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                    aria-invalid=move || my_error().is_some().then_some("true")
                    aria-describedby=move || my_error().is_some().then(|| err_for_attr.clone())
                />
            </label>
            {move || my_error().map(|m| view! { <p class="field-error" id=err_id.clone() role="alert">{m}</p> })}
        }
    };
    view! {
        <details class="article-details" on:toggle=on_toggle>
            <summary>"Article details: " <span class="details-summary">{summary}</span></summary>
            <form on:submit=on_submit>
                {field("url", "Address (URL)", "https://…", |f| f.url.clone(), |f, v| f.url = v)}
                {field("outlet", "Outlet", "e.g. The Guardian", |f| f.outlet.clone(), |f, v| f.outlet = v)}
                {field("authors", "Authors", "comma-separated", |f| f.authors.clone(), |f, v| f.authors = v)}
                {field("published", "Published", "2025-02-04 or 2025-02-04T20:58", |f| f.published.clone(), |f, v| f.published = v)}
                {field("language", "Language", "e.g. en, uk, ar", |f| f.language.clone(), |f, v| f.language = v)}
                <button type="submit">"Save details"</button>
            </form>
        </details>
    }
}
