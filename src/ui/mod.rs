//! The Yew app. It only renders what the engine and the router return: no rule logic.
//!
//! State lives in the URL fragment (see [`crate::route`]): every step sets
//! `location.hash`, and the app re-reads it on `hashchange`, so browser Back/Forward,
//! bookmarks and shared links all work. The current place is also saved to `localStorage`.
//! The language and the navigation are provided to every component as one context.

mod browser;
mod crash;
mod embed;
mod faq;
mod question;
mod result;
mod start;

use crate::i18n::{fill, strings};
use crate::route::{self, Notice, Route};
use crate::rulebook::{Lang, LangExt, TextExt, RULEBOOK};
use gloo::events::EventListener;
use yew::prelude::*;

pub use browser::Browser;

/// Mounts the app into the element with id `app` (replacing its loading content).
/// The page's query string may ask for the embed mode (see [`route::EmbedOptions`]).
pub fn start() {
    crash::install_panic_hook();
    // Without an `#app` element the module was loaded as a library (the JS `mount` API):
    // then there is nothing to start here.
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    let options = route::EmbedOptions::parse(&Browser::search());
    if options.embed {
        embed::prepare(&options);
    }
    // `#app` holds the start screen rendered at build time (or a loading line). The app
    // renders into a hidden container beside it and swaps it in after its first render
    // (see `reveal`), so the page never shows an empty frame.
    let Some(container) = browser::document().and_then(|d| d.create_element("div").ok()) else { return };
    let _ = container.set_attribute("hidden", "");
    let _ = container.set_attribute("data-live", "");
    let _ = root.append_child(&container);
    yew::Renderer::<App>::with_root_and_props(container, AppProps { mode: Mode::Page(options) }).render();
}

/// Renders an independent advisor into `container` (used by the JS `mount` API).
pub fn mount_into(container: web_sys::Element, flow: Option<usize>, lang: Lang) {
    crash::install_panic_hook();
    yew::Renderer::<App>::with_root_and_props(container, AppProps { mode: Mode::Mounted { flow, lang } })
        .render();
}

/// Replaces the static content of `#app` with the live app, in one step, and marks the
/// document ready (`data-app-ready` on `<html>`: the app is interactive).
fn reveal() {
    if let Some(html) = browser::document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app-ready", "");
    }
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else { return };
    let children = root.children();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i) {
            if child.has_attribute("data-live") {
                let _ = child.remove_attribute("hidden");
            } else {
                child.remove();
            }
        }
    }
}

/// How the app is hosted.
#[derive(Clone, PartialEq)]
pub enum Mode {
    /// The whole page (or an iframe): routes in the URL fragment, answers saved locally.
    Page(route::EmbedOptions),
    /// Mounted into an element of another page by the JS API: routes in memory, nothing
    /// saved, the host page's title, language and URL untouched.
    Mounted { flow: Option<usize>, lang: Lang },
}

#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub mode: Mode,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { mode: Mode::Page(route::EmbedOptions::default()) }
    }
}

/// Moving between screens, whichever way the app is hosted.
#[derive(Clone, PartialEq)]
pub struct Nav {
    pub go: Callback<Route>,
    /// True when routes live in memory (mounted mode).
    pub memory: bool,
}

/// What the app gives every screen: the language and the navigation (one context, so the
/// Wasm carries one context provider rather than two).
#[derive(Clone, PartialEq)]
pub struct Shared {
    pub lang: Lang,
    pub nav: Nav,
}

#[hook]
pub fn use_nav() -> Nav {
    use_context::<Shared>().map_or_else(|| Nav { go: Callback::from(|_| ()), memory: true }, |s| s.nav)
}

/// The language from the link, else the saved choice, else the browser's languages.
fn choose_lang(notices: &mut Vec<String>) -> Lang {
    match route::lang_param(&Browser::hash()) {
        Some(Ok(lang)) => return lang,
        Some(Err(tag)) => {
            notices.push(fill(strings(Lang::SOURCE).notice_unknown_language, &[("lang", &tag)]))
        }
        None => {}
    }
    if let Some(lang) = Browser::saved_lang().and_then(|t| Lang::parse(&t)) {
        return lang;
    }
    Browser::languages().iter().find_map(|t| Lang::parse(t)).unwrap_or_default()
}

fn notice_text(n: &Notice, lang: Lang) -> String {
    let s = strings(lang);
    match n {
        Notice::UnknownPage(_) => s.notice_unknown_page.to_string(),
        Notice::UnknownFlow(id) => fill(s.notice_unknown_flow, &[("id", &crate::answers::shown(id))]),
        Notice::Dropped(e) => fill(s.notice_dropped, &[("detail", &e.to_string())]),
        Notice::Malformed(p) => fill(s.notice_malformed, &[("part", &crate::answers::shown(p))]),
        Notice::TooLong => s.notice_too_long.to_string(),
        Notice::Redirected => s.notice_redirected.to_string(),
    }
}

