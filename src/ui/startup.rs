//! Starting in the browser: the page's start (`startApp`, from the loader), the embed mode's
//! preparation, the language's texts, the first place (see [`super::host::page`]) and
//! mounting into another page's element (the JS API's `mount`).

use super::app::{App, AppProps};
use super::browser::{self, Browser};
use super::host::{page, Host};
use super::state::State;
use super::{crash, embed, handover, texts};
use crate::history;
use crate::route::{self, Route};

/// `startApp(record)` for JavaScript: the page's loader and the single-file edition call it
/// after loading the Wasm, which never starts the app by itself — the library's Wasm (and a
/// debug build's, which `icp-advisor.js` loads too) runs in documentation pages that may have
/// an `#app` of their own. `record` is what the page's first module hands over (see
/// [`handover`]); without it the app starts as on a page just opened.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startApp)]
pub fn start_app(record: Option<String>) {
    start_with(record.as_deref().and_then(handover::read));
}

/// Mounts the app into the element with id `app` (beside the static first screen, which it
/// replaces after its first render). The page's query string may ask for the embed mode.
pub fn start() {
    start_with(None);
}

/// What the first module hands over: the place the FAQ's Back returns to, the history entries.
type Takeover = (Option<Route>, Vec<String>);

fn start_with(takeover: Option<Takeover>) {
    crash::install_panic_hook();
    // Without an `#app` element the module was loaded as a library (the JS API).
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    let options = route::EmbedOptions::parse(&Browser::search());
    if options.embed {
        embed::prepare(&options);
    }
    let lang = page::initial_lang(&options);
    if crate::rulebook::RULEBOOK.has_texts(lang) {
        start_in(root, options, takeover);
    } else {
        // The static first screen stays in place (in the reader's language) until the
        // language's texts are here; then the place is read afresh (a choice made meanwhile
        // on the static screen counts). If they cannot come, the app says so in the source
        // language (see `texts::use_shown_lang`).
        wasm_bindgen_futures::spawn_local(async move {
            let _ = texts::load(lang, Some("./")).await;
            start_in(root, options, takeover);
        });
    }
}

fn start_in(root: web_sys::Element, options: route::EmbedOptions, takeover: Option<Takeover>) {
    let single_file = browser::document()
        .and_then(|d| d.document_element())
        .is_some_and(|h| h.has_attribute("data-single-file"));
    let mut initial = page::initial_state(&options);
    let host = Host::Page { options: options.clone(), single_file };
    match takeover {
        // Taken over from the first module: its history, and a move (the heading takes the
        // focus, as after any move).
        Some((back_to, entries)) => {
            history::restore(entries);
            initial.back_to = back_to;
            initial.moves = 1;
        }
        None => {
            // The address names the place as the app understood it: corrected (a result link
            // with missing answers shows the question) and without answers the path does not use.
            let canonical = (initial.route != Route::Start
                || !Browser::hash().trim_start_matches(['#', '/']).is_empty())
            .then(|| host.href(&initial.route, initial.link_lang(), initial.lens));
            history::start(canonical.as_deref());
        }
    }
    let Some(container) = browser::document().and_then(|d| d.create_element("div").ok()) else { return };
    let _ = container.set_attribute("hidden", "");
    let _ = container.set_attribute("data-live", "");
    let _ = root.append_child(&container);
    let app =
        yew::Renderer::<App>::with_root_and_props(container.clone(), AppProps { host, initial }).render();
    let _ = (app, container);
    page::reveal();
}

/// The app's properties for the page host at the current address (what [`start`] mounts;
/// the component tests mount it too).
pub fn page_props(options: route::EmbedOptions) -> AppProps {
    let initial = page::initial_state(&options);
    AppProps { host: Host::Page { options, single_file: false }, initial }
}

/// Renders an independent advisor into `container` (the JS `mount` API and `<icp-advisor>`).
pub fn mount_into(
    container: web_sys::Element,
    events_on: web_sys::Element,
    initial: State,
    assets: Option<String>,
) -> yew::AppHandle<App> {
    crash::install_panic_hook();
    yew::Renderer::<App>::with_root_and_props(
        container,
        AppProps { host: Host::Mounted { element: Some(events_on), assets }, initial },
    )
    .render()
}

/// `warmUp()` for the page's loader, once the full module has arrived ahead of a handover (see
/// [`handover`]): renders the result the person's answers lead to when each question left is
/// given its first option, into an element that is never in the page, then removes it. The
/// browser compiles WebAssembly functions on their first call; this makes that call, so the
/// person's last answer finds the result's code compiled. Nothing is shown, saved or sent: the
/// advisor is a mounted one (its events go to the detached element, its place stays in memory).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    use crate::rulebook::{Lang, RULEBOOK};
    let Some(document) = browser::document() else { return };
    let mut route = match crate::nav::decode(&RULEBOOK, &Browser::hash()).0 {
        route @ (Route::Question { .. } | Route::Result(_)) => route,
        _ => crate::nav::start_flow(&RULEBOOK, 0),
    };
    // Every step answers a question the path had not answered, so this ends within the
    // number of questions.
    for _ in 0..RULEBOOK.questions.len() {
        let Route::Question { answers, question, .. } = route else { break };
        route = crate::nav::answer(&RULEBOOK, &answers, question, 0, false);
    }
    let lang = Browser::document_lang().unwrap_or(Lang::SOURCE);
    let Ok(container) = document.create_element("div") else { return };
    let app = mount_into(container.clone(), container, State::new(route, lang), None);
    // After the render (Yew renders on its scheduler) and its effects.
    gloo::timers::callback::Timeout::new(0, move || app.destroy()).forget();
}
