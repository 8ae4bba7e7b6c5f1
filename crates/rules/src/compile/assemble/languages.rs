//! Each language's text table: the rulebook's texts (translated, or the source language's
//! where a translation is missing or stale), then the app's own texts (`[app]`), checked
//! against the source language's.

use super::texts::Texts;
use super::SOURCE_LANG;
use crate::compile::packs::Whole;
use crate::compile::{fingerprint, leak_slice, leak_str, Error, LangFile};
use crate::*;
use std::collections::HashMap;

/// Every language's texts, and what the tools report of them.
pub(super) struct Languages {
    pub languages: Vec<Whole>,
    pub missing: Vec<(String, String)>,
    pub stale: Vec<(String, String)>,
    pub untracked: Vec<String>,
    pub app_keys: Vec<String>,
    /// Where the app's texts start: after the rulebook's.
    pub app_texts: u16,
}

/// Builds each language's text table (without language files: English, from the rulebook's
/// own texts).
pub(super) fn tables(langs: &[LangFile], texts: &Texts, root: &str) -> Result<Languages, Error> {
    let source: Option<&LangFile> = langs.first();
    match source {
        Some(s) if s.doc.language.code == SOURCE_LANG => {}
        Some(other) => {
            return Err(err(
                other,
                1,
                format!("the language folder needs `{SOURCE_LANG}.toml`, the rulebook's own language"),
            ))
        }
        None => {}
    }
    let app_keys: Vec<String> = source.map(|s| s.doc.app.keys().cloned().collect()).unwrap_or_default();
    for k in &app_keys {
        if !k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(err(
                source.unwrap(),
                line_of(source.unwrap(), k),
                format!("[app] key `{k}` must be snake_case"),
            ));
        }
    }
    let mut b = Builder {
        texts,
        keys: texts.list.iter().enumerate().map(|(i, (k, _))| (k.as_str(), i)).collect(),
        source,
        app_keys: &app_keys,
        root,
        missing: Vec::new(),
        stale: Vec::new(),
        untracked: Vec::new(),
    };
    let list: Vec<Option<&LangFile>> =
        if langs.is_empty() { vec![None] } else { langs.iter().map(Some).collect() };
    let mut out = Vec::new();
    for l in list {
        out.push(b.language(l)?);
    }
    let Builder { missing, stale, untracked, .. } = b;
    Ok(Languages { languages: out, missing, stale, untracked, app_keys, app_texts: texts.list.len() as u16 })
}

/// The line of a key in a language file: of the key's last part, as a hint (good enough for
/// an error message); the first line when it is not found.
fn line_of(l: &LangFile, key: &str) -> usize {
    let last = key.rsplit('.').next().unwrap_or(key);
    l.text
        .find(&format!("{last} "))
        .or_else(|| l.text.find(last))
        .map_or(1, |o| l.text[..o].matches('\n').count() + 1)
}

fn err(l: &LangFile, line: usize, message: String) -> Error {
    Error { file: l.file.clone(), line, message }
}

/// What building the tables needs, and what it finds.
struct Builder<'a> {
    texts: &'a Texts,
    /// Text key → index.
    keys: HashMap<&'a str, usize>,
    /// The source language's file (none: English only).
    source: Option<&'a LangFile>,
    app_keys: &'a [String],
    /// The rulebook's root file (named by a problem of the English without a language file).
    root: &'a str,
    missing: Vec<(String, String)>,
    stale: Vec<(String, String)>,
    untracked: Vec<String>,
}

