//! The rule map (`rules.html`) for reviewers: each flow drawn as a graph, every FAQ entry
//! followed by the rules and recommendations that rest on it, with their conditions in words
//! and the quoted sentences, and the counts and coverage.

use crate::check;
use crate::engine::evaluate;
use crate::flowgraph::{self, escape, Edge, Graph, Node, NodeKind};
use crate::i18n::{fill, strings};
use crate::paths::for_each_path;
use crate::review::cond_words;
use crate::route::{self, Route};
use crate::rulebook::{Lang, LangExt, Layer, SourceKind, TextExt, RULEBOOK};
use crate::ui::host::static_file as file_name;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The rule map's graphs for a wide screen: they fit the page's column (72rem, less its padding).
const GRAPH_WIDE: flowgraph::Bounds =
    flowgraph::Bounds { max_width: 1060.0, wrap_em: 16.0, label_wrap_em: 12.0, column: 12.0 };
/// … and for a phone: narrower rows and texts, edges closer together.
const GRAPH_NARROW: flowgraph::Bounds =
    flowgraph::Bounds { max_width: 340.0, wrap_em: 10.0, label_wrap_em: 8.0, column: 6.0 };

/// The title and the markup of the rule map in a language.
pub fn rule_map(lang: Lang) -> (String, String) {
    let s = strings(lang);
    let book = &RULEBOOK;
    let report = check::check(book);
    let t = |x| book.text(x, lang);
    let gap = crate::wording::gap(book, lang);
    let faq_source = book.sources.iter().position(|x| x.kind == SourceKind::Faq).unwrap_or(0);
    let mut w = String::new();
    let app = |route: &Route| format!("./index.html{}", route::with_lang(route::encode(route), lang));
    let _ = write!(w, "<div class=\"app rule-map\" lang=\"{}\">", lang.code());
    let _ = write!(
        w,
        "<header class=\"masthead\"><a class=\"brand\" href=\"./index.html\">{}</a><nav aria-label=\"{}\"><a href=\"./{}\">{}</a>",
        escape(s.app_name),
        escape(s.nav_label),
        file_name("faq", lang),
        escape(s.nav_faq)
    );
    for other in Lang::all().filter(|&l| l != lang) {
        let _ = write!(
            w,
            " <a class=\"lang-switch\" href=\"./{}\" lang=\"{}\" hreflang=\"{}\">{}</a>",
            file_name("rules", other),
            other.code(),
            other.code(),
            escape(other.name())
        );
    }
    let _ = write!(w, "</nav></header><main id=\"main\" class=\"main\"><div class=\"screen rules\">");
    let _ = write!(
        w,
        "<h1 id=\"main-heading\">{}</h1><p class=\"how-to-read\">{}</p><p class=\"lead\">{}</p>",
        escape(s.rules_heading),
        escape(s.rules_how_to_read),
        escape(s.rules_lead)
    );

    // Counts.
    let quotes: usize =
        (0..book.recommendations.len()).map(|r| book.recommendations[r].all_cites().count()).sum();
    let practice = book.recommendations.iter().filter(|r| r.layer == Layer::Practice).count();
    let _ = write!(
        w,
        "<section aria-labelledby=\"counts\"><h2 id=\"counts\">{}</h2><ul class=\"facts\">",
        escape(s.rules_counts)
    );
    for (f, stats) in book.flows.iter().zip(&report.flows) {
        let _ = write!(
            w,
            "<li>{}</li>",
            escape(&fill(
                s.rules_flow_count,
                &[
                    ("flow", t(f.title)),
                    ("paths", &stats.paths.to_string()),
                    ("longest", &stats.longest.to_string())
                ]
            ))
        );
    }
    let _ = write!(
        w,
        "<li>{}</li></ul></section>",
        escape(&fill(
            s.rules_totals,
            &[
                ("rules", &book.rules.len().to_string()),
                ("recs", &book.recommendations.len().to_string()),
                ("practice", &practice.to_string()),
                ("quotes", &quotes.to_string()),
                ("paths", &report.total_paths().to_string()),
            ]
        ))
    );

    // Each flow as a graph.
    for (fi, f) in book.flows.iter().enumerate() {
        let (graph, outcomes) = flow_graph(fi, lang, &app);
        let _ = write!(
            w,
            "<section class=\"flow-map\" aria-labelledby=\"flow-{0}\"><h2 id=\"flow-{0}\">{1}</h2>",
            f.id,
            escape(t(f.title))
        );
        // Drawn twice: for a wide screen, and narrower (more rows, shorter lines) for a phone;
        // the stylesheet shows one. Each scales down to the width it has.
        let _ = write!(w, "<div class=\"graph\">");
        for (class, bounds) in [("graph-wide", GRAPH_WIDE), ("graph-narrow", GRAPH_NARROW)] {
            let layout = flowgraph::layout_within(&graph, &bounds);
            let _ = write!(
                w,
                "<div class=\"{class}\">{}</div>",
                flowgraph::to_svg(&graph, &layout, &format!("g-{}-{}", f.id, &class[6..]))
            );
        }
        let _ = write!(w, "</div>");
        // The same, as a list (screen readers, and the outcomes' rules).
        let _ = write!(w, "<h3>{}</h3><ul class=\"outcomes\">", escape(s.rules_outcomes));
        for (rec, (count, example, rules)) in outcomes {
            let r = &book.recommendations[rec];
            let _ = write!(
                w,
                "<li><a href=\"{}\">{}</a>{}{}<br><span class=\"help\">{}</span></li>",
                escape(&example),
                escape(t(r.title)),
                escape(s.dash),
                escape(&fill(s.rules_paths_end_here, &[("n", &count.to_string())])),
                escape(&fill(s.rules_fire, &[("rules", &rules.join(s.comma))]))
            );
        }
        let _ = write!(w, "</ul></section>");
    }

    // Every FAQ entry, then the rules and recommendations that rest on it.
    let _ = write!(
        w,
        "<section aria-labelledby=\"law\"><h2 id=\"law\">{}</h2><p class=\"help\">{}</p>",
        escape(s.rules_by_faq),
        escape(s.rules_by_faq_help)
    );
    for (fi, faq) in book.faqs.iter().enumerate() {
        let cov = &report.coverage[fi];
        let faq_lang = book.sources[faq_source].lang;
        let _ = write!(
            w,
            "<article class=\"faq-entry\" id=\"faq-{}\"><h3><span class=\"section\">{}</span>{}<span lang=\"{faq_lang}\" translate=\"no\">{}</span></h3>",
            faq.id,
            escape(&fill(s.section, &[("section", faq.section)])),
            gap,
            escape(faq.question)
        );
        if lang != Lang::SOURCE {
            // The question in the reader's language: the advisor's rendering, labelled.
            let _ = write!(
                w,
                "<p class=\"rendering\"><span class=\"rendering-label\">{}</span>{gap}{}</p>",
                escape(s.rendering_label),
                escape(t(faq.title))
            );
        }
        let _ = write!(w, "<p>{}</p>", escape(t(faq.answer)));
        let _ = write!(
            w,
            "<p class=\"help\">{}</p>",
            escape(&fill(s.rules_faq_paths, &[("n", &cov.paths.to_string())]))
        );
        for &rec in &cov.recs {
            write_rec(&mut w, rec, fi, lang);
        }
        let _ = write!(w, "</article>");
    }
    let _ = write!(w, "</section>");

    // Current practice: every note, with its sources by date.
    let _ = write!(
        w,
        "<section aria-labelledby=\"practice\"><h2 id=\"practice\">{}</h2>",
        escape(&fill(s.practice_heading_dated, &[("date", &book.language(lang).date(book.gathered))]))
    );
    let _ = write!(w, "<h3>{}</h3><ul class=\"sources\">", escape(s.rules_sources));
    let mut sources: Vec<usize> =
        (0..book.sources.len()).filter(|&i| book.sources[i].kind == SourceKind::External).collect();
    sources.sort_by_key(|&i| {
        (book.sources[i].page_date.is_some(), book.sources[i].page_date, book.sources[i].id)
    });
    for i in sources {
        let src = &book.sources[i];
        let _ = write!(w, "<li>{}{gap}<code>{}</code></li>", source_html(i, lang, true), escape(src.id));
    }
    let _ = write!(w, "</ul>");
    // The provinces' own rules (given where a province is chosen) after the rest.
    let file_in = book.question("file-in");
    let provincial = |rec: usize| {
        file_in.is_some_and(|q| {
            let given: Vec<_> = book.rules.iter().filter(|r| r.then.contains(&rec)).collect();
            !given.is_empty() && given.iter().all(|r| r.when.looks_at(q))
        })
    };
    let practice: Vec<usize> = (0..book.recommendations.len())
        .filter(|&r| book.recommendations[r].layer == Layer::Practice)
        .collect();
    for &rec in practice.iter().filter(|&&r| !provincial(r)) {
        write_rec(&mut w, rec, usize::MAX, lang);
    }
    if practice.iter().any(|&r| provincial(r)) {
        let _ = write!(w, "<h3 id=\"provinces\">{}</h3>", escape(s.rules_provinces));
        for &rec in practice.iter().filter(|&&r| provincial(r)) {
            write_rec(&mut w, rec, usize::MAX, lang);
        }
    }
    let _ = write!(w, "</section>");

    // The coverage table.
    let _ = write!(w, "<section aria-labelledby=\"coverage\"><h2 id=\"coverage\">{}</h2><div class=\"table-wrap\"><table><thead><tr><th>§</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>", escape(s.rules_coverage), escape(s.rules_col_question), escape(s.rules_col_recs), escape(s.rules_col_paths));
    for (fi, faq) in book.faqs.iter().enumerate() {
        let cov = &report.coverage[fi];
        let recs: Vec<String> =
            cov.recs.iter().map(|&r| format!("<code>{}</code>", book.recommendations[r].id)).collect();
        let _ = write!(
            w,
            "<tr><td>{}</td><td><a href=\"#faq-{}\"{}>{}</a></td><td>{}</td><td>{}</td></tr>",
            escape(faq.section),
            faq.id,
            if lang == Lang::SOURCE {
                format!(" lang=\"{}\"", book.sources[faq_source].lang)
            } else {
                String::new()
            },
            escape(if lang == Lang::SOURCE { faq.question } else { t(faq.title) }),
            recs.join(s.comma),
            cov.paths
        );
    }
    let _ = write!(w, "</tbody></table></div></section>");
    let _ = write!(
        w,
        "</div></main><footer class=\"footer\"><p>{}</p></footer></div>",
        escape(&fill(s.footer, &[("source", s.source), ("date", &book.language(lang).date(book.gathered))]))
    );
    (s.rules_title.to_string(), w)
}

