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
//! `icp-advisor questions` prints.
//!
//! Every function checks its arguments and throws an `Error` with a one-line message naming
//! what is wrong (never a `TypeError` from deep inside); `options` may be an object or a
//! language tag (`evaluate(answers, 'zh-CN')`), and an object's unknown keys are refused (a
//! misspelt `language` would otherwise answer silently in English). A language the advisor
//! does not have is not an error: the advisor uses the reader's language (the first of
//! `navigator.languages` it has) or English, says so with `console.warn`, and sends an
//! `icp-advisor-warning` event (on the mounted element; for `evaluate` and `questions` on
//! the `document`) whose detail is `{ option, value, used, message }`.
//!
//! A mounted advisor created with `lenient: true` (what `<icp-advisor>` does) reads its
//! options as a link is read: what is valid is kept, and each value left out is named in a
//! notice in the advisor and in an `icp-advisor-warning` event.

use crate::answers::{input_from, AnswerValue, AnswersInput};
use crate::i18n::shown;
use crate::nav;
use crate::report::{advise, catalogue, Lens};
use crate::route::Theme;
use crate::rulebook::{Lang, LangExt, RULEBOOK};
use crate::ui::state::{Message, Setting};
use js_sys::{Array, Object, Reflect};
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

/// Reads answers from a JS value (or its JSON text, read as the CLI reads it), with the CLI's
/// shape check: the same answers get the same message.
pub fn input_from_js(value: &JsValue) -> Result<AnswersInput, String> {
    match value.as_string() {
        Some(text) => crate::answers::input_from_text(&text),
        None => input_from(value),
    }
}

/// The options argument, read: `undefined`/`null` (none), a language tag (`'zh-CN'`), or an
/// object whose keys are all among `allowed`. `Ok(None)`: no options.
fn options_of(options: &JsValue, allowed: &[&str], call: &str) -> Result<Option<JsValue>, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if options.is_string() {
        let o = Object::new();
        let _ = Reflect::set(&o, &"lang".into(), options);
        return Ok(Some(o.into()));
    }
    if !options.is_object() || Array::is_array(options) || options.is_function() {
        return Err(format!(
            "{call}'s options must be an object (e.g. {{ lang: \"zh-CN\" }}) or a language tag, got {}",
            kind(options)
        ));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
        if !allowed.contains(&key.as_str()) {
            return Err(format!("unknown option \"{}\" (expected {})", shown(&key), allowed.join(", ")));
        }
    }
    Ok(Some(options.clone()))
}

/// An option's value: `None` when absent (`undefined` or `null`), else its text.
fn text_option(options: &Option<JsValue>, key: &str) -> Result<Option<String>, String> {
    let Some(options) = options else { return Ok(None) };
    let v = Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| format!("\"{key}\" must be a string, got {}", kind(&v)))
}

/// The language used for a tag the advisor does not have: the reader's (the first of the
/// browser's languages it has), else the source language.
fn fallback_lang() -> Lang {
    crate::ui::Browser::preferred_languages().iter().find_map(|t| Lang::parse(t)).unwrap_or_default()
}

/// A language option: the language it names, or (when it names none the advisor has) the
/// fallback with the unknown tag.
fn lang_of(tag: Option<&str>) -> (Lang, Option<String>) {
    match tag {
        None => (Lang::default(), None),
        Some(tag) => match Lang::parse(tag) {
            Some(lang) => (lang, None),
            None => (fallback_lang(), Some(tag.to_string())),
        },
    }
}

/// What is wrong with an option the advisor went on without (for the console and the
/// `icp-advisor-warning` event): `{ option, value, used, message }`.
struct Warning {
    option: &'static str,
    value: String,
    /// What the advisor used instead (`None`: nothing, e.g. the start screen for a flow).
    used: Option<String>,
    message: String,
}

impl Warning {
    fn language(tag: &str, used: Lang) -> Warning {
        let known = Lang::all().map(|l| l.code()).collect::<Vec<_>>().join(", ");
        Warning {
            option: "lang",
            value: tag.to_string(),
            used: Some(used.code().to_string()),
            message: format!(
                "unknown language \"{}\" (this advisor has {known}): using {} instead",
                shown(tag),
                used.code()
            ),
        }
    }

