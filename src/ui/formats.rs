//! The formats worker (`src/bin/formats.rs`, protocol in `crate::worker`), started the first
//! time a web page, another tool's file or an export is needed: that code stays out of the
//! app's first download, and its work off the page's thread.

use super::notices::NoticeKind;
use super::state::AppState;
use crate::annotation::{AnnotationId, FigureValue};
use crate::import::Opened;
use crate::suggest::{DateOrder, Suggestions};
use crate::text::CharRange;
use crate::worker::{self, Export, Request};
use crate::workspace::Workspace;
use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::{Set, WithUntracked};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Opens the article of a web page's source or of Markdown, with a busy bar meanwhile; `what`
/// names it in messages (“page.html”, the pasted page).
pub fn open_source(state: AppState, what: String, opened: Opened) {
    let (request, source) = match opened {
        Opened::Article(article) => return state.open_article(article),
        Opened::Page(html) => (Request::Page, html),
        Opened::Markdown(text) => (Request::Markdown, text),
    };
    leptos::task::spawn_local(async move {
        state.busy.set(Some(format!("Reading the article in {what}…")));
        let answer = ask(&request, source.as_bytes(), None).await;
        drop(source);
        state.busy.set(None);
        match answer.and_then(|(reply, payload)| worker::article(&reply, &payload).map_err(|p| p.to_string())) {
            Ok(article) => state.open_article(article),
            Err(problem) => state.notify(NoticeKind::Error, format!("Could not open {what}: {problem}. Nothing was changed.")),
        }
    });
}

/// An export of the workspace, whose Factmark file is `file`.
pub async fn export(kind: Export, file: String, now: i64) -> Result<String, String> {
    let (reply, payload) = ask(&Request::Export { kind, now }, file.as_bytes(), None).await?;
    worker::text(&reply, payload).map_err(|p| p.to_string())
}

/// What the text suggests for the annotation `id` (its neighbourhood goes to the worker);
/// `None` for an orphan, or when the worker could not answer.
pub async fn suggest(state: AppState, id: &AnnotationId) -> Option<Suggestions> {
    let ((window, range), dates) = state.ws.with_untracked(|w| Some((w.suggestion_window(id)?, w.date_order())))?;
    suggest_in(window, range, dates).await
}

/// A typed figure ("$14.8 trillion", "70%"), read as the text's figures are.
pub async fn read_value(state: AppState, text: String) -> Option<FigureValue> {
    let range = CharRange::new(0, text.chars().count()).ok()?;
    suggest_in(text, range, state.ws.with_untracked(Workspace::date_order)).await?.figure
}

async fn suggest_in(text: String, range: CharRange, dates: DateOrder) -> Option<Suggestions> {
    let (reply, _) = ask(&Request::Suggest { start: range.start(), end: range.end(), dates }, text.as_bytes(), None).await.ok()?;
    worker::suggestions(&reply).ok()
}

/// The annotations the article's text suggests (`suggest::scan`, in the worker), best first.
pub async fn scan(text: String, dates: DateOrder) -> Result<Vec<crate::suggest::Candidate>, String> {
    let (reply, payload) = ask(&Request::Scan { dates }, text.as_bytes(), None).await?;
    worker::candidates(&reply, &payload).map_err(|p| p.to_string())
}

