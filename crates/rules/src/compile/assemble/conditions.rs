//! Conditions: what a condition may name (the questions and their options, the named
//! conditions), the count of their size against `MAX_CONDITIONS_SIZE`, and the named
//! conditions (`[define]`) themselves.

use super::ids::Defines;
use super::texts::Texts;
use super::{Ctx, Items};
use crate::compile::cond::{self, Scope};
use crate::compile::{leak_str, Error};
use crate::*;
use std::cell::Cell;

/// What parsing the rulebook's conditions needs, and how large they are together so far.
pub(super) struct Conditions<'f> {
    /// Every question's id and its options' ids, in rulebook order.
    q_scope: Vec<(&'f str, Vec<&'f str>)>,
    /// Every question's flow.
    pub q_flow: Vec<FlowIx>,
    defines: &'f Defines<'f>,
    /// Every condition kept in the tables counts towards MAX_CONDITIONS_SIZE: every path
    /// evaluates them.
    size: Cell<usize>,
}

impl<'f> Conditions<'f> {
    /// The questions' ids, options and flows (the rulebook has a flow, every question is in
    /// one, and there are at most `MAX_QUESTIONS`).
    pub fn new(ctx: &Ctx<'_>, items: &Items<'f>, defines: &'f Defines<'f>) -> Result<Conditions<'f>, Error> {
        if items.flows.is_empty() {
            return Err(ctx.err(ctx.root_at(), "the rulebook has no [[flow]]".into()));
        }
        if let Some((at, q)) = items.questions.get(MAX_QUESTIONS) {
            return Err(ctx.err(
                *at,
                format!("question `{}`: a rulebook has at most {MAX_QUESTIONS} questions (the limit)", q.id),
            ));
        }
        let q_scope: Vec<(&str, Vec<&str>)> = items
            .questions
            .iter()
            .map(|(_, q)| (q.id.as_str(), q.options.iter().map(|o| o.id.as_str()).collect()))
            .collect();
        let mut q_flow = Vec::new();
        for (at, q) in &items.questions {
            let Some(fl) = items.flow_ix(&q.flow) else {
                return Err(ctx.err(*at, format!("question `{}`: unknown flow `{}`", q.id, q.flow)));
            };
            q_flow.push(fl);
        }
        Ok(Conditions { q_scope, q_flow, defines, size: Cell::new(0) })
    }

    /// Parses a condition that may name the questions `allowed` lets it, without counting it.
    fn parse_only(&self, src: &str, allowed: &dyn Fn(QIx) -> Option<&'static str>) -> Result<Cond, String> {
        let define_src = |name: &str| {
            self.defines.iter().position(|(k, _)| *k == name).map(|i| (i, self.defines[name].0.when.as_str()))
        };
        cond::parse(src, &Scope { questions: &self.q_scope, defines: &define_src, allowed })
    }

    /// Parses a condition the tables keep, counting its size towards `MAX_CONDITIONS_SIZE`.
    pub fn parse(&self, src: &str, allowed: &dyn Fn(QIx) -> Option<&'static str>) -> Result<Cond, String> {
        let c = self.parse_only(src, allowed)?;
        self.size.set(self.size.get() + c.size());
        if self.size.get() > MAX_CONDITIONS_SIZE {
            return Err(format!(
                "the rulebook's conditions have more than {MAX_CONDITIONS_SIZE} parts together, counting up to this one, their named conditions written out (the limit: every path evaluates them)"
            ));
        }
        Ok(c)
    }

    /// The named conditions, with what each means. Every one must parse on its own (against
    /// all questions), so a typo is reported where it is written even if nothing uses it.
    pub fn defines(&self, ctx: &Ctx<'_>, texts: &mut Texts) -> Result<Vec<Define>, Error> {
        let mut define_list = Vec::new();
        for (name, (d, at)) in self.defines {
            self.parse_only(&d.when, &|_| None).map_err(|e| ctx.err(*at, format!("define `{name}`: {e}")))?;
            let means = texts.add(format!("define.{name}.means"), &d.means).map_err(|e| ctx.err(*at, e))?;
            define_list.push(Define { id: leak_str(name.to_string()), means });
        }
        Ok(define_list)
    }
}
