//! The advice as Markdown (also readable as plain text): the CLI's `--format text` and the
//! app's "Copy as text", in the result's order.

use super::{Advice, CitationOut, PlanOut, RecOut};
use crate::i18n::{fill, strings};
use crate::present::Place;
use crate::rulebook::{Lang, Quality, Rulebook};
use crate::wording::*;
use std::fmt::Write as _;

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
        let mut phase = None;
        for p in &advice.plan {
            if Some(p.phase) != phase {
                phase = Some(p.phase);
                let _ = writeln!(w);
                let _ = writeln!(w, "*{}*", phase_heading(s, p.phase));
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

/// The citation's reference: for the FAQ its section and question, else the page's
/// publisher, title and dates (the wording is [`crate::wording`]'s).
fn citation_ref(book: &Rulebook, c: &CitationOut, lang: Lang) -> String {
    match (c.section, c.faq) {
        (Some(section), Some(faq)) => faq_reference(book, section, faq, c.question.unwrap_or(""), lang),
        _ => {
            let quality = if c.quality == "B" { Quality::B } else { Quality::A };
            source_reference(book, (c.publisher, c.title), c.source_lang, c.page_date, c.read, quality, lang)
        }
    }
}

/// "As of …, per …" for a current-practice card: each source once, with its date.
fn as_of(book: &Rulebook, r: &RecOut, lang: Lang) -> String {
    as_of_sources(book, r.citations.iter().map(|c| (c.publisher, c.page_date, c.read)), lang)
}
