//! The advice as plain data (serde), in one language: what the CLI prints as JSON, what
//! the JS API returns, and what the UI renders. Also its plain-text/Markdown form.

use crate::answers::AnswerSet;
use crate::engine::{evaluate, Applied, Evaluation};
use crate::i18n::{fill, strings};
use crate::present::{present, title_of, Place, Presentation};
use crate::rulebook::{
    Citation, Lang, QIx, Quality, RecIx, Rulebook, SourceKind, Takes, TimeUnit, TimelineStep,
};
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
    /// `ongoing` (from now on).
    pub phase: &'static str,
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

/// A recommendation's line in the plan, on its path.
pub fn plan_text(book: &Rulebook, a: &Applied, lang: Lang) -> &'static str {
    book.text(a.plan_line(book), lang)
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
            phase: s.phase.id(),
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

/// The verdict line of a verdict: the part that applies, else (a path no verdict line covers,
/// which `icp-advisor check` reports) the verdict's title.
pub fn verdict_line(book: &Rulebook, verdict: RecIx, answer: Option<usize>, lang: Lang) -> &'static str {
    let r = &book.recommendations[verdict];
    book.text(answer.and_then(|i| r.answer.get(i)).map_or(r.title, |p| p.text), lang)
}

/// The current-practice notes that speak inside a plan step (their `amend` line), in order.
pub fn amends<'a>(
    book: &'a Rulebook,
    shown: &'a Presentation,
    step: RecIx,
) -> impl Iterator<Item = (&'a crate::present::Card, crate::rulebook::Text)> + 'a {
    shown.notes_on(step).filter_map(|c| book.recommendations[c.rec].amend.map(|t| (c, t)))
}

/// The citation's reference: for the FAQ its section and question (in English the FAQ's own
/// words; in another language the question translated), else the source's publisher, title and
/// dates (`Alibaba Cloud, “Limits” (no date shown; read 2026-11)`).
pub fn citation_ref(book: &Rulebook, c: &CitationOut, lang: Lang) -> String {
    let s = strings(lang);
    match (c.section, c.faq) {
        (Some(section), Some(faq)) => {
            let question = match book.faq(faq) {
                Some(f) if lang != Lang::SOURCE => book.text(book.faqs[f].title, lang),
                _ => c.question.unwrap_or(""),
            };
            fill(s.faq_cite, &[("ref", &fill(s.faq_ref, &[("section", section)])), ("question", question)])
        }
        _ => {
            let title = fill(s.cite_title, &[("title", c.title)]);
            let source = fill(s.publisher_title, &[("publisher", c.publisher), ("title", &title)]);
            let details =
                source_details(book, c.source_lang, c.page_date, c.read, source_quality(c.quality), lang);
            fill(s.source_ref, &[("source", &source), ("details", &details)])
        }
    }
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

/// A phase's name in a language.
pub fn timeline_label(step: TimelineStep, lang: Lang) -> &'static str {
    let s = strings(lang);
    match step {
        TimelineStep::DomainSync => s.timeline_domain_sync,
        TimelineStep::ProviderReview => s.timeline_provider_review,
        TimelineStep::SmsCheck => s.timeline_sms_check,
        TimelineStep::BureauReview => s.timeline_bureau_review,
        TimelineStep::ResultSync => s.timeline_result_sync,
        TimelineStep::PublicSecurity => s.timeline_public_security,
    }
}

/// How long, in words: "3–5 working days", "up to 24 hours", "30 days".
pub fn takes_text(t: Takes, lang: Lang) -> String {
    let s = strings(lang);
    let (from, to) = (t.from.to_string(), t.to.to_string());
    let range = if t.from == t.to {
        to
    } else if t.from == 0 {
        fill(s.takes_up_to, &[("to", &to)])
    } else {
        fill(s.takes_range, &[("from", &from), ("to", &to)])
    };
    let unit = match t.unit {
        TimeUnit::Hours => s.takes_hours,
        TimeUnit::WorkingDays => s.takes_working_days,
        TimeUnit::Days => s.takes_days,
    };
    fill(unit, &[("range", &range)])
}

/// A source's quality mark as the JSON output writes it.
pub fn quality_mark(q: Quality) -> &'static str {
    match q {
        Quality::A => "A",
        Quality::B => "B",
    }
}

