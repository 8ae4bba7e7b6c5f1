//! `icp-advisor`: the ICP Filing Advisor's engine on the command line (native only).
//!
//! Every command works on the embedded rulebook, or with `--rules PATH` (and `check PATH`,
//! `diff OLD NEW`) on any rulebook folder or root file, compiled at run time by the same
//! compiler as the build script. Exit codes: 0 success, 1 the check found problems or the
//! diff found changes, 2 bad input, usage or rulebook.

//!
//! One function per command, in a file per group: `advice` (evaluate, domain), `review`
//! (questions, paths, explain, coverage, diff), `check`, `texts`; `run` only dispatches.
//! `format::Format` is every output format; `usage::usage` is the reference text.

mod advice;
mod check;
mod format;
mod review;
mod texts;
mod usage;

use crate::rulebook::{Lang, Rulebook, RULEBOOK};
use format::Format;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// A usage error: printed as `icp-advisor: error: …`, exit code 2.
struct Usage(String);

pub fn main() -> ExitCode {
    // Arguments that are not Unicode are named, not a panic.
    let args: Result<Vec<String>, _> = std::env::args_os().skip(1).map(|a| a.into_string()).collect();
    let args = match args {
        Ok(args) => args,
        Err(bad) => {
            let _ = writeln!(
                std::io::stderr(),
                "icp-advisor: error: the argument {:?} is not valid Unicode",
                bad.to_string_lossy()
            );
            return ExitCode::from(2);
        }
    };
    // The documented exit codes are 0, 1 and 2 only: a bug that panics still ends with 2 and
    // one line (the panic's own message is printed by the default hook just before).
    match std::panic::catch_unwind(|| run(&args)) {
        Ok(Ok(code)) => code,
        Ok(Err(Usage(msg))) => {
            let _ = writeln!(std::io::stderr(), "icp-advisor: error: {msg}");
            ExitCode::from(2)
        }
        Err(_) => {
            let _ = writeln!(std::io::stderr(), "icp-advisor: error: an internal error stopped the command (a bug: please report it with the command line)");
            ExitCode::from(2)
        }
    }
}

/// Positional arguments, and `(name, value)` options.
type Parsed<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

/// Options that take no value.
const FLAGS: &[&str] = &["all"];

/// Splits `--name value` / `--name=value` options from positional arguments.
fn options<'a>(args: &'a [String], known: &[&str]) -> Result<Parsed<'a>, Usage> {
    let (mut pos, mut opts) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            // An unknown option is named as such, before asking for its value.
            let bare = name.split_once('=').map_or(name, |(n, _)| n);
            if !known.contains(&bare) {
                let expected: Vec<String> = known.iter().map(|k| format!("--{k}")).collect();
                return Err(Usage(match expected.as_slice() {
                    [] => {
                        format!("unknown option --{} (this command takes none)", crate::i18n::shown(bare))
                    }
                    _ => format!(
                        "unknown option --{} (expected one of: {})",
                        crate::i18n::shown(bare),
                        expected.join(", ")
                    ),
                }));
            }
            let (name, value) = match name.split_once('=') {
                Some((n, v)) => (n, v),
                None if FLAGS.contains(&name) => (name, ""),
                None => {
                    let v = it.next().ok_or_else(|| Usage(format!("--{name} needs a value")))?;
                    (name, v.as_str())
                }
            };
            opts.push((name, value));
        } else {
            pos.push(a.as_str());
        }
    }
    Ok((pos, opts))
}

fn opt<'a>(opts: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    opts.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

fn lang_of(book: &Rulebook, opts: &[(&str, &str)]) -> Result<Lang, Usage> {
    match opt(opts, "lang") {
        None => Ok(Lang::SOURCE),
        Some(v) => book.lang(v).ok_or_else(|| {
            let codes: Vec<_> = book.languages.iter().map(|l| l.code).collect();
            Usage(format!("unknown language \"{v}\" (expected one of: {})", codes.join(", ")))
        }),
    }
}

