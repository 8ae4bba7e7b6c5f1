//! The translators' commands: `texts` (every text, or a language's missing or stale ones) and
//! `texts --stamp` (records the English each translation follows now).

use super::{book_of, compile, no_positional, opt, options, print, Usage};
use crate::rulebook::{Lang, Rulebook};
use std::process::ExitCode;

/// `texts [--missing LANG | --stale LANG | --stamp LANG]`: every text as `key<TAB>English`,
/// or only those a language must look at; `--stamp` writes the language's lock file.
pub fn texts(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["missing", "stale", "stamp", "rules"])?;
    no_positional("texts", &pos)?;
    if let Some(code) = opt(&opts, "stamp") {
        return stamp(code, opt(&opts, "rules").unwrap_or("rules"));
    }
    let book = book_of(&opts)?;
    let translation = |l: &str| {
        book.lang(l).filter(|&x| x != Lang::SOURCE).ok_or_else(|| {
            let codes: Vec<_> = book.languages.iter().skip(1).map(|x| x.code).collect();
            Usage(format!("no translation \"{l}\" to check (expected one of: {})", codes.join(", ")))
        })
    };
    let only: Option<Vec<String>> = match (opt(&opts, "missing"), opt(&opts, "stale")) {
        (Some(_), Some(_)) => return Err(Usage("texts takes --missing or --stale, not both".into())),
        (Some(l), None) => Some(pending_keys(book, translation(l)?, opt(&opts, "rules"), Pending::Missing)?),
        (None, Some(l)) => Some(pending_keys(book, translation(l)?, opt(&opts, "rules"), Pending::Stale)?),
        (None, None) => None,
    };
    let mut out = String::new();
    for (i, key) in book.text_keys.iter().enumerate() {
        if only.as_ref().is_none_or(|m| m.iter().any(|k| k == key)) {
            // What a translation renders: the English, or the words a rendering renders.
            let en = book.original(crate::rulebook::Text(i as u16));
            out.push_str(&format!("{key}\t{}\n", en.replace('\n', " ")));
        }
    }
    // A rendering of words no citation has any more (the words changed, so did their key).
    for key in only.iter().flatten().filter(|k| !book.text_keys.contains(&k.as_str())) {
        out.push_str(&format!(
            "{key}\t(renders words the rulebook no longer cites or names: move it to the new key `texts --missing` lists, or remove it)\n"
        ));
    }
    Ok(print(&out))
}

/// `texts --stamp CODE`: records, for every text the language translates, the English it is
/// a translation of now (`i18n/CODE.lock` beside `i18n/CODE.toml`).
fn stamp(code: &str, rules: &str) -> Result<ExitCode, Usage> {
    let c = compile(rules).map_err(|e| Usage(format!("the rulebook at {rules} is invalid: {e}")))?;
    let file = c
        .files
        .iter()
        .find(|f| f.file_name().is_some_and(|n| n == format!("{code}.toml").as_str()) && code != "en")
        .ok_or_else(|| Usage(format!("{rules} has no translation \"{code}\" (i18n/{code}.toml) to stamp")))?;
    let lang = c.book.lang(code).ok_or_else(|| Usage(format!("no language \"{code}\"")))?;
    let translated: Vec<&str> = c
        .book
        .text_keys
        .iter()
        .enumerate()
        .filter(|&(i, k)| {
            c.book.needs(crate::rulebook::Text(i as u16), lang)
                && !c.missing.iter().any(|(l, m)| l == code && m == k)
        })
        .map(|(_, k)| *k)
        .collect();
    let lock = icp_rules::compile::lock_path(file);
    std::fs::write(&lock, icp_rules::compile::lock_file(c.book, code, &translated))
        .map_err(|e| Usage(format!("cannot write {}: {e}", lock.display())))?;
    let was_stale = c.stale.iter().filter(|(l, _)| l == code).count();
    Ok(print(&format!(
        "wrote {}: {} translated texts, each recorded as following today's English ({was_stale} of them stale until now)\n",
        lock.display(),
        translated.len()
    )))
}

/// Which of a language's texts a translator must look at.
#[derive(Clone, Copy)]
enum Pending {
    /// Not translated yet.
    Missing,
    /// Translated from an English text that has changed since.
    Stale,
}

/// The keys of `lang`'s missing or stale translations: the embedded rulebook's lists, or those
/// of the rulebook at `rules` (compiled again: the compiler knows which, the tables alone do
/// not, since both show the English).
fn pending_keys(
    book: &Rulebook,
    lang: Lang,
    rules: Option<&str>,
    which: Pending,
) -> Result<Vec<String>, Usage> {
    let code = book.language(lang).code;
    let pairs: Vec<(String, String)> = match rules {
        None => baked_pairs(match which {
            Pending::Missing => crate::rulebook::MISSING_TRANSLATIONS,
            Pending::Stale => crate::rulebook::STALE_TRANSLATIONS,
        }),
        Some(p) => {
            let c = compile(p).map_err(|e| Usage(format!("the rulebook is invalid: {e}")))?;
            match which {
                Pending::Missing => c.missing,
                Pending::Stale => c.stale,
            }
        }
    };
    Ok(pairs.into_iter().filter(|(l, _)| l == code).map(|(_, k)| k).collect())
}

/// A list `build.rs` baked as `code<TAB>key` lines, as (language code, text key) pairs.
pub(super) fn baked_pairs(list: &[&str]) -> Vec<(String, String)> {
    list.iter().filter_map(|m| m.split_once('\t')).map(|(l, k)| (l.to_string(), k.to_string())).collect()
}
