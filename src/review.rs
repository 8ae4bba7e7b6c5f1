//! For reviewers of the rulebook: every path with its advice (`icp-advisor paths`), the effect
//! of a rulebook change on every path (`icp-advisor diff`), and one item explained with its
//! condition in words (`icp-advisor explain`). Native only; pure functions over rulebooks.

use crate::answers::AnswerSet;
use crate::engine::evaluate;
use crate::paths::for_each_path;
use crate::report::{advise, Lens};
use crate::rulebook::{Cond, FlowIx, Lang, Rulebook};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One complete path and what it yields.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PathRow {
    pub flow: &'static str,
    /// 1-based number of the path within its flow (the order of `icp-advisor paths`).
    pub number: usize,
    /// The answers, in the order asked: (question id, option id).
    pub answers: Vec<(&'static str, &'static str)>,
    pub verdict: Option<&'static str>,
    pub recommendations: Vec<RecRow>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RecRow {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub layer: &'static str,
}

/// Every path of `flow` (or of every flow), with its advice in `lang`.
pub fn path_rows(book: &Rulebook, flow: Option<FlowIx>, lang: Lang) -> Vec<PathRow> {
    let mut rows = Vec::new();
    for fi in (0..book.flows.len()).filter(|&f| flow.is_none_or(|x| x == f)) {
        let mut n = 0;
        for_each_path(book, fi, |answers| {
            n += 1;
            let advice = advise(book, answers, lang, Lens::All);
            rows.push(PathRow {
                flow: advice.flow,
                number: n,
                answers: advice.answers.iter().map(|a| (a.question, a.option)).collect(),
                verdict: advice.verdict.as_ref().map(|v| v.recommendation),
                recommendations: advice
                    .recommendations
                    .iter()
                    .map(|r| RecRow { id: r.id, title: r.title, kind: r.kind, layer: r.layer })
                    .collect(),
            });
        });
    }
    rows
}

fn answers_text(answers: &[(&str, &str)]) -> String {
    answers.iter().map(|(q, o)| format!("{q}={o}")).collect::<Vec<_>>().join(" ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per path: flow, number, answers, verdict, recommendation ids and titles.
pub fn paths_csv(rows: &[PathRow]) -> String {
    let mut out = String::from("flow,path,answers,verdict,recommendations,titles\n");
    for r in rows {
        let ids: Vec<&str> = r.recommendations.iter().map(|x| x.id).collect();
        let titles: Vec<&str> = r.recommendations.iter().map(|x| x.title).collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            csv_field(r.flow),
            r.number,
            csv_field(&answers_text(&r.answers)),
            csv_field(r.verdict.unwrap_or("")),
            csv_field(&ids.join(" ")),
            csv_field(&titles.join(" | "))
        );
    }
    out
}

/// Every path as Markdown, for reading all outcomes in one sitting.
pub fn paths_markdown(book: &Rulebook, rows: &[PathRow], lang: Lang) -> String {
    let mut out = String::new();
    let mut flow = "";
    for r in rows {
        if r.flow != flow {
            flow = r.flow;
            let fi = book.flow(flow).unwrap_or(0);
            let count = rows.iter().filter(|x| x.flow == flow).count();
            let _ = writeln!(out, "# {} — {} ({count} paths)\n", flow, book.text(book.flows[fi].title, lang));
        }
        let _ = writeln!(out, "## {} #{}\n", r.flow, r.number);
        for (q, o) in &r.answers {
            let qi = book.question(q).unwrap_or(0);
            let question = &book.questions[qi];
            let label = question.option(o).map_or("?", |oi| book.text(question.options[oi].label, lang));
            let _ = writeln!(out, "- {} → **{}** (`{q}={o}`)", book.text(question.prompt, lang), label);
        }
        let _ = writeln!(out);
        for rec in &r.recommendations {
            let mark = if Some(rec.id) == r.verdict { " **(verdict)**" } else { "" };
            let layer = if rec.layer == "practice" { " [current practice]" } else { "" };
            let _ = writeln!(out, "1. `{}` — {}{mark}{layer}", rec.id, rec.title);
        }
        let _ = writeln!(out);
    }
    out
}

// ─────────────────────────────── explain ───────────────────────────────

/// A condition in words, in the reader's language: each test as "“question” is “option” or
/// “option”", a named condition as what it means.
pub fn cond_words(book: &Rulebook, c: &Cond, lang: Lang) -> String {
    let s = crate::i18n::strings(lang);
    use crate::i18n::fill;
    match c {
        Cond::Always => s.cond_always.into(),
        Cond::Is(q, mask) => {
            let question = &book.questions[*q];
            let opts: Vec<String> = question
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, o)| fill(s.quoted, &[("text", book.text(o.label, lang))]))
                .collect();
            fill(
                s.cond_is,
                &[("question", book.text(question.prompt, lang)), ("options", &opts.join(s.cond_either))],
            )
        }
        Cond::Def(d, _) => {
            let means = book.text(book.defines[*d].means, lang);
            fill(s.cond_named, &[("means", means.trim_end_matches(['.', '。']))])
        }
        Cond::Not(inner) => match inner {
            Cond::Is(..) | Cond::Def(..) => {
                fill(s.cond_not, &[("condition", &cond_words(book, inner, lang))])
            }
            _ => fill(
                s.cond_not_group,
                &[("condition", &fill(s.in_brackets, &[("text", &cond_words(book, inner, lang))]))],
            ),
        },
        Cond::All(cs) => cs.iter().map(|c| nested(book, c, lang)).collect::<Vec<_>>().join(s.cond_and),
        Cond::Any(cs) => cs.iter().map(|c| nested(book, c, lang)).collect::<Vec<_>>().join(s.cond_or),
    }
}

