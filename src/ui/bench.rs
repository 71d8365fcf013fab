//! Benchmark mode (`?bench`): opens the workload article and exposes `window.__bench`, the
//! adapter contract of the side-by-side kit. Every member is a thin call into the same code
//! a person's action runs: the article import, the W3C import, delete, and the selection
//! handler ("tag on release"). Without `?bench` none of this runs.

use super::state::{AppEvent, AppState};
use crate::annotation::{AnnotationId, Tag};
use crate::article::Article;
use crate::import::{open_file, Opened};
use crate::workspace::ImportMode;
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ON_CREATE: RefCell<Option<Function>> = const { RefCell::new(None) };
    static LAST_SAVE_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Records how long the last autosave blocked the page (read by `extra.lastSaveMs`).
fn saved(ms: f64) {
    LAST_SAVE_MS.with(|c| c.set(ms));
}

fn param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// True when the page was opened with a `bench` query parameter.
pub fn requested() -> bool {
    window().location().search().ok().and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok()).is_some_and(|p| p.has("bench"))
}

/// Called when a person's selection created an annotation.
fn created(id: &AnnotationId, quote: &str) {
    ON_CREATE.with(|cb| {
        if let Some(cb) = cb.borrow().as_ref() {
            let info = Object::new();
            let now = window().performance().map(|p| p.now()).unwrap_or(0.0);
            let _ = Reflect::set(&info, &"t".into(), &now.into());
            let _ = Reflect::set(&info, &"id".into(), &id.as_str().into());
            let _ = Reflect::set(&info, &"quote".into(), &quote.into());
            let _ = cb.call1(&JsValue::NULL, &info);
        }
    });
}

/// A promise that settles once the reactive DOM updates queued by the current call have run:
/// Leptos runs effects as queued tasks, so a task queued after them (plus one more hop, for
/// effects those effects queue) sees the finished DOM. The harness then waits two frames.
fn after_paint() -> Promise {
    Promise::new(&mut |resolve, _| {
        let resolve = resolve.clone();
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(Promise::resolve(&JsValue::NULL)).await;
            let _ = resolve.call0(&JsValue::NULL);
        });
    })
}

fn set_fn(obj: &Object, name: &str, f: JsValue) {
    let _ = Reflect::set(obj, &name.into(), &f);
}

fn painted_ids() -> Array {
    let mut seen = HashSet::new();
    let out = Array::new();
    if let Ok(marks) = document().query_selector_all("article mark[data-annotation-ids]") {
        for i in 0..marks.length() {
            let Some(el) = marks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            for id in el.get_attribute("data-annotation-ids").unwrap_or_default().split(' ') {
                if seen.insert(id.to_string()) {
                    out.push(&id.into());
                }
            }
        }
    }
    out
}

/// Fetches the workload article named by `?article=` and turns it into an article through the
/// same path as "Open article" with a .txt file.
pub async fn workload_article() -> Result<Article, String> {
    let url = param("article").unwrap_or_else(|| "/data/article.json".into());
    let resp: web_sys::Response = JsFuture::from(window().fetch_with_str(&url)).await.map_err(|_| "article fetch failed")?.unchecked_into();
    if !resp.ok() {
        return Err(format!("article fetch failed: {}", resp.status()));
    }
    // Bytes, as a picked file gives them: a JS string would be re-encoded on its way in.
    let body = JsFuture::from(resp.array_buffer().map_err(|_| "no body")?).await.map_err(|_| "no body")?;
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    let sep = json["separator"].as_str().unwrap_or("\n\n");
    let paras: Vec<&str> = json["paragraphs"].as_array().map(|a| a.iter().filter_map(|p| p.as_str()).collect()).unwrap_or_default();
    let Opened::Article(mut article) = open_file("article.txt", paras.join(sep).as_bytes()).map_err(|e| e.to_string())?.0 else {
        return Err("the workload is not plain text".into());
    };
    article.url = json["source"].as_str().map(str::to_string);
    Ok(article)
}

