//! Citations: what a recommendation, a question's practice note or a domain note cites — an
//! FAQ entry, word for word, or an external source, quoted or summarised — and the rendering
//! of the cited words that translations are made from.

use super::texts::Texts;
use super::{raw, Items, SOURCE_LANG};
use crate::compile::{leak_slice, leak_str};
use crate::*;

/// What a citation may cite.
pub(super) struct Citer<'a> {
    pub sources: &'a [Source],
    /// The one source of kind `faq`.
    pub faq_source: SourceIx,
    pub items: &'a Items<'a>,
}

impl Citer<'_> {
    fn faq_ix(&self, id: &str) -> Option<FaqIx> {
        self.items.faqs.iter().position(|(_, f)| f.id == id)
    }

    /// The citations of `list`, their words' renderings added to `texts`.
    pub fn cites(&self, list: &[raw::Cite], texts: &mut Texts) -> Result<&'static [Citation], String> {
        Ok(leak_slice(list.iter().map(|c| self.cite(c, texts)).collect::<Result<Vec<_>, _>>()?))
    }

    /// One citation: exactly one of `quote` and `summary`, of an FAQ entry or a source.
    fn cite(&self, c: &raw::Cite, texts: &mut Texts) -> Result<Citation, String> {
        let (text, summary) = match (&c.quote, &c.summary) {
            (Some(q), None) => (q, false),
            (None, Some(s)) => (s, true),
            _ => return Err("a citation needs exactly one of `quote` and `summary`".into()),
        };
        if text.trim().is_empty() {
            return Err("a citation's words are empty".into());
        }
        let (source, faq) = self.cited(c, summary)?;
        // The words' language: a quote is in its page's language, a summary in the
        // rulebook's (current-practice.md's), unless the citation says otherwise.
        let page_lang = self.sources[source].lang;
        let page_language = match c.lang.as_deref() {
            Some(l) if l == page_lang => true,
            Some(SOURCE_LANG) => false,
            Some(l) => {
                return Err(format!(
                    "lang `{l}`: cited words are in their page's language ({page_lang}) or in {SOURCE_LANG}"
                ))
            }
            None => !summary,
        };
        let lang = if page_language { page_lang.to_string() } else { SOURCE_LANG.to_string() };
        let original = match (&c.rendering, same_language(&lang, SOURCE_LANG)) {
            (None, true) => text.clone(),
            (Some(r), false) if !r.trim().is_empty() => r.clone(),
            (Some(_), true) => {
                return Err(format!(
                    "the words {text:?} are in {SOURCE_LANG}: they need no `rendering` (translations render them)"
                ))
            }
            // No rendering yet: reported like a missing translation (so that a rulebook
            // written before renderings still compiles, e.g. for `icp-advisor diff`).
            (_, false) => String::new(),
        };
        let key = format!("cite.{}.{}", self.sources[source].id, &crate::content_hash(text.as_bytes())[..8]);
        let rendering = texts.rendering(key, &lang, &original)?;
        Ok(Citation { source, faq, text: leak_str(text.clone()), summary, page_language, rendering })
    }

    /// What a citation cites: the FAQ (by an entry, quoted only) or an external source.
    fn cited(&self, c: &raw::Cite, summary: bool) -> Result<(SourceIx, Option<FaqIx>), String> {
        match (&c.faq, &c.source) {
            (Some(f), None) => {
                let fi = self.faq_ix(f).ok_or_else(|| format!("cites an unknown faq `{f}`"))?;
                if summary {
                    return Err(format!(
                        "cites faq `{f}` with a summary: the FAQ is always quoted word for word"
                    ));
                }
                Ok((self.faq_source, Some(fi)))
            }
            (None, Some(s)) => {
                let si = self
                    .sources
                    .iter()
                    .position(|x| x.id == s)
                    .ok_or_else(|| format!("cites an unknown source `{s}`"))?;
                if self.sources[si].kind == SourceKind::Faq {
                    return Err(format!(
                        "cites source `{s}` directly: cite the FAQ by its entry (`faq = \"…\"`)"
                    ));
                }
                Ok((si, None))
            }
            _ => Err("a citation needs exactly one of `faq` and `source`".into()),
        }
    }

    /// The citations of a current-practice note (a question's, a domain note): external
    /// sources only, at least one of quality A.
    pub fn practice_cites(
        &self,
        list: &[raw::Cite],
        texts: &mut Texts,
    ) -> Result<&'static [Citation], String> {
        let cited = self.cites(list, texts)?;
        if cited.is_empty() || cited.iter().any(|c| self.sources[c.source].kind != SourceKind::External) {
            return Err("cites the current-practice sources it rests on (not the FAQ)".into());
        }
        if !cited.iter().any(|c| self.sources[c.source].quality == Quality::A) {
            return Err("rests on no quality-A source (a B source may only support an A source)".into());
        }
        Ok(cited)
    }
}
