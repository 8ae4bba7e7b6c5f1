//! The rulebook compiler: reads `rules/` (a root file and the files it includes, plus the
//! language files in `rules/i18n/`), validates everything, and builds a [`Rulebook`] of
//! `'static` tables. [`bake`] writes those tables as Rust source for the app's build script.
//!
//! Stages, each a function of its own: [`load`] (files → documents), [`read_language_files`]
//! (the language files and their lock files → documents), `assemble` (documents → validated
//! tables and each language's text table, in the submodule of that name). Every mistake is
//! one [`Error`] naming the file, the line and the item.

mod assemble;
pub mod bake;
mod cond;
pub mod glossary;
pub mod limits;
pub mod packs;
mod raw;

use crate::{Rulebook, MAX_FILE_BYTES, MAX_RULEBOOK_BYTES};
pub use assemble::SOURCE_LANG;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A problem in the rulebook: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The file, as given (relative paths stay relative).
    pub file: String,
    /// 1-based line: where the item is written, or for a problem with a whole file, the line
    /// that names it (an `include`), else its first line.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
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
    /// `glossary.toml` beside the root file (empty without one), and its text.
    pub glossary: glossary::Glossary,
    pub glossary_text: String,
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
    let folder = root_file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut reader = Reader::new(folder);
    let files = load(&root_file, &mut reader)?;
    let lang_dir = folder.join("i18n");
    let langs = read_language_files(&lang_dir, &mut reader)?;
    let mut read: Vec<PathBuf> = files.iter().map(|f| PathBuf::from(&f.name)).collect();
    read.extend(langs.iter().map(|l| PathBuf::from(&l.file)));
    read.extend(langs.iter().filter(|l| l.lock.is_some()).map(|l| lock_path(Path::new(&l.file))));
    let out = assemble::assemble(&files, &langs)?;
    // The glossary beside the root file, if there is one (read as boundedly as the rest).
    let glossary_path = folder.join("glossary.toml");
    let glossary_text = if std::fs::symlink_metadata(&glossary_path).is_ok() {
        let text = reader.read(&glossary_path)?;
        read.push(glossary_path.clone());
        text
    } else {
        String::new()
    };
    let glossary = glossary::parse(&glossary_text, &glossary_path.display().to_string())?;
    Ok(Compiled {
        glossary,
        glossary_text,
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
fn read_lock(
    path: &Path,
    reader: &mut Reader,
) -> Result<Option<std::collections::HashMap<String, String>>, Error> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let text = reader.read(path)?;
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
                    line: n + 1,
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
            out.push_str(&format!("{key} {}\n", fingerprint(book.original(crate::Text(i as u16)))));
        }
    }
    out
}