    /// Says it in the console and sends it as an `icp-advisor-warning` event on `target`
    /// (bubbling out of shadow roots), or on the document.
    fn send(&self, target: Option<&web_sys::EventTarget>) {
        gloo::console::warn!(format!("ICP Filing Advisor: {}", self.message));
        let detail = Object::new();
        for (k, v) in [("option", self.option), ("value", &self.value), ("message", &self.message)] {
            let _ = Reflect::set(&detail, &k.into(), &v.into());
        }
        let used = self.used.as_deref().map_or(JsValue::NULL, JsValue::from);
        let _ = Reflect::set(&detail, &"used".into(), &used);
        let document = crate::ui::browser::document().map(web_sys::EventTarget::from);
        let Some(target) = target.or(document.as_ref()) else { return };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("icp-advisor-warning", &init) {
            let _ = target.dispatch_event(&event);
        }
    }
}

/// The engine's calls' options (`lang`, `lens`): the language, with its texts here, and the lens.
fn engine_options(options: &JsValue, call: &str) -> Result<(Lang, Lens), String> {
    let options = options_of(options, &["lang", "lens"], call)?;
    let (lang, unknown) = lang_of(text_option(&options, "lang")?.as_deref());
    let lens = match text_option(&options, "lens")? {
        None => Lens::All,
        Some(l) => Lens::parse(l.trim())
            .ok_or_else(|| format!("unknown lens \"{}\" (expected all or faq)", shown(&l)))?,
    };
    if !RULEBOOK.has_texts(lang) {
        return Err(format!(
            "the {} texts are not loaded yet: await loadLanguage(\"{}\", folder) first (icp-advisor.js does it for you)",
            lang.code(),
            lang.code()
        ));
    }
    if let Some(tag) = unknown {
        Warning::language(&tag, lang).send(None);
    }
    Ok((lang, lens))
}

/// Evaluates answers; returns the advice (see `icp-advisor evaluate`).
#[wasm_bindgen]
pub fn evaluate(answers: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (lang, lens) = engine_options(&options, "evaluate()").map_err(|e| JsError::new(&e))?;
    let input = input_from_js(&answers).map_err(|e| JsError::new(&e))?;
    let set = input.to_set(&RULEBOOK).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&advise(&RULEBOOK, &set, lang, lens))
}

/// Checks a domain name offline (see `icp-advisor domain`): the registered domain, the name
/// under it, the answer to the domain question and what the sources say of it. `options`:
/// `{ lang, province }` (a province id, e.g. "shanghai"). A name that is not one is refused
/// with the same one-line message as the CLI's.
#[wasm_bindgen(js_name = checkDomain)]
pub fn check_domain(name: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let Some(name) = name.as_string() else {
        return Err(JsError::new(&format!(
            "checkDomain() needs a domain name (a string), got {}",
            kind(&name)
        )));
    };
    let opts = options_of(&options, &["lang", "province"], "checkDomain()").map_err(|e| JsError::new(&e))?;
    let province = text_option(&opts, "province").map_err(|e| JsError::new(&e))?;
    let (lang, _) = engine_options(&JsValue::UNDEFINED, "checkDomain()").map_err(|e| JsError::new(&e))?;
    let lang = match text_option(&opts, "lang").map_err(|e| JsError::new(&e))? {
        Some(tag) => lang_of(Some(&tag)).0,
        None => lang,
    };
    if !RULEBOOK.has_texts(lang) {
        return Err(JsError::new(&format!(
            "the {} texts are not loaded yet: await loadLanguage(\"{}\", folder) first (icp-advisor.js does it for you)",
            lang.code(),
            lang.code()
        )));
    }
    let report = crate::domain::check(&RULEBOOK, &name, province.as_deref().map(str::trim))
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&crate::domain::output(&RULEBOOK, &report, lang))
}

