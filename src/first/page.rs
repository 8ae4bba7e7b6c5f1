//! The page's first module (`src/bin/web.rs` with the feature `first-visit`): the start
//! screen and the questions, without Yew. [`render`](super::render) writes their markup
//! (the same as the Yew app's, `tests/first_markup.rs`), set with `innerHTML` into
//! `#app > [data-live]`; one delegated listener (`submit`, `click`) on `#app` plus
//! `popstate`/`hashchange` on the window move between them, keeping the history entries the
//! Yew app keeps and saving the place under the same keys ([`crate::storage`]). Whatever else
//! the page shows — a result, the FAQ, a `full` question, another language, the embed mode, a
//! link's notices, a saved place to resume or choose — is handed to the full module (the Yew
//! app) through the loader's `icpAdvisorHandOver` (see `ui::handover`, and `web/loader.js`).
//! Exports what the loader calls: `startApp`, `stopApp`, `handOverFailed`.

use crate::first::render::{self, View};
use crate::history;
use crate::nav;
use crate::present::Lens;
use crate::route::{self, Route};
use crate::rulebook::{Lang, LangExt, RULEBOOK};
use crate::storage;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The loader's: waits for the full module, stops this one and starts the full one.
    #[wasm_bindgen(catch, js_name = icpAdvisorHandOver)]
    fn loader_hand_over(record: &str) -> Result<(), JsValue>;
}

/// What the page shows, and what it needs to move on.
struct St {
    route: Route,
    /// The language shown (its texts are here: the source language's are built in, another's
    /// `first` pack is fetched, see `crate::texts_loader`).
    lang: Lang,
    lens: Lens,
    /// Whether the person chose the language (links then name it).
    lang_chosen: bool,
    /// Handing the page over whatever it shows (an address this page did not make).
    leaving: bool,
    /// The flow chosen on the start screen.
    chosen_flow: usize,
    /// "Choose one of the options" shown on the question.
    error: bool,
    /// The place the FAQ's Back returns to (for the handover record).
    back_to: Option<Route>,
    /// Handing over: `Some(None)` while waiting, `Some(Some(why))` when it failed.
    pending: Option<Option<String>>,
}

type Listener = Closure<dyn FnMut(web_sys::Event)>;

