//! The Yew app. It renders what the engine returns (through [`crate::present`]); it holds no
//! rule logic. One reducer ([`state`]) changes the state; the [`host::Host`] owns what
//! differs between a page, a mounted advisor and a static render. The same components run in
//! the browser and render the static pages natively (see [`crate::site`]).

pub mod browser;
mod cite;
#[cfg(target_arch = "wasm32")]
mod crash;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(not(first_visit))]
mod faq;
pub mod handover;
pub mod host;
#[cfg(not(first_visit))]
mod lens;
#[cfg(not(first_visit))]
mod lookup;
mod question;
#[cfg(not(first_visit))]
mod result;
mod start;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod texts;

use crate::i18n::{fill, strings, Strings};
use crate::route::{self, Notice, Route, SavedProblem};
use crate::rulebook::{Lang, LangExt, TextExt, RULEBOOK};
use host::Host;
use state::{Action, Message, Setting, State};
use yew::prelude::*;

pub use browser::Browser;
#[cfg(not(first_visit))]
use lens::LensSwitch;

/// What every screen gets: the state, the host and the way to change the state.
#[derive(Clone, PartialEq)]
pub struct Ui {
    pub state: std::rc::Rc<State>,
    pub host: Host,
    pub dispatch: Callback<Action>,
}

impl Ui {
    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    pub fn s(&self) -> &'static Strings {
        strings(self.state.lang)
    }

    /// The space between two pieces of text: none in a language written without spaces.
    pub fn gap(&self) -> &'static str {
        crate::report::gap(&RULEBOOK, self.state.lang)
    }

    /// The link to a route, in the current language and lens.
    pub fn href(&self, route: &Route) -> String {
        self.host.href(route, self.state.link_lang(), self.state.lens)
    }

    /// Moves to a route (a new step in the history or the memory).
    pub fn go(&self, route: Route) {
        self.host.go(route, &self.state, &self.dispatch);
    }

    /// A link's click: moves within the app (plain clicks only; a click with a modifier key
    /// opens the link as the browser would).
    pub fn on_link(&self, route: Route, back: bool) -> Callback<MouseEvent> {
        let ui = self.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            if back {
                ui.host.back(route.clone(), &ui.state, &ui.dispatch);
            } else {
                ui.go(route.clone());
            }
        })
    }

    /// A link into the app.
    pub fn link(&self, route: Route, class: Option<&'static str>, children: Html) -> Html {
        html! { <a class={class} href={self.href(&route)} onclick={self.on_link(route, false)}>{ children }</a> }
    }
}

#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().expect("screens render inside the app")
}