fn source_quality(mark: &str) -> Quality {
    if mark == "B" {
        Quality::B
    } else {
        Quality::A
    }
}

/// An ISO date written the language's way.
pub fn date(book: &Rulebook, iso: &str, lang: Lang) -> String {
    book.language(lang).date(iso)
}

/// A language's name in the reader's language ("English", 英文), by its tag; the tag itself
/// when the app has no name for it.
pub fn language_name(lang: Lang, tag: &'static str) -> &'static str {
    strings(lang).language_name(tag).unwrap_or(tag)
}

/// What to say of a source's page after its title: its language where it is not the reader's,
/// the date it shows, and when it was read ("English page; no date shown; read 2026-11").
pub fn source_details(
    book: &Rulebook,
    page_lang: &'static str,
    page_date: Option<&str>,
    read: &str,
    quality: Quality,
    lang: Lang,
) -> String {
    let s = strings(lang);
    let mut parts = Vec::new();
    if !crate::rulebook::same_language(page_lang, book.language(lang).code) {
        parts.push(fill(s.page_in, &[("language", language_name(lang, page_lang))]));
    }
    parts.push(page_date.map_or_else(
        || s.no_date_shown.to_string(),
        |d| fill(s.page_dated, &[("date", &date(book, d, lang))]),
    ));
    parts.push(fill(s.read_on, &[("read", &date(book, read, lang))]));
    parts.push(
        match quality {
            Quality::A => s.quality_a,
            Quality::B => s.quality_b,
        }
        .to_string(),
    );
    parts.join(s.list_separator)
}

/// How cited words are shown in a language: the words, and, when they are in another language,
/// a label naming it and the advisor's rendering (`None` where the words are in the reader's
/// language, or no rendering is here).
pub struct Words {
    pub text: &'static str,
    pub lang: &'static str,
    /// "English original:", when the words are in another language than the reader's.
    pub label: Option<String>,
    pub rendering: Option<&'static str>,
}

pub fn words(book: &Rulebook, c: &Citation, lang: Lang) -> Words {
    Words {
        text: c.text,
        lang: book.words_lang(c),
        label: words_label(book, book.words_lang(c), c.summary, lang),
        rendering: book.rendering(c, lang),
    }
}

/// The label before cited words: for a quote in another language than the reader's, "English
/// original:"; for a summary, that it is one (and in which language, if not the reader's).
pub fn words_label(book: &Rulebook, words_lang: &'static str, summary: bool, lang: Lang) -> Option<String> {
    let s = strings(lang);
    let foreign = !crate::rulebook::same_language(words_lang, book.language(lang).code);
    let name = || language_name(lang, words_lang);
    match (summary, foreign) {
        (true, true) => Some(fill(s.summary_label_in, &[("language", name())])),
        (true, false) => Some(s.summary_label.to_string()),
        (false, true) => Some(fill(s.original_label, &[("language", name())])),
        (false, false) => None,
    }
}

/// The phase heading of the plan.
pub fn phase_heading(s: &crate::i18n::Strings, phase: &str) -> &'static str {
    match phase {
        "first" => s.phase_first,
        "before" => s.phase_before,
        "filing" => s.phase_filing,
        "review" => s.phase_review,
        "after" => s.phase_after,
        _ => s.phase_ongoing,
    }
}

/// "As of …, per …" for a current-practice card: each source once, with its date.
pub fn as_of(book: &Rulebook, r: &RecOut, lang: Lang) -> String {
    as_of_sources(book, r.citations.iter().map(|c| (c.publisher, c.page_date, c.read)), lang)
}

/// "As of …, per …" for citations.
pub fn as_of_citations(book: &Rulebook, cites: &[&Citation], lang: Lang) -> String {
    let sources = cites.iter().map(|c| &book.sources[c.source]);
    as_of_sources(book, sources.map(|s| (book.text(s.publisher, lang), s.page_date, s.read)), lang)
}

