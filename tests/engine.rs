//! The engine itself: the next question and exact "at most N" progress of partial answers,
//! answers that stop counting when they are not relevant, and the path walk.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::{AnswerError, AnswerSet};
use icp_advisor::paths::{count_paths, for_each_path};
use icp_advisor::report::{advise, Advice, Lens};
use icp_advisor::rulebook::{Lang, RULEBOOK};
use std::collections::HashMap;

fn advice(flow: &str, answers: &[(&str, &str)]) -> Advice {
    let set = AnswerSet::from_pairs(&RULEBOOK, Some(flow), answers.iter().copied())
        .unwrap_or_else(|e| panic!("invalid answers {answers:?} for flow {flow}: {e}"));
    advise(&RULEBOOK, &set, Lang::SOURCE, Lens::All)
}
fn need(answers: &[(&str, &str)]) -> Advice {
    advice("need", answers)
}
fn ids(a: &Advice) -> Vec<&str> {
    a.recommendations.iter().map(|r| r.id).collect()
}

/// The verdict's recommendation.
fn verdict(a: &Advice) -> Option<&'static str> {
    a.verdict.as_ref().map(|v| v.recommendation)
}

/// Asserts the state of an incomplete flow: next question and exact progress.
fn assert_partial(a: &Advice, next: &str, answered: usize, at_most_remaining: usize) {
    let s = format!("{:?} next {:?}", a.answers.iter().map(|x| x.option).collect::<Vec<_>>(), a.progress);
    assert!(!a.complete, "should be incomplete: {s}");
    assert_eq!(a.next_question.as_ref().map(|q| q.id), Some(next), "next question: {s}");
    assert_eq!(a.progress.answered, answered, "answered: {s}");
    assert_eq!(a.progress.at_most_remaining, at_most_remaining, "at most remaining: {s}");
    assert_eq!(a.progress.at_most_total, answered + at_most_remaining, "at most total: {s}");
    assert!(a.recommendations.is_empty() && a.verdict.is_none() && a.plan.is_empty(), "no advice yet: {s}");
    assert_eq!(a.progress.possibly_ahead.first().copied(), Some(next), "the next question is ahead: {s}");
}

/// The most questions on any path of a flow, by enumeration.
fn longest(flow: &str) -> usize {
    let mut most = 0;
    for_each_path(&RULEBOOK, RULEBOOK.flow(flow).unwrap(), |a| most = most.max(a.iter().count()));
    most
}

#[test]
fn empty_answers_start_each_flow_with_its_longest_path() {
    for f in RULEBOOK.flows {
        let a = advice(f.id, &[]);
        assert_partial(&a, RULEBOOK.questions[f.questions[0]].id, 0, longest(f.id));
    }
    // need: hosting, access, cdn, domain-kind, domain-filing, subject-filing, entity,
    // presence, can-complete (a branch company), file-in, slb, commercial-license, app.
    assert_eq!(longest("need"), 13);
    assert_eq!(longest("service-code"), 7);
    assert_eq!(longest("icp-number"), 3);
}

#[test]
fn hosting_in_hong_kong_asks_about_cdn_next() {
    let a = need(&[("hosting", "hong-kong")]);
    // cdn, then (mainland CDN) domain-kind, domain-filing, subject-filing, entity, presence,
    // can-complete (a branch company), file-in, app.
    assert_partial(&a, "cdn", 1, 9);
    assert!(!a.progress.possibly_ahead.contains(&"slb"), "no load balancer without a mainland ECS instance");
    assert!(!a.progress.possibly_ahead.contains(&"access"));
}

#[test]
fn an_ip_only_website_asks_about_the_owner_next() {
    let a = need(&[("hosting", "mainland-ecs"), ("access", "ip-only")]);
    assert_partial(&a, "entity", 2, 5);
    assert_eq!(
        a.progress.possibly_ahead,
        vec!["entity", "presence", "can-complete", "file-in", "id-local", "app"]
    );
}

#[test]
fn a_domain_filed_with_alibaba_asks_about_changes_next() {
    let a = need(&[
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "alibaba"),
    ]);
    assert_partial(&a, "change-needed", 5, 4);
    assert_eq!(a.progress.possibly_ahead, vec!["change-needed", "slb", "commercial-license", "app"]);
}

#[test]
fn a_company_that_cannot_file_yet_is_not_asked_about_the_load_balancer() {
    let base = [
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "none"),
        ("subject-filing", "none"),
        ("entity", "outside"),
    ];
    let a = need(&[&base[..], &[("presence", "none")]].concat());
    assert!(a.complete, "no presence in mainland China: the certificate comes first, nothing more is asked");
    let a = need(&[&base[..], &[("presence", "branch")]].concat());
    assert_partial(&a, "can-complete", 8, 5);
    let a = need(&[&base[..6], &[("entity", "mainland"), ("can-complete", "no")]].concat());
    assert!(a.complete, "an owner who cannot file is not asked about load balancers or apps");
}

