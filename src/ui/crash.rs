//! The crash panel: if the app ever panics, the dead page is replaced by a friendly panel
//! (built with text nodes only) that keeps the person's answers one click away, and the
//! details go to the console.

use super::browser::{document, Browser};
use crate::i18n::strings;
use crate::route;
use crate::rulebook::LangExt;

/// The fragment that panics on purpose, to test the panel end to end.
pub const SELF_TEST_FRAGMENT: &str = "#/__panic";

/// Installs the hook through Yew: a hook set with `std::panic::set_hook` alone would be
/// replaced by Yew's default (console only) when the app is rendered.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(format!("ICP Filing Advisor crashed: {info}"));
        show_panel();
    }));
}

fn el(doc: &web_sys::Document, tag: &str, class: &str, text: &str) -> Option<web_sys::Element> {
    let e = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e.set_text_content(Some(text));
    Some(e)
}

fn show_panel() -> Option<()> {
    let doc = document()?;
    let root = doc.get_element_by_id("app")?;
    let href = Browser::href();
    // The link's language, else the one the app was showing (its `<html lang>`).
    let lang = route::lang_param(&Browser::hash())
        .and_then(Result::ok)
        .or_else(Browser::document_lang)
        .unwrap_or_default();
    let s = strings(lang);
    let (title, body, reload, start_over) = (s.crash_title, s.crash_body, s.crash_reload, s.crash_start_over);
    root.set_inner_html("");
    // The panel is the page's main content, announced at once (role=alert), in the page's
    // language, named in the title, and its heading takes the focus.
    Browser::set_document_lang(lang.code());
    Browser::set_title(&format!("{title} — {}", s.app_name));
    let main = el(&doc, "main", "crash-page", "")?;
    let panel = el(&doc, "section", "crash", "")?;
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("aria-labelledby", "crash-heading").ok()?;
    let heading = el(&doc, "h1", "", title)?;
    heading.set_id("crash-heading");
    heading.set_attribute("tabindex", "-1").ok()?;
    panel.append_child(&heading).ok()?;
    panel.append_child(&el(&doc, "p", "", body)?.into()).ok()?;
    let actions = el(&doc, "p", "actions", "")?;
    let again = if href.contains(SELF_TEST_FRAGMENT) { route::with_lang("#/".into(), lang) } else { href };
    let reload_link = el(&doc, "a", "button primary", reload)?;
    reload_link.set_attribute("href", &again).ok()?;
    actions.append_child(&reload_link).ok()?;
    let start = el(&doc, "a", "button secondary", start_over)?;
    start.set_attribute("href", &route::with_lang("#/".into(), lang)).ok()?;
    actions.append_child(&start).ok()?;
    panel.append_child(&actions).ok()?;
    panel.append_child(&el(&doc, "p", "help", s.app_name)?.into()).ok()?;
    main.append_child(&panel).ok()?;
    root.append_child(&main).ok()?;
    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
        let _ = h.focus();
    }
    // Following either link must load the page afresh: the crashed app cannot react.
    if let Some(w) = super::browser::window() {
        let listener = gloo::events::EventListener::new(&w, "hashchange", |_| {
            if let Some(w) = super::browser::window() {
                let _ = w.location().reload();
            }
        });
        listener.forget();
    }
    Some(())
}
