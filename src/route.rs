//! Where the person is, as a URL fragment, and how to move between screens.
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
//! Decoding never fails: anything unknown or malformed is dropped, the valid rest kept,
//! and a [`Notice`] says what was dropped. Pure Rust, tested natively.

use crate::answers::{AnswerError, AnswerSet};
use crate::engine::evaluate;
use crate::report::Lens;
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

/// Decodes a fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> (Route, Vec<Notice>) {
    let mut notices = Vec::new();
    if fragment.len() > MAX_FRAGMENT {
        notices.push(Notice::TooLong);
    }
    let fragment = cut(fragment, MAX_FRAGMENT);
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let fragment = fragment.strip_prefix('/').unwrap_or(fragment);
    let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();

    let route = match segments.as_slice() {
        [] => Route::Start,
        ["faq"] => Route::Faq(None),
        ["faq", id] => match RULEBOOK.faq(id) {
            Some(f) => Route::Faq(Some(f)),
            None => {
                notices.push(Notice::UnknownPage(format!("faq/{id}")));
                Route::Faq(None)
            }
        },
        [flow, rest @ ..] => match RULEBOOK.flow(flow) {
            None => {
                notices.push(Notice::UnknownFlow(flow.to_string()));
                Route::Start
            }
            Some(fi) => {
                let answers = decode_answers(fi, query, &mut notices);
                flow_route(answers, rest, &mut notices)
            }
        },
    };
    (route, notices)
}

fn decode_answers(flow: FlowIx, query: &str, notices: &mut Vec<Notice>) -> AnswerSet {
    let mut pairs = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()).take(MAX_PAIRS) {
        if part.starts_with("lang=") || part.starts_with("lens=") {
            continue;
        }
        match part.split_once('=') {
            Some((q, o)) if !q.is_empty() && !o.is_empty() => pairs.push((q, o)),
            _ => notices.push(Notice::Malformed(part.to_string())),
        }
    }
    if query.split('&').filter(|p| !p.is_empty()).nth(MAX_PAIRS).is_some() {
        notices.push(Notice::TooLong);
    }
    // A question answered twice keeps its first answer that applies (the lenient reader keeps
    // the last, so it reads them backwards), and the link is said to have repeated it.
    let (set, mut problems) = AnswerSet::from_pairs_lenient(&RULEBOOK, flow, pairs.iter().rev().copied());
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

fn flow_route(answers: AnswerSet, rest: &[&str], notices: &mut Vec<Notice>) -> Route {
    let ev = evaluate(&RULEBOOK, &answers);
    let natural = || match ev.next {
        Some(q) => Route::Question { answers, question: q, changing: false },
        None => Route::Result(answers),
    };
    match rest {
        [] => natural(),
        ["result"] => {
            if !ev.is_complete() {
                notices.push(Notice::Redirected);
            }
            natural()
        }
        [q] | [q, "change"] => {
            let changing = rest.len() == 2;
            match RULEBOOK.question(q) {
                Some(qi) if ev.next == Some(qi) || ev.asked.iter().any(|&(a, _)| a == qi) => {
                    Route::Question { answers, question: qi, changing }
                }
                _ => {
                    notices.push(Notice::Redirected);
                    natural()
                }
            }
        }
        _ => {
            notices.push(Notice::Malformed(rest.join("/")));
            natural()
        }
    }
}

/// The language a fragment asks for (`lang=` in its query): `None` if it names none,
/// `Some(Err(tag))` if it names one the advisor does not have.
pub fn lang_param(fragment: &str) -> Option<Result<Lang, String>> {
    let fragment = cut(fragment, MAX_FRAGMENT);
    let (_, query) = fragment.split_once('?')?;
    let tag = query.split('&').find_map(|p| p.strip_prefix("lang="))?;
    Some(Lang::parse(tag).ok_or_else(|| tag.to_string()))
}

/// Adds the language to an encoded fragment, so a shared link opens in the sender's language.
pub fn with_lang(fragment: String, lang: Lang) -> String {
    let sep = if fragment.contains('?') { '&' } else { '?' };
    format!("{fragment}{sep}lang={}", lang.code())
}

