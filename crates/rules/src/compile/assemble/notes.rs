//! Current practice beside the advice: what it adds to a question's help (`practice`), and
//! what the sources say of domain names (`[[domain_note]]`, the offline domain check).

use super::cites::Citer;
use super::texts::Texts;
use super::{Ctx, Items};
use crate::compile::Error;
use crate::compile::{leak_slice, leak_str, File};
use crate::*;

/// Adds to each question the current practice its help shows: its own words, cited like a
/// note.
pub(super) fn question_practice(
    ctx: &Ctx<'_>,
    items: &Items<'_>,
    citer: &Citer<'_>,
    questions: &mut [Question],
    texts: &mut Texts,
) -> Result<(), Error> {
    for (qi, (at, q)) in items.questions.iter().enumerate() {
        let Some(p) = &q.practice else { continue };
        let place = |m: String| ctx.err(*at, format!("question `{}`: practice: {m}", q.id));
        if p.when.is_some() || !p.asserts.is_empty() {
            return Err(place(
                "is always shown with the help and states no facts: no `when`, no `asserts`".into(),
            ));
        }
        let text = texts.add(format!("question.{}.practice", q.id), &p.text).map_err(&place)?;
        let cited = citer.practice_cites(&p.cite, texts).map_err(&place)?;
        questions[qi].practice = Some(Box::leak(Box::new(Part {
            when: Cond::Always,
            text,
            cites: cited,
            asserts: &[],
            takes: None,
        })));
    }
    Ok(())
}

/// Every domain note: its provinces are options of the question `file-in`, its suffixes
/// written in lower case without the dot.
pub(super) fn domain_notes(
    ctx: &Ctx<'_>,
    items: &Items<'_>,
    citer: &Citer<'_>,
    texts: &mut Texts,
) -> Result<Vec<DomainNote>, Error> {
    let provinces: Vec<&str> = items
        .questions
        .iter()
        .find(|(_, q)| q.id == "file-in")
        .map(|(_, q)| q.options.iter().map(|o| o.id.as_str()).collect())
        .unwrap_or_default();
    let mut domain_notes = Vec::new();
    for (at, d) in &items.domain_notes {
        let place = |m: String| ctx.err(*at, format!("domain note `{}`: {m}", d.id));
        for p in d.provinces.iter().chain(&d.not_provinces) {
            if !provinces.contains(&p.as_str()) {
                return Err(place(format!("`{p}` is not a province (an option of the question `file-in`)")));
            }
        }
        for s in &d.suffixes {
            if s.is_empty()
                || s.starts_with('.')
                || s.chars().any(|c| c.is_ascii_uppercase() || c.is_whitespace())
            {
                return Err(place(format!(
                    "suffix `{s}`: write it in lower case without the dot (`io`, `com.cn`)"
                )));
            }
        }
        let text = texts.add(format!("domain.{}.text", d.id), &d.text).map_err(&place)?;
        let cited = citer.practice_cites(&d.cite, texts).map_err(&place)?;
        let strs = |v: &[String]| leak_slice(v.iter().map(|s| leak_str(s.clone())).collect());
        domain_notes.push(DomainNote {
            id: leak_str(d.id.clone()),
            suffixes: strs(&d.suffixes),
            provinces: strs(&d.provinces),
            not_provinces: strs(&d.not_provinces),
            under: d.under,
            problem: d.problem,
            text,
            cites: cited,
        });
    }
    Ok(domain_notes)
}

/// The suffixes under which names are registered at the second level (`[domains]`), in lower
/// case.
pub(super) fn second_level_suffixes(files: &[File]) -> Vec<&'static str> {
    files
        .iter()
        .filter_map(|f| f.doc.domains.as_ref())
        .flat_map(|d| d.get_ref().second_level.iter().map(|s| leak_str(s.to_ascii_lowercase())))
        .collect()
}
