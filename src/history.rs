//! The history entries the page itself made (so that "Back" can tell whether the previous entry
//! is where it leads), for both of the page's modules: the first module (`first::page`) keeps
//! them, and hands them to the full module (the Yew app's `ui::host`) with the page.

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
        // A fresh entry has no state, which reads as index 0: writing it anyway would cost a
        // call into the browser (several ms, before the page is interactive) for nothing. An
        // entry with a state (a reload, a return from another page) is set back to index 0.
        let fresh = h.state().is_ok_and(|s| s.is_null() || s.is_undefined());
        if href.is_some() || !fresh {
            let _ = h.replace_state_with_url(&state(0), "", href);
        }
    }
}

/// The addresses of the entries the page made, by index (for the full module, when the
/// first hands the page over: see `ui::handover`).
pub fn entries() -> Vec<String> {
    ENTRIES.with(|e| e.borrow().clone())
}

/// What the first module hands the full one (read by `ui::handover::read`): the place the FAQ's
/// Back returns to, then the entries, a line each.
pub fn record(back_to: Option<&crate::route::Route>) -> String {
    let mut out = back_to.map(crate::route::encode).unwrap_or_default();
    ENTRIES.with(|e| {
        for entry in e.borrow().iter() {
            out.push('\n');
            out.push_str(entry);
        }
    });
    out
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
