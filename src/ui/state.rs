//! The app's state and the one reducer that changes it (Yew's todomvc pattern): every change
//! is an [`Action`]; [`reduce`] is pure, so it is tested natively. What the host does with a
//! new state (history, saving, the title, events) lives in [`super::host`].

use crate::report::Lens;
use crate::route::{Notice, Route, SavedProblem};
use crate::rulebook::{FlowIx, Lang};
use std::rc::Rc;
use yew::Reducible;

/// A message shown above the screen. Kept as a value and translated when shown, so a
/// language switch translates it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Something in the link was dropped or corrected.
    Link(Notice),
    /// The link asked for a language the advisor does not have.
    UnknownLanguage(String),
    /// The page embedding the advisor set it up with a value it does not have (an
    /// `<icp-advisor>` attribute, a `mount()` option): which setting, and the value. The
    /// advisor went on without it.
    Setting(Setting, String),
    /// A language's texts could not be fetched (why), so the advisor stays in the one shown.
    LanguageUnavailable(Lang, String),
    /// Saved answers could not be used.
    Saved(SavedProblem),
    /// Saved answers (under this version of the rules) of which a part could not be read and
    /// was left out: what (the rest is kept, and offered to resume).
    SavedPartly(Vec<Notice>),
    /// This browser does not let the page store anything.
    StorageUnavailable,
    /// The advisor was updated since this browser last used it (to this version); the saved
    /// answers that no longer apply (if any) were dropped.
    Updated { dropped: Vec<crate::answers::AnswerError> },
}

/// A setting of a mounted advisor that can name something the advisor does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Flow,
    Lang,
    Theme,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub route: Route,
    pub lang: Lang,
    /// Whether the language was chosen (by the person, a link, the embedding page or a saved
    /// choice) rather than taken from the browser's languages: only a chosen language goes into
    /// links, so a share link opens in the reader's own language unless the sender chose one.
    pub lang_chosen: bool,
    pub lens: Lens,
    pub messages: Vec<Message>,
    /// A saved place the start screen offers to resume.
    pub resumable: Option<Route>,
    /// Where the FAQ page's "Back" returns to: the screen the person came from.
    pub back_to: Option<Route>,
    /// The flow chosen on the start screen (it may come from the static first screen, chosen
    /// before the app had started).
    pub chosen_flow: FlowIx,
    /// How many moves the person has made (focus follows a move, not the first render).
    pub moves: u32,
}

impl State {
    /// The language links name: the chosen one, or none (the reader's own applies).
    pub fn link_lang(&self) -> Option<Lang> {
        self.lang_chosen.then_some(self.lang)
    }

    pub fn new(route: Route, lang: Lang) -> State {
        State {
            route,
            lang,
            lang_chosen: false,
            lens: Lens::All,
            messages: Vec::new(),
            resumable: None,
            back_to: None,
            chosen_flow: 0,
            moves: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The person goes somewhere (a link, an answer, Back).
    Go(Route),
    /// The address changed (the page's fragment): the place it decodes to, and the view it
    /// names, with what decoding had to drop.
    Arrived {
        route: Route,
        lang: Option<Lang>,
        lens: Option<Lens>,
        messages: Vec<Message>,
    },
    SetLang(Lang),
    /// The texts of `wanted` could not be fetched: the advisor stays in `instead`.
    LanguageUnavailable {
        wanted: Lang,
        instead: Lang,
        why: String,
    },
    SetLens(Lens),
    ChooseFlow(FlowIx),
    /// Hide the messages.
    Dismiss,
    /// Forget the saved place.
    DiscardResume,
}

/// The one place the state changes.
pub fn reduce(state: &State, action: Action) -> State {
    let mut next = state.clone();
    match action {
        Action::Go(route) => {
            move_to(&mut next, route);
            next.messages.clear();
        }
        Action::Arrived { route, lang, lens, messages } => {
            if route != state.route {
                move_to(&mut next, route);
            }
            if let Some(lang) = lang {
                next.lang = lang;
                next.lang_chosen = true;
            }
            next.lens = lens.unwrap_or(next.lens);
            next.messages = messages;
        }
        Action::SetLang(lang) => {
            next.lang = lang;
            next.lang_chosen = true;
        }
        // Unless the person has chosen another language meanwhile.
        Action::LanguageUnavailable { wanted, instead, why } if next.lang == wanted => {
            next.lang = instead;
            next.messages.push(Message::LanguageUnavailable(wanted, why));
        }
        Action::LanguageUnavailable { .. } => {}
        Action::SetLens(lens) => next.lens = lens,
        Action::ChooseFlow(f) => next.chosen_flow = f,
        Action::Dismiss => next.messages.clear(),
        Action::DiscardResume => next.resumable = None,
    }
    next
}

fn move_to(next: &mut State, route: Route) {
    // Opening the FAQ from a question or a result remembers where to come back to; leaving
    // the FAQ forgets it.
    match (&next.route, &route) {
        (Route::Faq(_), Route::Faq(_)) => {}
        (from, Route::Faq(_)) if !matches!(from, Route::Start) => next.back_to = Some(from.clone()),
        _ => next.back_to = None,
    }
    if let Route::Question { answers, .. } | Route::Result(answers) = &route {
        next.chosen_flow = answers.flow();
    }
    next.route = route;
    next.moves += 1;
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}
