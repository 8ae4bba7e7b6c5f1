//! Enumerates every path through a flow: every reachable combination of answers that
//! completes it. The flows are small, so this is exact and fast; it powers the static
//! checks, the coverage table and the benchmark.

use crate::answers::AnswerSet;
use crate::rulebook::{FlowIx, RULEBOOK};

/// Calls `visit` with the answers of every complete path through `flow`.
pub fn for_each_path(flow: FlowIx, mut visit: impl FnMut(&AnswerSet)) {
    let mut picks = AnswerSet::new(flow);
    descend(&mut picks, 0, &mut visit);
}

fn descend(picks: &mut AnswerSet, from: usize, visit: &mut impl FnMut(&AnswerSet)) {
    let flow = &RULEBOOK.flows[picks.flow()];
    for (pos, &q) in flow.questions.iter().enumerate().skip(from) {
        let question = &RULEBOOK.questions[q];
        if !question.ask_if.holds(picks) {
            continue;
        }
        for o in 0..question.options.len() {
            picks.set(q, o);
            descend(picks, pos + 1, visit);
        }
        picks.clear(q);
        return;
    }
    visit(picks);
}

/// The number of complete paths through `flow`.
pub fn count_paths(flow: FlowIx) -> usize {
    let mut n = 0;
    for_each_path(flow, |_| n += 1);
    n
}