/// A message in the reader's language.
pub fn message_text(m: &Message, lang: Lang) -> String {
    let s = strings(lang);
    match m {
        Message::Link(Notice::UnknownPage(_)) => s.notice_unknown_page.to_string(),
        Message::Link(Notice::UnknownFlow(id)) => {
            fill(s.notice_unknown_flow, &[("id", &crate::answers::shown(id))])
        }
        Message::Link(Notice::Dropped(e)) => fill(s.notice_dropped, &[("detail", &dropped_answer(e, lang))]),
        Message::Link(Notice::Malformed(p)) => {
            fill(s.notice_malformed, &[("part", &crate::answers::shown(p))])
        }
        Message::Link(Notice::Repeated(q)) => {
            fill(s.notice_repeated, &[("question", &question_words(q, lang))])
        }
        Message::Link(Notice::TooLong) => s.notice_too_long.to_string(),
        Message::Link(Notice::Redirected) => s.notice_redirected.to_string(),
        Message::Link(Notice::NotHere(part)) => {
            fill(s.notice_not_here, &[("part", &crate::answers::shown(part))])
        }
        Message::UnknownLanguage(tag) => {
            fill(s.notice_unknown_language, &[("lang", &crate::answers::shown(tag))])
        }
        Message::Setting(setting, value) => {
            let value = crate::answers::shown(value);
            match setting {
                Setting::Flow => fill(s.notice_setting_flow, &[("value", &value)]),
                Setting::Lang => fill(s.notice_setting_lang, &[("value", &value), ("shown", lang.name())]),
                Setting::Theme => fill(s.notice_setting_theme, &[("value", &value)]),
            }
        }
        Message::LanguageUnavailable(wanted, why) => fill(
            s.language_unavailable,
            &[("language", wanted.name()), ("shown", lang.name()), ("detail", why)],
        ),
        Message::Saved(SavedProblem::Unreadable) => s.saved_unreadable.to_string(),
        Message::SavedPartly(notices) => fill(
            s.saved_partly,
            &[(
                "detail",
                &notices.iter().map(|n| notice_detail(n, lang)).collect::<Vec<_>>().join(s.list_separator),
            )],
        ),
        Message::Updated { dropped } if dropped.is_empty() => {
            fill(s.updated, &[("version", env!("CARGO_PKG_VERSION"))])
        }
        Message::Updated { dropped } => fill(
            s.updated_dropped,
            &[
                ("version", env!("CARGO_PKG_VERSION")),
                (
                    "answers",
                    &dropped
                        .iter()
                        .map(|e| dropped_answer(e, lang))
                        .collect::<Vec<_>>()
                        .join(s.list_separator),
                ),
            ],
        ),
        Message::StorageUnavailable => s.storage_unavailable.to_string(),
        Message::SavedNewer { version, dropped } => {
            let (saved, rules) = (version.to_string(), RULEBOOK.version.to_string());
            if dropped.is_empty() {
                fill(s.saved_newer, &[("saved", &saved), ("rules", &rules)])
            } else {
                let answers = dropped
                    .iter()
                    .map(|e| dropped_answer(e, lang))
                    .collect::<Vec<_>>()
                    .join(s.list_separator);
                fill(s.saved_newer_dropped, &[("saved", &saved), ("rules", &rules), ("answers", &answers)])
            }
        }
    }
}

/// What a notice left out, in a few words (for a list).
fn notice_detail(n: &Notice, lang: Lang) -> String {
    use crate::answers::shown;
    match n {
        Notice::Dropped(e) => dropped_answer(e, lang),
        Notice::Repeated(q) => question_words(q, lang),
        Notice::Malformed(part)
        | Notice::UnknownPage(part)
        | Notice::UnknownFlow(part)
        | Notice::NotHere(part) => ["“", &shown(part), "”"].concat(),
        Notice::TooLong | Notice::Redirected => strings(lang).notice_cut_end.to_string(),
    }
}

/// A question named by its id, in the reader's words: its prompt in quotes (the id, if unknown).
fn question_words(id: &str, lang: Lang) -> String {
    match RULEBOOK.question(id) {
        Some(q) => ["“", RULEBOOK.questions[q].prompt.get(lang), "”"].concat(),
        None => ["“", &crate::answers::shown(id), "”"].concat(),
    }
}

/// An answer left out, in the reader's words: the question as the person saw it, and the
/// option given; the engine's message when the question itself is unknown.
fn dropped_answer(e: &crate::answers::AnswerError, lang: Lang) -> String {
    use crate::answers::{shown, AnswerError};
    match e {
        AnswerError::UnknownOption { question, option, .. } if RULEBOOK.question(question).is_some() => {
            format!("{} ({})", question_words(question, lang), shown(option))
        }
        AnswerError::QuestionNotInFlow { question, .. } | AnswerError::UnknownQuestion(question) => {
            question_words(question, lang)
        }
        other => other.to_string(),
    }
}

/// The document title for a state: the screen, and on a result its outcome.
pub fn title_of(state: &State) -> String {
    let s = strings(state.lang);
    let lang = state.lang;
    match &state.route {
        Route::Start => s.app_name.to_string(),
        Route::Faq(_) => fill(s.title_faq, &[("app", s.app_name)]),
        Route::Question { answers, question, .. } => {
            let (n, _) = route::progress(answers, *question);
            let prompt = RULEBOOK.questions[*question].prompt.get(lang);
            fill(s.title_question, &[("n", &n.to_string()), ("prompt", prompt), ("app", s.app_name)])
        }
        Route::Result(answers) => {
            // (The first module hands a result over: it has no advice to name.)
            #[cfg(first_visit)]
            let outcome = RULEBOOK.flows[answers.flow()].title.get(lang);
            #[cfg(not(first_visit))]
            let outcome = {
                let ev = crate::engine::evaluate(&RULEBOOK, answers);
                let shown = crate::present::present(&RULEBOOK, &ev, state.lens);
                shown.headline.map_or_else(
                    || RULEBOOK.flows[answers.flow()].title.get(lang),
                    |h| RULEBOOK.recommendations[h.verdict].title.get(lang),
                )
            };
            fill(s.title_result, &[("outcome", outcome), ("app", s.app_name)])
        }
    }
}

