//! Tells the paint plan which article blocks are near the viewport, so only those carry their
//! highlights in the page.

use super::state::AppState;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

// Not `contentvisibilityautostatechange` (which the paragraphs' `content-visibility: auto`
// would give for free): tried, and in WebKitGTK 2.50 an imported highlight then never appeared
// in the single file opened from file://.

/// How far around the viewport a block counts as near: one screen above and one below, so
/// that highlights are drawn before they scroll into sight.
const NEAR_MARGIN: &str = "100% 0px 100% 0px";

/// Watches the blocks of one article view; stops watching when dropped (the view is rebuilt
/// for another article).
pub struct NearObserver {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
    /// Blocks watched so far: they are put into the page in slices, in order.
    watched: std::cell::Cell<u32>,
}

impl NearObserver {
    /// Starts watching the blocks of `article` put into the page since the last call.
    pub fn watch_new(&self, article: &web_sys::Element) {
        let Ok(blocks) = article.query_selector_all(":scope > [data-block]") else { return };
        for i in self.watched.get()..blocks.length() {
            if let Some(el) = blocks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                self.observer.observe(&el);
            }
        }
        self.watched.set(blocks.length());
    }
}

impl Drop for NearObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts watching every `[data-block]` child of `article`.
pub fn observe(state: AppState, article: &web_sys::Element) -> Option<NearObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
            let target = entry.target();
            // An element of a view that was replaced has nothing to say about the new one.
            if !target.is_connected() {
                continue;
            }
            if let Some(b) = target.get_attribute("data-block").and_then(|s| s.parse::<usize>().ok()) {
                state.set_near(b, entry.is_intersecting());
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(NEAR_MARGIN);
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    let near = NearObserver { observer, _callback: callback, watched: std::cell::Cell::new(0) };
    near.watch_new(article);
    Some(near)
}
