//! The layout drawn as accessible inline SVG (classes and `currentColor` only, no `style`).

use super::*;

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
pub(super) fn num(v: f64) -> String {
    let s = format!("{:.1}", v);
    if s == "-0.0" {
        "0.0".into()
    } else {
        s
    }
}

pub(super) fn sanitize_id(prefix: &str) -> String {
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
pub(super) fn text_block(out: &mut String, lines: &[String], cx: f64, top: f64, font: f64, class: &str) {
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

pub(super) fn full_label(node: &Node, wording: &Wording) -> String {
    match node.note.as_deref().map(str::trim) {
        Some(note) if !note.is_empty() => format!("{}{}{}", node.label, wording.note, note),
        _ => node.label.clone(),
    }
}

pub(super) fn node_svg(out: &mut String, node: &Node, b: &NodeBox, wording: &Wording) {
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
pub(super) fn path_d(points: &[(f64, f64)], straight: bool) -> String {
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

pub(super) fn edge_svg(out: &mut String, graph: &Graph, e: &EdgeRoute, p: &str) {
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

pub(super) fn label_svg(out: &mut String, e: &EdgeRoute) {
    let Some(r) = e.label_box else { return };
    out.push_str(&format!("<g class=\"fg-edge-label\"><rect class=\"fg-edge-label-bg\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"none\"/>",
        num(r.x), num(r.y), num(r.width), num(r.height)));
    text_block(out, &e.label_lines, r.x + r.width / 2.0, r.y + 2.0, LABEL_FONT, "fg-edge-label-text");
    out.push_str("</g>\n");
}

pub(super) fn description(graph: &Graph, layout: &Layout) -> String {
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
