//! Factmark: a pure, natively tested core (article, offsets, annotations, anchoring, formats)
//! and a thin browser UI in [`ui`], compiled only for wasm.

// `pub` only for what the entry points, examples and fuzz targets use; the rest is crate-private
// so that the dead-code lint reports what nothing but a test calls. That lint runs on the wasm
// build (`./x test` runs clippy for both targets): natively the UI, the core's main caller, is
// not compiled, so there everything it alone uses would look unused.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]
pub(crate) mod anchor;
pub mod annotation;
pub mod article;
pub mod format;
pub(crate) mod history;
pub mod html;
pub mod import;
pub(crate) mod mount_plan;
pub(crate) mod paint_plan;
pub(crate) mod persist;
pub(crate) mod segment;
pub(crate) mod sha256;
pub(crate) mod slug;
pub(crate) mod sort;
pub mod suggest;
pub mod text;
pub mod time;
pub mod worker;
pub mod workspace;

#[cfg(test)]
mod testing;

#[cfg(target_arch = "wasm32")]
pub mod ui;
