//! Keyboard-only selection: arrow keys move a caret through the article and Shift extends a
//! selection, which C, F or Q then tag. The motions are the core's `Caret`; this file only
//! reads keys, shows the result as the DOM selection and draws the caret.

use super::selection::{caret_rect, dom_caret, offset_at_point, point_offset, set_selection};
use super::state::AppState;
use crate::article::caret::{Caret, Motion};
use crate::text::CharRange;
use leptos::prelude::*;
use web_sys::{Element, KeyboardEvent};

/// Where the caret is drawn, in page coordinates: left, top, height (CSS pixels).
pub type CaretBox = Option<(f64, f64, f64)>;

/// Keeps the caret this far from the top and bottom of the window when scrolling to it.
const SCROLL_MARGIN_PX: f64 = 64.0;
/// Selections are read out shortened to this many code points.
const ANNOUNCE_CHARS: usize = 120;

/// What a key asks for: a motion of the core caret, or a move by one line (which needs layout).
enum Step {
    Core(Motion),
    Line { down: bool },
}

fn step_for(ev: &KeyboardEvent) -> Option<Step> {
    // Ctrl+arrows move by word on Windows and Linux, Alt+arrows on macOS.
    let word = ev.ctrl_key() || ev.alt_key();
    Some(match ev.key().as_str() {
        "ArrowRight" if word => Step::Core(Motion::WordForward),
        "ArrowRight" => Step::Core(Motion::GlyphForward),
        "ArrowLeft" if word => Step::Core(Motion::WordBack),
        "ArrowLeft" => Step::Core(Motion::GlyphBack),
        "ArrowDown" if word => Step::Core(Motion::NextBlock),
        "ArrowUp" if word => Step::Core(Motion::PrevBlock),
        "ArrowDown" => Step::Line { down: true },
        "ArrowUp" => Step::Line { down: false },
        "Home" if ev.ctrl_key() => Step::Core(Motion::TextStart),
        "End" if ev.ctrl_key() => Step::Core(Motion::TextEnd),
        "Home" => Step::Core(Motion::BlockStart),
        "End" => Step::Core(Motion::BlockEnd),
        _ => return None,
    })
}

/// Handles a caret key pressed in the article. Returns false for keys it leaves alone.
pub fn handle(
    state: AppState,
    article: &Element,
    ev: &KeyboardEvent,
    stored: StoredValue<Option<Caret>>,
    caret_box: RwSignal<CaretBox>,
) -> bool {
    let Some(step) = step_for(ev) else { return false };
    if ev.meta_key() {
        return false;
    }
    ev.prevent_default();
    let len = state.ws.with_untracked(|w| w.text().len());
    // The caret starts at a focused highlight, else follows the DOM selection (so a click
    // places it too), else resumes where it was. With no selection left (after tagging, or
    // Esc), what was selected collapses to its focus end.
    let from_mark = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
        .filter(|el| el.tag_name().eq_ignore_ascii_case("mark"))
        .map(|m| point_offset(article, &m, 0, len));
    let current = from_mark
        .map(|o| Caret { anchor: o, focus: o })
        .or_else(|| dom_caret(article, len))
        .or_else(|| stored.get_value().map(|c| Caret { anchor: c.focus, focus: c.focus }))
        .unwrap_or_default();
    let extend = ev.shift_key();
    let next = state.ws.with_untracked(|w| {
        let text = w.text();
        match step {
            Step::Core(m) => current.moved(text, m.mirrored(text.is_rtl_at(current.focus)), extend),
            Step::Line { down } => {
                let target = line_target(article, current, down, len).map(|o| Caret::at(text, o).focus);
                match target {
                    Some(focus) if focus != current.focus => Caret { anchor: if extend { current.anchor } else { focus }, focus },
                    _ => current.moved(text, if down { Motion::NextBlock } else { Motion::PrevBlock }, extend),
                }
            }
        }
    });
    stored.set_value(Some(next));
    if from_mark.is_some() {
        // Keyboard focus goes back to the article, so the mark stops being a tab stop.
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(article.clone()) {
            let _ = el.focus();
        }
    }
    set_selection(article, next);
    // Measured again after a scroll, so the drawn caret matches the text.
    let rect = caret_rect(article, next.focus).and_then(|r| if keep_in_view(&r) { caret_rect(article, next.focus) } else { Some(r) });
    let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
    caret_box.set(rect.filter(|_| next.is_collapsed()).map(|r| (r.left() + sx, r.top() + sy, r.height().max(12.0))));
    announce(state, current, next);
    true
}

/// The offset one line above or below the caret, found by probing the layout.
fn line_target(article: &Element, c: Caret, down: bool, len: usize) -> Option<usize> {
    let r = caret_rect(article, c.focus)?;
    let y = if down { r.bottom() + r.height() * 0.5 } else { r.top() - r.height() * 0.5 };
    offset_at_point(article, r.left() + 1.0, y, len)
}

/// Scrolls the window so that `r` is clear of its edges; true when it scrolled.
fn keep_in_view(r: &web_sys::DomRect) -> bool {
    let h = window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
    let dy = if r.top() < SCROLL_MARGIN_PX {
        r.top() - SCROLL_MARGIN_PX
    } else if r.bottom() > h - SCROLL_MARGIN_PX {
        r.bottom() - h + SCROLL_MARGIN_PX
    } else {
        0.0
    };
    if dy != 0.0 {
        window().scroll_by_with_x_and_y(0.0, dy);
    }
    dy != 0.0
}

/// Reads out what the caret passed over, or the selection: a custom caret is invisible to
/// screen readers otherwise.
fn announce(state: AppState, before: Caret, after: Caret) {
    let text = state.ws.with_untracked(|w| {
        if !after.is_collapsed() {
            return format!("Selected: {}", crate::text::shorten(&w.text().slice(after.range()), ANNOUNCE_CHARS));
        }
        let (a, b) = (before.focus.min(after.focus), before.focus.max(after.focus));
        let passed = CharRange::new(a, b).map(|r| w.text().slice(r)).unwrap_or_default();
        let passed = passed.trim();
        if passed.is_empty() {
            "Blank".to_string()
        } else {
            crate::text::shorten(passed, ANNOUNCE_CHARS)
        }
    });
    state.announce(text);
}
