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

/// The overlay; `open` is set by the ? key (see `mod.rs`).
#[component]
pub fn ShortcutsDialog(open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The dialog element is the outside world here: a modal dialog traps focus and closes on
    // Esc by itself, which the signal then follows.
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if open.get() && !d.open() {
            let _ = d.show_modal();
        } else if !open.get() && d.open() {
            d.close();
        }
    });
    view! {
        <dialog node_ref=dialog class="dialog shortcuts" aria-labelledby="shortcuts-title" on:close=move |_| open.set(false)>
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <dl>
                {SHORTCUTS.into_iter().map(|(keys, what)| view! { <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> }).collect_view()}
            </dl>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=move |_| open.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}
