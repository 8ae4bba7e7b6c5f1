//! The advice engine: answers in, next question and advice out. Pure Rust, no I/O, and no
//! rulebook of its own: every function takes the [`Rulebook`] to apply (the app passes the
//! embedded one; the CLI may pass one it compiled at run time).
//!
//! A flow asks its questions in rulebook order, skipping those whose `ask_if` does not
//! hold. Only answers to questions that are relevant on the current path count: an answer
//! left over from an earlier path (after a change) is reported as ignored and never feeds
//! the advice.

use crate::answers::AnswerSet;
use crate::rulebook::{Cond, Fact, FlowIx, Part, QIx, RecIx, RuleIx, Rulebook};

/// Answers that are relevant on the current path (the others are masked out).
type Picks = AnswerSet;

/// Evaluates a condition against relevant answers.
pub fn holds(c: &Cond, picks: &Picks) -> bool {
    match c {
        Cond::Always => true,
        Cond::Is(q, mask) => picks.get(*q).is_some_and(|o| mask & (1 << o) != 0),
        Cond::Not(c) => !holds(c, picks),
        Cond::Def(_, c) => holds(c, picks),
        Cond::All(cs) => cs.iter().all(|c| holds(c, picks)),
        Cond::Any(cs) => cs.iter().any(|c| holds(c, picks)),
    }
}

/// One recommendation that applies, with the trace of why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub rec: RecIx,
    /// The rules that produced it, in rulebook order.
    pub rules: Vec<RuleIx>,
    /// The answers those rules (and its conditional parts) looked at, in the order asked.
    pub because: Vec<(QIx, usize)>,
    /// (A verdict) its verdict line: the first of its `answer` parts whose condition holds.
    pub answer: Option<usize>,
    /// The title variant that applies (the first of `titles` that holds), if any.
    pub title: Option<usize>,
    /// The plan-line variant that applies (the first of `plans` that holds), if any.
    pub plan: Option<usize>,
    /// The body parts that apply, by index.
    pub body: Vec<usize>,
    /// The steps that apply, by index.
    pub steps: Vec<usize>,
}

impl Applied {
    /// Its title on this path (the variant that applies, else the default).
    pub fn title(&self, book: &Rulebook) -> crate::rulebook::Text {
        book.recommendations[self.rec].title_at(self.title)
    }

    /// Its line in the plan on this path.
    pub fn plan_line(&self, book: &Rulebook) -> crate::rulebook::Text {
        book.recommendations[self.rec].plan_at(self.plan, self.title)
    }

    /// The facts it states on this path: its own and those of its parts that apply.
    pub fn facts(&self, book: &Rulebook) -> Vec<Fact> {
        let rec = &book.recommendations[self.rec];
        let mut out: Vec<Fact> = rec.asserts.to_vec();
        let parts = self.body.iter().map(|&i| &rec.body[i]).chain(self.steps.iter().map(|&i| &rec.steps[i]));
        for p in parts {
            for f in p.asserts {
                if !out.contains(f) {
                    out.push(*f);
                }
            }
        }
        out
    }
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

    /// The relevant answers as a set (without answers to questions off the path).
    pub fn relevant(&self) -> AnswerSet {
        let mut set = AnswerSet::new(self.flow);
        self.asked.iter().for_each(|&(q, o)| set.set(q, o));
        set
    }
}

/// Walks the flow: returns the relevant answers and the position of the first relevant
/// unanswered question.
fn walk(book: &Rulebook, answers: &AnswerSet, asked: &mut Vec<(QIx, usize)>) -> (Picks, Option<usize>) {
    let flow = &book.flows[answers.flow()];
    let mut relevant = AnswerSet::new(answers.flow());
    for (pos, &q) in flow.questions.iter().enumerate() {
        if !holds(&book.questions[q].ask_if, &relevant) {
            continue;
        }
        match answers.get(q).filter(|&o| o < book.questions[q].options.len()) {
            Some(o) => {
                relevant.set(q, o);
                asked.push((q, o));
            }
            None => return (relevant, Some(pos)),
        }
    }
    (relevant, None)
}

/// Visits every completion of `picks` from flow position `from`: `question` is called for
/// each question met (with its depth), `leaf` for each complete path (with the number of
/// questions answered on the way). The one path walk behind progress, path enumeration and
/// every exhaustive check. Of a question in `once` (a mask) one option is explored: for the
/// progress, a question no later question reads (every option leads to the same questions).
pub fn descend(
    book: &Rulebook,
    picks: &mut Picks,
    from: usize,
    depth: usize,
    once: u64,
    question: &mut dyn FnMut(QIx),
    leaf: &mut dyn FnMut(&AnswerSet, usize),
) {
    let flow = &book.flows[picks.flow()];
    for (pos, &q) in flow.questions.iter().enumerate().skip(from) {
        let qu = &book.questions[q];
        if !holds(&qu.ask_if, picks) {
            continue;
        }
        question(q);
        let options = if once & (1 << q) != 0 { 1 } else { qu.options.len() };
        for o in 0..options {
            picks.set(q, o);
            descend(book, picks, pos + 1, depth + 1, once, question, leaf);
        }
        picks.clear(q);
        return;
    }
    leaf(picks, depth);
}