/// The worker's answer to `request` with `bytes` and, for an annotation file, the article as
/// a Factmark file: (reply JSON, payload).
pub async fn ask(request: &Request, bytes: &[u8], article: Option<String>) -> Result<(String, String), String> {
    let large = bytes.len() > LARGE_BYTES;
    let message = Object::new();
    let _ = Reflect::set(&message, &"request".into(), &request.to_json().into());
    let _ = Reflect::set(&message, &"bytes".into(), &Uint8Array::from(bytes));
    if let Some(article) = article {
        let _ = Reflect::set(&message, &"article".into(), &article.into());
    }
    let promise = Promise::new(&mut |resolve, reject| {
        if let Err(e) = send(&message, large, resolve, reject.clone()) {
            let _ = reject.call1(&JsValue::NULL, &e.into());
        }
    });
    let answer = JsFuture::from(promise).await.map_err(|e| e.as_string().unwrap_or_else(|| "the formats worker stopped".to_string()))?;
    let field = |name: &str| Reflect::get(&answer, &name.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    Ok((field("reply"), field("payload")))
}

/// Requests with more bytes than this leave the worker stopped once it is idle: wasm memory
/// never shrinks, and what a large page or file took would stay taken.
const LARGE_BYTES: usize = 1 << 20;

struct Formats {
    port: web_sys::Worker,
    /// Requests wait until the worker listens: a message posted before would be lost.
    ready: bool,
    queue: Vec<JsValue>,
    pending: HashMap<u32, (Function, Function)>,
    next: u32,
    /// Whether a large request was made since the worker started.
    large: bool,
    // Removed from the worker when dropped (a stopped worker takes its listeners with it).
    _on_message: EventListener,
    _on_error: EventListener,
}

thread_local! {
    static WORKER: RefCell<Option<Formats>> = const { RefCell::new(None) };
}

/// Starts the worker if it is not running, as a person begins to pick or paste an article: a
/// web page opened with the worker started was 150 ms, with the worker still to start 366 ms.
pub fn warm_up() {
    WORKER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = start().ok();
        }
    });
}

fn send(message: &Object, large: bool, resolve: Function, reject: Function) -> Result<(), String> {
    WORKER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let Some(worker) = slot.as_mut() else { return Err("the formats worker did not start".to_string()) };
        let id = worker.next;
        worker.next += 1;
        worker.large |= large;
        let _ = Reflect::set(message, &"id".into(), &id.into());
        worker.pending.insert(id, (resolve, reject));
        if worker.ready {
            let _ = worker.port.post_message(message);
        } else {
            worker.queue.push(message.into());
        }
        Ok(())
    })
}

fn start() -> Result<Formats, String> {
    let refused = |_| "the browser would not start the formats worker".to_string();
    let window = web_sys::window().ok_or("no window")?;
    // The single file (tools/postbuild.mjs) carries the worker inlined and starts it itself.
    let inlined = Reflect::get(&window, &"__factmarkFormats".into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
    let worker: web_sys::Worker = match inlined {
        Some(start) => {
            start.call0(&JsValue::NULL).map_err(refused)?.dyn_into().map_err(|_| "the formats worker is not a worker".to_string())?
        }
        None => web_sys::Worker::new("formats_loader.js").map_err(refused)?,
    };
    let on_message = EventListener::new(&worker, "message", |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() {
            answered(ev.data())
        }
    });
    // Not passive, so that the error can be kept from the console: it is reported in a notice.
    let on_error = EventListener::new_with_options(&worker, "error", EventListenerOptions::enable_prevent_default(), |ev| {
        ev.prevent_default();
        stop("the formats worker failed on it");
    });
    Ok(Formats {
        port: worker,
        ready: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        next: 0,
        large: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn answered(data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        WORKER.with_borrow_mut(|slot| {
            if let Some(worker) = slot.as_mut() {
                worker.ready = true;
                for message in worker.queue.drain(..) {
                    let _ = worker.port.post_message(&message);
                }
            }
        });
        return;
    }
    let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
    let (waiting, idle) = WORKER.with_borrow_mut(|slot| {
        let Some(worker) = slot.as_mut() else { return (None, None) };
        let waiting = worker.pending.remove(&id);
        // Kept for the next request (starting one costs a compile), unless it held a large one.
        (waiting, if worker.pending.is_empty() && worker.large { slot.take() } else { None })
    });
    if let Some((resolve, _)) = waiting {
        let _ = resolve.call1(&JsValue::NULL, &data);
    }
    retire(idle);
}

/// Stops the worker after a failure: every waiting request is told why.
fn stop(reason: &str) {
    let worker = WORKER.with_borrow_mut(Option::take);
    if let Some(worker) = &worker {
        for (_, reject) in worker.pending.values() {
            let _ = reject.call1(&JsValue::NULL, &reason.into());
        }
    }
    retire(worker);
}

/// Terminates a worker; its closures are dropped later, not inside their own call.
fn retire(worker: Option<Formats>) {
    if let Some(worker) = worker {
        worker.port.terminate();
        leptos::task::spawn_local(async move { drop(worker) });
    }
}
