//! The few browser facilities the app uses, each failing softly: a page whose storage or
//! clipboard is unavailable keeps working.

use wasm_bindgen::JsCast;

use crate::storage::{place_key, ticks_key, LANG_KEY, LENS_KEY, PLACE_KEY as STORAGE_KEY, RELEASE_KEY};

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

pub struct Browser;

/// `localStorage` cannot be used (blocked, private mode, or it throws).
#[derive(Debug)]
pub struct StorageUnavailable;

impl Browser {
    pub fn hash() -> String {
        window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
    }

    /// The browser's preferred languages, most preferred first.
    pub fn preferred_languages() -> Vec<String> {
        let Some(w) = window() else { return Vec::new() };
        let nav = w.navigator();
        let mut out: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
        if out.is_empty() {
            out.extend(nav.language());
        }
        out
    }

    pub fn saved_lang() -> Option<String> {
        Self::storage().ok()?.get_item(LANG_KEY).ok()?
    }

    pub fn save_lang(code: &str) {
        if let Ok(s) = Self::storage() {
            let _ = s.set_item(LANG_KEY, code);
        }
    }

    pub fn saved_release() -> Option<String> {
        Self::storage().ok()?.get_item(RELEASE_KEY).ok()?
    }

    pub fn save_release(id: &str) {
        if let Ok(s) = Self::storage() {
            let _ = s.set_item(RELEASE_KEY, id);
        }
    }

    pub fn saved_lens() -> Option<String> {
        Self::storage().ok()?.get_item(LENS_KEY).ok()?
    }

    pub fn save_lens(id: &str) {
        if let Ok(s) = Self::storage() {
            let _ = s.set_item(LENS_KEY, id);
        }
    }

