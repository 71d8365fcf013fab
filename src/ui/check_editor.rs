//! The fact-check fields of the selected annotation: verdict, rationale, evidence and
//! speaker for claims; speaker, verification and source for quotes; value, source and
//! status for figures; links between figures or quotes and the claims they bear on.

use super::browser::now;
use super::state::AppState;
use crate::annotation::{Annotation, AnnotationId, Relation, SpeakerKind, Tag, SHORT_CLAIM_CHARS};
use leptos::prelude::*;

const NOT_CHECKED: &str = "";

/// A text input bound to one field: shows `value`, sends every edit to `on_edit`.
fn text_field(
    label: &'static str,
    value: impl Fn() -> String + Send + Sync + 'static,
    on_edit: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" prop:value=value on:input=move |ev| on_edit(event_target_value(&ev)) />
        </label>
    }
}

/// An address field whose refusal shows under it, with what to do, until the next change
/// (or another annotation is opened: `opened` names the one shown).
fn address_field(
    label: &'static str,
    placeholder: &'static str,
    opened: Memo<Option<AnnotationId>>,
    value: impl Fn() -> String + Send + Sync + 'static,
    save: impl Fn(String) -> Result<(), String> + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        opened.track();
        error.set(None);
    });
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="url" placeholder=placeholder prop:value=value aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:change=move |ev| error.set(save(event_target_value(&ev)).err()) />
            {move || error.get().map(|e| view! { <small class="field-error" role="alert">{e}</small> })}
        </label>
    }
}