/// The short form of the dates of citations, for a line that must stay short (what current
/// practice says inside a plan step): "Alibaba Cloud, read 2026-11" — each publisher once, with
/// the newest date its pages show, or when they were read.
pub fn dates_short(book: &Rulebook, cites: &[&Citation], lang: Lang) -> String {
    let s = strings(lang);
    let mut by: Vec<(&str, Option<&str>, &str)> = Vec::new();
    for c in cites {
        let src = &book.sources[c.source];
        let publisher = book.text(src.publisher, lang);
        match by.iter_mut().find(|(p, _, _)| *p == publisher) {
            Some(entry) => entry.1 = entry.1.max(src.page_date),
            None => by.push((publisher, src.page_date, src.read)),
        }
    }
    by.iter()
        .map(|(publisher, page_date, read)| {
            let when = page_date.map_or_else(
                || fill(s.read_on, &[("read", &date(book, read, lang))]),
                |d| date(book, d, lang),
            );
            fill(s.source_short, &[("publisher", publisher), ("date", &when)])
        })
        .collect::<Vec<_>>()
        .join(s.list_separator)
}

/// "As of <date>, per <publisher>" for each publisher cited: the newest date its cited pages
/// show, or, where none shows one, when they were read.
pub fn as_of_sources<'a>(
    book: &Rulebook,
    sources: impl Iterator<Item = (&'a str, Option<&'a str>, &'a str)>,
    lang: Lang,
) -> String {
    let s = strings(lang);
    // (publisher, newest page date, read)
    let mut by: Vec<(&str, Option<&str>, &str)> = Vec::new();
    for (publisher, page_date, read) in sources {
        match by.iter_mut().find(|(p, _, _)| *p == publisher) {
            Some(entry) => entry.1 = entry.1.max(page_date),
            None => by.push((publisher, page_date, read)),
        }
    }
    by.iter()
        .map(|(publisher, page_date, read)| match page_date {
            Some(d) => fill(s.as_of, &[("date", &date(book, d, lang)), ("publisher", publisher)]),
            None => fill(s.as_of_read, &[("read", &date(book, read, lang)), ("publisher", publisher)]),
        })
        .collect::<Vec<_>>()
        .join(s.list_separator)
}

/// The advice as Markdown (also readable as plain text): for the CLI's `--format text`
/// and the app's "copy as text". In the result's order: the verdict, the one thing to do first,
/// the plan (each step with its details, why and sources under it), the other ways, "Good to
/// know", then the answers.
pub fn to_markdown(book: &Rulebook, advice: &Advice, lang: Lang) -> String {
    let s = strings(lang);
    let gap = gap(book, lang);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# {}", advice.flow_title);
    if !advice.complete {
        let _ = writeln!(w);
        answers_markdown(book, w, advice, lang);
        if let Some(q) = &advice.next_question {
            let _ = writeln!(w);
            let next = fill(s.md_not_finished, &[("prompt", q.prompt)]);
            let _ = writeln!(w, "{next}{gap}{}", fill(s.in_brackets, &[("text", q.id)]));
        }
        return out;
    }
    let card = |id: &str| advice.recommendations.iter().find(|r| r.id == id);
    let notes_on =
        |id: &'static str| advice.recommendations.iter().filter(move |r| r.attached_to == Some(id));
    if let Some(v) = &advice.verdict {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", v.title);
        let _ = writeln!(w);
        let _ = writeln!(w, "{}", v.text);
        // The verdict's own card, when it is not a step.
        if let Some(r) = card(v.recommendation).filter(|r| r.place == Place::Verdict.id()) {
            rec_details(book, w, r, "", lang);
            for n in notes_on(r.id) {
                note_markdown(book, w, n, "", lang);
            }
        }
    }
    if let Some(first) = &advice.first_action {
        let _ = writeln!(w);
        let _ = writeln!(w, "**{}**{gap}{}", s.first_action, step_text(first, lang));
    }
    if !advice.plan.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", s.plan_heading);
        let mut phase = "";
        for p in &advice.plan {
            if p.phase != phase {
                phase = p.phase;
                let _ = writeln!(w);
                let _ = writeln!(w, "*{}*", phase_heading(s, phase));
            }
            let _ = writeln!(w);
            let mark = if p.layer == "practice" {
                format!("{gap}{}", fill(s.in_brackets, &[("text", s.practice_short)]))
            } else {
                String::new()
            };
            let _ = writeln!(w, "{}. **{}**{mark}", p.number, step_text(p, lang));
            for a in &p.amends {
                let text = format!("{}{gap}{}", a.text, fill(s.in_brackets, &[("text", &a.as_of)]));
                let label = format!("*{}*", s.practice_short);
                let _ = writeln!(w, "   {}", fill(s.labelled, &[("label", &label), ("text", &text)]));
            }
            if let Some(r) = card(p.recommendation) {
                rec_details(book, w, r, "   ", lang);
                for n in notes_on(r.id) {
                    note_markdown(book, w, n, "   ", lang);
                }
            }
        }
    }
    if !advice.alternatives.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", s.other_ways_heading);
        let _ = writeln!(w);
        for a in &advice.alternatives {
            let _ = writeln!(w, "- {}", fill(s.other_way, &[("choice", a.text), ("verdict", a.title)]));
        }
    }
    let good: Vec<&RecOut> = advice
        .recommendations
        .iter()
        .filter(|r| r.place == Place::GoodToKnow.id() && r.attached_to.is_none())
        .collect();
    if !good.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", s.good_to_know);
        for r in good {
            let _ = writeln!(w);
            if r.layer == "practice" {
                let _ = writeln!(
                    w,
                    "### {}",
                    fill(s.labelled, &[("label", s.practice_short), ("text", r.title)])
                );
                let _ = writeln!(w);
                let _ = writeln!(w, "*{}*", as_of(book, r, lang));
            } else {
                let _ = writeln!(w, "### {}", r.title);
            }
            rec_details(book, w, r, "", lang);
            for n in notes_on(r.id) {
                note_markdown(book, w, n, "", lang);
            }
        }
    }
    let _ = writeln!(w);
    answers_markdown(book, w, advice, lang);
    let _ = writeln!(w);
    let _ = writeln!(w, "{}", fill(s.md_footer, &[("source", s.source)]));
    if advice.lens == "all" {
        let _ = writeln!(
            w,
            "{}",
            fill(s.md_practice_footer, &[("date", &date(book, advice.practice_gathered, lang))])
        );
    }
    out
}

