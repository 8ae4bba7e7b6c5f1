//! The web app's Wasm (built for wasm32 by Trunk, and with `--features library` for
//! `icp-advisor.js`). It starts nothing by itself: the page's loader calls `startApp()` (see
//! `ui::start_app`), which mounts the Yew app into `#app`; once its first render has replaced
//! the static first screen it sets `data-app-ready` on `<html>` (the end-to-end tests wait for
//! it). A page that loads the library calls `mount()` instead.

#[cfg(all(target_arch = "wasm32", feature = "first-visit"))]
#[global_allocator]
// SAFETY: the page's Wasm runs on one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    // Names an export so that the library crate, whose `#[wasm_bindgen]` exports these are, is
    // linked at all (a `main` that names nothing of it leaves a Wasm without them). The first
    // module is `first::page`, without Yew; the full module (and the library) the Yew app.
    #[cfg(first_visit)]
    std::hint::black_box(icp_advisor::first::page::start_app as fn(Option<String>));
    #[cfg(not(first_visit))]
    std::hint::black_box(icp_advisor::ui::start_app as fn(Option<String>));
}

/// The web binary is only meaningful on wasm32; natively it explains itself, so that
/// `cargo build --all-targets` keeps working.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("icp-advisor-web is the browser build: use `trunk serve` or `trunk build --release`.");
}