#[component]
pub fn CheckFields(state: AppState, ann: Memo<Option<Annotation>>) -> impl IntoView {
    let id = move || ann.with_untracked(|a| a.as_ref().map(|a| a.id.clone()));
    let with_id = move |f: &dyn Fn(&AnnotationId)| {
        if let Some(id) = id() {
            f(&id);
        }
    };
    let tag = move || ann.with(|a| a.as_ref().map(|a| a.tag).unwrap_or(Tag::Claim));
    let check = move |f: &dyn Fn(&Annotation) -> String| ann.with(|a| a.as_ref().map(f).unwrap_or_default());
    let scale = Memo::new(move |_| state.ws.with(|w| w.scale().labels.clone()));
    let opened = Memo::new(move |_| ann.with(|a| a.as_ref().map(|a| a.id.clone())));
    // The refusal of an edit of the open annotation, for the field's own message.
    let save_here = move |f: &dyn Fn(
        &AnnotationId,
        &mut crate::workspace::Workspace,
    ) -> Result<crate::workspace::Change, crate::annotation::UrlError>| {
        match id() {
            Some(id) => state.try_apply(|w| f(&id, w)),
            None => Ok(()),
        }
    };

    let verdict = move || {
        let label = if tag() == Tag::Figure { "Status" } else { "Verdict" };
        view! {
            <label class="field">
                <span>{label}</span>
                <select
                    aria-label=label
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        with_id(&|id| { state.apply(|w| w.set_verdict(id, (v != NOT_CHECKED).then_some(v.as_str()), now())); });
                    }
                >
                    <option value=NOT_CHECKED selected=move || check(&|a| a.check.verdict.clone().unwrap_or_default()).is_empty()>"Not checked"</option>
                    {move || scale.get().into_iter().map(|l| {
                        let l2 = l.clone();
                        view! { <option value=l.clone() selected=move || check(&|a| a.check.verdict.clone().unwrap_or_default()) == l2>{l.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
        .into_any()
    };

    let speaker = move || {
        let suggested = move || ann.with(|a| a.as_ref().is_some_and(|a| a.check.speaker_suggested));
        view! {
            <div class="field-row">
                {text_field("Speaker", move || check(&|a| a.check.speaker.clone()), move |v| with_id(&|id| { state.apply(|w| w.set_speaker(id, &v, now())); }))}
                {move || suggested().then(|| view! {
                    <span class="suggested" data-suggested="speaker">"suggested"</span>
                    <button type="button" on:click=move |_| with_id(&|id| { state.apply(|w| w.accept_speaker(id, now())); })>"Accept"</button>
                })}
                <button type="button" class="suggest" on:click=move |_| with_suggestions(state, id(), |state, id, found| match found.speaker {
                    Some(s) => { state.apply(|w| w.set_speaker(&id, &s, now())); }
                    None => state.announce("No attribution found near this text"),
                })>"Suggest"</button>
            </div>
        }
        .into_any()
    };

    // What ClaimReview publishes of a claim: its wording, who made it and the fact-check page.
    let claim = move || {
        let wording = move || check(&|a| a.check.claim_reviewed.clone());
        let long = move || wording().trim().chars().count() > SHORT_CLAIM_CHARS;
        let span = move || check(&|a| a.target.exact.clone());
        let kind = move || check(&|a| a.check.speaker_kind.map(|k| k.schema_type().to_string()).unwrap_or_default());
        view! {
            <label class="field">
                <span>"Claim as checked"</span>
                <textarea rows="2" aria-describedby="claim-wording-hint" placeholder=span prop:value=wording on:input=move |ev| {
                    let v = event_target_value(&ev);
                    with_id(&|id| { state.apply(|w| w.set_claim_reviewed(id, &v, now())); });
                } on:blur=move |_| state.end_note_edit()></textarea>
                <small id="claim-wording-hint" class=move || if long() { "hint warning" } else { "hint" }>
                    {move || {
                        let n = wording().trim().chars().count();
                        if n > SHORT_CLAIM_CHARS {
                            format!("{n} characters: Google suggests under {SHORT_CLAIM_CHARS}.")
                        } else {
                            "A short wording of what was checked; empty: the highlighted text.".to_string()
                        }
                    }}
                </small>
            </label>
            <div class="field-row">
                <label class="field">
                    <span>"Person or organisation"</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let k = match v.as_str() { "Person" => Some(SpeakerKind::Person), "Organization" => Some(SpeakerKind::Organization), _ => None };
                        with_id(&|id| { state.apply(|w| w.set_speaker_kind(id, k, now())); });
                    }>
                        <option value="" selected=move || kind().is_empty()>"Not said"</option>
                        <option value="Person" selected=move || kind() == "Person">"A person"</option>
                        <option value="Organization" selected=move || kind() == "Organization">"An organisation"</option>
                    </select>
                </label>
                {address_field("Identity page (sameAs)", "https://www.wikidata.org/wiki/…", opened,
                    move || check(&|a| a.check.speaker_same_as.clone().unwrap_or_default()),
                    move |v| save_here(&|id, w| w.set_speaker_same_as(id, &v, now())))}
            </div>
            {address_field("Fact-check page", "From the profile's pattern", opened,
                move || check(&|a| a.check.review_url.clone().unwrap_or_default()),
                move |v| save_here(&|id, w| w.set_review_url(id, &v, now())))}
        }
        .into_any()
    };

    // Misleading techniques can be flagged on any span.
    let techniques = move || {
        let flagged = move || ann.with(|a| a.as_ref().map(|a| a.check.techniques.clone()).unwrap_or_default());
        let all = move || state.ws.with(|w| w.profile().technique_list());
        let set = move |list: Vec<String>| {
            with_id(&|id| {
                state.apply(|w| w.set_techniques(id, &list, now()));
            })
        };
        view! {
            <details class="techniques">
                <summary>{move || match flagged().len() { 0 => "Misleading techniques".to_string(), n => format!("Misleading techniques ({n})") }}</summary>
                {super::review_form::technique_checks(all, flagged, set)}
            </details>
        }
        .into_any()
    };

    let new_url = RwSignal::new(String::new());
    let new_title = RwSignal::new(String::new());
    let evidence_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        opened.track();
        evidence_error.set(None);
    });
    let evidence = move || {
        let items = ann.with(|a| a.as_ref().map(|a| a.check.evidence.clone()).unwrap_or_default());
        view! {
            <fieldset class="evidence">
                <legend>"Evidence"</legend>
                <ul>
                    {items.into_iter().enumerate().map(|(i, e)| view! {
                        <li>
                            <a href=e.url.clone() target="_blank" rel="noopener noreferrer">{e.label().to_string()}</a>
                            <button type="button" class="delete" aria-label=format!("Remove evidence {}", i + 1) on:click=move |_| with_id(&|id| { state.apply(|w| w.remove_evidence(id, i, now())); })>"×"</button>
                        </li>
                    }).collect_view()}
                </ul>
                // A form, so that Enter in either field adds the evidence.
                <form class="field-row" on:submit=move |ev: web_sys::SubmitEvent| {
                    ev.prevent_default();
                    with_id(&|id| {
                        let (url, title) = (new_url.get_untracked(), new_title.get_untracked());
                        let result = state.try_apply(|w| w.add_evidence(id, &url, &title, now()));
                        if result.is_ok() {
                            new_url.set(String::new());
                            new_title.set(String::new());
                        }
                        evidence_error.set(result.err());
                    })
                }>
                    <input type="text" inputmode="url" aria-label="Evidence address" placeholder="https://…" prop:value=move || new_url.get() on:input=move |ev| new_url.set(event_target_value(&ev)) />
                    <input type="text" aria-label="Evidence title" placeholder="Title (optional)" prop:value=move || new_title.get() on:input=move |ev| new_title.set(event_target_value(&ev)) />
                    <button type="submit">"Add evidence"</button>
                </form>
                {move || evidence_error.get().map(|e| view! { <small class="field-error" role="alert">{e}</small> })}
            </fieldset>
        }
        .into_any()
    };

    // Every claim of the article can be linked: the list offers the nearest first, and the
    // search box finds any other by its words (a statistic to the headline claim).
    let claim_query = RwSignal::new(String::new());
    let claims = Memo::new(move |_| {
        let query = claim_query.get();
        ann.with(|a| {
            let from = a.as_ref()?;
            Some(state.ws.with(|w| {
                crate::annotation::link_candidates(w.annotations().iter(), from, &query, 50)
                    .into_iter()
                    .map(|c| (c.id.clone(), short(&c.target.exact)))
                    .collect::<Vec<_>>()
            }))
        })
    });
    let link_to = RwSignal::new(String::new());
    let link_rel = RwSignal::new(Relation::Supports);
    let links = move || {
        let own = ann.with(|a| a.as_ref().map(|a| a.check.links.clone()).unwrap_or_default());
        let name_of = move |to: &AnnotationId| {
            state
                .ws
                .with_untracked(|w| w.annotations().get(to).map(|a| short(&a.target.exact)))
                .unwrap_or_else(|| "an annotation that no longer exists".into())
        };
        view! {
            <fieldset class="links">
                <legend>"Linked claims"</legend>
                <ul>
                    {own.into_iter().map(|l| {
                        let (to, follow) = (l.to.clone(), l.to.clone());
                        view! {
                            <li>
                                // Followed by a click: the linked claim is selected and shown.
                                <button type="button" class="link-to" on:click=move |_| state.reveal(&follow)>
                                    {format!("{} “{}”", l.relation, name_of(&l.to))}
                                </button>
                                <button type="button" class="delete" aria-label="Remove link" on:click=move |_| with_id(&|id| { state.apply(|w| w.remove_link(id, &to, now())); })>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="field-row">
                    <select aria-label="Relation" on:change=move |ev| link_rel.set(Relation::parse(&event_target_value(&ev)).unwrap_or(Relation::Supports))>
                        {Relation::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{r.to_string()}</option> }).collect_view()}
                    </select>
                    <input type="search" aria-label="Find a claim to link" placeholder="Find a claim…" prop:value=move || claim_query.get() on:input=move |ev| { claim_query.set(event_target_value(&ev)); link_to.set(String::new()); } />
                    <select aria-label="Claim to link" on:change=move |ev| link_to.set(event_target_value(&ev))>
                        <option value="">{move || match claims.with(|c| c.as_ref().map_or(0, Vec::len)) { 0 => "No claim found".to_string(), n => format!("Choose a claim ({n}, nearest first)…") }}</option>
                        {move || claims.get().unwrap_or_default().into_iter().map(|(cid, text)| view! { <option value=cid.to_string()>{text}</option> }).collect_view()}
                    </select>
                    <button type="button" on:click=move |_| with_id(&|id| {
                        if let Ok(to) = AnnotationId::parse(&link_to.get_untracked()) {
                            state.apply(|w| w.add_link(id, &to, link_rel.get_untracked(), now()));
                        } else {
                            state.announce("Choose a claim to link first");
                        }
                    })>"Link"</button>
                </div>
            </fieldset>
        }
        .into_any()
    };

    let backlinks = move || {
        let Some(claim) = id() else { return Vec::new() };
        ann.track();
        state.ws.with(|w| {
            w.annotations()
                .backlinks(&claim)
                .into_iter()
                .map(|(a, r)| {
                    (a.id.clone(), format!("{} {} “{}”", r.passive_label(), a.tag.label().to_lowercase(), short(&a.target.exact)))
                })
                .collect::<Vec<_>>()
        })
    };

    let figure_text = RwSignal::new(String::new());
    let figure = move || {
        let shown =
            ann.with(|a| a.as_ref().and_then(|a| a.check.figure.clone()).map(|f| f.to_string()).unwrap_or_else(|| "not set".into()));
        view! {
            <p class="figure-value">"Value: " <strong data-figure-value>{shown}</strong></p>
            <div class="field-row">
                <input type="text" aria-label="Figure value" placeholder="e.g. $14.8 trillion, 70%" prop:value=move || figure_text.get() on:input=move |ev| figure_text.set(event_target_value(&ev)) />
                <button type="button" on:click=move |_| {
                    let Some(id) = id() else { return };
                    let typed = figure_text.get_untracked();
                    leptos::task::spawn_local(async move {
                        match super::formats::read_value(state, typed).await {
                            Some(v) => { state.apply(|w| w.set_figure_value(&id, Some(v.clone()), now())); figure_text.set(String::new()); }
                            None => state.notify(super::notices::NoticeKind::Info, "That is not a number Factmark can read, e.g. “$14.8 trillion”, “70%”, “three regions”."),
                        }
                    });
                }>"Set value"</button>
                <button type="button" class="suggest" on:click=move |_| with_suggestions(state, id(), |state, id, found| {
                    state.apply(|w| w.set_figure_value(&id, found.figure.clone(), now()));
                })>"Read from text"</button>
            </div>
            <div class="field-row">
                {text_field("Source", move || check(&|a| a.check.figure_source.as_ref().map(|s| s.name.clone()).unwrap_or_default()), move |v| with_id(&|id| {
                    let year = state.ws.with_untracked(|w| w.annotations().get(id).and_then(|a| a.check.figure_source.as_ref().and_then(|s| s.year)));
                    state.apply(|w| w.set_figure_source(id, &v, year, now()));
                }))}
                {text_field("Year", move || check(&|a| a.check.figure_source.as_ref().and_then(|s| s.year).map(|y| y.to_string()).unwrap_or_default()), move |v| with_id(&|id| {
                    let name = state.ws.with_untracked(|w| w.annotations().get(id).and_then(|a| a.check.figure_source.as_ref().map(|s| s.name.clone()))).unwrap_or_default();
                    state.apply(|w| w.set_figure_source(id, &name, v.trim().parse().ok(), now()));
                }))}
                <button type="button" class="suggest" on:click=move |_| with_suggestions(state, id(), |state, id, found| match found.source {
                    Some((name, year)) => { state.apply(|w| w.set_figure_source(&id, &name, year, now())); }
                    None => state.announce("No source found near this figure"),
                })>"Suggest"</button>
            </div>
        }
        .into_any()
    };

    let quote = move || {
        view! {
            <label class="field checkbox">
                <input type="checkbox" prop:checked=move || ann.with(|a| a.as_ref().is_some_and(|a| a.check.verified)) on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    with_id(&|id| { state.apply(|w| w.set_quote_verified(id, on, now())); });
                } />
                <span>"Verified against the source"</span>
            </label>
            {address_field("Source link", "https://…", opened,
                move || check(&|a| a.check.source_url.clone().unwrap_or_default()),
                move |v| save_here(&|id, w| w.set_quote_source(id, &v, now())))}
        }
        .into_any()
    };

    move || {
        let t = tag();
        view! {
            <div class="check-fields" data-check-for=t.as_str()>
                {verdict_block(t, verdict)}
                {(t == Tag::Claim).then(|| view! {
                    <label class="field">
                        <span>"Rationale"</span>
                        <textarea rows="3" prop:value=move || check(&|a| a.check.rationale.clone()) on:input=move |ev| {
                            let v = event_target_value(&ev);
                            with_id(&|id| { state.apply(|w| w.set_rationale(id, &v, now())); });
                        } on:blur=move |_| state.end_note_edit()></textarea>
                    </label>
                })}
                {(t != Tag::Figure).then(speaker)}
                {(t == Tag::Claim).then(claim)}
                {(t == Tag::Claim).then(evidence)}
                <p class="hint">"Verdict, wording, rationale, evidence and speaker are published in ClaimReview and reports; the note is yours."</p>
                {(t == Tag::Quote).then(quote)}
                {(t == Tag::Figure).then(figure)}
                {(t != Tag::Claim).then(links)}
                {techniques()}
                {(t == Tag::Claim).then(|| view! {
                    <ul class="backlinks" aria-label="Linked figures and quotes">
                        {move || backlinks().into_iter().map(|(from, label)| view! {
                            <li><button type="button" class="link-to" on:click=move |_| state.reveal(&from)>{label}</button></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        }
        .into_any()
    }
}

/// Asks the formats worker what the text suggests for `id`, then hands it to `then`.
fn with_suggestions(
    state: AppState,
    id: Option<AnnotationId>,
    then: impl FnOnce(AppState, AnnotationId, crate::suggest::Suggestions) + 'static,
) {
    let Some(id) = id else { return };
    leptos::task::spawn_local(async move {
        match super::formats::suggest(state, &id).await {
            Some(found) => then(state, id, found),
            None => state.announce("No suggestion for this text"),
        }
    });
}

/// Claims and figures carry a verdict (a figure's is its verification status); quotes don't.
fn verdict_block<V: IntoView>(tag: Tag, verdict: impl Fn() -> V) -> Option<V> {
    (tag != Tag::Quote).then(verdict)
}

fn short(s: &str) -> String {
    crate::text::shorten(s, 60)
}
