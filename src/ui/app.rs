//! The app shell: the reducer's state, the effects that follow every change (saving, the
//! title, focus, the embed's height), and the frame around a screen — the masthead, the
//! messages, the saved-answers choice and the footer. The screen itself is one of
//! [`super::screens`].

use super::browser::Browser;
use super::context::Ui;
use super::host::Host;
use super::messages::message_text;
use super::screens::{faq, question, result, start};
use super::state::{Action, State};
#[cfg(target_arch = "wasm32")]
use super::{embed, host::page, texts};
use crate::i18n::{fill, strings};
use crate::nav;
use crate::present::Outcome;
use crate::route::{self, Route};
use crate::rulebook::{Lang, LangExt, TextExt, RULEBOOK};
use std::rc::Rc;
use yew::prelude::*;

/// The document title for a state: the screen, and on a result its outcome (the verdict of
/// `outcome`, the result's evaluation; the first module has none and names the flow).
pub fn title_of(state: &State, outcome: Option<&Outcome>) -> String {
    let s = strings(state.lang);
    let lang = state.lang;
    match &state.route {
        Route::Start => s.app_name.to_string(),
        Route::Faq(_) => fill(s.title_faq, &[("app", s.app_name)]),
        Route::Question { answers, question, .. } => {
            let (n, _) = nav::progress(&RULEBOOK, answers, *question);
            let prompt = RULEBOOK.questions[*question].prompt.get(lang);
            fill(s.title_question, &[("n", &n.to_string()), ("prompt", prompt), ("app", s.app_name)])
        }
        Route::Result(answers) => {
            let outcome = outcome.and_then(|o| o.shown.headline.as_ref()).map_or_else(
                || RULEBOOK.flows[answers.flow()].title.get(lang),
                |h| RULEBOOK.recommendations[h.verdict].title.get(lang),
            );
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
    // A result is evaluated and presented once, for everything that shows or sends it (the
    // screen, the title, a mounted advisor's events, copy-as-text).
    let outcome: Option<Rc<Outcome>> = {
        let key = match &state.route {
            Route::Result(answers) => Some((*answers, state.lens)),
            _ => None,
        };
        (*use_memo(key, |key| key.map(|(answers, lens)| Rc::new(Outcome::new(&RULEBOOK, answers, lens)))))
            .clone()
    };
    // After every change: save, title, language; events for a mounted advisor.
    {
        let (host, outcome) = (host.clone(), outcome.clone());
        use_effect_with((*state).clone(), move |s| {
            host.sync(s, &title_of(s, outcome.as_deref()), outcome.as_deref());
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
        Route::Start => html! { <start::StartScreen /> },
        Route::Faq(focus) => html! { <faq::FaqPage focus={*focus} /> },
        Route::Question { answers, question, changing } => html! {
            <question::QuestionScreen
                key={route::encode(&state.route)}
                answers={*answers}
                question={*question}
                changing={*changing} />
        },
        Route::Result(_) => match outcome {
            Some(outcome) => html! { <result::ResultScreen {outcome} /> },
            None => Html::default(),
        },
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
    let Some(flow) = nav::answers_of(&RULEBOOK, saved).map(|a| a.flow()) else { return Html::default() };
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
