//! One file per screen. A screen imports only from the shared rooms of [`super`] (by their
//! paths: `crate::ui::context`, `crate::ui::widgets`, …), never from another screen.

pub mod faq;
pub mod question;
pub mod result;
pub mod start;
