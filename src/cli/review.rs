//! The commands that show a rulebook to the people who review it: `questions`, `paths`,
//! `explain`, `coverage` and `diff` (two rulebooks compared on every path).

use super::format::Format;
use super::{book_of, format_of, json, lang_of, load, no_positional, opt, options, print, Usage};
use crate::check;
use crate::report::catalogue;
use crate::review;
use std::path::Path;
use std::process::ExitCode;

/// The formats `paths` prints in; the first is the default.
pub const PATHS_FORMATS: &[Format] = &[Format::Markdown, Format::Csv, Format::Json];

/// The formats `diff` prints in; the first is the default.
pub const DIFF_FORMATS: &[Format] = &[Format::Markdown, Format::Summary, Format::Json];

/// `questions`: the flows, their questions and options as JSON.
pub fn questions(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["lang", "rules"])?;
    no_positional("questions", &pos)?;
    let book = book_of(&opts)?;
    Ok(print(&json(&catalogue(book, lang_of(book, &opts)?))))
}

/// `paths`: every complete path of every flow (or of `--flow`) and what it yields.
pub fn paths(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["flow", "format", "lang", "rules"])?;
    no_positional("paths", &pos)?;
    let book = book_of(&opts)?;
    let lang = lang_of(book, &opts)?;
    let flow = match opt(&opts, "flow") {
        None => None,
        Some(id) => Some(book.flow(id).ok_or_else(|| {
            let ids: Vec<_> = book.flows.iter().map(|f| f.id).collect();
            Usage(format!("unknown flow \"{id}\" (expected one of: {})", ids.join(", ")))
        })?),
    };
    let rows = review::path_rows(book, flow, lang);
    Ok(print(&match format_of(&opts, PATHS_FORMATS)? {
        Format::Csv => review::paths_csv(&rows),
        Format::Json => json(&rows),
        Format::Markdown => review::paths_markdown(book, &rows, lang),
        Format::Text | Format::Summary => unreachable!("not in PATHS_FORMATS"),
    }))
}

/// `explain ID`: a rule, recommendation, FAQ entry, question or source, in words.
pub fn explain(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["lang", "rules"])?;
    let book = book_of(&opts)?;
    let lang = lang_of(book, &opts)?;
    let [id] = pos.as_slice() else {
        return Err(Usage(
            "explain takes one id (a rule, recommendation, FAQ entry, question or source)".into(),
        ));
    };
    match review::explain(book, id, lang) {
        Some(text) => Ok(print(&text)),
        None => {
            Err(Usage(format!("no rule, recommendation, FAQ entry, question or source has the id \"{id}\"")))
        }
    }
}

/// `coverage`: the FAQ coverage table as Markdown (docs/COVERAGE.md).
pub fn coverage(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["rules"])?;
    no_positional("coverage", &pos)?;
    let book = book_of(&opts)?;
    Ok(print(&check::coverage_markdown(book, &check::check(book))))
}

/// `diff OLD [NEW]`: the paths whose advice changes between two rulebooks; exit code 1 when
/// any does.
pub fn diff(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["format", "all"])?;
    let format = format_of(&opts, DIFF_FORMATS)?;
    let default_new = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules").display().to_string();
    let (old, new) = match pos.as_slice() {
        [old] => (*old, default_new.as_str()),
        [old, new] => (*old, *new),
        _ => return Err(Usage("diff takes OLD and optionally NEW (rulebook folders or root files)".into())),
    };
    let books = load(old)
        .map_err(|e| format!("OLD: {e}"))
        .and_then(|o| load(new).map(|n| (o, n)).map_err(|e| format!("NEW: {e}")));
    let (old, new) = books.map_err(|e| Usage(format!("the rulebook is invalid: {e}")))?;
    let d = review::diff(old, new);
    print(&match format {
        Format::Json => json(&d),
        Format::Summary => review::diff_summary(&d),
        Format::Markdown => review::diff_markdown(&d, opt(&opts, "all").is_some()),
        Format::Text | Format::Csv => unreachable!("not in DIFF_FORMATS"),
    });
    Ok(if d.groups.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
