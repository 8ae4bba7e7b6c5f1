//! ICP Filing Advisor: a cited model of the Alibaba Cloud ICP FAQ (issue 20190619) and a
//! pure-Rust engine that turns a person's answers into advice. See `ARCHITECTURE.md`.

pub mod rulebook;
pub mod answers;
pub mod i18n;
pub mod engine;
pub mod paths;
pub mod check;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod input;
pub mod route;
#[cfg(target_arch = "wasm32")]
pub mod js_api;
#[cfg(target_arch = "wasm32")]
pub mod ui;
