//! Entry point of the formats worker, a second wasm module the page starts when it first needs
//! a web page read, another tool's file imported, an export written or a suggestion made (see
//! `ui/formats_worker.rs`; the protocol is `factmark::worker`). Natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    factmark::ui::serve_formats();
}