/// What the app shows: a route, plus notices about anything dropped while decoding it.
#[derive(Clone, PartialEq)]
pub struct Place {
    pub route: Route,
    pub lang: Lang,
    pub notices: Vec<String>,
    /// A saved place the person may resume (offered on the start screen).
    pub resumable: Option<Route>,
}

fn read_place(first_load: bool, current: Option<Lang>) -> Place {
    let hash = Browser::hash();
    if hash.starts_with(crash::SELF_TEST_FRAGMENT) {
        panic!("deliberate panic: the self-test of the crash panel ({})", crash::SELF_TEST_FRAGMENT);
    }
    let mut notices = Vec::new();
    let lang = match (route::lang_param(&hash), current) {
        (Some(Ok(lang)), _) => lang,
        (_, Some(lang)) => lang,
        _ => choose_lang(&mut notices),
    };
    let (route, decoded) = route::decode(&hash);
    notices.extend(decoded.iter().map(|n| notice_text(n, lang)));
    let mut resumable = None;
    if first_load && route == Route::Start {
        match Browser::load_saved() {
            Ok(Some(saved)) => match route::decode_saved(&saved) {
                Ok((saved_route, _)) if !matches!(saved_route, Route::Start | Route::Faq(_)) => {
                    resumable = Some(saved_route)
                }
                Ok(_) => {}
                Err(problem) => {
                    notices.push(
                        match problem {
                            route::SavedProblem::Unreadable => strings(lang).saved_unreadable,
                            route::SavedProblem::OtherVersion => strings(lang).saved_other_version,
                        }
                        .to_string(),
                    );
                    Browser::clear_saved();
                }
            },
            Ok(None) => {}
            Err(_) => notices.push(strings(lang).storage_unavailable.into()),
        }
    }
    Place { route, lang, notices, resumable }
}

/// The link to a route in a language.
pub fn href(route: &Route, lang: Lang) -> String {
    route::with_lang(route::encode(route), lang)
}

