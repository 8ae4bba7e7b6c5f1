//! The advice as plain data (serde), in one language: what the CLI prints as JSON, what
//! the JS API returns, and what the UI renders. Also its plain-text/Markdown form.

use crate::answers::AnswerSet;
use crate::engine::{evaluate, Evaluation};
use crate::i18n::{fill, strings};
use crate::rulebook::{Citation, Kind, Lang, Layer, QIx, Rulebook, SourceKind};
use serde::Serialize;
use std::fmt::Write as _;

/// Which layers of advice to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lens {
    /// The FAQ's advice and the current-practice notes (the default).
    #[default]
    All,
    /// The FAQ's advice alone, for readers who must follow the document as published.
    FaqOnly,
}

impl Lens {
    pub fn id(self) -> &'static str {
        match self {
            Lens::All => "all",
            Lens::FaqOnly => "faq",
        }
    }

    pub fn parse(s: &str) -> Option<Lens> {
        match s {
            "all" => Some(Lens::All),
            "faq" => Some(Lens::FaqOnly),
            _ => None,
        }
    }

    pub fn shows(self, layer: Layer) -> bool {
        self == Lens::All || layer == Layer::Faq
    }
}

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
    pub recommendations: Vec<RecOut>,
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
    let flow = &book.flows[ev.flow];
    let t = |x| book.text(x, lang);
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
        recommendations: ev
            .advice
            .iter()
            .filter(|a| lens.shows(book.recommendations[a.rec].layer))
            .map(|a| {
                let rec = &book.recommendations[a.rec];
                let body: Vec<_> = a.body.iter().map(|&i| &rec.body[i]).collect();
                let steps: Vec<_> = a.steps.iter().map(|&i| &rec.steps[i]).collect();
                let cites = rec.cites.iter().chain(body.iter().chain(&steps).flat_map(|p| p.cites.iter()));
                let mut citations: Vec<CitationOut> = Vec::new();
                for c in cites.map(|c| citation_out(book, c)) {
                    if !citations.contains(&c) {
                        citations.push(c);
                    }
                }
                RecOut {
                    id: rec.id,
                    kind: rec.kind.id(),
                    layer: rec.layer.id(),
                    verdict: rec.verdict,
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

/// The advice as Markdown (also readable as plain text): for the CLI's `--format text`
/// and the app's "copy as text".
pub fn to_markdown(advice: &Advice, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}", advice.flow_title);
    let _ = writeln!(w);
    let _ = writeln!(w, "## {}", s.answers_heading);
    let _ = writeln!(w);
    for a in &advice.answers {
        let _ = writeln!(w, "- {} **{}**", a.prompt, a.label);
    }
    if !advice.complete {
        let _ = writeln!(w);
        if let Some(q) = &advice.next_question {
            let _ = writeln!(w, "{} ({})", fill(s.md_not_finished, &[("prompt", q.prompt)]), q.id);
        }
        return out;
    }
    if let Some(v) = advice.recommendations.iter().find(|r| r.verdict) {
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", fill(s.md_in_short, &[("title", v.title)]));
    }
    for kind in Kind::ALL {
        let group: Vec<_> =
            advice.recommendations.iter().filter(|r| r.kind == kind.id() && r.layer == "faq").collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", s.kind_heading(kind));
        for r in group {
            rec_markdown(w, r, lang);
        }
    }
    let practice: Vec<_> = advice.recommendations.iter().filter(|r| r.layer == "practice").collect();
    if !practice.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", s.practice_heading);
        for r in practice {
            rec_markdown(w, r, lang);
        }
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "{}", fill(s.md_footer, &[("source", s.source)]));
    out
}

fn rec_markdown(w: &mut String, r: &RecOut, lang: Lang) {
    let s = strings(lang);
    let _ = writeln!(w);
    let _ = writeln!(w, "### {}", r.title);
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
