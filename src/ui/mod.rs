//! The Yew app. It only renders what the engine and the router return: no rule logic.
//!
//! State lives in the URL fragment (see [`crate::route`]): every step sets
//! `location.hash`, and the app re-reads it on `hashchange`, so browser Back/Forward,
//! bookmarks and shared links all work. The current place is also saved to `localStorage`.

mod browser;
mod faq;
mod question;
mod result;
mod start;

use crate::route::{self, Notice, Route};
use crate::rulebook::RULEBOOK;
use gloo::events::EventListener;
use yew::prelude::*;

pub use browser::Browser;

/// Mounts the app into the element with id `app` (replacing its loading content).
pub fn start() {
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        gloo::console::error!("ICP Filing Advisor: no element with id \"app\" to mount into");
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
    if let Some(html) = browser::document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app-ready", "");
    }
}

/// What the app shows: a route, plus notices about anything dropped while decoding it.
#[derive(Clone, PartialEq)]
pub struct Place {
    pub route: Route,
    pub notices: Vec<String>,
    /// A saved place the person may resume (offered on the start screen).
    pub resumable: Option<Route>,
}

fn read_place(first_load: bool) -> Place {
    let hash = Browser::hash();
    let (route, notices) = route::decode(&hash);
    let mut notices: Vec<String> = notices.iter().map(Notice::to_string).collect();
    let mut resumable = None;
    if first_load && route == Route::Start {
        match Browser::load_saved() {
            Ok(Some(saved)) => match route::decode_saved(&saved) {
                Ok((saved_route, _)) if !matches!(saved_route, Route::Start | Route::Faq(_)) => {
                    resumable = Some(saved_route)
                }
                Ok(_) => {}
                Err(problem) => {
                    notices.push(problem.to_string());
                    Browser::clear_saved();
                }
            },
            Ok(None) => {}
            Err(()) => notices.push(
                "Your browser does not let this page store data, so your answers will not be remembered on this device. They stay in the page's address (link)."
                    .into(),
            ),
        }
    }
    Place { route, notices, resumable }
}

/// Moves to a route: a new history entry, picked up by the `hashchange` listener.
pub fn go(route: &Route) {
    Browser::set_hash(&route::encode(route));
}

#[function_component(App)]
pub fn app() -> Html {
    let place = use_state(|| read_place(true));
    let first = use_mut_ref(|| true);

    {
        let place = place.clone();
        use_effect_with((), move |_| {
            let listener = browser::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    place.set(read_place(false));
                })
            });
            move || drop(listener)
        });
    }

    // After every move: save the place, name it in the title, and move focus to the new
    // screen's heading (not on first load, so the page does not jump).
    {
        let route = place.route.clone();
        let first = first.clone();
        use_effect_with(route, move |route| {
            if !matches!(route, Route::Start | Route::Faq(_)) {
                Browser::save(&route::encode_saved(route));
            }
            Browser::set_title(&title_of(route));
            let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if !was_first {
                Browser::focus_heading();
            }
            || ()
        });
    }

    let dismiss = {
        let place = place.clone();
        Callback::from(move |_: MouseEvent| {
            let mut p = (*place).clone();
            p.notices.clear();
            place.set(p);
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
        <div class="app">
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); Browser::focus_heading(); })}>{ "Skip to main content" }</a>
            <header class="masthead">
                <a class="brand" href="#/">{ "ICP Filing Advisor" }</a>
                <nav aria-label="Site">
                    <a href="#/faq">{ "Browse the FAQ" }</a>
                </nav>
            </header>
            <main id="main" class="main">
                if !place.notices.is_empty() {
                    <div class="notice" role="status">
                        <ul>
                            { for place.notices.iter().map(|n| html! { <li>{ n }</li> }) }
                        </ul>
                        <button type="button" class="link-button" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                }
                { screen }
            </main>
            <footer class="footer">
                <p>{ format!("Based on the {}. Guidance, not legal advice. Your answers never leave this page.", RULEBOOK.source) }</p>
            </footer>
        </div>
    }
}

fn title_of(route: &Route) -> String {
    const APP: &str = "ICP Filing Advisor";
    match route {
        Route::Start => APP.to_string(),
        Route::Faq(_) => format!("FAQ — {APP}"),
        Route::Question { answers, question, .. } => {
            let (n, _) = route::progress(answers, *question);
            format!("Question {n}: {} — {APP}", RULEBOOK.questions[*question].prompt.get(Default::default()))
        }
        Route::Result(answers) => {
            format!("Your result: {} — {APP}", RULEBOOK.flows[answers.flow()].title.get(Default::default()))
        }
    }
}
