//! Places in y and along the edges: the layers' bands and the label rows between them, each
//! edge's route, each label beside its edge, and the canvas.

use super::*;
use std::collections::BTreeMap;

/// Point on the smooth segment `p`→`q` (cubic with vertical tangents) at height `y`.
pub(super) fn point_at_y(p: (f64, f64), q: (f64, f64), y: f64) -> f64 {
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

/// How the labels of one gap between layers are laid out: in `rows` rows (more than one
/// when they would not fit the width side by side) of `height` each, from the top for edges
/// going down and from the bottom for edges going up.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct LabelRows {
    down: usize,
    down_height: f64,
    up: usize,
    up_height: f64,
}

/// Vertical band (top, height) of each layer, and the label rows of each gap below a layer;
/// gaps leave room for their labels.
pub(super) fn place_y(
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
pub(super) fn label_gap(r: &EdgeRoute, boxes: &[NodeBox]) -> usize {
    if r.back {
        boxes[r.from].layer.saturating_sub(1)
    } else {
        boxes[r.from].layer
    }
}

/// Port x on a node's side: `k`-th of `m` evenly spread points.
pub(super) fn port(rect: &Rect, k: usize, m: usize) -> f64 {
    rect.x + rect.width * (k + 1) as f64 / (m + 1) as f64
}

pub(super) fn route_edges(routes: &mut [EdgeRoute], boxes: &[NodeBox], grid: &Grid, bands: &[(f64, f64)]) {
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
pub(super) fn place_labels(
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
pub(super) fn finish(mut nodes: Vec<NodeBox>, mut edges: Vec<EdgeRoute>) -> Layout {
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
