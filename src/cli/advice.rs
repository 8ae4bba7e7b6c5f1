//! The commands that give advice: `evaluate` (answers in, advice out) and `domain` (a domain
//! name checked offline).

use super::format::Format;
use super::{book_of, format_of, json, lang_of, opt, options, print, Usage};
use crate::report::{advise, to_markdown, Lens};
use crate::rulebook::{Rulebook, RULEBOOK};
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

/// The formats `evaluate` prints in; the first is the default.
pub const EVALUATE_FORMATS: &[Format] = &[Format::Json, Format::Text];

/// The formats `domain` prints in; the first is the default.
pub const DOMAIN_FORMATS: &[Format] = &[Format::Text, Format::Json];

/// `evaluate [FILE|-]`: the advice for the answers in FILE or on standard input.
pub fn evaluate(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["format", "lang", "lens", "rules"])?;
    let book = book_of(&opts)?;
    let lang = lang_of(book, &opts)?;
    let format = format_of(&opts, EVALUATE_FORMATS)?;
    let lens = match opt(&opts, "lens") {
        None => Lens::All,
        Some(l) => {
            Lens::parse(l).ok_or_else(|| Usage(format!("unknown lens \"{l}\" (expected all or faq)")))?
        }
    };
    let bytes = match pos.as_slice() {
        [] | ["-"] => read_stdin()?,
        [file] => read_file(file)?,
        _ => return Err(Usage("evaluate takes one FILE (or -)".into())),
    };
    let answers = crate::input::answers_from_bytes(book, &bytes).map_err(Usage)?;
    let advice = advise(book, &answers, lang, lens);
    Ok(print(&match format {
        Format::Json => json(&advice),
        Format::Text => to_markdown(book, &advice, lang),
        Format::Markdown | Format::Csv | Format::Summary => unreachable!("not in EVALUATE_FORMATS"),
    }))
}

/// Standard input, up to `input::MAX_INPUT` bytes.
fn read_stdin() -> Result<Vec<u8>, Usage> {
    let max = crate::input::MAX_INPUT;
    let mut buf = Vec::new();
    std::io::stdin()
        .take(max as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
    if buf.len() > max {
        return Err(Usage(format!("standard input has more than {max} bytes; at most {max} are accepted")));
    }
    Ok(buf)
}

/// An answers file, up to `input::MAX_INPUT` bytes (a regular file only).
fn read_file(file: &str) -> Result<Vec<u8>, Usage> {
    let max = crate::input::MAX_INPUT;
    icp_rules::compile::read_regular(Path::new(file), max as u64).map_err(|e| {
        Usage(match e.strip_prefix("is ") {
            Some(size) => format!("{file} is {}", size.replace("are read", "are accepted")),
            None => format!("{file}: {e} (answers can also come on standard input: -)"),
        })
    })
}

/// `domain NAME`: what the sources say of a domain name; exit code 1 for a known problem.
pub fn domain(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, opts) = options(rest, &["format", "lang", "province"])?;
    let book: &Rulebook = &RULEBOOK;
    let lang = lang_of(book, &opts)?;
    let format = format_of(&opts, DOMAIN_FORMATS)?;
    let [name] = pos.as_slice() else {
        return Err(Usage("domain takes one NAME (e.g. icp-advisor domain shop.example.com.cn)".into()));
    };
    let report =
        crate::domain::check(book, name, opt(&opts, "province")).map_err(|e| Usage(e.to_string()))?;
    let out = crate::domain::output(book, &report, lang);
    print(&match format {
        Format::Json => json(&out),
        Format::Text => crate::domain::to_text(book, &out, lang),
        Format::Markdown | Format::Csv | Format::Summary => unreachable!("not in DOMAIN_FORMATS"),
    });
    Ok(if out.problem { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
