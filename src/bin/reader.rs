//! The page reader's Web Worker: extracts a web page's article off the page's thread, in a
//! module of its own that the app loads only when a page is opened (see `ui/reader.rs`).
//!
//! Protocol: it posts `"ready"` once it listens; each request `{id, html}` is answered with
//! `{id, reply}`, the article as JSON ([`factmark::import::read_page`]).

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Object, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let html = Reflect::get(&data, &"html".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let reply = factmark::import::read_page(&html);
        drop(html);
        let out = Object::new();
        let _ = Reflect::set(&out, &"id".into(), &id);
        let _ = Reflect::set(&out, &"reply".into(), &reply.into());
        let _ = answer.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