fn nested(book: &Rulebook, c: &Cond, lang: Lang) -> String {
    match c {
        Cond::All(_) | Cond::Any(_) => {
            crate::i18n::fill(crate::i18n::strings(lang).in_brackets, &[("text", &cond_words(book, c, lang))])
        }
        _ => cond_words(book, c, lang),
    }
}

/// The paths on which `pick` holds: their number and the first one.
fn reach(
    book: &Rulebook,
    flows: &[FlowIx],
    pick: impl Fn(&crate::engine::Evaluation) -> bool,
) -> (usize, Option<String>) {
    let (mut n, mut example) = (0, None);
    for &fi in flows {
        for_each_path(book, fi, |answers| {
            if pick(&evaluate(book, answers)) {
                n += 1;
                if example.is_none() {
                    example = Some(format!("{}: {}", book.flows[fi].id, answers.describe(book)));
                }
            }
        });
    }
    (n, example)
}

fn reach_line(out: &mut String, (n, example): (usize, Option<String>)) {
    let _ = writeln!(out, "\nReached on {n} path{}.", if n == 1 { "" } else { "s" });
    if let Some(e) = example {
        let _ = writeln!(out, "Example path: {e}");
    }
}

/// Explains a rule, recommendation, FAQ entry, question or source by id (Markdown), or
/// `None` if no item has that id.
pub fn explain(book: &Rulebook, id: &str, lang: Lang) -> Option<String> {
    let mut out = String::new();
    let w = &mut out;
    let all_flows: Vec<FlowIx> = (0..book.flows.len()).collect();
    if let Some(ri) = book.rule(id) {
        let rule = &book.rules[ri];
        let _ = writeln!(w, "# Rule `{id}` (flow {})\n", book.flows[rule.flow].id);
        let _ = writeln!(w, "When {}.\n", cond_words(book, &rule.when, lang));
        let _ = writeln!(w, "Condition: `{}`\n", crate::report::describe(book, &rule.when));
        let _ = writeln!(w, "Then:");
        for &r in rule.then {
            let rec = &book.recommendations[r];
            let _ = writeln!(w, "- `{}` — {}", rec.id, book.text(rec.title, lang));
        }
        reach_line(w, reach(book, &[rule.flow], |ev| ev.advice.iter().any(|a| a.rules.contains(&ri))));
        return Some(out);
    }
    if let Some(ri) = book.recommendation(id) {
        let rec = &book.recommendations[ri];
        let layer = match rec.layer {
            crate::rulebook::Layer::Faq => "FAQ advice",
            crate::rulebook::Layer::Practice => "current practice",
        };
        let verdict = if rec.verdict { ", verdict" } else { "" };
        let _ = writeln!(w, "# Recommendation `{id}` ({}, {layer}{verdict})\n", rec.kind.id());
        let _ = writeln!(w, "**{}**\n", book.text(rec.title, lang));
        let _ = writeln!(w, "Given when:");
        for (ri2, rule) in book.rules.iter().enumerate().filter(|(_, r)| r.then.contains(&ri)) {
            let _ = writeln!(w, "- rule `{}`: {}", rule.id, cond_words(book, &rule.when, lang));
            let _ = ri2;
        }
        if let Some(plan) = rec.plan {
            let phase = rec.phase.map_or("", |p| p.id());
            let _ = writeln!(w, "Plan step ({phase}): {}\n", book.text(plan, lang));
        }
        if let Some(amend) = rec.amend {
            let _ = writeln!(w, "Said inside the steps it qualifies: {}\n", book.text(amend, lang));
        }
        for (name, parts) in [("Verdict line", rec.answer), ("Paragraph", rec.body), ("Step", rec.steps)] {
            for (i, p) in parts.iter().enumerate() {
                let when = match p.when {
                    Cond::Always => String::new(),
                    ref c => format!(" — only when {}", cond_words(book, c, lang)),
                };
                let _ = writeln!(w, "\n{name} {}{when}:\n> {}", i + 1, book.text(p.text, lang));
            }
        }
        if !rec.asserts.is_empty() {
            let facts: Vec<String> = rec.asserts.iter().map(|&f| book.fact_name(f)).collect();
            let _ = writeln!(w, "\nStates: {}", facts.join("; "));
        }
        let _ = writeln!(w, "\nCitations:");
        // Where the words come from, in the advisor's wording: the FAQ's section, or a page's
        // publisher (in the reader's language) and the date it shows, with the ids to look up.
        // The rest of the explanation's own words are English, and so are these.
        let frame = Lang::SOURCE;
        let st = crate::i18n::strings(frame);
        let gap = crate::wording::gap(book, frame);
        for c in book.recommendations[ri].all_cites() {
            let s = &book.sources[c.source];
            let place = match c.faq {
                Some(f) => {
                    let faq = &book.faqs[f];
                    format!("{} `{}`", crate::i18n::fill(st.faq_ref, &[("section", faq.section)]), faq.id)
                }
                None => {
                    let date = s.page_date.map_or_else(
                        || st.no_date_shown.to_string(),
                        |d| crate::wording::date(book, d, frame),
                    );
                    let id_date = format!("`{}`{}{date}", s.id, st.comma);
                    let details = crate::i18n::fill(st.in_brackets, &[("text", &id_date)]);
                    format!("{}{gap}{details}", book.text(s.publisher, lang))
                }
            };
            let kind = if c.summary { "summary" } else { "quote" };
            let _ = writeln!(w, "- {place}, {kind}: “{}”", c.text);
        }
        reach_line(w, reach(book, &all_flows, |ev| ev.advice.iter().any(|a| a.rec == ri)));
        return Some(out);
    }
    if let Some(fi) = book.faq(id) {
        let faq = &book.faqs[fi];
        let _ = writeln!(w, "# FAQ §{} `{id}`\n", faq.section);
        let _ = writeln!(w, "“{}”\n", faq.question);
        let _ = writeln!(w, "Answer: {}\n", book.text(faq.answer, lang));
        let _ = writeln!(w, "Resting on it:");
        let recs: Vec<usize> = (0..book.recommendations.len())
            .filter(|&r| book.recommendations[r].all_cites().any(|c| c.faq == Some(fi)))
            .collect();
        for &r in &recs {
            let rec = &book.recommendations[r];
            let rules: Vec<&str> = book.rules.iter().filter(|x| x.then.contains(&r)).map(|x| x.id).collect();
            let _ =
                writeln!(w, "- `{}` — {} (rules: {})", rec.id, book.text(rec.title, lang), rules.join(", "));
        }
        reach_line(w, reach(book, &all_flows, |ev| ev.advice.iter().any(|a| recs.contains(&a.rec))));
        return Some(out);
    }
    if let Some(qi) = book.question(id) {
        let q = &book.questions[qi];
        let _ = writeln!(w, "# Question `{id}` (flow {})\n", book.flows[q.flow].id);
        let _ = writeln!(w, "**{}**\n", book.text(q.prompt, lang));
        let _ = writeln!(w, "Asked when {}.\n", cond_words(book, &q.ask_if, lang));
        for o in q.options {
            let _ = writeln!(w, "- `{}` — {}", o.id, book.text(o.label, lang));
        }
        reach_line(w, reach(book, &[q.flow], |ev| ev.asked.iter().any(|&(x, _)| x == qi)));
        return Some(out);
    }
    if let Some(si) = book.source(id) {
        let s = &book.sources[si];
        let _ = writeln!(w, "# Source `{id}`\n");
        let _ = writeln!(w, "{}, “{}”", book.text(s.publisher, lang), book.text(s.title, lang));
        if !s.url.is_empty() {
            let _ = writeln!(w, "{}", s.url);
        }
        let _ = writeln!(
            w,
            "Page date: {}; read {}; language {}; quality {:?}",
            s.page_date.unwrap_or("no date shown"),
            s.read,
            s.lang,
            s.quality
        );
        let recs: Vec<usize> = (0..book.recommendations.len())
            .filter(|&r| book.recommendations[r].all_cites().any(|c| c.source == si))
            .collect();
        let _ = writeln!(w, "\nCited by:");
        for &r in &recs {
            let _ = writeln!(w, "- `{}`", book.recommendations[r].id);
        }
        reach_line(w, reach(book, &all_flows, |ev| ev.advice.iter().any(|a| recs.contains(&a.rec))));
        return Some(out);
    }
    None
}

