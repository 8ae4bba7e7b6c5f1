//! Layered (Sugiyama-style) layout of small directed graphs, rendered as
//! accessible inline SVG for static HTML pages ("rule maps" for reviewers).
//!
//! Question, start and outcome nodes are drawn top to bottom; edges carry the
//! answer options leading from one node to the next. The SVG uses only `class`
//! attributes and `currentColor`, so the host page styles light, dark and
//! print themes. Same input gives byte-identical output; no input panics.

//!
//! The parts, in the order a layout is made: `layers` (edges merged, cycles broken, nodes
//! layered, wide layers split into rows), `grid` (the layered graph with virtual bend points:
//! crossings reduced, x placed), `place` (the layers' bands, the edges' routes, the labels'
//! places) and `svg` (the drawing); `text` measures and wraps the words.

mod grid;
mod layers;
mod place;
mod svg;
#[cfg(test)]
mod tests;
mod text;

use grid::*;
use layers::*;
use place::*;
pub use svg::{escape, to_svg};
use text::*;

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
