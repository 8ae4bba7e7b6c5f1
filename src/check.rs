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

use crate::engine::{evaluate, Applied};
use crate::paths::for_each_path;
use crate::rulebook::{Fact, FaqIx, Layer, RecIx, RuleIx, Rulebook, SourceKind};
use std::fmt::Write as _;

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

/// Folds white space (the FAQ text has line breaks inside sentences) and drops the `*`
/// emphasis marks and link markup of its plain-text form, so quotes compare by their words.
pub fn normalize(s: &str) -> String {
    // (Links of the original document appear in its text form as `[words](#)`: the words
    // are the FAQ's, the markup is not.)
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('*', "").replace("](#)", "").replace('[', "")
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

/// Checks every FAQ quote and FAQ entry against the FAQ text; returns the problems.
pub fn check_quotes(book: &Rulebook, faq_text: &str) -> Vec<String> {
    let text = normalize(faq_text);
    let mut problems = Vec::new();
    for f in book.faqs {
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
    for (ri, rec) in book.recommendations.iter().enumerate() {
        for c in
            book.recommendations[ri].all_cites().filter(|c| book.sources[c.source].kind == SourceKind::Faq)
        {
            if !text.contains(&normalize(c.text)) {
                problems
                    .push(format!("recommendation `{}`: quote not found in the FAQ: {:?}", rec.id, c.text));
            }
        }
    }
    let listed: Vec<String> = book.faqs.iter().map(|f| normalize(f.question)).collect();
    for q in faq_questions_in_text(faq_text) {
        if !listed.contains(&q) {
            problems.push(format!("the FAQ asks {q:?}, which has no [[faq]] entry"));
        }
    }
    problems
}

/// The items of a Markdown text: each list item (with its continuation lines) or paragraph,
/// white space folded, with the item it is nested in (a sub-bullet's source is often named
/// by its parent).
fn md_items(md: &str) -> Vec<(String, Option<usize>)> {
    let mut items: Vec<(String, Option<usize>)> = Vec::new();
    // The open list items by indentation: (indent, index in `items`).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut cur, mut cur_indent) = (String::new(), 0usize);
    let flush = |cur: &mut String,
                 indent: usize,
                 items: &mut Vec<(String, Option<usize>)>,
                 open: &mut Vec<(usize, usize)>| {
        if cur.trim().is_empty() {
            cur.clear();
            return;
        }
        while open.last().is_some_and(|&(i, _)| i >= indent) {
            open.pop();
        }
        let parent = open.last().map(|&(_, ix)| ix);
        items.push((normalize(cur), parent));
        open.push((indent, items.len() - 1));
        cur.clear();
    };
    for line in md.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        // A list item, a heading, a numbered item or a table row (each row is an item: the
        // timeline's rows name their source in their last cell).
        let starts = t.starts_with("- ")
            || t.starts_with('#')
            || t.starts_with('|')
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if t.is_empty() || starts {
            flush(&mut cur, cur_indent, &mut items, &mut open);
            if t.is_empty() || t.starts_with('#') {
                open.clear();
            }
            cur_indent = indent;
        }
        cur.push_str(line);
        cur.push('\n');
    }
    flush(&mut cur, cur_indent, &mut items, &mut open);
    items
}

/// Whether `text` names `reference` as a whole word (`ALI-PROC` is not named by `ALI-PROC-TC`).
fn names(text: &str, reference: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(reference).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + reference.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Whether byte offset `at` of `item` lies inside a quoted span ("…", “…” or 「…」).
fn inside_quotes(item: &str, at: usize, len: usize) -> bool {
    let before = &item[..at];
    let after = &item[at + len..];
    let straight = before.matches('"').count() % 2 == 1 && after.contains('"');
    let curly =
        before.rfind('“').is_some_and(|o| before.rfind('”').is_none_or(|c| c < o)) && after.contains('”');
    let corner =
        before.rfind('「').is_some_and(|o| before.rfind('」').is_none_or(|c| c < o)) && after.contains('」');
    straight || curly || corner
}

/// Checks every current-practice citation against the notes (`current-practice.md` and
/// `provinces.md`, read together): the words must
/// occur in an item that names the source (its `ref`); a quote must stand inside quotation
/// marks there; nothing may come from a sentence marked UNCONFIRMED or (secondary).
pub fn check_practice_quotes(book: &Rulebook, md: &str) -> Vec<String> {
    let items = md_items(md);
    let mut problems = Vec::new();
    // Every external citation, with where it stands: the recommendations', and what current
    // practice adds to a question's help.
    let cited = book
        .recommendations
        .iter()
        .flat_map(|r| r.all_cites().map(move |c| (format!("recommendation `{}`", r.id), c)))
        .chain(book.questions.iter().flat_map(|q| {
            q.practice
                .iter()
                .flat_map(move |p| p.cites.iter().map(move |c| (format!("question `{}`", q.id), c)))
        }))
        .chain(
            book.domain_notes
                .iter()
                .flat_map(|d| d.cites.iter().map(move |c| (format!("domain note `{}`", d.id), c))),
        );
    for (place, c) in cited.filter(|(_, c)| book.sources[c.source].kind == SourceKind::External) {
        {
            let source = &book.sources[c.source];
            let words = normalize(c.text);
            let what = if c.summary { "summary" } else { "quote" };
            let mut found_anywhere = false;
            let mut ok = false;
            for (item, parent) in &items {
                let Some(at) = item.find(&words) else { continue };
                found_anywhere = true;
                // The source is named in the item, or in the item it is nested in.
                if !names(item, source.reference)
                    && !parent.is_some_and(|p| names(&items[p].0, source.reference))
                {
                    continue;
                }
                // The sentence the words stand in (up to the next full stop or semicolon).
                let start = item[..at].rfind(['.', ';']).map_or(0, |i| i + 1);
                let end =
                    item[at + words.len()..].find(['.', ';']).map_or(item.len(), |i| at + words.len() + i);
                let sentence = &item[start..end];
                if sentence.contains("UNCONFIRMED") || words.contains("(secondary)") {
                    continue;
                }
                if !c.summary && !inside_quotes(item, at, words.len()) {
                    continue;
                }
                ok = true;
                break;
            }
            if !ok {
                let why = if !found_anywhere {
                    "does not occur in current-practice.md or provinces.md".to_string()
                } else if c.summary {
                    format!("occurs only where `{}` is not named, or beside UNCONFIRMED", source.reference)
                } else {
                    format!(
                        "occurs only outside quotation marks or where `{}` is not named",
                        source.reference
                    )
                };
                problems.push(format!("{place}: {what} from `{}` {why}: {:?}", source.id, c.text));
            }
        }
    }
    // The same document in another language: only an address the notes give for it.
    for source in book.sources.iter().filter(|s| s.kind == SourceKind::External) {
        for v in source.versions {
            let ok = items.iter().any(|(item, parent)| {
                item.contains(v.url)
                    && (names(item, source.reference)
                        || parent.is_some_and(|p| names(&items[p].0, source.reference)))
            });
            if !ok {
                problems.push(format!(
                    "source `{}`: its {} version {} is not given beside `{}` in the notes",
                    source.id, v.lang, v.url, source.reference
                ));
            }
        }
    }
    problems
}

/// Places where a secondary (quality B) source stands alone: a recommendation's own citations,
/// or a verdict line, paragraph or step, whose citations are all of B sources. A B source is
/// only ever cited beside an A source that says the same (provinces.md, current-practice.md).
pub fn secondary_alone_problems(book: &Rulebook) -> Vec<String> {
    let alone = |cites: &[crate::rulebook::Citation]| {
        !cites.is_empty()
            && cites.iter().all(|c| book.sources[c.source].quality == crate::rulebook::Quality::B)
    };
    let mut out = Vec::new();
    for r in book.recommendations {
        if alone(r.cites) {
            out.push(format!("recommendation `{}` cites only secondary (quality B) sources", r.id));
        }
        for (what, parts) in [("verdict line", r.answer), ("paragraph", r.body), ("step", r.steps)] {
            for (i, p) in parts.iter().enumerate() {
                if alone(p.cites) {
                    out.push(format!(
                        "recommendation `{}`, {what} {}: cites only secondary (quality B) sources; cite an A source beside them",
                        r.id,
                        i + 1
                    ));
                }
            }
        }
    }
    for q in book.questions {
        if let Some(p) = q.practice {
            if alone(p.cites) {
                out.push(format!(
                    "question `{}`: its current-practice help cites only secondary (quality B) sources",
                    q.id
                ));
            }
        }
    }
    out
}

/// Cited words whose language is not the one they are written in: words taken to be Chinese
/// (their page's language) that hold no Chinese character, which must say `lang = "en"`.
pub fn words_language_problems(book: &Rulebook) -> Vec<String> {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut out: Vec<String> = book
        .citations()
        .filter(|c| crate::rulebook::same_language(book.words_lang(c), "zh") && !han(c.text))
        .map(|c| {
            format!(
                "the words {:?} of `{}` are taken to be in {} (the page's language) but hold no Chinese: say the language they are in (`lang = \"en\"`)",
                c.text, book.sources[c.source].id, book.words_lang(c)
            )
        })
        .collect();
    out.dedup();
    out
}

/// The coverage table as Markdown (written to `docs/COVERAGE.md` by `icp-advisor coverage`).
pub fn coverage_markdown(book: &Rulebook, report: &Report) -> String {
    let mut out = String::new();
    let w = &mut out;
    let en = crate::rulebook::Lang::SOURCE;
    let faq = book.faq_source().map_or("the FAQ", |s| book.text(s.title, en));
    let _ = writeln!(w, "# Rule coverage of the ICP FAQ");
    let _ = writeln!(w);
    let _ = writeln!(w, "Generated by `icp-advisor coverage` from `rules/` — do not edit by hand.");
    let _ = writeln!(w, "Source: {} {faq}.", book.faq_source().map_or("", |s| book.text(s.publisher, en)));
    let _ = writeln!(w);
    let _ = writeln!(w, "Paths checked: {} in all ({}).", report.total_paths(), flow_summary(book, report));
    let _ = writeln!(w);
    let _ = writeln!(w, "| § | FAQ question | Flow | Recommendations | Rules | Paths |");
    let _ = writeln!(w, "|---|---|---|---|---|---|");
    let list = |ids: Vec<&str>| ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
    for (f, entry) in book.faqs.iter().enumerate() {
        let cov = &report.coverage[f];
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            entry.section,
            entry.question.replace('|', "\\|"),
            book.flows[entry.flow].id,
            list(cov.recs.iter().map(|&r| book.recommendations[r].id).collect()),
            list(cov.rules.iter().map(|&r| book.rules[r].id).collect()),
            cov.paths
        );
    }
    let practice: Vec<usize> = (0..book.recommendations.len())
        .filter(|&r| book.recommendations[r].layer == Layer::Practice)
        .collect();
    if !practice.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "## Current practice (gathered {})", book.gathered);
        let _ = writeln!(w);
        let _ = writeln!(w, "| Recommendation | Sources | Qualifies | Paths |");
        let _ = writeln!(w, "|---|---|---|---|");
        for r in practice {
            let rec = &book.recommendations[r];
            let mut sources: Vec<&str> =
                book.recommendations[r].all_cites().map(|c| book.sources[c.source].id).collect();
            sources.dedup();
            let _ = writeln!(
                w,
                "| `{}` | {} | {} | {} |",
                rec.id,
                list(sources),
                list(rec.qualifies.iter().map(|&q| book.recommendations[q].id).collect()),
                report.rec_paths[r]
            );
        }
    }
    out
}

pub fn flow_summary(book: &Rulebook, report: &Report) -> String {
    book.flows
        .iter()
        .zip(&report.flows)
        .map(|(f, s)| format!("{}: {}", f.id, s.paths))
        .collect::<Vec<_>>()
        .join(", ")
}
