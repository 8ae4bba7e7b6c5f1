//! The rule map (`rules.html`) for reviewers: each flow drawn as a graph, every FAQ entry
//! followed by the rules and recommendations that rest on it, with their conditions in words
//! and the quoted sentences, and the counts and coverage.
//!
//! Yew components rendered natively, like the FAQ page (see `first_screens`), inside the app's
//! context ([`Ui`], for a static page), so that its citations are the app's own
//! (`ui::cite`). Its parts: this file (the page, the counts, the flows and the coverage),
//! `recs.rs` (the FAQ entries, current practice, and each recommendation with its rules and
//! citations) and `graph.rs` (the flows as graphs; their SVG is inserted as written).

mod graph;
mod recs;

use super::first_screens::static_state;
use crate::check::{self, Report};
use crate::flowgraph;
use crate::i18n::{fill, strings, Strings};
use crate::route::{self, Route};
use crate::rulebook::{Lang, LangExt, Layer, SourceKind, RULEBOOK};
use crate::ui::context::{use_ui, Ui};
use crate::ui::host::Host;
use graph::{flow_graph, GRAPH_NARROW, GRAPH_WIDE};
use std::rc::Rc;
use yew::prelude::*;

/// The title and the markup of the rule map in a language.
pub fn rule_map(lang: Lang) -> (String, String) {
    let renderer = yew::LocalServerRenderer::<RuleMap>::with_props(RuleMapProps { lang }).hydratable(false);
    (strings(lang).rules_title.to_string(), futures::executor::block_on(renderer.render()))
}

#[derive(PartialEq, Properties)]
struct RuleMapProps {
    lang: Lang,
}

/// The check of the rulebook (paths and coverage), made once for the whole page.
#[derive(Clone)]
struct Checked(Rc<Report>);

impl PartialEq for Checked {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(PartialEq, Properties)]
struct CheckedProps {
    report: Checked,
}

/// The page inside the app's context: a static page, in one language, which nothing runs.
#[function_component]
fn RuleMap(props: &RuleMapProps) -> Html {
    let ui = Ui {
        state: Rc::new(static_state(Route::Start, props.lang)),
        host: Host::Static { app: "./index.html", page: Some("rules"), embedded: false },
        dispatch: Callback::noop(),
    };
    let report = Checked(Rc::new(check::check(&RULEBOOK)));
    html! {
        <ContextProvider<Ui> context={ui}>
            <Page {report} />
        </ContextProvider<Ui>>
    }
}

#[function_component]
fn Page(props: &CheckedProps) -> Html {
    let ui = use_ui();
    let (s, lang) = (ui.s(), ui.lang());
    let book = &RULEBOOK;
    let gathered = book.language(lang).date(book.gathered);
    let report = &props.report;
    html! {
        <div class="app rule-map" lang={lang.code()}>
            <header class="masthead">
                <a class="brand" href="./index.html">{ s.app_name }</a>
                <nav aria-label={s.nav_label}>
                    <a href={ui.host.static_page("faq", lang)}>{ s.nav_faq }</a>
                    { for Lang::all().filter(|&l| l != lang).map(|other| html! {
                        <>
                            { " " }
                            <a class="lang-switch" href={ui.host.static_language_link(&ui.state, other)}
                                lang={other.code()} hreflang={other.code()}>{ other.name() }</a>
                        </>
                    }) }
                </nav>
            </header>
            <main id="main" class="main">
                <div class="screen rules">
                    <h1 id="main-heading">{ s.rules_heading }</h1>
                    <p class="how-to-read">{ s.rules_how_to_read }</p>
                    <p class="lead">{ s.rules_lead }</p>
                    <Counts report={report.clone()} />
                    { for (0..book.flows.len()).map(|flow| html! { <FlowMap {flow} /> }) }
                    <recs::ByFaq report={report.clone()} />
                    <recs::Practice />
                    <Coverage report={report.clone()} />
                </div>
            </main>
            <footer class="footer">
                <p>{ fill(s.footer, &[("source", s.source), ("date", &gathered)]) }</p>
            </footer>
        </div>
    }
}

/// The counts: each flow's paths, and the rulebook's totals.
#[function_component]
fn Counts(props: &CheckedProps) -> Html {
    let ui = use_ui();
    let (s, lang) = (ui.s(), ui.lang());
    let book = &RULEBOOK;
    let report = &props.report.0;
    let quotes: usize = book.recommendations.iter().map(|r| r.all_cites().count()).sum();
    let practice = book.recommendations.iter().filter(|r| r.layer == Layer::Practice).count();
    let totals = fill(
        s.rules_totals,
        &[
            ("rules", &book.rules.len().to_string()),
            ("recs", &book.recommendations.len().to_string()),
            ("practice", &practice.to_string()),
            ("quotes", &quotes.to_string()),
            ("paths", &report.total_paths().to_string()),
        ],
    );
    html! {
        <section aria-labelledby="counts">
            <h2 id="counts">{ s.rules_counts }</h2>
            <ul class="facts">
                { for book.flows.iter().zip(&report.flows).map(|(f, stats)| html! {
                    <li>{ fill(s.rules_flow_count, &[
                        ("flow", book.text(f.title, lang)),
                        ("paths", &stats.paths.to_string()),
                        ("longest", &stats.longest.to_string()),
                    ]) }</li>
                }) }
                <li>{ totals }</li>
            </ul>
        </section>
    }
}