/// The lens a fragment asks for (`lens=faq`: the FAQ's advice alone), if any.
pub fn lens_param(fragment: &str) -> Option<Lens> {
    let fragment = cut(fragment, MAX_FRAGMENT);
    let (_, query) = fragment.split_once('?')?;
    query.split('&').find_map(|p| p.strip_prefix("lens=")).and_then(Lens::parse)
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

/// The route with only the answers its path uses: what a share link carries. Answers left
/// over from another branch may prefill a question again in this session, but are never
/// shared.
pub fn shareable(route: &Route) -> Route {
    let relevant = |answers: &AnswerSet| evaluate(&RULEBOOK, answers).relevant();
    match route {
        Route::Result(a) => Route::Result(relevant(a)),
        Route::Question { answers, question, .. } => {
            let keep = relevant(answers);
            // (The question shown keeps its own answer, if it has one, so the link prefills it.)
            let mut keep = keep;
            if let Some(o) = answers.get(*question) {
                keep.set(*question, o);
            }
            Route::Question { answers: keep, question: *question, changing: false }
        }
        other => other.clone(),
    }
}

/// The first screen of `to`, with what `answers` already tell it answered.
pub fn continue_with(answers: &AnswerSet, to: FlowIx) -> Route {
    flow_route(crate::engine::carry(&RULEBOOK, answers, to), &[], &mut Vec::new())
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

/// The first screen of a flow.
pub fn start_flow(flow: FlowIx) -> Route {
    let answers = AnswerSet::new(flow);
    flow_route(answers, &[], &mut Vec::new())
}

/// The route after answering `question` with `option`.
///
/// Normally the next relevant question after it (pre-filled if it was answered before);
/// when `changing` from the result, the first question that has newly become necessary,
/// or straight back to the result.
pub fn answer(answers: &AnswerSet, question: QIx, option: usize, changing: bool) -> Route {
    let mut answers = *answers;
    answers.set(question, option);
    let ev = evaluate(&RULEBOOK, &answers);
    if !changing {
        if let Some(i) = ev.asked.iter().position(|&(q, _)| q == question) {
            if let Some(&(later, _)) = ev.asked.get(i + 1) {
                return Route::Question { answers, question: later, changing: false };
            }
        }
    }
    match ev.next {
        Some(q) => Route::Question { answers, question: q, changing },
        None => Route::Result(answers),
    }
}

/// The route "Back" leads to from a question (or from the result when `question` is None).
pub fn back(answers: &AnswerSet, question: Option<QIx>) -> Route {
    let ev = evaluate(&RULEBOOK, answers);
    let before = match question {
        Some(q) => match ev.asked.iter().position(|&(a, _)| a == q) {
            Some(i) => i.checked_sub(1).map(|j| ev.asked[j].0),
            None => ev.asked.last().map(|&(a, _)| a),
        },
        None => ev.asked.last().map(|&(a, _)| a),
    };
    match before {
        Some(q) => Route::Question { answers: *answers, question: q, changing: false },
        None => Route::Start,
    }
}

/// Progress shown on a question screen: (this question's number, at most how many in all).
pub fn progress(answers: &AnswerSet, question: QIx) -> (usize, usize) {
    let ev = evaluate(&RULEBOOK, answers);
    let mut prefix = AnswerSet::new(answers.flow());
    for &(q, o) in &ev.asked {
        if q == question {
            break;
        }
        prefix.set(q, o);
    }
    let ev = evaluate(&RULEBOOK, &prefix);
    (ev.asked.len() + 1, ev.asked.len() + ev.at_most_remaining.max(1))
}

/// The `localStorage` form of the current place: the rulebook version, then the fragment.
pub fn encode_saved(route: &Route) -> String {
    format!("v{}|{}", RULEBOOK.version, encode(route))
}

/// Decodes saved state through the same lenient decoder as links. State saved under another
/// rulebook version is read by ids like a link: every answer that still applies is kept,
/// what no longer exists is dropped and said (`other_version` tells the app to say the
/// advisor was updated). Only a value that is not saved state at all is refused.
pub fn decode_saved(saved: &str) -> Result<Saved, SavedProblem> {
    let saved = cut(saved, MAX_FRAGMENT);
    let Some((version, fragment)) = saved.split_once('|') else {
        return Err(SavedProblem::Unreadable);
    };
    let Some(v) = version.strip_prefix('v').and_then(|v| v.parse::<u32>().ok()) else {
        return Err(SavedProblem::Unreadable);
    };
    // Answers saved under another version of the rules are read like a link: every answer
    // that still applies is kept; what no longer exists is dropped and said.
    let (route, notices) = decode(fragment);
    Ok(Saved { route, notices, other_version: (v != RULEBOOK.version).then_some(v) })
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

/// Decodes `%XX` escapes (and `+`); `None` if the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
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
fn host_page(v: &str) -> Option<String> {
    let url = percent_decode(v)?;
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
    pub fn parse(search: &str) -> EmbedOptions {
        let search = cut(search, MAX_FRAGMENT);
        let mut o = EmbedOptions::default();
        for part in search.trim_start_matches('?').split('&').take(MAX_PAIRS) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            match k {
                "embed" => o.embed = !EMBED_OFF.contains(&v),
                "flow" => o.flow = RULEBOOK.flow(v),
                "lang" => o.lang = Lang::parse(v),
                "theme" => o.theme = Theme::parse(v).unwrap_or_default(),
                "lens" => o.lens = Lens::parse(v),
                "host" => o.host = host_page(v),
                _ => {}
            }
        }
        o
    }
}
