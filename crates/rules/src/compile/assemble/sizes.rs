//! The size limits (`crates/rules/src/lib.rs`) checked before the work they bound: rules,
//! recommendations, parts, facts, citations, links, entries, named conditions.

use super::raw::{self, Body, Part as RawPart};
use super::{At, Ctx, Items};
use crate::compile::Error;
use crate::*;

/// Refuses a rulebook over any of the limits, naming the item that goes over.
pub(super) fn check(ctx: &Ctx<'_>, items: &Items<'_>) -> Result<(), Error> {
    let limit = |what: &str, max: usize, items: &mut dyn Iterator<Item = (At, usize)>| -> Result<(), Error> {
        let mut total = 0;
        for (at, n) in items {
            total += n;
            if total > max {
                return Err(ctx.err(
                    at,
                    format!("the rulebook has more than {max} {what}, counting up to this one (the limit)"),
                ));
            }
        }
        Ok(())
    };
    let parts = |b: &Body| match b {
        Body::One(_) => 1,
        Body::Parts(p) => p.len(),
    };
    let recs = &items.recs;
    limit(
        "rules (a rule counts once for each recommendation it gives)",
        MAX_RULES,
        &mut items.rules.iter().map(|(at, r)| (*at, r.then.len().max(1))),
    )?;
    limit("recommendations", MAX_RECOMMENDATIONS, &mut recs.iter().map(|(at, _)| (*at, 1)))?;
    limit(
        "paragraphs, steps and verdict lines",
        MAX_PARTS,
        &mut recs
            .iter()
            .map(|(at, r)| (*at, parts(&r.body) + r.steps.len() + r.answer.as_ref().map_or(0, parts))),
    )?;
    limit(
        "facts stated (`asserts`)",
        MAX_FACTS,
        &mut recs.iter().map(|(at, r)| {
            (*at, r.asserts.len() + full_parts(r).iter().map(|f| f.asserts.len()).sum::<usize>())
        }),
    )?;
    limit(
        "citations",
        MAX_CITATIONS,
        &mut recs
            .iter()
            .map(|(at, r)| (*at, r.cite.len() + full_parts(r).iter().map(|f| f.cite.len()).sum::<usize>())),
    )?;
    limit(
        "`excludes` and `qualifies` entries",
        MAX_LINKS,
        &mut recs.iter().map(|(at, r)| (*at, r.excludes.len() + r.qualifies.len())),
    )?;
    limit("FAQ entries", MAX_ENTRIES, &mut items.faqs.iter().map(|(at, _)| (*at, 1)))?;
    limit("sources", MAX_ENTRIES, &mut items.sources.iter().map(|(at, _)| (*at, 1)))?;
    limit(
        "named conditions (`[define]`)",
        MAX_ENTRIES,
        &mut ctx.files.iter().enumerate().flat_map(|(fi, f)| {
            f.doc.define.values().map(move |d| (At { file: fi, offset: d.span().start }, 1))
        }),
    )
}

/// The parts of a recommendation written in full (with a condition, citations or facts).
fn full_parts(r: &raw::Rec) -> Vec<&raw::FullPart> {
    let body: &[RawPart] = match &r.body {
        Body::One(_) => &[],
        Body::Parts(p) => p,
    };
    body.iter()
        .chain(&r.steps)
        .filter_map(|p| match p {
            RawPart::Full(f) => Some(f),
            RawPart::Text(_) => None,
        })
        .collect()
}