// ─────────────────────────────── diff ───────────────────────────────

/// One change to the advice of a path.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// The path's verdict changed (from, to).
    Verdict {
        from: Option<String>,
        to: Option<String>,
    },
    Added {
        recommendation: String,
    },
    Removed {
        recommendation: String,
    },
    /// A recommendation on both sides cites other words or sources.
    Citations {
        recommendation: String,
    },
    /// A recommendation on both sides reads differently (title, paragraphs or steps).
    Wording {
        recommendation: String,
    },
    /// The path exists only in the new rulebook: the old one would ask this question next.
    NewPath {
        old_asks: String,
    },
    /// The path exists only in the old rulebook: the new one would ask this question next.
    GonePath {
        new_asks: String,
    },
}

/// Paths whose advice changed in the same way.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Group {
    pub changes: Vec<Change>,
    pub count: usize,
    /// Every path in the group, as `flow: q=o …`.
    pub paths: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Default)]
pub struct Diff {
    /// Paths compared (those of the new rulebook, plus those only in the old one).
    pub paths: usize,
    pub unchanged: usize,
    pub groups: Vec<Group>,
}

/// What one recommendation says on a path, for comparison: title, texts and citations.
#[derive(PartialEq, Eq)]
struct Said {
    id: &'static str,
    words: Vec<&'static str>,
    cites: Vec<(&'static str, &'static str)>,
}