/// The `--format` of a command that prints in `allowed` (the first is the default): a name
/// that is no format, or not one of these, is an error naming them.
fn format_of(opts: &[(&str, &str)], allowed: &[Format]) -> Result<Format, Usage> {
    let Some(name) = opt(opts, "format") else {
        return Ok(allowed[0]);
    };
    match name.parse::<Format>() {
        Ok(f) if allowed.contains(&f) => Ok(f),
        _ => Err(Usage(format!(
            "unknown format \"{name}\" (expected one of: {})",
            format::names(allowed, ", ")
        ))),
    }
}

/// Compiles a rulebook at run time (the same compiler as the build script).
fn compile(path: &str) -> Result<icp_rules::compile::Compiled, String> {
    icp_rules::compile::compile(Path::new(path)).map_err(|e| e.to_string())
}

fn load(path: &str) -> Result<&'static Rulebook, String> {
    compile(path).map(|c| c.book)
}

/// The rulebook `--rules` names, else the embedded one.
fn book_of(opts: &[(&str, &str)]) -> Result<&'static Rulebook, Usage> {
    match opt(opts, "rules") {
        None => Ok(&RULEBOOK),
        Some(p) => load(p).map_err(|e| Usage(format!("the rulebook is invalid: {e}"))),
    }
}

fn print(s: &str) -> ExitCode {
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(s.as_bytes());
    ExitCode::SUCCESS
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("plain data serialises") + "\n"
}

fn no_positional(cmd: &str, pos: &[&str]) -> Result<(), Usage> {
    match pos {
        [] => Ok(()),
        _ => Err(Usage(format!("{cmd} takes no arguments (got \"{}\")", pos[0]))),
    }
}

/// Where a file beside the project lives (the FAQ text, the current-practice notes).
fn beside(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if p.exists() {
        p.display().to_string()
    } else {
        rel.to_string()
    }
}

/// Runs the command `args` names (one function per command).
fn run(args: &[String]) -> Result<ExitCode, Usage> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(Usage(format!("no command given\n\n{}", usage::usage())));
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => Ok(print(&format!("{}\n", usage::usage()))),
        "-V" | "--version" => Ok(version()),
        "evaluate" => advice::evaluate(rest),
        "domain" => advice::domain(rest),
        "questions" => review::questions(rest),
        "paths" => review::paths(rest),
        "explain" => review::explain(rest),
        "check" => check::check(rest),
        "diff" => review::diff(rest),
        "site" => site(rest),
        "coverage" => review::coverage(rest),
        "texts" => texts::texts(rest),
        other => Err(Usage(format!("unknown command \"{other}\"\n\n{}", usage::usage()))),
    }
}

/// `--version`: the tool's, the rulebook's, and when current practice was gathered.
fn version() -> ExitCode {
    print(&format!(
        "icp-advisor {} (rulebook version {}, current practice gathered {})\n",
        env!("CARGO_PKG_VERSION"),
        RULEBOOK.version,
        RULEBOOK.gathered
    ))
}

/// `site DIR`: the release build step that writes the first screens and pages into DIR.
fn site(rest: &[String]) -> Result<ExitCode, Usage> {
    let (pos, _) = options(rest, &[])?;
    let [dir] = pos.as_slice() else {
        return Err(Usage("site takes the folder to write into".into()));
    };
    match crate::site::write(Path::new(dir)) {
        Ok(summary) => Ok(print(&summary)),
        Err(e) => Err(Usage(format!("site: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_option(value: &str, allowed: &[Format]) -> Result<Format, String> {
        format_of(&[("format", value)], allowed).map_err(|Usage(m)| m)
    }

    #[test]
    fn a_command_takes_only_its_own_formats_and_defaults_to_the_first() {
        assert_eq!(format_of(&[], advice::EVALUATE_FORMATS).ok(), Some(Format::Json));
        assert_eq!(format_of(&[], review::PATHS_FORMATS).ok(), Some(Format::Markdown));
        assert_eq!(format_option("csv", review::PATHS_FORMATS), Ok(Format::Csv));
        // An unknown name is an error, never the default (Markdown).
        assert_eq!(
            format_option("xml", review::PATHS_FORMATS),
            Err("unknown format \"xml\" (expected one of: markdown, csv, json)".into())
        );
        // A format another command prints in is an error too.
        assert_eq!(
            format_option("csv", advice::EVALUATE_FORMATS),
            Err("unknown format \"csv\" (expected one of: json, text)".into())
        );
    }
}
