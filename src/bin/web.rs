//! The web app's entry point (built for wasm32 by Trunk): mounts the Yew app into `#app`.
//! Once its first render has replaced the static first screen it sets `data-app-ready` on
//! `<html>` (the end-to-end tests wait for it).

#[cfg(target_arch = "wasm32")]
fn main() {
    icp_advisor::ui::start();
}

/// The web binary is only meaningful on wasm32; natively it explains itself, so that
/// `cargo build --all-targets` keeps working.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("icp-advisor-web is the browser build: use `trunk serve` or `trunk build --release`.");
}
