//! One file per screen. A screen imports only from the shared rooms of [`super`] (by their
//! paths: `crate::ui::context`, `crate::ui::widgets`, …), never from another screen.

#[cfg(not(first_visit))]
pub mod faq;
pub mod question;
#[cfg(not(first_visit))]
pub mod result;
pub mod start;