fn install(state: AppState) {
    let api = Object::new();
    let info = Object::new();
    let _ = Reflect::set(&info, &"app".into(), &"factmark".into());
    let _ = Reflect::set(
        &info,
        &"import".into(),
        &"JSON.stringify(list) -> UTF-8 bytes (TextEncoder) -> the app's W3C import, as for a picked file".into(),
    );
    let _ = Reflect::set(&info, &"renderer".into(), &"<mark> segments per paragraph, keyed, content-visibility:auto".into());
    let _ = Reflect::set(&info, &"create".into(), &"tag on release = Claim (set by onCreate)".into());
    let _ = Reflect::set(&api, &"info".into(), &info);

    // The list becomes the bytes of a JSON file, as a picked file does (files.rs reads bytes).
    // Going through a Rust String instead would let wasm-bindgen reserve three bytes per
    // UTF-16 unit while copying, a transient that raises wasm memory for good.
    let stringify = |v: &JsValue| -> Vec<u8> {
        let Some(text) = js_sys::JSON::stringify(v).ok() else { return Vec::new() };
        // encode() called on the JS string itself: no Rust String on the way.
        let encoded = web_sys::TextEncoder::new().ok().and_then(|e| {
            let encode: js_sys::Function = Reflect::get(&e, &"encode".into()).ok()?.dyn_into().ok()?;
            encode.call1(&e, &text).ok()?.dyn_into::<js_sys::Uint8Array>().ok()
        });
        encoded.map(|a| a.to_vec()).unwrap_or_default()
    };
    // The import is read in the formats worker: the promise settles once it is placed and painted.
    let imported = move |name: &'static str, bytes: Vec<u8>, mode: ImportMode| {
        wasm_bindgen_futures::future_to_promise(async move {
            state.import_bytes(name, bytes, mode).await;
            JsFuture::from(after_paint()).await
        })
    };
    let load =
        Closure::<dyn Fn(JsValue) -> Promise>::new(move |list: JsValue| imported("bench.json", stringify(&list), ImportMode::Replace));
    set_fn(&api, "loadAnnotations", load.into_js_value());
    let add = Closure::<dyn Fn(JsValue) -> Promise>::new(move |a: JsValue| imported("bench-add.json", stringify(&a), ImportMode::Merge));
    set_fn(&api, "addAnnotation", add.into_js_value());
    let remove = Closure::<dyn Fn(JsValue) -> Promise>::new(move |id: JsValue| {
        if let Some(id) = id.as_string().and_then(|s| AnnotationId::parse(&s).ok()) {
            state.delete(&id);
        }
        after_paint()
    });
    set_fn(&api, "removeAnnotation", remove.into_js_value());
    let undo = Closure::<dyn Fn() -> Promise>::new(move || {
        state.undo();
        after_paint()
    });
    set_fn(&api, "undo", undo.into_js_value());
    set_fn(&api, "paintedIds", Closure::<dyn Fn() -> Array>::new(painted_ids).into_js_value());
    let count_marks = || document().query_selector_all("article mark").map(|l| l.length()).unwrap_or(0);
    set_fn(&api, "paintedElementCount", Closure::<dyn Fn() -> u32>::new(count_marks).into_js_value());
    let count = Closure::<dyn Fn() -> u32>::new(move || state.ws.with_untracked(|w| w.annotations().len() as u32));
    set_fn(&api, "annotationCount", count.into_js_value());
    let on_create = Closure::<dyn Fn(JsValue)>::new(move |cb: JsValue| {
        ON_CREATE.with(|slot| *slot.borrow_mut() = cb.dyn_into::<Function>().ok());
        state.quick_tag.set(Some(Tag::Claim));
    });
    set_fn(&api, "onCreate", on_create.into_js_value());

    let extra = Object::new();
    let memory = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
            .unwrap_or(0.0)
    });
    set_fn(&extra, "memoryBytes", memory.into_js_value());
    set_fn(&extra, "lastSaveMs", Closure::<dyn Fn() -> f64>::new(|| LAST_SAVE_MS.with(|c| c.get())).into_js_value());
    let indexed = Closure::<dyn Fn() -> u32>::new(move || state.ws.with_untracked(|w| w.annotations().anchored().count() as u32));
    set_fn(&extra, "indexedCount", indexed.into_js_value());
    let _ = Reflect::set(&api, &"extra".into(), &extra);
    let _ = Reflect::set(&window(), &"__bench".into(), &api);
}

fn mark_ready(result: Result<(), String>) {
    let ready = Object::new();
    match result {
        Ok(()) => {
            let t = window().performance().map(|p| p.now()).unwrap_or(0.0);
            let _ = Reflect::set(&ready, &"t".into(), &t.into());
        }
        Err(e) => {
            let _ = Reflect::set(&ready, &"error".into(), &e.into());
        }
    }
    let _ = Reflect::set(&window(), &"__benchReady".into(), &ready);
}

/// Installs `window.__bench` once the app has mounted with the workload article (`opened`
/// says whether it could be opened), then signals readiness after two animation frames.
pub fn start(state: AppState, opened: Result<(), String>) {
    super::state::observe(|event| match event {
        AppEvent::Created { id, quote } => created(id, quote),
        AppEvent::Saved { blocking_ms } => saved(*blocking_ms),
    });
    install(state);
    request_animation_frame(move || request_animation_frame(move || mark_ready(opened)));
}
