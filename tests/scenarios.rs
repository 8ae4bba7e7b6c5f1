//! Runs every scenario of `tests/scenarios.toml` (situation, answers, expected advice, the
//! deciding sentence) and computes their FAQ coverage from the quotes: every FAQ entry must be
//! the deciding source of some scenario. Failures are collected and reported together.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswerSet;
use icp_advisor::check;
use icp_advisor::report::{advise, Advice, Lens};
use icp_advisor::rulebook::{Lang, RULEBOOK};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    situation: String,
    flow: String,
    answers: BTreeMap<String, String>,
    verdict: String,
    /// The blocking first step that leads the plan, if any.
    #[serde(default)]
    first: Option<String>,
    #[serde(default)]
    has: Vec<String>,
    #[serde(default)]
    lacks: Vec<String>,
    quote: String,
}

fn scenarios() -> Vec<Scenario> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios.toml");
    let text = std::fs::read_to_string(&path).expect("tests/scenarios.toml");
    toml::from_str::<File>(&text).unwrap_or_else(|e| panic!("tests/scenarios.toml: {e}")).scenario
}

fn ids(a: &Advice) -> Vec<&str> {
    a.recommendations.iter().map(|r| r.id).collect()
}

/// Everything wrong with one scenario.
fn problems(s: &Scenario) -> (Vec<String>, Option<&'static str>) {
    let mut out = Vec::new();
    let set = match AnswerSet::from_pairs(
        &RULEBOOK,
        Some(&s.flow),
        s.answers.iter().map(|(q, o)| (q.as_str(), o.as_str())),
    ) {
        Ok(set) => set,
        Err(e) => return (vec![format!("invalid answers: {e}")], None),
    };
    let a = advise(&RULEBOOK, &set, Lang::SOURCE, Lens::FaqOnly);
    if !a.complete {
        out.push(format!("incomplete: the next question is {:?}", a.next_question.as_ref().map(|q| q.id)));
    }
    if !a.ignored.is_empty() {
        out.push(format!("answers not on the path: {:?}", a.ignored));
    }
    let verdict = a.verdict.as_ref().map(|v| v.recommendation);
    if verdict != Some(s.verdict.as_str()) {
        out.push(format!("verdict {verdict:?}, expected {}", s.verdict));
    }
    // A step that blocks the rest leads the plan (the verdict itself is not counted).
    let first = a
        .first_action
        .as_ref()
        .filter(|p| p.phase.id() == "first" && Some(p.recommendation) != verdict)
        .map(|p| p.recommendation);
    if first != s.first.as_deref() {
        out.push(format!("first step {first:?}, expected {:?}", s.first));
    }
    let shown = ids(&a);
    for id in &s.has {
        if !shown.contains(&id.as_str()) {
            out.push(format!("missing `{id}`"));
        }
    }
    for id in &s.lacks {
        if shown.contains(&id.as_str()) {
            out.push(format!("shows `{id}`, which it must not"));
        }
    }
    let cited = a.recommendations.iter().flat_map(|r| &r.citations).find(|c| c.quote == s.quote);
    if cited.is_none() {
        out.push(format!("the deciding sentence is not among the citations shown: {:?}", s.quote));
    }
    if out.is_empty() {
        out.extend(check::fact_problems_of(&RULEBOOK, &set));
    }
    (out, cited.and_then(|c| c.faq))
}

#[test]
fn every_scenario_gets_the_advice_its_sources_demand() {
    let all = scenarios();
    let mut failures = Vec::new();
    let mut decided: BTreeSet<&str> = BTreeSet::new();
    for s in &all {
        let (p, faq) = problems(s);
        if let Some(f) = faq {
            decided.insert(f);
        }
        if !p.is_empty() {
            failures.push(format!("{} ({}: {:?})\n    {}", s.situation, s.flow, s.answers, p.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios fail:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
    // Coverage, computed: every FAQ entry decides at least one scenario.
    let missing: Vec<&str> = RULEBOOK.faqs.iter().map(|f| f.id).filter(|f| !decided.contains(f)).collect();
    assert!(missing.is_empty(), "FAQ entries that decide no scenario: {missing:?}");
}

#[test]
fn every_deciding_sentence_is_the_faqs_word_for_word() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(check::FAQ_PATH);
    let Ok(faq) = std::fs::read_to_string(&path) else {
        eprintln!("NOTE: the FAQ text is absent at {}; the sentences are NOT checked here.", path.display());
        return;
    };
    let text = check::normalize(&faq);
    for s in scenarios() {
        assert!(text.contains(&check::normalize(&s.quote)), "{}: not in the FAQ: {:?}", s.situation, s.quote);
    }
}

/// The scenarios' runner catches a wrong expectation (so a passing run means something).
#[test]
fn a_wrong_expectation_fails() {
    let mut s = scenarios().remove(0);
    s.verdict = "no-filing-hosted-outside".into();
    s.quote = "not a sentence of anything".into();
    let (p, _) = problems(&s);
    assert!(
        p.iter().any(|x| x.contains("verdict")) && p.iter().any(|x| x.contains("deciding sentence")),
        "{p:?}"
    );
}