fn said(book: &Rulebook, answers: &AnswerSet) -> Option<(Option<&'static str>, Vec<Said>)> {
    said_in(book, &evaluate(book, answers))
}

/// [`said`] of an evaluation already made.
fn said_in(book: &Rulebook, ev: &crate::engine::Evaluation) -> Option<(Option<&'static str>, Vec<Said>)> {
    if !ev.is_complete() {
        return None;
    }
    let lang = Lang::SOURCE;
    let recs = ev
        .advice
        .iter()
        .map(|a| {
            let rec = &book.recommendations[a.rec];
            let mut words = vec![book.text(rec.title, lang)];
            words.extend(a.body.iter().map(|&i| book.text(rec.body[i].text, lang)));
            words.extend(a.steps.iter().map(|&i| book.text(rec.steps[i].text, lang)));
            let mut cites: Vec<_> = rec
                .cites
                .iter()
                .chain(
                    a.body
                        .iter()
                        .map(|&i| &rec.body[i])
                        .chain(a.steps.iter().map(|&i| &rec.steps[i]))
                        .flat_map(|p| p.cites.iter()),
                )
                .map(|c| (book.sources[c.source].id, c.text))
                .collect();
            cites.sort_unstable();
            cites.dedup();
            Said { id: rec.id, words, cites }
        })
        .collect();
    Some((ev.verdict.map(|v| book.recommendations[v].id), recs))
}

