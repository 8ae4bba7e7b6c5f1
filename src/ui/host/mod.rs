//! Where the app runs, and everything that differs between the places: how it moves
//! (history or memory), what it saves, its title, its links, its share link and the events
//! it sends. Screens never ask which host they are in; they call these methods.
//!
//! * [`Host::Page`]: the whole page, or an iframe. The place lives in the address (so Back,
//!   Forward, bookmarks and share links work) and is saved in this browser.
//! * [`Host::Mounted`]: rendered into an element of another page (the JS `mount` API, the
//!   `<icp-advisor>` element). The place lives in memory; the host page's address, title and
//!   storage are untouched; changes and results are sent as events on the element.
//! * [`Host::Static`]: rendered to HTML by the release build. Nothing runs; links point into
//!   the app.
//!
//! Methods that reach the browser are only called from callbacks and effects, which never
//! run when the app is rendered to HTML natively.

use crate::nav;
use crate::present::Lens;
use crate::route::{self, EmbedOptions, Route};
use crate::rulebook::Lang;
#[cfg(target_arch = "wasm32")]
use crate::rulebook::LangExt;
use crate::rulebook::RULEBOOK;
use crate::ui::state::{Action, State};
use yew::Callback;

#[derive(Clone, Debug, PartialEq)]
pub enum Host {
    Page {
        options: EmbedOptions,
        /// The single-file edition: there are no static pages beside it.
        single_file: bool,
    },
    Mounted {
        /// The element the advisor was mounted into: events are sent on it.
        element: Option<web_sys::Element>,
        /// The folder the advisor's files are in (for links to its static pages).
        assets: Option<String>,
    },
    Static {
        /// Prefix of links into the app: `""` on `index.html` itself, `"./index.html"` on the
        /// static pages beside it.
        app: &'static str,
        /// The static page rendered (`faq`), whose language links lead to its other
        /// languages; `None` for the first screens inside `index.html`.
        page: Option<&'static str>,
        /// The embed mode's chrome (the first question of an embedded advisor).
        embedded: bool,
    },
}

impl Host {
    /// The link to a route, in a language (when one was chosen: else the reader's own applies)
    /// and lens.
    pub fn href(&self, route: &Route, lang: Option<Lang>, lens: Lens) -> String {
        let fragment = route::with_view(route::encode(route), lang, lens);
        match self {
            // The first screens in index.html are what shows without JavaScript or WebAssembly:
            // their FAQ links lead to the static FAQ page.
            Host::Static { page: None, .. } if *route == Route::Faq(None) => {
                self.static_page("faq", lang.unwrap_or_default()).unwrap_or(fragment)
            }
            Host::Static { app, .. } => format!("{app}{fragment}"),
            _ => fragment,
        }
    }

    /// The address of one of the advisor's static pages (`rules.html`, `faq.html`) in a
    /// language, where there is one.
    pub fn static_page(&self, page: &str, lang: Lang) -> Option<String> {
        let file = route::static_file(page, lang);
        match self {
            Host::Page { single_file: true, .. } => None,
            Host::Page { .. } | Host::Static { .. } => Some(format!("./{file}")),
            Host::Mounted { assets, .. } => assets.as_ref().map(|a| format!("{a}{file}")),
        }
    }

    /// The folder of the advisor's files (where the languages' texts are fetched from).
    pub fn assets(&self) -> Option<String> {
        match self {
            Host::Mounted { assets, .. } => assets.clone(),
            _ => Some("./".to_string()),
        }
    }

    pub fn is_embedded(&self) -> bool {
        matches!(self, Host::Page { options, .. } if options.embed)
            || matches!(self, Host::Static { embedded: true, .. })
    }

    /// Where a language switch leads when the app does not run (a static page): its own
    /// page in that language, or the app's start in that language.
    pub fn static_language_link(&self, state: &State, lang: Lang) -> Option<String> {
        match self {
            Host::Static { page: Some(page), .. } => self.static_page(page, lang),
            Host::Static { page: None, .. } => Some(self.href(&state.route, Some(lang), state.lens)),
            _ => None,
        }
    }

    pub fn is_mounted(&self) -> bool {
        matches!(self, Host::Mounted { .. })
    }

    /// Whether the app may offer to copy a link to where the person is.
    pub fn can_share(&self) -> bool {
        matches!(self, Host::Page { .. })
    }

    /// Moves to a route, as a new step in the history (or the memory).
    pub fn go(&self, route: Route, state: &State, dispatch: &Callback<Action>) {
        if let Host::Page { .. } = self {
            #[cfg(target_arch = "wasm32")]
            history::push(&self.href(&route, state.link_lang(), state.lens));
        }
        let _ = state;
        dispatch.emit(Action::Go(route));
    }

    /// Goes back to `route`: through the history when the previous entry is that route (so
    /// the browser's Back does not then lead forward again), else in place.
    pub fn back(&self, route: Route, state: &State, dispatch: &Callback<Action>) {
        if let Host::Page { .. } = self {
            #[cfg(target_arch = "wasm32")]
            if history::back_to(&self.href(&route, state.link_lang(), state.lens)) {
                return;
            }
            self.replace(&route, state);
        }
        dispatch.emit(Action::Go(route));
    }

