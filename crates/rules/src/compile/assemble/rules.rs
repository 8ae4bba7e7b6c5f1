//! Rules (`[[rule]]`): in a flow, when a condition holds, they give recommendations.

use super::conditions::Conditions;
use super::{Ctx, Items};
use crate::compile::{leak_slice, leak_str, Error};
use crate::*;

/// Every rule, and for every recommendation the flows whose rules give it.
pub(super) fn rules(
    ctx: &Ctx<'_>,
    items: &Items<'_>,
    conds: &Conditions<'_>,
) -> Result<(Vec<Rule>, Vec<Vec<FlowIx>>), Error> {
    let mut rec_flows: Vec<Vec<FlowIx>> = vec![Vec::new(); items.recs.len()];
    let mut rules = Vec::new();
    for (at, r) in &items.rules {
        let place = |m: String| ctx.err(*at, format!("rule `{}`: {m}", r.id));
        let fl = items.flow_ix(&r.flow).ok_or_else(|| place(format!("unknown flow `{}`", r.flow)))?;
        let in_flow = |x: QIx| (conds.q_flow[x] != fl).then_some("belongs to another flow");
        let when = conds.parse(&r.when, &in_flow).map_err(|e| place(format!("when: {e}")))?;
        if r.then.is_empty() {
            return Err(place("recommends nothing".into()));
        }
        let mut then = Vec::new();
        for id in &r.then {
            let ri = items.rec_ix(id).ok_or_else(|| place(format!("unknown recommendation `{id}`")))?;
            if then.contains(&ri) {
                return Err(place(format!("recommends `{id}` twice")));
            }
            then.push(ri);
            if !rec_flows[ri].contains(&fl) {
                rec_flows[ri].push(fl);
            }
        }
        rules.push(Rule { id: leak_str(r.id.clone()), flow: fl, when, then: leak_slice(then) });
    }
    Ok((rules, rec_flows))
}
