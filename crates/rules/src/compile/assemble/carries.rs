//! Carried answers (`[[carry]]`): an answer in one flow that answers a question of another.

use super::conditions::Conditions;
use super::Ctx;
use crate::compile::Error;
use crate::*;

/// Every carried answer: `from` looks at the questions of one flow, `to` is an option of a
/// question of another.
pub(super) fn carries(
    ctx: &Ctx<'_>,
    conds: &Conditions<'_>,
    questions: &[Question],
) -> Result<Vec<Carry>, Error> {
    let mut carries = Vec::new();
    for (at, c) in ctx.items(|d| &d.carry) {
        let place = |m: String| ctx.err(at, format!("carry `{}` → `{}`: {m}", c.from, c.to));
        let from = conds.parse(&c.from, &|_| None).map_err(|e| place(format!("from: {e}")))?;
        let refs = from.refs();
        let flows: Vec<FlowIx> =
            (0..questions.len()).filter(|&q| refs & (1 << q) != 0).map(|q| conds.q_flow[q]).collect();
        let from_flow = match flows.as_slice() {
            [f, rest @ ..] if rest.iter().all(|x| x == f) => *f,
            _ => return Err(place("`from` must look at the questions of one flow".into())),
        };
        let (q, o) = c.to.split_once('=').map(|(q, o)| (q.trim(), o.trim())).unwrap_or(("", ""));
        let to = questions
            .iter()
            .position(|x| x.id == q)
            .ok_or_else(|| place(format!("`to`: unknown question `{q}`")))?;
        let option = questions[to]
            .option(o)
            .ok_or_else(|| place(format!("`to`: question `{q}` has no option `{o}`")))?;
        if conds.q_flow[to] == from_flow {
            return Err(place("`to` must be a question of another flow".into()));
        }
        carries.push(Carry { from_flow, from, to, option });
    }
    Ok(carries)
}
