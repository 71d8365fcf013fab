//! IndexedDB behind the core's synchronous `Store`. localStorage holds about 5 MB per origin;
//! IndexedDB holds as much as the disk allows. At start every key is listed and the values of
//! all but the articles' keys are read, with those of the article open last; another article's
//! keys are read when it is opened or deleted (`read_article`). Reads are served from that copy
//! in memory (JavaScript strings, converted only when read); writes go to the copy at once and to
//! IndexedDB in one transaction per batch, right after the current task. A failed transaction is
//! reported to the app (`on_failure`), which then writes everything again at its next save.

use crate::persist::SaveError;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "factmark";
const STORE: &str = "kv";
/// Set once the keys of localStorage were copied over and read back.
const MIGRATED: &str = "factmark:migrated-from-localstorage";
/// The article open last (see `persist::set_current`), read at start with its keys.
const CURRENT: &str = "factmark:current";

struct Mirror {
    db: IdbDatabase,
    items: js_sys::Map,
    /// Writes (a value) and removals (none) not yet handed to IndexedDB, in order.
    pending: Vec<(String, Option<String>)>,
    /// The articles (SHA-256s) with stored keys not read yet: an article is read when it is
    /// opened or deleted (`read_article`), and until then the app must not touch its keys.
    unread: HashSet<String>,
    flush_scheduled: bool,
    on_failure: Option<Rc<dyn Fn(SaveError)>>,
}

thread_local! {
    static MIRROR: RefCell<Option<Mirror>> = const { RefCell::new(None) };
}

/// Resolves when `req` succeeds, with its result. It listens from the call on, so requests
/// made together can be awaited one after another.
fn done(req: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, JsValue>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    let req = req.clone();
    async move {
        JsFuture::from(promise).await?;
        req.result()
    }
}

/// Resolves when transaction `tx` has committed.
async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(drop)
}

async fn open_db() -> Result<IdbDatabase, JsValue> {
    let factory = leptos::prelude::window().indexed_db()?.ok_or("no IndexedDB")?;
    let req = factory.open_with_u32(DB, 1)?;
    let upgrade = gloo_events::EventListener::once(&req, "upgradeneeded", move |ev| {
        let db: Option<IdbDatabase> = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    // Another tab holding an older version open would keep this waiting: use localStorage.
    let db = {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            req.set_onsuccess(Some(&resolve));
            req.set_onerror(Some(&reject));
            req.set_onblocked(Some(&reject));
        });
        JsFuture::from(promise).await?;
        req.result()?
    };
    drop(upgrade);
    db.dyn_into()
}

/// The values of `keys` (those stored), read in one transaction.
async fn read_keys(db: &IdbDatabase, keys: &js_sys::Array, into: &js_sys::Map) -> Result<(), JsValue> {
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
    let store = tx.object_store(STORE)?;
    // All asked at once, then taken in order: one round trip, not one per key.
    let asked = keys.iter().map(|key| Ok((done(&store.get(&key)?), key))).collect::<Result<Vec<_>, JsValue>>()?;
    for (value, key) in asked {
        let value = value.await?;
        if value.is_string() {
            into.set(&key, &value);
        }
    }
    Ok(())
}

/// Reads every key but those of articles other than the one open last; returns the articles
/// left unread. Reading all of a 500-article library (19 MB) at start was a main-thread task
/// of over 200 ms, most of it the garbage collector, and kept all of it in memory.
async fn read_start(db: &IdbDatabase) -> Result<(js_sys::Map, HashSet<String>), JsValue> {
    let keys: js_sys::Array = {
        let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
        done(&tx.object_store(STORE)?.get_all_keys()?).await?.dyn_into()?
    };
    let grouped = crate::persist::group_sorted_keys(keys.length() as usize, |i| keys.get(i as u32).as_string().unwrap_or_default());
    let items = js_sys::Map::new();
    read_keys(db, &grouped.others.iter().map(|&i| keys.get(i as u32)).collect(), &items).await?;
    let mut unread = grouped.articles;
    if let Some(current) = items.get(&CURRENT.into()).as_string() {
        if unread.remove(&current) {
            read_article_keys(db, &current, &items).await?;
        }
    }
    Ok((items, unread))
}

/// Reads an article's keys into `into`: its own part, and its chunks by their key range.
async fn read_article_keys(db: &IdbDatabase, sha256: &str, into: &js_sys::Map) -> Result<(), JsValue> {
    let (doc, chunks) = crate::persist::article_keys(sha256);
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
    let store = tx.object_store(STORE)?;
    let range = web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(&chunks.start.into(), &chunks.end.into(), false, true)?;
    let doc = JsValue::from_str(&doc);
    let (value, values, keys) =
        (done(&store.get(&doc)?), done(&store.get_all_with_key(&range)?), done(&store.get_all_keys_with_key(&range)?));
    let value = value.await?;
    if value.is_string() {
        into.set(&doc, &value);
    }
    let (values, keys): (js_sys::Array, js_sys::Array) = (values.await?.dyn_into()?, keys.await?.dyn_into()?);
    for (k, v) in keys.iter().zip(values.iter()) {
        if v.is_string() {
            into.set(&k, &v);
        }
    }
    Ok(())
}

/// Writes `items` in one transaction and waits until it has committed.
async fn write_all(db: &IdbDatabase, items: &[(String, Option<String>)]) -> Result<(), JsValue> {
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE)?;
    for (k, v) in items {
        match v {
            Some(v) => drop(store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(k))?),
            None => drop(store.delete(&JsValue::from_str(k))?),
        }
    }
    committed(&tx).await
}

