//! Sources (`[[source]]`: the FAQ and the current-practice pages), when current practice was
//! gathered, and the FAQ's entries (`[[faq]]`).

use super::texts::Texts;
use super::{raw, At, Ctx, Items};
use crate::compile::{leak_slice, leak_str, Error};
use crate::*;

/// The sources, and which one is the FAQ.
pub(super) struct Sources {
    pub list: Vec<Source>,
    /// The one source of kind `faq` (what a citation of an FAQ entry cites).
    pub faq_source: SourceIx,
}

/// Every source, checked: its kind, quality, dates, addresses and language.
pub(super) fn sources(ctx: &Ctx<'_>, items: &Items<'_>, texts: &mut Texts) -> Result<Sources, Error> {
    let sources =
        items.sources.iter().map(|(at, s)| source(ctx, *at, s, texts)).collect::<Result<Vec<_>, _>>()?;
    let faq_source = match sources.iter().filter(|s| s.kind == SourceKind::Faq).count() {
        1 => sources.iter().position(|s| s.kind == SourceKind::Faq).unwrap(),
        n => {
            return Err(ctx.err(
                ctx.root_at(),
                format!("the rulebook needs exactly one source of kind \"faq\", not {n}"),
            ))
        }
    };
    Ok(Sources { list: sources, faq_source })
}

/// One source, checked.
fn source(ctx: &Ctx<'_>, at: At, s: &raw::Source, texts: &mut Texts) -> Result<Source, Error> {
    let bad = |what: String| ctx.err(at, format!("source `{}`: {what}", s.id));
    let kind = match s.kind.as_str() {
        "faq" => SourceKind::Faq,
        "external" => SourceKind::External,
        k => return Err(bad(format!("kind `{k}` is not one of faq, external"))),
    };
    let quality = match s.quality.as_str() {
        "A" => Quality::A,
        "B" => Quality::B,
        q => {
            return Err(bad(format!(
                "quality `{q}` is not A or B (secondary, C and UNCONFIRMED material is never cited)"
            )))
        }
    };
    let page_date = match s.page_date.as_str() {
        "no date shown" => None,
        d if is_date(d, true) => Some(leak_str(d.to_string())),
        d => {
            return Err(bad(format!("page_date `{d}` is neither YYYY-MM-DD, YYYY-MM nor \"no date shown\"")))
        }
    };
    if !is_date(&s.read, false) {
        return Err(bad(format!("read `{}` is not YYYY-MM", s.read)));
    }
    if kind == SourceKind::External && !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
        return Err(bad(format!("url `{}` is not an http(s) address", s.url)));
    }
    for (field, value) in
        [("ref", &s.reference), ("publisher", &s.publisher), ("title", &s.title), ("lang", &s.lang)]
    {
        if value.trim().is_empty() {
            return Err(bad(format!("`{field}` is empty")));
        }
    }
    if !is_tag(&s.lang) {
        return Err(bad(format!("lang `{}` is not a language tag such as en or zh-CN", s.lang)));
    }
    let mut versions = Vec::new();
    for v in &s.versions {
        if !is_tag(&v.lang) || same_language(&v.lang, &s.lang) {
            return Err(bad(format!(
                "a version's lang `{}` must be a language tag other than the page's own ({})",
                v.lang, s.lang
            )));
        }
        if !(v.url.starts_with("https://") || v.url.starts_with("http://")) {
            return Err(bad(format!("the {} version's url `{}` is not an http(s) address", v.lang, v.url)));
        }
        versions.push(Version { lang: leak_str(v.lang.clone()), url: leak_str(v.url.clone()) });
    }
    let publisher = texts.shared(publisher_key(&s.publisher), &s.publisher).map_err(&bad)?;
    let title = texts.add(format!("source.{}.title", s.id), &s.title).map_err(&bad)?;
    Ok(Source {
        id: leak_str(s.id.clone()),
        kind,
        reference: leak_str(s.reference.clone()),
        publisher,
        title,
        url: leak_str(s.url.clone()),
        versions: leak_slice(versions),
        page_date,
        read: leak_str(s.read.clone()),
        lang: leak_str(s.lang.clone()),
        quality,
    })
}

/// When the current-practice facts were gathered (`gathered`, required once a source is
/// external).
pub(super) fn gathered(ctx: &Ctx<'_>, sources: &Sources) -> Result<&'static str, Error> {
    match &ctx.files[0].doc.gathered {
        Some(g) if is_date(g.get_ref(), false) => Ok(leak_str(g.get_ref().clone())),
        Some(g) => Err(ctx.err(
            At { file: 0, offset: g.span().start },
            format!("gathered `{}` is not YYYY-MM", g.get_ref()),
        )),
        None if sources.list.iter().any(|s| s.kind == SourceKind::External) => Err(ctx.err(
            ctx.root_at(),
            "the root file must say when the current-practice facts were `gathered`".into(),
        )),
        None => Ok(""),
    }
}

/// The FAQ's entries, each in a flow.
pub(super) fn faqs(ctx: &Ctx<'_>, items: &Items<'_>, texts: &mut Texts) -> Result<Vec<Faq>, Error> {
    let mut faqs = Vec::new();
    for (at, f) in &items.faqs {
        let place = |m: String| ctx.err(*at, format!("faq `{}`: {m}", f.id));
        let flow = items.flow_ix(&f.flow).ok_or_else(|| place(format!("unknown flow `{}`", f.flow)))?;
        let title = texts
            .add(format!("faq.{}.title", f.id), f.title.as_deref().unwrap_or(&f.question))
            .map_err(place)?;
        let answer = texts.add(format!("faq.{}.answer", f.id), &f.answer).map_err(place)?;
        faqs.push(Faq {
            id: leak_str(f.id.clone()),
            section: leak_str(f.section.clone()),
            question: leak_str(f.question.clone()),
            title,
            answer,
            flow,
        });
    }
    Ok(faqs)
}

/// A publisher's key: `publisher.<its English name in kebab-case>`.
fn publisher_key(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    format!("publisher.{}", slug.trim_end_matches('-'))
}

/// A language tag as the rulebook writes them: letters and digits in parts joined by hyphens.
fn is_tag(s: &str) -> bool {
    !s.is_empty() && s.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `YYYY-MM`, or with `day_ok` also `YYYY-MM-DD`.
fn is_date(s: &str, day_ok: bool) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => day_ok && digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}
