//! Factmark: a pure, natively tested core (article, offsets, annotations, anchoring, formats)
//! and a thin browser UI in [`ui`], compiled only for wasm.

pub mod anchor;
pub mod annotation;
pub mod article;
pub mod format;
pub mod history;
pub mod html;
pub mod import;
pub mod mount_plan;
pub mod paint_plan;
pub mod persist;
pub mod segment;
pub mod sha256;
pub mod slug;
pub mod suggest;
pub mod text;
pub mod time;
pub mod worker;
pub mod workspace;

#[cfg(test)]
mod testing;

#[cfg(target_arch = "wasm32")]
pub mod ui;
