//! The page's first module without Yew: what a first visit needs to show the start screen and
//! the questions. [`render`] writes their markup as HTML text (the same as the Yew app's
//! components: `tests/first_markup.rs` compares them), natively testable; [`page`] runs it in
//! the browser and hands the page to the full module (the Yew app) for everything else.

pub mod render;

#[cfg(first_visit)]
pub mod page;
