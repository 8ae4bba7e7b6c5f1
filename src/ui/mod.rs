//! The Yew app. It renders what the engine returns (through [`crate::present`]); it holds no
//! rule logic. One reducer ([`state`]) changes the state; the [`host::Host`] owns what
//! differs between a page, a mounted advisor and a static render. The same components run in
//! the browser and render the static pages natively (see [`crate::site`]).
//!
//! Rooms: [`app`] is the shell around a screen; [`screens`] holds one file per screen, each
//! importing only from the shared rooms here ([`context`], [`widgets`], [`cite`], [`lens`],
//! [`lookup`], [`messages`], [`browser`], [`host`], [`state`]), never from another screen or
//! from this file. [`startup`] starts the app in the browser. The page's first
//! module is not this app but [`crate::first`] (see [`handover`]).

pub mod app;
pub mod browser;
pub(crate) mod cite;
pub mod context;
#[cfg(target_arch = "wasm32")]
mod crash;
#[cfg(target_arch = "wasm32")]
mod embed;
pub mod handover;
pub mod host;
mod lens;
mod lookup;
mod messages;
mod screens;
#[cfg(target_arch = "wasm32")]
mod startup;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod texts;
mod widgets;

pub use app::{title_of, App, AppProps};
pub use browser::Browser;
#[cfg(target_arch = "wasm32")]
pub use startup::{mount_into, page_props, start, start_app};