#[derive(Clone, PartialEq, Properties)]
pub struct AppProps {
    pub host: Host,
    pub initial: State,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer_eq(|| props.initial.clone());
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let host = props.host.clone();
    let root = use_node_ref();
    // The language's texts may still be on their way: until then the app stays in the
    // language it was shown in (see `texts`).
    #[cfg(target_arch = "wasm32")]
    let shown = texts::use_shown_lang(state.lang, host.assets(), dispatch.clone());
    #[cfg(not(target_arch = "wasm32"))]
    let shown = Some(state.lang);
    let state = match shown {
        Some(lang) if lang != state.lang => std::rc::Rc::new(State { lang, ..(*state).clone() }),
        _ => std::rc::Rc::new((*state).clone()),
    };

    // The page follows its address: Back/Forward and edited fragments. A mounted advisor
    // does not: the address is its host page's (whose own routing and in-page links move it).
    #[cfg(target_arch = "wasm32")]
    {
        let (host, dispatch) = (host.clone(), dispatch.clone());
        use_effect_with((), move |()| {
            let listeners = if let Host::Page { .. } = host { page::listen(dispatch) } else { Vec::new() };
            move || drop(listeners)
        });
    }
    // After every change: save, title, language; events for a mounted advisor.
    {
        let host = host.clone();
        use_effect_with((*state).clone(), move |s| {
            host.sync(s, &title_of(s));
            || ()
        });
    }
    // After a move (not on the first render): focus the new screen's heading — except on the
    // FAQ page at one question, which scrolls to that question and focuses it itself.
    {
        let root = root.clone();
        let to_faq_entry = matches!(state.route, Route::Faq(Some(_)));
        use_effect_with(state.moves, move |&moves| {
            if moves > 0 && !to_faq_entry {
                Browser::focus_heading(&root);
            }
            || ()
        });
    }
    #[cfg(target_arch = "wasm32")]
    {
        let embedded = host.is_embedded();
        use_effect_with(state.route.clone(), move |_| {
            if embedded {
                embed::post_height();
            }
            || ()
        });
    }

