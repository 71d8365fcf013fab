//! The browser UI: Leptos components over the pure core. Handlers make one core call each.

mod app;
mod article_view;
mod bench;
mod browser;
mod caret_keys;
mod check_editor;
mod details_form;
mod download;
mod files;
mod formats;
mod formats_worker;
mod idb;
mod label_map;
mod near_blocks;
mod notices;
mod panel;
mod report_view;
mod review_form;
mod selection;
mod shortcuts;
mod state;
mod storage;
mod suggestions;
mod toolbar;
mod topbar;

pub use app::{mount, serve_formats};
