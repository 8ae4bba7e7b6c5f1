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

use super::state::{Action, State};
use crate::report::Lens;
use crate::route::{self, EmbedOptions, Route};
use crate::rulebook::{Lang, LangExt};
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

/// The file name of a static page in a language: `faq.html`, `faq.zh-CN.html`.
pub fn static_file(page: &str, lang: Lang) -> String {
    if lang == Lang::SOURCE {
        format!("{page}.html")
    } else {
        format!("{page}.{}.html", lang.code())
    }
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
        let file = static_file(page, lang);
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
                use super::browser::Browser;
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
            if let Some(answers) = route::answers_of(&state.route) {
                self.discard_saved(answers.flow());
            }
        }
    }

    /// The ticks of a flow's checklist kept in this browser (the page only: a mounted advisor
    /// keeps them in memory, for as long as it shows the result).
    pub fn load_ticks(&self, flow: &str) -> std::collections::BTreeSet<String> {
        #[cfg(target_arch = "wasm32")]
        if let Host::Page { .. } = self {
            let stored = super::browser::Browser::load_ticks(flow).unwrap_or_default();
            return crate::ticks::decode(&stored).0;
        }
        let _ = flow;
        std::collections::BTreeSet::new()
    }

    pub fn save_ticks(&self, flow: &str, ticks: &std::collections::BTreeSet<String>) {
        #[cfg(target_arch = "wasm32")]
        if let Host::Page { .. } = self {
            super::browser::Browser::save_ticks(flow, &crate::ticks::encode(ticks));
        }
        let _ = (flow, ticks);
    }

    /// The person discards a flow's saved place (the start screen's Discard): the page forgets it.
    pub fn discard_saved(&self, flow: crate::rulebook::FlowIx) {
        #[cfg(target_arch = "wasm32")]
        if let Host::Page { .. } = self {
            super::browser::Browser::clear_saved(crate::rulebook::RULEBOOK.flows[flow].id);
        }
        let _ = flow;
    }

    /// After every change: the page saves the place and names it in the title and the
    /// document's language; a mounted advisor tells its element.
    pub fn sync(&self, state: &State, title: &str) {
        #[cfg(target_arch = "wasm32")]
        match self {
            Host::Page { .. } => {
                use super::browser::Browser;
                // Each flow's place is saved under its own key; not over a saved place the
                // person has not yet chosen against the link's (`State::undecided`).
                if let (Some(answers), None) = (route::answers_of(&state.route), state.undecided_here()) {
                    let flow = crate::rulebook::RULEBOOK.flows[answers.flow()].id;
                    Browser::save(flow, &route::encode_saved(&state.route));
                }
                Browser::set_title(title);
                Browser::set_document_lang(state.lang.code());
            }
            #[cfg(any(feature = "library", debug_assertions))]
            Host::Mounted { element: Some(element), .. } => events::send(element, state),
            _ => {}
        }
        let _ = (state, title);
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
            self.href(&route::shareable(&state.route), state.link_lang(), state.lens),
            ticks,
        );
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(page) = &options.host {
                return Some((format!("{}#icp-advisor={}", page, fragment.trim_start_matches('#')), false));
            }
            let here = super::browser::Browser::href();
            let base = here.split('#').next().unwrap_or_default().to_string();
            Some((format!("{base}{fragment}"), options.embed))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Some((fragment, options.embed))
        }
    }
}

/// The history entries the app itself made in this page (so that "Back" can tell whether the
/// previous entry is where it leads).
#[cfg(target_arch = "wasm32")]
pub mod history {
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    thread_local! {
        /// The addresses of the entries, by index; the current entry's index is in its state.
        static ENTRIES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    fn history() -> Option<web_sys::History> {
        web_sys::window()?.history().ok()
    }

    fn current_index() -> usize {
        history()
            .and_then(|h| h.state().ok())
            .and_then(|s| js_sys::Reflect::get(&s, &"icp".into()).ok())
            .and_then(|v| v.as_f64())
            .map_or(0, |v| v as usize)
    }

    fn state(i: usize) -> JsValue {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"icp".into(), &JsValue::from(i as f64));
        o.into()
    }

    /// Records the entry the page was opened at (index 0), with its canonical address if the
    /// page should show one.
    pub fn start(href: Option<&str>) {
        let here = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        ENTRIES.with(|e| *e.borrow_mut() = vec![href.map_or(here, str::to_string)]);
        if let Some(h) = history() {
            let _ = h.replace_state_with_url(&state(0), "", href);
        }
    }

