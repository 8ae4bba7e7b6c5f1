//! Ids: kebab-case and unique across every kind (sources, flows, questions, FAQ entries,
//! rules, recommendations, domain notes, named conditions and fact dimensions).

use super::{raw, At, Ctx, Items};
use crate::compile::{is_kebab, Error};
use std::collections::{BTreeMap, HashMap};

/// The named conditions (`[define]`), by name, with their places.
pub(super) type Defines<'f> = BTreeMap<&'f str, (&'f raw::Define, At)>;

/// The fact dimensions (`[facts]`) as written: place, name, values.
pub(super) type DimsRaw<'f> = Vec<(At, &'f str, &'f Vec<String>)>;

/// Every id claimed so far, with its kind and place.
#[derive(Default)]
pub(super) struct Ids {
    ids: HashMap<String, (&'static str, At)>,
}

impl Ids {
    /// Claims `id` for an item of `kind` written at `at`: an error if it is not kebab-case or
    /// another item has it.
    fn claim(&mut self, ctx: &Ctx<'_>, kind: &'static str, id: &str, at: At) -> Result<(), Error> {
        if !is_kebab(id) {
            return Err(ctx.err(at, format!("{kind} id `{id}` is not kebab-case")));
        }
        if let Some((other, first)) = self.ids.get(id) {
            let f = &ctx.files[first.file];
            return Err(ctx.err(
                at,
                format!(
                    "{kind} id `{id}` is already used by the {other} at {}:{}",
                    f.name,
                    f.line(first.offset)
                ),
            ));
        }
        self.ids.insert(id.to_string(), (kind, at));
        Ok(())
    }

    /// Claims the id of every item, kind by kind.
    pub fn claim_items(&mut self, ctx: &Ctx<'_>, items: &Items<'_>) -> Result<(), Error> {
        for (at, s) in &items.sources {
            self.claim(ctx, "source", &s.id, *at)?;
        }
        for (at, f) in &items.flows {
            self.claim(ctx, "flow", &f.id, *at)?;
        }
        for (at, q) in &items.questions {
            self.claim(ctx, "question", &q.id, *at)?;
        }
        for (at, f) in &items.faqs {
            self.claim(ctx, "faq", &f.id, *at)?;
        }
        for (at, r) in &items.rules {
            self.claim(ctx, "rule", &r.id, *at)?;
        }
        for (at, r) in &items.recs {
            self.claim(ctx, "recommendation", &r.id, *at)?;
        }
        for (at, d) in &items.domain_notes {
            self.claim(ctx, "domain note", &d.id, *at)?;
        }
        Ok(())
    }

    /// Claims the names of the named conditions and the fact dimensions, file by file, and
    /// collects them (a named condition must say what it `means`).
    pub fn defines_and_dimensions<'f>(&mut self, ctx: &Ctx<'f>) -> Result<(Defines<'f>, DimsRaw<'f>), Error> {
        let mut defines: Defines<'f> = BTreeMap::new();
        let mut dims_raw: DimsRaw<'f> = Vec::new();
        for (fi, f) in ctx.files.iter().enumerate() {
            for (name, src) in &f.doc.define {
                let at = At { file: fi, offset: src.span().start };
                self.claim(ctx, "define", name, at)?;
                defines.insert(name, (src.get_ref(), at));
                if src.get_ref().means.trim().is_empty() {
                    return Err(ctx.err(at, format!("define `{name}`: `means` is empty")));
                }
            }
            for (name, values) in &f.doc.facts {
                let at = At { file: fi, offset: values.span().start };
                self.claim(ctx, "fact dimension", name, at)?;
                dims_raw.push((at, name, values.get_ref()));
            }
        }
        Ok((defines, dims_raw))
    }
}
