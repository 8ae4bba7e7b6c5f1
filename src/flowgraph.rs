//! Layered (Sugiyama-style) layout of small directed graphs, rendered as
//! accessible inline SVG for static HTML pages ("rule maps" for reviewers).
//!
//! Question, start and outcome nodes are drawn top to bottom; edges carry the
//! answer options leading from one node to the next. The SVG uses only `class`
//! attributes and `currentColor`, so the host page styles light, dark and
//! print themes. Same input gives byte-identical output; no input panics.

use std::collections::BTreeMap;

/// Kind of a node; selects its CSS class (`fg-start`, `fg-question`, `fg-outcome`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Start,
    Question,
    Outcome,
}

/// A node. Edges refer to it by `id` (on duplicate ids the first node wins).
#[derive(Clone, Debug)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    /// Link target; the node is wrapped in `<a href>` when present.
    pub href: Option<String>,
    /// Optional detail drawn in smaller type below the label.
    pub note: Option<String>,
}

/// A directed edge labelled with an answer option. Edges between the same
/// pair of nodes are merged into one drawn edge with labels joined by " / ".
#[derive(Clone, Debug)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: String,
}

/// A graph to lay out; `title` becomes the SVG's accessible name.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// How the graph's language joins words (default: English's).
    pub wording: Wording,
}

/// The graph's own words, in its language: what joins the options of merged edges (" / ") and a
/// node's label to its note (" — "), and the diagram's description (with `{questions}`,
/// `{outcomes}` and `{connections}`).
#[derive(Clone, Debug)]
pub struct Wording {
    pub options: String,
    pub note: String,
    pub description: String,
    /// An edge's name: `{from}`, `{to}` and the answers on it (`{answers}`), or without them.
    pub edge: String,
    pub edge_bare: String,
}

impl Default for Wording {
    fn default() -> Wording {
        Wording {
            options: " / ".into(),
            note: " — ".into(),
            description: "Flow diagram: {questions} questions, {outcomes} outcomes, {connections} connections; read top to bottom, edge labels name the answers.".into(),
            edge: "{from} → {to}: {answers}".into(),
            edge_bare: "{from} → {to}".into(),
        }
    }
}

/// Axis-aligned rectangle in SVG user units (top-left corner and size).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    fn right(&self) -> f64 {
        self.x + self.width
    }
    fn bottom(&self) -> f64 {
        self.y + self.height
    }
    /// True when the point lies inside or on the border (0.01 tolerance).
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        let e = 0.01;
        x >= self.x - e && x <= self.right() + e && y >= self.y - e && y <= self.bottom() + e
    }
    /// True when the interiors of the two rectangles intersect.
    pub fn overlaps(&self, o: &Rect) -> bool {
        let e = 0.01;
        self.x < o.right() - e && o.x < self.right() - e && self.y < o.bottom() - e && o.y < self.bottom() - e
    }
}

/// Computed box of one node (same index as in `Graph::nodes`).
#[derive(Clone, Debug)]
pub struct NodeBox {
    pub rect: Rect,
    pub layer: usize,
    /// Wrapped label lines and wrapped note lines.
    pub lines: Vec<String>,
    pub note_lines: Vec<String>,
}

/// One drawn edge (merged from all input edges joining the same node pair).
#[derive(Clone, Debug)]
pub struct EdgeRoute {
    /// Node indices into `Graph::nodes`.
    pub from: usize,
    pub to: usize,
    /// From the source boundary to the target boundary; drawn smoothly.
    pub points: Vec<(f64, f64)>,
    /// True when the edge was reversed to break a cycle (it points upwards).
    pub back: bool,
    /// Full label ("a / b"), its wrapped lines and its box, if any.
    pub label: String,
    pub label_lines: Vec<String>,
    pub label_box: Option<Rect>,
}

impl EdgeRoute {
    /// Endpoints in layout direction (back edges reversed, so always downward).
    fn downward(&self) -> (usize, usize) {
        if self.back {
            (self.to, self.from)
        } else {
            (self.from, self.to)
        }
    }
}

/// Positions computed by [`layout`]; the SVG canvas is `width` × `height`.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgeRoute>,
}

const FONT: f64 = 14.0;
const NOTE_FONT: f64 = 12.0;
const LABEL_FONT: f64 = 12.0;
const LINE: f64 = 1.3;
const WRAP_EM: f64 = 16.0;
const LABEL_WRAP_EM: f64 = 12.0;
const PAD_X: f64 = 12.0;
const PAD_Y: f64 = 8.0;
const MIN_NODE_W: f64 = 80.0;
const NODE_GAP: f64 = 28.0;
const DUMMY_W: f64 = 12.0;
const MIN_LAYER_GAP: f64 = 48.0;
const LABEL_GAP: f64 = 6.0;
/// Space between two labels side by side.
const LABEL_SEP: f64 = 6.0;
const LOOP_W: f64 = 30.0;
const MARGIN: f64 = 16.0;

/// Estimated width in em: 1.0 for CJK/fullwidth characters, 0.6 otherwise.
fn char_em(c: char) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        1.0
    } else {
        0.6
    }
}

fn text_em(s: &str) -> f64 {
    s.chars().map(char_em).sum()
}

/// Splits text into breakable tokens `(text, space_before)`: words for Latin
/// script, single characters for CJK; closing punctuation sticks to the left.
fn tokenize(text: &str) -> Vec<(String, bool)> {
    let mut tokens: Vec<(String, bool)> = Vec::new();
    let (mut space, mut in_word) = (false, false);
    for c in text.chars() {
        if c.is_whitespace() {
            space = !tokens.is_empty();
            in_word = false;
        } else if !space && tokens.last().is_some_and(|t| sticks(&t.0, c)) {
            if let Some(t) = tokens.last_mut() {
                t.0.push(c);
            }
            in_word = false;
        } else if char_em(c) >= 1.0 || !in_word {
            tokens.push((c.to_string(), space));
            in_word = char_em(c) < 1.0;
            space = false;
        } else if let Some(t) = tokens.last_mut() {
            t.0.push(c);
        }
    }
    tokens
}

/// No line break between `prev` and `c`: closing CJK punctuation, opening brackets.
fn sticks(prev: &str, c: char) -> bool {
    "，。、；：？！）」』】》".contains(c) || prev.ends_with(|p: char| "（「『【《(".contains(p))
}