/// Reads a file that must be a regular file (not a folder, a FIFO, a device or a socket, which
/// could block or never end) of at most `max` bytes. The file is opened without blocking and
/// checked again once open, so a file swapped for a FIFO meanwhile is refused too.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    let not_regular = |meta: &std::fs::Metadata| -> Result<(), String> {
        if meta.is_file() {
            Ok(())
        } else {
            Err(format!("cannot read: it is {}, not a regular file", file_kind(meta)))
        }
    };
    not_regular(&meta)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    not_regular(&meta)?;
    if meta.len() > max {
        return Err(format!("is {} bytes; at most {max} are read", meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!("grew past {max} bytes while it was read; at most {max} are read"));
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, in words.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (a named pipe)";
        } else if t.is_char_device() {
            return "a character device";
        } else if t.is_block_device() {
            return "a block device";
        } else if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// Reads the files of one rulebook: regular files only, each of at most [`MAX_FILE_BYTES`],
/// together at most [`MAX_RULEBOOK_BYTES`], and (but for the root file, which the person
/// names) inside the rulebook's folder once links are followed.
pub(crate) struct Reader {
    /// The rulebook's folder, links resolved (`None` if it cannot be resolved).
    folder: Option<PathBuf>,
    shown: String,
    total: u64,
}

impl Reader {
    fn new(folder: &Path) -> Reader {
        Reader { folder: folder.canonicalize().ok(), shown: folder.display().to_string(), total: 0 }
    }

    /// The text of a file; the error names the file (at its first line).
    fn read(&mut self, path: &Path) -> Result<String, Error> {
        self.read_inner(path, true).map_err(|message| Error {
            file: path.display().to_string(),
            line: 1,
            message,
        })
    }

    /// The root file: anywhere, but as bounded as the others.
    fn read_root(&mut self, path: &Path) -> Result<String, Error> {
        self.read_inner(path, false).map_err(|message| Error {
            file: path.display().to_string(),
            line: 1,
            message,
        })
    }

    fn read_inner(&mut self, path: &Path, inside: bool) -> Result<String, String> {
        if inside {
            if let (Some(folder), Ok(real)) = (&self.folder, path.canonicalize()) {
                if !real.starts_with(folder) {
                    return Err(format!(
                        "is a link to {}, outside the rulebook's folder {}: a rulebook reads only its own files",
                        real.display(),
                        self.shown
                    ));
                }
            }
        }
        let bytes = read_regular(path, MAX_FILE_BYTES.min(MAX_RULEBOOK_BYTES - self.total)).map_err(|e| {
            if e.starts_with("is ") || e.starts_with("grew") {
                format!(
                    "{e} (a rulebook file may have at most {MAX_FILE_BYTES} bytes, its files together {MAX_RULEBOOK_BYTES}; {} read before this one)",
                    self.total
                )
            } else {
                e
            }
        })?;
        self.total += bytes.len() as u64;
        String::from_utf8(bytes).map_err(|e| {
            format!("is not UTF-8 text (an invalid byte at offset {})", e.utf8_error().valid_up_to())
        })
    }
}

fn toml_error(name: &str, text: &str, e: &toml::de::Error) -> Error {
    let line = e.span().map_or(1, |s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1);
    Error { file: name.to_string(), line, message: e.message().trim().to_string() }
}

/// Reads the root file and, in order, the files it includes.
fn load(root: &Path, reader: &mut Reader) -> Result<Vec<File>, Error> {
    let name = root.display().to_string();
    let text = reader.read_root(root)?;
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
                line: here.line(at),
                message: format!("include `{include}` must be a path inside the rulebook's folder"),
            });
        }
        let name = path.display().to_string();
        if files.iter().any(|f| f.name == name) {
            return Err(Error {
                file: here.name.clone(),
                line: here.line(at),
                message: format!("`{include}` is included twice"),
            });
        }
        // A file that cannot be read is named where it is included.
        let text = reader.read(&path).map_err(|e| Error {
            file: here.name.clone(),
            line: here.line(at),
            message: format!("include `{include}`: {}: {}", e.file, e.message),
        })?;
        let doc: raw::Doc = toml::from_str(&text).map_err(|e| toml_error(&name, &text, &e))?;
        let line = |offset: usize| text.get(..offset).unwrap_or(&text).matches('\n').count() + 1;
        for (what, at) in [
            ("version", doc.version.as_ref().map(|v| v.span().start)),
            ("gathered", doc.gathered.as_ref().map(|g| g.span().start)),
            ("include", doc.include.first().map(|i| i.span().start)),
        ] {
            if let Some(at) = at {
                return Err(Error {
                    file: name,
                    line: line(at),
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
fn read_language_files(dir: &Path, reader: &mut Reader) -> Result<Vec<LangFile>, Error> {
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
        let text = reader.read(&path)?;
        let doc: raw::LangDoc = toml::from_str(&text).map_err(|e| toml_error(&file, &text, &e))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if doc.language.code != stem {
            let at = text.find("code").unwrap_or(0);
            return Err(Error {
                file,
                line: text[..at].matches('\n').count() + 1,
                message: format!(
                    "[language] code is `{}` but the file is named `{stem}.toml`: name the file after the code",
                    doc.language.code
                ),
            });
        }
        let lock = read_lock(&lock_path(&path), reader)?;
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