    if shown.is_none() {
        // The first render of a mounted advisor whose language is on its way.
        return html! { <div class="app" aria-busy="true"></div> };
    }
    let ui = Ui { state: state.clone(), host: host.clone(), dispatch: dispatch.clone() };
    let lang = state.lang;
    let s = strings(lang);
    let dismiss = {
        let (dispatch, root) = (dispatch.clone(), root.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Dismiss);
            // The button goes away with the messages: keep the focus in the page.
            Browser::focus_heading(&root);
        })
    };
    let switch = |other: Lang| {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| {
            ui.dispatch.emit(Action::SetLang(other));
            ui.host.remember_view(&State { lang: other, lang_chosen: true, ..(*ui.state).clone() });
        })
    };
    let skip = {
        let root = root.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            Browser::focus_heading(&root);
        })
    };

    let screen = match &state.route {
        // The first module hands over what it does not show (see `handover`): a result, the
        // FAQ, and a question whose texts it does not carry (the province's long list).
        #[cfg(first_visit)]
        route if !handover::shows(route) => html! { <handover::Pending /> },
        Route::Start => html! { <start::StartScreen /> },
        #[cfg(not(first_visit))]
        Route::Faq(focus) => html! { <faq::FaqPage focus={*focus} /> },
        Route::Question { answers, question, changing } => html! {
            <question::QuestionScreen
                key={route::encode(&state.route)}
                answers={*answers}
                question={*question}
                changing={*changing} />
        },
        #[cfg(not(first_visit))]
        Route::Result(answers) => html! { <result::ResultScreen answers={*answers} /> },
        #[cfg(first_visit)]
        Route::Faq(_) | Route::Result(_) => html! { <handover::Pending /> },
    };
    let rules = host.static_page("rules", lang);
    let gathered = &RULEBOOK.language(lang).date(RULEBOOK.gathered);

    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <div class={classes!("app", host.is_embedded().then_some("embedded"), host.is_mounted().then_some("mounted"))} ref={root} lang={lang.code()}>
                <a class="skip-link" href="#main" onclick={skip}>{ s.skip_link }</a>
                <header class="masthead">
                    { ui.link(Route::Start, Some("brand"), html! { { s.app_name } }) }
                    <nav aria-label={s.nav_label}>
                        { ui.link(Route::Faq(None), None, html! { { s.nav_faq } }) }
                        <span class="langs" role="group" aria-label={s.language_label}>
                            { for Lang::all().filter(|&l| l != lang).map(|other| match host.static_language_link(&state, other) {
                                Some(href) => html! { <a class="lang-switch" href={href} lang={other.code()} hreflang={other.code()}>{ other.name() }</a> },
                                None => html! {
                                    <button type="button" class="link-button lang-switch" onclick={switch(other)}
                                        lang={other.code()}>{ other.name() }</button>
                                },
                            }) }
                        </span>
                    </nav>
                </header>
                <main id="main" class="main">
                    if !state.messages.is_empty() {
                        <div class="notice" role="status" aria-label={s.notices_label}>
                            <ul>
                                { for state.messages.iter().map(|m| html! { <li>{ message_text(m, lang) }</li> }) }
                            </ul>
                            <button type="button" class="link-button" onclick={dismiss}>{ s.dismiss }</button>
                        </div>
                    }
                    { saved_choice(&ui) }
                    { screen }
                </main>
                <footer class="footer">
                    <p>{ fill(s.footer, &[("source", s.source), ("date", gathered)]) }</p>
                    <p class="footer-links">
                        if let Some(href) = rules {
                            <a href={href}>{ s.rule_map }</a>{ s.dot }
                        }
                        <span>{ fill(s.version_line, &[("version", env!("CARGO_PKG_VERSION")), ("rules", &RULEBOOK.version.to_string()), ("date", gathered)]) }</span>
                    </p>
                </footer>
            </div>
        </ContextProvider<Ui>>
    }
}

/// The choice offered when the page was opened at a link whose answers differ from the ones
/// saved for its flow: both are kept until the person takes the link's (which are then saved)
/// or goes back to theirs.
fn saved_choice(ui: &Ui) -> Html {
    let Some(saved) = ui.state.undecided_here() else { return Html::default() };
    let Some(flow) = route::answers_of(saved).map(|a| a.flow()) else { return Html::default() };
    let s = ui.s();
    let keep = {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| ui.dispatch.emit(Action::KeepLink))
    };
    html! {
        <section class="notice saved-choice" role="region" aria-label={s.saved_choice_label}>
            <p>{ fill(s.saved_choice, &[("flow", RULEBOOK.flows[flow].title.get(ui.lang()))]) }</p>
            <p class="actions">
                { ui.link(saved.clone(), Some("button secondary"), html! { { s.back_to_saved } }) }
                <button type="button" class="button secondary" onclick={keep}>{ s.keep_link_answers }</button>
            </p>
        </section>
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

// ───────────────────────────── starting in the browser ─────────────────────────────

/// `startApp(record)` for JavaScript: the page's loader and the single-file edition call it
/// after loading the Wasm, which never starts the app by itself — the library's Wasm (and a
/// debug build's, which `icp-advisor.js` loads too) runs in documentation pages that may have
/// an `#app` of their own. `record` is what the page's first module hands over (see
/// [`handover`]); without it the app starts as on a page just opened.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startApp)]
pub fn start_app(record: Option<String>) {
    start_with(record.as_deref().and_then(handover::read));
}

/// Mounts the app into the element with id `app` (beside the static first screen, which it
/// replaces after its first render). The page's query string may ask for the embed mode.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    start_with(None);
}

/// What the first module hands over: the place the FAQ's Back returns to, the history entries.
#[cfg(target_arch = "wasm32")]
type Takeover = (Option<Route>, Vec<String>);