#[derive(PartialEq, Properties)]
struct FlowProps {
    flow: usize,
}

/// A flow as a graph, and the same as a list: its outcomes, with the rules that give them.
#[function_component]
fn FlowMap(props: &FlowProps) -> Html {
    let ui = use_ui();
    let (s, lang) = (ui.s(), ui.lang());
    let book = &RULEBOOK;
    let f = &book.flows[props.flow];
    let app = |route: &Route| format!("./index.html{}", route::with_lang(route::encode(route), lang));
    let (graph, outcomes) = flow_graph(props.flow, lang, &app);
    // Drawn twice: for a wide screen, and narrower (more rows, shorter lines) for a phone; the
    // stylesheet shows one. Each scales down to the width it has. (The SVG is generated, its
    // texts escaped, by `flowgraph`.)
    let drawings = [("graph-wide", GRAPH_WIDE), ("graph-narrow", GRAPH_NARROW)].map(|(class, bounds)| {
        let layout = flowgraph::layout_within(&graph, &bounds);
        let svg = flowgraph::to_svg(&graph, &layout, &format!("g-{}-{}", f.id, &class[6..]));
        html! { <div {class}>{ Html::from_html_unchecked(svg.into()) }</div> }
    });
    let heading = format!("flow-{}", f.id);
    html! {
        <section class="flow-map" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ book.text(f.title, lang) }</h2>
            <div class="graph">{ for drawings }</div>
            // The same, as a list (screen readers, and the outcomes' rules).
            <h3>{ s.rules_outcomes }</h3>
            <ul class="outcomes">
                { for outcomes.into_iter().map(|(rec, (count, example, rules))| html! {
                    <li>
                        <a href={example}>{ book.text(book.recommendations[rec].title, lang) }</a>
                        { s.dash }{ fill(s.rules_paths_end_here, &[("n", &count.to_string())]) }
                        <br />
                        <span class="help">{ fill(s.rules_fire, &[("rules", &rules.join(s.comma))]) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// The coverage table: each FAQ entry, the recommendations citing it and their paths.
#[function_component]
fn Coverage(props: &CheckedProps) -> Html {
    let ui = use_ui();
    let (s, lang) = (ui.s(), ui.lang());
    let book = &RULEBOOK;
    let faq_lang = faq_lang();
    let rows = book.faqs.iter().zip(&props.report.0.coverage).map(|(faq, cov)| {
        let recs = cov.recs.iter().map(|&r| html! { <code>{ book.recommendations[r].id }</code> });
        html! {
            <tr>
                <td>{ faq.section }</td>
                <td>
                    <a href={format!("#faq-{}", faq.id)} lang={(lang == Lang::SOURCE).then_some(faq_lang)}>
                        { if lang == Lang::SOURCE { faq.question } else { book.text(faq.title, lang) } }
                    </a>
                </td>
                <td>{ joined(recs, s.comma) }</td>
                <td>{ cov.paths.to_string() }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="coverage">
            <h2 id="coverage">{ s.rules_coverage }</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th>{ "§" }</th>
                            <th>{ s.rules_col_question }</th>
                            <th>{ s.rules_col_recs }</th>
                            <th>{ s.rules_col_paths }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// The language the FAQ is written in.
fn faq_lang() -> &'static str {
    let book = &RULEBOOK;
    book.sources[book.sources.iter().position(|x| x.kind == SourceKind::Faq).unwrap_or(0)].lang
}

/// Parts with `sep` (text) between them.
fn joined(parts: impl IntoIterator<Item = Html>, sep: &'static str) -> Html {
    let parts = parts.into_iter().enumerate().map(|(i, part)| {
        html! { <>{ if i > 0 { sep } else { "" } }{ part }</> }
    });
    html! { <>{ for parts }</> }
}

/// "{label}: {text}" (in the reader's language's way), with markup in its parts.
fn labelled(s: &Strings, label: Html, text: Html) -> Html {
    fill_html(s.labelled, vec![("label", label), ("text", text)])
}

/// A pattern of the app's texts filled with markup: each `{name}` replaced by its part, the
/// rest of the pattern as text.
fn fill_html(pattern: &str, parts: Vec<(&str, Html)>) -> Html {
    const MARK: char = '\u{1}';
    let marks: Vec<String> = (0..parts.len()).map(|i| format!("{MARK}{i}{MARK}")).collect();
    let names: Vec<(&str, &str)> = parts.iter().zip(&marks).map(|((n, _), m)| (*n, m.as_str())).collect();
    let filled = fill(pattern, &names);
    let mut parts: Vec<Option<Html>> = parts.into_iter().map(|(_, h)| Some(h)).collect();
    // Between marks: text, then a part's number, then text again, and so on.
    let pieces = filled.split(MARK).enumerate().map(|(i, piece)| {
        if i % 2 == 0 {
            Html::from(piece.to_string())
        } else {
            piece.parse::<usize>().ok().and_then(|k| parts.get_mut(k)?.take()).unwrap_or_default()
        }
    });
    html! { <>{ for pieces.collect::<Vec<_>>() }</> }
}
