//! The result's budgets, on every path of every flow, in both lenses and every language: what a
//! result shows before anything is opened (`report::visible`) stays within
//! `report::VISIBLE_WORDS` English words (`VISIBLE_CHARS` characters in a language written
//! without spaces), and its verdict line within `VERDICT_WORDS` words (English). Measured over
//! the presentation, not timed.

use icp_advisor::paths::for_each_path;
use icp_advisor::report::{advise, measure, visible, Lens, VERDICT_WORDS, VISIBLE_CHARS, VISIBLE_WORDS};
use icp_advisor::rulebook::{Lang, LangExt, RULEBOOK};

#[test]
fn every_result_is_short_before_anything_is_opened() {
    budgets(Lens::All);
}

/// The same with the FAQ lens (a test of its own, so that the two run side by side).
#[test]
fn every_result_is_short_before_anything_is_opened_faq_only() {
    budgets(Lens::FaqOnly);
}

fn budgets(lens: Lens) {
    let mut problems = Vec::new();
    for lang in Lang::all() {
        let words = RULEBOOK.language(lang).word_spaces;
        let (budget, unit) = if words { (VISIBLE_WORDS, "words") } else { (VISIBLE_CHARS, "characters") };
        let mut largest = (0, String::new());
        let mut paths = 0;
        for flow in 0..RULEBOOK.flows.len() {
            for_each_path(&RULEBOOK, flow, |answers| {
                paths += 1;
                let advice = advise(&RULEBOOK, answers, lang, lens);
                let path =
                    || format!("{} ({}, lens {})", answers.describe(&RULEBOOK), lang.code(), lens.id());
                let n: usize = visible(&advice, lang).iter().map(|t| measure(&RULEBOOK, t, lang)).sum();
                if n > largest.0 {
                    largest = (n, path());
                }
                if n > budget {
                    problems.push(format!(
                        "{}: {n} {unit} shown before anything is opened (budget {budget})",
                        path()
                    ));
                }
                let v = advice.verdict.as_ref().expect("every complete path has a verdict");
                if lang == Lang::SOURCE && measure(&RULEBOOK, v.text, lang) > VERDICT_WORDS {
                    problems.push(format!(
                        "{}: the verdict line has more than {VERDICT_WORDS} words: {}",
                        path(),
                        v.text
                    ));
                }
                if v.text.trim().is_empty() {
                    problems.push(format!("{}: no verdict line", path()));
                }
            });
        }
        println!(
            "{} (lens {}): {paths} results; the largest shows {} {unit} ({})",
            lang.code(),
            lens.id(),
            largest.0,
            largest.1
        );
    }
    assert!(problems.is_empty(), "{} results over budget:\n{}", problems.len(), problems.join("\n"));
}