/// Greedy word wrap at `max_em`; over-long tokens are broken by character.
fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut width) = (String::new(), 0.0);
    for (token, space) in tokenize(text) {
        let sep = if space && !line.is_empty() { 0.6 } else { 0.0 };
        if !line.is_empty() && width + sep + text_em(&token).min(max_em) > max_em {
            lines.push(std::mem::take(&mut line));
            width = 0.0;
        } else if sep > 0.0 {
            line.push(' ');
            width += sep;
        }
        for c in token.chars() {
            if !line.is_empty() && width + char_em(c) > max_em {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            line.push(c);
            width += char_em(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn lines_em(lines: &[String]) -> f64 {
    lines.iter().map(|l| text_em(l)).fold(0.0, f64::max)
}

/// Resolves edges to node indices (unknown ids are skipped) and merges the
/// edges of each (from, to) pair into one route whose label lists all options.
fn merge_edges(graph: &Graph, label_wrap_em: f64) -> Vec<EdgeRoute> {
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
fn mark_back_edges(graph: &Graph, edges: &mut [EdgeRoute]) {
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
fn assign_layers(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
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

/// Real node or virtual bend point; `left`/`right` are extents from centre `x`.
struct Elem {
    layer: usize,
    left: f64,
    right: f64,
    x: f64,
    real: bool,
}

/// The layered graph: elements `0..n` are the real nodes, then virtual ones.
struct Grid {
    elems: Vec<Elem>,
    layers: Vec<Vec<usize>>,
    preds: Vec<Vec<usize>>,
    succs: Vec<Vec<usize>>,
    /// Per merged edge: element chain in layout (downward) direction.
    chains: Vec<Option<Vec<usize>>>,
    /// The width of a virtual element, and the least gap beside one.
    dummy: f64,
}

impl Grid {
    fn build(boxes: &[NodeBox], extra_right: &[f64], routes: &[EdgeRoute], dummy: f64) -> Grid {
        let mut elems: Vec<Elem> = boxes
            .iter()
            .zip(extra_right)
            .map(|(b, &extra)| {
                let half = b.rect.width / 2.0;
                Elem { layer: b.layer, left: half, right: half + extra, x: 0.0, real: true }
            })
            .collect();
        let mut chains = Vec::new();
        for e in routes {
            if e.from == e.to {
                chains.push(None);
                continue;
            }
            let (a, b) = e.downward();
            let mut chain = vec![a];
            for layer in boxes[a].layer + 1..boxes[b].layer {
                elems.push(Elem { layer, left: dummy / 2.0, right: dummy / 2.0, x: 0.0, real: false });
                chain.push(elems.len() - 1);
            }
            chain.push(b);
            chains.push(Some(chain));
        }
        let (mut preds, mut succs) = (vec![Vec::new(); elems.len()], vec![Vec::new(); elems.len()]);
        for pair in chains.iter().flatten().flat_map(|c| c.windows(2)) {
            succs[pair[0]].push(pair[1]);
            preds[pair[1]].push(pair[0]);
        }
        let mut layers = vec![Vec::new(); elems.iter().map(|e| e.layer + 1).max().unwrap_or(0)];
        for (id, elem) in elems.iter().enumerate() {
            layers[elem.layer].push(id);
        }
        Grid { elems, layers, preds, succs, chains, dummy }
    }

    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.elems.len()];
        for layer in &self.layers {
            for (i, &e) in layer.iter().enumerate() {
                pos[e] = i;
            }
        }
        pos
    }

    fn crossings(&self) -> usize {
        let pos = self.positions();
        let mut total = 0;
        for layer in &self.layers {
            let segs: Vec<(usize, usize)> = layer
                .iter()
                .flat_map(|&e| self.succs[e].iter().map(move |&s| (e, s)))
                .map(|(a, b)| (pos[a], pos[b]))
                .collect();
            for (i, a) in segs.iter().enumerate() {
                total += segs[i + 1..]
                    .iter()
                    .filter(|b| (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1))
                    .count();
            }
        }
        total
    }

    /// Barycenter sweeps (down, up, ...); keeps the order with fewest crossings.
    fn reduce_crossings(&mut self) {
        let (mut best, mut best_count) = (self.layers.clone(), self.crossings());
        for sweep in 0..8 {
            let down = sweep % 2 == 0;
            for l in sweep_order(self.layers.len(), down) {
                self.sort_layer(l, down);
            }
            let count = self.crossings();
            if count < best_count {
                (best, best_count) = (self.layers.clone(), count);
            }
        }
        self.layers = best;
    }

    fn sort_layer(&mut self, l: usize, down: bool) {
        let pos = self.positions();
        let mut keyed: Vec<(f64, usize)> = self.layers[l]
            .iter()
            .enumerate()
            .map(|(i, &e)| {
                let nb = if down { &self.preds[e] } else { &self.succs[e] };
                let key = if nb.is_empty() {
                    i as f64
                } else {
                    nb.iter().map(|&v| pos[v] as f64).sum::<f64>() / nb.len() as f64
                };
                (key, e)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0)); // stable: ties keep order
        self.layers[l] = keyed.into_iter().map(|(_, e)| e).collect();
    }

    /// Packs layers left to right, then alternately pulls each element to
    /// the median of its neighbours in the previous layer, keeping min gaps.
    /// With a finite `max_width`, every layer stays within a frame as wide as that or
    /// as the widest layer packed (layers are shifted back into it).
    fn place_x(&mut self, max_width: f64) {
        let mut widest: f64 = 0.0;
        for layer in &self.layers {
            let mut x = 0.0;
            for (i, &e) in layer.iter().enumerate() {
                if i > 0 {
                    x += self.gap(layer[i - 1], e);
                }
                self.elems[e].x = x + self.elems[e].left;
                x = self.elems[e].x + self.elems[e].right;
            }
            widest = widest.max(x);
        }
        let frame = max_width.is_finite().then(|| max_width.max(widest));

        for pass in 0..5 {
            let down = pass % 2 == 0;
            for l in sweep_order(self.layers.len(), down) {
                self.align_layer(l, down);
                if let Some(frame) = frame {
                    self.keep_in(l, frame);
                }
            }
        }
    }

    /// The least distance between the boxes of two neighbours in a layer.
    fn gap(&self, a: usize, b: usize) -> f64 {
        if self.elems[a].real && self.elems[b].real {
            NODE_GAP
        } else {
            self.dummy
        }
    }

    /// Brings layer `l` into the frame `[0, frame]`: each element no further left than the
    /// layer packed from the left edge allows, nor further right than packed from the right
    /// edge (it fits: no layer packed is wider than the frame). The order and the gaps between
    /// neighbours are kept.
    fn keep_in(&mut self, l: usize, frame: f64) {
        let ids = self.layers[l].clone();
        let n = ids.len();
        if n == 0 {
            return;
        }
        let mut lo = vec![0.0; n];
        let mut hi = vec![0.0; n];
        lo[0] = self.elems[ids[0]].left;
        for i in 1..n {
            lo[i] = lo[i - 1]
                + self.elems[ids[i - 1]].right
                + self.gap(ids[i - 1], ids[i])
                + self.elems[ids[i]].left;
        }
        hi[n - 1] = frame - self.elems[ids[n - 1]].right;
        for i in (0..n - 1).rev() {
            hi[i] = hi[i + 1]
                - self.elems[ids[i + 1]].left
                - self.gap(ids[i], ids[i + 1])
                - self.elems[ids[i]].right;
        }
        for (i, &e) in ids.iter().enumerate() {
            self.elems[e].x = self.elems[e].x.max(lo[i]).min(hi[i].max(lo[i]));
        }
    }

    fn align_layer(&mut self, l: usize, down: bool) {
        let ids = &self.layers[l];
        let desired: Vec<f64> = ids
            .iter()
            .map(|&e| {
                let nb = if down { &self.preds[e] } else { &self.succs[e] };
                let mut xs: Vec<f64> = nb.iter().map(|&v| self.elems[v].x).collect();
                xs.sort_by(f64::total_cmp);
                match xs.len() {
                    0 => self.elems[e].x,
                    n => (xs[(n - 1) / 2] + xs[n / 2]) / 2.0,
                }
            })
            .collect();
        let seps: Vec<f64> = ids
            .windows(2)
            .map(|w| self.elems[w[0]].right + self.elems[w[1]].left + self.gap(w[0], w[1]))
            .collect();
        for (&e, x) in ids.iter().zip(spread(&desired, &seps)) {
            self.elems[e].x = x;
        }
    }
}

/// Layer indices for a downward sweep (1, 2, ...) or upward sweep (.., 1, 0).
fn sweep_order(n_layers: usize, down: bool) -> Vec<usize> {
    if down {
        (1..n_layers).collect()
    } else {
        (0..n_layers.saturating_sub(1)).rev().collect()
    }
}

/// Positions close to `desired` with consecutive distances of at least
/// `seps`: the average of a left-packed and a right-packed placement.
fn spread(desired: &[f64], seps: &[f64]) -> Vec<f64> {
    let mut left = desired.to_vec();
    for i in 1..left.len() {
        left[i] = left[i].max(left[i - 1] + seps[i - 1]);
    }
    let mut right = desired.to_vec();
    for i in (0..right.len().saturating_sub(1)).rev() {
        right[i] = right[i].min(right[i + 1] - seps[i]);
    }
    left.iter().zip(&right).map(|(a, b)| (a + b) / 2.0).collect()
}

fn size_node(node: &Node, wrap_em: f64) -> NodeBox {
    let lines = wrap(&node.label, wrap_em);
    let note_lines = node.note.as_deref().map(|t| wrap(t, wrap_em * FONT / NOTE_FONT)).unwrap_or_default();
    let text_w = (lines_em(&lines) * FONT).max(lines_em(&note_lines) * NOTE_FONT);
    let height =
        lines.len().max(1) as f64 * FONT * LINE + note_lines.len() as f64 * NOTE_FONT * LINE + 2.0 * PAD_Y;
    let rect = Rect { x: 0.0, y: 0.0, width: (text_w + 2.0 * PAD_X).max(MIN_NODE_W), height };
    NodeBox { rect, layer: 0, lines, note_lines }
}

fn label_rect(lines: &[String]) -> Rect {
    let (width, height) = (lines_em(lines) * LABEL_FONT + 8.0, lines.len() as f64 * LABEL_FONT * LINE + 4.0);
    Rect { x: 0.0, y: 0.0, width, height }
}

/// Point on the smooth segment `p`→`q` (cubic with vertical tangents) at height `y`.
fn point_at_y(p: (f64, f64), q: (f64, f64), y: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..30 {
        let t: f64 = (lo + hi) / 2.0;
        let yt = p.1 + (q.1 - p.1) * (1.5 * t * (1.0 - t) + t * t * t);
        if (yt < y) == (q.1 >= p.1) {
            lo = t
        } else {
            hi = t
        }
    }
    let t = (lo + hi) / 2.0;
    p.0 + (q.0 - p.0) * (3.0 * t * t - 2.0 * t * t * t)
}

/// How wide a layout may grow, and where its texts wrap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// The widest a layer of nodes, or a row of edge labels, may be (SVG units): the nodes
    /// that do not fit move down a layer, the labels into another row.
    pub max_width: f64,
    /// Where node labels wrap, in em.
    pub wrap_em: f64,
    /// Where edge labels wrap, in em.
    pub label_wrap_em: f64,
    /// The distance between two edges passing side by side through a layer.
    pub column: f64,
}

impl Bounds {
    /// No bound: every layer in one row.
    pub const UNBOUNDED: Bounds = Bounds {
        max_width: f64::INFINITY,
        wrap_em: WRAP_EM,
        label_wrap_em: LABEL_WRAP_EM,
        column: 2.0 * DUMMY_W,
    };
}

/// Computes a deterministic layered layout of `graph` (top to bottom), as wide as it needs.
pub fn layout(graph: &Graph) -> Layout {
    layout_within(graph, &Bounds::UNBOUNDED)
}

/// Computes a deterministic layered layout of `graph` (top to bottom) whose layers and label
/// rows fit `bounds.max_width` where they can (a layer keeps at least one node; the
/// alignment of the layers can still make the whole a little wider).
pub fn layout_within(graph: &Graph, bounds: &Bounds) -> Layout {
    let mut boxes: Vec<NodeBox> = graph.nodes.iter().map(|n| size_node(n, bounds.wrap_em)).collect();
    let mut routes = merge_edges(graph, bounds.label_wrap_em);
    mark_back_edges(graph, &mut routes);
    let dag: Vec<(usize, usize)> =
        routes.iter().filter(|e| e.from != e.to).map(EdgeRoute::downward).collect();
    for (b, layer) in boxes.iter_mut().zip(assign_layers(graph.nodes.len(), &dag)) {
        b.layer = layer;
    }
    let mut extra_right = vec![0.0; boxes.len()];
    for r in routes.iter().filter(|r| r.from == r.to) {
        extra_right[r.from] =
            LOOP_W + 4.0 + if r.label_lines.is_empty() { 0.0 } else { label_rect(&r.label_lines).width };
    }
    bound_layers(&mut boxes, &extra_right, &dag, bounds);
    let mut grid = Grid::build(&boxes, &extra_right, &routes, bounds.column / 2.0);
    grid.reduce_crossings();
    grid.place_x(bounds.max_width);
    let (bands, rows) = place_y(&mut boxes, &grid, &routes, bounds.max_width);
    route_edges(&mut routes, &boxes, &grid, &bands);
    place_labels(&mut routes, &boxes, &bands, &rows, bounds.max_width);
    finish(boxes, routes)
}

/// Splits the layers wider than `max_width` into rows: from the top, the nodes of a layer that
/// do not fit move one layer down (nodes the flow goes on from stay first, then the input
/// order), and their successors with them. An edge passing through a layer counts as a
/// narrow column; a layer keeps at least one node.
fn bound_layers(boxes: &mut [NodeBox], extra_right: &[f64], dag: &[(usize, usize)], bounds: &Bounds) {
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

/// How the labels of one gap between layers are laid out: in `rows` rows (more than one
/// when they would not fit the width side by side) of `height` each, from the top for edges
/// going down and from the bottom for edges going up.
#[derive(Clone, Copy, Debug, Default)]
struct LabelRows {
    down: usize,
    down_height: f64,
    up: usize,
    up_height: f64,
}

/// Vertical band (top, height) of each layer, and the label rows of each gap below a layer;
/// gaps leave room for their labels.
fn place_y(
    boxes: &mut [NodeBox],
    grid: &Grid,
    routes: &[EdgeRoute],
    max_width: f64,
) -> (Vec<(f64, f64)>, Vec<LabelRows>) {
    let n_layers = grid.layers.len();
    let mut band_h = vec![0.0f64; n_layers];
    for b in boxes.iter() {
        band_h[b.layer] = band_h[b.layer].max(b.rect.height);
    }
    for r in routes.iter().filter(|r| r.from == r.to) {
        let layer = boxes[r.from].layer; // a self-loop's label must fit in the band
        band_h[layer] = band_h[layer].max(label_rect(&r.label_lines).height);
    }
    // Per gap and direction: the labels' total width (side by side) and greatest height.
    let mut sizes = vec![[(0.0f64, 0.0f64, 0usize); 2]; n_layers];
    for r in routes.iter().filter(|r| r.from != r.to && !r.label_lines.is_empty()) {
        let rect = label_rect(&r.label_lines);
        let s = &mut sizes[label_gap(r, boxes)][usize::from(r.back)];
        s.0 += rect.width + LABEL_SEP;
        s.1 = s.1.max(rect.height);
        s.2 += 1;
    }
    let rows_of = |(width, _, count): (f64, f64, usize)| -> usize {
        if count == 0 {
            0
        } else if max_width.is_finite() {
            ((width / max_width).ceil() as usize).clamp(1, count)
        } else {
            1
        }
    };
    let rows: Vec<LabelRows> = sizes
        .iter()
        .map(|[down, up]| LabelRows {
            down: rows_of(*down),
            down_height: down.1,
            up: rows_of(*up),
            up_height: up.1,
        })
        .collect();
    let gap_h: Vec<f64> = rows
        .iter()
        .map(|r| {
            let labels =
                r.down as f64 * (r.down_height + LABEL_GAP) + r.up as f64 * (r.up_height + LABEL_GAP);
            if labels > 0.0 {
                MIN_LAYER_GAP.max(labels + LABEL_GAP + 28.0)
            } else {
                MIN_LAYER_GAP
            }
        })
        .collect();
    let mut bands = Vec::with_capacity(n_layers);
    let mut top = MARGIN;
    for (h, gap) in band_h.iter().zip(&gap_h) {
        bands.push((top, *h));
        top += h + gap;
    }
    for (i, b) in boxes.iter_mut().enumerate() {
        let (band_top, h) = bands[b.layer];
        b.rect.x = grid.elems[i].x - b.rect.width / 2.0;
        b.rect.y = band_top + (h - b.rect.height) / 2.0;
    }
    (bands, rows)
}

/// Index of the inter-layer gap holding an edge's label: next to its source.
fn label_gap(r: &EdgeRoute, boxes: &[NodeBox]) -> usize {
    if r.back {
        boxes[r.from].layer.saturating_sub(1)
    } else {
        boxes[r.from].layer
    }
}

/// Port x on a node's side: `k`-th of `m` evenly spread points.
fn port(rect: &Rect, k: usize, m: usize) -> f64 {
    rect.x + rect.width * (k + 1) as f64 / (m + 1) as f64
}

fn route_edges(routes: &mut [EdgeRoute], boxes: &[NodeBox], grid: &Grid, bands: &[(f64, f64)]) {
    let (mut outs, mut ins) = (vec![Vec::new(); boxes.len()], vec![Vec::new(); boxes.len()]);
    for (k, chain) in grid.chains.iter().enumerate() {
        if let Some(c) = chain {
            outs[c[0]].push((grid.elems[c[1]].x, k));
            ins[c[c.len() - 1]].push((grid.elems[c[c.len() - 2]].x, k));
        }
    }
    let (mut out_x, mut in_x) = (vec![0.0; routes.len()], vec![0.0; routes.len()]);
    for (v, b) in boxes.iter().enumerate() {
        for (list, target) in [(&mut outs[v], &mut out_x), (&mut ins[v], &mut in_x)] {
            list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (i, &(_, k)) in list.iter().enumerate() {
                target[k] = port(&b.rect, i, list.len());
            }
        }
    }
    for (k, route) in routes.iter_mut().enumerate() {
        let Some(chain) = &grid.chains[k] else {
            let r = &boxes[route.from].rect;
            let (x, cy) = (r.right(), r.y + r.height / 2.0);
            route.points = vec![(x, cy - 8.0), (x + LOOP_W, cy - 8.0), (x + LOOP_W, cy + 8.0), (x, cy + 8.0)];
            continue;
        };
        let (first, last) = (&boxes[chain[0]].rect, &boxes[chain[chain.len() - 1]].rect);
        let mut points = vec![(out_x[k], first.bottom())];
        for &d in &chain[1..chain.len() - 1] {
            let (top, h) = bands[grid.elems[d].layer];
            points.extend([(grid.elems[d].x, top), (grid.elems[d].x, top + h)]);
        }
        points.push((in_x[k], last.y));
        if route.back {
            points.reverse();
        }
        route.points = points;
    }
}

/// Puts each label on its edge near the source, then spreads the labels of each row of a gap
/// horizontally so they do not overlap one another. Neighbouring labels of a gap with
/// several rows take turns in the rows.
fn place_labels(
    routes: &mut [EdgeRoute],
    boxes: &[NodeBox],
    bands: &[(f64, f64)],
    rows: &[LabelRows],
    max_width: f64,
) {
    // With a bound, the labels stay within the nodes' frame (as wide as the bound at least).
    let frame = max_width.is_finite().then(|| {
        let left = boxes.iter().map(|b| b.rect.x).fold(f64::INFINITY, f64::min).min(0.0);
        let right = boxes.iter().map(|b| b.rect.right()).fold(left + max_width, f64::max);
        (left, right)
    });
    // The centre height of row `row` of a gap's labels going down (or up).
    let row_y = |g: usize, back: bool, row: usize, height: f64| {
        let (gap_top, gap_bottom) = (bands[g].0 + bands[g].1, bands.get(g + 1).map_or(0.0, |b| b.0));
        let r = rows[g];
        if back {
            gap_bottom - LABEL_GAP - row as f64 * (r.up_height + LABEL_GAP) - height / 2.0
        } else {
            gap_top + LABEL_GAP + row as f64 * (r.down_height + LABEL_GAP) + height / 2.0
        }
    };
    let mut per_gap: BTreeMap<(usize, bool), Vec<(f64, usize)>> = BTreeMap::new();
    for (k, r) in routes.iter_mut().enumerate().filter(|(_, r)| !r.label_lines.is_empty()) {
        let mut rect = label_rect(&r.label_lines);
        let p = &r.points;
        if r.from == r.to {
            rect.x = p[1].0 + 4.0;
            rect.y = (p[1].1 + p[2].1 - rect.height) / 2.0;
            r.label_box = Some(rect);
            continue;
        }
        let g = label_gap(r, boxes);
        let cy = row_y(g, r.back, 0, rect.height);
        per_gap.entry((g, r.back)).or_default().push((point_at_y(p[0], p[1], cy), k));
        r.label_box = Some(rect);
    }
    for ((g, back), mut items) in per_gap {
        items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let n_rows = if back { rows[g].up } else { rows[g].down }.max(1);
        for row in 0..n_rows {
            let mut in_row: Vec<(f64, usize)> = Vec::new();
            for &(_, k) in items.iter().skip(row).step_by(n_rows) {
                let height = routes[k].label_box.map_or(0.0, |r| r.height);
                let cy = row_y(g, back, row, height);
                let p = &routes[k].points;
                in_row.push((point_at_y(p[0], p[1], cy), k));
                if let Some(rect) = routes[k].label_box.as_mut() {
                    rect.y = cy - rect.height / 2.0;
                }
            }
            let width = |k: usize| routes[k].label_box.map_or(0.0, |r| r.width);
            let seps: Vec<f64> =
                in_row.windows(2).map(|w| (width(w[0].1) + width(w[1].1)) / 2.0 + LABEL_SEP).collect();
            let desired: Vec<f64> = in_row.iter().map(|i| i.0).collect();
            let mut xs = spread(&desired, &seps);
            if let (Some((left, right)), Some(first), Some(last)) = (frame, in_row.first(), in_row.last()) {
                // Within the frame where the row fits: each no further left than the row packed
                // from the left edge, nor further right than packed from the right edge.
                let n = xs.len();
                let mut lo = vec![left + width(first.1) / 2.0; n];
                let mut hi = vec![right - width(last.1) / 2.0; n];
                for i in 1..n {
                    lo[i] = lo[i - 1] + seps[i - 1];
                }
                for i in (0..n - 1).rev() {
                    hi[i] = hi[i + 1] - seps[i];
                }
                if hi[0] >= lo[0] {
                    for (i, x) in xs.iter_mut().enumerate() {
                        *x = x.clamp(lo[i], hi[i]);
                    }
                }
            }
            for ((_, k), cx) in in_row.iter().zip(xs) {
                if let Some(rect) = routes[*k].label_box.as_mut() {
                    rect.x = cx - rect.width / 2.0;
                }
            }
        }
    }
}

/// Shifts everything so the content starts at the margin; sizes the canvas.
fn finish(mut nodes: Vec<NodeBox>, mut edges: Vec<EdgeRoute>) -> Layout {
    let mut rects: Vec<Rect> = nodes.iter().map(|n| n.rect).collect();
    rects.extend(edges.iter().filter_map(|e| e.label_box));
    rects.extend(
        edges.iter().flat_map(|e| e.points.iter().map(|&(x, y)| Rect { x, y, width: 0.0, height: 0.0 })),
    );
    if rects.is_empty() {
        return Layout { width: 2.0 * MARGIN, height: 2.0 * MARGIN, nodes, edges };
    }
    let min_x = rects.iter().map(|r| r.x).fold(f64::INFINITY, f64::min);
    let dx = MARGIN - min_x;
    let width = rects.iter().map(|r| r.right()).fold(0.0, f64::max) + dx + MARGIN;
    let height = rects.iter().map(|r| r.bottom()).fold(0.0, f64::max) + MARGIN;
    nodes.iter_mut().for_each(|n| n.rect.x += dx);
    for e in &mut edges {
        e.points.iter_mut().for_each(|p| p.0 += dx);
        if let Some(r) = e.label_box.as_mut() {
            r.x += dx;
        }
    }
    Layout { width, height, nodes, edges }
}

/// Escapes text for XML content and attributes; drops characters XML forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Number formatting with one decimal and no "-0.0".
fn num(v: f64) -> String {
    let s = format!("{:.1}", v);
    if s == "-0.0" {
        "0.0".into()
    } else {
        s
    }
}

fn sanitize_id(prefix: &str) -> String {
    let s: String = prefix
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s
    } else {
        format!("fg{s}")
    }
}

/// `<text>` with one `<tspan>` per line, centred at `cx`, starting at `top`. A line broken
/// between two words ends in a space, so that the text reads as the words it wraps (its
/// accessible text; Chinese is wrapped between characters, without one).
fn text_block(out: &mut String, lines: &[String], cx: f64, top: f64, font: f64, class: &str) {
    out.push_str(&format!(
        "<text class=\"{class}\" font-size=\"{font}\" text-anchor=\"middle\" fill=\"currentColor\">"
    ));
    for (i, line) in lines.iter().enumerate() {
        let y = top + (i as f64 + 0.5) * font * LINE + 0.35 * font;
        let next = lines.get(i + 1).and_then(|l| l.chars().next());
        let space = match (line.chars().last(), next) {
            (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => " ",
            _ => "",
        };
        out.push_str(&format!("<tspan x=\"{}\" y=\"{}\">{}{space}</tspan>", num(cx), num(y), escape(line)));
    }
    out.push_str("</text>");
}

fn full_label(node: &Node, wording: &Wording) -> String {
    match node.note.as_deref().map(str::trim) {
        Some(note) if !note.is_empty() => format!("{}{}{}", node.label, wording.note, note),
        _ => node.label.clone(),
    }
}

fn node_svg(out: &mut String, node: &Node, b: &NodeBox, wording: &Wording) {
    let (class, rx) = match node.kind {
        NodeKind::Start => ("fg-node fg-start", (b.rect.height / 2.0).min(18.0)),
        NodeKind::Question => ("fg-node fg-question", 4.0),
        NodeKind::Outcome => ("fg-node fg-outcome", 10.0),
    };
    let full = escape(&full_label(node, wording));
    if let Some(href) = &node.href {
        out.push_str(&format!("<a href=\"{}\" aria-label=\"{full}\">", escape(href)));
    }
    let r = &b.rect;
    out.push_str(&format!("<g class=\"{class}\"><title>{full}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"none\" stroke=\"currentColor\"/>",
        num(r.x), num(r.y), num(r.width), num(r.height), num(rx)));
    let cx = r.x + r.width / 2.0;
    // The label and its note read as two phrases (the link's visible text, as in its name).
    let mut lines = b.lines.clone();
    // (Between Latin words only: Chinese is read without one.)
    if let (Some(last), false) = (lines.last_mut(), b.note_lines.is_empty()) {
        if last.ends_with(|c: char| c.is_ascii_alphanumeric() || c.is_ascii_punctuation()) {
            last.push(' ');
        }
    }
    text_block(out, &lines, cx, r.y + PAD_Y, FONT, "fg-node-label");
    let note_top = r.y + PAD_Y + b.lines.len().max(1) as f64 * FONT * LINE;
    if !b.note_lines.is_empty() {
        text_block(out, &b.note_lines, cx, note_top, NOTE_FONT, "fg-note");
    }
    out.push_str(if node.href.is_some() { "</g></a>\n" } else { "</g>\n" });
}

/// Path through the points: straight when vertical, otherwise a cubic with
/// vertical tangents; self-loops (`straight`) are polylines.
fn path_d(points: &[(f64, f64)], straight: bool) -> String {
    let mut d = String::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        let prev = if i == 0 { None } else { Some(points[i - 1]) };
        match prev {
            None => d.push_str(&format!("M{},{}", num(x), num(y))),
            Some((px, _)) if straight || (px - x).abs() < 0.05 => {
                d.push_str(&format!(" L{},{}", num(x), num(y)))
            }
            Some((px, py)) => {
                let my = num((py + y) / 2.0);
                d.push_str(&format!(" C{},{my} {},{my} {},{}", num(px), num(x), num(x), num(y)));
            }
        }
    }
    d
}

fn edge_svg(out: &mut String, graph: &Graph, e: &EdgeRoute, p: &str) {
    if e.points.len() < 2 {
        return;
    }
    let name = |i: usize| graph.nodes.get(i).map_or(String::new(), |n| n.label.clone());
    let pattern = if e.label.is_empty() { &graph.wording.edge_bare } else { &graph.wording.edge };
    let title = escape(
        &pattern.replace("{from}", &name(e.from)).replace("{to}", &name(e.to)).replace("{answers}", &e.label),
    );
    let class = if e.back { "fg-edge fg-edge-back" } else { "fg-edge" };
    out.push_str(&format!("<g class=\"{class}\"><title>{title}</title><path class=\"fg-edge-line\" d=\"{}\" fill=\"none\" stroke=\"currentColor\" marker-end=\"url(#{p}-arrow)\"/></g>\n",
        path_d(&e.points, e.from == e.to)));
}

fn label_svg(out: &mut String, e: &EdgeRoute) {
    let Some(r) = e.label_box else { return };
    out.push_str(&format!("<g class=\"fg-edge-label\"><rect class=\"fg-edge-label-bg\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"none\"/>",
        num(r.x), num(r.y), num(r.width), num(r.height)));
    text_block(out, &e.label_lines, r.x + r.width / 2.0, r.y + 2.0, LABEL_FONT, "fg-edge-label-text");
    out.push_str("</g>\n");
}

fn description(graph: &Graph, layout: &Layout) -> String {
    let count = |k: NodeKind| graph.nodes.iter().filter(|n| n.kind == k).count().to_string();
    graph
        .wording
        .description
        .replace("{questions}", &count(NodeKind::Question))
        .replace("{outcomes}", &count(NodeKind::Outcome))
        .replace("{connections}", &layout.edges.len().to_string())
}

/// Renders the layout as inline SVG. `id_prefix` makes element ids unique
/// when several diagrams share a page (invalid id characters become `_`). It has no `style`
/// attribute (a strict CSP's `style-src` refuses those): the page's stylesheet scales it
/// (`max-width: 100%; height: auto`).
pub fn to_svg(graph: &Graph, layout: &Layout, id_prefix: &str) -> String {
    let p = sanitize_id(id_prefix);
    let (w, h) = (num(layout.width.max(1.0)), num(layout.height.max(1.0)));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fg-graph\" role=\"group\" aria-labelledby=\"{p}-title {p}-desc\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" font-family=\"system-ui, sans-serif\">\n"
    );
    out.push_str(&format!(
        "<title id=\"{p}-title\">{}</title>\n<desc id=\"{p}-desc\">{}</desc>\n",
        escape(&graph.title),
        escape(&description(graph, layout))
    ));
    out.push_str(&format!("<defs><marker id=\"{p}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path class=\"fg-arrow\" d=\"M0,0 L10,5 L0,10 z\" fill=\"currentColor\"/></marker></defs>\n"));
    out.push_str("<g class=\"fg-edges\">\n");
    layout.edges.iter().for_each(|e| edge_svg(&mut out, graph, e, &p));
    out.push_str("</g>\n<g class=\"fg-edge-labels\">\n");
    layout.edges.iter().for_each(|e| label_svg(&mut out, e));
    out.push_str("</g>\n<g class=\"fg-nodes\">\n");
    for (node, b) in graph.nodes.iter().zip(&layout.nodes) {
        node_svg(&mut out, node, b, &graph.wording);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, label: &str, kind: NodeKind) -> Node {
        Node { id: id.into(), label: label.into(), kind, href: Some(format!("/q/{id}?a=1&b=2")), note: None }
    }

    fn edge(from: &str, to: &str, label: &str) -> Edge {
        Edge { from: from.into(), to: to.into(), label: label.into() }
    }

    /// Deterministic pseudo-random DAG (LCG); labels mix Latin and CJK text.
    fn random_dag(seed: u64, n: usize) -> Graph {
        let mut state = seed;
        let mut next = move |m: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % m.max(1)
        };
        let words = ["是否", "already", "filed", "备案主体", "company", "website", "变更", "contact", "App"];
        let mut g = Graph { title: "random".into(), ..Graph::default() };
        for i in 0..n {
            let kind = if i == 0 {
                NodeKind::Start
            } else if i + 6 >= n {
                NodeKind::Outcome
            } else {
                NodeKind::Question
            };
            let label: Vec<&str> = (0..1 + next(12)).map(|_| words[next(words.len())]).collect();
            g.nodes.push(node(&format!("n{i}"), &label.join(" "), kind));
        }
        for i in 1..n {
            for _ in 0..1 + next(2) {
                let from = next(i.min(n - 6));
                g.edges.push(edge(&format!("n{from}"), &format!("n{i}"), words[next(words.len())]));
            }
        }
        g
    }

    fn sample() -> Graph {
        Graph {
            title: "Sample <flow> & \"test\"".into(),
            nodes: vec![
                node("s", "Start", NodeKind::Start),
                node("q1", "Do you run a website in mainland China?", NodeKind::Question),
                node("q2", "您的网站是否已经备案？", NodeKind::Question),
                Node {
                    note: Some("Contact your hosting provider".into()),
                    ..node("o1", "File ICP", NodeKind::Outcome)
                },
                node("o2", "No filing needed", NodeKind::Outcome),
            ],
            edges: vec![
                edge("s", "q1", ""),
                edge("q1", "q2", "Yes"),
                edge("q1", "o2", "No"),
                edge("q2", "o1", "否"),
                edge("q2", "o2", "是"),
                edge("q2", "o2", "不确定"),
                edge("q1", "o1", "Unsure"),
                edge("q1", "missing", "ignored"),
            ],
            wording: Wording::default(),
        }
    }

    /// Tiny well-formedness check: one root, balanced tags, quoted
    /// attributes, only the five predefined entities.
    fn check_xml(xml: &str) -> Result<(), String> {
        let entities_ok = |s: &str| {
            s.match_indices('&').all(|(i, _)| {
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| s[i..].starts_with(e))
            })
        };
        let (mut stack, mut roots, mut rest) = (Vec::<&str>::new(), 0, xml);
        while let Some(start) = rest.find('<') {
            let end = start + rest[start..].find('>').ok_or("unclosed tag")?;
            let (text, tag) = (&rest[..start], &rest[start + 1..end]);
            rest = &rest[end + 1..];
            if !entities_ok(text) || !entities_ok(tag) || tag.matches('"').count() % 2 != 0 {
                return Err(format!("bad text or attributes near <{tag}>"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                if stack.pop() != Some(name) {
                    return Err(format!("mismatched </{name}>"));
                }
                continue;
            }
            roots += usize::from(stack.is_empty());
            if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap_or(""));
            }
        }
        match (stack.is_empty(), roots, rest.trim().is_empty()) {
            (true, 1, true) => Ok(()),
            _ => Err(format!("unbalanced: open {stack:?}, roots {roots}")),
        }
    }

    fn assert_sound(g: &Graph) {
        let l = layout(g);
        let svg = to_svg(g, &l, "t");
        check_xml(&svg).unwrap();
        for (i, a) in l.nodes.iter().enumerate() {
            for b in &l.nodes[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "nodes overlap: {a:?} {b:?}");
            }
        }
        for e in &l.edges {
            assert!(l.nodes[e.from].rect.contains(e.points[0]), "start outside: {e:?}");
            assert!(l.nodes[e.to].rect.contains(*e.points.last().unwrap()), "end outside: {e:?}");
            if let Some(lb) = e.label_box {
                assert!(l.nodes.iter().all(|n| !n.rect.overlaps(&lb)), "label overlaps node: {e:?}");
                assert!(lb.x >= 0.0 && lb.right() <= l.width && lb.bottom() <= l.height);
            }
        }
        let labels: Vec<Rect> = l.edges.iter().filter_map(|e| e.label_box).collect();
        for (i, a) in labels.iter().enumerate() {
            assert!(labels[i + 1..].iter().all(|b| !a.overlaps(b)), "labels overlap: {a:?}");
        }
        for n in &l.nodes {
            assert!(n.rect.x >= 0.0 && n.rect.right() <= l.width + 1e-6 && n.rect.bottom() <= l.height);
        }
    }

    #[test]
    fn escapes_xml_text_and_attributes() {
        assert_eq!(escape("a&b<c>\"d'e\u{1}\u{FFFF}"), "a&amp;b&lt;c&gt;&quot;d&#39;e");
        let svg = to_svg(&sample(), &layout(&sample()), "p<1>");
        assert!(svg.contains("Sample &lt;flow&gt; &amp; &quot;test&quot;"));
        assert!(svg.contains("href=\"/q/q1?a=1&amp;b=2\""));
        assert!(svg.contains("id=\"p_1_-arrow\""));
        assert!(!svg.contains("<flow>"));
    }

    #[test]
    fn output_is_deterministic() {
        for g in [sample(), random_dag(7, 30)] {
            assert_eq!(to_svg(&g, &layout(&g), "a"), to_svg(&g.clone(), &layout(&g.clone()), "a"));
        }
    }

    #[test]
    fn sample_is_sound_and_merges_parallel_edges() {
        let g = sample();
        assert_sound(&g);
        let l = layout(&g);
        assert_eq!(l.edges.len(), 6, "unknown endpoint ignored, parallel edges merged");
        assert!(l.edges.iter().any(|e| e.label == "是 / 不确定"));
        assert!(l.nodes[1].layer < l.nodes[2].layer && l.nodes[2].layer < l.nodes[3].layer);
        let svg = to_svg(&g, &l, "s");
        for needle in [
            "role=\"group\"",
            "aria-labelledby=\"s-title s-desc\"",
            "fg-node fg-question",
            "fg-outcome",
            "fg-edge-label",
            "marker-end=\"url(#s-arrow)\"",
            "aria-label=\"File ICP — Contact your hosting provider\"",
        ] {
            assert!(svg.contains(needle), "missing {needle}");
        }
    }

    #[test]
    fn cycles_are_broken_and_drawn() {
        let mut g = Graph { title: "cycle".into(), ..Graph::default() };
        for id in ["a", "b", "c", "d"] {
            g.nodes.push(node(id, id, NodeKind::Question));
        }
        g.edges = vec![
            edge("a", "b", "1"),
            edge("b", "c", "2"),
            edge("c", "a", "back"),
            edge("c", "c", "again"),
            edge("b", "a", "up"),
            edge("c", "d", ""),
        ];
        assert_sound(&g);
        let l = layout(&g);
        assert_eq!(l.edges.len(), 6);
        assert_eq!(l.edges.iter().filter(|e| e.back).count(), 2);
        assert!(l.edges.iter().all(|e| e.points.len() >= 2));
        let layers: Vec<usize> = l.nodes.iter().map(|n| n.layer).collect();
        assert_eq!(layers, vec![0, 1, 2, 3]);
    }

    #[test]
    fn random_dags_are_sound() {
        for seed in 1..6 {
            let g = random_dag(seed, 30);
            assert_sound(&g);
            let l = layout(&g);
            assert!(l.nodes.iter().all(|n| n.rect.width <= WRAP_EM * FONT + 2.0 * PAD_X + 1e-6));
        }
    }

    /// A layer wider than the bound is split into rows; the whole keeps to the bound, and stays
    /// sound (no overlaps, edges from box to box), also for random graphs.
    #[test]
    fn bounded_layouts_split_wide_layers_into_rows() {
        let mut star = Graph { title: "star".into(), ..Graph::default() };
        star.nodes.push(node("s", "Start", NodeKind::Start));
        star.nodes.push(node("q", "Which one of these many options?", NodeKind::Question));
        star.edges.push(edge("s", "q", ""));
        for i in 0..12 {
            star.nodes.push(node(
                &format!("o{i}"),
                &format!("Outcome number {i} of the question"),
                NodeKind::Outcome,
            ));
            star.edges.push(edge("q", &format!("o{i}"), &format!("Answer {i}")));
        }
        let unbounded = layout(&star);
        assert!(unbounded.width > 1500.0, "twelve outcomes side by side: {}", unbounded.width);
        let bounds = Bounds { max_width: 400.0, wrap_em: 10.0, label_wrap_em: 8.0, column: 6.0 };
        let l = layout_within(&star, &bounds);
        assert!(l.width <= 400.0 + 2.0 * MARGIN + 0.1, "within the bound: {}", l.width);
        let rows: std::collections::BTreeSet<usize> = l.nodes[2..].iter().map(|n| n.layer).collect();
        assert!(rows.len() >= 3, "the outcomes in several rows: {rows:?}");
        assert!(l.nodes[2..].iter().all(|n| n.layer > l.nodes[1].layer), "all below their question");
        assert_sound_within(&star, &bounds);
        for seed in 1..6 {
            assert_sound_within(&random_dag(seed, 30), &bounds);
            assert_sound_within(&random_dag(seed, 30), &Bounds { max_width: 900.0, ..Bounds::UNBOUNDED });
        }
        assert_sound_within(&sample(), &bounds);
    }

    fn assert_sound_within(g: &Graph, bounds: &Bounds) {
        let l = layout_within(g, bounds);
        check_xml(&to_svg(g, &l, "b")).unwrap();
        let labels: Vec<Rect> = l.edges.iter().filter_map(|e| e.label_box).collect();
        for (i, a) in l.nodes.iter().enumerate() {
            for b in &l.nodes[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "nodes overlap: {a:?} {b:?}");
            }
            assert!(labels.iter().all(|lb| !lb.overlaps(&a.rect)), "a label overlaps node {a:?}");
        }
        for (i, a) in labels.iter().enumerate() {
            assert!(labels[i + 1..].iter().all(|b| !a.overlaps(b)), "labels overlap: {a:?}");
        }
        for e in &l.edges {
            assert!(l.nodes[e.from].rect.contains(e.points[0]), "start outside: {e:?}");
            assert!(l.nodes[e.to].rect.contains(*e.points.last().unwrap()), "end outside: {e:?}");
        }
    }

    #[test]
    fn cjk_labels_get_wider_boxes() {
        let mk = |label: &str| size_node(&node("x", label, NodeKind::Question), WRAP_EM).rect.width;
        assert!(mk("备案主体信息变更") > mk("abcdefgh"));
        assert_eq!(wrap("一二三四五六七八九十", 4.0), vec!["一二三四", "五六七八", "九十"]);
        assert_eq!(wrap("hello world again", 8.0), vec!["hello world", "again"]);
        assert_eq!(wrap("是否，已经", 3.0), vec!["是否，", "已经"]);
        assert!(wrap("   ", 5.0).is_empty());
    }

    #[test]
    fn empty_and_degenerate_graphs_give_valid_svg() {
        assert!(check_xml("<a><b></a>").is_err() && check_xml("<a>&x</a>").is_err());
        assert!(check_xml("<a x=\"1/>").is_err() && check_xml("<a/><b/>").is_err());
        let empty = Graph::default();
        let svg = to_svg(&empty, &layout(&empty), "");
        check_xml(&svg).unwrap();
        assert!(svg.contains("viewBox=\"0 0 32.0 32.0\""));
        let odd = Graph {
            title: String::new(),
            nodes: vec![node("a", "", NodeKind::Start), node("a", "dup", NodeKind::Outcome)],
            edges: vec![edge("a", "a", ""), edge("a", "b", "x")],
            wording: Wording::default(),
        };
        assert_sound(&odd);
        let l = layout(&odd);
        check_xml(&to_svg(&odd, &Layout::default(), "x")).unwrap();
        check_xml(&to_svg(&Graph::default(), &l, "x")).unwrap();
    }
}
