//! The result's shape, on every path of every flow and in both lenses: every recommendation read
//! once, the plan one list numbered in the order a person acts with the first action its first
//! step, what current practice says in a step only where it qualifies it, and the other ways
//! true (another answer to one of the person's own choices, leading to another verdict, with
//! every other answer kept). Then the results the issue names, one by one.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswerSet;
use icp_advisor::engine::evaluate;
use icp_advisor::paths::for_each_path;
use icp_advisor::present::{present, Lens, Place};
use icp_advisor::report::{advise, Advice};
use icp_advisor::rulebook::{Lang, LangExt, Layer, Phase, RULEBOOK};

fn each_result(mut f: impl FnMut(&AnswerSet, Lens)) {
    for lens in [Lens::All, Lens::FaqOnly] {
        for flow in 0..RULEBOOK.flows.len() {
            for_each_path(&RULEBOOK, flow, |answers| f(answers, lens));
        }
    }
}

#[test]
fn every_recommendation_is_read_once_and_the_plan_leads() {
    each_result(|answers, lens| {
        let ev = evaluate(&RULEBOOK, answers);
        let shown = present(&RULEBOOK, &ev, lens);
        let path = answers.describe(&RULEBOOK);
        let mut seen: Vec<usize> = shown.cards.iter().map(|c| c.applied).collect();
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), n, "{path}: a recommendation read twice");
        let expected = ev.advice.iter().filter(|a| lens.shows(RULEBOOK.recommendations[a.rec].layer)).count();
        assert_eq!(n, expected, "{path}: every recommendation shown is read somewhere");
        // The plan's cards come first, in the plan's order (each followed by its notes).
        let plan_cards: Vec<usize> = shown
            .cards
            .iter()
            .filter(|c| c.place == Place::Plan && c.attached_to.is_none())
            .map(|c| c.applied)
            .collect();
        assert_eq!(plan_cards, shown.plan.iter().map(|s| s.applied).collect::<Vec<_>>(), "{path}");
        assert_eq!(shown.first_action(), shown.plan.first(), "{path}");
        // In the order a person acts.
        assert!(shown.plan.windows(2).all(|w| w[0].phase <= w[1].phase), "{path}: phases out of order");
        if let Some(h) = &shown.headline {
            if let Some(first) = h.first {
                assert_eq!(shown.plan[0].rec, first, "{path}: the blocking step comes first");
            }
        }
        for c in &shown.cards {
            if let Some(host) = c.attached_to {
                assert_eq!(c.layer, Layer::Practice, "{path}: only notes are read inside another card");
                assert!(RULEBOOK.recommendations[c.rec].qualifies.contains(&host), "{path}");
                assert!(
                    RULEBOOK.recommendations[c.rec].phase.is_none(),
                    "{path}: a note with a phase is a step"
                );
            }
        }
    });
}

#[test]
fn current_practice_speaks_in_a_step_only_where_it_qualifies_it() {
    each_result(|answers, lens| {
        let a = advise(&RULEBOOK, answers, Lang::SOURCE, lens);
        for p in &a.plan {
            for m in &p.amends {
                assert_eq!(lens, Lens::All, "the FAQ lens shows the FAQ alone");
                let note = RULEBOOK.recommendation(m.note).unwrap();
                let step = RULEBOOK.recommendation(p.recommendation).unwrap();
                assert!(RULEBOOK.recommendations[note].qualifies.contains(&step));
                assert!(!m.as_of.is_empty(), "dated");
            }
        }
    });
}

#[test]
fn the_other_ways_are_true() {
    each_result(|answers, lens| {
        let ev = evaluate(&RULEBOOK, answers);
        let shown = present(&RULEBOOK, &ev, lens);
        let path = answers.describe(&RULEBOOK);
        for w in &shown.other_ways {
            let q = &RULEBOOK.questions[w.question];
            assert!(q.choice, "{path}: `{}` is not the person's own choice", q.id);
            assert_ne!(answers.get(w.question), Some(w.option));
            let other = evaluate(&RULEBOOK, &w.answers);
            assert!(other.is_complete(), "{path}: an other way leads to a result");
            assert_eq!(other.verdict, Some(w.verdict));
            assert_ne!(Some(w.verdict), ev.verdict, "{path}: an other way changes the verdict");
            // Every other answer that still applies is kept.
            for &(q, o) in &other.asked {
                if q != w.question {
                    assert_eq!(answers.get(q), Some(o), "{path}: `{}` changed", RULEBOOK.questions[q].id);
                }
            }
        }
    });
}

