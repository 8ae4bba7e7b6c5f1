//! The page's two modules, and how one hands over to the other.
//!
//! A release page runs in two Wasm modules, so that a first visit carries only what its first
//! screens need:
//!
//! * the **first module** (`icp-advisor-web-<hash>_bg.wasm`: this crate built by Trunk with
//!   the feature `first-visit`, `cfg(first_visit)`) shows the start screen and the questions.
//!   Its rulebook is [`Rulebook::first_screens`](crate::rulebook::Rulebook::first_screens):
//!   the flows and their questions, with the texts of the `first` pack, and no advice.
//! * the **full module** is the library's Wasm (`icp-advisor-lib-<hash>_bg.wasm`, the feature
//!   `library`): the whole app (and the JS API). The loader fetches and compiles it in the
//!   background once the first screen is painted, with the reader's language's other texts,
//!   and the service worker caches it, so that a result never waits on the network. Once it
//!   is here, the loader warms it up when the page is idle ([`warm_up`](super::startup::warm_up):
//!   a result rendered off the page), so that a result does not wait on the browser compiling
//!   its code either.
//!
//! When the first module is to show a place it does not have (a result, the FAQ), it shows
//! [`Pending`] and calls the loader's `icpAdvisorHandOver(record)`: the loader waits for the full
//! module (at once, when it has it), stops the first module (`stopApp`) and starts the full one
//! with the [`record`] (`startApp(record)`), which opens at the page's address with the first
//! module's history and the place FAQ's Back returns to; the answers are in the address and
//! the storage already. If the full module cannot come (offline before it ever arrived), the
//! first module says so (`handOverFailed`) and offers to try again. A page opened at a result or
//! the FAQ starts the full module directly (`route::opens_in_full`, which the head script
//! follows); one the first module starts at anyway is handed over before anything happens
//! (an empty record).
//!
//! A debug build, the library and the single-file edition are the full module alone.

use super::state::State;
use crate::nav;
use crate::route::Route;
use crate::rulebook::RULEBOOK;

/// Whether this module shows a route itself (the first module: the start and the questions,
/// but a `full` question — a long list of options, such as the province — whose texts travel
/// in the `rest` pack, which the full module brings).
pub fn shows(route: &Route) -> bool {
    cfg!(not(first_visit))
        || match route {
            Route::Start => true,
            Route::Question { question, .. } => !crate::rulebook::RULEBOOK.questions[*question].full,
            _ => false,
        }
}

/// What the full module takes over from the first: the place the FAQ's Back returns to, then
/// the history entries the page made (each on a line of its own).
pub fn record(state: &State, entries: &[String]) -> String {
    let back = state.back_to.as_ref().map(crate::route::encode).unwrap_or_default();
    std::iter::once(back).chain(entries.iter().cloned()).collect::<Vec<_>>().join("\n")
}

/// Reads a [`record`]: the place the FAQ's Back returns to, and the history entries. `None`
/// when there is nothing to take over (a page the full module starts as if it were opened).
pub fn read(record: &str) -> Option<(Option<Route>, Vec<String>)> {
    if record.is_empty() {
        return None;
    }
    let mut lines = record.split('\n');
    let back = lines.next().filter(|b| !b.is_empty()).map(|b| nav::decode(&RULEBOOK, b).0);
    Some((back, lines.map(str::to_string).collect()))
}

/// The first module's side: the screen shown while the full module is on its way, and the
/// calls between the module and the loader.
#[cfg(first_visit)]
pub use first::*;