    /// The addresses of the entries the page made, by index (for the full module, when the
    /// first hands the page over: see `ui::handover`).
    pub fn entries() -> Vec<String> {
        ENTRIES.with(|e| e.borrow().clone())
    }

    /// Takes over the entries another module of the page made (the current entry's index is
    /// in its state already).
    pub fn restore(entries: Vec<String>) {
        ENTRIES.with(|e| *e.borrow_mut() = entries);
    }

    /// Whether the page itself made an entry with this address: arriving there (Back,
    /// Forward) is the person's own way, not a link from outside.
    pub fn is_own(href: &str) -> bool {
        ENTRIES.with(|e| e.borrow().iter().any(|x| x == href))
    }

    pub fn push(href: &str) {
        let i = current_index() + 1;
        ENTRIES.with(|e| {
            let mut e = e.borrow_mut();
            e.truncate(i);
            e.resize(i, String::new());
            e.push(href.to_string());
        });
        if let Some(h) = history() {
            let _ = h.push_state_with_url(&state(i), "", Some(href));
        }
    }

    pub fn replace(href: &str) {
        let i = current_index();
        ENTRIES.with(|e| {
            let mut e = e.borrow_mut();
            if e.len() <= i {
                e.resize(i + 1, String::new());
            }
            e[i] = href.to_string();
        });
        if let Some(h) = history() {
            let _ = h.replace_state_with_url(&state(i), "", Some(href));
        }
    }

    /// The screen an address shows, without its answers and view (`#/need/cdn`; `` for the start).
    fn screen(href: &str) -> &str {
        href.split('?').next().unwrap_or_default().trim_start_matches(['#', '/'])
    }

    /// Goes back one entry if that entry shows the screen of `href` (it was recorded with the
    /// answers given up to then); returns whether it did. The entry then shows `href`, with
    /// every answer given since (see [`take_pending`]).
    pub fn back_to(href: &str) -> bool {
        let i = current_index();
        let previous = ENTRIES.with(|e| if i > 0 { e.borrow().get(i - 1).cloned() } else { None });
        if previous.as_deref().map(screen) == Some(screen(href)) {
            if let Some(h) = history() {
                if h.back().is_ok() {
                    PENDING.with(|p| *p.borrow_mut() = Some(href.to_string()));
                    return true;
                }
            }
        }
        false
    }

    thread_local! {
        /// Where a Back through the history leads, until the page arrives there.
        static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// After a Back through the history: the address it leads to, which replaces the entry's
    /// own (so the answers given since are kept, and the next Back finds its entry too).
    pub fn take_pending() -> Option<String> {
        let href = PENDING.with(|p| p.borrow_mut().take())?;
        replace(&href);
        Some(href)
    }
}

/// Events a mounted advisor sends on its element (they bubble and cross shadow roots):
/// `icp-advisor-change` with the answers on every move, `icp-advisor-result` with the advice
/// (the JSON of `icp-advisor evaluate`) when a result is shown.
/// The events a mounted advisor sends (only the library mounts one).
#[cfg(all(target_arch = "wasm32", any(feature = "library", debug_assertions)))]
mod events {
    use super::super::state::State;
    use crate::report::advise;
    use crate::route::Route;
    use crate::rulebook::RULEBOOK;
    use serde::Serialize;

    fn send_one(element: &web_sys::Element, name: &str, detail: &wasm_bindgen::JsValue) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = element.dispatch_event(&event);
        }
    }

    fn js<T: Serialize>(value: &T) -> wasm_bindgen::JsValue {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or(wasm_bindgen::JsValue::NULL)
    }

    pub fn send(element: &web_sys::Element, state: &State) {
        let (answers, complete) = match &state.route {
            Route::Question { answers, .. } => (answers, false),
            Route::Result(answers) => (answers, true),
            _ => return,
        };
        #[derive(Serialize)]
        struct Change {
            #[serde(flatten)]
            answers: crate::answers::AnswersInput,
            complete: bool,
        }
        send_one(
            element,
            "icp-advisor-change",
            &js(&Change { answers: answers.to_input(&RULEBOOK), complete }),
        );
        if complete {
            send_one(element, "icp-advisor-result", &js(&advise(&RULEBOOK, answers, state.lang, state.lens)));
        }
    }
}
