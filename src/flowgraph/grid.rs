//! The layered graph with a virtual element where an edge passes a layer: crossings reduced
//! by sweeps, then x positions placed within the width.

use super::*;

/// Real node or virtual bend point; `left`/`right` are extents from centre `x`.
pub(super) struct Elem {
    pub(super) layer: usize,
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) x: f64,
    pub(super) real: bool,
}

/// The layered graph: elements `0..n` are the real nodes, then virtual ones.
pub(super) struct Grid {
    pub(super) elems: Vec<Elem>,
    pub(super) layers: Vec<Vec<usize>>,
    pub(super) preds: Vec<Vec<usize>>,
    pub(super) succs: Vec<Vec<usize>>,
    /// Per merged edge: element chain in layout (downward) direction.
    pub(super) chains: Vec<Option<Vec<usize>>>,
    /// The width of a virtual element, and the least gap beside one.
    pub(super) dummy: f64,
}

impl Grid {
    pub(super) fn build(boxes: &[NodeBox], extra_right: &[f64], routes: &[EdgeRoute], dummy: f64) -> Grid {
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
    pub(super) fn reduce_crossings(&mut self) {
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
    pub(super) fn place_x(&mut self, max_width: f64) {
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
pub(super) fn sweep_order(n_layers: usize, down: bool) -> Vec<usize> {
    if down {
        (1..n_layers).collect()
    } else {
        (0..n_layers.saturating_sub(1)).rev().collect()
    }
}

/// Positions close to `desired` with consecutive distances of at least
/// `seps`: the average of a left-packed and a right-packed placement.
pub(super) fn spread(desired: &[f64], seps: &[f64]) -> Vec<f64> {
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
