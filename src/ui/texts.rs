//! The texts of every language but the source language travel beside the Wasm, one file per
//! language and pack (`Language::files`, written by `icp-advisor site`): a visitor downloads
//! only the language they read, and only the packs the module they run needs (the page's first
//! module: `first`; the full module: every pack). This module fetches a language's files when
//! it is chosen ([`crate::texts_loader`], which the first module uses too); [`use_shown_lang`] keeps the app in the language it has
//! until the new one is here.

use super::state::Action;
use crate::rulebook::{Lang, RULEBOOK};
use yew::prelude::*;

pub use crate::texts_loader::load;

/// The language to show: the one asked for once its texts are here; until then the one shown
/// before, or `None` on the very first render (a mounted advisor then renders nothing for
/// the moment the texts take). If they cannot be fetched, the state goes back to the language
/// shown, with a message.
#[hook]
pub fn use_shown_lang(want: Lang, base: Option<String>, dispatch: Callback<Action>) -> Option<Lang> {
    let shown = use_mut_ref(|| None::<Lang>);
    let arrived = use_force_update();
    if RULEBOOK.has_texts(want) {
        *shown.borrow_mut() = Some(want);
    }
    {
        let shown = shown.clone();
        use_effect_with(want, move |&want| {
            if !RULEBOOK.has_texts(want) {
                let instead = shown.borrow().unwrap_or(Lang::SOURCE);
                wasm_bindgen_futures::spawn_local(async move {
                    match load(want, base.as_deref()).await {
                        Ok(()) => arrived.force_update(),
                        Err(why) => {
                            gloo::console::warn!(format!("ICP Filing Advisor: texts not loaded: {why}"));
                            dispatch.emit(Action::LanguageUnavailable { wanted: want, instead, why });
                        }
                    }
                });
            }
            || ()
        });
    }
    let now = *shown.borrow();
    now
}
