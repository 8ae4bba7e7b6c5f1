//! The rule map's FAQ entries, each followed by the recommendations that rest on it; current
//! practice, with its sources by date; and each recommendation with the rules that give it,
//! its parts with their conditions in words, and its citations as the app shows them.

use super::{faq_lang, labelled, CheckedProps};
use crate::i18n::fill;
use crate::review::cond_words;
use crate::rulebook::{Cond, Lang, Layer, SourceKind, RULEBOOK};
use crate::ui::cite::{citation, cited, faq_caption, faq_title, source_caption};
use crate::ui::context::use_ui;
use yew::prelude::*;

/// Every FAQ entry, then the rules and recommendations that rest on it.
#[function_component]
pub(super) fn ByFaq(props: &CheckedProps) -> Html {
    let ui = use_ui();
    let s = ui.s();
    let coverage = &props.report.0.coverage;
    html! {
        <section aria-labelledby="law">
            <h2 id="law">{ s.rules_by_faq }</h2>
            <p class="help">{ s.rules_by_faq_help }</p>
            { for coverage.iter().enumerate().map(|(faq, cov)| html! {
                <FaqEntry {faq} paths={cov.paths} recs={cov.recs.clone()} />
            }) }
        </section>
    }
}

#[derive(PartialEq, Properties)]
struct FaqEntryProps {
    faq: usize,
    /// On how many paths advice citing it is given.
    paths: usize,
    /// The recommendations citing it.
    recs: Vec<usize>,
}

/// An FAQ entry: its question (in another language than the FAQ's, with the advisor's
/// rendering), its answer, and the recommendations that rest on it.
#[function_component]
fn FaqEntry(props: &FaqEntryProps) -> Html {
    let ui = use_ui();
    let (s, lang, gap) = (ui.s(), ui.lang(), ui.gap());
    let book = &RULEBOOK;
    let faq = &book.faqs[props.faq];
    html! {
        <article class="faq-entry" id={format!("faq-{}", faq.id)}>
            <h3>
                <span class="section">{ fill(s.section, &[("section", faq.section)]) }</span>{ gap }
                <span lang={faq_lang()} translate="no">{ faq.question }</span>
            </h3>
            if lang != Lang::SOURCE {
                // The question in the reader's language: the advisor's rendering, labelled.
                <p class="rendering">
                    <span class="rendering-label">{ s.rendering_label }</span>{ gap }{ book.text(faq.title, lang) }
                </p>
            }
            <p>{ book.text(faq.answer, lang) }</p>
            <p class="help">{ fill(s.rules_faq_paths, &[("n", &props.paths.to_string())]) }</p>
            { for props.recs.iter().map(|&rec| html! { <Rec {rec} faq={props.faq} /> }) }
        </article>
    }
}

/// Current practice: every note, with its sources by date; the provinces' own rules (given
/// where a province is chosen) after the rest.
#[function_component]
pub(super) fn Practice() -> Html {
    let ui = use_ui();
    let (s, lang, gap) = (ui.s(), ui.lang(), ui.gap());
    let book = &RULEBOOK;
    let mut sources: Vec<usize> =
        (0..book.sources.len()).filter(|&i| book.sources[i].kind == SourceKind::External).collect();
    sources.sort_by_key(|&i| {
        (book.sources[i].page_date.is_some(), book.sources[i].page_date, book.sources[i].id)
    });
    let file_in = book.question("file-in");
    let provincial = |rec: usize| {
        file_in.is_some_and(|q| {
            let given: Vec<_> = book.rules.iter().filter(|r| r.then.contains(&rec)).collect();
            !given.is_empty() && given.iter().all(|r| r.when.looks_at(q))
        })
    };
    let (provinces, rest): (Vec<usize>, Vec<usize>) = (0..book.recommendations.len())
        .filter(|&r| book.recommendations[r].layer == Layer::Practice)
        .partition(|&r| provincial(r));
    let recs = |recs: Vec<usize>| recs.into_iter().map(|rec| html! { <Rec {rec} /> });
    let dated = fill(s.practice_heading_dated, &[("date", &book.language(lang).date(book.gathered))]);
    html! {
        <section aria-labelledby="practice">
            <h2 id="practice">{ dated }</h2>
            <h3>{ s.rules_sources }</h3>
            <ul class="sources">
                { for sources.into_iter().map(|i| html! {
                    <li>{ source_caption(&ui, i) }{ gap }<code>{ book.sources[i].id }</code></li>
                }) }
            </ul>
            { for recs(rest) }
            if !provinces.is_empty() {
                <h3 id="provinces">{ s.rules_provinces }</h3>
                { for recs(provinces) }
            }
        </section>
    }
}

