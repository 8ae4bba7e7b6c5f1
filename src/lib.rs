//! ICP Filing Advisor: a cited model of the Alibaba Cloud ICP FAQ (issue 20190619) and a
//! pure-Rust engine that turns a person's answers into advice. See `ARCHITECTURE.md`.

pub mod answers;
pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
pub mod engine;
pub mod first;
#[cfg(not(target_arch = "wasm32"))]
pub mod flowgraph;
// (The page's first module, `cfg(first_visit)`: the release Wasm built with the feature
// `first-visit`, has no Yew app: see src/first/page.rs and build.rs.)
#[cfg(not(first_visit))]
pub mod head;
#[cfg(target_arch = "wasm32")]
pub mod history;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod input;
/// The JS API (`evaluate`, `questions`, `mount`, …): in the library's Wasm (`--features
/// library`, loaded by `icp-advisor.js`) and in every debug build, not in the page's Wasm.
#[cfg(all(target_arch = "wasm32", any(feature = "library", debug_assertions)))]
pub mod js_api;
pub mod json;
pub mod nav;
pub mod paths;
pub mod present;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod review;
pub mod route;
pub mod rulebook;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod storage;
#[cfg(not(target_arch = "wasm32"))]
pub mod style;
#[cfg(target_arch = "wasm32")]
pub mod texts_loader;
pub mod ticks;
#[cfg(not(first_visit))]
pub mod ui;
pub mod wording;