fn initial_place(mode: &Mode) -> Place {
    match mode {
        Mode::Page(options) => {
            let mut place = read_place(true, options.lang);
            if let (Route::Start, Some(flow)) = (&place.route, options.flow) {
                if Browser::hash().trim_start_matches('#').trim_start_matches('/').is_empty() {
                    place.route = route::start_flow(flow);
                    Browser::replace_hash(&href(&place.route, place.lang));
                }
            }
            place
        }
        Mode::Mounted { flow, lang } => Place {
            route: flow.map_or(Route::Start, route::start_flow),
            lang: *lang,
            notices: Vec::new(),
            resumable: None,
        },
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let place = use_state(|| initial_place(&props.mode));
    let first = use_mut_ref(|| true);
    let page_mode = !matches!(props.mode, Mode::Mounted { .. });
    use_effect_with((), move |_| {
        if page_mode {
            reveal();
        }
        || ()
    });
    let root = use_node_ref();
    let memory = matches!(props.mode, Mode::Mounted { .. });
    let embed = matches!(&props.mode, Mode::Page(o) if o.embed);

    {
        let place = place.clone();
        use_effect_with((), move |_| {
            let listener = browser::window().filter(|_| !memory).map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    place.set(read_place(false, Some(place.lang)));
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with(place.route.clone(), move |_| {
        if embed {
            embed::post_height();
        }
        || ()
    });

    let nav = {
        let place = place.clone();
        Nav {
            go: Callback::from(move |route: Route| {
                if memory {
                    let mut p = (*place).clone();
                    p.route = route;
                    p.notices.clear();
                    place.set(p);
                } else {
                    Browser::set_hash(&href(&route, place.lang));
                }
            }),
            memory,
        }
    };
    // Mounted: links inside the app move it, never the host page.
    let follow_links = {
        let place = place.clone();
        Callback::from(move |e: MouseEvent| {
            if !memory {
                return;
            }
            let link = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|el| el.closest("a[href^='#']").ok().flatten());
            if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
                e.prevent_default();
                let (route, _) = route::decode(&href);
                let mut p = (*place).clone();
                p.route = route;
                p.lang = route::lang_param(&href).and_then(Result::ok).unwrap_or(p.lang);
                place.set(p);
            }
        })
    };

    // After every move and language switch: save the place, name it in the title, set the
    // document language.
    use_effect_with((place.route.clone(), place.lang), move |(route, lang)| {
        if !memory {
            if !matches!(route, Route::Start | Route::Faq(_)) {
                Browser::save(&route::encode_saved(route));
            }
            Browser::set_title(&title_of(route, *lang));
            Browser::set_document_lang(lang.code());
        }
        || ()
    });
    // After every move (not a language switch, which leaves focus on the switch): move focus
    // to the new screen's heading (not on first load: no jump).
    {
        let first = first.clone();
        let root = root.clone();
        use_effect_with(place.route.clone(), move |_| {
            let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !was_first {
                Browser::focus_heading(&root);
            }
            || ()
        });
    }

    let lang = place.lang;
    let s = strings(lang);
    let dismiss = {
        let (place, root) = (place.clone(), root.clone());
        Callback::from(move |_: MouseEvent| {
            let mut p = (*place).clone();
            p.notices.clear();
            place.set(p);
            // The button goes away with the notice: keep the focus in the page.
            Browser::focus_heading(&root);
        })
    };
    let switch = |other: Lang| {
        let place = place.clone();
        Callback::from(move |_: MouseEvent| {
            let mut p = (*place).clone();
            p.lang = other;
            place.set(p);
            if !memory {
                Browser::save_lang(other.code());
                Browser::replace_hash(&href(&place.route, other));
            }
        })
    };
    let skip = {
        let root = root.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            Browser::focus_heading(&root);
        })
    };

    let screen = match &place.route {
        Route::Start => html! { <start::StartScreen resumable={place.resumable.clone()} /> },
        Route::Faq(focus) => html! { <faq::FaqPage focus={*focus} /> },
        Route::Question { answers, question, changing } => html! {
            <question::QuestionScreen
                key={route::encode(&place.route)}
                answers={*answers}
                question={*question}
                changing={*changing} />
        },
        Route::Result(answers) => html! { <result::ResultScreen answers={*answers} /> },
    };

    html! {
        <ContextProvider<Shared> context={Shared { lang, nav }}>
            <div class={classes!("app", embed.then_some("embedded"), memory.then_some("mounted"))} ref={root} onclick={follow_links} lang={lang.code()}>
                <a class="skip-link" href="#main" onclick={skip}>{ s.skip_link }</a>
                <header class="masthead">
                    <a class="brand" href={href(&Route::Start, lang)}>{ s.app_name }</a>
                    <nav aria-label={s.nav_label}>
                        <a href={href(&Route::Faq(None), lang)}>{ s.nav_faq }</a>
                        { for Lang::all().filter(|&l| l != lang).map(|other| html! {
                            <button type="button" class="link-button lang-switch" onclick={switch(other)}
                                lang={other.code()} aria-label={format!("{} ({})", other.name(), s.language_label)}>{ other.name() }</button>
                        }) }
                    </nav>
                </header>
                <main id="main" class="main">
                    if !place.notices.is_empty() {
                        <div class="notice" role="status" aria-label={s.notices_label}>
                            <ul>
                                { for place.notices.iter().map(|n| html! { <li>{ n }</li> }) }
                            </ul>
                            <button type="button" class="link-button" onclick={dismiss}>{ s.dismiss }</button>
                        </div>
                    }
                    { screen }
                </main>
                <footer class="footer">
                    <p>{ fill(s.footer, &[("source", s.source)]) }</p>
                </footer>
            </div>
        </ContextProvider<Shared>>
    }
}

fn title_of(route: &Route, lang: Lang) -> String {
    let s = strings(lang);
    match route {
        Route::Start => s.app_name.to_string(),
        Route::Faq(_) => fill(s.title_faq, &[("app", s.app_name)]),
        Route::Question { answers, question, .. } => {
            let (n, _) = route::progress(answers, *question);
            let prompt = RULEBOOK.questions[*question].prompt.get(lang);
            fill(s.title_question, &[("n", &n.to_string()), ("prompt", prompt), ("app", s.app_name)])
        }
        Route::Result(answers) => {
            let flow = RULEBOOK.flows[answers.flow()].title.get(lang);
            fill(s.title_result, &[("flow", flow), ("app", s.app_name)])
        }
    }
}

/// One radio option of a choice: a real radio input, named by its label and described by its
/// hint (not both in the name). The start and question screens share it.
pub fn radio_option(
    name: &'static str,
    id: String,
    value: &'static str,
    checked: bool,
    label: &'static str,
    hint: Option<&'static str>,
    onchange: Callback<Event>,
) -> Html {
    let (label_id, hint_id) = (format!("{id}-label"), format!("{id}-hint"));
    html! {
        <div class="option">
            <input type="radio" name={name} id={id.clone()} value={value}
                checked={checked}
                aria-labelledby={label_id.clone()}
                aria-describedby={hint.map(|_| hint_id.clone())}
                onchange={onchange} />
            <label for={id}>
                <span class="label" id={label_id}>{ label }</span>
                if let Some(h) = hint {
                    <span class="hint" id={hint_id}>{ h }</span>
                }
            </label>
        </div>
    }
}

/// The language of the surrounding app (English outside one).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Shared>().map(|s| s.lang).unwrap_or_default()
}
