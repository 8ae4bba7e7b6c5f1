//! The rulebook compiler: reads `rules/` (a root file and the files it includes, plus the
//! language files in `rules/i18n/`), validates everything, and builds a [`Rulebook`] of
//! `'static` tables. [`bake`] writes those tables as Rust source for the app's build script.
//!
//! Stages, each a function of its own: [`load`] (files → documents), `assemble` (documents →
//! validated tables, in the submodule of that name), [`languages`] (the language files →
//! text tables). Every mistake is one [`Error`] naming the file, the line and the item.

mod assemble;
pub mod bake;
mod cond;
mod raw;

use crate::Rulebook;
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in the rulebook: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The file, as given (relative paths stay relative).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The compiled rulebook and what the tools around it need to know.
pub struct Compiled {
    pub book: &'static Rulebook,
    /// Rulebook texts a language does not translate yet, as (language code, text key).
    /// They fall back to the source language; `icp-advisor check` reports them.
    pub missing: Vec<(String, String)>,
    /// Translations made from an English text that has changed since (the fingerprint in
    /// `i18n/<code>.lock` differs), as (language code, text key). They are not used: the
    /// English shows until the translation is updated and stamped; `check` reports them.
    pub stale: Vec<(String, String)>,
    /// Languages without an `i18n/<code>.lock`: their translations' sources are not tracked.
    pub untracked: Vec<String>,
    /// Every file read (for `cargo:rerun-if-changed`).
    pub files: Vec<PathBuf>,
    /// The app's own text keys (the `[app]` table of `i18n/en.toml`), in table order; the
    /// app's texts start at [`Rulebook::app_texts`].
    pub app_keys: Vec<String>,
}

/// A file read from disk, with its parsed document.
pub(crate) struct File {
    pub name: String,
    pub text: String,
    pub doc: raw::Doc,
}

impl File {
    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.text.get(..offset).unwrap_or(&self.text).matches('\n').count() + 1
    }
}

/// Compiles the rulebook whose root is `root`: the folder `rules/` (its `rulebook.toml`), or
/// any root file (which may hold the whole rulebook, or include other files).
pub fn compile(root: &Path) -> Result<Compiled, Error> {
    let root_file = if root.is_dir() { root.join("rulebook.toml") } else { root.to_path_buf() };
    let files = load(&root_file)?;
    let lang_dir = root_file.parent().unwrap_or(Path::new(".")).join("i18n");
    let langs = languages(&lang_dir)?;
    let mut read: Vec<PathBuf> = files.iter().map(|f| PathBuf::from(&f.name)).collect();
    read.extend(langs.iter().map(|l| PathBuf::from(&l.file)));
    read.extend(langs.iter().filter(|l| l.lock.is_some()).map(|l| lock_path(Path::new(&l.file))));
    let out = assemble::assemble(&files, &langs)?;
    Ok(Compiled {
        book: out.book,
        missing: out.missing,
        stale: out.stale,
        untracked: out.untracked,
        files: read,
        app_keys: out.app_keys,
    })
}

/// The lock file beside a language file: `zh-CN.toml` → `zh-CN.lock`.
pub fn lock_path(lang_file: &Path) -> PathBuf {
    lang_file.with_extension("lock")
}

/// The fingerprint of a source text a translation was made from (in `<code>.lock`).
pub fn fingerprint(text: &str) -> String {
    crate::content_hash(text.as_bytes())
}

/// Reads a lock file: one `key fingerprint` per line; `#` starts a comment.
fn read_lock(path: &Path) -> Result<Option<std::collections::HashMap<String, String>>, Error> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(None) };
    let file = path.display().to_string();
    let mut out = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(key), Some(hash), None) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
                out.insert(key.to_string(), hash.to_string());
            }
            _ => {
                return Err(Error {
                    file,
                    line: Some(n + 1),
                    message: "expected `key fingerprint` (16 hex digits): write this file with `icp-advisor texts --stamp`".into(),
                })
            }
        }
    }
    Ok(Some(out))
}

