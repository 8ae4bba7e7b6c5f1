//! The advice as plain data (serde), in one language: what the CLI prints as JSON, what
//! the JS API returns, and what a mounted advisor sends. Its Markdown form is [`markdown`]; what
//! a person reads of it before any tap, and the budgets for that, are [`budget`]; the wording
//! every renderer shares is [`crate::wording`].

mod budget;
mod markdown;

pub use budget::{measure, visible, VERDICT_WORDS, VISIBLE_CHARS, VISIBLE_WORDS};
pub use markdown::{citation_lines, step_text, to_markdown};

use crate::answers::AnswerSet;
use crate::engine::{evaluate, Evaluation};
use crate::present::{present, title_of, Place, Presentation};
use crate::rulebook::{Citation, Lang, Phase, QIx, RecIx, Rulebook, SourceKind, Takes};
use serde::Serialize;

pub use crate::present::Lens;
use crate::wording::{dates_short, plan_text, quality_mark, takes_text, timeline_label, verdict_line};

/// A phase as the JSON output writes it: its id.
fn phase_id<S: serde::Serializer>(phase: &Phase, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(phase.id())
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
    /// The verdict: the flow's question answered in one sentence, with its reason (once the
    /// flow is complete).
    pub verdict: Option<VerdictOut>,
    /// The one thing to do first: the plan's first step.
    pub first_action: Option<PlanOut>,
    /// "Your plan": what to do, in the order a person does it, numbered from 1.
    pub plan: Vec<PlanOut>,
    /// Other answers to the person's own choices (where to host, which CDN, …) that lead to
    /// another verdict, with every other answer kept.
    pub alternatives: Vec<AlternativeOut>,
    /// "Good to know": the ids of the recommendations that are not steps (in `recommendations`).
    pub good_to_know: Vec<&'static str>,
    /// Every recommendation shown, in reading order (the plan's steps, each followed by the
    /// current-practice notes read inside it; the verdict if it is not a step; then "Good to
    /// know"), with its paragraphs, steps, why and sources.
    pub recommendations: Vec<RecOut>,
    /// The documents to prepare, for this owner and province: the items of the checklists
    /// among `recommendations` (their `steps`), in order.
    pub documents: Vec<&'static str>,
    /// How long each phase of the filing takes, in order (the timeline's paragraphs that say
    /// it, as ranges): what the result's picture draws.
    pub timeline: Vec<TimelineOut>,
    /// When the current-practice facts were gathered (`YYYY-MM`).
    pub practice_gathered: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct VerdictOut {
    /// The recommendation it is (its card in `recommendations` has the why and the sources).
    pub recommendation: &'static str,
    /// The outcome: the page's heading.
    pub title: &'static str,
    /// The verdict line: one sentence that answers the flow's question, with its reason.
    pub text: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PlanOut {
    /// The step's number, from 1.
    pub number: usize,
    /// `first` (blocks the rest), `before` (filing), `filing`, `review`, `after` (approval),
    /// `ongoing` (from now on): written as its id.
    #[serde(serialize_with = "phase_id")]
    pub phase: Phase,
    pub text: &'static str,
    /// The card with the why and the source.
    pub recommendation: &'static str,
    pub layer: &'static str,
    /// An alternative to the blocking first step.
    pub alternative: bool,
    /// What current practice says of this step, said in the step itself (lens `all` only).
    pub amends: Vec<AmendOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AmendOut {
    /// The current-practice note it comes from (its card has the sources).
    pub note: &'static str,
    pub text: &'static str,
    /// The note's sources and their dates, short: "Alibaba Cloud, read 2026-11".
    pub as_of: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AlternativeOut {
    /// The choice question and the other answer to it.
    pub question: &'static str,
    pub option: &'static str,
    /// The other answer as it reads: "If you host in Hong Kong".
    pub text: &'static str,
    /// The verdict it leads to: the recommendation and its title.
    pub verdict: &'static str,
    pub title: &'static str,
    /// The answers of that result (today's, with this one changed): evaluate them to read it.
    pub answers: crate::answers::AnswersInput,
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
    /// Where it is read: `plan` (a step), `verdict` (under the verdict line) or `good-to-know`.
    pub place: &'static str,
    /// (Current practice) the FAQ recommendation it is read inside.
    pub attached_to: Option<&'static str>,
    pub title: &'static str,
    /// The paragraphs that apply on this path.
    pub body: Vec<&'static str>,
    pub steps: Vec<&'static str>,
    /// Its steps are a checklist to tick (the documents to prepare); omitted when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub checklist: bool,
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
    /// when the source was read. Never translated.
    pub quote: &'static str,
    pub summary: bool,
    /// The language the words are in.
    pub lang: &'static str,
    /// The words in the advice's language when they are in another: the advisor's own
    /// rendering, to be shown as such beside them (`null` when the words are in the advice's
    /// language).
    pub rendering: Option<&'static str>,
    /// Who publishes the source, and its title, in the advice's language.
    pub publisher: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: &'static str,
    /// The same document in other languages, where the sources name one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<VersionOut>,
    /// The date the page shows, or `null` when it shows none.
    pub page_date: Option<&'static str>,
    pub read: &'static str,
    /// The page's language.
    pub source_lang: &'static str,
    /// The source's quality mark: "A" (the provider's or authority's own page or repository)
    /// or "B" (a reputable secondary source, only ever cited beside an A source).
    pub quality: &'static str,
}

/// One phase of the timeline: which, its label, its range in its unit, and the range in words.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TimelineOut {
    pub step: &'static str,
    pub label: &'static str,
    pub from: u16,
    pub to: u16,
    /// `hours`, `working-days` or `days`.
    pub unit: &'static str,
    /// The range in words ("3–5 working days").
    pub text: String,
    /// The recommendation whose paragraph says it.
    pub recommendation: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct VersionOut {
    pub lang: &'static str,
    pub url: &'static str,
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

pub fn citation_out(book: &Rulebook, c: &Citation, lang: Lang) -> CitationOut {
    let source = &book.sources[c.source];
    let faq = c.faq.map(|f| &book.faqs[f]);
    CitationOut {
        source: source.id,
        section: faq.map(|f| f.section),
        faq: faq.map(|f| f.id),
        question: faq.map(|f| f.question),
        quote: c.text,
        summary: c.summary,
        lang: book.words_lang(c),
        rendering: book.rendering(c, lang),
        publisher: book.text(source.publisher, lang),
        title: book.text(source.title, lang),
        url: source.url,
        versions: source.versions.iter().map(|v| VersionOut { lang: v.lang, url: v.url }).collect(),
        page_date: source.page_date,
        read: source.read,
        source_lang: source.lang,
        quality: quality_mark(source.quality),
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

pub fn render_presented(
    book: &Rulebook,
    ev: &Evaluation,
    shown: &Presentation,
    lang: Lang,
    lens: Lens,
) -> Advice {
    let flow = &book.flows[ev.flow];
    let t = |x| book.text(x, lang);
    let id = |r: RecIx| book.recommendations[r].id;
    let plan: Vec<PlanOut> = shown
        .plan
        .iter()
        .enumerate()
        .map(|(n, s)| PlanOut {
            number: n + 1,
            phase: s.phase,
            text: plan_text(book, &ev.advice[s.applied], lang),
            recommendation: id(s.rec),
            layer: book.recommendations[s.rec].layer.id(),
            alternative: s.alternative,
            amends: amends(book, shown, s.rec)
                .map(|(c, text)| AmendOut {
                    note: id(c.rec),
                    text: t(text),
                    as_of: dates_short(book, &crate::present::citations(book, &ev.advice[c.applied]), lang),
                })
                .collect(),
        })
        .collect();
    let documents = shown
        .cards
        .iter()
        .flat_map(|c| {
            let a = &ev.advice[c.applied];
            let rec = &book.recommendations[a.rec];
            a.steps.iter().filter(move |_| rec.checklist).map(move |&i| t(rec.steps[i].text))
        })
        .collect();
    let timeline = timeline(book, ev, shown, lang);
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
        verdict: shown.headline.as_ref().map(|h| VerdictOut {
            recommendation: id(h.verdict),
            title: t(title_of(book, ev, h.verdict)),
            text: verdict_line(book, h.verdict, shown.answer, lang),
        }),
        first_action: plan.first().cloned(),
        plan,
        alternatives: shown
            .other_ways
            .iter()
            .map(|w| {
                let q = &book.questions[w.question];
                let o = &q.options[w.option];
                AlternativeOut {
                    question: q.id,
                    option: o.id,
                    text: o.instead.map_or_else(|| t(o.label), t),
                    verdict: id(w.verdict),
                    title: t(w.title),
                    answers: w.answers.to_input(book),
                }
            })
            .collect(),
        good_to_know: shown
            .cards
            .iter()
            .filter(|c| c.place == Place::GoodToKnow)
            .map(|c| id(c.rec))
            .collect(),
        practice_gathered: book.gathered,
        documents,
        timeline,
        recommendations: shown
            .cards
            .iter()
            .map(|c| {
                let a = &ev.advice[c.applied];
                let rec = &book.recommendations[a.rec];
                let body: Vec<_> = a.body.iter().map(|&i| &rec.body[i]).collect();
                let steps: Vec<_> = a.steps.iter().map(|&i| &rec.steps[i]).collect();
                let citations = crate::present::citations(book, a)
                    .into_iter()
                    .map(|c| citation_out(book, c, lang))
                    .collect();
                RecOut {
                    id: rec.id,
                    kind: rec.kind.id(),
                    layer: rec.layer.id(),
                    verdict: rec.verdict,
                    phase: rec.phase.map(|p| p.id()),
                    place: c.place.id(),
                    attached_to: c.attached_to.map(id),
                    title: t(a.title(book)),
                    body: body.iter().map(|p| t(p.text)).collect(),
                    steps: steps.iter().map(|p| t(p.text)).collect(),
                    checklist: rec.checklist,
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

/// The current-practice notes that speak inside a plan step (their `amend` line), in order.
pub fn amends<'a>(
    book: &'a Rulebook,
    shown: &'a Presentation,
    step: RecIx,
) -> impl Iterator<Item = (&'a crate::present::Card, crate::rulebook::Text)> + 'a {
    shown.notes_on(step).filter_map(|c| book.recommendations[c.rec].amend.map(|t| (c, t)))
}

/// The timeline's phases on a path: the paragraphs shown that say how long a phase takes, in
/// the order the phases happen.
pub fn timeline(book: &Rulebook, ev: &Evaluation, shown: &Presentation, lang: Lang) -> Vec<TimelineOut> {
    let mut out: Vec<(Takes, TimelineOut)> = shown
        .cards
        .iter()
        .flat_map(|c| {
            let a = &ev.advice[c.applied];
            let rec = &book.recommendations[a.rec];
            a.body.iter().filter_map(move |&i| rec.body[i].takes.map(|t| (t, rec.id)))
        })
        .map(|(t, rec)| {
            (
                t,
                TimelineOut {
                    step: t.step.id(),
                    label: timeline_label(t.step, lang),
                    from: t.from,
                    to: t.to,
                    unit: t.unit.id(),
                    text: takes_text(t, lang),
                    recommendation: rec,
                },
            )
        })
        .collect();
    out.sort_by_key(|(t, _)| t.step);
    out.into_iter().map(|(_, o)| o).collect()
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
