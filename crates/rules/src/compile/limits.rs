//! The limits that keep every tool's work bounded, checked once the tables are built: a
//! rulebook whose flows have more than [`MAX_PATHS`] complete paths together, or with a path
//! that gives more than [`MAX_ADVICE`] recommendations, is refused, so `check`, `diff`, `paths`
//! and the progress of an answer (which walk every path, or every path ahead) finish in
//! seconds at most.
//!
//! The walk here counts paths as the engine enumerates them (`engine::descend`): questions in
//! flow order, a question asked when its `ask_if` holds on the answers before it, every option
//! of an asked question a branch. `tests/rulebook_checks.rs` keeps the two counts equal.

use crate::{Cond, FlowIx, Rulebook, MAX_ADVICE, MAX_PATHS, MAX_QUESTIONS};

/// The answers so far: an option index per question, `u8::MAX` when not asked.
type Picks = [u8; MAX_QUESTIONS];

fn holds(c: &Cond, picks: &Picks) -> bool {
    match c {
        Cond::Always => true,
        Cond::Is(q, mask) => picks.get(*q).is_some_and(|&o| o != u8::MAX && mask & (1 << o) != 0),
        Cond::Not(c) => !holds(c, picks),
        Cond::Def(_, c) => holds(c, picks),
        Cond::All(cs) => cs.iter().all(|c| holds(c, picks)),
        Cond::Any(cs) => cs.iter().any(|c| holds(c, picks)),
    }
}

/// What the walk found beyond a limit.
#[derive(Debug, PartialEq, Eq)]
pub enum Beyond {
    /// The flows have more paths together than the limit: the flow at which the count passed it.
    Paths(FlowIx),
    /// A path of the flow gives more recommendations than [`MAX_ADVICE`]: its answers, as
    /// `question=option` pairs.
    Advice(FlowIx, String),
}

struct Walk<'b> {
    book: &'b Rulebook,
    flow: FlowIx,
    picks: Picks,
    count: usize,
    limit: usize,
    /// The recommendations given on the current path (reused for every path).
    given: Vec<bool>,
    too_much: Option<String>,
}

impl Walk<'_> {
    /// Adds the complete paths from flow position `from`; stops once past a limit.
    fn from(&mut self, from: usize) {
        let questions = self.book.flows[self.flow].questions;
        for (pos, &q) in questions.iter().enumerate().skip(from) {
            let question = &self.book.questions[q];
            if !holds(&question.ask_if, &self.picks) {
                continue;
            }
            for o in 0..question.options.len() {
                self.picks[q] = o as u8;
                self.from(pos + 1);
                if self.count > self.limit || self.too_much.is_some() {
                    break;
                }
            }
            self.picks[q] = u8::MAX;
            return;
        }
        self.count += 1;
        self.advice();
    }

    /// Counts the recommendations the rules give on the complete path in `picks`.
    fn advice(&mut self) {
        self.given.iter_mut().for_each(|g| *g = false);
        let mut n = 0;
        for rule in self.book.rules.iter().filter(|r| r.flow == self.flow && holds(&r.when, &self.picks)) {
            for &rec in rule.then {
                if !self.given[rec] {
                    self.given[rec] = true;
                    n += 1;
                }
            }
        }
        if n > MAX_ADVICE {
            let book = self.book;
            let answers: Vec<String> = (0..book.questions.len())
                .filter(|&q| self.picks[q] != u8::MAX)
                .map(|q| {
                    format!(
                        "{}={}",
                        book.questions[q].id, book.questions[q].options[self.picks[q] as usize].id
                    )
                })
                .collect();
            self.too_much = Some(answers.join(" "));
        }
    }
}

/// The number of complete paths of each flow, counting only up to `limit` paths in all, and
/// checking that no path gives more than [`MAX_ADVICE`] recommendations.
pub fn count_paths(book: &Rulebook, limit: usize) -> Result<Vec<usize>, Beyond> {
    let mut out = Vec::new();
    let mut total = 0;
    for flow in 0..book.flows.len() {
        let mut walk = Walk {
            book,
            flow,
            picks: [u8::MAX; MAX_QUESTIONS],
            count: 0,
            limit: limit - total,
            given: vec![false; book.recommendations.len()],
            too_much: None,
        };
        walk.from(0);
        if let Some(path) = walk.too_much {
            return Err(Beyond::Advice(flow, path));
        }
        total += walk.count;
        if total > limit {
            return Err(Beyond::Paths(flow));
        }
        out.push(walk.count);
    }
    Ok(out)
}

/// [`count_paths`] at the documented limit, [`MAX_PATHS`].
pub fn paths_per_flow(book: &Rulebook) -> Result<Vec<usize>, Beyond> {
    count_paths(book, MAX_PATHS)
}