/// One recommendation in the rule map: the rules that give it, with their conditions in
/// words, its titles and plan lines with theirs, its paragraphs and steps, and its cited words
/// (in another language than the reader's: labelled, with the advisor's rendering).
fn write_rec(w: &mut String, rec: usize, faq: usize, lang: Lang) {
    let s = strings(lang);
    let book = &RULEBOOK;
    let r = &book.recommendations[rec];
    let t = |x| book.text(x, lang);
    let gap = crate::wording::gap(book, lang);
    let practice = r.layer == Layer::Practice;
    let _ = write!(
        w,
        "<div class=\"rule-rec{}\" id=\"rec-{}\"><h4>{}{}{gap}<code>{}</code></h4>",
        if practice { " practice" } else { "" },
        r.id,
        if practice {
            format!("<span class=\"badge practice-badge\">{}</span>{gap}", escape(s.practice_short))
        } else {
            String::new()
        },
        escape(t(r.title)),
        r.id
    );
    let _ = write!(w, "<ul class=\"rules\">");
    for rule in book.rules.iter().filter(|x| x.then.contains(&rec)) {
        let label = format!("{}{gap}<code>{}</code>", escape(s.rules_rule), rule.id);
        let when = escape(&fill(s.rules_when, &[("condition", &cond_words(book, &rule.when, lang))]));
        let _ = write!(w, "<li>{}</li>", fill(s.labelled, &[("label", &label), ("text", &when)]));
    }
    let _ = write!(w, "</ul>");
    if let Some(amend) = r.amend {
        let _ = write!(
            w,
            "<p>{}</p>",
            fill(
                s.labelled,
                &[
                    ("label", &format!("<strong>{}</strong>", escape(s.rules_amend))),
                    ("text", &escape(t(amend)))
                ]
            )
        );
    }
    for (name, parts) in [
        (s.rules_title_variant, r.titles),
        (s.rules_plan_variant, r.plans),
        (s.rules_verdict_line, r.answer),
        (s.rules_paragraph, r.body),
        (s.rules_step, r.steps),
    ] {
        for (i, p) in parts.iter().enumerate() {
            let when = match &p.when {
                crate::rulebook::Cond::Always => String::new(),
                c => format!(
                    "{gap}<span class=\"help\">{}</span>",
                    escape(&fill(
                        s.in_brackets,
                        &[("text", &fill(s.rules_only_when, &[("condition", &cond_words(book, c, lang))]))]
                    ))
                ),
            };
            let label = format!("<strong>{}{gap}{}</strong>{when}", escape(name), i + 1);
            let _ =
                write!(w, "<p>{}</p>", fill(s.labelled, &[("label", &label), ("text", &escape(t(p.text)))]));
        }
    }
    for c in book.recommendations[rec].all_cites() {
        let src = &book.sources[c.source];
        let whence = match c.faq {
            Some(f) if f == faq => String::new(),
            Some(f) => format!(
                "{}<a href=\"#faq-{}\">{}</a>",
                escape(s.dash),
                book.faqs[f].id,
                escape(&fill(s.section, &[("section", book.faqs[f].section)]))
            ),
            None => format!(
                "{}{}{}",
                escape(s.dash),
                escape(book.text(src.publisher, lang)),
                escape(&fill(
                    s.in_brackets,
                    &[(
                        "text",
                        &src.page_date
                            .map_or_else(|| s.no_date_shown.to_string(), |d| book.language(lang).date(d))
                    )]
                ))
            ),
        };
        let _ = write!(w, "{}", words_html(c, lang, &whence));
    }
    let _ = write!(w, "</div>");
}

