//! Reading files the user opens or drops (their articles are read by the core, in Rust).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of a file picked or dropped by the user.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|_| "the browser could not read it".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Files dropped on the page.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let Some(list) = ev.data_transfer().and_then(|d| d.files()) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Files chosen in an `<input type=file>`; clears the input so the same file can be chosen again.
pub fn input_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Vec::new() };
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

/// Whether a file looks like an annotation file (JSON) rather than an article.
pub fn is_annotation_file(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".json") || name.ends_with(".jsonld") || name.ends_with(".conll") || file.type_().contains("json")
}
