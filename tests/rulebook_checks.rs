//! The exhaustive static checks: every path through every flow, every citation against its
//! source text, the generated coverage table, and the compiler itself (the rulebook the CLI
//! compiles at run time is exactly the one the app embeds).
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::check;
use icp_advisor::rulebook::RULEBOOK;
use std::path::Path;

fn source_text(rel: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("NOTE: {} is absent ({e}); its quotes are NOT checked here.", path.display());
            None
        }
    }
}

#[test]
fn every_path_of_every_flow_passes_the_invariants() {
    let report = check::check(&RULEBOOK);
    println!("paths enumerated: {} ({})", report.total_paths(), check::flow_summary(&RULEBOOK, &report));
    assert!(report.problems.is_empty(), "rulebook problems:\n{}", report.problems.join("\n"));
    assert!(report.total_paths() > 100, "suspiciously few paths");
}

#[test]
fn every_faq_question_is_covered() {
    let report = check::check(&RULEBOOK);
    for (faq, cov) in RULEBOOK.faqs.iter().zip(&report.coverage) {
        assert!(!cov.recs.is_empty(), "FAQ question {:?} is not covered", faq.question);
    }
}

#[test]
fn every_quote_and_question_occurs_in_the_faq() {
    let Some(text) = source_text(check::FAQ_PATH) else { return };
    let problems = check::check_quotes(&RULEBOOK, &text);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The extraction of the FAQ's own questions really finds them all (sanity of the check).
    assert_eq!(check::faq_questions_in_text(&text).len(), 21);
}

#[test]
fn the_quote_check_catches_a_misquote() {
    let Some(text) = source_text(check::FAQ_PATH) else { return };
    let tampered = text.replace("at least three-month subscription", "at least one-month subscription");
    let problems = check::check_quotes(&RULEBOOK, &tampered);
    assert!(problems.iter().any(|p| p.contains("temporary-mainland-ecs")), "{problems:?}");
    let dropped = text.replace("What if I do not have an ICP Filing?", "What if?\n");
    assert!(!check::check_quotes(&RULEBOOK, &dropped).is_empty());
}

#[test]
fn every_current_practice_and_province_citation_occurs_in_its_source_notes() {
    let Some(practice) = source_text(check::PRACTICE_PATH) else { return };
    let Some(provinces) = source_text(check::PROVINCES_PATH) else { return };
    let problems = check::check_practice_quotes(&RULEBOOK, &format!("{practice}\n\n{provinces}"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_translation_is_missing() {
    assert!(
        icp_advisor::rulebook::MISSING_TRANSLATIONS.is_empty(),
        "untranslated texts (see `icp-advisor texts --missing LANG`):\n{}",
        icp_advisor::rulebook::MISSING_TRANSLATIONS.join("\n")
    );
}

#[test]
fn the_coverage_table_in_docs_is_the_generated_one() {
    let generated = check::coverage_markdown(&RULEBOOK, &check::check(&RULEBOOK));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/COVERAGE.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/COVERAGE.md is stale: regenerate it with `cargo run --bin icp-advisor -- coverage > docs/COVERAGE.md`"
    );
}

/// The CLI compiles `rules/` at run time with the same compiler the build script uses; baked
/// back into Rust source, the result is byte for byte the embedded rulebook.
#[test]
fn the_rulebook_compiled_at_run_time_is_the_embedded_one() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let compiled = icp_rules::compile::compile(&rules).unwrap_or_else(|e| panic!("{e}"));
    let baked = icp_rules::compile::bake::bake(
        compiled.book,
        "RULEBOOK",
        &icp_rules::compile::bake::full_module(compiled.book),
    );
    let embedded = include_str!(concat!(env!("OUT_DIR"), "/rulebook.rs"));
    assert!(embedded.starts_with(&baked), "the runtime compilation differs from the embedded tables");
    assert_eq!(format!("{:?}", compiled.book.recommendations), format!("{:?}", RULEBOOK.recommendations));
}

/// The current-practice check fails when a quote loses its quotation marks, when its source
/// is no longer named beside it, or when its sentence is marked UNCONFIRMED.
#[test]
fn the_practice_check_catches_a_misquote_a_lost_source_and_unconfirmed_material() {
    let Some(md) = source_text(check::PRACTICE_PATH) else { return };
    let quote = "a fine between CNY 5,000 and CNY 10,000.";
    assert!(md.contains(quote), "the notes still quote the fine");
    let cited = RULEBOOK
        .recommendations
        .iter()
        .enumerate()
        .any(|(r, _)| RULEBOOK.recommendations[r].all_cites().any(|c| c.text == quote));
    assert!(cited, "the advice quotes the fine (the test needs a cited quote)");
    let misquoted =
        md.replace("a fine between CNY 5,000 and CNY 10,000.", "a fine between CNY 500 and CNY 1,000.");
    assert!(check::check_practice_quotes(&RULEBOOK, &misquoted).iter().any(|p| p.contains("CNY 5,000")));
    let unnamed = md.replace("(`ALI-FOOTER`)", "(`SOMEONE`)");
    assert!(
        check::check_practice_quotes(&RULEBOOK, &unnamed).iter().any(|p| p.contains("ali-footer")),
        "source no longer named"
    );
    let flagged = md.replace(
        "a fine between CNY 5,000 and CNY 10,000.",
        "a fine between CNY 5,000 and CNY 10,000. UNCONFIRMED",
    );
    assert!(
        !check::check_practice_quotes(&RULEBOOK, &flagged).is_empty(),
        "a sentence marked UNCONFIRMED is no source"
    );
}

/// The compiler counts paths (to refuse a rulebook beyond `MAX_PATHS`) with a walk of its own;
/// it counts what the engine enumerates.
#[test]
fn the_compilers_path_count_is_the_engines() {
    let counted = icp_rules::compile::limits::count_paths(&RULEBOOK, usize::MAX / 2).unwrap();
    let enumerated: Vec<usize> =
        (0..RULEBOOK.flows.len()).map(|f| icp_advisor::paths::count_paths(&RULEBOOK, f)).collect();
    assert_eq!(counted, enumerated);
    assert!(counted.iter().sum::<usize>() <= icp_rules::MAX_PATHS);
}