/// Cited words as the rule map shows them: the words in their language (a summary labelled as
/// one), in another language than the reader's labelled with it and followed by the advisor's
/// rendering; `after` (where they come from) follows the words.
pub fn words_html(c: &crate::rulebook::Citation, lang: Lang, after: &str) -> String {
    let s = strings(lang);
    let gap = crate::wording::gap(&RULEBOOK, lang);
    let wd = crate::wording::words(&RULEBOOK, c, lang);
    let mut out = String::new();
    if c.summary {
        let _ = write!(
            out,
            "<p class=\"summary\"><span class=\"summary-label\">{}</span>{gap}<span lang=\"{}\" translate=\"no\">{}</span>{after}</p>",
            escape(&wd.label.unwrap_or_default()),
            escape(wd.lang),
            escape(wd.text)
        );
    } else {
        if let Some(label) = &wd.label {
            let _ = write!(out, "<p class=\"original-label\">{}</p>", escape(label));
        }
        let _ = write!(
            out,
            "<blockquote lang=\"{}\" translate=\"no\">{}</blockquote>",
            escape(wd.lang),
            escape(wd.text)
        );
        if !after.is_empty() {
            let _ = write!(out, "<p class=\"whence\">{}</p>", after.trim_start_matches(s.dash));
        }
    }
    if let Some(r) = wd.rendering {
        let _ = write!(
            out,
            "<p class=\"rendering\"><span class=\"rendering-label\">{}</span>{gap}{}</p>",
            escape(s.rendering_label),
            escape(r)
        );
    }
    out
}

