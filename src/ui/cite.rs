//! A citation as the reader sees it: the words (a quote, or the notes' summary), the advisor's
//! rendering beside them for a reader of another language, and the source — the FAQ's section
//! and entry, or a page's publisher, title, dates and versions in the reader's language. The
//! result's sources and a question's current-practice help show them alike, so this module is
//! in the page's first module too (see `handover`).

use super::context::Ui;
use crate::i18n::fill;
use crate::route::Route;
use crate::rulebook::{Citation, Lang, LangExt, SourceKind, TextExt, RULEBOOK};
use crate::wording::{language_name, source_details, words};
use yew::prelude::*;

/// One citation: the words (a quote, in the page's language, or a summary recorded in the
/// rulebook's language, never presented as the page's words) and where they come from. Words in
/// another language than the reader's are labelled with it and followed by the advisor's own
/// rendering, marked as such; the words themselves are never replaced.
pub fn citation(ui: &Ui, c: &Citation) -> Html {
    let lang = ui.lang();
    let src = &RULEBOOK.sources[c.source];
    // (The page's first module has no FAQ entries: the questions cite none, see
    // `Rulebook::first_screens`.)
    let caption = match (src.kind, c.faq.filter(|&f| f < RULEBOOK.faqs.len())) {
        (SourceKind::Faq, Some(f)) => {
            faq_caption(ui, f, ui.link(Route::Faq(Some(f)), None, faq_title(lang, f)))
        }
        _ => source_caption(ui, c.source),
    };
    cited(ui, c, html! { <figcaption>{ caption }</figcaption> })
}

/// Cited words as [`citation`] shows them, with the advisor's rendering for a reader of another
/// language, in a figure ended by `caption` (its figcaption, or nothing).
pub(crate) fn cited(ui: &Ui, c: &Citation, caption: Html) -> Html {
    let s = ui.s();
    let w = words(&RULEBOOK, c, ui.lang());
    let words = if c.summary {
        html! { <p class="summary"><span class="summary-label">{ w.label.clone().unwrap_or_default() }</span>{ ui.gap() }<span lang={w.lang} translate="no">{ w.text }</span></p> }
    } else {
        html! {
            <>
                if let Some(label) = w.label.clone() {
                    <p class="original-label">{ label }</p>
                }
                <blockquote lang={w.lang} translate="no">{ w.text }</blockquote>
            </>
        }
    };
    let rendering = w.rendering.map(|r| {
        html! { <p class="rendering"><span class="rendering-label">{ s.rendering_label }</span>{ ui.gap() }{ r }</p> }
    });
    html! {
        <figure class="citation">
            { words }
            { for rendering }
            { caption }
        </figure>
    }
}

/// Where words of the FAQ come from: its section, and `question` (the entry's title, linked).
pub(crate) fn faq_caption(ui: &Ui, f: usize, question: Html) -> Html {
    html! { <>{ fill(ui.s().faq_ref, &[("section", RULEBOOK.faqs[f].section)]) }{ ui.s().comma }{ question }</> }
}

/// Where words of a page come from: its publisher and linked title, the page's language,
/// dates and quality, and links to the same document in the reader's language.
pub(crate) fn source_caption(ui: &Ui, source: usize) -> Html {
    let src = &RULEBOOK.sources[source];
    let details = source_details(&RULEBOOK, src.lang, src.page_date, src.read, src.quality, ui.lang());
    html! {
        <>
            { source_name(ui, source, Some(src.url)) }{ ui.gap() }{ fill(ui.s().in_brackets, &[("text", &details)]) }
            { for versions(ui, source) }
        </>
    }
}

/// A source's publisher and title, in the reader's language ("Alibaba Cloud, “Limits”",
/// 阿里云《使用限制》); the title links to the page when `url` is given.
pub fn source_name(ui: &Ui, source: usize, url: Option<&'static str>) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let src = &RULEBOOK.sources[source];
    // The title's place in the pattern, so that only the title is the link.
    const MARK: &str = "\u{1}";
    let pattern = fill(s.publisher_title, &[("publisher", src.publisher.get(lang)), ("title", MARK)]);
    let (before, after) = pattern.split_once(MARK).unwrap_or((pattern.as_str(), ""));
    let title = fill(s.cite_title, &[("title", src.title.get(lang))]);
    let title = match url {
        Some(u) => html! { <a href={u} rel="noopener noreferrer external" hreflang={src.lang}>{ title }</a> },
        None => html! { <cite>{ title }</cite> },
    };
    html! { <>{ before.to_string() }{ title }{ after.to_string() }</> }
}

/// Links to the same document in the reader's language, where the sources name one.
fn versions(ui: &Ui, source: usize) -> Vec<Html> {
    let s = ui.s();
    let lang = ui.lang();
    let reader = lang.code();
    RULEBOOK.sources[source]
        .versions
        .iter()
        .filter(|v| crate::rulebook::same_language(v.lang, reader))
        .map(|v| {
            let text = fill(s.version_link, &[("language", language_name(lang, v.lang))]);
            html! { <>{ s.comma }<a href={v.url} rel="noopener noreferrer external" hreflang={v.lang}>{ text }</a></> }
        })
        .collect()
}

/// An FAQ question: in English, the FAQ's own words; in another language, its translated
/// title with the English original beside it, labelled.
pub fn faq_title(lang: Lang, f: usize) -> Html {
    let faq = &RULEBOOK.faqs[f];
    let s = crate::i18n::strings(lang);
    if lang == Lang::SOURCE {
        html! { <span lang="en" translate="no">{ fill(s.quoted, &[("text", faq.question)]) }</span> }
    } else {
        let gap = crate::wording::gap(&RULEBOOK, lang);
        let label = crate::wording::words_label(
            &RULEBOOK,
            RULEBOOK.sources.iter().find(|x| x.kind == SourceKind::Faq).map_or("en", |x| x.lang),
            false,
            lang,
        )
        .unwrap_or_default();
        let (open, close) = fill(s.in_brackets, &[("text", "\u{1}")])
            .split_once('\u{1}')
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_default();
        html! {
            <>
                { faq.title.get(lang) }{ gap }
                <span class="original">{ open }{ label }{ gap }<span lang="en" translate="no">{ fill(s.quoted, &[("text", faq.question)]) }</span>{ close }</span>
            </>
        }
    }
}
