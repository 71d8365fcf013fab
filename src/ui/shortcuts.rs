//! The "?" overlay: every keyboard shortcut in one list, opened with ? and closed with Esc.

use leptos::prelude::*;

/// (keys, what they do), in the order a checker meets them.
const SHORTCUTS: [(&str, &str); 12] = [
    ("Arrow keys", "move a caret in the article (after clicking or tabbing into it)"),
    ("Ctrl + arrows", "move the caret by word"),
    ("Shift + the above", "select"),
    ("C, F, Q", "tag the selection as a claim, figure or quote"),
    ("S", "suggest the article's claims, figures and quotes"),
    ("] and [", "go to the next and previous highlight"),
    ("Enter", "open the highlight that has focus"),
    ("Delete", "delete the highlight that has focus"),
    ("Esc", "close a menu or dialog; from the editor, back to its highlight"),
    ("Ctrl + Z", "undo (in the editor's fields too: the whole edit)"),
    ("Ctrl + Shift + Z, Ctrl + Y", "redo"),
    ("?", "show this list"),
];

/// The overlay; `asked` counts the presses of the ? key (see `app.rs`): each one shows it.
/// A count, not a flag, because the dialog closes itself (Esc) and its `close` event comes a
/// task later: a flag could still read "open" when ? is pressed again, and nothing would show.
#[component]
pub fn ShortcutsDialog(asked: RwSignal<u32>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The dialog element is the outside world here: a modal dialog traps focus and closes on
    // Esc by itself.
    Effect::new(move |_| {
        if asked.get() == 0 {
            return;
        }
        if let Some(d) = dialog.get_untracked().filter(|d| !d.open()) {
            let _ = d.show_modal();
        }
    });
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <dialog node_ref=dialog class="dialog shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <dl>
                {SHORTCUTS.into_iter().map(|(keys, what)| view! { <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> }).collect_view()}
            </dl>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}