    /// Updates the current history entry to `route` without a new step (the page host only).
    pub fn replace(&self, route: &Route, state: &State) {
        if let Host::Page { .. } = self {
            #[cfg(target_arch = "wasm32")]
            history::replace(&self.href(route, state.link_lang(), state.lens));
        }
        let _ = (route, state);
    }

    /// The person chose a view (language or lens): the page remembers it in this browser and
    /// names it in the address; a mounted advisor keeps it in memory only.
    pub fn remember_view(&self, state: &State) {
        if let Host::Page { .. } = self {
            #[cfg(target_arch = "wasm32")]
            {
                use crate::ui::browser::Browser;
                Browser::save_lang(state.lang.code());
                Browser::save_lens(state.lens.id());
            }
            self.replace(&state.route, state);
        }
    }

    /// The person starts the flow shown over: the page forgets the place saved for it — unless
    /// that is another place, kept until the person chooses between it and a link's (then it
    /// stays: only the link's answers are left).
    pub fn forget_saved(&self, state: &State) {
        if state.undecided_here().is_none() {
            if let Some(answers) = nav::answers_of(&RULEBOOK, &state.route) {
                self.discard_saved(answers.flow());
            }
        }
    }

    /// The ticks of a flow's checklist kept in this browser (the page only: a mounted advisor
    /// keeps them in memory, for as long as it shows the result).
    pub fn load_ticks(&self, flow: &str) -> std::collections::BTreeSet<String> {
        #[cfg(target_arch = "wasm32")]
        if let Host::Page { .. } = self {
            let stored = crate::ui::browser::Browser::load_ticks(flow).unwrap_or_default();
            return crate::ticks::decode(&stored).0;
        }
        let _ = flow;
        std::collections::BTreeSet::new()
    }

    pub fn save_ticks(&self, flow: &str, ticks: &std::collections::BTreeSet<String>) {
        #[cfg(target_arch = "wasm32")]
        if let Host::Page { .. } = self {
            crate::ui::browser::Browser::save_ticks(flow, &crate::ticks::encode(ticks));
        }
        let _ = (flow, ticks);
    }

    /// The person discards a flow's saved place (the start screen's Discard): the page forgets it.
    pub fn discard_saved(&self, flow: crate::rulebook::FlowIx) {
        #[cfg(target_arch = "wasm32")]
        if let Host::Page { .. } = self {
            crate::ui::browser::Browser::clear_saved(crate::rulebook::RULEBOOK.flows[flow].id);
        }
        let _ = flow;
    }

    /// After every change: the page saves the place and names it in the title and the
    /// document's language; a mounted advisor tells its element.
    pub fn sync(&self, state: &State, title: &str, outcome: Option<&crate::present::Outcome>) {
        #[cfg(target_arch = "wasm32")]
        match self {
            Host::Page { .. } => {
                use crate::ui::browser::Browser;
                // Each flow's place is saved under its own key; not over a saved place the
                // person has not yet chosen against the link's (`State::undecided`).
                if let (Some(answers), None) =
                    (nav::answers_of(&RULEBOOK, &state.route), state.undecided_here())
                {
                    let flow = crate::rulebook::RULEBOOK.flows[answers.flow()].id;
                    Browser::save(flow, &route::encode_saved(&state.route));
                }
                Browser::set_title(title);
                Browser::set_document_lang(state.lang.code());
            }
            #[cfg(any(feature = "library", debug_assertions))]
            Host::Mounted { element: Some(element), .. } => events::send(element, state, outcome),
            _ => {}
        }
        let _ = (state, title, outcome);
    }

    /// The link "Copy share link" copies (with the checklist's `ticks` when the person chose to
    /// include them), and whether it leads to the advisor alone (an iframe whose host page did
    /// not say its own address).
    pub fn share_link(
        &self,
        state: &State,
        ticks: &std::collections::BTreeSet<String>,
    ) -> Option<(String, bool)> {
        let Host::Page { options, .. } = self else { return None };
        let fragment = route::with_ticks(
            self.href(&nav::shareable(&RULEBOOK, &state.route), state.link_lang(), state.lens),
            ticks,
        );
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(page) = &options.host {
                return Some((format!("{}#icp-advisor={}", page, fragment.trim_start_matches('#')), false));
            }
            let here = crate::ui::browser::Browser::href();
            let base = here.split('#').next().unwrap_or_default().to_string();
            Some((format!("{base}{fragment}"), options.embed))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Some((fragment, options.embed))
        }
    }
}

#[cfg(target_arch = "wasm32")]
use crate::history;

/// The events a mounted advisor sends (only the library mounts one).
#[cfg(all(target_arch = "wasm32", any(feature = "library", debug_assertions)))]
mod events;

/// The page host's start-up: the first place (read from the address and this browser's storage) and following the address.
#[cfg(target_arch = "wasm32")]
pub mod page;