thread_local! {
    static ST: RefCell<Option<St>> = const { RefCell::new(None) };
    /// The listeners (on `#app` and on the window), kept alive until `stopApp`.
    static LISTENERS: RefCell<Vec<(web_sys::EventTarget, &'static str, Listener)>> =
        const { RefCell::new(Vec::new()) };
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

fn app_root() -> Option<web_sys::Element> {
    document().get_element_by_id("app")
}

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

// ---- moving -------------------------------------------------------------------------

fn href(st: &St, r: &Route) -> String {
    route::with_view(route::encode(r), st.lang_chosen.then_some(st.lang), st.lens)
}

/// Shows `to` as a new step in the history.
fn go(st: &mut St, to: Route) {
    history::push(&href(st, &to));
    arrive(st, to);
}

/// "Back": through the history when the previous entry is that screen, else in place.
fn back(st: &mut St, to: Route) {
    let h = href(st, &to);
    // (Through the history, the entry is updated to `h` when `popstate` arrives.)
    if !history::back_to(&h) {
        history::replace(&h);
        arrive(st, to);
    }
}

fn arrive(st: &mut St, to: Route) {
    st.back_to = nav::faq_back(&st.route, &to, st.back_to.take());
    if let Route::Question { answers, .. } | Route::Result(answers) = &to {
        st.chosen_flow = answers.flow();
    }
    st.route = to;
    st.error = false;
    render(st, true);
}

/// The address changed (Back, Forward, an edited fragment): the place it decodes to.
fn arrived() {
    with_state(|st| {
        // (After a Back through the history, the entry shows the place with every answer given
        // since.)
        let pending = history::take_pending();
        let fragment = pending.clone().unwrap_or_else(hash);
        let (to, notices) = nav::decode(&RULEBOOK, &fragment);
        st.lens = route::lens_param(&fragment).unwrap_or(st.lens);
        // An address this page did not make (an edited fragment, a link followed in the
        // page) may have notices, or a place to choose against a saved one: the full
        // module shows it, as when the page is opened at a link.
        let own = pending.is_some() || history::is_own(&fragment);
        if !own || !notices.is_empty() {
            st.route = to;
            st.leaving = true;
            render(st, false);
            return;
        }
        if pending.is_none() && to == st.route && st.pending.is_none() {
            // (`popstate` and `hashchange` both follow one traversal.)
            return;
        }
        arrive(st, to);
    });
}

/// A link names a language other than the one shown: the full module loads its texts (a link
/// this page made names the language it shows).
fn other_language(st: &St, fragment: &str) -> bool {
    matches!(route::lang_param(fragment), Some(Ok(l)) if l != st.lang)
}

/// What the full module takes over (`history::record`, read by `ui::handover::read`): the place
/// the FAQ's Back returns to, then the history entries this page made.
fn record(st: &St) -> String {
    history::record(st.back_to.as_ref())
}

fn hand_over(st: &St) {
    if let Err(e) = loader_hand_over(&record(st)) {
        failed(format!("{e:?}"));
    }
}

/// A fault in this module (a bug): said in the console, and the page handed to the full module,
/// which shows the place (the address and the storage hold it) or, failing too, its crash panel.
/// (The state may be borrowed where the fault happened: then the history is not handed over.)
fn on_panic(info: &std::panic::PanicHookInfo) {
    web_sys::console::error_1(&format!("ICP Filing Advisor: {info}").into());
    let record = ST.try_with(|s| s.try_borrow().ok().and_then(|s| s.as_ref().map(record))).ok().flatten();
    let _ = loader_hand_over(&record.unwrap_or_default());
}

/// `handOverFailed(why)` for the loader: the full module could not be loaded.
#[wasm_bindgen(js_name = handOverFailed)]
pub fn failed(why: String) {
    web_sys::console::warn_1(
        &format!("ICP Filing Advisor: the rest of the advisor did not load: {why}").into(),
    );
    // (Called from within `hand_over`, the state may be borrowed: then it is set afterwards.)
    FAILED.with(|f| *f.borrow_mut() = Some(why));
    let _ = ST.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            if let Some(st) = s.as_mut() {
                take_failure(st);
                render(st, false);
            }
        }
    });
}

thread_local! {
    static FAILED: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn take_failure(st: &mut St) {
    if let Some(why) = FAILED.with(|f| f.borrow_mut().take()) {
        st.pending = Some(Some(why));
    }
}

fn with_state(f: impl FnOnce(&mut St)) {
    ST.with(|s| {
        if let Some(st) = s.borrow_mut().as_mut() {
            f(st);
        }
    });
    // A handover that failed at once, while the state was borrowed.
    if FAILED.with(|f| f.borrow().is_some()) {
        ST.with(|s| {
            if let Some(st) = s.borrow_mut().as_mut() {
                take_failure(st);
                render(st, false);
            }
        });
    }
}

// ---- events -------------------------------------------------------------------------

fn on_submit(e: &web_sys::Event) {
    let Some(form) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    e.prevent_default();
    let value = form
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .and_then(|i| i.get_attribute("value"));
    with_state(|st| {
        // The chosen option's index (its `value` is its id).
        let checked = value.as_deref().and_then(|v| match &st.route {
            Route::Start => RULEBOOK.flows.iter().position(|f| f.id == v),
            Route::Question { question, .. } => {
                RULEBOOK.questions[*question].options.iter().position(|o| o.id == v)
            }
            _ => None,
        });
        on_answer(st, checked)
    });
}

fn on_answer(st: &mut St, checked: Option<usize>) {
    match (st.route.clone(), checked) {
        (Route::Start, Some(flow)) if flow < RULEBOOK.flows.len() => {
            st.chosen_flow = flow;
            go(st, nav::start_flow(&RULEBOOK, flow));
        }
        (Route::Start, _) => go(st, nav::start_flow(&RULEBOOK, st.chosen_flow)),
        (Route::Question { answers, question, changing }, Some(o))
            if o < RULEBOOK.questions[question].options.len() =>
        {
            // The answer goes into this screen's own entry first, so that the browser's
            // Back returns to it with the choice still made.
            let mut here = answers;
            here.set(question, o);
            history::replace(&href(st, &Route::Question { answers: here, question, changing }));
            go(st, nav::answer(&RULEBOOK, &answers, question, o, changing));
        }
        (Route::Question { .. }, _) => {
            st.error = true;
            render(st, false);
            if let Some(first) = app_root()
                .and_then(|r| r.query_selector("input[type=radio]").ok().flatten())
                .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = first.focus();
            }
        }
        _ => {}
    }
}

