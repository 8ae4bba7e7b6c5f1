//! `icp-advisor`: the ICP Filing Advisor's engine on the command line (native only).
//!
//! Every command works on the embedded rulebook, or with `--rules PATH` (and `check PATH`,
//! `diff OLD NEW`) on any rulebook folder or root file, compiled at run time by the same
//! compiler as the build script. Exit codes: 0 success, 1 the check found problems or the
//! diff found changes, 2 bad input, usage or rulebook.

use crate::check;
use crate::report::{advise, catalogue, to_markdown, Lens};
use crate::review;
use crate::rulebook::{Lang, Rulebook, SourceKind, RULEBOOK};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
icp-advisor — cited advice on Chinese ICP Filings (Alibaba Cloud ICP FAQ, issue 20190619,
and current practice gathered in 2026)

USAGE:
    icp-advisor evaluate [FILE|-] [--format json|text] [--lang L] [--lens all|faq]
        Read answers JSON (from FILE, or standard input if FILE is - or absent) and print
        the advice. Answers: {\"flow\": \"need\", \"answers\": {\"hosting\": \"outside\", ...}}
        or the bare {\"question\": \"option\"} map (the flow is then inferred). --lens faq
        shows the FAQ's advice alone, without the current-practice notes.
    icp-advisor domain NAME [--province P] [--format text|json] [--lang L]
        Check a domain name offline: the registered domain and the name under it (the
        answer to the question about it), and what the sources say of it — a suffix named
        as not fileable, the MIIT-approved suffix and registrar, the province's validity
        rule (P is a province id, e.g. shanghai). Internationalised names (中文.中国,
        xn--…) work. Exit code 0 when nothing known stands in the way, 1 for a known
        problem, 2 for a name that is not one (with a one-line message).
    icp-advisor questions [--lang L]
        Print the flows, their questions and options as JSON.
    icp-advisor paths [--flow ID] [--format markdown|csv|json] [--lang L]
        Every complete path of every flow (or of one) with its answers and the id and
        title of every recommendation it yields (csv: one row per path).
    icp-advisor explain ID [--lang L]
        A rule, recommendation, FAQ entry, question or source: its condition in words, its
        citations, how many paths reach it and one example path.
    icp-advisor check [RULES] [--faq PATH] [--practice PATH] [--provinces PATH]
        Compile and validate a rulebook (default: the embedded one) on every path:
        verdicts, exclusions, contradictory or repeated facts, reachability, coverage;
        check every quote against the FAQ text, current-practice.md and provinces.md; hold every
        translation to the glossary (rules/glossary.toml) and Chinese texts to the Chinese
        typography (see rules/README.md); list the external sources by date, oldest first.
        Exit code 1 if any problem is found.
    icp-advisor diff OLD [NEW] [--format markdown|summary|json] [--all]
        Evaluate every path under two rulebooks (NEW defaults to rules/) and print which
        paths' advice changes, grouped by change, with one example path each (--all: every
        path; --format summary: each change once with the number of paths it affects, for a
        changelog). Exit code 0 when nothing changed, 1 when something did, 2 on a bad rulebook.
    icp-advisor coverage
        Print the FAQ coverage table as Markdown (docs/COVERAGE.md is this output).
    icp-advisor site DIR
        Release build step: writes the first screens into DIR/index.html (with the inline
        head script and stylesheet and their CSP), faq.html and rules.html per language —
        rendered natively from the app's own components. No browser is needed.
    icp-advisor texts [--missing LANG | --stale LANG | --stamp LANG]
        For translators: every text as \"key<TAB>English\"; with --missing only those LANG
        does not translate yet; with --stale only those whose English changed since LANG
        translated them (they show in English until updated). --stamp writes
        i18n/LANG.lock: each translated text with a fingerprint of its English now (run it
        after updating the stale translations).

OPTIONS:
    --rules PATH    use the rulebook at PATH (a folder like rules/, or its root file)
                    instead of the embedded one (evaluate, questions, paths, explain,
                    coverage, texts; texts --stamp writes into it, default rules/)

A RULES, OLD or NEW argument is a rulebook folder (like rules/) or its root file.
Exit codes: 0 ok, 1 problems found (check) or advice changed (diff), 2 bad input or usage.";

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
                        format!("unknown option --{} (this command takes none)", crate::answers::shown(bare))
                    }
                    _ => format!(
                        "unknown option --{} (expected one of: {})",
                        crate::answers::shown(bare),
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

fn format_of<'a>(opts: &[(&str, &'a str)], allowed: &[&'a str]) -> Result<&'a str, Usage> {
    let f = opt(opts, "format").unwrap_or(allowed[0]);
    if allowed.contains(&f) {
        Ok(f)
    } else {
        Err(Usage(format!("unknown format \"{f}\" (expected one of: {})", allowed.join(", "))))
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

fn run(args: &[String]) -> Result<ExitCode, Usage> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(Usage(format!("no command given\n\n{USAGE}")));
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => Ok(print(&format!("{USAGE}\n"))),
        "-V" | "--version" => Ok(print(&format!(
            "icp-advisor {} (rulebook version {}, current practice gathered {})\n",
            env!("CARGO_PKG_VERSION"),
            RULEBOOK.version,
            RULEBOOK.gathered
        ))),
        "evaluate" => {
            let (pos, opts) = options(rest, &["format", "lang", "lens", "rules"])?;
            let book = book_of(&opts)?;
            let lang = lang_of(book, &opts)?;
            let format = format_of(&opts, &["json", "text"])?;
            let lens = match opt(&opts, "lens") {
                None => Lens::All,
                Some(l) => Lens::parse(l)
                    .ok_or_else(|| Usage(format!("unknown lens \"{l}\" (expected all or faq)")))?,
            };
            let max = crate::input::MAX_INPUT;
            let bytes = match pos.as_slice() {
                [] | ["-"] => {
                    let mut buf = Vec::new();
                    std::io::stdin()
                        .take(max as u64 + 1)
                        .read_to_end(&mut buf)
                        .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
                    if buf.len() > max {
                        return Err(Usage(format!(
                            "standard input has more than {max} bytes; at most {max} are accepted"
                        )));
                    }
                    buf
                }
                [file] => icp_rules::compile::read_regular(Path::new(file), max as u64).map_err(|e| {
                    Usage(match e.strip_prefix("is ") {
                        Some(size) => format!("{file} is {}", size.replace("are read", "are accepted")),
                        None => format!("{file}: {e} (answers can also come on standard input: -)"),
                    })
                })?,
                _ => return Err(Usage("evaluate takes one FILE (or -)".into())),
            };
            let answers = crate::input::answers_from_bytes(book, &bytes).map_err(Usage)?;
            let advice = advise(book, &answers, lang, lens);
            Ok(print(&if format == "json" { json(&advice) } else { to_markdown(book, &advice, lang) }))
        }
        "domain" => {
            let (pos, opts) = options(rest, &["format", "lang", "province"])?;
            let book: &Rulebook = &RULEBOOK;
            let lang = lang_of(book, &opts)?;
            let format = format_of(&opts, &["text", "json"])?;
            let [name] = pos.as_slice() else {
                return Err(Usage(
                    "domain takes one NAME (e.g. icp-advisor domain shop.example.com.cn)".into(),
                ));
            };
            let report =
                crate::domain::check(book, name, opt(&opts, "province")).map_err(|e| Usage(e.to_string()))?;
            let out = crate::domain::output(book, &report, lang);
            print(&if format == "json" { json(&out) } else { crate::domain::to_text(book, &out, lang) });
            Ok(if out.problem { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        "questions" => {
            let (pos, opts) = options(rest, &["lang", "rules"])?;
            no_positional("questions", &pos)?;
            let book = book_of(&opts)?;
            Ok(print(&json(&catalogue(book, lang_of(book, &opts)?))))
        }
        "paths" => {
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
            Ok(print(&match format_of(&opts, &["markdown", "csv", "json"])? {
                "csv" => review::paths_csv(&rows),
                "json" => json(&rows),
                _ => review::paths_markdown(book, &rows, lang),
            }))
        }
        "explain" => {
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
                None => Err(Usage(format!(
                    "no rule, recommendation, FAQ entry, question or source has the id \"{id}\""
                ))),
            }
        }
        "check" => {
            let (pos, opts) = options(rest, &["faq", "practice", "provinces"])?;
            let (book, mut translations) = match pos.as_slice() {
                [] => {
                    let mut p = embedded_translation_problems();
                    p.extend(crate::style::glossary_problems(&RULEBOOK, &crate::style::glossary()));
                    (&RULEBOOK, p)
                }
                [path] => match compile(path) {
                    Ok(c) => {
                        let mut p = translation_problems(&c.missing, &c.stale, &c.untracked);
                        p.extend(crate::style::glossary_problems(c.book, &c.glossary));
                        (c.book, p)
                    }
                    Err(e) => {
                        print(&format!("problem: {e}\nFAILED\n"));
                        let _ = writeln!(std::io::stderr(), "icp-advisor: the rulebook is invalid: {e}");
                        return Ok(ExitCode::from(1));
                    }
                },
                _ => return Err(Usage("check takes at most one rulebook path".into())),
            };
            translations.extend(crate::style::text_problems(book));
            let faq = opt(&opts, "faq").map_or_else(|| beside(check::FAQ_PATH), String::from);
            let practice = opt(&opts, "practice").map_or_else(|| beside(check::PRACTICE_PATH), String::from);
            let provinces =
                opt(&opts, "provinces").map_or_else(|| beside(check::PROVINCES_PATH), String::from);
            Ok(check_command(book, &translations, &faq, &[practice, provinces]))
        }
        "diff" => {
            let (pos, opts) = options(rest, &["format", "all"])?;
            let format = format_of(&opts, &["markdown", "summary", "json"])?;
            let default_new = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules").display().to_string();
            let (old, new) = match pos.as_slice() {
                [old] => (*old, default_new.as_str()),
                [old, new] => (*old, *new),
                _ => {
                    return Err(Usage(
                        "diff takes OLD and optionally NEW (rulebook folders or root files)".into(),
                    ))
                }
            };
            let books = load(old)
                .map_err(|e| format!("OLD: {e}"))
                .and_then(|o| load(new).map(|n| (o, n)).map_err(|e| format!("NEW: {e}")));
            let (old, new) = books.map_err(|e| Usage(format!("the rulebook is invalid: {e}")))?;
            let d = review::diff(old, new);
            print(&if format == "json" {
                json(&d)
            } else if format == "summary" {
                review::diff_summary(&d)
            } else {
                review::diff_markdown(&d, opt(&opts, "all").is_some())
            });
            Ok(if d.groups.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        "site" => {
            let (pos, _) = options(rest, &[])?;
            let [dir] = pos.as_slice() else {
                return Err(Usage("site takes the folder to write into".into()));
            };
            match crate::site::write(Path::new(dir)) {
                Ok(summary) => Ok(print(&summary)),
                Err(e) => Err(Usage(format!("site: {e}"))),
            }
        }
        "coverage" => {
            let (pos, opts) = options(rest, &["rules"])?;
            no_positional("coverage", &pos)?;
            let book = book_of(&opts)?;
            Ok(print(&check::coverage_markdown(book, &check::check(book))))
        }
        "texts" => {
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
                (Some(l), None) => {
                    Some(pending_keys(book, translation(l)?, opt(&opts, "rules"), Pending::Missing)?)
                }
                (None, Some(l)) => {
                    Some(pending_keys(book, translation(l)?, opt(&opts, "rules"), Pending::Stale)?)
                }
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
        other => Err(Usage(format!("unknown command \"{other}\"\n\n{USAGE}"))),
    }
}

/// The translation problems `check` reports: texts not translated, translations made from
/// an English text that has changed since, languages whose sources are not tracked.
fn translation_problems(
    missing: &[(String, String)],
    stale: &[(String, String)],
    untracked: &[String],
) -> Vec<String> {
    let mut out: Vec<String> =
        missing.iter().map(|(l, k)| format!("translation missing: {l}: {k}")).collect();
    out.extend(stale.iter().map(|(l, k)| {
        format!("translation stale: {l}: {k} (the English changed since it was translated; the English shows until it is updated and stamped with `icp-advisor texts --stamp {l}`)")
    }));
    out.extend(untracked.iter().map(|l| {
        format!("translation untracked: {l} has no i18n/{l}.lock, so a changed English text cannot be noticed (write it with `icp-advisor texts --stamp {l}`)")
    }));
    out
}

/// The same for the embedded rulebook.
fn embedded_translation_problems() -> Vec<String> {
    let untracked: Vec<String> = crate::rulebook::UNTRACKED_LANGUAGES.iter().map(|s| s.to_string()).collect();
    translation_problems(
        &baked_pairs(crate::rulebook::MISSING_TRANSLATIONS),
        &baked_pairs(crate::rulebook::STALE_TRANSLATIONS),
        &untracked,
    )
}

/// A list `build.rs` baked as `code<TAB>key` lines, as (language code, text key) pairs.
fn baked_pairs(list: &[&str]) -> Vec<(String, String)> {
    list.iter().filter_map(|m| m.split_once('\t')).map(|(l, k)| (l.to_string(), k.to_string())).collect()
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

fn check_command(
    book: &'static Rulebook,
    translations: &[String],
    faq_path: &str,
    notes_paths: &[String],
) -> ExitCode {
    let report = check::check(book);
    let mut problems = report.problems.clone();
    let mut out = String::new();
    out.push_str(&check::coverage_markdown(book, &report));
    out.push('\n');
    for (flow, stats) in book.flows.iter().zip(&report.flows) {
        out.push_str(&format!(
            "flow {:<13} {:>4} paths, {}–{} questions per path\n",
            flow.id, stats.paths, stats.shortest, stats.longest
        ));
    }
    out.push_str(&format!("paths: {} in all\n", report.total_paths()));
    out.push_str("contradictions and repetitions: checked on every path (facts stated by the advice)\n");
    let cites = |kind: SourceKind| -> usize {
        (0..book.recommendations.len())
            .map(|r| {
                book.recommendations[r].all_cites().filter(|c| book.sources[c.source].kind == kind).count()
            })
            .sum()
    };
    let read = |path: &str| icp_rules::compile::read_regular(Path::new(path), icp_rules::MAX_FILE_BYTES);
    match read(faq_path) {
        Ok(bytes) => {
            let quote_problems = check::check_quotes(book, &String::from_utf8_lossy(&bytes));
            if quote_problems.is_empty() {
                out.push_str(&format!(
                    "quotes: all {} FAQ quotes found word for word in {faq_path}\n",
                    cites(SourceKind::Faq)
                ));
            }
            problems.extend(quote_problems);
        }
        Err(e) => out.push_str(&format!(
            "quotes: NOT CHECKED — the FAQ text is not at {faq_path} ({e}); pass --faq PATH\n"
        )),
    }
    let external = cites(SourceKind::External);
    if external > 0 {
        // The notes are read together (a citation may come from either); one missing file is
        // said, and the check does not pass on half the notes.
        let mut notes = String::new();
        let mut missing = Vec::new();
        for (path, flag) in notes_paths.iter().zip(["--practice", "--provinces"]) {
            match read(path) {
                Ok(bytes) => {
                    notes.push_str(&String::from_utf8_lossy(&bytes));
                    notes.push_str("\n\n");
                }
                Err(e) => missing.push(format!("{path} ({e}); pass {flag} PATH")),
            }
        }
        let shown = notes_paths.join(" and ");
        if missing.is_empty() {
            let quote_problems = check::check_practice_quotes(book, &notes);
            if quote_problems.is_empty() {
                out.push_str(&format!(
                    "quotes: all {external} current-practice and province citations found in {shown}, beside their sources\n"
                ));
            }
            problems.extend(quote_problems);
        } else {
            out.push_str(&format!("quotes: NOT CHECKED — the notes are not at {}\n", missing.join("; ")));
        }
    }
    // Sources by date, oldest first: what to re-verify first.
    let mut sources: Vec<_> = book.sources.iter().filter(|s| s.kind == SourceKind::External).collect();
    sources.sort_by_key(|s| (s.page_date.is_some(), s.page_date, s.id));
    if !sources.is_empty() {
        out.push_str(&format!(
            "external sources by page date, oldest first (gathered {}; undated first — re-verify those too):\n",
            book.gathered
        ));
        for s in sources {
            out.push_str(&format!(
                "  {:<12} {:<20} {} — {} ({}, quality {:?})\n",
                s.page_date.unwrap_or("no date shown"),
                s.id,
                book.text(s.publisher, Lang::SOURCE),
                book.text(s.title, Lang::SOURCE),
                s.url,
                s.quality
            ));
        }
    }
    problems.extend(translations.iter().cloned());
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
