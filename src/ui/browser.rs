//! Small wrappers over browser APIs: the clock, random ids, and DOM queries.

use crate::annotation::AnnotationId;
use crate::time::Timestamp;
use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A high-resolution clock for measuring durations, in milliseconds.
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// A fresh UUID v4 from the browser's cryptographic random source.
pub fn new_id() -> AnnotationId {
    let mut bytes = [0u8; 16];
    let filled = window().crypto().ok().and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok()).is_some();
    if !filled {
        // No Web Crypto (very old engines): Math.random is still unique enough for ids.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    AnnotationId::new_v4(bytes)
}

/// An attribute selector value, quoted for CSS.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{c}' => out.push_str(&format!("\\{:x} ", c as u32)),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether the checker is typing in the annotation editor (a text field or box has focus there).
pub fn typing_in_editor() -> bool {
    document()
        .active_element()
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA") && e.closest(".editor").ok().flatten().is_some())
}

/// The first highlight of annotation `id` in the article.
pub fn first_mark_of(id: &AnnotationId) -> Option<web_sys::HtmlElement> {
    let sel = format!("article mark[data-annotation-ids~={}]", css_string(id.as_str()));
    document().query_selector(&sel).ok().flatten()?.dyn_into().ok()
}

/// The panel item of annotation `id`.
pub fn panel_item_of(id: &AnnotationId) -> Option<web_sys::HtmlElement> {
    let sel = format!("[data-annotation-id={}]", css_string(id.as_str()));
    document().query_selector(&sel).ok().flatten()?.dyn_into().ok()
}

/// Scrolls `el` into view, centred, smoothly unless the user prefers reduced motion.
pub fn scroll_into_view(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    let reduced = window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches());
    opts.set_behavior(if reduced { web_sys::ScrollBehavior::Auto } else { web_sys::ScrollBehavior::Smooth });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// True when keyboard focus is in a text field, where letters and Ctrl+Z belong to the field.
pub fn typing_in_field() -> bool {
    document().active_element().is_some_and(|el| {
        let tag = el.tag_name().to_ascii_lowercase();
        matches!(tag.as_str(), "input" | "textarea" | "select") || el.has_attribute("contenteditable")
    })
}

/// Focuses the first highlight of `id`. The mark is focusable only while focused (see
/// `segment_view`): tabindex is removed again on blur.
///
/// Waits a frame first: selecting an annotation re-renders its paragraphs (the selection is in
/// their markup), and focus must go to the new mark, not to the one being replaced.
pub fn focus_highlight(id: &AnnotationId) {
    let id = id.clone();
    leptos::prelude::request_animation_frame(move || focus_highlight_now(&id));
}

fn focus_highlight_now(id: &AnnotationId) {
    use wasm_bindgen::closure::Closure;
    let Some(mark) = first_mark_of(id) else { return };
    mark.set_tab_index(-1);
    let target = mark.clone();
    let on_blur = Closure::once_into_js(move || target.remove_attribute("tabindex").unwrap_or(()));
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_once(true);
    let _ = mark.add_event_listener_with_callback_and_add_event_listener_options("blur", on_blur.unchecked_ref(), &opts);
    scroll_into_view(&mark, web_sys::ScrollLogicalPosition::Center);
    let _ = mark.focus();
}

/// Resolves after the next frame has been painted (two animation frames: the first runs
/// before that frame's paint).
pub async fn next_paint() {
    let frame = || {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        }))
    };
    let _ = frame().await;
    let _ = frame().await;
}

/// Resolves in a task of its own: what follows does not lengthen the task that awaits it.
pub async fn next_task() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    }))
    .await;
}

/// Runs `f` when the browser is idle, but within `limit_ms`. Engines without
/// `requestIdleCallback` (WebKit) run it on a short timer instead.
pub fn when_idle(limit_ms: u32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let w = window();
    let has_idle = js_sys::Reflect::has(&w, &"requestIdleCallback".into()).unwrap_or(false);
    let cb = Closure::once_into_js(f);
    if has_idle {
        let opts = web_sys::IdleRequestOptions::new();
        opts.set_timeout(limit_ms);
        if w.request_idle_callback_with_options(cb.unchecked_ref(), &opts).is_ok() {
            return;
        }
    }
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 16);
}

/// True on phone-sized screens, where the panel is a sheet (the stylesheet's breakpoint).
pub fn narrow_screen() -> bool {
    window().match_media("(max-width: 640px)").ok().flatten().is_some_and(|m| m.matches())
}

/// Scrolls the phone sheet (the panel) so that the editor starts right under the sheet's
/// head, which stays at its top: the editor, not the list row below it, is what the checker
/// opened the sheet for.
pub fn show_editor_in_sheet() {
    let find = |sel: &str| document().query_selector(sel).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(sheet), Some(head), Some(editor)) = (find("#annotations-panel"), find(".panel-head"), find("#annotations-panel .editor")) {
        sheet.set_scroll_top(editor.offset_top() - head.offset_height() - 8);
    }
}

/// Scrolls the page so that `el` sits in the part of the screen the phone sheet (the panel)
/// leaves free, when the sheet covers it. The sheet's height is its own, not its slide-in
/// transform's, so this can run as it starts sliding in.
pub fn keep_above_sheet(el: &web_sys::Element) {
    let sheet = document().get_element_by_id("annotations-panel").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(sheet), Some(view)) = (sheet, window().inner_height().ok().and_then(|h| h.as_f64())) else { return };
    let free = view - f64::from(sheet.offset_height()) - 8.0;
    let r = el.get_bounding_client_rect();
    if r.top() >= 8.0 && r.bottom() <= free {
        return;
    }
    // In the middle of the free part; its top line first when it is taller than that.
    let to = ((free - r.height()) / 2.0).max(8.0);
    window().scroll_by_with_x_and_y(0.0, r.top() - to);
}
