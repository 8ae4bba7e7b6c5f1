//! Questions (`[[question]]`, asked in the order written) and the flows that ask them.

use super::conditions::Conditions;
use super::texts::Texts;
use super::{raw, At, Ctx, Items};
use crate::compile::{is_kebab, leak_slice, leak_str, Error};
use crate::*;

/// Every question (without its current-practice note, added by `notes`), and every flow with
/// its questions.
pub(super) fn questions_and_flows(
    ctx: &Ctx<'_>,
    items: &Items<'_>,
    conds: &Conditions<'_>,
    texts: &mut Texts,
) -> Result<(Vec<Question>, Vec<Flow>), Error> {
    let mut questions = Vec::new();
    let mut flow_questions: Vec<Vec<QIx>> = vec![Vec::new(); items.flows.len()];
    for (qi, (at, q)) in items.questions.iter().enumerate() {
        let fl = conds.q_flow[qi];
        let question = question(ctx, *at, q, fl, &flow_questions[fl], conds, texts)?;
        flow_questions[fl].push(qi);
        questions.push(question);
    }
    let mut flows = Vec::new();
    for (fi, (at, f)) in items.flows.iter().enumerate() {
        let place = |m: String| ctx.err(*at, format!("flow `{}`: {m}", f.id));
        if flow_questions[fi].is_empty() {
            return Err(place("has no questions".into()));
        }
        let title = texts.add(format!("flow.{}.title", f.id), &f.title).map_err(place)?;
        let summary = texts.add(format!("flow.{}.summary", f.id), &f.summary).map_err(place)?;
        flows.push(Flow {
            id: leak_str(f.id.clone()),
            title,
            summary,
            verdict_required: f.verdict_required,
            questions: leak_slice(std::mem::take(&mut flow_questions[fi])),
        });
    }
    Ok((questions, flows))
}

/// A question of the flow `fl`, asked after `earlier` (its `ask_if` may name only those).
fn question(
    ctx: &Ctx<'_>,
    at: At,
    q: &raw::Question,
    fl: FlowIx,
    earlier: &[QIx],
    conds: &Conditions<'_>,
    texts: &mut Texts,
) -> Result<Question, Error> {
    let place = |m: String| ctx.err(at, format!("question `{}`: {m}", q.id));
    if q.options.len() < 2 || q.options.len() > MAX_OPTIONS {
        return Err(place(format!("needs 2 to {MAX_OPTIONS} options")));
    }
    for (i, o) in q.options.iter().enumerate() {
        if !is_kebab(&o.id) || q.options[..i].iter().any(|p| p.id == o.id) {
            return Err(place(format!("option id `{}` is not kebab-case or repeats", o.id)));
        }
    }
    let allowed = |x: QIx| -> Option<&'static str> {
        if conds.q_flow[x] != fl {
            Some("belongs to another flow")
        } else if !earlier.contains(&x) {
            Some("is not asked before this question")
        } else {
            None
        }
    };
    let ask_if = match &q.ask_if {
        Some(src) => conds.parse(src, &allowed).map_err(|e| place(format!("ask_if: {e}")))?,
        None => Cond::Always,
    };
    let key = |k: &str| format!("question.{}.{k}", q.id);
    let prompt = texts.add(key("prompt"), &q.prompt).map_err(&place)?;
    let help = texts.add(key("help"), &q.help).map_err(&place)?;
    let options =
        q.options.iter().map(|o| option(q, o, texts)).collect::<Result<Vec<_>, _>>().map_err(&place)?;
    Ok(Question {
        id: leak_str(q.id.clone()),
        flow: fl,
        ask_if,
        prompt,
        help,
        practice: None,
        options: leak_slice(options),
        choice: q.choice,
        full: q.full,
        domain_check: q.domain_check,
    })
}

/// An option of the question `q` (with `instead` exactly when the question is a `choice`).
fn option(q: &raw::Question, o: &raw::Opt, texts: &mut Texts) -> Result<Opt, String> {
    let key = |k: &str| format!("question.{}.{k}", q.id);
    let label = texts.add(key(&format!("options.{}.label", o.id)), &o.label)?;
    let hint = match &o.hint {
        Some(h) => Some(texts.add(key(&format!("options.{}.hint", o.id)), h)?),
        None => None,
    };
    let instead = match (&o.instead, q.choice) {
        (Some(t), true) => Some(texts.add(key(&format!("options.{}.instead", o.id)), t)?),
        (None, true) => {
            return Err(format!(
                "option `{}` needs `instead` (how it reads as another way): the question is a `choice`",
                o.id
            ))
        }
        (Some(_), false) => {
            return Err(format!("option `{}` has `instead`, but the question is not a `choice`", o.id))
        }
        (None, false) => None,
    };
    Ok(Opt { id: leak_str(o.id.clone()), label, hint, instead })
}
