//! `icp-advisor`: the ICP Filing Advisor's engine on the command line (native only).
//!
//! Exit codes: 0 success, 1 the rulebook check found problems, 2 bad input or usage.

use icp_advisor::check;
use icp_advisor::report::{advise, catalogue, to_markdown};
use icp_advisor::rulebook::Lang;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
icp-advisor — cited advice on Chinese ICP Filings (Alibaba Cloud ICP FAQ, issue 20190619)

USAGE:
    icp-advisor evaluate [FILE|-] [--format json|text] [--lang en|zh-CN]
        Read answers JSON (from FILE, or standard input if FILE is - or absent) and print
        the advice. Answers: {\"flow\": \"need\", \"answers\": {\"hosting\": \"outside\", ...}}
        or the bare {\"question\": \"option\"} map (the flow is then inferred).
    icp-advisor questions [--lang en|zh-CN]
        Print the flows, their questions and options as JSON.
    icp-advisor check [--faq PATH]
        Validate the rulebook on every path, check quotes against the FAQ text and print
        coverage and path counts. Exit code 1 if any problem is found.
    icp-advisor coverage
        Print the FAQ coverage table as Markdown (docs/COVERAGE.md is this output).
    icp-advisor texts [--missing zh-CN]
        For translators: every rulebook text as \"key<TAB>English\", or only those that
        rules/zh-CN.toml does not translate yet.

Exit codes: 0 ok, 1 rulebook problems (check), 2 bad input or usage.";

struct Usage(String);

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Usage(msg)) => {
            let _ = writeln!(std::io::stderr(), "icp-advisor: error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Splits `--name value` / `--name=value` options from positional arguments.
/// Positional arguments, and `(name, value)` options.
type Parsed<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

fn options<'a>(args: &'a [String], known: &[&str]) -> Result<Parsed<'a>, Usage> {
    let (mut pos, mut opts) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            let (name, value) = match name.split_once('=') {
                Some((n, v)) => (n, v),
                None => {
                    let v = it.next().ok_or_else(|| Usage(format!("--{name} needs a value")))?;
                    (name, v.as_str())
                }
            };
            if !known.contains(&name) {
                return Err(Usage(format!("unknown option --{name}")));
            }
            opts.push((name, value));
        } else {
            pos.push(a.as_str());
        }
    }
    Ok((pos, opts))
}

fn lang_of(opts: &[(&str, &str)]) -> Result<Lang, Usage> {
    match opts.iter().rev().find(|(n, _)| *n == "lang") {
        None => Ok(Lang::En),
        Some((_, v)) => Lang::parse(v).ok_or_else(|| {
            let codes: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
            Usage(format!("unknown language \"{v}\" (expected one of: {})", codes.join(", ")))
        }),
    }
}

fn print(s: &str) -> ExitCode {
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(s.as_bytes());
    ExitCode::SUCCESS
}