/// The same answers (by id) in another rulebook, dropping what it does not know.
fn translate(from: &Rulebook, to: &Rulebook, answers: &AnswerSet) -> Option<AnswerSet> {
    let flow = to.flow(from.flows[answers.flow()].id)?;
    let pairs: Vec<(&str, &str)> =
        answers.iter().map(|(q, o)| (from.questions[q].id, from.questions[q].options[o].id)).collect();
    Some(AnswerSet::from_pairs_lenient(to, flow, pairs).0)
}

fn compare(old: (Option<&str>, Vec<Said>), new: (Option<&str>, Vec<Said>)) -> Vec<Change> {
    let mut changes = Vec::new();
    if old.0 != new.0 {
        changes.push(Change::Verdict { from: old.0.map(String::from), to: new.0.map(String::from) });
    }
    // (By id through a map: a search in a list would make this quadratic.)
    let old_by_id: std::collections::HashMap<&str, &Said> = old.1.iter().map(|o| (o.id, o)).collect();
    let new_ids: std::collections::HashSet<&str> = new.1.iter().map(|n| n.id).collect();
    for n in &new.1 {
        match old_by_id.get(n.id) {
            None => changes.push(Change::Added { recommendation: n.id.into() }),
            Some(o) => {
                if o.cites != n.cites {
                    changes.push(Change::Citations { recommendation: n.id.into() });
                }
                if o.words != n.words {
                    changes.push(Change::Wording { recommendation: n.id.into() });
                }
            }
        }
    }
    for o in &old.1 {
        if !new_ids.contains(o.id) {
            changes.push(Change::Removed { recommendation: o.id.into() });
        }
    }
    changes.sort();
    changes
}

/// Evaluates every path under both rulebooks and groups the paths by how their advice
/// changed. Paths are matched by their answers (ids); a path one rulebook completes
/// differently is reported with the question the other would ask.
pub fn diff(old: &Rulebook, new: &Rulebook) -> Diff {
    let mut groups: BTreeMap<Vec<Change>, Vec<String>> = BTreeMap::new();
    let mut result = Diff::default();
    let mut seen_old: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (fi, flow) in new.flows.iter().enumerate() {
        for_each_path(new, fi, |answers| {
            result.paths += 1;
            let name = format!("{}: {}", flow.id, answers.describe(new));
            let now = said(new, answers).expect("an enumerated path is complete");
            let changes = match translate(new, old, answers) {
                None => vec![Change::NewPath { old_asks: "(the flow does not exist)".into() }],
                Some(o) => {
                    let ev = evaluate(old, &o);
                    match ev.next {
                        Some(q) => vec![Change::NewPath { old_asks: old.questions[q].id.into() }],
                        None => {
                            let relevant: AnswerSet = {
                                let mut r = AnswerSet::new(o.flow());
                                ev.asked.iter().for_each(|&(q, x)| r.set(q, x));
                                r
                            };
                            seen_old.insert(format!("{}: {}", flow.id, relevant.describe(old)));
                            compare(said_in(old, &ev).expect("complete"), now)
                        }
                    }
                }
            };
            if changes.is_empty() {
                result.unchanged += 1;
            } else {
                groups.entry(changes).or_default().push(name);
            }
        });
    }
    for (fi, flow) in old.flows.iter().enumerate() {
        for_each_path(old, fi, |answers| {
            let name = format!("{}: {}", flow.id, answers.describe(old));
            if seen_old.contains(&name) {
                return;
            }
            let next = translate(old, new, answers).and_then(|n| evaluate(new, &n).next);
            let asks = next.map_or("(nothing: the path is covered by a new one)".to_string(), |q| {
                new.questions[q].id.to_string()
            });
            if next.is_none() {
                return;
            }
            result.paths += 1;
            groups.entry(vec![Change::GonePath { new_asks: asks }]).or_default().push(name);
        });
    }
    result.groups =
        groups.into_iter().map(|(changes, paths)| Group { changes, count: paths.len(), paths }).collect();
    result.groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.changes.cmp(&b.changes)));
    result
}

