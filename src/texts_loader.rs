//! Fetching a language's texts in the browser (both of the page's modules: the Yew app's
//! `ui::texts`, and the first module, `first::page`): the files `Language::files` names, read
//! from the page where the single-file edition inlines them, else fetched beside the Wasm, and
//! handed to `Rulebook::install_texts`.

use crate::rulebook::{Lang, RULEBOOK};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
    let element = web_sys::window()?.document()?.get_element_by_id(&format!("icp-advisor-{file}"))?;
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
