//! The rule map's flow graphs: each flow's questions, the outcomes its paths end in and the
//! answers between them, drawn by `flowgraph` twice (for a wide screen and for a phone).

use crate::engine::evaluate;
use crate::flowgraph::{self, Edge, Graph, Node, NodeKind};
use crate::i18n::{fill, strings};
use crate::paths::for_each_path;
use crate::route::Route;
use crate::rulebook::{Lang, TextExt, RULEBOOK};
use std::collections::BTreeMap;

/// The rule map's graphs for a wide screen: they fit the page's column (72rem, less its padding).
pub(super) const GRAPH_WIDE: flowgraph::Bounds =
    flowgraph::Bounds { max_width: 1060.0, wrap_em: 16.0, label_wrap_em: 12.0, column: 12.0 };
/// … and for a phone: narrower rows and texts, edges closer together.
pub(super) const GRAPH_NARROW: flowgraph::Bounds =
    flowgraph::Bounds { max_width: 340.0, wrap_em: 10.0, label_wrap_em: 8.0, column: 6.0 };

/// Outcomes of a flow: the verdict's recommendation → (paths ending there, a link to the
/// first such path's result, the rules that fire on every one of them).
pub(super) type Outcomes = BTreeMap<usize, (usize, String, Vec<&'static str>)>;

/// A flow as a graph: its questions, the outcomes (verdicts) its paths end in, and an edge for
/// each answer that leads from one to the next; every node links into the app at that point.
pub(super) fn flow_graph(fi: usize, lang: Lang, app: &dyn Fn(&Route) -> String) -> (Graph, Outcomes) {
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
    use crate::route;
    use crate::rulebook::LangExt;

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
