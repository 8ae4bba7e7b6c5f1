//! The usage text (`icp-advisor help`): the reference for the commands. The formats each
//! command takes come from its list of formats, so the text cannot name one it does not handle.

use super::format::names;
use super::{advice, review};

/// The usage text, with every command's `--format` choices from its own list.
pub fn usage() -> String {
    let evaluate = names(advice::EVALUATE_FORMATS, "|");
    let domain = names(advice::DOMAIN_FORMATS, "|");
    let paths = names(review::PATHS_FORMATS, "|");
    let diff = names(review::DIFF_FORMATS, "|");
    format!(
        "\
icp-advisor — cited advice on Chinese ICP Filings (Alibaba Cloud ICP FAQ, issue 20190619,
and current practice gathered in 2026)

USAGE:
    icp-advisor evaluate [FILE|-] [--format {evaluate}] [--lang L] [--lens all|faq]
        Read answers JSON (from FILE, or standard input if FILE is - or absent) and print
        the advice. Answers: {{\"flow\": \"need\", \"answers\": {{\"hosting\": \"outside\", ...}}}}
        or the bare {{\"question\": \"option\"}} map (the flow is then inferred). --lens faq
        shows the FAQ's advice alone, without the current-practice notes.
    icp-advisor domain NAME [--province P] [--format {domain}] [--lang L]
        Check a domain name offline: the registered domain and the name under it (the
        answer to the question about it), and what the sources say of it — a suffix named
        as not fileable, the MIIT-approved suffix and registrar, the province's validity
        rule (P is a province id, e.g. shanghai). Internationalised names (中文.中国,
        xn--…) work. Exit code 0 when nothing known stands in the way, 1 for a known
        problem, 2 for a name that is not one (with a one-line message).
    icp-advisor questions [--lang L]
        Print the flows, their questions and options as JSON.
    icp-advisor paths [--flow ID] [--format {paths}] [--lang L]
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
    icp-advisor diff OLD [NEW] [--format {diff}] [--all]
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
Exit codes: 0 ok, 1 problems found (check) or advice changed (diff), 2 bad input or usage."
    )
}
