//! The glossary (`rules/glossary.toml`): the words Chinese filers and providers use for the
//! things the advice speaks of, each with the English it stands for, and the phrases a
//! translation must never use. The app's checks (`icp-advisor check`, `tests/i18n.rs`) hold
//! every translation to it: a term appears only where the English says one of the things it
//! stands for, and (unless the term says `only = "translation"`) the English never says one of
//! them without the translation using the term.

use super::Error;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The glossary, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Glossary {
    pub terms: Vec<Term>,
    pub avoid: Vec<Avoid>,
}

/// One thing, named in each language.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// What it is, for translators.
    pub means: String,
    /// Per language code: its names (for the source language, lower-case phrases the English
    /// may say it with; for a translation, the terms, any of which names it).
    pub names: BTreeMap<String, Vec<String>>,
    /// Whether the English saying it requires the translation to use the term too (else only
    /// the other way: the term may appear only where the English says it).
    pub both_ways: bool,
}

/// Phrases a translation never uses, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Avoid {
    pub lang: String,
    pub phrases: Vec<String>,
    pub why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    #[serde(default)]
    term: Vec<RawTerm>,
    #[serde(default)]
    avoid: Vec<RawAvoid>,
}

#[derive(Deserialize)]
struct RawTerm {
    means: String,
    /// `"both"` (the default) or `"translation"`.
    #[serde(default)]
    only: Option<String>,
    #[serde(flatten)]
    names: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAvoid {
    lang: String,
    phrases: Vec<String>,
    why: String,
}

/// Reads a glossary from its text (`file` names it in errors).
pub fn parse(text: &str, file: &str) -> Result<Glossary, Error> {
    let err = |line: usize, message: String| Error { file: file.to_string(), line, message };
    let doc: Doc = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1);
        err(line, e.message().trim().to_string())
    })?;
    let mut terms = Vec::new();
    for t in doc.term {
        let both_ways = match t.only.as_deref() {
            None | Some("both") => true,
            Some("translation") => false,
            Some(o) => {
                return Err(err(
                    1,
                    format!("term `{}`: only = \"{o}\" is not \"both\" or \"translation\"", t.means),
                ))
            }
        };
        if t.names.len() < 2
            || t.names.values().any(|v| v.is_empty() || v.iter().any(|n| n.trim().is_empty()))
        {
            return Err(err(
                1,
                format!("term `{}` needs names in at least two languages, none empty", t.means),
            ));
        }
        let names = t
            .names
            .into_iter()
            .map(|(lang, v)| {
                // The source language's phrases are matched without regard to case.
                let v = if lang == super::assemble::SOURCE_LANG {
                    v.iter().map(|n| n.to_lowercase()).collect()
                } else {
                    v
                };
                (lang, v)
            })
            .collect();
        terms.push(Term { means: t.means, names, both_ways });
    }
    let avoid =
        doc.avoid.into_iter().map(|a| Avoid { lang: a.lang, phrases: a.phrases, why: a.why }).collect();
    Ok(Glossary { terms, avoid })
}
