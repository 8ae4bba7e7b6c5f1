//! The address grammar: where the person is, as a URL fragment, read ([`parse`]) and written
//! ([`encode`]), and the page's query (the embed options). No evaluation: where an address
//! leads and where each move goes is [`crate::nav`]'s decision.
//!
//! Fragment grammar (all ids are rulebook ids, so no escaping is ever needed):
//!
//! ```text
//! #/                                   start screen
//! #/faq            #/faq/<faq-id>      the FAQ page, optionally at one question
//! #/<flow>?q=o&q=o                     a flow with answers: opens the next question
//! #/<flow>/<question>?q=o…             one question of the flow (pre-filled if answered)
//! #/<flow>/<question>/change?q=o…      the same, reached from "Change" on the result
//! #/<flow>/result?q=o…                 the result (only once complete)
//! ```
//!
//! Ids need no escaping, but a link that has been through a mail client or a chat may come
//! back percent-encoded (`hosting=hong%2Dkong`): every part is decoded before it is read.
//!
//! Reading never fails: anything unknown or malformed is dropped, the valid rest kept,
//! and a [`Notice`] says what was dropped. Pure Rust, tested natively. The page's inline head
//! script ([`crate::head`]) reads the language and the embed options as this module does; a
//! test in the browser holds the two to the same answers.

use crate::answers::{AnswerError, AnswerSet};
use crate::present::Lens;
use crate::rulebook::{FlowIx, Lang, LangExt, QIx, RULEBOOK};

/// Inputs longer than this are cut before decoding (a link is never this long).
pub const MAX_FRAGMENT: usize = 8 * 1024;
/// At most this many answers are read from one fragment.
pub const MAX_PAIRS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    Faq(Option<usize>),
    Question { answers: AnswerSet, question: QIx, changing: bool },
    Result(AnswerSet),
}

/// Something the decoder dropped or corrected, to tell the person about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    UnknownPage(String),
    UnknownFlow(String),
    Dropped(AnswerError),
    Malformed(String),
    /// A question answered more than once (its id): the first answer that applies is kept.
    Repeated(String),
    TooLong,
    /// The link asked for a question or result that does not follow from its answers.
    Redirected,
    /// The link gives answers (or other query parts) to a page that takes none (the start
    /// screen, the FAQ): what it gave.
    NotHere(String),
}

/// Cuts `s` to at most `max` bytes on a character boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What a fragment names, as written: the grammar's reading, before any navigation decision
/// ([`crate::nav::resolve`] turns it into the place shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    Start,
    Faq(Option<usize>),
    /// A flow with its answers, at a part of it.
    Flow {
        answers: AnswerSet,
        at: At,
    },
}

/// The part of a flow a fragment names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// None (or one that is malformed, said in a notice): the flow's next screen.
    Next,
    Result,
    /// A question (`None`: an id the rulebook does not have); `changing` when reached from
    /// the result's "Change".
    Question {
        question: Option<QIx>,
        changing: bool,
    },
}

/// Reads a fragment (with or without the leading `#`) by the grammar above. Never fails:
/// what it drops is said in the notices.
pub fn parse(fragment: &str) -> (Address, Vec<Notice>) {
    let mut notices = Vec::new();
    if fragment.len() > MAX_FRAGMENT {
        notices.push(Notice::TooLong);
    }
    let fragment = cut(fragment, MAX_FRAGMENT);
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let fragment = fragment.strip_prefix('/').unwrap_or(fragment);
    let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
    let decoded: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| unescape(s).unwrap_or_else(|| s.to_string()))
        .collect();
    let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
    // Only a flow takes answers: elsewhere, what the query holds besides the view is said.
    let elsewhere = |notices: &mut Vec<Notice>| {
        let parts: Vec<String> = query_pairs(query)
            .filter_map(|p| match p {
                Ok((k, _)) if is_view_param(&k) => None,
                Ok((k, v)) => Some(format!("{k}={v}")),
                Err(raw) => Some(raw.to_string()),
            })
            .collect();
        if !parts.is_empty() {
            notices.push(Notice::NotHere(parts.join("&")));
        }
    };

    let address = match segments.as_slice() {
        [] => {
            elsewhere(&mut notices);
            Address::Start
        }
        ["faq"] => {
            elsewhere(&mut notices);
            Address::Faq(None)
        }
        ["faq", id] => {
            elsewhere(&mut notices);
            match RULEBOOK.faq(id) {
                Some(f) => Address::Faq(Some(f)),
                None => {
                    notices.push(Notice::UnknownPage(format!("faq/{id}")));
                    Address::Faq(None)
                }
            }
        }
        [flow, rest @ ..] => match RULEBOOK.flow(flow) {
            None => {
                notices.push(Notice::UnknownFlow(flow.to_string()));
                elsewhere(&mut notices);
                Address::Start
            }
            Some(fi) => {
                let answers = decode_answers(fi, query, &mut notices);
                let at = match rest {
                    [] => At::Next,
                    ["result"] => At::Result,
                    [q] | [q, "change"] => {
                        At::Question { question: RULEBOOK.question(q), changing: rest.len() == 2 }
                    }
                    _ => {
                        notices.push(Notice::Malformed(rest.join("/")));
                        At::Next
                    }
                };
                Address::Flow { answers, at }
            }
        },
    };
    (address, notices)
}