/// The flows with their questions and options (see `icp-advisor questions`).
#[wasm_bindgen]
pub fn questions(options: JsValue) -> Result<JsValue, JsError> {
    let (lang, _) = engine_options(&options, "questions()").map_err(|e| JsError::new(&e))?;
    to_js(&catalogue(&RULEBOOK, lang))
}

/// The code of the language `options` (as `evaluate` and `mount` take them) lead to: the
/// one they name, else the fallback; `undefined` when they are malformed (the call itself
/// then says why). `icp-advisor.js` loads that language's texts before the call.
#[wasm_bindgen(js_name = languageFor)]
pub fn language_for(options: JsValue) -> Option<String> {
    let lang = if options.is_string() {
        options.as_string()
    } else if options.is_object() {
        Reflect::get(&options, &"lang".into()).ok().and_then(|v| v.as_string())
    } else {
        None
    };
    Some(lang_of(lang.as_deref()).0.code().to_string())
}

/// Fetches a language's texts from `folder` (the URL of the advisor's folder, ending in `/`)
/// unless they are here already: every language but English travels in a file of its own.
/// `evaluate` and `questions` in that language work once it resolves.
#[wasm_bindgen(js_name = loadLanguage)]
pub async fn load_language(tag: JsValue, folder: JsValue) -> Result<(), JsError> {
    let Some(tag) = tag.as_string() else {
        return Err(JsError::new(&format!(
            "loadLanguage() needs a language tag (a string), got {}",
            kind(&tag)
        )));
    };
    let folder = match folder.as_string() {
        Some(f) => Some(f),
        None if folder.is_undefined() || folder.is_null() => None,
        None => {
            return Err(JsError::new(&format!(
                "loadLanguage()'s folder must be a URL (a string), got {}",
                kind(&folder)
            )))
        }
    };
    let lang = Lang::parse(&tag).ok_or_else(|| {
        let known = Lang::all().map(|l| l.code()).collect::<Vec<_>>().join(", ");
        JsError::new(&format!("unknown language \"{}\" (expected one of: {known})", shown(&tag)))
    })?;
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

/// A mounted advisor, as returned by `mount`: `destroy()` removes it, `setTheme()` changes
/// its colours.
#[wasm_bindgen]
pub struct Advisor {
    handle: Option<yew::AppHandle<crate::ui::App>>,
    /// What it added to the shadow root: its container and its stylesheet link.
    container: web_sys::Element,
    link: Option<web_sys::Element>,
}

/// A theme option's value, read as an attribute is (trimmed, any case).
fn theme_of(value: &str) -> Option<Theme> {
    Theme::parse(&value.trim().to_ascii_lowercase())
}

fn set_theme(container: &web_sys::Element, theme: Theme) {
    let _ = container.set_attribute(
        "data-theme",
        match theme {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        },
    );
}

#[wasm_bindgen]
impl Advisor {
    /// Removes the advisor from its element (again: nothing happens).
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.container.remove();
        if let Some(link) = &self.link {
            link.remove();
        }
    }

    /// Sets its colours: `light`, `dark`, or `auto` (the reader's preference).
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: JsValue) -> Result<(), JsError> {
        let t = theme.as_string().and_then(|t| theme_of(&t)).ok_or_else(|| {
            JsError::new(&format!(
                "setTheme() needs \"auto\", \"light\" or \"dark\", got {}",
                theme.as_string().map_or_else(|| kind(&theme).to_string(), |t| format!("\"{}\"", shown(&t)))
            ))
        })?;
        set_theme(&self.container, t);
        Ok(())
    }
}

/// What `mount` accepts in its options.
const MOUNT_OPTIONS: [&str; 8] =
    ["flow", "lang", "lens", "answers", "theme", "stylesheet", "assets", "lenient"];

