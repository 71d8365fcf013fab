//! The printable report: claims with verdicts, rationales and evidence, quotes with speakers,
//! figures with values and sources. Built from the workspace as text nodes (never HTML), shown
//! over the page, printed with the print stylesheet.

use super::state::AppState;
use crate::annotation::{Annotation, Tag};
use leptos::prelude::*;

fn items(state: AppState, tag: Tag) -> Vec<Annotation> {
    state.ws.with_untracked(|w| w.annotations().iter().filter(|a| a.tag == tag).cloned().collect())
}

#[component]
pub fn ReportView(state: AppState) -> impl IntoView {
    move || {
        if !state.report_open.get() {
            return None;
        }
        let (title, date, source, profile, progress) = state.ws.with(|w| {
            let a = w.article();
            (a.display_title(), a.published.clone().or(a.date.clone()), a.url.clone(), w.profile().byline(), w.progress())
        });
        let claims = items(state, Tag::Claim);
        let quotes = items(state, Tag::Quote);
        let figures = items(state, Tag::Figure);
        let close = move |_| state.report_open.set(false);
        Some(view! {
            <div class="report-view" role="dialog" aria-modal="true" aria-label="Fact-check report">
                <div class="report-actions">
                    <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                    <button type="button" on:click=close>"Close report"</button>
                </div>
                <h1>"Fact-check: " {title}</h1>
                <p class="hint">{date.map(|d| format!("Published {}", d.replacen('T', " ", 1))).unwrap_or_default()} {source.map(|s| format!(" · {s}"))}</p>
                {(!profile.is_empty()).then(|| view! { <p>"Checked by " {profile.clone()}</p> })}
                <p><strong>{format!("Claims checked: {} of {}", progress.checked, progress.claims)}</strong></p>
                <h2>"Claims"</h2>
                <ol>
                    {claims.into_iter().map(|a| view! {
                        <li>
                            <p class="report-quote">"“" {a.target.exact.clone()} "”"</p>
                            <p><strong>{a.check.verdict.clone().unwrap_or_else(|| "Not checked".into())}</strong>
                               {(!a.check.speaker.is_empty()).then(|| format!(" · said by {}", a.check.speaker))}</p>
                            {(!a.check.rationale.is_empty()).then(|| view! { <p class="pre">{a.check.rationale.clone()}</p> })}
                            {(!a.check.evidence.is_empty()).then(|| view! {
                                <ul>{a.check.evidence.iter().map(|e| view! { <li>{e.label().to_string()} " — " {e.url.clone()}</li> }).collect_view()}</ul>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
                <h2>"Quotes"</h2>
                <ol>
                    {quotes.into_iter().map(|a| view! {
                        <li>
                            <p class="report-quote">"“" {a.target.exact.clone()} "”"</p>
                            <p>{if a.check.speaker.is_empty() { "Speaker unknown".to_string() } else { format!("Speaker: {}", a.check.speaker) }}
                               {if a.check.verified { " · verified" } else { " · not verified" }}
                               {a.check.source_url.clone().map(|u| format!(" · source: {u}"))}</p>
                        </li>
                    }).collect_view()}
                </ol>
                <h2>"Figures"</h2>
                <ol>
                    {figures.into_iter().map(|a| view! {
                        <li>
                            <p class="report-quote">{a.target.exact.clone()}</p>
                            <p>{a.check.figure.as_ref().map(|f| format!("Value: {f}")).unwrap_or_else(|| "Value not set".into())}
                               {a.check.figure_source.as_ref().map(|s| format!(" · source: {}{}", s.name, s.year.map(|y| format!(", {y}")).unwrap_or_default()))}
                               {format!(" · {}", a.check.verdict.clone().unwrap_or_else(|| "not checked".into()))}</p>
                        </li>
                    }).collect_view()}
                </ol>
            </div>
        })
    }
}