/// Choosing an option clears the question's error (as the Yew screen does), in place: the
/// choice and the focus stay.
fn on_change(_: &web_sys::Event) {
    with_state(|st| {
        let Route::Question { question, .. } = st.route else { return };
        if !st.error {
            return;
        }
        st.error = false;
        let id = RULEBOOK.questions[question].id;
        let Some(root) = app_root() else { return };
        if let Some(fieldset) = root.query_selector("form fieldset").ok().flatten() {
            let _ = fieldset.remove_attribute("class");
            let _ = fieldset.set_attribute("aria-describedby", &format!("{id}-help"));
        }
        if let Some(message) = root.query_selector(".error-message").ok().flatten() {
            message.set_text_content(None);
        }
    });
}

fn on_click(e: &web_sys::Event) {
    let Some(m) = e.dyn_ref::<web_sys::MouseEvent>() else { return };
    if m.button() != 0 || m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key() {
        return;
    }
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("a[href^='#'], button").ok().flatten())
    else {
        return;
    };
    if el.tag_name() == "BUTTON" {
        // The language switch: once the language's texts are here, the same place in it, the
        // focus kept on the switch; the choice is kept (as `ui::host::Host::remember_view`) and
        // named in the address. If the texts cannot come, the full module says so.
        if let Some(lang) = el
            .get_attribute("lang")
            .filter(|_| el.class_list().contains("lang-switch"))
            .and_then(|code| Lang::parse(&code))
        {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = crate::texts_loader::load(lang, Some("./")).await;
                with_state(|st| {
                    if st.pending.is_some() {
                        return;
                    }
                    if loaded.is_ok() {
                        st.lang = lang;
                        st.lang_chosen = true;
                        store(|s| s.set_item(storage::LANG_KEY, lang.code()));
                        store(|s| s.set_item(storage::LENS_KEY, st.lens.id()));
                    }
                    let h = route::with_view(route::encode(&st.route), Some(lang), st.lens);
                    history::replace(&h);
                    render(st, false);
                    if let Some(switch) = app_root()
                        .and_then(|r| r.query_selector(".lang-switch").ok().flatten())
                        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = switch.focus();
                    }
                });
            });
            return;
        }
        if el.get_attribute("type").as_deref() == Some("submit") {
            return;
        }
        // The retry of a handover that failed.
        with_state(|st| {
            st.pending = Some(None);
            render(st, false);
            hand_over(st);
        });
        return;
    }
    let target = el.get_attribute("href").unwrap_or_default();
    if target == "#main" {
        e.prevent_default();
        focus_heading();
        return;
    }
    e.prevent_default();
    // (The question's Back is the one link in its form.)
    let is_back = el.closest("form").ok().flatten().is_some();
    with_state(|st| {
        if other_language(st, &target) {
            history::push(&target);
            render(st, true);
            return;
        }
        let (to, _notices) = nav::decode(&RULEBOOK, &target);
        if is_back {
            back(st, to);
        } else {
            go(st, to);
        }
    });
}

fn listen(target: &web_sys::EventTarget, kind: &'static str, f: fn(&web_sys::Event)) {
    let closure = Listener::new(move |e: web_sys::Event| f(&e));
    let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    LISTENERS.with(|l| l.borrow_mut().push((target.clone(), kind, closure)));
}

// ---- showing ------------------------------------------------------------------------

fn focus_heading() {
    if let Some(h) =
        document().get_element_by_id("main-heading").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}