impl Builder<'_> {
    /// The source language's text: every text, but for the renderings of cited words only
    /// those of words in another language (words in the source language need none).
    fn en_value(&self, i: usize) -> String {
        match &self.texts.words[i] {
            Some(l) if same_language(l, SOURCE_LANG) => String::new(),
            _ => self.texts.list[i].1.clone(),
        }
    }

    /// Whether a language needs a text: not the rendering of words already in that language.
    fn needed(&self, i: usize, code: &str) -> bool {
        !matches!(&self.texts.words[i], Some(l) if same_language(l, code))
    }

    /// One language's table (`None`: English without a language file).
    fn language(&mut self, l: Option<&LangFile>) -> Result<Whole, Error> {
        let (code, name, word_spaces) = match l {
            Some(l) => (l.doc.language.code.clone(), l.doc.language.name.clone(), l.doc.language.word_spaces),
            None => (SOURCE_LANG.to_string(), "English".to_string(), true),
        };
        let (date, month) = match l {
            Some(l) => (l.doc.language.date.clone(), l.doc.language.month.clone()),
            None => ("{yyyy}-{mm}-{dd}".to_string(), "{yyyy}-{mm}".to_string()),
        };
        let mut all: Vec<String> = (0..self.texts.list.len())
            .map(|i| if self.needed(i, &code) { self.en_value(i) } else { String::new() })
            .collect();
        if let (Some(l), false) = (l, code == SOURCE_LANG) {
            self.translations(l, &code, &mut all)?;
        } else if let Some(l) = l {
            if !l.doc.rest.is_empty() {
                let k = l.doc.rest.keys().next().unwrap();
                return Err(err(
                    l,
                    line_of(l, k),
                    format!("`{k}`: the source language's file holds only [language] and [app]"),
                ));
            }
        }
        if code == SOURCE_LANG {
            // Words in another language whose English rendering the rulebook does not give yet.
            for (i, (key, original)) in self.texts.list.iter().enumerate() {
                if original.is_empty() && self.needed(i, &code) {
                    self.missing.push((code.clone(), key.clone()));
                }
            }
        }
        self.app_texts(l, &code, &mut all)?;
        let table = self.table(l, &code, all)?;
        date_patterns(l, &date, &month)?;
        Ok(Whole {
            code: leak_str(code),
            name: leak_str(name),
            word_spaces,
            date: leak_str(date),
            month: leak_str(month),
            texts: table,
        })
    }

    /// The translations of a language other than the source one into `all`; the texts it does
    /// not translate are missing, those translated from another English stale.
    fn translations(&mut self, l: &LangFile, code: &str, all: &mut [String]) -> Result<(), Error> {
        if l.lock.is_none() {
            self.untracked.push(code.to_string());
        }
        let mut found = Vec::new();
        leaves(&toml::Value::Table(l.doc.rest.clone()), String::new(), &mut found)
            .map_err(|(key, m)| err(l, line_of(l, &key), m))?;
        let mut have = vec![false; self.texts.list.len()];
        for (k, t) in found {
            let Some(&i) = self.keys.get(k.as_str()) else {
                // A rendering of words no citation has any more (the words changed, so their
                // key did), or a publisher renamed: stale, not an error, so the old
                // rendering can be moved to the new key.
                if k.starts_with("cite.") || k.starts_with("publisher.") {
                    self.stale.push((code.to_string(), k));
                    continue;
                }
                return Err(err(l, line_of(l, &k), format!("`{k}` does not name any text of the rulebook")));
            };
            if !self.needed(i, code) {
                return Err(err(
                    l,
                    line_of(l, &k),
                    format!("`{k}` renders words that are in {code} already: remove it (they are shown as they are)"),
                ));
            }
            if !t.trim().is_empty() {
                have[i] = true;
                if current(Some(l), &k, &self.texts.list[i].1) {
                    all[i] = t;
                } else {
                    self.stale.push((code.to_string(), k));
                }
            }
        }
        for (i, ok) in have.iter().enumerate() {
            if !ok && self.needed(i, code) {
                self.missing.push((code.to_string(), self.texts.list[i].0.clone()));
            }
        }
        Ok(())
    }

    /// The app's texts into `all`: every language has every one of the source language's, with
    /// the same placeholders, and no other.
    fn app_texts(&mut self, l: Option<&LangFile>, code: &str, all: &mut Vec<String>) -> Result<(), Error> {
        for k in self.app_keys {
            let en = &self.source.unwrap().doc.app[k];
            match l.and_then(|l| l.doc.app.get(k)) {
                Some(t) if !t.trim().is_empty() => {
                    if placeholders(t) != placeholders(en) {
                        let l = l.unwrap();
                        return Err(err(
                            l,
                            line_of(l, k),
                            format!(
                                "[app] `{k}` uses the placeholders {:?}, but the source text uses {:?}",
                                placeholders(t),
                                placeholders(en)
                            ),
                        ));
                    }
                    if current(l, &format!("app.{k}"), en) {
                        all.push(t.clone());
                    } else {
                        self.stale.push((code.to_string(), format!("app.{k}")));
                        all.push(en.clone());
                    }
                }
                _ => {
                    let l = l.unwrap();
                    // Named at the [app] table (or the key, if it is there but empty).
                    let line = match l.doc.app.get(k) {
                        Some(_) => line_of(l, k),
                        None => l.text.find("[app]").map_or(1, |o| l.text[..o].matches('\n').count() + 1),
                    };
                    return Err(err(
                        l,
                        line,
                        format!("[app] is missing `{k}` (every language has every app text)"),
                    ));
                }
            }
        }
        if let Some(l) = l {
            if let Some(extra) = l.doc.app.keys().find(|k| !self.app_keys.contains(k)) {
                return Err(err(
                    l,
                    line_of(l, extra),
                    format!("[app] `{extra}` is not an app text of {SOURCE_LANG}.toml"),
                ));
            }
        }
        Ok(())
    }

    /// The texts `all` as one table: within `MAX_TEXT_BYTES`, none holding the separator.
    fn table(&self, l: Option<&LangFile>, code: &str, all: Vec<String>) -> Result<TextTable, Error> {
        let joined: String = all.concat();
        if joined.len() > crate::MAX_TEXT_BYTES {
            let file = l.map_or_else(|| self.root.to_string(), |l| l.file.clone());
            return Err(Error {
                file,
                line: 1,
                message: format!(
                    "the {code} texts are {} bytes, more than the {} a language may hold",
                    joined.len(),
                    crate::MAX_TEXT_BYTES
                ),
            });
        }
        let mut end = 0u32;
        let ends: Vec<u32> = all
            .iter()
            .map(|t| {
                end += t.len() as u32;
                end
            })
            .collect();
        if let Some(i) = all.iter().position(|t| t.contains(crate::TEXTS_SEPARATOR)) {
            // (The rulebook's own texts are checked where they are written, by `Texts::add`.)
            let app_base = self.texts.list.len();
            let key = self
                .texts
                .list
                .get(i)
                .map_or_else(|| self.app_keys[i - app_base].clone(), |(k, _)| k.clone());
            let (file, line) =
                l.map_or_else(|| (self.root.to_string(), 1), |l| (l.file.clone(), line_of(l, &key)));
            return Err(Error { file, line, message: format!("`{key}` holds the control character U+001F") });
        }
        Ok(TextTable { all: leak_str(joined), ends: leak_slice(ends) })
    }
}