/// The lock file for a language: every text it translates, with the fingerprint of the English
/// it was translated from (now). `translated` lists the keys the language file translates.
pub fn lock_file(book: &Rulebook, code: &str, translated: &[&str]) -> String {
    let mut out = format!(
        "# The English each {code} translation was made from (a fingerprint per text key).\n\
         # When an English text changes, its translation is stale: not shown (the English is)\n\
         # and reported by `icp-advisor check`. After updating the translations, write this file\n\
         # again with `icp-advisor texts --stamp {code}`.\n"
    );
    for (i, key) in book.text_keys.iter().enumerate() {
        if translated.contains(key) {
            out.push_str(&format!(
                "{key} {}\n",
                fingerprint(book.text(crate::Text(i as u16), crate::Lang::SOURCE))
            ));
        }
    }
    out
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error {
        file: path.display().to_string(),
        line: None,
        message: format!("cannot read: {e}"),
    })
}

fn toml_error(name: &str, text: &str, e: &toml::de::Error) -> Error {
    let line = e.span().map(|s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1);
    Error { file: name.to_string(), line, message: e.message().trim().to_string() }
}

/// Reads the root file and, in order, the files it includes.
fn load(root: &Path) -> Result<Vec<File>, Error> {
    let name = root.display().to_string();
    let text = read(root)?;
    let doc: raw::Doc = toml::from_str(&text).map_err(|e| toml_error(&name, &text, &e))?;
    let includes: Vec<_> = doc.include.iter().map(|i| (i.get_ref().clone(), i.span().start)).collect();
    let mut files = vec![File { name, text, doc }];
    let dir = root.parent().unwrap_or(Path::new("."));
    for (include, at) in includes {
        let path = dir.join(&include);
        let here = &files[0];
        if include.contains("..") || Path::new(&include).is_absolute() {
            return Err(Error {
                file: here.name.clone(),
                line: Some(here.line(at)),
                message: format!("include `{include}` must be a path inside the rulebook's folder"),
            });
        }
        let name = path.display().to_string();
        if files.iter().any(|f| f.name == name) {
            return Err(Error {
                file: here.name.clone(),
                line: Some(here.line(at)),
                message: format!("`{include}` is included twice"),
            });
        }
        let text = read(&path).map_err(|mut e| {
            e.message = format!("{} (included from {}:{})", e.message, here.name, here.line(at));
            e
        })?;
        let doc: raw::Doc = toml::from_str(&text).map_err(|e| toml_error(&name, &text, &e))?;
        for (what, present) in [
            ("version", doc.version.is_some()),
            ("gathered", doc.gathered.is_some()),
            ("include", !doc.include.is_empty()),
        ] {
            if present {
                return Err(Error {
                    file: name,
                    line: None,
                    message: format!("`{what}` belongs in the root file only"),
                });
            }
        }
        files.push(File { name, text, doc });
    }
    Ok(files)
}

/// A language file, read.
pub(crate) struct LangFile {
    pub file: String,
    pub text: String,
    pub doc: raw::LangDoc,
    /// `<code>.lock`: text key → fingerprint of the English it was translated from.
    pub lock: Option<std::collections::HashMap<String, String>>,
}

/// Reads every `<code>.toml` of the language folder: English (the rulebook's own language)
/// first, then the others by code. Without the folder, the rulebook has English only.
fn languages(dir: &Path) -> Result<Vec<LangFile>, Error> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(_) => return Ok(Vec::new()),
    };
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let text = read(&path)?;
        let doc: raw::LangDoc = toml::from_str(&text).map_err(|e| toml_error(&file, &text, &e))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if doc.language.code != stem {
            return Err(Error {
                file,
                line: None,
                message: format!(
                    "[language] code is `{}` but the file is named `{stem}.toml`: name the file after the code",
                    doc.language.code
                ),
            });
        }
        let lock = read_lock(&lock_path(&path))?;
        out.push(LangFile { file, text, doc, lock });
    }
    // The source language first.
    out.sort_by_key(|l| (l.doc.language.code != assemble::SOURCE_LANG, l.doc.language.code.clone()));
    Ok(out)
}

/// Whether an id is kebab-case (lower-case ASCII letters, digits and single hyphens).
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Moves a vector into a `'static` slice. The compiler builds each rulebook once per process
/// (the build script, a CLI command), so the tables live as long as the process anyway.
pub(crate) fn leak_slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

pub(crate) fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
