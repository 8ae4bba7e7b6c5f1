//! The web app's entry point (built for wasm32 by Trunk): mounts the Yew app into `#app`
//! (built with `--features library` for `icp-advisor.js`, it starts nothing by itself).
//! Once its first render has replaced the static first screen it sets `data-app-ready` on
//! `<html>` (the end-to-end tests wait for it).

#[cfg(all(target_arch = "wasm32", not(feature = "library")))]
fn main() {
    icp_advisor::ui::start();
}

/// The library's Wasm (`icp-advisor.js`) starts nothing by itself: the page that loads it
/// decides (`mount()`, or `startApp()` in the single-file edition).
#[cfg(all(target_arch = "wasm32", feature = "library"))]
fn main() {
    // Names one export so that the library crate, whose `#[wasm_bindgen]` exports are the
    // API, is linked at all (a `main` that names nothing of it leaves a Wasm without them).
    std::hint::black_box(icp_advisor::js_api::start_app as fn());
}

/// The web binary is only meaningful on wasm32; natively it explains itself, so that
/// `cargo build --all-targets` keeps working.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("icp-advisor-web is the browser build: use `trunk serve` or `trunk build --release`.");
}
