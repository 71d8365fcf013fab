//! The page reader in its Web Worker (`src/bin/reader.rs`): started when a web page is opened,
//! so extraction's code stays out of the app's first download and its work off the page.

use super::notices::NoticeKind;
use super::state::AppState;
use crate::import::finish_page;
use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::Set;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Opens the article of a web page's source, with a busy bar meanwhile; `what` names it in
/// messages (“page.html”, the pasted page).
pub fn open_page(state: AppState, what: String, html: String) {
    leptos::task::spawn_local(async move {
        state.busy.set(Some(format!("Reading the article in {what}…")));
        let reply = read_page(html).await;
        state.busy.set(None);
        match reply.map_err(|e| e.to_string()).and_then(|r| finish_page(&r).map_err(|p| p.to_string())) {
            Ok(article) => state.open_article(article),
            Err(problem) => state.notify(NoticeKind::Error, format!("Could not open {what}: {problem}. Nothing was changed.")),
        }
    });
}

struct Reader {
    worker: web_sys::Worker,
    /// Requests wait until the worker listens: a message posted before would be lost.
    ready: bool,
    queue: Vec<JsValue>,
    pending: HashMap<u32, (Function, Function)>,
    next: u32,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// The reader's answer for a page: the article as JSON, for [`finish_page`].
async fn read_page(html: String) -> Result<String, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        if let Err(e) = send(&html, resolve, reject.clone()) {
            let _ = reject.call1(&JsValue::NULL, &e.into());
        }
    });
    drop(html);
    match JsFuture::from(promise).await {
        Ok(reply) => reply.as_string().ok_or_else(|| "the page reader gave no answer".to_string()),
        Err(e) => Err(e.as_string().unwrap_or_else(|| "the page reader stopped".to_string())),
    }
}

fn send(html: &str, resolve: Function, reject: Function) -> Result<(), String> {
    READER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let Some(reader) = slot.as_mut() else { return Err("the page reader did not start".to_string()) };
        let id = reader.next;
        reader.next += 1;
        let message = Object::new();
        let _ = Reflect::set(&message, &"id".into(), &id.into());
        let _ = Reflect::set(&message, &"html".into(), &html.into());
        reader.pending.insert(id, (resolve, reject));
        if reader.ready {
            let _ = reader.worker.post_message(&message);
        } else {
            reader.queue.push(message.into());
        }
        Ok(())
    })
}

fn start() -> Result<Reader, String> {
    let refused = |_| "the browser would not start the page reader".to_string();
    let window = web_sys::window().ok_or("no window")?;
    // The single file (tools/postbuild.mjs) carries the reader inlined and starts it itself.
    let inlined = Reflect::get(&window, &"__factmarkReader".into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
    let worker: web_sys::Worker = match inlined {
        Some(start) => {
            start.call0(&JsValue::NULL).map_err(refused)?.dyn_into().map_err(|_| "the page reader is not a worker".to_string())?
        }
        None => web_sys::Worker::new("reader_loader.js").map_err(refused)?,
    };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| answered(ev.data()));
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.prevent_default();
        stop("the page reader failed on it");
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Reader { worker, ready: false, queue: Vec::new(), pending: HashMap::new(), next: 0, _on_message: on_message, _on_error: on_error })
}

fn answered(data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        READER.with_borrow_mut(|slot| {
            if let Some(reader) = slot.as_mut() {
                reader.ready = true;
                for message in reader.queue.drain(..) {
                    let _ = reader.worker.post_message(&message);
                }
            }
        });
        return;
    }
    let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
    let reply = Reflect::get(&data, &"reply".into()).unwrap_or(JsValue::UNDEFINED);
    let (waiting, idle) = READER.with_borrow_mut(|slot| {
        let Some(reader) = slot.as_mut() else { return (None, None) };
        let waiting = reader.pending.remove(&id);
        // An idle reader is stopped: wasm memory never shrinks, and a large page's would stay.
        (waiting, if reader.pending.is_empty() { slot.take() } else { None })
    });
    if let Some((resolve, _)) = waiting {
        let _ = resolve.call1(&JsValue::NULL, &reply);
    }
    retire(idle);
}

/// Stops the reader after a failure: every waiting request is told why.
fn stop(reason: &str) {
    let reader = READER.with_borrow_mut(Option::take);
    if let Some(reader) = &reader {
        for (_, reject) in reader.pending.values() {
            let _ = reject.call1(&JsValue::NULL, &reason.into());
        }
    }
    retire(reader);
}

/// Terminates a reader; its closures are dropped later, not inside their own call.
fn retire(reader: Option<Reader>) {
    if let Some(reader) = reader {
        reader.worker.terminate();
        leptos::task::spawn_local(async move { drop(reader) });
    }
}