#[derive(PartialEq, Properties)]
struct RecProps {
    rec: usize,
    /// The FAQ entry it is shown under, if any (its words need no caption there).
    #[prop_or_default]
    faq: Option<usize>,
}

/// One recommendation in the rule map: the rules that give it, with their conditions in
/// words, its titles and plan lines with theirs, its paragraphs and steps, and its citations.
#[function_component]
fn Rec(props: &RecProps) -> Html {
    let ui = use_ui();
    let (s, lang, gap) = (ui.s(), ui.lang(), ui.gap());
    let book = &RULEBOOK;
    let r = &book.recommendations[props.rec];
    let t = |x| book.text(x, lang);
    let practice = r.layer == Layer::Practice;
    let rules = book.rules.iter().filter(|x| x.then.contains(&props.rec)).map(|rule| {
        let label = html! { <>{ s.rules_rule }{ gap }<code>{ rule.id }</code></> };
        let when = fill(s.rules_when, &[("condition", &cond_words(book, &rule.when, lang))]);
        html! { <li>{ labelled(s, label, when.into()) }</li> }
    });
    let amend = r.amend.map(|amend| {
        html! { <p>{ labelled(s, html! { <strong>{ s.rules_amend }</strong> }, t(amend).into()) }</p> }
    });
    let kinds = [
        (s.rules_title_variant, r.titles),
        (s.rules_plan_variant, r.plans),
        (s.rules_verdict_line, r.answer),
        (s.rules_paragraph, r.body),
        (s.rules_step, r.steps),
    ];
    let parts = kinds.into_iter().flat_map(|(name, parts)| {
        parts.iter().enumerate().map(move |(i, p)| {
            let when = match &p.when {
                Cond::Always => Html::default(),
                c => {
                    let only = fill(s.rules_only_when, &[("condition", &cond_words(book, c, lang))]);
                    html! { <>{ gap }<span class="help">{ fill(s.in_brackets, &[("text", &only)]) }</span></> }
                }
            };
            let label = html! { <><strong>{ name }{ gap }{ (i + 1).to_string() }</strong>{ when }</> };
            html! { <p>{ labelled(s, label, t(p.text).into()) }</p> }
        })
    });
    // Words of the FAQ entry shown above need no caption; another entry's link to it here.
    let cites = r.all_cites().map(|c| match c.faq {
        Some(f) if Some(f) == props.faq => cited(&ui, c, Html::default()),
        Some(f) => {
            let question = html! { <a href={format!("#faq-{}", book.faqs[f].id)}>{ faq_title(lang, f) }</a> };
            cited(&ui, c, html! { <figcaption>{ faq_caption(&ui, f, question) }</figcaption> })
        }
        None => citation(&ui, c),
    });
    html! {
        <div class={classes!("rule-rec", practice.then_some("practice"))} id={format!("rec-{}", r.id)}>
            <h4>
                if practice {
                    <span class="badge practice-badge">{ s.practice_short }</span>{ gap }
                }
                { t(r.title) }{ gap }<code>{ r.id }</code>
            </h4>
            <ul class="rules">{ for rules }</ul>
            { for amend }
            { for parts }
            { for cites }
        </div>
    }
}