/// The `key=value` parts of a query (a fragment's, or the page's), at most [`MAX_PAIRS`] of
/// them, empty parts skipped, each key and value percent-decoded: `Err` with the part as
/// written if it has no `=`, an empty key or value, or an escape that is not UTF-8.
pub fn query_pairs(query: &str) -> impl Iterator<Item = Result<(String, String), &str>> {
    query.split('&').filter(|p| !p.is_empty()).take(MAX_PAIRS).map(|part| {
        let (k, v) = part.split_once('=').filter(|(k, v)| !k.is_empty() && !v.is_empty()).ok_or(part)?;
        match (unescape(k), unescape(v)) {
            (Some(k), Some(v)) if !k.is_empty() && !v.is_empty() => Ok((k, v)),
            _ => Err(part),
        }
    })
}

/// Decodes the `%XX` escapes of a fragment's part (`+` stays itself: this is not a form);
/// `None` if an escape is broken or the bytes are not UTF-8 (as JavaScript's
/// `decodeURIComponent` throws).
pub fn unescape(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_string());
    }
    percent_decode_with(s, false)
}

fn decode_answers(flow: FlowIx, query: &str, notices: &mut Vec<Notice>) -> AnswerSet {
    let mut pairs = Vec::new();
    for part in query_pairs(query) {
        match part {
            Ok((k, _)) if is_view_param(&k) => {}
            Ok(pair) => pairs.push(pair),
            Err(raw) => notices.push(Notice::Malformed(raw.to_string())),
        }
    }
    if query.split('&').filter(|p| !p.is_empty()).nth(MAX_PAIRS).is_some() {
        notices.push(Notice::TooLong);
    }
    // A question answered twice keeps its first answer that applies (the lenient reader keeps
    // the last, so it reads them backwards), and the link is said to have repeated it.
    let (set, mut problems) = AnswerSet::from_pairs_lenient(
        &RULEBOOK,
        flow,
        pairs.iter().rev().map(|(q, o)| (q.as_str(), o.as_str())),
    );
    problems.reverse();
    notices.extend(problems.into_iter().map(Notice::Dropped));
    for (i, (q, o)) in pairs.iter().enumerate() {
        let first = pairs.iter().position(|(k, _)| k == q) == Some(i);
        if first && pairs[i + 1..].iter().any(|(k, v)| k == q && v != o) {
            notices.push(Notice::Repeated(q.to_string()));
        }
    }
    set
}

/// The first value of `key` in a fragment's query (percent-decoded).
/// The query keys that say how to show a place rather than answer a question: the language,
/// the lens, and the checklist's ticks a share link may carry ([`ticks_param`]).
fn is_view_param(key: &str) -> bool {
    matches!(key, "lang" | "lens" | "ticks")
}

fn fragment_param(fragment: &str, key: &str) -> Option<String> {
    let fragment = cut(fragment, MAX_FRAGMENT);
    let (_, query) = fragment.split_once('?')?;
    query_pairs(query).find_map(|p| p.ok().filter(|(k, _)| k == key)).map(|(_, v)| v)
}

/// The language a fragment asks for (`lang=` in its query): `None` if it names none,
/// `Some(Err(tag))` if it names one the advisor does not have.
pub fn lang_param(fragment: &str) -> Option<Result<Lang, String>> {
    let tag = fragment_param(fragment, "lang")?;
    Some(Lang::parse(&tag).ok_or(tag))
}

