//! The texts of every language but the source language travel beside the Wasm, one file per
//! language and pack (`Language::files`, written by `icp-advisor site`): a visitor downloads
//! only the language they read, and only the packs the module they run needs (the page's first
//! module: `first`; the full module: every pack). This module fetches a language's files when
//! it is chosen (or reads them from the page: the single-file edition inlines them) and hands
//! them to `Rulebook::install_texts`; [`use_shown_lang`] keeps the app in the language it has
//! until the new one is here.

use super::state::Action;
use crate::rulebook::{Lang, RULEBOOK};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Makes a language's texts available (every pack this build needs): at once when they are
/// here, else each file from the element `#icp-advisor-<file name>` of the page (a JSON
/// string), else fetched from `base` (the folder of the app's files, `./` for a page). The
/// error says why, in a few words.
pub async fn load(lang: Lang, base: Option<&str>) -> Result<(), String> {
    for file in RULEBOOK.missing_files(lang) {
        let text = match inline(file) {
            Some(text) => text,
            None => {
                let base = base.ok_or("the advisor's folder is unknown")?;
                fetch(&format!("{base}{file}")).await?
            }
        };
        RULEBOOK.install_texts(lang, &text)?;
    }
    Ok(())
}

fn inline(file: &str) -> Option<String> {
    let element = super::browser::document()?.get_element_by_id(&format!("icp-advisor-{file}"))?;
    js_sys::JSON::parse(&element.text_content()?).ok()?.as_string()
}

async fn fetch(url: &str) -> Result<String, String> {
    let offline = |_| "no connection".to_string();
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(offline)?.dyn_into().map_err(offline)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(offline)?).await.map_err(offline)?;
    text.as_string().ok_or_else(|| "not a text".to_string())
}

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
