//! Navigation: where an address leads and where each move goes, decided by evaluating the
//! answers against the rulebook. [`crate::route`] reads and writes addresses (the grammar,
//! with no evaluation); this module makes every decision that needs the engine: a result link
//! with missing answers opens the next question, "Back" and "Next" follow the path the answers
//! take, a share link keeps only the answers its path uses. Pure Rust, tested natively.

use crate::answers::AnswerSet;
use crate::engine::{carry, path};
use crate::route::{self, Address, At, Notice, Route, Saved, SavedProblem};
use crate::rulebook::{FlowIx, QIx, Rulebook};

/// Decodes a fragment (with or without the leading `#`) into the place it leads to, with what
/// was dropped or corrected. Never fails.
pub fn decode(book: &Rulebook, fragment: &str) -> (Route, Vec<Notice>) {
    let (address, mut notices) = route::parse(fragment);
    let route = resolve(book, address, &mut notices);
    (route, notices)
}

/// The place an address leads to: a flow's part only when its answers reach it (else the
/// flow's next screen, and a notice that the link was redirected).
pub fn resolve(book: &Rulebook, address: Address, notices: &mut Vec<Notice>) -> Route {
    let (answers, at) = match address {
        Address::Start => return Route::Start,
        Address::Faq(f) => return Route::Faq(f),
        Address::Flow { answers, at } => (answers, at),
    };
    let ev = path(book, &answers);
    let natural = || match ev.next {
        Some(q) => Route::Question { answers, question: q, changing: false },
        None => Route::Result(answers),
    };
    match at {
        At::Next => natural(),
        At::Result => {
            if !ev.is_complete() {
                notices.push(Notice::Redirected);
            }
            natural()
        }
        At::Question { question: Some(qi), changing }
            if ev.next == Some(qi) || ev.asked.iter().any(|&(a, _)| a == qi) =>
        {
            Route::Question { answers, question: qi, changing }
        }
        At::Question { .. } => {
            notices.push(Notice::Redirected);
            natural()
        }
    }
}

/// Decodes saved state through the same lenient decoder as links. State saved under another
/// rulebook version is read by ids like a link: every answer that still applies is kept,
/// what no longer exists is dropped and said (`other_version` tells the app to say the
/// advisor was updated). Only a value that is not saved state at all is refused.
pub fn decode_saved(book: &Rulebook, saved: &str) -> Result<Saved, SavedProblem> {
    let (v, fragment) = route::parse_saved(saved)?;
    let (route, notices) = decode(book, fragment);
    Ok(Saved { route, notices, other_version: (v != book.version).then_some(v) })
}

/// The route with only the answers its path uses: what a share link carries. Answers left
/// over from another branch may prefill a question again in this session, but are never
/// shared.
pub fn shareable(book: &Rulebook, route: &Route) -> Route {
    let relevant = |answers: &AnswerSet| path(book, answers).relevant();
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

/// The answers a place holds that count (those its path uses), with their flow: `None` for
/// the start screen and the FAQ.
pub fn answers_of(book: &Rulebook, route: &Route) -> Option<AnswerSet> {
    match route {
        Route::Question { answers, .. } | Route::Result(answers) => Some(path(book, answers).relevant()),
        _ => None,
    }
}

/// Whether `link` (a place the page was opened at) would replace saved answers: it is a place
/// of the same flow as `saved`, whose answers differ, and `saved` holds some.
pub fn replaces_saved(book: &Rulebook, link: &Route, saved: &Route) -> bool {
    match (answers_of(book, link), answers_of(book, saved)) {
        (Some(l), Some(s)) => l.flow() == s.flow() && l != s && !s.is_empty(),
        _ => false,
    }
}

/// The first screen of `to`, with what `answers` already tell it answered.
pub fn continue_with(book: &Rulebook, answers: &AnswerSet, to: FlowIx) -> Route {
    next_screen(book, carry(book, answers, to))
}

/// The first screen of a flow.
pub fn start_flow(book: &Rulebook, flow: FlowIx) -> Route {
    next_screen(book, AnswerSet::new(flow))
}

/// The route after answering `question` with `option`.
///
/// Normally the next relevant question after it (pre-filled if it was answered before);
/// when `changing` from the result, the first question that has newly become necessary,
/// or straight back to the result.
pub fn answer(book: &Rulebook, answers: &AnswerSet, question: QIx, option: usize, changing: bool) -> Route {
    let mut answers = *answers;
    answers.set(question, option);
    let ev = path(book, &answers);
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

/// The place the FAQ's Back returns to after a move from `from` to `to`, `kept` the one before:
/// opening the FAQ from a question or a result remembers where it came from, moving within the
/// FAQ keeps it, and leaving the FAQ forgets it.
pub fn faq_back(from: &Route, to: &Route, kept: Option<Route>) -> Option<Route> {
    match (from, to) {
        (Route::Faq(_), Route::Faq(_)) => kept,
        (from, Route::Faq(_)) if !matches!(from, Route::Start) => Some(from.clone()),
        _ => None,
    }
}

/// The route "Back" leads to from a question (or from the result when `question` is None).
pub fn back(book: &Rulebook, answers: &AnswerSet, question: Option<QIx>) -> Route {
    let ev = path(book, answers);
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
pub fn progress(book: &Rulebook, answers: &AnswerSet, question: QIx) -> (usize, usize) {
    let ev = path(book, answers);
    let mut prefix = AnswerSet::new(answers.flow());
    for &(q, o) in &ev.asked {
        if q == question {
            break;
        }
        prefix.set(q, o);
    }
    let ev = path(book, &prefix);
    (ev.asked.len() + 1, ev.asked.len() + ev.at_most_remaining.max(1))
}

/// The next screen of a flow with these answers (its next question, or its result).
fn next_screen(book: &Rulebook, answers: AnswerSet) -> Route {
    resolve(book, Address::Flow { answers, at: At::Next }, &mut Vec::new())
}
