//! Downloads: hands a string to the browser as a file, with no server involved.

use gloo_file::{Blob, ObjectUrl};
use leptos::prelude::{document, set_timeout};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// Saves `content` as a file called `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    // The bytes go to the Blob as they are (UTF-8), with no JavaScript string in between.
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    document().body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Dropping the ObjectUrl revokes it, and revoking at once can cancel the download in some
    // engines: it is kept for a minute.
    set_timeout(move || drop(url), Duration::from_secs(60));
    Ok(())
}
