//! Entry point: mounts the browser UI. Natively there is nothing to run; see `cargo test`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    factmark::ui::mount();
}
