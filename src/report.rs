//! The advice as plain data (serde), in one language: what the CLI prints as JSON, what
//! the JS API returns, and what the UI renders. Also its plain-text/Markdown form.

use crate::answers::AnswerSet;
use crate::engine::{evaluate, Evaluation};
use crate::i18n::{fill, strings};
use crate::rulebook::{Lang, QIx, RULEBOOK};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Advice {
    pub flow: &'static str,
    pub flow_title: &'static str,
    pub lang: &'static str,
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
    pub verdict: bool,
    pub title: &'static str,
    pub body: &'static str,
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
    pub section: &'static str,
    pub faq: &'static str,
    pub question: &'static str,
    pub quote: &'static str,
}

pub fn answer_out(q: QIx, o: usize, lang: Lang) -> AnswerOut {
    let question = &RULEBOOK.questions[q];
    AnswerOut {
        question: question.id,
        prompt: question.prompt.get(lang),
        option: question.options[o].id,
        label: question.options[o].label.get(lang),
    }
}

pub fn question_out(q: QIx, lang: Lang) -> QuestionOut {
    let question = &RULEBOOK.questions[q];
    QuestionOut {
        id: question.id,
        prompt: question.prompt.get(lang),
        help: question.help.get(lang),
        options: question
            .options
            .iter()
            .map(|o| OptionOut { id: o.id, label: o.label.get(lang), hint: o.hint.map(|h| h.get(lang)) })
            .collect(),
    }
}

/// Evaluates answers and renders the result.
pub fn advise(answers: &AnswerSet, lang: Lang) -> Advice {
    render(&evaluate(answers), lang)
}

pub fn render(ev: &Evaluation, lang: Lang) -> Advice {
    let book = &RULEBOOK;
    let flow = &book.flows[ev.flow];
    Advice {
        flow: flow.id,
        flow_title: flow.title.get(lang),
        lang: lang.code(),
        complete: ev.is_complete(),
        answers: ev.asked.iter().map(|&(q, o)| answer_out(q, o, lang)).collect(),
        ignored: ev.ignored.iter().map(|&q| book.questions[q].id).collect(),
        next_question: ev.next.map(|q| question_out(q, lang)),
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
            .map(|a| {
                let rec = &book.recommendations[a.rec];
                RecOut {
                    id: rec.id,
                    kind: rec.kind.id(),
                    verdict: rec.verdict,
                    title: rec.title.get(lang),
                    body: rec.body.get(lang),
                    steps: rec.steps.iter().map(|s| s.get(lang)).collect(),
                    related_flow: rec
                        .flow
                        .map(|f| FlowOut { id: book.flows[f].id, title: book.flows[f].title.get(lang) }),
                    why: a.because.iter().map(|&(q, o)| answer_out(q, o, lang)).collect(),
                    rules: a.rules.iter().map(|&r| book.rules[r].id).collect(),
                    citations: rec
                        .cites
                        .iter()
                        .map(|c| {
                            let faq = &book.faqs[c.faq];
                            CitationOut {
                                section: faq.section,
                                faq: faq.id,
                                question: faq.question,
                                quote: c.quote,
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

/// The advice as Markdown (also readable as plain text): for the CLI's `--format text`
/// and the app's "copy as text".
pub fn to_markdown(advice: &Advice, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "# {}", advice.flow_title).unwrap();
    writeln!(w).unwrap();
    writeln!(w, "## {}", s.answers_heading).unwrap();
    writeln!(w).unwrap();
    for a in &advice.answers {
        writeln!(w, "- {} **{}**", a.prompt, a.label).unwrap();
    }
    if !advice.complete {
        writeln!(w).unwrap();
        if let Some(q) = &advice.next_question {
            writeln!(w, "{} ({})", fill(s.md_not_finished, &[("prompt", q.prompt)]), q.id).unwrap();
        }
        return out;
    }
    if let Some(v) = advice.recommendations.iter().find(|r| r.verdict) {
        writeln!(w).unwrap();
        writeln!(w, "{}", fill(s.md_in_short, &[("title", v.title)])).unwrap();
    }
    for kind in ["required", "next-step", "warning", "info"] {
        let group: Vec<_> = advice.recommendations.iter().filter(|r| r.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(w).unwrap();
        writeln!(w, "## {}", s.kind_heading(kind)).unwrap();
        for r in group {
            writeln!(w).unwrap();
            writeln!(w, "### {}", r.title).unwrap();
            writeln!(w).unwrap();
            writeln!(w, "{}", r.body).unwrap();
            if !r.steps.is_empty() {
                writeln!(w).unwrap();
                for (i, step) in r.steps.iter().enumerate() {
                    writeln!(w, "{}. {step}", i + 1).unwrap();
                }
            }
            if let Some(f) = &r.related_flow {
                writeln!(w).unwrap();
                writeln!(w, "{}", fill(s.md_see_also, &[("flow", f.title)])).unwrap();
            }
            writeln!(w).unwrap();
            let why: Vec<String> = r.why.iter().map(|a| format!("{} {}", a.prompt, a.label)).collect();
            if !why.is_empty() {
                writeln!(w, "{}", fill(s.md_why, &[("answers", &why.join(s.list_separator))])).unwrap();
            }
            for c in &r.citations {
                writeln!(
                    w,
                    "> {} (\"{}\"): \"{}\"",
                    fill(s.faq_ref, &[("section", c.section)]),
                    c.question,
                    c.quote
                )
                .unwrap();
            }
        }
    }
    writeln!(w).unwrap();
    writeln!(w, "{}", fill(s.md_footer, &[("source", s.source)])).unwrap();
    out
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

pub fn catalogue(lang: Lang) -> Vec<FlowCatalogue> {
    RULEBOOK
        .flows
        .iter()
        .map(|f| FlowCatalogue {
            id: f.id,
            title: f.title.get(lang),
            summary: f.summary.get(lang),
            questions: f
                .questions
                .iter()
                .map(|&q| QuestionCatalogue {
                    question: question_out(q, lang),
                    asked_when: describe(&RULEBOOK.questions[q].ask_if),
                })
                .collect(),
        })
        .collect()
}

/// Writes a condition back in rulebook syntax (named conditions expanded).
pub fn describe(c: &crate::rulebook::Cond) -> String {
    use crate::rulebook::Cond;
    match c {
        Cond::Always => "always".into(),
        Cond::Is(q, mask) => {
            let question = &RULEBOOK.questions[*q];
            let opts: Vec<&str> = question
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, o)| o.id)
                .collect();
            format!("{} = {}", question.id, opts.join(" | "))
        }
        Cond::Not(c) => format!("not {}", describe(c)),
        Cond::All(cs) => cs.iter().map(paren).collect::<Vec<_>>().join(" and "),
        Cond::Any(cs) => format!("({})", cs.iter().map(describe).collect::<Vec<_>>().join(" or ")),
    }
}

fn paren(c: &crate::rulebook::Cond) -> String {
    match c {
        crate::rulebook::Cond::All(_) => format!("({})", describe(c)),
        _ => describe(c),
    }
}
