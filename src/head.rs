//! The inline head script of `index.html` (written into the page by [`crate::site`]). Its
//! source is `web/head.js`, readable and commented ([`SOURCE`]); the build fills in its
//! configuration ([`config`]) and `site::head_script` minifies it. Before the Wasm runs, it reads the
//! address as the app will — the language (`route::choose_lang`), the embed options
//! (`route::EmbedOptions::parse`) and the first screen to show (`route::first_screen_key`) —
//! shows that screen, preloads the language's texts, and turns a choice made on the static
//! screen into the place the app opens at. It also chooses which of the page's two modules
//! starts (`route::opens_in_full`; see `ui::handover`) and preloads its files.
//!
//! Its reading is [`CORE`], a pure function of the address, the saved language and the
//! browser's languages; `tests/ui.rs` runs it in the browser against the Rust functions it
//! follows, on the corpus of links and on random ones.
//!
//! Compiled on both targets (the browser test needs [`CORE`] and [`config`]); only the native
//! site build uses the rest.

use crate::route;
use crate::rulebook::{Lang, LangExt, RULEBOOK};

/// The head script as written, readable (`web/head.js`): its configuration is the
/// placeholder [`CONFIG_PLACEHOLDER`].
pub const SOURCE: &str = include_str!("../web/head.js");

/// Where [`SOURCE`] has the configuration ([`config`]).
pub const CONFIG_PLACEHOLDER: &str = "__ICP_CONFIG__";

/// The reading of the address: `P(C, hash, search, saved, languages)` returns the language
/// code `l`, the first screen `k`, whether the embed mode is on `e` and its theme `t` (`''`
/// for the default), and whether the page opens with its full module `f`. `C` is [`config`].
/// The function expression of [`SOURCE`] between `/* head::CORE begins */` and `ends */`, as
/// written there.
pub const CORE: &str = part(SOURCE, "/* head::CORE begins */", "/* head::CORE ends */");

/// Makes the first screen the head script chose (`<html data-first-screen>`) from its inert
/// `<template data-screen>`, unless it is in the page already (the source language's start
/// screen is). `index.html` runs it (minified) at the end of `#app`, once the templates are
/// parsed and before the first paint; the head script again when the address changes before
/// the app runs. The function expression of [`SOURCE`] between its `head::SHOW` comments.
pub const SHOW: &str = part(SOURCE, "/* head::SHOW begins */", "/* head::SHOW ends */");

/// The text of `src` between `begin` and the next `end`, trimmed (at compile time: a marker
/// missing from `web/head.js` fails the build).
const fn part(src: &'static str, begin: &str, end: &str) -> &'static str {
    const fn find(hay: &[u8], needle: &[u8], from: usize) -> usize {
        let mut i = from;
        while i + needle.len() <= hay.len() {
            let mut j = 0;
            while j < needle.len() && hay[i + j] == needle[j] {
                j += 1;
            }
            if j == needle.len() {
                return i;
            }
            i += 1;
        }
        panic!("web/head.js lacks a marker of head::CORE or head::SHOW")
    }
    let bytes = src.as_bytes();
    let from = find(bytes, begin.as_bytes(), 0) + begin.len();
    let to = find(bytes, end.as_bytes(), from);
    let (_, rest) = bytes.split_at(from);
    let (inner, _) = rest.split_at(to - from);
    match core::str::from_utf8(inner) {
        Ok(text) => text.trim_ascii(),
        Err(_) => panic!("a marker of web/head.js splits a character"),
    }
}

/// The page the embed mode's first questions are in (`site::build`): `index.html` carries only
/// the start screens, and its head script sends an address in the embed mode that names a flow
/// there (`index.html?embed=1&flow=need` → `embed.html?embed=1&flow=need`), so a normal visit
/// does not download them.
pub const EMBED_PAGE: &str = "embed.html";

/// Whether a first screen is in `index.html` (the start screens) rather than only in
/// [`EMBED_PAGE`] (each flow's first question for the embed mode).
pub fn on_index(key: &str) -> bool {
    key.starts_with("start:")
}

/// The keys of the first screens [`EMBED_PAGE`] holds (`index.html` the ones [`on_index`]): the
/// start screen in every language, then each flow's first question (the embed mode's) in every
/// language.
pub fn first_screen_keys() -> Vec<String> {
    let mut keys: Vec<String> = Lang::all().map(|l| format!("start:{}", l.code())).collect();
    for f in RULEBOOK.flows {
        keys.extend(Lang::all().map(|l| format!("{}:{}", f.id, l.code())));
    }
    keys
}

fn json_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    format!("[{}]", items.into_iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(","))
}

/// The page's two modules (see `ui::handover`): each one's glue and Wasm, as file names beside
/// the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Modules {
    /// The first module (the start screen and the questions).
    pub first: (String, String),
    /// The full module (the library's Wasm: everything).
    pub full: (String, String),
}

/// The script's configuration, as JSON (lists only: nothing is looked up by a key from
/// outside): the language codes (the rulebook's order, which `Lang::parse` follows), each
/// language's texts files (its `first` pack's file first; none for the source language), the
/// two modules' Wasm files (preloaded; not their glue: see `web/head.js`), the first screens'
/// keys, the flows, the values that turn the embed mode off, the source language, the decoders'
/// limits, the storage key of the language, and the page the embed mode's first questions are
/// in when this page does not have them (`away`: `index.html`'s script goes there; `null` on
/// that page itself).
pub fn config(keys: &[String], modules: &Modules, away: Option<&str>) -> String {
    let first = RULEBOOK.packs.iter().position(|p| p.id == crate::rulebook::FIRST_PACK);
    let files: Vec<String> = RULEBOOK
        .languages
        .iter()
        .map(|l| {
            // The first module's pack, then the others the full module needs.
            let order = first.into_iter().chain((0..l.files.len()).filter(|&p| Some(p) != first));
            json_list(order.filter_map(|p| l.files.get(p).copied().filter(|f| !f.is_empty())))
        })
        .collect();
    format!(
        "{{\"codes\":{},\"files\":[{}],\"modules\":{},\"keys\":{},\"flows\":{},\"off\":{},\"source\":{:?},\"max\":{},\"pairs\":{},\"saved\":{:?},\"away\":{}}}",
        json_list(Lang::all().map(|l| l.code())),
        files.join(","),
        json_list([modules.first.1.as_str(), modules.full.1.as_str()]),
        json_list(keys.iter().map(String::as_str)),
        json_list(RULEBOOK.flows.iter().map(|f| f.id)),
        json_list(route::EMBED_OFF),
        Lang::SOURCE.code(),
        route::MAX_FRAGMENT,
        route::MAX_PAIRS,
        crate::storage::LANG_KEY,
        away.map_or("null".to_string(), |a| format!("{a:?}")),
    )
}