/// What a result shows before anything is opened, in reading order: the flow's name, the
/// outcome, the verdict line, the one thing to do first, the plan's heading, phase labels and
/// step lines (with what current practice says in them), the other ways, and the headings of
/// the collapsed sections ("Why, and the source", "Good to know", the answers). The UI renders
/// exactly these outside its disclosures; the budgets (`VISIBLE_WORDS`, `VISIBLE_CHARS`) are
/// checked on every path.
pub fn visible(advice: &Advice, lang: Lang) -> Vec<String> {
    let s = strings(lang);
    let mut out: Vec<String> = vec![advice.flow_title.to_string()];
    let Some(v) = &advice.verdict else { return out };
    out.push(v.title.to_string());
    out.push(v.text.to_string());
    out.push(s.why_and_source.to_string());
    if let Some(first) = &advice.first_action {
        out.push(s.first_action.to_string());
        out.push(step_text(first, lang));
    }
    if !advice.plan.is_empty() {
        out.push(s.plan_heading.to_string());
    }
    let mut phase = "";
    for p in &advice.plan {
        if p.phase != phase {
            phase = p.phase;
            out.push(phase_heading(s, phase).to_string());
        }
        out.push(step_text(p, lang));
        if p.layer == "practice" {
            out.push(s.practice_short.to_string());
        }
        for a in &p.amends {
            out.push(s.practice_short.to_string());
            out.push(a.text.to_string());
            out.push(fill(s.in_brackets, &[("text", &a.as_of)]));
        }
    }
    if !advice.alternatives.is_empty() {
        out.push(s.other_ways_heading.to_string());
        for a in &advice.alternatives {
            out.push(fill(s.other_way, &[("choice", a.text), ("verdict", a.title)]));
        }
    }
    if !advice.good_to_know.is_empty() {
        out.push(s.good_to_know.to_string());
    }
    out.push(s.answers_heading.to_string());
    out
}

/// The most words a result may show before anything is opened (English).
pub const VISIBLE_WORDS: usize = 400;
/// The most characters a result may show before anything is opened (Chinese: every character
/// that is not white space).
pub const VISIBLE_CHARS: usize = 1000;
/// The most words of a verdict line (English).
pub const VERDICT_WORDS: usize = 40;