/// A source in the rule map's list: its publisher and linked title in the reader's language,
/// the page's language, dates, and links to the same document in the reader's language.
fn source_html(source: usize, lang: Lang, link: bool) -> String {
    let s = strings(lang);
    let book = &RULEBOOK;
    let src = &book.sources[source];
    let gap = crate::wording::gap(book, lang);
    let title = escape(&fill(s.cite_title, &[("title", book.text(src.title, lang))]));
    let title = if link {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer external\" hreflang=\"{}\">{title}</a>",
            escape(src.url),
            escape(src.lang)
        )
    } else {
        title
    };
    let name =
        fill(s.publisher_title, &[("publisher", &escape(book.text(src.publisher, lang))), ("title", &title)]);
    let details = crate::wording::source_details(book, src.lang, src.page_date, src.read, src.quality, lang);
    let mut out = format!("{name}{gap}{}", escape(&fill(s.in_brackets, &[("text", &details)])));
    for v in src.versions.iter().filter(|v| crate::rulebook::same_language(v.lang, lang.code())) {
        let _ = write!(
            out,
            "{}<a href=\"{}\" rel=\"noopener noreferrer external\" hreflang=\"{}\">{}</a>",
            escape(s.comma),
            escape(v.url),
            escape(v.lang),
            escape(&fill(s.version_link, &[("language", crate::wording::language_name(lang, v.lang))]))
        );
    }
    out
}

