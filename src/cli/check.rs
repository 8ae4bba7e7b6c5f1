//! `check [RULES]`: compiles and validates a rulebook on every path, checks its quotes against
//! the texts they quote, and lists what a maintainer must look at; exit code 1 on any problem.

use super::texts::baked_pairs;
use super::{beside, compile, opt, options, print, Usage};
use crate::check;
use crate::rulebook::{Lang, Rulebook, SourceKind, RULEBOOK};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `check [RULES] [--faq PATH] [--practice PATH] [--provinces PATH]`.
pub fn check(rest: &[String]) -> Result<ExitCode, Usage> {
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
    let provinces = opt(&opts, "provinces").map_or_else(|| beside(check::PROVINCES_PATH), String::from);
    Ok(check_report(book, &translations, &faq, &[practice, provinces]))
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

/// Runs the checks on `book`, prints what they found and returns the exit code.
fn check_report(
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
    faq_quotes(book, faq_path, &mut out, &mut problems);
    notes_quotes(book, notes_paths, &mut out, &mut problems);
    sources_by_date(book, &mut out);
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

/// How many citations of the recommendations are of sources of `kind`.
fn cites(book: &Rulebook, kind: SourceKind) -> usize {
    (0..book.recommendations.len())
        .map(|r| book.recommendations[r].all_cites().filter(|c| book.sources[c.source].kind == kind).count())
        .sum()
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    icp_rules::compile::read_regular(Path::new(path), icp_rules::MAX_FILE_BYTES)
}

/// Every FAQ quote, word for word in the FAQ text at `faq_path`.
fn faq_quotes(book: &Rulebook, faq_path: &str, out: &mut String, problems: &mut Vec<String>) {
    match read(faq_path) {
        Ok(bytes) => {
            let quote_problems = check::check_quotes(book, &String::from_utf8_lossy(&bytes));
            if quote_problems.is_empty() {
                out.push_str(&format!(
                    "quotes: all {} FAQ quotes found word for word in {faq_path}\n",
                    cites(book, SourceKind::Faq)
                ));
            }
            problems.extend(quote_problems);
        }
        Err(e) => out.push_str(&format!(
            "quotes: NOT CHECKED — the FAQ text is not at {faq_path} ({e}); pass --faq PATH\n"
        )),
    }
}

/// Every current-practice and province citation, in the notes at `notes_paths`.
fn notes_quotes(book: &Rulebook, notes_paths: &[String], out: &mut String, problems: &mut Vec<String>) {
    let external = cites(book, SourceKind::External);
    if external == 0 {
        return;
    }
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

/// The external sources by page date, oldest first: what to re-verify first.
fn sources_by_date(book: &Rulebook, out: &mut String) {
    let mut sources: Vec<_> = book.sources.iter().filter(|s| s.kind == SourceKind::External).collect();
    sources.sort_by_key(|s| (s.page_date.is_some(), s.page_date, s.id));
    if sources.is_empty() {
        return;
    }
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