    /// The flow chosen on the static first screen before the app started, if any: in the copy
    /// that shows (the head script names it on `<html data-first-screen>`; every language's
    /// copy is in the document, each with its own checked default).
    pub fn static_choice() -> Option<String> {
        let doc = document()?;
        let shown = doc.document_element()?.get_attribute("data-first-screen")?;
        if !shown.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
            return None;
        }
        let selector = format!("[data-prerendered][data-first-screen=\"{shown}\"] input[name=flow]:checked");
        let input = doc.query_selector(&selector).ok()??;
        input.dyn_into::<web_sys::HtmlInputElement>().ok().map(|i| i.value())
    }

    /// The language the page is shown in (`<html lang>`, which the head script and the app set),
    /// if it names one the rulebook has.
    pub fn document_lang() -> Option<crate::rulebook::Lang> {
        use crate::rulebook::LangExt;
        let lang = document()?.document_element()?.get_attribute("lang")?;
        crate::rulebook::Lang::parse(&lang)
    }

    pub fn set_document_lang(code: &str) {
        if let Some(html) = document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", code);
        }
    }

    /// The page's address, for share links.
    pub fn href() -> String {
        window().and_then(|w| w.location().href().ok()).unwrap_or_default()
    }

    fn storage() -> Result<web_sys::Storage, StorageUnavailable> {
        window()
            .ok_or(StorageUnavailable)?
            .local_storage()
            .map_err(|_| StorageUnavailable)?
            .ok_or(StorageUnavailable)
    }

    /// The place saved for a flow (by its id). `Err` when storage is unavailable (blocked,
    /// private mode, throwing).
    pub fn load_saved(flow: &str) -> Result<Option<String>, StorageUnavailable> {
        Self::storage()?.get_item(&place_key(flow)).map_err(|_| StorageUnavailable)
    }

    /// The one place an earlier release saved for all flows, removed as it is read (the caller
    /// saves it under its flow).
    pub fn take_legacy_saved() -> Option<String> {
        let s = Self::storage().ok()?;
        let value = s.get_item(STORAGE_KEY).ok()??;
        let _ = s.remove_item(STORAGE_KEY);
        Some(value)
    }

    pub fn save(flow: &str, value: &str) {
        if let Ok(s) = Self::storage() {
            let _ = s.set_item(&place_key(flow), value);
        }
    }

    /// Forgets a flow's saved place and the ticks of its checklist.
    pub fn clear_saved(flow: &str) {
        if let Ok(s) = Self::storage() {
            let _ = s.remove_item(&place_key(flow));
            let _ = s.remove_item(&ticks_key(flow));
        }
    }

    /// The ticks of a flow's checklist, as stored (see `crate::ticks`).
    pub fn load_ticks(flow: &str) -> Option<String> {
        Self::storage().ok()?.get_item(&ticks_key(flow)).ok()?
    }

    pub fn save_ticks(flow: &str, value: &str) {
        if let Ok(s) = Self::storage() {
            let _ = if value.is_empty() {
                s.remove_item(&ticks_key(flow))
            } else {
                s.set_item(&ticks_key(flow), value)
            };
        }
    }

    pub fn set_title(title: &str) {
        if let Some(d) = document() {
            d.set_title(title);
        }
    }

    /// Moves focus to the current screen's main heading, inside the app's own root (which
    /// may sit in a shadow root, out of reach of `document.getElementById`).
    pub fn focus_heading(root: &yew::NodeRef) {
        if let Some(el) = root
            .cast::<web_sys::Element>()
            .and_then(|r| r.query_selector("#main-heading").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }

    /// The element with an id, in the page or (a mounted advisor) in a shadow root of it.
    fn element(id: &str) -> Option<web_sys::Element> {
        document().and_then(|d| d.get_element_by_id(id)).or_else(|| {
            // A mounted advisor lives in a shadow root: search the shadow roots of the page.
            let d = document()?;
            let hosts = d.query_selector_all("*").ok()?;
            (0..hosts.length()).find_map(|i| {
                let el: web_sys::Element = hosts.get(i)?.dyn_into().ok()?;
                el.shadow_root()?.get_element_by_id(id)
            })
        })
    }

    /// Scrolls an element of the app into view and moves the focus to it (by id; inside the
    /// app's shadow root too, when mounted).
    pub fn focus_element(id: &str) {
        if let Some(el) = Self::element(id) {
            el.scroll_into_view();
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }

    /// Where an element's top edge is in the viewport, in CSS pixels.
    pub fn top_of(node: &yew::NodeRef) -> Option<f64> {
        node.cast::<web_sys::Element>().map(|e| e.get_bounding_client_rect().top())
    }

    /// Scrolls the page so that an element's top edge is where it was (`top`, from
    /// [`Browser::top_of`]) before the content above or around it changed.
    pub fn keep_in_place(node: &yew::NodeRef, top: f64) {
        if let (Some(now), Some(w)) = (Self::top_of(node), window()) {
            if (now - top).abs() >= 1.0 {
                w.scroll_by_with_x_and_y(0.0, now - top);
            }
        }
    }

    /// Opens a `<details>` element.
    pub fn open_details(id: &str) {
        if let Some(el) = Self::element(id) {
            let _ = el.set_attribute("open", "");
        }
    }

    /// The page's query string (`?…`), where the embed options are.
    pub fn search() -> String {
        window().and_then(|w| w.location().search().ok()).unwrap_or_default()
    }

    /// Prints the page: the plan with its sources, or (`everything`) every disclosure of the
    /// result opened (they stay open afterwards).
    pub fn print(everything: bool) {
        if let Some(result) = Self::element("main-heading").and_then(|h| h.closest(".result").ok().flatten())
        {
            if everything {
                let _ = result.set_attribute("data-print-all", "");
                if let Ok(all) = result.query_selector_all("details") {
                    for i in 0..all.length() {
                        if let Some(d) = all.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                            let _ = d.set_attribute("open", "");
                        }
                    }
                }
            } else {
                let _ = result.remove_attribute("data-print-all");
            }
        }
        if let Some(w) = window() {
            let _ = w.print();
        }
    }

    /// Copies text to the clipboard; the callback learns whether it worked.
    pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
        let Some(w) = window() else { return done(false) };
        let promise = w.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }
}
