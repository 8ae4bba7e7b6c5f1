//! The JavaScript API: the engine for pages that call it directly.
//!
//! ```js
//! import { evaluate, questions } from './icp-advisor.js';
//! const advice = await evaluate({ flow: 'need', answers: { hosting: 'outside', cdn: 'none' } });
//! ```
//!
//! It is in the library's Wasm (`--features library`, which `icp-advisor.js` loads) and in
//! debug builds; the page's release Wasm leaves it out.
//!
//! `mount(element, { flow, lang, stylesheet })` renders an independent advisor into
//! `element` (inside a shadow root, so the host page's styles and the advisor's never mix);
//! the generated `icp-advisor.js` module wraps it and supplies the stylesheet.
//!
//! `evaluate` takes the answers object of the documented JSON form (or that JSON as a
//! string) and returns the same data as `icp-advisor evaluate`; `questions` returns what
//! `icp-advisor questions` prints. Invalid input throws an `Error` with a clear message.

use crate::answers::{input_from, shown, AnswerValue, AnswersInput};
use crate::report::{advise, catalogue, Lens};
use crate::rulebook::{Lang, LangExt, RULEBOOK};
use js_sys::{Array, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))
}

fn kind(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if Array::is_array(v) {
        "an array"
    } else if v.is_string() {
        "a string"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.is_object() {
        "an object"
    } else {
        "a value of another type"
    }
}

impl AnswerValue for JsValue {
    fn kind(&self) -> &'static str {
        kind(self)
    }
    fn as_text(&self) -> Option<String> {
        self.as_string()
    }
    fn entries(&self) -> Option<Vec<(String, JsValue)>> {
        if !self.is_object() || Array::is_array(self) {
            return None;
        }
        Some(
            Object::entries(self.unchecked_ref())
                .iter()
                .filter_map(|pair| {
                    let pair: Array = pair.dyn_into().ok()?;
                    Some((pair.get(0).as_string()?, pair.get(1)))
                })
                .collect(),
        )
    }
}

/// Reads answers from a JS value (or its JSON text), with the CLI's shape check.
pub fn input_from_js(value: &JsValue) -> Result<AnswersInput, String> {
    match value.as_string() {
        Some(text) => {
            let parsed = JSON::parse(&text).map_err(|_| "answers text is not valid JSON".to_string())?;
            input_from(&parsed)
        }
        None => input_from(value),
    }
}

/// The `lang` option. The engine's calls need the language's texts here (`loadLanguage`); a
/// mounted advisor fetches them itself.
fn lang_from(options: &JsValue, need_texts: bool) -> Result<Lang, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(Lang::default());
    }
    let lang = Reflect::get(options, &"lang".into()).unwrap_or(JsValue::UNDEFINED);
    match lang.as_string() {
        None if lang.is_undefined() => Ok(Lang::default()),
        Some(tag) => match Lang::parse(&tag) {
            Some(lang) if !need_texts || RULEBOOK.has_texts(lang) => Ok(lang),
            Some(lang) => Err(format!(
                "the {} texts are not loaded yet: await loadLanguage(\"{}\", folder) first (icp-advisor.js does it for you)",
                lang.code(),
                lang.code()
            )),
            None => Err(format!("unknown language \"{}\"", shown(&tag))),
        },
        None => Err(format!("\"lang\" must be a string, got {}", kind(&lang))),
    }
}

fn lens_from(options: &JsValue) -> Result<Lens, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(Lens::All);
    }
    let lens = Reflect::get(options, &"lens".into()).unwrap_or(JsValue::UNDEFINED);
    match lens.as_string() {
        None if lens.is_undefined() => Ok(Lens::All),
        Some(l) => {
            Lens::parse(&l).ok_or_else(|| format!("unknown lens \"{}\" (expected all or faq)", shown(&l)))
        }
        None => Err(format!("\"lens\" must be a string, got {}", kind(&lens))),
    }
}

/// Evaluates answers; returns the advice (see `icp-advisor evaluate`).
#[wasm_bindgen]
pub fn evaluate(answers: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let lang = lang_from(&options, true).map_err(|e| JsError::new(&e))?;
    let input = input_from_js(&answers).map_err(|e| JsError::new(&e))?;
    let set = input.to_set(&RULEBOOK).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&advise(&RULEBOOK, &set, lang, lens_from(&options).map_err(|e| JsError::new(&e))?))
}

/// The flows with their questions and options (see `icp-advisor questions`).
#[wasm_bindgen]
pub fn questions(options: JsValue) -> Result<JsValue, JsError> {
    let lang = lang_from(&options, true).map_err(|e| JsError::new(&e))?;
    to_js(&catalogue(&RULEBOOK, lang))
}