#[cfg(first_visit)]
mod first {
    use crate::i18n::fill;
    use crate::ui::context::use_ui;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use yew::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The loader's: waits for the full module, stops this one and starts the full one.
        #[wasm_bindgen(catch, js_name = icpAdvisorHandOver)]
        fn loader_hand_over(record: &str) -> Result<(), JsValue>;
    }

    thread_local! {
        /// The pending screen's way of hearing that the full module could not come.
        static FAILED: RefCell<Option<Callback<String>>> = const { RefCell::new(None) };
    }

    /// Asks the loader to hand the page over to the full module.
    pub fn hand_over(record: &str) {
        if let Err(e) = loader_hand_over(record) {
            failed(format!("{e:?}"));
        }
    }

    /// `handOverFailed(why)` for the loader: the full module could not be loaded.
    #[wasm_bindgen(js_name = handOverFailed)]
    pub fn failed(why: String) {
        gloo::console::warn!(format!("ICP Filing Advisor: the rest of the advisor did not load: {why}"));
        if let Some(cb) = FAILED.with(|f| f.borrow().clone()) {
            cb.emit(why);
        }
    }

    /// The screen for a place the full module shows, until it does: a line that appears only
    /// if it takes a moment; if the full module cannot come, why, and a way to try again. The
    /// answers are in the address and saved already.
    #[function_component(Pending)]
    pub fn pending() -> Html {
        let ui = use_ui();
        let s = ui.s();
        let failure = use_state(|| None::<String>);
        let record = super::record(&ui.state, &crate::ui::host::history::entries());
        {
            let (failure, record) = (failure.clone(), record.clone());
            use_effect_with((), move |()| {
                FAILED.with(|f| *f.borrow_mut() = Some(Callback::from(move |why| failure.set(Some(why)))));
                hand_over(&record);
                || FAILED.with(|f| *f.borrow_mut() = None)
            });
        }
        let retry = {
            let failure = failure.clone();
            Callback::from(move |_: MouseEvent| {
                failure.set(None);
                hand_over(&record);
            })
        };
        html! {
            <div class="screen pending" aria-busy={failure.is_none().to_string()}>
                if let Some(why) = &*failure {
                    <h1 id="main-heading" tabindex="-1">{ s.handover_failed_heading }</h1>
                    <p role="alert">{ fill(s.handover_failed, &[("detail", why)]) }</p>
                    <p class="actions">
                        <button type="button" class="button primary" onclick={retry}>{ s.handover_retry }</button>
                    </p>
                } else {
                    <p class="pending-line" role="status">{ s.handover_loading }</p>
                }
            </div>
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::route::encode;
    use crate::rulebook::{Lang, RULEBOOK};

    fn decode(fragment: &str) -> (Route, Vec<crate::route::Notice>) {
        nav::decode(&RULEBOOK, fragment)
    }
    use proptest::prelude::*;

    #[test]
    fn a_record_round_trips_the_place_faq_returns_to_and_the_entries() {
        let question = decode("#/need").0;
        let mut state = State::new(Route::Faq(None), Lang::SOURCE);
        state.back_to = Some(question.clone());
        let entries = vec!["#/".to_string(), encode(&question), "#/faq".to_string()];
        let (back, read_entries) = read(&record(&state, &entries)).expect("something to take over");
        assert_eq!(back, Some(question));
        assert_eq!(read_entries, entries);
        // Without a place to return to, and without entries: still something to take over.
        let state = State::new(Route::Start, Lang::SOURCE);
        assert_eq!(read(&record(&state, &["#/".to_string()])), Some((None, vec!["#/".to_string()])));
        // The empty record: a page the full module starts as if it were just opened.
        assert_eq!(read(""), None);
    }

    #[test]
    fn the_first_module_shows_the_start_and_the_questions_only() {
        // Natively (and in every build but the page's first module) every route is shown.
        for f in ["#/", "#/need", "#/faq", &format!("#/{}/result", RULEBOOK.flows[0].id)] {
            assert!(shows(&decode(f).0), "{f}");
        }
    }

    proptest! {
        /// The reader of a record never panics, whatever the loader passes.
        #[test]
        fn arbitrary_records_never_panic(s in any::<String>()) {
            let _ = read(&s);
        }
    }
}