fn result(flow: &str, pairs: &[(&str, &str)], lang: Lang) -> Advice {
    let set = AnswerSet::from_pairs(&RULEBOOK, Some(flow), pairs.iter().copied()).unwrap();
    let a = advise(&RULEBOOK, &set, lang, Lens::All);
    assert!(a.complete && a.ignored.is_empty(), "{pairs:?}: not a clean complete path");
    a
}

fn first(a: &Advice) -> &str {
    a.first_action.as_ref().expect("a first action").recommendation
}

/// The six results the result's design is checked on (the phone e2e test opens the same).
#[test]
fn the_six_results_lead_with_the_answer_and_the_first_thing_to_do() {
    let zh = Lang::parse("zh-CN").unwrap();
    // A mainland company's first filing (in Chinese).
    let a = result(
        "need",
        &[
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("can-complete", "yes"),
            ("file-in", "zhejiang"),
            ("slb", "no"),
            ("app", "no"),
        ],
        zh,
    );
    assert_eq!(a.verdict.as_ref().unwrap().recommendation, "initial-filing");
    assert!(a.verdict.as_ref().unwrap().text.starts_with("需要"), "{}", a.verdict.as_ref().unwrap().text);
    assert_eq!(first(&a), "file-in-licence-province");
    assert!(a.alternatives.iter().any(|w| w.option == "hong-kong"));

    // A foreign company without a presence, hosted outside mainland China, on mainland CDN.
    let a = result(
        "need",
        &[
            ("hosting", "outside"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "none"),
        ],
        Lang::SOURCE,
    );
    assert_eq!(first(&a), "permanent-office-certificate");
    let intl = a.alternatives.iter().find(|w| w.question == "cdn" && w.option == "international").unwrap();
    assert_eq!(
        format!("{}: {}", intl.text, intl.title),
        "With international CDN only: No ICP Filing is needed"
    );

    // An individual on a mainland ECS instance.
    let a = result(
        "need",
        &[
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "individual"),
            ("can-complete", "yes"),
            ("file-in", "gansu"),
            ("id-local", "yes"),
            ("slb", "no"),
            ("app", "no"),
        ],
        Lang::SOURCE,
    );
    assert_eq!(a.verdict.as_ref().unwrap().recommendation, "initial-filing");
    assert!(!a.plan.is_empty());
    assert!(a
        .alternatives
        .iter()
        .any(|w| w.option == "hong-kong" && w.verdict == "no-filing-hosted-outside"));

    // The service code: no Apply button, Pay-As-You-Go — the fix first, then apply.
    let a = result(
        "service-code",
        &[
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "pay-as-you-go"),
            ("sc-bandwidth", "yes"),
        ],
        Lang::SOURCE,
    );
    assert!(a.verdict.as_ref().unwrap().text.contains("Pay-As-You-Go"));
    assert_eq!(first(&a), "switch-to-subscription");
    assert_eq!(a.plan.last().unwrap().recommendation, "instance-not-eligible-yet");

    // An ICP number revoked because the domain expired.
    let a = result("icp-number", &[("num-topic", "revoked"), ("num-cause", "domain-expired")], Lang::SOURCE);
    assert!(a.verdict.as_ref().unwrap().text.contains("domain expired"));
    assert_eq!(first(&a), "revoked-domain-expired");
    assert_eq!(a.plan.last().unwrap().recommendation, "file-again-promptly");

    // Hong Kong hosting without CDN: no filing, and what keeps it so.
    let a = result("need", &[("hosting", "hong-kong"), ("cdn", "none")], Lang::SOURCE);
    assert!(a.verdict.as_ref().unwrap().text.starts_with("No — "));
    assert_eq!(first(&a), "no-filing-hosted-outside");
    assert_eq!(a.plan[0].phase.id(), Phase::Ongoing.id());
}

/// The service-code flow has a plan on every path that has something to do: the fixes first.
#[test]
fn the_service_code_flow_puts_its_fixes_first() {
    let flow = RULEBOOK.flow("service-code").unwrap();
    for_each_path(&RULEBOOK, flow, |answers| {
        let a = advise(&RULEBOOK, answers, Lang::SOURCE, Lens::FaqOnly);
        let v = a.verdict.as_ref().unwrap().recommendation;
        if v == "hong-kong-no-service-code" {
            return;
        }
        assert!(!a.plan.is_empty(), "{}: no plan", answers.describe(&RULEBOOK));
        if v == "instance-not-eligible-yet" {
            assert_eq!(a.plan[0].phase.id(), "first", "{}: the fix first", answers.describe(&RULEBOOK));
        }
    });
}