/// Renders an advisor into `element` (see the module documentation). Options: `flow`, `lang`,
/// `lens` (`all` or `faq`), `answers` (a share link's fragment, e.g. `#/need/result?…`),
/// `theme` (`auto`, `light` or `dark`), `stylesheet` and `assets` (the URL of the advisor's
/// folder), and `lenient` (read the options as `<icp-advisor>`'s attributes: see the module
/// documentation). `options` may also be a language tag.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Advisor, JsError> {
    let err = |e: String| JsError::new(&e);
    let element: web_sys::Element = element.dyn_into().map_err(|v: JsValue| {
        err(format!("mount() needs an element of the page to render into, got {}", kind(&v)))
    })?;
    let options = options_of(&options, &MOUNT_OPTIONS, "mount()").map_err(err)?;
    let lenient =
        options.as_ref().and_then(|o| Reflect::get(o, &"lenient".into()).ok()).is_some_and(|v| v.is_truthy());
    let get = |key: &str| text_option(&options, key).map_err(err);
    // What was left out: a notice in the advisor, and a warning (sent once it is mounted).
    let mut messages = Vec::new();
    let mut warnings = Vec::new();
    let mut left_out =
        |setting: Setting, option: &'static str, value: &str, used: Option<&str>, what: String| {
            messages.push(Message::Setting(setting, value.to_string()));
            warnings.push(Warning {
                option,
                value: value.to_string(),
                used: used.map(str::to_string),
                message: what,
            });
        };

    let (lang, unknown) = lang_of(get("lang")?.as_deref());
    if let Some(tag) = unknown {
        let w = Warning::language(&tag, lang);
        left_out(Setting::Lang, "lang", &tag, Some(lang.code()), w.message);
    }
    let lens = match get("lens")? {
        None => Lens::All,
        Some(l) => Lens::parse(l.trim())
            .ok_or_else(|| err(format!("unknown lens \"{}\" (expected all or faq)", shown(&l))))?,
    };
    let expected = || RULEBOOK.flows.iter().map(|f| f.id).collect::<Vec<_>>().join(", ");
    let flow = match get("flow")? {
        None => None,
        Some(id) => match RULEBOOK.flow(id.trim()) {
            Some(f) => Some(f),
            None if lenient => {
                let what = format!(
                    "unknown flow \"{}\" (expected one of: {}): showing the start",
                    shown(&id),
                    expected()
                );
                left_out(Setting::Flow, "flow", &id, None, what);
                None
            }
            None => {
                return Err(err(crate::answers::AnswerError::UnknownFlow {
                    id: id.clone(),
                    expected: expected(),
                }
                .to_string()))
            }
        },
    };
    let theme = match get("theme")? {
        None => Theme::Auto,
        Some(t) => match theme_of(&t) {
            Some(theme) => theme,
            None if lenient => {
                let what =
                    format!("unknown theme \"{}\" (expected auto, light or dark): using auto", shown(&t));
                left_out(Setting::Theme, "theme", &t, Some("auto"), what);
                Theme::Auto
            }
            None => {
                return Err(err(format!("unknown theme \"{}\" (expected auto, light or dark)", shown(&t))))
            }
        },
    };
    let mut state = crate::ui::state::State::new(
        flow.map_or(crate::route::Route::Start, |f| nav::start_flow(&RULEBOOK, f)),
        lang,
    );
    state.lens = lens;
    if let Some(fragment) = get("answers")? {
        // A share link's place: decoded leniently, like a link; what it drops is said.
        let (route, notices) = crate::nav::decode(&RULEBOOK, &fragment);
        if route != crate::route::Route::Start || flow.is_none() {
            state.route = crate::nav::shareable(&RULEBOOK, &route);
        }
        messages.extend(notices.into_iter().map(Message::Link));
    }
    state.messages = messages;
    let stylesheet = get("stylesheet")?;
    let assets = get("assets")?;
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
    let link = match stylesheet {
        Some(href) => {
            let link = create("link")?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &href);
            let _ = shadow.append_child(&link);
            Some(link)
        }
        None => None,
    };
    // The container paints the advisor's background in its theme (`[data-theme]` in style.css).
    let container = create("div")?;
    set_theme(&container, theme);
    shadow.append_child(&container).map_err(|_| JsError::new("cannot attach the advisor"))?;
    let handle = crate::ui::mount_into(container.clone(), element.clone(), state, assets);
    for w in &warnings {
        w.send(Some(&element));
    }
    Ok(Advisor { handle: Some(handle), container, link })
}