/// How long a text is for its budget: words (split at white space) in English, characters other
/// than white space in a language written without spaces.
pub fn measure(book: &Rulebook, text: &str, lang: Lang) -> usize {
    if book.language(lang).word_spaces {
        text.split_whitespace().count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// A plan step's line: its text, or "Or instead: …" for an alternative.
pub fn step_text(p: &PlanOut, lang: Lang) -> String {
    if p.alternative {
        fill(strings(lang).plan_alternative, &[("text", p.text)])
    } else {
        p.text.to_string()
    }
}

fn answers_markdown(book: &Rulebook, w: &mut String, advice: &Advice, lang: Lang) {
    let _ = writeln!(w, "## {}", strings(lang).answers_heading);
    let _ = writeln!(w);
    for a in &advice.answers {
        let _ = writeln!(w, "- {}{}**{}**", a.prompt, gap(book, lang), a.label);
    }
}

/// A current-practice note read inside another card: marked, dated, then its details.
fn note_markdown(book: &Rulebook, w: &mut String, r: &RecOut, indent: &str, lang: Lang) {
    let s = strings(lang);
    let _ = writeln!(w);
    let title = fill(s.labelled, &[("label", s.practice_short), ("text", r.title)]);
    let _ = writeln!(w, "{indent}**{title}**{}*{}*", s.dash, as_of(book, r, lang));
    rec_details(book, w, r, indent, lang);
}

/// The space between two pieces of text: none in a language written without spaces.
pub fn gap(book: &Rulebook, lang: Lang) -> &'static str {
    if book.language(lang).word_spaces {
        " "
    } else {
        ""
    }
}

/// A card's paragraphs, steps (as a bulleted list: the plan is the one numbered list), related
/// flow, why and sources, each line indented by `indent`. Cited words in another language than
/// the reader's are labelled with their language and followed by the advisor's rendering.
fn rec_details(book: &Rulebook, w: &mut String, r: &RecOut, indent: &str, lang: Lang) {
    let s = strings(lang);
    for p in &r.body {
        let _ = writeln!(w);
        let _ = writeln!(w, "{indent}{p}");
    }
    if !r.steps.is_empty() {
        let _ = writeln!(w);
        // A checklist's items are boxes to tick (a task list in Markdown, on paper a box).
        let bullet = if r.checklist { "- [ ]" } else { "-" };
        for step in &r.steps {
            let _ = writeln!(w, "{indent}{bullet} {step}");
        }
    }
    if let Some(f) = &r.related_flow {
        let _ = writeln!(w);
        let _ = writeln!(w, "{indent}{}", fill(s.md_see_also, &[("flow", f.title)]));
    }
    let _ = writeln!(w);
    let why: Vec<String> =
        r.why.iter().map(|a| fill(s.answered, &[("prompt", a.prompt), ("answer", a.label)])).collect();
    if !why.is_empty() {
        let _ = writeln!(w, "{indent}{}", fill(s.md_why, &[("answers", &why.join(s.list_separator))]));
    }
    citation_lines(book, w, &r.citations, indent, lang);
}

/// Citations as text lines (`> …`), each with its source and dates, the words, and the
/// advisor's rendering where the words are in another language than the reader's.
pub fn citation_lines(book: &Rulebook, w: &mut String, citations: &[CitationOut], indent: &str, lang: Lang) {
    let s = strings(lang);
    for c in citations {
        let reference = citation_ref(book, c, lang);
        let quoted = fill(s.quoted, &[("text", c.quote)]);
        match words_label(book, c.lang, c.summary, lang) {
            None => {
                let _ = writeln!(
                    w,
                    "{indent}> {}",
                    fill(s.labelled, &[("label", &reference), ("text", &quoted)])
                );
            }
            Some(label) => {
                let _ = writeln!(w, "{indent}> {reference}");
                let _ = writeln!(w, "{indent}> {label}{}{quoted}", gap(book, lang));
            }
        }
        if let Some(rendering) = c.rendering {
            let _ = writeln!(w, "{indent}> {}{}{rendering}", s.rendering_label, gap(book, lang));
        }
        // The same document in the reader's language, where the sources name one.
        for v in
            c.versions.iter().filter(|v| crate::rulebook::same_language(v.lang, book.language(lang).code))
        {
            let label = fill(s.version_link, &[("language", language_name(lang, v.lang))]);
            let _ = writeln!(w, "{indent}> {}", fill(s.labelled, &[("label", &label), ("text", v.url)]));
        }
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