/// The Factmark keys of localStorage, to copy over once.
fn local_storage_items() -> Vec<(String, Option<String>)> {
    let Some(ls) = leptos::prelude::window().local_storage().ok().flatten() else { return Vec::new() };
    let n = ls.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| ls.key(i).ok().flatten())
        .filter(|k| k.starts_with("factmark:"))
        .filter_map(|k| ls.get_item(&k).ok().flatten().map(|v| (k, Some(v))))
        .collect()
}

/// Opens the database and reads it into memory; on the first start, copies localStorage's
/// Factmark keys over and reads them back before trusting the copy (the old keys stay).
/// Afterwards `get`/`set`/`remove` use IndexedDB; on any failure they are never switched on and
/// the app keeps using localStorage.
pub async fn start() -> Result<(), JsValue> {
    let db = open_db().await?;
    let mut read = read_start(&db).await?;
    if !read.0.has(&MIGRATED.into()) {
        let mut copy = local_storage_items();
        copy.push((MIGRATED.to_string(), Some(format!("{} keys", copy.len()))));
        write_all(&db, &copy).await?;
        let back = js_sys::Map::new();
        read_keys(&db, &copy.iter().map(|(k, _)| JsValue::from_str(k)).collect(), &back).await?;
        let verified = copy.iter().all(|(k, v)| back.get(&k.into()).as_string() == *v);
        if !verified {
            return Err("the copy from localStorage did not read back the same".into());
        }
        read = read_start(&db).await?;
    }
    let (items, unread) = read;
    MIRROR.with(|m| *m.borrow_mut() = Some(Mirror { db, items, pending: Vec::new(), unread, flush_scheduled: false, on_failure: None }));
    // Ask the browser not to evict the library under storage pressure. Not awaited: Firefox
    // asks the person, and the answer can take forever.
    if let Ok(p) = leptos::prelude::window().navigator().storage().persist() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
    Ok(())
}

/// Whether IndexedDB is in use.
pub fn active() -> bool {
    MIRROR.with(|m| m.borrow().is_some())
}

/// Called with the reason when a batch of writes did not reach IndexedDB.
pub fn on_failure(f: impl Fn(SaveError) + 'static) {
    MIRROR.with(|m| {
        if let Some(m) = m.borrow_mut().as_mut() {
            m.on_failure = Some(Rc::new(f));
        }
    });
}

/// Whether the article with this SHA-256 has stored keys not read yet.
pub fn unread(sha256: &str) -> bool {
    MIRROR.with(|m| m.borrow().as_ref().is_some_and(|m| m.unread.contains(sha256)))
}

/// Whether any stored article is not read yet.
pub fn any_unread() -> bool {
    MIRROR.with(|m| m.borrow().as_ref().is_some_and(|m| !m.unread.is_empty()))
}

/// Reads an article's stored keys into memory (at once when they are read already).
pub async fn read_article(sha256: &str) -> Result<(), JsValue> {
    let Some(db) = MIRROR.with(|m| m.borrow().as_ref().filter(|m| m.unread.contains(sha256)).map(|m| m.db.clone())) else {
        return Ok(());
    };
    let read = js_sys::Map::new();
    read_article_keys(&db, sha256, &read).await?;
    MIRROR.with(|m| {
        if let Some(m) = m.borrow_mut().as_mut() {
            // Read twice at once (two clicks): the first one's values stay.
            if m.unread.remove(sha256) {
                read.for_each(&mut |v, k| drop(m.items.set(&k, &v)));
            }
        }
    });
    Ok(())
}

/// A key's value. An unread article's key reads as absent: the app reads an article before it
/// uses it (`AppState::open_article`, `open_saved`, `delete_article`).
pub fn get(key: &str) -> Option<String> {
    MIRROR.with(|m| m.borrow().as_ref().and_then(|m| m.items.get(&key.into()).as_string()))
}

pub fn set(key: &str, value: Option<&str>) {
    MIRROR.with(|m| {
        let mut guard = m.borrow_mut();
        let Some(m) = guard.as_mut() else { return };
        match value {
            Some(v) => drop(m.items.set(&key.into(), &v.into())),
            None => drop(m.items.delete(&key.into())),
        }
        m.pending.push((key.to_string(), value.map(str::to_string)));
        if !m.flush_scheduled {
            m.flush_scheduled = true;
            wasm_bindgen_futures::spawn_local(flush());
        }
    });
}

/// Hands the pending writes to IndexedDB in one transaction.
async fn flush() {
    let Some((db, batch)) = MIRROR.with(|m| {
        let mut guard = m.borrow_mut();
        let m = guard.as_mut()?;
        m.flush_scheduled = false;
        Some((m.db.clone(), std::mem::take(&mut m.pending)))
    }) else {
        return;
    };
    if let Err(e) = write_all(&db, &batch).await {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
        let error = if name == "QuotaExceededError" { SaveError::Full } else { SaveError::Unavailable(format!("IndexedDB: {name}")) };
        // Called outside the borrow: the app's handler may write again.
        if let Some(f) = MIRROR.with(|m| m.borrow().as_ref().and_then(|m| m.on_failure.clone())) {
            f(error);
        }
    }
}

/// Bytes this origin uses and may use, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let p = leptos::prelude::window().navigator().storage().estimate().ok()?;
    let e: web_sys::StorageEstimate = JsFuture::from(p).await.ok()?.unchecked_into();
    Some((e.get_usage()?, e.get_quota()?))
}