#[cfg(target_arch = "wasm32")]
fn start_with(takeover: Option<Takeover>) {
    crash::install_panic_hook();
    // Without an `#app` element the module was loaded as a library (the JS API).
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The first module hands a page opened at what it does not show over at once, before
    // anything is read or saved (the full module starts as on a page just opened).
    #[cfg(first_visit)]
    if !handover::shows(&route::decode(&Browser::hash()).0) {
        handover::hand_over("");
        return;
    }
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

#[cfg(target_arch = "wasm32")]
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
            host::history::restore(entries);
            initial.back_to = back_to;
            initial.moves = 1;
        }
        None => {
            // The address names the place as the app understood it: corrected (a result link
            // with missing answers shows the question) and without answers the path does not use.
            let canonical = (initial.route != Route::Start
                || !Browser::hash().trim_start_matches(['#', '/']).is_empty())
            .then(|| host.href(&initial.route, initial.link_lang(), initial.lens));
            host::history::start(canonical.as_deref());
        }
    }
    let Some(container) = browser::document().and_then(|d| d.create_element("div").ok()) else { return };
    let _ = container.set_attribute("hidden", "");
    let _ = container.set_attribute("data-live", "");
    let _ = root.append_child(&container);
    let app =
        yew::Renderer::<App>::with_root_and_props(container.clone(), AppProps { host, initial }).render();
    #[cfg(first_visit)]
    handover::keep(app, container);
    #[cfg(not(first_visit))]
    let _ = (app, container);
    page::reveal();
}

/// The app's properties for the page host at the current address (what [`start`] mounts;
/// the component tests mount it too).
#[cfg(target_arch = "wasm32")]
pub fn page_props(options: route::EmbedOptions) -> AppProps {
    let initial = page::initial_state(&options);
    AppProps { host: Host::Page { options, single_file: false }, initial }
}

/// Renders an independent advisor into `container` (the JS `mount` API and `<icp-advisor>`).
#[cfg(target_arch = "wasm32")]
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

/// The page host's start-up: the first place, and following the address.
#[cfg(target_arch = "wasm32")]
mod page {
    use super::*;
    use gloo::events::EventListener;

    /// The language the page opens in, as [`initial_state`] chooses it but without its effects
    /// (which must happen once: it discards an unreadable saved place and records this release,
    /// each with a message).
    pub fn initial_lang(options: &route::EmbedOptions) -> Lang {
        choose_lang(&Browser::hash(), options, &mut Vec::new()).0
    }

    /// The language from the link, else the embedding page's, else the saved choice (all of them
    /// chosen), else the browser's languages (not chosen: links then name no language); as
    /// `route::choose_lang` chooses, which the head script follows.
    fn choose_lang(hash: &str, options: &route::EmbedOptions, messages: &mut Vec<Message>) -> (Lang, bool) {
        let (lang, chosen, unknown) =
            route::choose_lang(hash, options, Browser::saved_lang().as_deref(), &Browser::languages());
        messages.extend(unknown.map(Message::UnknownLanguage));
        // The page's query names a language the advisor does not have (an iframe's `lang=`):
        // said in a notice, and to the embedding page (see `embed::warn_language`).
        if options.lang.is_none() && !matches!(route::lang_param(hash), Some(Ok(_))) {
            if let Some(Err(tag)) = route::lang_param(&Browser::search()) {
                messages.push(Message::UnknownLanguage(tag));
            }
        }
        (lang, chosen)
    }