#[test]
fn service_code_wrong_account_progress() {
    let a = advice(
        "service-code",
        &[("sc-server", "mainland"), ("sc-problem", "no-apply-button"), ("sc-account", "no")],
    );
    assert_partial(&a, "sc-billing", 3, 3);
    assert!(!a.progress.possibly_ahead.contains(&"sc-quota"));
}

#[test]
fn icp_number_progress() {
    assert_partial(&advice("icp-number", &[("num-topic", "validity")]), "num-update", 1, 1);
    assert_partial(&advice("icp-number", &[("num-topic", "revoked")]), "num-cause", 1, 2);
    assert_partial(
        &advice("icp-number", &[("num-topic", "revoked"), ("num-cause", "illegal-content")]),
        "num-blacklisted",
        2,
        1,
    );
}

/// What `advise` says of a prefix: answers counted, at most how many in all, complete.
type Progress = (usize, usize, bool);

/// Along every path of every flow, the "at most" bound never grows and is never exceeded.
#[test]
fn the_progress_bound_only_shrinks_and_holds_on_every_path() {
    for (fi, f) in RULEBOOK.flows.iter().enumerate() {
        // The paths share their beginnings: each prefix is evaluated once (answered, at most,
        // complete).
        let mut seen: HashMap<Vec<(&str, &str)>, Progress> = HashMap::new();
        for_each_path(&RULEBOOK, fi, |set| {
            let full = advise(&RULEBOOK, set, Lang::SOURCE, Lens::All);
            let path: Vec<(&str, &str)> = full.answers.iter().map(|a| (a.question, a.option)).collect();
            let mut last = usize::MAX;
            for k in 0..=path.len() {
                let (answered, at_most, complete) = *seen.entry(path[..k].to_vec()).or_insert_with(|| {
                    let a = advice(f.id, &path[..k]);
                    (a.progress.answered, a.progress.at_most_total, a.complete)
                });
                assert_eq!(answered, k);
                assert!(at_most >= path.len(), "{}: step {k} undershoots", f.id);
                assert!(at_most <= last, "{}: step {k}: the bound grew", f.id);
                last = at_most;
                assert_eq!(complete, k == path.len());
            }
        });
    }
}

/// Changing an early answer (mainland ECS → hosted outside) makes the later answers ignored;
/// they never count toward the advice.
#[test]
fn changing_an_early_answer_ignores_the_later_ones() {
    let mut answers = vec![
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "none"),
        ("subject-filing", "none"),
        ("entity", "outside"),
        ("presence", "branch"),
        ("can-complete", "yes"),
        ("file-in", "beijing"),
        ("slb", "yes"),
        ("commercial-license", "yes"),
        ("app", "no"),
    ];
    assert_eq!(verdict(&need(&answers)), Some("initial-filing"));
    answers[0] = ("hosting", "outside");
    let after = need(&answers);
    assert!(after.complete);
    assert_eq!(verdict(&after), Some("no-filing-hosted-outside"));
    assert_eq!(
        after.ignored,
        vec![
            "access",
            "domain-kind",
            "domain-filing",
            "subject-filing",
            "entity",
            "presence",
            "can-complete",
            "file-in",
            "slb",
            "commercial-license",
            "app"
        ]
    );
    assert_eq!(after.answers.iter().map(|x| x.question).collect::<Vec<_>>(), vec!["hosting", "cdn"]);
    for stale in ["initial-filing", "get-service-code", "mainland-documents-only", "slb-file-then-switch-dns"]
    {
        assert!(!ids(&after).contains(&stale), "{stale} comes from an ignored answer");
    }
    for r in &after.recommendations {
        for w in &r.why {
            assert!(!after.ignored.contains(&w.question), "{} cites ignored answer {}", r.id, w.question);
        }
    }
}

/// Changing a middle answer (domain not filed → filed with Alibaba Cloud) drops the owner
/// answers and asks the newly relevant question; the dropped ones are reported.
#[test]
fn changing_a_middle_answer_asks_the_newly_relevant_question() {
    let answers = [
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "alibaba"),
        ("subject-filing", "none"),
        ("entity", "mainland"),
        ("can-complete", "yes"),
        ("slb", "no"),
    ];
    let a = need(&answers);
    assert_partial(&a, "change-needed", 5, 4);
    assert_eq!(a.ignored, vec!["subject-filing"], "answers before the stop that do not count");
    let a = need(&[&answers[..], &[("change-needed", "no"), ("app", "no")]].concat());
    assert!(a.complete);
    assert_eq!(a.ignored, vec!["subject-filing", "entity", "can-complete"]);
    assert_eq!(verdict(&a), Some("already-filed-with-alibaba"));
    assert!(!ids(&a).contains(&"file-in-licence-province"), "the ignored owner answer must not count");
}

