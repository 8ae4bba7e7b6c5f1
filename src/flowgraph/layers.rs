//! From edges to layers: parallel edges merged, cycles broken, nodes layered by longest
//! path, and layers wider than the bounds split into rows.

use super::*;
use std::collections::BTreeMap;

/// Resolves edges to node indices (unknown ids are skipped) and merges the
/// edges of each (from, to) pair into one route whose label lists all options.
pub(super) fn merge_edges(graph: &Graph, label_wrap_em: f64) -> Vec<EdgeRoute> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        index.entry(node.id.as_str()).or_insert(i);
    }
    let (mut pairs, mut labels) = (Vec::<(usize, usize)>::new(), Vec::<Vec<&str>>::new());
    for edge in &graph.edges {
        let (Some(&from), Some(&to)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str())) else {
            continue;
        };
        let k = pairs.iter().position(|&p| p == (from, to)).unwrap_or_else(|| {
            pairs.push((from, to));
            labels.push(Vec::new());
            pairs.len() - 1
        });
        let label = edge.label.trim();
        if !label.is_empty() && !labels[k].contains(&label) {
            labels[k].push(label);
        }
    }
    let route = |(&(from, to), labels): (&(usize, usize), &Vec<&str>)| {
        let label = labels.join(&graph.wording.options);
        let label_lines = wrap(&label, label_wrap_em);
        EdgeRoute { from, to, points: Vec::new(), back: false, label, label_lines, label_box: None }
    };
    pairs.iter().zip(&labels).map(route).collect()
}

/// Marks the edges that close a cycle in an iterative depth-first search
/// (roots: start nodes, then sources, then the rest, in input order).
pub(super) fn mark_back_edges(graph: &Graph, edges: &mut [EdgeRoute]) {
    let n = graph.nodes.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for (k, e) in edges.iter().enumerate().filter(|(_, e)| e.from != e.to) {
        out[e.from].push(k);
        indeg[e.to] += 1;
    }
    let mut roots: Vec<usize> = (0..n).collect();
    roots.sort_by_key(|&v| (graph.nodes[v].kind != NodeKind::Start, indeg[v] > 0));
    let mut state = vec![0u8; n];
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        let mut stack = vec![(root, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (v, i) = *top;
            let Some(&k) = out[v].get(i) else {
                state[v] = 2;
                stack.pop();
                continue;
            };
            top.1 += 1;
            let w = edges[k].to;
            match state[w] {
                0 => {
                    state[w] = 1;
                    stack.push((w, 0));
                }
                1 => edges[k].back = true,
                _ => {}
            }
        }
    }
}

/// Longest-path layering from the sources of an acyclic edge list.
pub(super) fn assign_layers(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut indeg = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in dag {
        out[a].push(b);
        indeg[b] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut queue: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut head = 0;
    while let Some(&v) = queue.get(head) {
        head += 1;
        for &w in &out[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indeg[w] -= 1;
            if indeg[w] == 0 {
                queue.push(w);
            }
        }
    }
    layer
}

/// Splits the layers wider than `max_width` into rows: from the top, the nodes of a layer that
/// do not fit move one layer down (nodes the flow goes on from stay first, then the input
/// order), and their successors with them. An edge passing through a layer counts as a
/// narrow column; a layer keeps at least one node.
pub(super) fn bound_layers(
    boxes: &mut [NodeBox],
    extra_right: &[f64],
    dag: &[(usize, usize)],
    bounds: &Bounds,
) {
    let max_width = bounds.max_width;
    if !max_width.is_finite() {
        return;
    }
    let n = boxes.len();
    let mut goes_on = vec![false; n];
    for &(a, _) in dag {
        goes_on[a] = true;
    }
    let column = bounds.column;
    let mut l = 0;
    while boxes.iter().any(|b| b.layer >= l) {
        let mut members: Vec<usize> = (0..n).filter(|&v| boxes[v].layer == l).collect();
        members.sort_by_key(|&v| !goes_on[v]); // stable: input order within each kind
        let through = dag.iter().filter(|&&(a, b)| boxes[a].layer < l && l < boxes[b].layer).count() as f64;
        // An edge from above into a node moved down passes through this layer.
        let from_above = |v: usize| dag.iter().filter(|&&(a, b)| b == v && boxes[a].layer < l).count() as f64;
        let mut keep = members.len();
        let width = |keep: usize| {
            let kept: f64 =
                members[..keep].iter().map(|&v| boxes[v].rect.width + extra_right[v]).sum::<f64>()
                    + NODE_GAP * keep.saturating_sub(1) as f64;
            let moved: f64 = members[keep..].iter().map(|&v| from_above(v)).sum();
            kept + (through + moved) * column
        };
        while keep > 1 && width(keep) > max_width {
            keep -= 1;
        }
        if keep < members.len() {
            for &v in &members[keep..] {
                boxes[v].layer += 1;
            }
            // Successors stay below their predecessors (the edges form no cycle: this ends).
            let mut changed = true;
            while changed {
                changed = false;
                for &(a, b) in dag {
                    if boxes[b].layer <= boxes[a].layer {
                        boxes[b].layer = boxes[a].layer + 1;
                        changed = true;
                    }
                }
            }
        }
        l += 1;
    }
}
