//! The page's first module without Yew (issue 25, not yet shipped): what a first visit needs to
//! show the start screen and the questions, as HTML text set into `#app` by a small listener
//! (`src/bin/probe-first.rs`), with the same markup as the Yew app's components
//! (`tests/first_markup.rs` compares them). The full module (the Yew app) shows everything
//! else; this module hands the page over to it.

pub mod render;
