//! The exhaustive static checks: every path through every flow, every citation against
//! the FAQ text, and the generated coverage table.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::check;
use icp_advisor::rulebook::RULEBOOK;
use std::path::Path;

fn faq_text() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(check::FAQ_PATH);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!(
                "NOTE: the FAQ text is absent at {} ({e}); quotes are NOT checked against it here.",
                path.display()
            );
            None
        }
    }
}

#[test]
fn every_path_of_every_flow_passes_the_invariants() {
    let report = check::check();
    println!("paths enumerated: {} ({})", report.total_paths(), check::flow_summary(&report));
    assert!(report.problems.is_empty(), "rulebook problems:\n{}", report.problems.join("\n"));
    assert!(report.total_paths() > 100, "suspiciously few paths");
}

#[test]
fn every_faq_question_is_covered() {
    let report = check::check();
    for (faq, cov) in RULEBOOK.faqs.iter().zip(&report.coverage) {
        assert!(!cov.recs.is_empty(), "FAQ question {:?} is not covered", faq.question);
    }
}

#[test]
fn every_quote_and_question_occurs_in_the_faq() {
    let Some(text) = faq_text() else { return };
    let problems = check::check_quotes(&text);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The extraction of the FAQ's own questions really finds them all (sanity of the check).
    assert_eq!(check::faq_questions_in_text(&text).len(), 21);
}

#[test]
fn the_quote_check_catches_a_misquote() {
    let Some(text) = faq_text() else { return };
    let tampered = text.replace("at least three-month subscription", "at least one-month subscription");
    let problems = check::check_quotes(&tampered);
    assert!(problems.iter().any(|p| p.contains("temporary-mainland-ecs")), "{problems:?}");
    let dropped = text.replace("What if I do not have an ICP Filing?", "What if?\n");
    assert!(!check::check_quotes(&dropped).is_empty());
}

#[test]
fn the_coverage_table_in_docs_is_the_generated_one() {
    let generated = check::coverage_markdown(&check::check());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/COVERAGE.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/COVERAGE.md is stale: regenerate it with `cargo run --bin icp-advisor -- coverage > docs/COVERAGE.md`"
    );
}
