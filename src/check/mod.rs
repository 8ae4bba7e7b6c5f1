//! Static checks over a whole rulebook: every path through every flow is evaluated and the
//! invariants below are asserted. Used by `icp-advisor check` and the test suite.
//!
//! * every path ends in at least one recommendation;
//! * no path gives two verdicts, and in a flow marked `verdict_required` every path gives one;
//! * no path gives two recommendations that exclude each other;
//! * no path states two values of one fact (a contradiction), and no fact is stated by two
//!   recommendations on one path (said twice);
//! * every question, rule and recommendation is reachable, every body part and step shown
//!   on some path;
//! * every FAQ entry is cited by a reachable recommendation (coverage);
//! * cited words are in the language they are taken to be in;
//! * with the sources at hand: every FAQ quote and question occurs in the FAQ text, every
//!   question the FAQ asks has an entry, and every current-practice citation occurs in
//!   `current-practice.md`, quoted there where it is a quote, beside its source.

//!
//! The path checks are here; `quotes` checks the quotes against the texts they quote,
//! `citations` the citations on their own (their words' language, a secondary source alone),
//! and `coverage` writes the coverage table.

mod citations;
mod coverage;
mod quotes;

pub use citations::{secondary_alone_problems, words_language_problems};
pub use coverage::{coverage_markdown, flow_summary};
pub use quotes::{check_practice_quotes, check_quotes, faq_questions_in_text, normalize};

use crate::engine::{evaluate, Applied};
use crate::paths::for_each_path;
use crate::rulebook::{Fact, FaqIx, Layer, RecIx, RuleIx, Rulebook};

/// Where the FAQ text lives, relative to the project root.
pub const FAQ_PATH: &str = "../shared/seed/000_6c5e31403dd991a8.txt";
/// Where the current-practice notes live, relative to the project root.
pub const PRACTICE_PATH: &str = "../shared/sources/current-practice.md";
/// Where the province notes live (the province layer's source, gathered December 2026),
/// relative to the project root. Its citations are checked like current practice's: both files
/// are read together as one body of notes.
pub const PROVINCES_PATH: &str = "../shared/sources/provinces.md";

#[derive(Debug, Default)]
pub struct FlowStats {
    pub paths: usize,
    /// The most questions asked on one path.
    pub longest: usize,
    pub shortest: usize,
}

#[derive(Debug, Default)]
pub struct FaqCoverage {
    pub recs: Vec<RecIx>,
    pub rules: Vec<RuleIx>,
    /// On how many paths (all flows) advice citing it is given.
    pub paths: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    pub flows: Vec<FlowStats>,
    pub coverage: Vec<FaqCoverage>,
    /// On how many paths each recommendation is given.
    pub rec_paths: Vec<usize>,
    pub problems: Vec<String>,
}

impl Report {
    pub fn total_paths(&self) -> usize {
        self.flows.iter().map(|f| f.paths).sum()
    }
}

/// A fact as stated on a path: by which recommendation, and where in it.
struct Stated {
    fact: Fact,
    rec: RecIx,
    place: String,
}

/// The facts the advice of one path states, with where each is stated. A current-practice
/// note that speaks inside the FAQ steps it qualifies (`amend`) supersedes what they state in its
/// own dimensions: the step says itself what changed.
fn stated(book: &Rulebook, advice: &[Applied]) -> Vec<Stated> {
    let mut superseded: Vec<(RecIx, usize)> = Vec::new();
    for a in advice {
        let rec = &book.recommendations[a.rec];
        if rec.amend.is_none() {
            continue;
        }
        for &q in rec.qualifies {
            if advice.iter().any(|x| x.rec == q) {
                superseded.extend(a.facts(book).iter().map(|f| (q, f.dim)));
            }
        }
    }
    let mut out = Vec::new();
    let mut add = |fact: Fact, rec: RecIx, place: String| {
        if !superseded.contains(&(rec, fact.dim)) {
            out.push(Stated { fact, rec, place });
        }
    };
    for a in advice {
        let rec = &book.recommendations[a.rec];
        let id = rec.id;
        rec.asserts.iter().for_each(|&fact| add(fact, a.rec, format!("`{id}`")));
        for &i in &a.body {
            let place = format!("`{id}` (paragraph {})", i + 1);
            rec.body[i].asserts.iter().for_each(|&fact| add(fact, a.rec, place.clone()));
        }
        for &i in &a.steps {
            let place = format!("`{id}` (step {})", i + 1);
            rec.steps[i].asserts.iter().for_each(|&fact| add(fact, a.rec, place.clone()));
        }
    }
    out
}

