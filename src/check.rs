//! Static checks over the whole rulebook: every path through every flow is evaluated and
//! the invariants below are asserted. Used by `icp-advisor check` and the test suite.
//!
//! * every path ends in at least one recommendation;
//! * no path gives two verdicts, and in a flow marked `verdict_required` every path gives one;
//! * no path gives two recommendations that exclude each other;
//! * every question, rule and recommendation is reachable;
//! * every FAQ entry is cited by a reachable recommendation (coverage);
//! * with the FAQ text at hand: every quote and every FAQ question occurs in it, and every
//!   question the FAQ asks has an entry.

use crate::engine::evaluate;
use crate::paths::for_each_path;
use crate::rulebook::{FaqIx, RecIx, RuleIx, RULEBOOK};
use std::fmt::Write as _;

/// Where the FAQ text lives, relative to the project root.
pub const FAQ_PATH: &str = "../shared/seed/000_6c5e31403dd991a8.txt";

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
    pub problems: Vec<String>,
}

impl Report {
    pub fn total_paths(&self) -> usize {
        self.flows.iter().map(|f| f.paths).sum()
    }
}

/// Runs every structural and path check.
pub fn check() -> Report {
    let book = &RULEBOOK;
    let mut report =
        Report { coverage: book.faqs.iter().map(|_| FaqCoverage::default()).collect(), ..Report::default() };
    let mut q_seen = vec![false; book.questions.len()];
    let mut rec_paths = vec![0usize; book.recommendations.len()];
    let mut rule_seen = vec![false; book.rules.len()];
    let problems = &mut report.problems;

    for (fi, flow) in book.flows.iter().enumerate() {
        let mut stats = FlowStats { shortest: usize::MAX, ..FlowStats::default() };
        let (mut with_verdict, mut without_verdict) = (0, 0);
        for_each_path(fi, |answers| {
            stats.paths += 1;
            let ev = evaluate(answers);
            let path = format!("{} {:?}", flow.id, answers);
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
                for &x in book.recommendations[a.rec].excludes {
                    if ev.advice.iter().any(|b| b.rec == x) {
                        problems.push(format!(
                            "{path}: `{}` and `{}` exclude each other",
                            book.recommendations[a.rec].id, book.recommendations[x].id
                        ));
                    }
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
        if n == 0 {
            problems.push(format!("recommendation `{}` is never given", book.recommendations[r].id));
        }
    }

    // Coverage: FAQ entry → reachable recommendations citing it → rules producing them.
    for (ri, rec) in book.recommendations.iter().enumerate() {
        if rec_paths[ri] == 0 {
            continue;
        }
        let mut cited: Vec<FaqIx> = rec.cites.iter().map(|c| c.faq).collect();
        cited.dedup();
        for f in cited {
            let cov = &mut report.coverage[f];
            cov.recs.push(ri);
            cov.paths += rec_paths[ri];
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

/// Folds white space (the FAQ text has line breaks inside sentences) and drops the `*`
/// emphasis marks of its plain-text form, so quotes compare by their words.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('*', "")
}

/// The questions the FAQ text asks in sections 1.1–1.4: its question headings (the lines
/// that end in `?`, not the bulleted table of contents).
pub fn faq_questions_in_text(faq_text: &str) -> Vec<String> {
    let start = faq_text.find("1 FAQ about ICP filing preparations\n\n1.1").unwrap_or(0);
    faq_text[start..]
        .lines()
        .map(str::trim)
        .filter(|l| l.ends_with('?') && !l.starts_with('-'))
        .map(normalize)
        .collect()
}

/// Checks every quote and FAQ entry against the FAQ text; returns the problems.
pub fn check_quotes(faq_text: &str) -> Vec<String> {
    let text = normalize(faq_text);
    let mut problems = Vec::new();
    for f in RULEBOOK.faqs {
        if !text.contains(&normalize(f.question)) {
            problems.push(format!(
                "FAQ entry `{}`: its question does not occur in the FAQ: {:?}",
                f.id, f.question
            ));
        }
        let section = format!("\n{} ", f.section);
        if !faq_text.contains(&section) {
            problems.push(format!("FAQ entry `{}`: section {} does not exist", f.id, f.section));
        }
    }
    for rec in RULEBOOK.recommendations {
        for c in rec.cites {
            if !text.contains(&normalize(c.quote)) {
                problems
                    .push(format!("recommendation `{}`: quote not found in the FAQ: {:?}", rec.id, c.quote));
            }
        }
    }
    let listed: Vec<String> = RULEBOOK.faqs.iter().map(|f| normalize(f.question)).collect();
    for q in faq_questions_in_text(faq_text) {
        if !listed.contains(&q) {
            problems.push(format!("the FAQ asks {q:?}, which has no [[faq]] entry"));
        }
    }
    problems
}

/// The coverage table as Markdown (written to `docs/COVERAGE.md` by `icp-advisor coverage`).
pub fn coverage_markdown(report: &Report) -> String {
    let book = &RULEBOOK;
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "# Rule coverage of the ICP FAQ").unwrap();
    writeln!(w).unwrap();
    writeln!(w, "Generated by `icp-advisor coverage` from `rules/rulebook.toml` — do not edit by hand.")
        .unwrap();
    writeln!(w, "Source: {}.", book.source).unwrap();
    writeln!(w).unwrap();
    writeln!(w, "Paths checked: {} in all ({}).", report.total_paths(), flow_summary(report)).unwrap();
    writeln!(w).unwrap();
    writeln!(w, "| § | FAQ question | Flow | Recommendations | Rules | Paths |").unwrap();
    writeln!(w, "|---|---|---|---|---|---|").unwrap();
    for (f, faq) in book.faqs.iter().enumerate() {
        let cov = &report.coverage[f];
        let list = |ids: Vec<&str>| ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            faq.section,
            faq.question.replace('|', "\\|"),
            book.flows[faq.flow].id,
            list(cov.recs.iter().map(|&r| book.recommendations[r].id).collect()),
            list(cov.rules.iter().map(|&r| book.rules[r].id).collect()),
            cov.paths
        )
        .unwrap();
    }
    out
}

pub fn flow_summary(report: &Report) -> String {
    RULEBOOK
        .flows
        .iter()
        .zip(&report.flows)
        .map(|(f, s)| format!("{}: {}", f.id, s.paths))
        .collect::<Vec<_>>()
        .join(", ")
}