fn run(args: &[String]) -> Result<ExitCode, Usage> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(Usage(format!("no command given\n\n{USAGE}")));
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => Ok(print(&format!("{USAGE}\n"))),
        "-V" | "--version" => Ok(print(&format!("icp-advisor {}\n", env!("CARGO_PKG_VERSION")))),
        "evaluate" => {
            let (pos, opts) = options(rest, &["format", "lang"])?;
            let lang = lang_of(&opts)?;
            let format = opts.iter().rev().find(|(n, _)| *n == "format").map_or("json", |(_, v)| v);
            if format != "json" && format != "text" {
                return Err(Usage(format!("unknown format \"{format}\" (expected json or text)")));
            }
            let bytes = match pos.as_slice() {
                [] | ["-"] => {
                    let mut buf = Vec::new();
                    std::io::stdin()
                        .take(icp_advisor::input::MAX_INPUT as u64 + 1)
                        .read_to_end(&mut buf)
                        .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
                    buf
                }
                [file] => std::fs::read(file).map_err(|e| Usage(format!("cannot read {file}: {e}")))?,
                _ => return Err(Usage("evaluate takes one FILE (or -)".into())),
            };
            let answers = icp_advisor::input::answers_from_bytes(&bytes).map_err(Usage)?;
            let advice = advise(&answers, lang);
            Ok(print(&if format == "json" {
                serde_json::to_string_pretty(&advice).expect("advice serialises") + "\n"
            } else {
                to_markdown(&advice, lang)
            }))
        }
        "questions" => {
            let (pos, opts) = options(rest, &["lang"])?;
            if !pos.is_empty() {
                return Err(Usage("questions takes no arguments".into()));
            }
            let lang = lang_of(&opts)?;
            Ok(print(&(serde_json::to_string_pretty(&catalogue(lang)).expect("catalogue serialises") + "\n")))
        }
        "check" => {
            let (pos, opts) = options(rest, &["faq"])?;
            if !pos.is_empty() {
                return Err(Usage("check takes no arguments".into()));
            }
            let faq_path = opts.iter().rev().find(|(n, _)| *n == "faq").map(|(_, v)| v.to_string());
            Ok(check_command(faq_path))
        }
        "coverage" => {
            if !rest.is_empty() {
                return Err(Usage("coverage takes no arguments".into()));
            }
            Ok(print(&check::coverage_markdown(&check::check())))
        }
        "texts" => {
            let (pos, opts) = options(rest, &["missing"])?;
            if !pos.is_empty() {
                return Err(Usage("texts takes no arguments".into()));
            }
            let only_missing = match opts.last() {
                None => false,
                Some((_, l)) if Lang::parse(l) == Some(Lang::ZhCn) => true,
                Some((_, l)) => {
                    return Err(Usage(format!("no translation \"{l}\" to check (expected zh-CN)")))
                }
            };
            let missing = icp_advisor::rulebook::MISSING_ZH;
            let mut out = String::new();
            for (i, key) in icp_advisor::rulebook::TEXT_KEYS.iter().enumerate() {
                let en = icp_advisor::rulebook::Text(i as u16).get(Lang::En);
                if !only_missing || missing.contains(key) {
                    out.push_str(&format!("{key}\t{en}\n"));
                }
            }
            Ok(print(&out))
        }
        other => Err(Usage(format!("unknown command \"{other}\"\n\n{USAGE}"))),
    }
}

fn check_command(faq_path: Option<String>) -> ExitCode {
    let report = check::check();
    let mut problems = report.problems.clone();
    let mut out = String::new();
    out.push_str(&check::coverage_markdown(&report));
    out.push('\n');
    for (flow, stats) in icp_advisor::rulebook::RULEBOOK.flows.iter().zip(&report.flows) {
        out.push_str(&format!(
            "flow {:<13} {:>4} paths, {}–{} questions per path\n",
            flow.id, stats.paths, stats.shortest, stats.longest
        ));
    }
    out.push_str(&format!("paths: {} in all\n", report.total_paths()));
    let path = faq_path.unwrap_or_else(|| {
        let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(check::FAQ_PATH);
        if beside.exists() {
            beside.display().to_string()
        } else {
            check::FAQ_PATH.to_string()
        }
    });
    match std::fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let quote_problems = check::check_quotes(&text);
            let quotes: usize =
                icp_advisor::rulebook::RULEBOOK.recommendations.iter().map(|r| r.cites.len()).sum();
            if quote_problems.is_empty() {
                out.push_str(&format!("quotes: all {quotes} found word for word in {path}\n"));
            }
            problems.extend(quote_problems);
        }
        Err(e) => out.push_str(&format!(
            "quotes: NOT CHECKED — the FAQ text is not at {path} ({e}); pass --faq PATH\n"
        )),
    }
    let covered = report.coverage.iter().filter(|c| !c.recs.is_empty()).count();
    out.push_str(&format!("coverage: {covered} of {} FAQ questions covered\n", report.coverage.len()));
    for p in &problems {
        out.push_str(&format!("problem: {p}\n"));
    }
    out.push_str(if problems.is_empty() { "ok\n" } else { "FAILED\n" });
    print(&out);
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
