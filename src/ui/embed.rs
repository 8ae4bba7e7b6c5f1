//! The iframe embed mode: minimal chrome, a theme chosen by the host (then with a
//! transparent background), and the content height posted to the parent page so it can
//! size the iframe.
//!
//! Messages sent (to `window.parent` only, never to other frames):
//! * `{ "type": "icp-advisor:height", "height": <CSS pixels, a number> }`;
//! * `{ "type": "icp-advisor:warning", "option": "lang", "value": <the tag>, "used": <the
//!   language shown> }` when the address asks for a language the advisor does not have.
//!
//! They carry no answers. The advisor accepts no incoming messages at all: with `theme=auto`
//! it follows the host page's theme through the iframe element's `color-scheme`, which the
//! browser passes to the frame's `prefers-color-scheme` (`embed.js` sets it from the host
//! page's theme signal).

use super::browser::{document, window};
use crate::route::{EmbedOptions, Theme};
use wasm_bindgen::prelude::*;

pub const HEIGHT_MESSAGE: &str = "icp-advisor:height";
pub const WARNING_MESSAGE: &str = "icp-advisor:warning";

/// Marks the document for the embed styles and starts watching its height.
pub fn prepare(options: &EmbedOptions) {
    let Some(html) = document().and_then(|d| d.document_element()) else { return };
    let _ = html.class_list().add_1("embed");
    // A transparent background only when the host names its theme: with `auto` the
    // colours follow the reader's preference, which the host page may not share, so the
    // advisor keeps its own background and stays readable on any page.
    let theme = match options.theme {
        Theme::Auto => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    if let Some(theme) = theme {
        let _ = html.set_attribute("data-theme", theme);
        let _ = html.class_list().add_1("transparent");
    }
    let observer = Closure::<dyn FnMut()>::new(post_height);
    if let (Ok(ro), Some(body)) =
        (web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()), document().and_then(|d| d.body()))
    {
        ro.observe(&body);
    }
    observer.forget();
}

/// The parent page's window, when framed.
fn parent() -> Option<web_sys::Window> {
    let w = window()?;
    w.parent().ok().flatten().filter(|p| *p != w)
}

/// Posts `{ type, …fields }` to the parent page.
fn post(parent: &web_sys::Window, kind: &str, fields: &[(&str, JsValue)]) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&message, &(*k).into(), v);
    }
    let _ = parent.post_message(&message, "*");
}

/// The address asked for a language the advisor does not have (`tag`); it shows `used`.
/// Said to the parent page (`embed.js` turns it into a console warning and an
/// `icp-advisor-warning` event on the iframe); the reader sees a notice.
pub fn warn_language(tag: &str, used: crate::rulebook::Lang) {
    use crate::rulebook::LangExt;
    if let Some(parent) = parent() {
        post(
            &parent,
            WARNING_MESSAGE,
            &[("option", "lang".into()), ("value", tag.into()), ("used", used.code().into())],
        );
    }
}

/// Posts the document's height to the parent page (when framed).
pub fn post_height() {
    let Some(w) = window() else { return };
    let Some(parent) = parent() else { return };
    // The content's own height (the body's, which follows the content down as well as up;
    // the document element's never drops below the iframe's current height).
    let Some(body) = document().and_then(|d| d.body()) else { return };
    let rect = body.get_bounding_client_rect();
    let style = w.get_computed_style(&body).ok().flatten();
    let margin = |side: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(side).ok())
            // JS parseFloat ("12px" → 12): Rust's f64 parser would cost 4 KB of Wasm.
            .map(|v| js_sys::parse_float(&v))
            .filter(|v| v.is_finite())
            .unwrap_or(0.0)
    };
    let height = (rect.height() + margin("margin-top") + margin("margin-bottom")).ceil();
    post(&parent, HEIGHT_MESSAGE, &[("height", JsValue::from(height))]);
}
