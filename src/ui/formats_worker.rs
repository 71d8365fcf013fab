//! The formats worker's side of the page–worker boundary (the page's side is `formats.rs`):
//! listens for requests and answers them with the pure core's `worker::answer`.
//!
//! It posts `"ready"` once it listens; each message `{id, request, bytes, article}` is
//! answered with `{id, reply, payload}`.

use gloo_events::EventListener;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs in the worker (`src/bin/formats.rs`): answers every message until it is stopped.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer = scope.clone();
    EventListener::new(&scope, "message", move |ev| {
        let Some(data) = ev.dyn_ref::<web_sys::MessageEvent>().map(web_sys::MessageEvent::data) else { return };
        let field = |name: &str| Reflect::get(&data, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let request = field("request").as_string().unwrap_or_default();
        let bytes = field("bytes").dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        let article = field("article").as_string().unwrap_or_default();
        let (reply, payload) = crate::worker::answer(&request, bytes, &article);
        let out = Object::new();
        let _ = Reflect::set(&out, &"id".into(), &field("id"));
        let _ = Reflect::set(&out, &"reply".into(), &reply.into());
        let _ = Reflect::set(&out, &"payload".into(), &payload.into());
        let _ = answer.post_message(&out);
    })
    .forget(); // the worker listens for as long as it lives
    let _ = scope.post_message(&"ready".into());
}