/// The language a page opens in: the link's (`lang=` in the fragment), else the page query's
/// (`options.lang`), else the one saved in this browser — each of them chosen — else the first
/// of the browser's languages the advisor has, else the source language (not chosen). With the
/// tag of a language the link asked for and the advisor does not have. The head script chooses
/// the same way.
pub fn choose_lang(
    fragment: &str,
    options: &EmbedOptions,
    saved: Option<&str>,
    browser: &[String],
) -> (Lang, bool, Option<String>) {
    let unknown = match lang_param(fragment) {
        Some(Ok(lang)) => return (lang, true, None),
        Some(Err(tag)) => Some(tag),
        None => None,
    };
    match options.lang.or_else(|| saved.and_then(Lang::parse)) {
        Some(lang) => (lang, true, unknown),
        None => (browser.iter().find_map(|t| Lang::parse(t)).unwrap_or_default(), false, unknown),
    }
}

/// Whether a fragment names no place (`#`, `#/`, `#/?lang=…`): an embedded advisor then opens
/// the flow its page query names.
pub fn names_no_place(fragment: &str) -> bool {
    let fragment = cut(fragment, MAX_FRAGMENT);
    let path = fragment.split('?').next().unwrap_or("");
    path.trim_start_matches('#').trim_start_matches('/').is_empty()
}

/// Whether the page opens at this address with its full module rather than its first module
/// (the head script and the loader choose by it, before any Wasm runs: see `ui::handover`):
/// when its path is the FAQ (`#/faq`, `#/faq/<id>`) or a flow's result (`#/<flow>/result`),
/// each part percent-decoded as [`parse`] reads it. It only chooses what to fetch first: the
/// first module hands over whatever it does not show.
pub fn opens_in_full(fragment: &str) -> bool {
    let fragment = cut(fragment, MAX_FRAGMENT);
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let path = fragment.split('?').next().unwrap_or("");
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| unescape(s).unwrap_or_else(|| s.to_string()))
        .collect();
    match segments.as_slice() {
        [first, ..] if first == "faq" => true,
        [_, last] => last == "result",
        _ => false,
    }
}

/// The static first screen `index.html` shows before the app runs (the head script picks the
/// same): the embed mode's first question of the flow the page query names, when the fragment
/// names no place; else the start screen; in the page's language.
pub fn first_screen_key(fragment: &str, options: &EmbedOptions, lang: Lang) -> String {
    match options.flow.filter(|_| options.embed && names_no_place(fragment)) {
        Some(flow) => format!("{}:{}", RULEBOOK.flows[flow].id, lang.code()),
        None => format!("start:{}", lang.code()),
    }
}

/// Adds the language to an encoded fragment, so a shared link opens in the sender's language.
pub fn with_lang(fragment: String, lang: Lang) -> String {
    let sep = if fragment.contains('?') { '&' } else { '?' };
    format!("{fragment}{sep}lang={}", lang.code())
}

/// The lens a fragment asks for (`lens=faq`: the FAQ's advice alone), if any.
pub fn lens_param(fragment: &str) -> Option<Lens> {
    fragment_param(fragment, "lens").and_then(|l| Lens::parse(&l))
}

/// The ticks of a checklist a share link carries, when the person chose to include them
/// (`ticks=documents-company/1a2b3c4d,…`: [`crate::ticks::key`]s, comma-separated): the keys
/// it could read (at most [`crate::ticks::MAX_TICKS`]), and each item it could not. `None`
/// when the link carries none. Never fails.
pub fn ticks_param(fragment: &str) -> Option<(std::collections::BTreeSet<String>, Vec<String>)> {
    let value = fragment_param(fragment, "ticks")?;
    Some(crate::ticks::read(value.split(',')))
}

/// Adds a checklist's ticks to an encoded fragment (nothing when there are none).
pub fn with_ticks(fragment: String, ticks: &std::collections::BTreeSet<String>) -> String {
    if ticks.is_empty() {
        return fragment;
    }
    let sep = if fragment.contains('?') { '&' } else { '?' };
    let list: Vec<&str> = ticks.iter().map(String::as_str).collect();
    format!("{fragment}{sep}ticks={}", list.join(","))
}

/// Adds the language (when one was chosen) and the lens (when not the default) to an encoded
/// fragment.
pub fn with_view(fragment: String, lang: Option<Lang>, lens: Lens) -> String {
    let fragment = match lang {
        Some(lang) => with_lang(fragment, lang),
        None => fragment,
    };
    match lens {
        Lens::All => fragment,
        Lens::FaqOnly => {
            let sep = if fragment.contains('?') { '&' } else { '?' };
            format!("{fragment}{sep}lens={}", lens.id())
        }
    }
}