    /// The saved place of every flow, in rulebook order, decoded, with what they say. A place
    /// an earlier release saved for all flows at once moves under its flow's own key (unless
    /// that flow has one already). An unreadable place is discarded, and said.
    fn saved_places(messages: &mut Vec<Message>) -> Vec<route::Saved> {
        let mut places = Vec::new();
        let mut unreadable = false;
        if let Some(legacy) = Browser::take_legacy_saved() {
            match route::decode_saved(&legacy).map(|s| route::answers_of(&s.route)) {
                Ok(Some(answers)) => {
                    let flow = RULEBOOK.flows[answers.flow()].id;
                    if matches!(Browser::load_saved(flow), Ok(None)) {
                        Browser::save(flow, &legacy);
                    }
                }
                Ok(None) => {}
                Err(_) => unreadable = true,
            }
        }
        for flow in RULEBOOK.flows {
            match Browser::load_saved(flow.id) {
                Ok(Some(value)) => match route::decode_saved(&value) {
                    Ok(saved) if route::answers_of(&saved.route).is_some() => places.push(saved),
                    Ok(_) => Browser::clear_saved(flow.id),
                    Err(_) => {
                        unreadable = true;
                        Browser::clear_saved(flow.id);
                    }
                },
                Ok(None) => {}
                Err(_) => {
                    messages.push(Message::StorageUnavailable);
                    return places;
                }
            }
        }
        if unreadable {
            messages.push(Message::Saved(SavedProblem::Unreadable));
        }
        // What reading them had to leave out, said once for all flows.
        let (mut lost, mut dropped, mut newer) = (Vec::new(), Vec::new(), None::<u32>);
        for saved in &places {
            match saved.other_version {
                // The same rules, yet something could not be read (the stored value was
                // edited or damaged): what was left out is said, never silent.
                None => {
                    lost.extend(saved.notices.iter().filter(|n| !matches!(n, Notice::Redirected)).cloned())
                }
                Some(v) => {
                    dropped.extend(saved.notices.iter().filter_map(|n| match n {
                        Notice::Dropped(e) => Some(e.clone()),
                        _ => None,
                    }));
                    if v > RULEBOOK.version {
                        newer = Some(newer.map_or(v, |n| n.max(v)));
                    }
                }
            }
        }
        if !lost.is_empty() {
            messages.push(Message::SavedPartly(lost));
        }
        if let Some(version) = newer {
            messages.push(Message::SavedNewer { version, dropped });
        } else if places.iter().any(|p| p.other_version.is_some()) {
            messages.push(Message::Updated { dropped });
        }
        places
    }

    /// The place the page opens at: the address, else (embed mode) the requested flow; the
    /// saved place is offered for resuming; a choice made on the static first screen before
    /// the app started is kept.
    pub fn initial_state(options: &route::EmbedOptions) -> State {
        let hash = Browser::hash();
        if hash.starts_with(crash::SELF_TEST_FRAGMENT) {
            panic!("deliberate panic: the self-test of the crash panel ({})", crash::SELF_TEST_FRAGMENT);
        }
        let mut messages = Vec::new();
        let (lang, lang_chosen) = choose_lang(&hash, options, &mut messages);
        if options.embed {
            for m in &messages {
                if let Message::UnknownLanguage(tag) = m {
                    embed::warn_language(tag, lang);
                }
            }
        }
        let (route, notices) = route::decode(&hash);
        let mut route = route::shareable(&route);
        messages.extend(notices.into_iter().map(Message::Link));
        #[cfg(not(first_visit))]
        take_ticks(&hash, &route, &mut messages);
        let lens = route::lens_param(&hash)
            .or(options.lens)
            .or_else(|| Browser::saved_lens().and_then(|l| crate::report::Lens::parse(&l)))
            .unwrap_or_default();
        let mut state = State::new(route.clone(), lang);
        state.lang_chosen = lang_chosen;
        state.lens = lens;
        if route == Route::Start {
            if let Some(flow) = options.flow.filter(|_| route::names_no_place(&hash)) {
                route = route::start_flow(flow);
                state.route = route.clone();
            }
        }
        let places = if route == Route::Start || route::answers_of(&route).is_some() {
            let mut said = Vec::new();
            let places = saved_places(&mut said);
            // (What was left out of a saved place matters where it is offered, on the start.)
            messages.extend(
                said.into_iter().filter(|m| route == Route::Start || !matches!(m, Message::SavedPartly(_))),
            );
            places
        } else {
            Vec::new()
        };
        if route == Route::Start {
            state.resumable = places.iter().map(|p| route::shareable(&p.route)).collect();
            state.chosen_flow =
                Browser::static_choice().and_then(|id| RULEBOOK.flow(&id)).unwrap_or(state.chosen_flow);
        } else {
            // Opened at a link: where its flow has other answers saved, both are kept until the
            // person chooses (the link's are not saved over them).
            state.undecided =
                places.iter().map(|p| &p.route).find(|saved| route::replaces_saved(&route, saved)).cloned();
        }
        // A new release since this browser last used the advisor: say so, quietly, once (not
        // when this copy is the older one).
        let release = release_id();
        match Browser::saved_release() {
            Some(r)
                if r != release
                    && !is_newer(&r)
                    && !messages
                        .iter()
                        .any(|m| matches!(m, Message::Updated { .. } | Message::SavedNewer { .. })) =>
            {
                messages.push(Message::Updated { dropped: Vec::new() })
            }
            _ => {}
        }
        Browser::save_release(&release);
        state.messages = messages;
        state
    }