/// Whether a translation was made from today's English (its lock entry; without a lock file,
/// every translation is taken as current).
fn current(l: Option<&LangFile>, key: &str, en: &str) -> bool {
    match l.and_then(|l| l.lock.as_ref()) {
        Some(lock) => lock.get(key).is_some_and(|h| *h == fingerprint(en)),
        None => true,
    }
}

/// A language's `date` and `month` patterns use only the placeholders a date has, and the year.
fn date_patterns(l: Option<&LangFile>, date: &str, month: &str) -> Result<(), Error> {
    for (field, pattern) in [("date", date), ("month", month)] {
        let rest = pattern
            .replace("{yyyy}", "")
            .replace("{mm}", "")
            .replace("{m}", "")
            .replace("{dd}", "")
            .replace("{d}", "");
        if !pattern.contains("{yyyy}") || rest.contains('{') {
            let file = l.map_or_else(|| "rules/i18n".to_string(), |l| l.file.clone());
            return Err(Error {
                file,
                line: 1,
                message: format!("[language] {field} `{pattern}` may use only {{yyyy}}, {{mm}}, {{m}}, {{dd}}, {{d}}, and needs {{yyyy}}"),
            });
        }
    }
    Ok(())
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Lists the string leaves of a translation table as (dotted key, text); array items get
/// their index as the last key part.
fn leaves(v: &toml::Value, prefix: String, out: &mut Vec<(String, String)>) -> Result<(), (String, String)> {
    let join = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match v {
        toml::Value::String(s) => out.push((prefix.clone(), s.clone())),
        toml::Value::Table(t) => {
            for (k, v) in t {
                leaves(v, join(k), out)?;
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                leaves(v, join(&i.to_string()), out)?;
            }
        }
        _ => return Err((prefix.clone(), format!("`{prefix}` must be text"))),
    }
    Ok(())
}
