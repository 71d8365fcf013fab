//! The "Suggest" action (key S): the article's suggested claims, figures and quotes, drawn in
//! the text and listed in the panel, best first, until each is accepted or dismissed.
//!
//! Candidates come from the core's `suggest::scan`, run in the formats worker. They are never
//! saved: accepting one tags its span as the checker would (so the value or speaker fill in,
//! and Undo takes it back), and the list then drops it by itself (`open_candidates`).

use super::notices::NoticeKind;
use super::state::AppState;
use crate::annotation::Tag;
use crate::suggest::Candidate;
use leptos::prelude::*;

/// Blocks up to this many draw their suggestions all at once; a longer article draws them
/// near the viewport, as its highlights.
const DRAW_ALL_BLOCKS: usize = 2_000;
/// Items listed in the panel (best first); the rest are counted.
const LISTED: usize = 300;

/// Scans the open article, with the busy bar meanwhile.
pub fn suggest_all(state: AppState) {
    leptos::task::spawn_local(async move {
        state.busy.set(Some("Reading the article for claims, figures and quotes…".into()));
        let (text, sha, dates) =
            state.ws.with_untracked(|w| (w.text().chars().iter().collect::<String>(), w.sha256().to_string(), w.date_order()));
        let found = super::formats::scan(text, dates).await;
        state.busy.set(None);
        if state.ws.with_untracked(|w| w.sha256() != sha) {
            return; // another article was opened meanwhile
        }
        match found {
            Ok(list) => {
                state.announce(format!("{} suggestions", list.len()));
                if state.ws.with_untracked(|w| w.text().blocks().len()) <= DRAW_ALL_BLOCKS {
                    state.all_near();
                }
                state.suggestions.set(Some(list));
            }
            Err(problem) => state.notify(NoticeKind::Error, format!("Could not read the article for suggestions: {problem}.")),
        }
    });
}

/// Keeps the candidates drawn in the article equal to the open ones: redraws only the blocks
/// whose candidates changed. An outside-world sync (the article's markup), so an Effect.
fn sync_drawn(state: AppState, open: Memo<Vec<Candidate>>) {
    Effect::new(move |_| {
        let now = open.get();
        let before = state.drawn.get_value();
        let changed: Vec<&Candidate> =
            now.iter().filter(|c| !before.contains(c)).chain(before.iter().filter(|c| !now.contains(c))).collect();
        let blocks: Vec<usize> = state.ws.with_untracked(|w| changed.iter().flat_map(|c| w.text().blocks_overlapping(c.range)).collect());
        state.drawn.set_value(now);
        state.refresh_blocks(&blocks);
    });
}

fn accept(state: AppState, c: &Candidate) {
    state.tag_range(c.range, c.tag);
}

fn dismiss(state: AppState, c: &Candidate) {
    state.dismissed.update(|d| d.push(c.key()));
    state.announce("Suggestion dismissed");
}

fn plural(tag: Tag) -> &'static str {
    match tag {
        Tag::Claim => "claims",
        Tag::Figure => "figures",
        Tag::Quote => "quotes",
    }
}

/// What a candidate adds to its text: a figure's value, a quote's speaker.
fn detail(c: &Candidate) -> String {
    let score = format!("score {:.0}%", c.score * 100.0);
    match (&c.figure, &c.speaker) {
        (Some(f), _) => format!("{score} · value {f}"),
        (None, Some(s)) => format!("{score} · speaker {s}"),
        _ => score,
    }
}

/// The panel's list of open suggestions, with Accept all of a kind, Dismiss all and Close.
#[component]
pub fn SuggestionList(state: AppState) -> impl IntoView {
    // Derived display data: the scan's candidates less the dismissed and the accepted ones.
    let open = Memo::new(move |_| {
        state.suggestions.with(|s| match s {
            None => Vec::new(),
            Some(all) => state.dismissed.with(|d| state.ws.with(|w| w.open_candidates(all, d))),
        })
    });
    sync_drawn(state, open);
    let shown = move || state.suggestions.with(Option::is_some);
    let count = move |tag: Tag| open.with(|o| o.iter().filter(|c| c.tag == tag).count());
    let accept_all = move |tag: Tag| {
        let all: Vec<Candidate> = open.get_untracked().into_iter().filter(|c| c.tag == tag).collect();
        for c in &all {
            accept(state, c);
        }
        state.announce(format!("{} {} accepted", all.len(), plural(tag)));
    };
    let text_of = move |c: &Candidate| {
        state.ws.with_untracked(|w| crate::text::shorten(&w.text().chars()[c.range.start()..c.range.end()].iter().collect::<String>(), 140))
    };
    let item = move |c: Candidate| {
        let (a, d) = (c.clone(), c.clone());
        view! {
            <li class="suggestion-item" data-suggestion-id=c.key() data-kind=c.tag.as_str() data-score=format!("{:.2}", c.score)>
                <span class="kind" data-tag=c.tag.as_str()>{c.tag.label()}</span>
                <q>{text_of(&c)}</q>
                <small>{detail(&c)}</small>
                <span class="actions">
                    <button type="button" on:click=move |_| accept(state, &a)>"Accept"</button>
                    <button type="button" on:click=move |_| dismiss(state, &d)>"Dismiss"</button>
                </span>
            </li>
        }
    };
    move || {
        shown().then(|| {
            let total = open.with(Vec::len);
            let listed: Vec<Candidate> = open.with(|o| o.iter().take(LISTED).cloned().collect());
            view! {
                <section class="suggestions" aria-label="Suggestions">
                    <h2>"Suggestions " <span class="count">{total}</span></h2>
                    <p class="hint">"Dashed underlines in the text. Accepting one tags it; nothing is saved until then."</p>
                    <div class="suggestion-actions">
                        {Tag::ALL.into_iter().map(|tag| view! {
                            <button type="button" disabled=move || count(tag) == 0 on:click=move |_| accept_all(tag)>
                                {format!("Accept all {} ({})", plural(tag), count(tag))}
                            </button>
                        }).collect_view()}
                        <button type="button" on:click=move |_| state.dismissed.update(|d| d.extend(open.get_untracked().iter().map(Candidate::key)))>"Dismiss all"</button>
                        <button type="button" on:click=move |_| state.suggestions.set(None)>"Close"</button>
                    </div>
                    <ol class="suggestion-list">{listed.into_iter().map(item).collect_view()}</ol>
                    {(total > LISTED).then(|| view! { <p class="hint">{format!("The best {LISTED} of {total} are listed.")}</p> })}
                </section>
            }
        })
    }
}
