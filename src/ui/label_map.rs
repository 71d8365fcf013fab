//! The import step for another tool's labels: each label the file uses that is not claim,
//! figure or quote gets a choice (a tag, or leave those spans out) before anything is added.

use super::state::AppState;
use crate::annotation::Tag;
use crate::format::labels::{LabelChoice, LabelMap};
use leptos::prelude::*;

#[component]
pub fn LabelMapDialog(state: AppState) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // One choice per label, as the select's value: a tag name or "skip".
    let choices = RwSignal::new(Vec::<(String, String)>::new());
    Effect::new(move |_| {
        let pending = state
            .labels
            .with(|p| p.as_ref().map(|p| p.question.labels().iter().map(|l| (l.label.clone(), "claim".to_string())).collect::<Vec<_>>()));
        let Some(d) = dialog.get() else { return };
        match pending {
            Some(list) => {
                choices.set(list);
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
            None if d.open() => d.close(),
            None => {}
        }
    });
    let heading = move || state.labels.with(|p| p.as_ref().map(|p| format!("Labels in “{}”", p.name)).unwrap_or_default());
    let source = move || state.labels.with(|p| p.as_ref().map(|p| p.question.source().to_string()).unwrap_or_default());
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let map: LabelMap = choices.with_untracked(|c| {
            c.iter().map(|(label, v)| (label.as_str(), Tag::parse(v).map_or(LabelChoice::Skip, LabelChoice::Tag))).collect()
        });
        state.answer_labels(Some(map));
    };
    view! {
        <dialog class="label-map" node_ref=dialog aria-labelledby="label-map-title" on:cancel=move |_: web_sys::Event| state.answer_labels(None)>
            <form on:submit=submit>
                <h2 id="label-map-title">{heading}</h2>
                <p>
                    "This " {source} " file tags its spans with its own labels. Choose what each becomes in Factmark; "
                    "the original label is kept on every annotation. Nothing is added until you press Import."
                </p>
                <table>
                    <thead><tr><th scope="col">"Label"</th><th scope="col">"Spans"</th><th scope="col">"Becomes"</th></tr></thead>
                    <tbody>
                        {move || {
                            let counts = state.labels.with(|p| p.as_ref().map(|p| p.question.labels().iter().map(|l| (l.label.clone(), l.count)).collect::<Vec<_>>()).unwrap_or_default());
                            counts.into_iter().enumerate().map(|(i, (label, count))| {
                                let id = format!("label-choice-{i}");
                                view! {
                                    <tr>
                                        <th scope="row"><label for=id.clone()>{label}</label></th>
                                        <td>{count}</td>
                                        <td>
                                            <select id=id data-label-index=i.to_string() on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                choices.update(|c| if let Some(e) = c.get_mut(i) { e.1 = v });
                                            }>
                                                {Tag::ALL.into_iter().map(|t| view! { <option value=t.as_str()>{t.label()}</option> }).collect_view()}
                                                <option value="skip">"Leave out"</option>
                                            </select>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
                <div class="dialog-actions">
                    <button type="submit">"Import"</button>
                    <button type="button" on:click=move |_| state.answer_labels(None)>"Cancel"</button>
                </div>
            </form>
        </dialog>
    }
}
