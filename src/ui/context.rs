//! What every screen gets from the app: the state, the host and the way to change the state
//! ([`Ui`], through [`use_ui`]).

use super::host::Host;
use super::state::{Action, State};
use crate::i18n::{strings, Strings};
use crate::route::Route;
use crate::rulebook::{Lang, RULEBOOK};
use yew::prelude::*;

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
        crate::wording::gap(&RULEBOOK, self.state.lang)
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
