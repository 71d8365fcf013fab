//! IndexedDB behind the core's synchronous `Store`. localStorage holds about 5 MB per origin;
//! IndexedDB holds as much as the disk allows. Every Factmark key is read into memory once at
//! start (as JavaScript strings, converted only when read); reads are served from that copy, and writes go to the copy at once and to IndexedDB
//! in one transaction per batch, right after the current task. A failed transaction is
//! reported to the app (`on_failure`), which then writes everything again at its next save.

use crate::persist::SaveError;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "factmark";
const STORE: &str = "kv";
/// Set once the keys of localStorage were copied over and read back.
const MIGRATED: &str = "factmark:migrated-from-localstorage";

struct Mirror {
    db: IdbDatabase,
    items: js_sys::Map,
    /// Writes (a value) and removals (none) not yet handed to IndexedDB, in order.
    pending: Vec<(String, Option<String>)>,
    flush_scheduled: bool,
    on_failure: Option<Rc<dyn Fn(SaveError)>>,
}

thread_local! {
    static MIRROR: RefCell<Option<Mirror>> = const { RefCell::new(None) };
}

/// Resolves when `req` succeeds, with its result.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    req.result()
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
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let db: Option<IdbDatabase> = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
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

/// Every key and value of the store.
async fn read_all(db: &IdbDatabase) -> Result<js_sys::Map, JsValue> {
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
    let store = tx.object_store(STORE)?;
    let keys: js_sys::Array = done(&store.get_all_keys()?).await?.dyn_into()?;
    let values: js_sys::Array = done(&store.get_all()?).await?.dyn_into()?;
    let map = js_sys::Map::new();
    for (k, v) in keys.iter().zip(values.iter()) {
        map.set(&k, &v);
    }
    Ok(map)
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
    let mut items = read_all(&db).await?;
    if !items.has(&MIGRATED.into()) {
        let mut copy = local_storage_items();
        copy.push((MIGRATED.to_string(), Some(format!("{} keys", copy.len()))));
        write_all(&db, &copy).await?;
        items = read_all(&db).await?;
        let verified = copy.iter().all(|(k, v)| items.get(&k.into()).as_string() == *v);
        if !verified {
            return Err("the copy from localStorage did not read back the same".into());
        }
    }
    MIRROR.with(|m| *m.borrow_mut() = Some(Mirror { db, items, pending: Vec::new(), flush_scheduled: false, on_failure: None }));
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