    /// A share link's ticks (`ticks=`, when its sender chose to include them) join this
    /// browser's ticks for the result's flow: a link never takes a tick away, and what it holds
    /// that is not a tick is said. The address the app writes names no ticks, so a reload does
    /// not bring back one the person has since taken off.
    #[cfg(not(first_visit))]
    fn take_ticks(hash: &str, route: &Route, messages: &mut Vec<Message>) {
        let Some((ticks, bad)) = route::ticks_param(hash) else { return };
        messages.extend(bad.into_iter().map(|b| Message::Link(Notice::Malformed(format!("ticks={b}")))));
        // Only a result shows a checklist.
        let Route::Result(answers) = route else { return };
        let flow = RULEBOOK.flows[answers.flow()].id;
        let (mut all, _) = crate::ticks::decode(&Browser::load_ticks(flow).unwrap_or_default());
        for tick in ticks {
            if all.len() < crate::ticks::MAX_TICKS {
                all.insert(tick);
            }
        }
        Browser::save_ticks(flow, &crate::ticks::encode(&all));
    }

    /// This release of the advisor and of its rules.
    fn release_id() -> String {
        format!("{}+rules{}", env!("CARGO_PKG_VERSION"), RULEBOOK.version)
    }

    /// Whether release `r` (as [`release_id`] writes it) has newer rules than this one: this
    /// copy is then an older one (kept for offline use, say), not an update.
    fn is_newer(r: &str) -> bool {
        r.split_once("+rules").and_then(|(_, v)| v.parse::<u32>().ok()).is_some_and(|v| v > RULEBOOK.version)
    }

    /// The address, decoded (Back/Forward, an edited fragment). A link from outside the page
    /// (an address it did not make itself) whose flow has other answers saved leaves them
    /// saved until the person chooses, as when the page is opened at a link.
    fn arrived() -> Action {
        let pending = host::history::take_pending();
        let own = pending.is_some();
        let hash = pending.unwrap_or_else(Browser::hash);
        let own = own || host::history::is_own(&hash);
        let mut messages = Vec::new();
        let lang = match route::lang_param(&hash) {
            Some(Ok(l)) => Some(l),
            Some(Err(tag)) => {
                messages.push(Message::UnknownLanguage(tag));
                None
            }
            None => None,
        };
        let (route, notices) = route::decode(&hash);
        messages.extend(notices.into_iter().map(Message::Link));
        #[cfg(not(first_visit))]
        take_ticks(&hash, &route, &mut messages);
        let saved = route::answers_of(&route).filter(|_| !own).and_then(|a| {
            let value = Browser::load_saved(RULEBOOK.flows[a.flow()].id).ok()??;
            let saved = route::decode_saved(&value).ok()?.route;
            route::replaces_saved(&route, &saved).then_some(saved)
        });
        Action::Arrived { route, lang, lens: route::lens_param(&hash), messages, saved }
    }

    pub fn listen(dispatch: Callback<Action>) -> Vec<EventListener> {
        let Some(w) = browser::window() else { return Vec::new() };
        let d = dispatch.clone();
        vec![
            EventListener::new(&w, "popstate", move |_| d.emit(arrived())),
            EventListener::new(&w, "hashchange", move |_| dispatch.emit(arrived())),
        ]
    }

    /// Replaces the static content of `#app` with the live app, in one step, and marks the
    /// document ready (`data-app-ready` on `<html>`: the app is interactive).
    pub fn reveal() {
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
}