/// Renders the app into `#app` (as the Yew app's `<div data-live>`), names the place in the
/// title and saves it (as `ui::host::Host::sync`); after a move, the heading takes the focus.
/// What the full module shows (a result, the FAQ, a `full` question, another language) is
/// handed over; back from there, this module shows the place again.
fn render(st: &mut St, moved: bool) {
    let mut hand = false;
    if st.leaving || !render::shows(&st.route) || other_language(st, &hash()) {
        if st.pending.is_none() {
            st.pending = Some(None);
            hand = true;
        }
    } else {
        st.pending = None;
    }
    let html = render::app(&View {
        route: &st.route,
        lang: st.lang,
        link_lang: st.lang_chosen.then_some(st.lang),
        lens: st.lens,
        chosen_flow: st.chosen_flow,
        error: st.error,
        pending: st.pending.as_ref().map(|p| p.as_deref()),
    });
    if let Some(root) = app_root() {
        root.set_inner_html("<div data-live></div>");
        if let Some(live) = root.first_element_child() {
            live.set_inner_html(&html);
        }
    }
    document().set_title(&render::title(&st.route, st.lang));
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", st.lang.code());
    }
    // (A place handed over is saved too, as the page's own: the full module then finds it saved
    // and does not offer a choice between it and a link's answers. Not an address this page did
    // not make: the full module decides about that one.)
    if let Some(answers) = nav::answers_of(&RULEBOOK, &st.route).filter(|_| !st.leaving) {
        store(|s| {
            s.set_item(
                &storage::place_key(RULEBOOK.flows[answers.flow()].id),
                &route::encode_saved(&st.route),
            )
        });
    }
    if moved {
        focus_heading();
    }
    if hand {
        hand_over(st);
    }
}

/// Does something with `localStorage`, if it can be used.
fn store(f: impl FnOnce(&web_sys::Storage) -> Result<(), JsValue>) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = f(&s);
    }
}

// ---- the loader's entry points ------------------------------------------------------

/// What this browser keeps that only the full module reads: a saved place (offered for
/// resuming, or to choose against a link's), a release other than this one (said in a
/// notice), or storage that cannot be used (said too). `None` when nothing of it is there.
fn kept_for_full() -> Option<&'static str> {
    let Some(s) = window().local_storage().ok().flatten() else { return Some("storage unavailable") };
    let has = |key: &str| s.get_item(key).map(|v| v.is_some()).unwrap_or(true);
    if has(storage::PLACE_KEY) || RULEBOOK.flows.iter().any(|f| has(&storage::place_key(f.id))) {
        return Some("a saved place");
    }
    match s.get_item(storage::RELEASE_KEY) {
        Ok(Some(r)) if r != storage::release_id() => Some("another release"),
        Ok(_) => None,
        Err(_) => Some("storage unavailable"),
    }
}

/// The flow chosen on the static first screen before this module started (as
/// `ui::browser::Browser::static_choice`).
fn static_choice() -> Option<usize> {
    let shown = document().document_element()?.get_attribute("data-first-screen")?;
    if !shown.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
        return None;
    }
    let selector = format!("[data-prerendered][data-first-screen=\"{shown}\"] input[name=flow]:checked");
    let value = document().query_selector(&selector).ok()??.get_attribute("value")?;
    RULEBOOK.flows.iter().position(|f| f.id == value)
}

