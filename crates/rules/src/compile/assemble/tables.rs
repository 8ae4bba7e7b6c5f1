//! The rulebook put together: the tables the sections built, the text keys, the packs the
//! texts travel in, each language's texts cut into them; then the paths each flow has and the
//! advice each path gives, counted against their limits.

use super::languages::Languages;
use super::texts::Texts;
use super::{Ctx, Items, Out, SOURCE_LANG};
use crate::compile::{leak_slice, leak_str, limits, packs, Error};
use crate::*;

/// The tables the sections built.
pub(super) struct Parts {
    pub version: u32,
    pub gathered: &'static str,
    pub sources: Vec<Source>,
    pub faqs: Vec<Faq>,
    pub flows: Vec<Flow>,
    pub questions: Vec<Question>,
    pub rules: Vec<Rule>,
    pub recommendations: Vec<Recommendation>,
    pub dimensions: Vec<Dimension>,
    pub defines: Vec<Define>,
    pub carries: Vec<Carry>,
    pub domain_notes: Vec<DomainNote>,
    pub second_level_suffixes: Vec<&'static str>,
}

/// The rulebook of `parts` in `langs`, within the limits on paths and advice.
pub(super) fn rulebook(
    ctx: &Ctx<'_>,
    items: &Items<'_>,
    parts: Parts,
    langs: Languages,
    texts: &Texts,
) -> Result<Out, Error> {
    let Languages { languages, missing, stale, untracked, app_keys, app_texts } = langs;
    let text_keys = leak_slice(
        texts
            .list
            .iter()
            .map(|(k, _)| leak_str(k.clone()))
            .chain(app_keys.iter().map(|k| leak_str(format!("app.{k}"))))
            .collect(),
    );
    let mut book = Box::new(Rulebook {
        domain_notes: leak_slice(parts.domain_notes),
        second_level_suffixes: leak_slice(parts.second_level_suffixes),
        version: parts.version,
        gathered: parts.gathered,
        sources: leak_slice(parts.sources),
        faqs: leak_slice(parts.faqs),
        flows: leak_slice(parts.flows),
        questions: leak_slice(parts.questions),
        rules: leak_slice(parts.rules),
        recommendations: leak_slice(parts.recommendations),
        dimensions: leak_slice(parts.dimensions),
        defines: leak_slice(parts.defines),
        carries: leak_slice(parts.carries),
        languages: &[],
        packs: &[],
        app_texts,
        text_keys,
    });
    // The packs, derived from the tables; then each language's texts cut into them.
    let packs = leak_slice(packs::packs(&book, app_texts, text_keys));
    book.languages = leak_slice(
        languages
            .into_iter()
            .map(|whole| {
                let source = whole.code == SOURCE_LANG;
                packs::language(whole, packs, source)
            })
            .collect(),
    );
    book.packs = packs;
    let book: &'static Rulebook = Box::leak(book);
    paths_within_limits(ctx, items, book)?;
    Ok(Out { book, missing, stale, untracked, app_keys })
}

/// Every flow's paths, and each path's advice, within `MAX_PATHS` and `MAX_ADVICE`.
fn paths_within_limits(ctx: &Ctx<'_>, items: &Items<'_>, book: &Rulebook) -> Result<(), Error> {
    match limits::paths_per_flow(book) {
        Ok(_) => Ok(()),
        Err(limits::Beyond::Paths(fl)) => {
            let (at, f) = &items.flows[fl];
            Err(ctx.err(
                *at,
                format!(
                    "flow `{}`: the flows have more than {MAX_PATHS} complete paths together, counting up to this one (the limit: `check`, `diff` and `paths` evaluate every path); ask fewer questions, or ask some only where an earlier answer makes them relevant (`ask_if`)",
                    f.id
                ),
            ))
        }
        Err(limits::Beyond::Advice(fl, path)) => {
            let (at, f) = &items.flows[fl];
            Err(ctx.err(
                *at,
                format!(
                    "flow `{}`: the path {path} gives more than {MAX_ADVICE} recommendations (the limit)",
                    f.id
                ),
            ))
        }
    }
}
