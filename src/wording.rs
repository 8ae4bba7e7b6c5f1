//! The advisor's wording, one place for every renderer (the app, the static pages, the rule
//! map, the Markdown report, the CLI's review): how a citation's source is referred to, its
//! dates and quality, cited words in another language, a phase's heading, how long a phase
//! takes, "as of" lines, and the space between words in a language. Typed: each takes the
//! rulebook's own values, never ids as strings.

use crate::engine::Applied;
use crate::i18n::{fill, strings, Strings};
use crate::rulebook::{Citation, Lang, Phase, Quality, RecIx, Rulebook, Takes, TimeUnit, TimelineStep};

/// A recommendation's line in the plan, on its path.
pub fn plan_text(book: &Rulebook, a: &Applied, lang: Lang) -> &'static str {
    book.text(a.plan_line(book), lang)
}

/// The verdict line of a verdict: the part that applies, else (a path no verdict line covers,
/// which `icp-advisor check` reports) the verdict's title.
pub fn verdict_line(book: &Rulebook, verdict: RecIx, answer: Option<usize>, lang: Lang) -> &'static str {
    let r = &book.recommendations[verdict];
    book.text(answer.and_then(|i| r.answer.get(i)).map_or(r.title, |p| p.text), lang)
}

/// An FAQ citation's reference: its section and question (in English the FAQ's own words,
/// `question`; in another language the question translated).
pub fn faq_reference(book: &Rulebook, section: &str, faq: &str, question: &str, lang: Lang) -> String {
    let s = strings(lang);
    let question = match book.faq(faq) {
        Some(f) if lang != Lang::SOURCE => book.text(book.faqs[f].title, lang),
        _ => question,
    };
    fill(s.faq_cite, &[("ref", &fill(s.faq_ref, &[("section", section)])), ("question", question)])
}

/// A page's reference: its publisher, title and dates (`Alibaba Cloud, “Limits” (no date
/// shown; read 2026-11)`).
pub fn source_reference(
    book: &Rulebook,
    (publisher, title): (&str, &str),
    page_lang: &'static str,
    page_date: Option<&str>,
    read: &str,
    quality: Quality,
    lang: Lang,
) -> String {
    let s = strings(lang);
    let title = fill(s.cite_title, &[("title", title)]);
    let source = fill(s.publisher_title, &[("publisher", publisher), ("title", &title)]);
    let details = source_details(book, page_lang, page_date, read, quality, lang);
    fill(s.source_ref, &[("source", &source), ("details", &details)])
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
pub fn phase_heading(s: &Strings, phase: Phase) -> &'static str {
    match phase {
        Phase::First => s.phase_first,
        Phase::Before => s.phase_before,
        Phase::Filing => s.phase_filing,
        Phase::Review => s.phase_review,
        Phase::After => s.phase_after,
        Phase::Ongoing => s.phase_ongoing,
    }
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

/// The space between two pieces of text: none in a language written without spaces.
pub fn gap(book: &Rulebook, lang: Lang) -> &'static str {
    if book.language(lang).word_spaces {
        " "
    } else {
        ""
    }
}