/// A change in words.
pub fn change_text(c: &Change) -> String {
    let id = |s: &Option<String>| s.as_deref().map_or("(none)".to_string(), |s| format!("`{s}`"));
    match c {
        Change::Verdict { from, to } => format!("verdict {} → {}", id(from), id(to)),
        Change::Added { recommendation } => format!("+ `{recommendation}` added"),
        Change::Removed { recommendation } => format!("− `{recommendation}` removed"),
        Change::Citations { recommendation } => format!("citations of `{recommendation}` changed"),
        Change::Wording { recommendation } => format!("wording of `{recommendation}` changed"),
        Change::NewPath { old_asks } => format!("new path (the old rulebook asks `{old_asks}` here)"),
        Change::GonePath { new_asks } => format!("path gone (the new rulebook asks `{new_asks}` here)"),
    }
}

/// The diff as Markdown: a summary line, then each group with its changes, its count and
/// one example path (all paths with `all`).
pub fn diff_markdown(d: &Diff, all: bool) -> String {
    let mut out = String::new();
    let changed: usize = d.groups.iter().map(|g| g.count).sum();
    let _ = writeln!(out, "# Rulebook diff\n");
    let _ = writeln!(
        out,
        "{} paths compared: {} unchanged, {changed} changed, in {} groups.",
        d.paths,
        d.unchanged,
        d.groups.len()
    );
    for (i, g) in d.groups.iter().enumerate() {
        let _ =
            writeln!(out, "\n## Group {} — {} path{}\n", i + 1, g.count, if g.count == 1 { "" } else { "s" });
        for c in &g.changes {
            let _ = writeln!(out, "- {}", change_text(c));
        }
        if all {
            let _ = writeln!(out, "\nPaths:");
            for p in &g.paths {
                let _ = writeln!(out, "- {p}");
            }
        } else if let Some(p) = g.paths.first() {
            let _ = writeln!(out, "\nExample: {p}");
        }
    }
    out
}

/// The diff summed up per change, for a changelog: each change once, with the number of paths
/// it affects (most first), and the new recommendations' and verdicts' totals.
pub fn diff_summary(d: &Diff) -> String {
    let mut per: BTreeMap<&Change, usize> = BTreeMap::new();
    for g in &d.groups {
        for c in &g.changes {
            *per.entry(c).or_default() += g.count;
        }
    }
    let mut rows: Vec<(&Change, usize)> = per.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let changed: usize = d.groups.iter().map(|g| g.count).sum();
    let mut out = String::new();
    let _ = writeln!(out, "# Rulebook diff, summed up\n");
    let _ = writeln!(out, "{} paths compared: {} unchanged, {changed} changed.\n", d.paths, d.unchanged);
    let _ = writeln!(out, "| change | paths |\n| --- | ---: |");
    for (c, n) in rows {
        let _ = writeln!(out, "| {} | {n} |", change_text(c));
    }
    out
}