/// Outcomes of a flow: the verdict's recommendation → (paths ending there, a link to the
/// first such path's result, the rules that fire on every one of them).
type Outcomes = BTreeMap<usize, (usize, String, Vec<&'static str>)>;

/// A flow as a graph: its questions, the outcomes (verdicts) its paths end in, and an edge for
/// each answer that leads from one to the next; every node links into the app at that point.
fn flow_graph(fi: usize, lang: Lang, app: &dyn Fn(&Route) -> String) -> (Graph, Outcomes) {
    let book = &RULEBOOK;
    let flow = &book.flows[fi];
    let mut nodes: Vec<Node> = vec![Node {
        id: "start".into(),
        label: flow.title.get(lang).to_string(),
        kind: NodeKind::Start,
        href: Some(app(&crate::nav::start_flow(&RULEBOOK, fi))),
        note: None,
    }];
    let mut edges: Vec<Edge> = Vec::new();
    let mut outcomes: Outcomes = BTreeMap::new();
    let mut seen_q: Vec<usize> = Vec::new();
    let mut fired: BTreeMap<usize, Option<Vec<usize>>> = BTreeMap::new();
    let mut ends: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for_each_path(book, fi, |answers| {
        let ev = evaluate(book, answers);
        let verdict = ev.verdict.unwrap_or(usize::MAX);
        let mut prefix = crate::answers::AnswerSet::new(fi);
        let mut from = "start".to_string();
        let mut label = String::new();
        for &(q, o) in &ev.asked {
            if !seen_q.contains(&q) {
                seen_q.push(q);
                nodes.push(Node {
                    id: format!("q-{}", book.questions[q].id),
                    label: book.questions[q].prompt.get(lang).to_string(),
                    kind: NodeKind::Question,
                    href: Some(app(&Route::Question { answers: prefix, question: q, changing: false })),
                    note: None,
                });
            }
            edges.push(Edge {
                from: from.clone(),
                to: format!("q-{}", book.questions[q].id),
                label: label.clone(),
            });
            from = format!("q-{}", book.questions[q].id);
            label = book.questions[q].options[o].label.get(lang).to_string();
            prefix.set(q, o);
        }
        // An outcome is drawn once below each question it follows from: the paths reaching
        // it from different depths would otherwise run long edges across the whole graph.
        let out_id = format!("o-{}-{from}", book.recommendations.get(verdict).map_or("none", |r| r.id));
        *ends.entry((verdict, out_id.clone())).or_insert(0) += 1;
        edges.push(Edge { from, to: out_id, label });
        let rules: Vec<usize> = ev.advice.iter().flat_map(|a| a.rules.iter().copied()).collect();
        let entry = outcomes.entry(verdict).or_insert_with(|| (0, app(&Route::Result(*answers)), Vec::new()));
        entry.0 += 1;
        let f = fired.entry(verdict).or_insert(None);
        *f = Some(match f.take() {
            None => rules,
            Some(prev) => prev.into_iter().filter(|r| rules.contains(r)).collect(),
        });
    });
    for (&verdict, (_, _, rules)) in outcomes.iter_mut() {
        *rules = fired
            .get(&verdict)
            .cloned()
            .flatten()
            .unwrap_or_default()
            .iter()
            .map(|&r| book.rules[r].id)
            .collect();
    }
    for ((verdict, id), count) in ends {
        nodes.push(Node {
            id,
            label: book.recommendations.get(verdict).map_or("—", |r| r.title.get(lang)).to_string(),
            kind: NodeKind::Outcome,
            href: outcomes.get(&verdict).map(|o| o.1.clone()),
            note: Some(fill(strings(lang).rules_paths_end_here, &[("n", &count.to_string())])),
        });
    }
    let s = strings(lang);
    let wording = flowgraph::Wording {
        options: s.rules_option_separator.to_string(),
        note: s.dash.to_string(),
        description: s.rules_graph_desc.to_string(),
        edge: s.rules_edge.to_string(),
        edge_bare: s.rules_edge_bare.to_string(),
    };
    (Graph { title: flow.title.get(lang).to_string(), nodes, edges, wording }, outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every flow's graph, in every language, in both drawings, keeps close to its width (a
    /// layer that many edges pass through may stick out a little; the drawing then scales
    /// down), so that it fits the page's column or a phone's width at a scale that keeps its
    /// text readable (tests/e2e/rules.test.mjs measures it in the browser).
    #[test]
    fn the_rule_map_graphs_keep_to_their_widths() {
        for lang in Lang::all() {
            let app = |route: &Route| format!("./index.html{}", route::with_lang(route::encode(route), lang));
            for fi in 0..RULEBOOK.flows.len() {
                let (graph, _) = flow_graph(fi, lang, &app);
                for bounds in [GRAPH_WIDE, GRAPH_NARROW] {
                    let l = flowgraph::layout_within(&graph, &bounds);
                    let flow = RULEBOOK.flows[fi].id;
                    assert!(
                        l.width <= bounds.max_width * 1.25 + 32.5,
                        "{flow} ({}) is {} wide for {}",
                        lang.code(),
                        l.width,
                        bounds.max_width
                    );
                    let start = &l.nodes[0].rect;
                    assert!(start.y < 20.0, "{flow}: the start node is at the top");
                }
            }
        }
    }
}
