//! The advice as plain data (serde), in one language: what the CLI prints as JSON, what
//! the JS API returns, and what the UI renders. Also its plain-text/Markdown form.

use crate::answers::AnswerSet;
use crate::engine::{evaluate, Evaluation};
use crate::i18n::{fill, strings};
use crate::present::{present, Presentation};
use crate::rulebook::{Citation, Lang, QIx, RecIx, Rulebook, SourceKind};
use serde::Serialize;
use std::fmt::Write as _;

pub use crate::present::Lens;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Advice {
    pub flow: &'static str,
    pub flow_title: &'static str,
    pub lang: &'static str,
    /// Which layers are shown: `all` or `faq` (the FAQ's advice alone).
    pub lens: &'static str,
    pub complete: bool,
    /// The relevant answers, in the order asked.
    pub answers: Vec<AnswerOut>,
    /// Question ids whose answers were ignored because they are not relevant.
    pub ignored: Vec<&'static str>,
    pub next_question: Option<QuestionOut>,
    pub progress: Progress,
    /// The id of the headline recommendation, if any.
    pub verdict: Option<&'static str>,
    /// The headline: the outcome, led by a blocking first step where there is one.
    pub outcome: Option<OutcomeOut>,
    /// "Your plan": what to do, in the order a person does it.
    pub plan: Vec<PlanOut>,
    /// The advice in reading order (the verdict first; current-practice notes next to the
    /// FAQ advice they qualify, then the rest).
    pub recommendations: Vec<RecOut>,
    /// When the current-practice facts were gathered (`YYYY-MM`).
    pub practice_gathered: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OutcomeOut {
    /// The page's heading: the verdict's title, or the blocking first step's.
    pub title: &'static str,
    /// With a blocking first step: the verdict's title ("then …").
    pub then: Option<&'static str>,
    /// The recommendation the heading comes from.
    pub recommendation: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PlanOut {
    /// `first` (blocks the rest), `before` (filing), `filing`, `review`, `after` (approval).
    pub phase: &'static str,
    pub text: &'static str,
    /// The card with the why and the source.
    pub recommendation: &'static str,
    pub layer: &'static str,
    /// An alternative to the blocking first step.
    pub alternative: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Progress {
    pub answered: usize,
    /// The most questions still to come, counting the next one.
    pub at_most_remaining: usize,
    /// `answered + at_most_remaining`: "question N of at most TOTAL".
    pub at_most_total: usize,
    pub possibly_ahead: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AnswerOut {
    pub question: &'static str,
    pub prompt: &'static str,
    pub option: &'static str,
    pub label: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QuestionOut {
    pub id: &'static str,
    pub prompt: &'static str,
    pub help: &'static str,
    pub options: Vec<OptionOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OptionOut {
    pub id: &'static str,
    pub label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RecOut {
    pub id: &'static str,
    pub kind: &'static str,
    /// `faq` (the 2019 FAQ) or `practice` (current practice, dated sources).
    pub layer: &'static str,
    pub verdict: bool,
    /// Where it goes in the plan, if it is something to do.
    pub phase: Option<&'static str>,
    /// (Current practice) the FAQ recommendation it is shown next to.
    pub attached_to: Option<&'static str>,
    pub title: &'static str,
    /// The paragraphs that apply on this path.
    pub body: Vec<&'static str>,
    pub steps: Vec<&'static str>,
    /// A flow to continue with, if any.
    pub related_flow: Option<FlowOut>,
    /// The answers that led to it.
    pub why: Vec<AnswerOut>,
    /// The rules that produced it.
    pub rules: Vec<&'static str>,
    pub citations: Vec<CitationOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FlowOut {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CitationOut {
    /// The source's id (`icp-faq` for the FAQ).
    pub source: &'static str,
    /// For the FAQ: its section, entry and question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faq: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'static str>,
    /// The words cited: the source's own (a quote) or, when `summary`, the wording recorded
    /// when the source was read.
    pub quote: &'static str,
    pub summary: bool,
    pub publisher: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: &'static str,
    /// The date the page shows, or `null` when it shows none.
    pub page_date: Option<&'static str>,
    pub read: &'static str,
    pub source_lang: &'static str,
}

pub fn answer_out(book: &Rulebook, q: QIx, o: usize, lang: Lang) -> AnswerOut {
    let question = &book.questions[q];
    AnswerOut {
        question: question.id,
        prompt: book.text(question.prompt, lang),
        option: question.options[o].id,
        label: book.text(question.options[o].label, lang),
    }
}

pub fn question_out(book: &Rulebook, q: QIx, lang: Lang) -> QuestionOut {
    let question = &book.questions[q];
    QuestionOut {
        id: question.id,
        prompt: book.text(question.prompt, lang),
        help: book.text(question.help, lang),
        options: question
            .options
            .iter()
            .map(|o| OptionOut {
                id: o.id,
                label: book.text(o.label, lang),
                hint: o.hint.map(|h| book.text(h, lang)),
            })
            .collect(),
    }
}

pub fn citation_out(book: &Rulebook, c: &Citation) -> CitationOut {
    let source = &book.sources[c.source];
    let faq = c.faq.map(|f| &book.faqs[f]);
    CitationOut {
        source: source.id,
        section: faq.map(|f| f.section),
        faq: faq.map(|f| f.id),
        question: faq.map(|f| f.question),
        quote: c.text,
        summary: c.summary,
        publisher: source.publisher,
        title: source.title,
        url: source.url,
        page_date: source.page_date,
        read: source.read,
        source_lang: source.lang,
    }
}

/// Evaluates answers and renders the result.
pub fn advise(book: &Rulebook, answers: &AnswerSet, lang: Lang, lens: Lens) -> Advice {
    render(book, &evaluate(book, answers), lang, lens)
}

pub fn render(book: &Rulebook, ev: &Evaluation, lang: Lang, lens: Lens) -> Advice {
    let shown = present(book, ev, lens);
    render_presented(book, ev, &shown, lang, lens)
}

/// The title of a recommendation's line in the plan.
pub fn plan_text(book: &Rulebook, rec: RecIx, lang: Lang) -> &'static str {
    let r = &book.recommendations[rec];
    book.text(r.plan.unwrap_or(r.title), lang)
}

pub fn render_presented(
    book: &Rulebook,
    ev: &Evaluation,
    shown: &Presentation,
    lang: Lang,
    lens: Lens,
) -> Advice {
    let flow = &book.flows[ev.flow];
    let t = |x| book.text(x, lang);
    let title = |r: RecIx| t(book.recommendations[r].title);
    Advice {
        flow: flow.id,
        flow_title: t(flow.title),
        lang: book.language(lang).code,
        lens: lens.id(),
        complete: ev.is_complete(),
        answers: ev.asked.iter().map(|&(q, o)| answer_out(book, q, o, lang)).collect(),
        ignored: ev.ignored.iter().map(|&q| book.questions[q].id).collect(),
        next_question: ev.next.map(|q| question_out(book, q, lang)),
        progress: Progress {
            answered: ev.asked.len(),
            at_most_remaining: ev.at_most_remaining,
            at_most_total: ev.asked.len() + ev.at_most_remaining,
            possibly_ahead: ev.possibly_ahead.iter().map(|&q| book.questions[q].id).collect(),
        },
        verdict: ev.verdict.map(|r| book.recommendations[r].id),
        outcome: shown.headline.as_ref().map(|h| OutcomeOut {
            title: title(h.lead()),
            then: h.first.map(|_| title(h.verdict)),
            recommendation: book.recommendations[h.lead()].id,
        }),
        plan: shown
            .plan
            .iter()
            .map(|s| PlanOut {
                phase: s.phase.id(),
                text: plan_text(book, s.rec, lang),
                recommendation: book.recommendations[s.rec].id,
                layer: book.recommendations[s.rec].layer.id(),
                alternative: s.alternative,
            })
            .collect(),
        practice_gathered: book.gathered,
        recommendations: shown
            .cards
            .iter()
            .map(|c| {
                let a = &ev.advice[c.applied];
                let rec = &book.recommendations[a.rec];
                let body: Vec<_> = a.body.iter().map(|&i| &rec.body[i]).collect();
                let steps: Vec<_> = a.steps.iter().map(|&i| &rec.steps[i]).collect();
                let citations =
                    crate::present::citations(book, a).into_iter().map(|c| citation_out(book, c)).collect();
                RecOut {
                    id: rec.id,
                    kind: rec.kind.id(),
                    layer: rec.layer.id(),
                    verdict: rec.verdict,
                    phase: rec.phase.map(|p| p.id()),
                    attached_to: c.attached_to.map(|r| book.recommendations[r].id),
                    title: t(rec.title),
                    body: body.iter().map(|p| t(p.text)).collect(),
                    steps: steps.iter().map(|p| t(p.text)).collect(),
                    related_flow: rec
                        .flow
                        .map(|f| FlowOut { id: book.flows[f].id, title: t(book.flows[f].title) }),
                    why: a.because.iter().map(|&(q, o)| answer_out(book, q, o, lang)).collect(),
                    rules: a.rules.iter().map(|&r| book.rules[r].id).collect(),
                    citations,
                }
            })
            .collect(),
    }
}

/// The citation's reference, e.g. `ICP FAQ §1.2 ("…")` or `Alibaba Cloud, "Limits" (no date
/// shown; read 2026-11)`.
pub fn citation_ref(c: &CitationOut, lang: Lang) -> String {
    let s = strings(lang);
    match (c.section, c.question) {
        (Some(section), Some(question)) => {
            format!("{} (\"{question}\")", fill(s.faq_ref, &[("section", section)]))
        }
        _ => {
            let date = c
                .page_date
                .map_or_else(|| s.no_date_shown.to_string(), |d| fill(s.page_dated, &[("date", d)]));
            fill(
                s.source_ref,
                &[("publisher", c.publisher), ("title", c.title), ("date", &date), ("read", c.read)],
            )
        }
    }
}

/// The phase heading of the plan.
pub fn phase_heading(s: &crate::i18n::Strings, phase: &str) -> &'static str {
    match phase {
        "first" => s.phase_first,
        "before" => s.phase_before,
        "filing" => s.phase_filing,
        "review" => s.phase_review,
        _ => s.phase_after,
    }
}

/// "As of …, per …" for a current-practice card: each source once, with its date.
pub fn as_of(r: &RecOut, lang: Lang) -> String {
    as_of_sources(r.citations.iter().map(|c| (c.publisher, c.page_date, c.read)), lang)
}

/// "As of <date>, per <publisher>" for each publisher cited: the newest date its cited pages
/// show, or, where none shows one, when they were read.
pub fn as_of_sources<'a>(
    sources: impl Iterator<Item = (&'a str, Option<&'a str>, &'a str)>,
    lang: Lang,
) -> String {
    let s = strings(lang);
    // (publisher, newest page date, read)
    let mut by: Vec<(&str, Option<&str>, &str)> = Vec::new();
    for (publisher, date, read) in sources {
        match by.iter_mut().find(|(p, _, _)| *p == publisher) {
            Some(entry) => entry.1 = entry.1.max(date),
            None => by.push((publisher, date, read)),
        }
    }
    by.iter()
        .map(|(publisher, date, read)| match date {
            Some(d) => fill(s.as_of, &[("date", d), ("publisher", publisher)]),
            None => fill(s.as_of_read, &[("read", read), ("publisher", publisher)]),
        })
        .collect::<Vec<_>>()
        .join(s.list_separator)
}

/// The advice as Markdown (also readable as plain text): for the CLI's `--format text`
/// and the app's "copy as text". The outcome and the plan come first, then the cards (each
/// current-practice note marked as such, with its dates), then the answers.
pub fn to_markdown(advice: &Advice, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}", advice.flow_title);
    if !advice.complete {
        let _ = writeln!(w);
        answers_markdown(w, advice, lang);
        if let Some(q) = &advice.next_question {
            let _ = writeln!(w);
            let _ = writeln!(w, "{} ({})", fill(s.md_not_finished, &[("prompt", q.prompt)]), q.id);
        }
        return out;
    }
    if let Some(o) = &advice.outcome {
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", fill(s.md_in_short, &[("title", o.title)]));
        if let Some(then) = o.then {
            let _ = writeln!(w, "{}", fill(s.outcome_then, &[("title", then)]));
        }
    }
    if !advice.plan.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", s.plan_heading);
        let mut phase = "";
        let mut n = 0;
        for p in &advice.plan {
            if p.phase != phase {
                phase = p.phase;
                let _ = writeln!(w);
                let _ = writeln!(w, "{}", phase_heading(s, phase));
            }
            n += 1;
            let text = if p.alternative {
                fill(s.plan_alternative, &[("text", p.text)])
            } else {
                p.text.to_string()
            };
            let mark = if p.layer == "practice" { format!(" ({})", s.practice_short) } else { String::new() };
            let _ = writeln!(w, "{n}. {text}{mark}");
        }
    }
    let mut practice_heading = false;
    for r in &advice.recommendations {
        let _ = writeln!(w);
        if r.layer == "practice" && r.attached_to.is_none() && !practice_heading {
            practice_heading = true;
            let _ =
                writeln!(w, "## {}", fill(s.practice_heading_dated, &[("date", advice.practice_gathered)]));
            let _ = writeln!(w);
        }
        rec_markdown(w, r, lang);
    }
    let _ = writeln!(w);
    answers_markdown(w, advice, lang);
    let _ = writeln!(w);
    let _ = writeln!(w, "{}", fill(s.md_footer, &[("source", s.source)]));
    if advice.lens == "all" {
        let _ = writeln!(w, "{}", fill(s.md_practice_footer, &[("date", advice.practice_gathered)]));
    }
    out
}

fn answers_markdown(w: &mut String, advice: &Advice, lang: Lang) {
    let _ = writeln!(w, "## {}", strings(lang).answers_heading);
    let _ = writeln!(w);
    for a in &advice.answers {
        let _ = writeln!(w, "- {} **{}**", a.prompt, a.label);
    }
}

fn rec_markdown(w: &mut String, r: &RecOut, lang: Lang) {
    let s = strings(lang);
    if r.layer == "practice" {
        let _ = writeln!(w, "### {}: {}", s.practice_short, r.title);
        let _ = writeln!(w);
        let _ = writeln!(w, "*{}*", as_of(r, lang));
    } else {
        let _ = writeln!(w, "### {}", r.title);
    }
    for p in &r.body {
        let _ = writeln!(w);
        let _ = writeln!(w, "{p}");
    }
    if !r.steps.is_empty() {
        let _ = writeln!(w);
        for (i, step) in r.steps.iter().enumerate() {
            let _ = writeln!(w, "{}. {step}", i + 1);
        }
    }
    if let Some(f) = &r.related_flow {
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", fill(s.md_see_also, &[("flow", f.title)]));
    }
    let _ = writeln!(w);
    let why: Vec<String> = r.why.iter().map(|a| format!("{} {}", a.prompt, a.label)).collect();
    if !why.is_empty() {
        let _ = writeln!(w, "{}", fill(s.md_why, &[("answers", &why.join(s.list_separator))]));
    }
    for c in &r.citations {
        let words =
            if c.summary { fill(s.summary_of, &[("text", c.quote)]) } else { format!("\"{}\"", c.quote) };
        let _ = writeln!(w, "> {}: {words}", citation_ref(c, lang));
    }
}

/// The flows and their questions, for `icp-advisor questions` and the JS API.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FlowCatalogue {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub questions: Vec<QuestionCatalogue>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QuestionCatalogue {
    #[serde(flatten)]
    pub question: QuestionOut,
    /// The condition under which it is asked, in rulebook syntax ("always" if none).
    pub asked_when: String,
}

pub fn catalogue(book: &Rulebook, lang: Lang) -> Vec<FlowCatalogue> {
    book.flows
        .iter()
        .map(|f| FlowCatalogue {
            id: f.id,
            title: book.text(f.title, lang),
            summary: book.text(f.summary, lang),
            questions: f
                .questions
                .iter()
                .map(|&q| QuestionCatalogue {
                    question: question_out(book, q, lang),
                    asked_when: describe(book, &book.questions[q].ask_if),
                })
                .collect(),
        })
        .collect()
}

/// Writes a condition back in rulebook syntax (named conditions expanded).
pub fn describe(book: &Rulebook, c: &crate::rulebook::Cond) -> String {
    use crate::rulebook::Cond;
    match c {
        Cond::Always => "always".into(),
        Cond::Is(q, mask) => {
            let question = &book.questions[*q];
            let opts: Vec<&str> = question
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, o)| o.id)
                .collect();
            format!("{} = {}", question.id, opts.join(" | "))
        }
        Cond::Def(d, _) => book.defines[*d].id.to_string(),
        Cond::Not(c) => match c {
            Cond::All(_) | Cond::Any(_) => format!("not ({})", describe(book, c)),
            _ => format!("not {}", describe(book, c)),
        },
        Cond::All(cs) => cs
            .iter()
            .map(|c| match c {
                Cond::All(_) | Cond::Any(_) => format!("({})", describe(book, c)),
                _ => describe(book, c),
            })
            .collect::<Vec<_>>()
            .join(" and "),
        Cond::Any(cs) => cs.iter().map(|c| describe(book, c)).collect::<Vec<_>>().join(" or "),
    }
}

/// Whether a source is the FAQ.
pub fn is_faq(book: &Rulebook, c: &Citation) -> bool {
    book.sources[c.source].kind == SourceKind::Faq
}