/// Fetches a language's texts from `folder` (the URL of the advisor's folder, ending in `/`)
/// unless they are here already: every language but English travels in a file of its own.
/// `evaluate` and `questions` in that language work once it resolves.
#[wasm_bindgen(js_name = loadLanguage)]
pub async fn load_language(tag: String, folder: Option<String>) -> Result<(), JsError> {
    let lang =
        Lang::parse(&tag).ok_or_else(|| JsError::new(&format!("unknown language \"{}\"", shown(&tag))))?;
    crate::ui::texts::load(lang, folder.as_deref())
        .await
        .map_err(|why| JsError::new(&format!("the {} texts could not be loaded: {why}", lang.code())))
}

/// The advisor's version, the rulebook's version and when the current-practice facts were
/// gathered (as `icp-advisor --version` prints them).
#[wasm_bindgen]
pub fn version() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Version {
        version: &'static str,
        rulebook: u32,
        practice_gathered: &'static str,
    }
    to_js(&Version {
        version: env!("CARGO_PKG_VERSION"),
        rulebook: RULEBOOK.version,
        practice_gathered: RULEBOOK.gathered,
    })
}

/// A mounted advisor, as returned by `mount`: `destroy()` removes it.
#[wasm_bindgen]
pub struct Advisor {
    handle: Option<yew::AppHandle<crate::ui::App>>,
}

#[wasm_bindgen]
impl Advisor {
    /// Removes the advisor from its element.
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// Renders an advisor into `element` (see the module documentation). Options: `flow`, `lang`,
/// `lens` (`all` or `faq`), `answers` (a share link's fragment, e.g. `#/need/result?…`),
/// `stylesheet` and `assets` (the URL of the advisor's folder), `theme` (`light` or `dark`).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Advisor, JsError> {
    let get = |key: &str| -> Result<Option<String>, JsError> {
        if options.is_undefined() || options.is_null() {
            return Ok(None);
        }
        let v = Reflect::get(&options, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| JsError::new(&format!("\"{key}\" must be a string, got {}", kind(&v))))
    };
    let lang = lang_from(&options, false).map_err(|e| JsError::new(&e))?;
    let lens = lens_from(&options).map_err(|e| JsError::new(&e))?;
    let flow = match get("flow")? {
        None => None,
        Some(id) => Some(RULEBOOK.flow(&id).ok_or_else(|| {
            JsError::new(
                &crate::answers::AnswerError::UnknownFlow {
                    id: id.clone(),
                    expected: RULEBOOK.flows.iter().map(|f| f.id).collect::<Vec<_>>().join(", "),
                }
                .to_string(),
            )
        })?),
    };
    let mut state =
        crate::ui::state::State::new(flow.map_or(crate::route::Route::Start, crate::route::start_flow), lang);
    state.lens = lens;
    if let Some(fragment) = get("answers")? {
        // A share link's place: decoded leniently, like a link; what it drops is said.
        let (route, notices) = crate::route::decode(&fragment);
        if route != crate::route::Route::Start || flow.is_none() {
            state.route = crate::route::shareable(&route);
        }
        state.messages = notices.into_iter().map(crate::ui::state::Message::Link).collect();
    }
    let stylesheet = get("stylesheet")?;
    let assets = get("assets")?;
    let theme = get("theme")?.and_then(|t| match crate::route::Theme::parse(&t) {
        Some(crate::route::Theme::Light) => Some("light"),
        Some(crate::route::Theme::Dark) => Some("dark"),
        _ => None,
    });
    let shadow = match element.shadow_root() {
        Some(existing) => {
            existing.set_inner_html("");
            existing
        }
        None => element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).map_err(
            |_| JsError::new("this element cannot hold an advisor (it cannot have a shadow root)"),
        )?,
    };
    let document =
        element.owner_document().ok_or_else(|| JsError::new("the element is not in a document"))?;
    let create = |tag: &str| document.create_element(tag).map_err(|_| JsError::new("cannot create elements"));
    if let Some(href) = stylesheet {
        let link = create("link")?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = shadow.append_child(&link);
    }
    let container = create("div")?;
    if let Some(t) = theme {
        let _ = container.set_attribute("data-theme", t);
    }
    shadow.append_child(&container).map_err(|_| JsError::new("cannot attach the advisor"))?;
    Ok(Advisor { handle: Some(crate::ui::mount_into(container, element, state, assets)) })
}
