//! Enumerates every path through a flow: every reachable combination of answers that
//! completes it. The flows are small, so this is exact and fast; it powers the static
//! checks, `icp-advisor paths` and `diff`, the coverage table and the benchmark.

use crate::answers::AnswerSet;
use crate::engine::descend;
use crate::rulebook::{FlowIx, Rulebook};

/// Calls `visit` with the answers of every complete path through `flow`, in a stable order
/// (options in rulebook order, depth first).
pub fn for_each_path(book: &Rulebook, flow: FlowIx, mut visit: impl FnMut(&AnswerSet)) {
    let mut picks = AnswerSet::new(flow);
    descend(book, &mut picks, 0, 0, 0, &mut |_| {}, &mut |answers, _| visit(answers));
}

/// Every complete path through `flow`.
pub fn paths(book: &Rulebook, flow: FlowIx) -> Vec<AnswerSet> {
    let mut out = Vec::new();
    for_each_path(book, flow, |a| out.push(*a));
    out
}

/// The number of complete paths through `flow`.
pub fn count_paths(book: &Rulebook, flow: FlowIx) -> usize {
    let mut n = 0;
    for_each_path(book, flow, |_| n += 1);
    n
}