/// The contradictions and repetitions among the facts of one path's advice. A plan step of the
/// FAQ and a current-practice note that negates what it states are named as such: the note must
/// say it in the step (`amend`), or one of them is wrong.
pub fn fact_problems(book: &Rulebook, advice: &[Applied]) -> Vec<String> {
    let facts = stated(book, advice);
    let mut problems = Vec::new();
    let is_step =
        |r: RecIx| book.recommendations[r].layer == Layer::Faq && book.recommendations[r].phase.is_some();
    let is_note = |r: RecIx| book.recommendations[r].layer == Layer::Practice;
    for (i, a) in facts.iter().enumerate() {
        for b in &facts[i + 1..] {
            if a.fact.dim != b.fact.dim {
                continue;
            }
            if a.fact.value != b.fact.value {
                let (step, note) = if is_step(a.rec) && is_note(b.rec) {
                    (Some(a), Some(b))
                } else if is_step(b.rec) && is_note(a.rec) {
                    (Some(b), Some(a))
                } else {
                    (None, None)
                };
                if let (Some(step), Some(note)) = (step, note) {
                    problems.push(format!(
                        "a step and a note contradict each other: step {} states {}, but note {} on the same path negates it ({}); give the note an `amend` line for the step (it then speaks inside the step), or correct one of them",
                        step.place,
                        book.fact_name(step.fact),
                        note.place,
                        book.fact_name(note.fact)
                    ));
                } else {
                    problems.push(format!(
                        "contradiction: {} states {} but {} states {}",
                        a.place,
                        book.fact_name(a.fact),
                        b.place,
                        book.fact_name(b.fact)
                    ));
                }
            } else if a.rec != b.rec {
                problems.push(format!(
                    "said twice: {} and {} both state {}",
                    a.place,
                    b.place,
                    book.fact_name(a.fact)
                ));
            }
        }
    }
    problems
}

/// The contradictions and repetitions of the advice for one set of answers.
pub fn fact_problems_of(book: &Rulebook, answers: &crate::answers::AnswerSet) -> Vec<String> {
    fact_problems(book, &evaluate(book, answers).advice)
}

/// The most problems the path checks list: a rulebook broken on every path would otherwise
/// list millions (the paths are still all counted, and the checks after them still run).
pub const MAX_PATH_PROBLEMS: usize = 1_000;