/// The questions of a flow that no later question's `ask_if` reads: whichever their answer, the
/// same questions follow.
pub fn unread_later(book: &Rulebook, flow: FlowIx) -> u64 {
    let qs = book.flows[flow].questions;
    let mut read = 0u64;
    let mut unread = 0u64;
    for &q in qs.iter().rev() {
        if read & (1 << q) == 0 {
            unread |= 1 << q;
        }
        read |= book.questions[q].ask_if.refs();
    }
    unread
}

/// Evaluates answers: the next question, progress, and (when complete) the advice.
pub fn evaluate(book: &Rulebook, answers: &AnswerSet) -> Evaluation {
    let mut ev = path(book, answers);
    if ev.is_complete() {
        ev.advice = advise(book, &ev.relevant(), &ev.asked);
        ev.verdict = ev.advice.iter().map(|a| a.rec).find(|&r| book.recommendations[r].verdict);
    }
    ev
}

/// The path the answers take, without the advice (`advice` empty, no `verdict`): what is
/// asked, what comes next and how much is left — all that moving between screens needs
/// ([`crate::nav`]), so the page's first module carries no advice code.
pub fn path(book: &Rulebook, answers: &AnswerSet) -> Evaluation {
    let flow = &book.flows[answers.flow()];
    let mut asked = Vec::with_capacity(flow.questions.len());
    let (mut relevant, stop) = walk(book, answers, &mut asked);
    let next = stop.map(|pos| flow.questions[pos]);

    // Answers before the stop point (or all, when complete) that did not count.
    let reached = stop.unwrap_or(flow.questions.len());
    let ignored = flow.questions[..reached]
        .iter()
        .copied()
        .filter(|&q| answers.get(q).is_some() && relevant.get(q).is_none())
        .collect();

    let (mut at_most_remaining, mut possibly_ahead) = (0, Vec::new());
    if let Some(pos) = stop {
        let mut seen = 0u64;
        let once = unread_later(book, answers.flow());
        descend(book, &mut relevant, pos, 0, once, &mut |q| seen |= 1 << q, &mut |_, d| {
            at_most_remaining = at_most_remaining.max(d)
        });
        possibly_ahead = flow.questions.iter().copied().filter(|&q| seen & (1 << q) != 0).collect();
    }
    Evaluation {
        flow: answers.flow(),
        asked,
        next,
        ignored,
        at_most_remaining,
        possibly_ahead,
        advice: Vec::new(),
        verdict: None,
    }
}

/// The answers of another flow that `answers` already give ("Continue with" carries over
/// what is known, e.g. where the server is). Only relevant answers count.
pub fn carry(book: &Rulebook, answers: &AnswerSet, to: FlowIx) -> AnswerSet {
    let relevant = path(book, answers).relevant();
    let mut out = AnswerSet::new(to);
    for c in book.carries {
        if c.from_flow == answers.flow() && book.questions[c.to].flow == to && holds(&c.from, &relevant) {
            out.set(c.to, c.option);
        }
    }
    out
}

/// The indices of the parts whose condition holds.
fn applying(parts: &[Part], picks: &Picks) -> Vec<usize> {
    (0..parts.len()).filter(|&i| holds(&parts[i].when, picks)).collect()
}

/// Applies the flow's rules to a complete, relevant set of answers.
fn advise(book: &Rulebook, relevant: &Picks, asked: &[(QIx, usize)]) -> Vec<Applied> {
    let mut advice: Vec<Applied> = Vec::new();
    for (ri, rule) in book.rules.iter().enumerate() {
        if rule.flow != relevant.flow() || !holds(&rule.when, relevant) {
            continue;
        }
        for &rec in rule.then {
            let entry = match advice.iter().position(|a| a.rec == rec) {
                Some(i) => &mut advice[i],
                None => {
                    let r = &book.recommendations[rec];
                    advice.push(Applied {
                        rec,
                        rules: Vec::new(),
                        because: Vec::new(),
                        answer: applying(r.answer, relevant).first().copied(),
                        title: applying(r.titles, relevant).first().copied(),
                        plan: applying(r.plans, relevant).first().copied(),
                        body: applying(r.body, relevant),
                        steps: applying(r.steps, relevant),
                    });
                    advice.last_mut().unwrap()
                }
            };
            entry.rules.push(ri);
        }
    }
    for a in &mut advice {
        let rec = &book.recommendations[a.rec];
        let mut refs = a.rules.iter().fold(0u64, |m, &r| m | book.rules[r].when.refs());
        if let Some(i) = a.answer {
            refs |= rec.answer[i].when.refs();
        }
        // A variant of the title or plan line says something of the person: so does its
        // condition (and the conditions of the variants before it, which did not hold).
        for (variants, chosen) in [(rec.titles, a.title), (rec.plans, a.plan)] {
            let upto = chosen.map_or(variants.len(), |i| i + 1);
            refs |= variants[..upto].iter().fold(0, |m, p| m | p.when.refs());
        }
        for &i in &a.body {
            refs |= rec.body[i].when.refs();
        }
        for &i in &a.steps {
            refs |= rec.steps[i].when.refs();
        }
        a.because = asked.iter().copied().filter(|&(q, _)| refs & (1 << q) != 0).collect();
    }
    sort_small(&mut advice, |a| (book.recommendations[a.rec].kind, a.rec));
    advice
}

/// A stable insertion sort. The lists sorted here hold a few dozen items at most, and the
/// standard library's sort would add several KB of code to the Wasm.
pub fn sort_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
