//! The advice engine: answers in, next question and advice out. Pure Rust, no I/O.
//!
//! A flow asks its questions in rulebook order, skipping those whose `ask_if` does not
//! hold. Only answers to questions that are relevant on the current path count: an answer
//! left over from an earlier path (after a change) is reported as ignored and never feeds
//! the advice.

use crate::answers::AnswerSet;
use crate::rulebook::{Cond, FlowIx, QIx, RecIx, RuleIx, RULEBOOK};

/// Answers that are relevant on the current path (the others are masked out).
type Picks = AnswerSet;

impl Cond {
    /// Evaluates the condition against relevant answers.
    pub fn holds(&self, picks: &Picks) -> bool {
        match self {
            Cond::Always => true,
            Cond::Is(q, mask) => picks.get(*q).is_some_and(|o| mask & (1 << o) != 0),
            Cond::Not(c) => !c.holds(picks),
            Cond::All(cs) => cs.iter().all(|c| c.holds(picks)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(picks)),
        }
    }
}

/// One recommendation that applies, with the trace of why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub rec: RecIx,
    /// The rules that produced it, in rulebook order.
    pub rules: Vec<RuleIx>,
    /// The answers those rules looked at, in the order they were asked.
    pub because: Vec<(QIx, usize)>,
}

/// The result of evaluating a set of answers.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub flow: FlowIx,
    /// Relevant answers, in the order the questions are asked.
    pub asked: Vec<(QIx, usize)>,
    /// The next question to ask, or `None` when the flow is complete.
    pub next: Option<QIx>,
    /// Answers given to questions that are not relevant on this path.
    pub ignored: Vec<QIx>,
    /// The most questions still to be asked, counting `next` (0 when complete).
    pub at_most_remaining: usize,
    /// Every question that may still be asked on some path from here (including `next`).
    pub possibly_ahead: Vec<QIx>,
    /// Advice, once the flow is complete: ordered by kind, then rulebook order.
    pub advice: Vec<Applied>,
    /// The headline recommendation (a verdict), if one applies.
    pub verdict: Option<RecIx>,
}

impl Evaluation {
    pub fn is_complete(&self) -> bool {
        self.next.is_none()
    }
}

/// Walks the flow: returns the relevant answers and the first relevant unanswered question.
fn walk(answers: &AnswerSet, asked: &mut Vec<(QIx, usize)>) -> (Picks, Option<usize>) {
    let flow = &RULEBOOK.flows[answers.flow()];
    let mut relevant = AnswerSet::new(answers.flow());
    for (pos, &q) in flow.questions.iter().enumerate() {
        if !RULEBOOK.questions[q].ask_if.holds(&relevant) {
            continue;
        }
        match answers.get(q) {
            Some(o) => {
                relevant.set(q, o);
                asked.push((q, o));
            }
            None => return (relevant, Some(pos)),
        }
    }
    (relevant, None)
}

/// Explores every completion from flow position `from`: returns the most questions on any
/// path and marks every question that appears on one.
fn explore(picks: &mut Picks, from: usize, seen: &mut u64) -> usize {
    let flow = &RULEBOOK.flows[picks.flow()];
    for (pos, &q) in flow.questions.iter().enumerate().skip(from) {
        let question = &RULEBOOK.questions[q];
        if !question.ask_if.holds(picks) {
            continue;
        }
        *seen |= 1 << q;
        let mut longest = 0;
        for o in 0..question.options.len() {
            picks.set(q, o);
            longest = longest.max(explore(picks, pos + 1, seen));
        }
        picks.clear(q);
        return 1 + longest;
    }
    0
}

/// Evaluates answers: the next question, progress, and (when complete) the advice.
pub fn evaluate(answers: &AnswerSet) -> Evaluation {
    let flow = &RULEBOOK.flows[answers.flow()];
    let mut asked = Vec::with_capacity(flow.questions.len());
    let (mut relevant, stop) = walk(answers, &mut asked);
    let next = stop.map(|pos| flow.questions[pos]);

    // Answers before the stop point (or all, when complete) that did not count.
    let reached = stop.unwrap_or(flow.questions.len());
    let ignored = flow.questions[..reached]
        .iter()
        .copied()
        .filter(|&q| answers.get(q).is_some() && relevant.get(q).is_none())
        .collect();

    let (mut at_most_remaining, mut possibly_ahead) = (0, Vec::new());
    let (mut advice, mut verdict) = (Vec::new(), None);
    if let Some(pos) = stop {
        let mut seen = 0u64;
        at_most_remaining = explore(&mut relevant, pos, &mut seen);
        possibly_ahead = flow.questions.iter().copied().filter(|&q| seen & (1 << q) != 0).collect();
    } else {
        advice = advise(&relevant, &asked);
        verdict = advice.iter().map(|a| a.rec).find(|&r| RULEBOOK.recommendations[r].verdict);
    }
    Evaluation {
        flow: answers.flow(),
        asked,
        next,
        ignored,
        at_most_remaining,
        possibly_ahead,
        advice,
        verdict,
    }
}

/// Applies the flow's rules to a complete, relevant set of answers.
fn advise(relevant: &Picks, asked: &[(QIx, usize)]) -> Vec<Applied> {
    let mut advice: Vec<Applied> = Vec::new();
    for (ri, rule) in RULEBOOK.rules.iter().enumerate() {
        if rule.flow != relevant.flow() || !rule.when.holds(relevant) {
            continue;
        }
        for &rec in rule.then {
            let entry = match advice.iter().position(|a| a.rec == rec) {
                Some(i) => &mut advice[i],
                None => {
                    advice.push(Applied { rec, rules: Vec::new(), because: Vec::new() });
                    advice.last_mut().unwrap()
                }
            };
            entry.rules.push(ri);
            for &(q, o) in asked {
                if rule.refs & (1 << q) != 0 && !entry.because.contains(&(q, o)) {
                    entry.because.push((q, o));
                }
            }
        }
    }
    for a in &mut advice {
        sort_small(&mut a.because, |&(q, _)| asked.iter().position(|&(aq, _)| aq == q));
    }
    sort_small(&mut advice, |a| (RULEBOOK.recommendations[a.rec].kind, a.rec));
    advice
}

/// A stable insertion sort. The lists sorted here hold a few dozen items at most, and the
/// standard library's sort would add several KB of code to the Wasm.
fn sort_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