/// Runs every structural and path check.
pub fn check(book: &Rulebook) -> Report {
    let mut report = Report {
        coverage: book.faqs.iter().map(|_| FaqCoverage::default()).collect(),
        rec_paths: vec![0; book.recommendations.len()],
        ..Report::default()
    };
    let mut q_seen = vec![false; book.questions.len()];
    let mut rule_seen = vec![false; book.rules.len()];
    let mut parts_seen: Vec<(Vec<bool>, Vec<bool>)> = book
        .recommendations
        .iter()
        .map(|r| (vec![false; r.body.len()], vec![false; r.steps.len()]))
        .collect();
    let rec_paths = &mut report.rec_paths;
    let problems = &mut report.problems;
    problems.extend(words_language_problems(book));
    problems.extend(secondary_alone_problems(book));

    for (fi, flow) in book.flows.iter().enumerate() {
        let mut stats = FlowStats { shortest: usize::MAX, ..FlowStats::default() };
        let (mut with_verdict, mut without_verdict) = (0, 0);
        for_each_path(book, fi, |answers| {
            stats.paths += 1;
            let listing = problems.len() < MAX_PATH_PROBLEMS;
            let ev = evaluate(book, answers);
            let path = format!("path {}: {}", flow.id, answers.describe(book));
            if !ev.is_complete() || !ev.ignored.is_empty() {
                problems.push(format!("{path}: enumerated path is not a clean complete path"));
            }
            stats.longest = stats.longest.max(ev.asked.len());
            stats.shortest = stats.shortest.min(ev.asked.len());
            ev.asked.iter().for_each(|&(q, _)| q_seen[q] = true);
            if ev.advice.is_empty() {
                problems.push(format!("{path}: no recommendation"));
            }
            let verdicts: Vec<_> = ev.advice.iter().filter(|a| book.recommendations[a.rec].verdict).collect();
            match verdicts.len() {
                0 => without_verdict += 1,
                1 => with_verdict += 1,
                _ => problems.push(format!(
                    "{path}: several verdicts: {}",
                    verdicts.iter().map(|a| book.recommendations[a.rec].id).collect::<Vec<_>>().join(", ")
                )),
            }
            for a in &ev.advice {
                rec_paths[a.rec] += 1;
                a.rules.iter().for_each(|&r| rule_seen[r] = true);
                a.body.iter().for_each(|&i| parts_seen[a.rec].0[i] = true);
                a.steps.iter().for_each(|&i| parts_seen[a.rec].1[i] = true);
                for &x in book.recommendations[a.rec].excludes.iter().filter(|_| listing) {
                    if ev.advice.iter().any(|b| b.rec == x) {
                        problems.push(format!(
                            "{path}: `{}` and `{}` exclude each other",
                            book.recommendations[a.rec].id, book.recommendations[x].id
                        ));
                    }
                }
            }
            if listing {
                for p in fact_problems(book, &ev.advice) {
                    problems.push(format!("{path}: {p}"));
                }
            }
            if let Some(v) = ev.advice.iter().find(|a| Some(a.rec) == ev.verdict) {
                if v.answer.is_none() {
                    problems.push(format!(
                        "{path}: no verdict line (`answer`) of `{}` holds",
                        book.recommendations[v.rec].id
                    ));
                }
            }
        });
        if flow.verdict_required && without_verdict > 0 {
            problems.push(format!(
                "flow {}: {without_verdict} of {} paths end without a verdict",
                flow.id,
                with_verdict + without_verdict
            ));
        }
        report.flows.push(stats);
    }

    if problems.len() > MAX_PATH_PROBLEMS {
        problems.truncate(MAX_PATH_PROBLEMS);
        problems.push(format!(
            "… the paths' problems are listed up to {MAX_PATH_PROBLEMS}: fix these and check again"
        ));
    }
    for (q, seen) in q_seen.iter().enumerate() {
        if !seen {
            problems.push(format!("question `{}` is never asked", book.questions[q].id));
        }
    }
    for (r, seen) in rule_seen.iter().enumerate() {
        if !seen {
            problems.push(format!("rule `{}` never applies", book.rules[r].id));
        }
    }
    for (r, &n) in rec_paths.iter().enumerate() {
        let rec = &book.recommendations[r];
        if n == 0 {
            problems.push(format!("recommendation `{}` is never given", rec.id));
            continue;
        }
        let (body, steps) = &parts_seen[r];
        for (i, _) in body.iter().enumerate().filter(|(_, s)| !**s) {
            problems.push(format!("recommendation `{}`: paragraph {} is never shown", rec.id, i + 1));
        }
        for (i, _) in steps.iter().enumerate().filter(|(_, s)| !**s) {
            problems.push(format!("recommendation `{}`: step {} is never shown", rec.id, i + 1));
        }
    }

    // Coverage: FAQ entry → reachable recommendations citing it → rules producing them.
    for (ri, &n) in rec_paths.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let mut cited: Vec<FaqIx> = book.recommendations[ri].all_cites().filter_map(|c| c.faq).collect();
        cited.sort_unstable();
        cited.dedup();
        for f in cited {
            let cov = &mut report.coverage[f];
            cov.recs.push(ri);
            cov.paths += n;
            for (rule_ix, rule) in book.rules.iter().enumerate() {
                if rule.then.contains(&ri) && !cov.rules.contains(&rule_ix) {
                    cov.rules.push(rule_ix);
                }
            }
        }
    }
    for (f, cov) in report.coverage.iter_mut().enumerate() {
        cov.rules.sort_unstable();
        if cov.recs.is_empty() {
            problems
                .push(format!("FAQ question `{}` is not covered by any reachable advice", book.faqs[f].id));
        }
    }
    report
}