/// The query part for answers, in rulebook order.
pub fn encode_answers(answers: &AnswerSet) -> String {
    answers
        .iter()
        .map(|(q, o)| {
            let question = &RULEBOOK.questions[q];
            format!("{}={}", question.id, question.options[o].id)
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Encodes a route as a fragment (with the leading `#`).
pub fn encode(route: &Route) -> String {
    let with = |path: String, answers: &AnswerSet| {
        let q = encode_answers(answers);
        if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        }
    };
    match route {
        Route::Start => "#/".into(),
        Route::Faq(None) => "#/faq".into(),
        Route::Faq(Some(f)) => format!("#/faq/{}", RULEBOOK.faqs[*f].id),
        Route::Question { answers, question, changing } => {
            let flow = RULEBOOK.flows[answers.flow()].id;
            let q = RULEBOOK.questions[*question].id;
            let suffix = if *changing { "/change" } else { "" };
            with(format!("#/{flow}/{q}{suffix}"), answers)
        }
        Route::Result(answers) => with(format!("#/{}/result", RULEBOOK.flows[answers.flow()].id), answers),
    }
}

/// The `localStorage` form of the current place: the rulebook version, then the fragment.
pub fn encode_saved(route: &Route) -> String {
    format!("v{}|{}", RULEBOOK.version, encode(route))
}

/// Reads the `localStorage` form ([`encode_saved`]): the rules' version it was saved under and
/// its fragment; [`crate::nav::decode_saved`] decodes the place.
pub fn parse_saved(saved: &str) -> Result<(u32, &str), SavedProblem> {
    let saved = cut(saved, MAX_FRAGMENT);
    let Some((version, fragment)) = saved.split_once('|') else {
        return Err(SavedProblem::Unreadable);
    };
    let Some(v) = version.strip_prefix('v').and_then(|v| v.parse::<u32>().ok()) else {
        return Err(SavedProblem::Unreadable);
    };
    Ok((v, fragment))
}

/// A saved place, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub route: Route,
    /// What decoding dropped (answers that no longer apply).
    pub notices: Vec<Notice>,
    /// The rules' version it was saved under, when not this one.
    pub other_version: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedProblem {
    Unreadable,
}

/// The values of `embed=` that turn the embed mode off (any other value, or none, turns it on).
pub const EMBED_OFF: [&str; 2] = ["0", "false"];

/// Options for the iframe embed mode, read from the page's query string:
/// `?embed=1&flow=need&lang=zh-CN&theme=dark`. Unknown or malformed options are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Minimal chrome, transparent background, height posted to the parent page.
    pub embed: bool,
    /// The flow to open when the link names no place.
    pub flow: Option<FlowIx>,
    pub lang: Option<Lang>,
    pub lens: Option<Lens>,
    pub theme: Theme,
    /// The address of the page that embeds the advisor (`host=`, URL-encoded): share links
    /// then lead to that page, which passes the place on to the iframe (`embed.js`).
    pub host: Option<String>,
}

/// Decodes a query value of the page's address: `%XX` escapes, and `+` as a space (a form's
/// encoding); `None` if an escape is broken or the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    percent_decode_with(s, true)
}

fn percent_decode_with(s: &str, plus_is_space: bool) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit))?;
                out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The embedding page's address for share links: an absolute http(s) URL without a
/// fragment, and nothing that could break out of an attribute or a link.
fn host_page(url: &str) -> Option<String> {
    let url = url.to_string();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= 2048
        && !url.contains('#')
        && url.chars().all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '`'));
    ok.then_some(url)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

impl EmbedOptions {
    /// Reads the page's query: every key and value form-decoded (`%XX`, `+`; a part that does
    /// not decode is skipped); the last of a repeated option counts. The head script reads it
    /// the same way.
    pub fn parse(search: &str) -> EmbedOptions {
        let search = cut(search, MAX_FRAGMENT);
        let mut o = EmbedOptions::default();
        for part in search.trim_start_matches('?').split('&').take(MAX_PAIRS) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (Some(k), Some(v)) = (percent_decode(k), percent_decode(v)) else { continue };
            match k.as_str() {
                "embed" => o.embed = !EMBED_OFF.contains(&v.as_str()),
                "flow" => o.flow = RULEBOOK.flow(&v),
                "lang" => o.lang = Lang::parse(&v),
                "theme" => o.theme = Theme::parse(&v).unwrap_or_default(),
                "lens" => o.lens = Lens::parse(&v),
                "host" => o.host = host_page(&v),
                _ => {}
            }
        }
        o
    }
}

/// The file name of a static page of the advisor in a language: `faq.html`, `faq.zh-CN.html`
/// (the Yew app's links, the first module's rule-map link and the site build's files).
pub fn static_file(page: &str, lang: Lang) -> String {
    if lang == Lang::SOURCE {
        format!("{page}.html")
    } else {
        format!("{page}.{}.html", lang.code())
    }
}
