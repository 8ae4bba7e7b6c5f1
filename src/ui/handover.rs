//! The page's two modules, and how one hands over to the other.
//!
//! A release page runs in two Wasm modules, so that a first visit carries only what its first
//! screens need:
//!
//! * the **first module** (`icp-advisor-web-<hash>_bg.wasm`: this crate built by Trunk with
//!   the feature `first-visit`) is [`crate::first`], without Yew: it shows the start screen and
//!   the questions. Its rulebook is
//!   [`Rulebook::first_screens`](crate::rulebook::Rulebook::first_screens): the flows and their
//!   questions, with the texts of the `first` pack, and no advice.
//! * the **full module** is the library's Wasm (`icp-advisor-lib-<hash>_bg.wasm`, the feature
//!   `library`): this Yew app (and the JS API). The loader fetches and compiles it in the
//!   background once the first screen is painted, with the reader's language's other texts,
//!   and the service worker caches it, so that a result never waits on the network. Once it
//!   is here, the loader warms it up when the page is idle ([`warm_up`](super::startup::warm_up):
//!   a result rendered off the page), so that a result does not wait on the browser compiling
//!   its code either.
//!
//! When the first module is to show a place it does not (a result, the FAQ, another language,
//! a saved place to resume: see `first::page`), it shows a pending screen and calls the loader's
//! `icpAdvisorHandOver(record)`: the loader waits for the full module (at once, when it has it),
//! stops the first module (`stopApp`) and starts the full one with the record (`history::record`)
//! (`startApp(record)`), which opens at the page's address with the first module's history and
//! the place FAQ's Back returns to; the answers are in the address and the storage already. If
//! the full module cannot come (offline before it ever arrived), the first module says so
//! (`handOverFailed`) and offers to try again. A page opened at a result or the FAQ starts the
//! full module directly (`route::opens_in_full`, which the head script follows); one the first
//! module starts at anyway is handed over before anything happens (an empty record).
//!
//! A debug build, the library and the single-file edition are the full module alone.

use crate::nav;
use crate::route::Route;
use crate::rulebook::RULEBOOK;

/// Reads a record (`history::record`, which the first module writes): the place the FAQ's Back
/// returns to, and the history entries. `None` when there is nothing to take over (a page the
/// full module starts as if it were opened).
pub fn read(record: &str) -> Option<(Option<Route>, Vec<String>)> {
    if record.is_empty() {
        return None;
    }
    let mut lines = record.split('\n');
    let back = lines.next().filter(|b| !b.is_empty()).map(|b| nav::decode(&RULEBOOK, b).0);
    Some((back, lines.map(str::to_string).collect()))
}