/// An answer further along the flow waits: it counts once the path reaches it.
#[test]
fn an_answer_ahead_of_the_next_question_waits() {
    let a = need(&[("hosting", "mainland-ecs"), ("slb", "yes")]);
    assert_eq!(a.next_question.as_ref().map(|q| q.id), Some("access"));
    assert!(a.ignored.is_empty());
    assert!(a.answers.iter().all(|x| x.question != "slb"));
}

#[test]
fn invalid_answers_are_rejected_with_the_reason() {
    let bad = |flow, pairs: &[(&str, &str)]| AnswerSet::from_pairs(&RULEBOOK, flow, pairs.iter().copied());
    assert!(matches!(
        bad(Some("need"), &[("sc-server", "none")]),
        Err(AnswerError::QuestionNotInFlow { .. })
    ));
    assert!(matches!(bad(Some("need"), &[("hosting", "moon")]), Err(AnswerError::UnknownOption { .. })));
    assert!(matches!(bad(Some("nope"), &[("hosting", "outside")]), Err(AnswerError::UnknownFlow { .. })));
    assert!(matches!(bad(None, &[("nope", "x")]), Err(AnswerError::UnknownQuestion(_))));
    // The flow is inferred from the first question when not given.
    let set = bad(None, &[("num-topic", "validity")]).unwrap();
    assert_eq!(advise(&RULEBOOK, &set, Lang::SOURCE, Lens::All).flow, "icp-number");
}

#[test]
fn every_flow_has_paths_and_the_count_is_stable_under_enumeration() {
    for (fi, _) in RULEBOOK.flows.iter().enumerate() {
        let n = count_paths(&RULEBOOK, fi);
        assert!(n > 0);
        assert_eq!(n, icp_advisor::paths::paths(&RULEBOOK, fi).len());
    }
}

/// The lens hides current practice and nothing else; the FAQ's advice is the same either way.
#[test]
fn the_faq_lens_hides_current_practice_only() {
    for (fi, _) in RULEBOOK.flows.iter().enumerate() {
        for_each_path(&RULEBOOK, fi, |set| {
            let all = advise(&RULEBOOK, set, Lang::SOURCE, Lens::All);
            let faq = advise(&RULEBOOK, set, Lang::SOURCE, Lens::FaqOnly);
            let faq_ids: Vec<&str> = faq.recommendations.iter().map(|r| r.id).collect();
            let all_faq: Vec<&str> =
                all.recommendations.iter().filter(|r| r.layer == "faq").map(|r| r.id).collect();
            assert_eq!(faq_ids, all_faq);
            assert!(faq.recommendations.iter().all(|r| r.layer == "faq"));
            assert!(faq.plan.iter().all(|p| p.layer == "faq"));
            assert_eq!(faq.verdict, all.verdict);
        });
    }
}

/// The progress (at most how many questions remain, and which may come) is exact on every prefix
/// of every path: the shortcut that explores one option of a question no later question reads
/// gives what exploring every option gives.
#[test]
fn progress_is_exact_on_every_prefix_of_every_path() {
    use icp_advisor::engine::{descend, evaluate};
    let mut done = std::collections::HashSet::new();
    for (fi, _) in RULEBOOK.flows.iter().enumerate() {
        for_each_path(&RULEBOOK, fi, |full| {
            let asked: Vec<(usize, usize)> = evaluate(&RULEBOOK, full).asked;
            for n in 0..asked.len() {
                if !done.insert((fi, asked[..n].to_vec())) {
                    continue; // a prefix shared with an earlier path
                }
                let mut prefix = AnswerSet::new(fi);
                asked[..n].iter().for_each(|&(q, o)| prefix.set(q, o));
                let ev = evaluate(&RULEBOOK, &prefix);
                // The brute force: every option of every question.
                let pos = RULEBOOK.flows[fi].questions.iter().position(|&q| Some(q) == ev.next).unwrap();
                let (mut most, mut seen) = (0, 0u64);
                let mut picks = ev.relevant();
                descend(&RULEBOOK, &mut picks, pos, 0, 0, &mut |q| seen |= 1 << q, &mut |_, d| {
                    most = most.max(d)
                });
                assert_eq!(ev.at_most_remaining, most, "{}", prefix.describe(&RULEBOOK));
                let ahead: u64 = ev.possibly_ahead.iter().fold(0, |m, &q| m | 1 << q);
                assert_eq!(ahead, seen, "{}", prefix.describe(&RULEBOOK));
            }
        });
    }
}
