//! The review of the article as a whole, at the top of the panel: a credibility rating, a key
//! takeaway, a summary and the misleading techniques found. Edited in place and saved with
//! the article; the summary line shows the rating and takeaway while it is closed.

use super::state::AppState;
use crate::annotation::ArticleReview;
use leptos::prelude::*;

#[component]
pub fn ArticleReviewForm(state: AppState) -> impl IntoView {
    let review = Memo::new(move |_| state.ws.with(|w| w.review().clone()));
    let options = Memo::new(move |_| state.ws.with(|w| (w.profile().credibility_scale(), w.profile().technique_list())));
    let summary = move || {
        review.with(|r| match (&r.rating, r.takeaway.is_empty()) {
            (None, true) => "not written yet".to_string(),
            (Some(rating), true) => rating.clone(),
            (rating, false) => {
                format!("{}{}", rating.as_ref().map(|r| format!("{r} · ")).unwrap_or_default(), crate::text::shorten(&r.takeaway, 60))
            }
        })
    };
    // One call per edit: the record with the edited part replaced.
    let edit = move |f: &dyn Fn(&mut ArticleReview)| {
        let mut r = review.get_untracked();
        f(&mut r);
        let r = ArticleReview::new(r.rating.as_deref(), &r.takeaway, &r.summary, &r.techniques);
        state.ws.update(|w| w.set_review(r));
    };
    view! {
        <details class="article-review">
            <summary>"Article review: " <span class="details-summary">{summary}</span></summary>
            <div class="review-fields">
                <label class="field">
                    <span>"Credibility"</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); edit(&|r| r.rating = (!v.is_empty()).then(|| v.clone())); }>
                        <option value="" selected=move || review.with(|r| r.rating.is_none())>"Not rated"</option>
                        {move || options.get().0.into_iter().map(|label| {
                            let (l, value) = (label.clone(), label.clone());
                            view! { <option value=value selected=move || review.with(|r| r.rating.as_deref() == Some(l.as_str()))>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>"Key takeaway"</span>
                    <input type="text" prop:value=move || review.with(|r| r.takeaway.clone()) on:change=move |ev| { let v = event_target_value(&ev); edit(&|r| r.takeaway = v.clone()); } />
                </label>
                <label class="field">
                    <span>"Summary"</span>
                    <textarea rows="3" prop:value=move || review.with(|r| r.summary.clone()) on:change=move |ev| { let v = event_target_value(&ev); edit(&|r| r.summary = v.clone()); }></textarea>
                </label>
                <fieldset class="techniques">
                    <legend>"Misleading techniques found"</legend>
                    {technique_checks(
                        move || options.get().1,
                        move || review.with(|r| r.techniques.clone()),
                        move |list: Vec<String>| edit(&|r| r.techniques = list.clone()),
                    )}
                </fieldset>
                <p class="hint">"Published with the ClaimReview export (as a Review of the article) and in the reports."</p>
            </div>
        </details>
    }
}

/// A checkbox per technique of `all`, ticked for those in `ticked`; a change calls `set` with
/// the new list. Shared by the article review and the annotation editor; one handler for all
/// boxes (each box's value names its technique), so a long list costs no code per item.
pub fn technique_checks(
    all: impl Fn() -> Vec<String> + Send + Sync + 'static,
    ticked: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    set: impl Fn(Vec<String>) + 'static,
) -> impl IntoView {
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) else { return };
        let (name, on) = (input.value(), input.checked());
        let mut list: Vec<String> = untrack(ticked).into_iter().filter(|t| *t != name).collect();
        if on {
            list.push(name);
        }
        set(list);
    };
    view! {
        <div class="technique-list" on:change=on_change>
            {move || {
                let on: Vec<String> = ticked();
                all().into_iter().map(|t| {
                    let checked = on.contains(&t);
                    view! { <label class="field checkbox"><input type="checkbox" value=t.clone() prop:checked=checked /><span>{t}</span></label> }
                }).collect_view()
            }}
        </div>
    }
}
