//! The app's state and the one reducer that changes it (Yew's todomvc pattern): every change
//! is an [`Action`]; [`reduce`] is pure, so it is tested natively. What the host does with a
//! new state (history, saving, the title, events) lives in [`super::host`].

use crate::nav;
use crate::present::Lens;
use crate::route::{Notice, Route, SavedProblem};
use crate::rulebook::RULEBOOK;
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
    /// Saved answers come from a newer version of the rules (this one, perhaps an older copy
    /// kept offline, is older): the rules' version they were saved under, and the answers this
    /// version cannot read (left out).
    SavedNewer { version: u32, dropped: Vec<crate::answers::AnswerError> },
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
    /// The saved places the start screen offers to resume, one per flow, in rulebook order.
    pub resumable: Vec<Route>,
    /// The place saved for the flow of a link the page was opened at, whose answers differ
    /// from the link's: both are kept (the link's is not saved over it) until the person
    /// chooses one ([`Action::KeepLink`], or going to the saved place).
    pub undecided: Option<Route>,
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

    /// The saved place the person has not yet chosen over the link's, if it is of the flow
    /// shown: the page keeps it, and does not save this flow, until they choose.
    pub fn undecided_here(&self) -> Option<&Route> {
        let here = nav::answers_of(&RULEBOOK, &self.route)?.flow();
        self.undecided.as_ref().filter(|r| nav::answers_of(&RULEBOOK, r).is_some_and(|a| a.flow() == here))
    }

    pub fn new(route: Route, lang: Lang) -> State {
        State {
            route,
            lang,
            lang_chosen: false,
            lens: Lens::All,
            messages: Vec::new(),
            resumable: Vec::new(),
            undecided: None,
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
    /// names, with what decoding had to drop; `saved`, the place saved for its flow when the
    /// address is a link from outside the page whose answers differ from it.
    Arrived {
        route: Route,
        lang: Option<Lang>,
        lens: Option<Lens>,
        messages: Vec<Message>,
        saved: Option<Route>,
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
    /// Forget the saved place of a flow.
    DiscardResume(FlowIx),
    /// Keep the link's answers over the ones saved for its flow (which the page then replaces).
    KeepLink,
}

/// The one place the state changes.
pub fn reduce(state: &State, action: Action) -> State {
    let mut next = state.clone();
    match action {
        Action::Go(route) => {
            // Going to the saved answers is choosing them.
            let back_to_saved = |u: &Route| {
                nav::answers_of(&RULEBOOK, u).is_some()
                    && nav::answers_of(&RULEBOOK, u) == nav::answers_of(&RULEBOOK, &route)
            };
            if next.undecided.as_ref().is_some_and(back_to_saved) {
                next.undecided = None;
            }
            move_to(&mut next, route);
            next.messages.clear();
        }
        Action::Arrived { route, lang, lens, messages, saved } => {
            if route != state.route {
                move_to(&mut next, route);
            }
            if let Some(lang) = lang {
                next.lang = lang;
                next.lang_chosen = true;
            }
            next.lens = lens.unwrap_or(next.lens);
            next.messages = messages;
            if saved.is_some() {
                next.undecided = saved;
            }
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
        Action::DiscardResume(flow) => {
            let of_flow = |r: &Route| nav::answers_of(&RULEBOOK, r).is_some_and(|a| a.flow() == flow);
            next.resumable.retain(|r| !of_flow(r));
            if next.undecided.as_ref().is_some_and(of_flow) {
                next.undecided = None;
            }
        }
        Action::KeepLink => next.undecided = None,
    }
    next
}

fn move_to(next: &mut State, route: Route) {
    next.back_to = nav::faq_back(&next.route, &route, next.back_to.take());
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