/// `startApp(record)` for the loader (the first module is never handed a record). The page
/// is handed to the full module at once, before anything is read or saved, when this module
/// would not show it as the Yew app does: a place it does not show, another language, the
/// embed mode, a link with something to say about it (a notice), or anything this browser keeps
/// that the full module reads (`kept_for_full`). The crash panel's self-test is a fault.
#[wasm_bindgen(js_name = startApp)]
pub fn start_app(_record: Option<String>) {
    std::panic::set_hook(Box::new(on_panic));
    let Some(root) = app_root() else { return };
    let fragment = hash();
    let search = window().location().search().unwrap_or_default();
    let options = route::EmbedOptions::parse(&search);
    let (decoded, notices) = nav::decode(&RULEBOOK, &fragment);
    let saved_lang =
        window().local_storage().ok().flatten().and_then(|s| s.get_item(storage::LANG_KEY).ok().flatten());
    let navigator = window().navigator();
    let mut preferred: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if preferred.is_empty() {
        preferred.extend(navigator.language());
    }
    let (lang, lang_chosen, unknown) =
        route::choose_lang(&fragment, &options, saved_lang.as_deref(), &preferred);
    if fragment.starts_with("#/__panic") {
        // The crash panel's self-test (`ui::crash::SELF_TEST_FRAGMENT`): a fault here first, so
        // that it tests this module's way out too (`on_panic`), then the full module's panel.
        panic!("deliberate panic: the self-test of the crash panel, in the first module");
    }
    let why = if !render::shows(&decoded) {
        Some("a place the full module shows")
    } else if unknown.is_some() || route::lang_param(&search).is_some() {
        Some("another language")
    } else if options.embed || options.flow.is_some() {
        Some("the embed mode")
    } else if !notices.is_empty() {
        Some("a notice on the link")
    } else {
        kept_for_full()
    };
    if why.is_some() {
        if let Err(e) = loader_hand_over("") {
            web_sys::console::warn_1(&e);
        }
        return;
    }
    if RULEBOOK.has_texts(lang) {
        begin(root, fragment, decoded, lang, lang_chosen);
    } else {
        // The static first screen stays, in the reader's language, until its texts are here
        // (a choice made on it meanwhile counts); if they cannot come, the full module says so.
        wasm_bindgen_futures::spawn_local(async move {
            match crate::texts_loader::load(lang, Some("./")).await {
                Ok(()) => begin(root, hash(), nav::decode(&RULEBOOK, &hash()).0, lang, lang_chosen),
                Err(why) => {
                    web_sys::console::warn_1(&format!("ICP Filing Advisor: texts not loaded: {why}").into());
                    if let Err(e) = loader_hand_over("") {
                        web_sys::console::warn_1(&e);
                    }
                }
            }
        });
    }
}

/// Shows the place the address names, in `lang`, and listens.
fn begin(root: web_sys::Element, fragment: String, decoded: Route, lang: Lang, lang_chosen: bool) {
    store(|s| s.set_item(storage::RELEASE_KEY, &storage::release_id()));
    let saved_lens =
        window().local_storage().ok().flatten().and_then(|s| s.get_item(storage::LENS_KEY).ok().flatten());
    let route = nav::shareable(&RULEBOOK, &decoded);
    let lens = route::lens_param(&fragment)
        .or_else(|| saved_lens.as_deref().and_then(Lens::parse))
        .unwrap_or_default();
    let html = document().document_element();
    let chosen_flow = match &route {
        Route::Start => static_choice().unwrap_or(0),
        r => nav::answers_of(&RULEBOOK, r).map_or(0, |a| a.flow()),
    };
    let mut st = St {
        chosen_flow,
        route,
        lang,
        lens,
        lang_chosen,
        leaving: false,
        error: false,
        back_to: None,
        pending: None,
    };
    // The address names the place as understood (corrected, without unused answers).
    let canonical = (st.route != Route::Start || !fragment.trim_start_matches(['#', '/']).is_empty())
        .then(|| href(&st, &st.route));
    history::start(canonical.as_deref());
    render(&mut st, false);
    ST.with(|s| *s.borrow_mut() = Some(st));
    listen(&root, "submit", on_submit);
    listen(&root, "click", on_click);
    listen(&window(), "popstate", |_| arrived());
    listen(&window(), "hashchange", |_| arrived());
    listen(&root, "change", on_change);
    if let Some(html) = html {
        let _ = html.set_attribute("data-app-ready", "");
    }
}

/// `stopApp()` for the loader: removes the listeners and the screen so that the full
/// module takes the page over.
#[wasm_bindgen(js_name = stopApp)]
pub fn stop_app() {
    // (After a fault the state or the listeners may still be borrowed: `try_` then.)
    let listeners =
        LISTENERS.try_with(|l| l.try_borrow_mut().map(|mut l| std::mem::take(&mut *l)).unwrap_or_default());
    for (target, kind, closure) in listeners.unwrap_or_default() {
        let _ = target.remove_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    }
    let _ = ST.try_with(|s| s.try_borrow_mut().map(|mut s| s.take()));
    // (Only what this module rendered: a page handed over at once keeps its static first
    // screen, and a choice made on it, for the full module.)
    if let Some(live) = app_root().and_then(|r| r.query_selector(":scope > [data-live]").ok().flatten()) {
        live.remove();
    }
}
