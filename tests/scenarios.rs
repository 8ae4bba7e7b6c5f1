//! Scenario tests: one or more per question of the Alibaba Cloud ICP FAQ (issue 20190619,
//! sections 1.1–1.4), each a complete answer path with the advice the FAQ demands.
//!
//! Every scenario states, in its doc comment, the FAQ situation it covers; gives every
//! answer on its path (no more: a stray answer would be reported as ignored and fail the
//! scenario); and checks
//!   (a) the flow is complete,
//!   (b) the recommendations that must appear,
//!   (c) the recommendations that must not appear,
//!   (d) the headline verdict where the flow has one,
//! plus that the advice cites the FAQ entry the scenario is about.
//!
//! At the end, a few tests of the engine itself: the next question and "at most N"
//! progress of partial answers, and answers that stop counting when they are not relevant.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::{AnswerError, AnswerSet};
use icp_advisor::report::{advise, Advice, Lens};
use icp_advisor::rulebook::{Lang, RULEBOOK};

// ───────────────────────────── helpers ─────────────────────────────

/// The advice for these answers in `flow`.
fn advice(flow: &str, answers: &[(&str, &str)]) -> Advice {
    let set = AnswerSet::from_pairs(&RULEBOOK, Some(flow), answers.iter().copied())
        .unwrap_or_else(|e| panic!("invalid answers {answers:?} for flow {flow}: {e}"));
    advise(&RULEBOOK, &set, Lang::SOURCE, Lens::All)
}

/// The recommendation ids of the advice, in the order shown.
fn ids(a: &Advice) -> Vec<&str> {
    a.recommendations.iter().map(|r| r.id).collect()
}

/// A one-screen summary of the advice, printed when an assertion fails.
fn summary(a: &Advice) -> String {
    let answers: Vec<String> = a.answers.iter().map(|x| format!("{}={}", x.question, x.option)).collect();
    format!(
        "\n  flow:            {}\n  answers counted: {:?}\n  ignored:         {:?}\n  complete:        {}\n  next question:   {:?}\n  verdict:         {:?}\n  recommendations: {:?}\n",
        a.flow,
        answers,
        a.ignored,
        a.complete,
        a.next_question.as_ref().map(|q| q.id),
        a.verdict,
        ids(a)
    )
}

/// Fluent checks over one piece of advice; every failure prints the actual advice.
struct Check<'a> {
    a: &'a Advice,
}

/// Starts checking a scenario's advice. It must be complete, and every answer given must
/// have counted (none ignored). Also checks invariants that hold for every complete path:
/// at most one verdict (exactly one in the `need` flow), which is the reported one; no two
/// recommendations that exclude each other; every recommendation cites the FAQ.
fn scenario<'a>(a: &'a Advice, answers_given: usize) -> Check<'a> {
    let s = summary(a);
    assert!(a.complete, "the flow should be complete{s}");
    assert!(a.next_question.is_none(), "a complete flow has no next question{s}");
    assert!(a.ignored.is_empty(), "every answer of a scenario should count, but some were ignored{s}");
    assert_eq!(a.answers.len(), answers_given, "every answer of a scenario should count{s}");
    assert_eq!(a.progress.answered, answers_given, "progress.answered{s}");
    assert_eq!(a.progress.at_most_remaining, 0, "nothing remains on a complete path{s}");
    assert_eq!(a.progress.at_most_total, answers_given, "progress.at_most_total{s}");

    let verdicts: Vec<&str> = a.recommendations.iter().filter(|r| r.verdict).map(|r| r.id).collect();
    assert!(verdicts.len() <= 1, "at most one verdict per path, got {verdicts:?}{s}");
    assert_eq!(a.verdict, verdicts.first().copied(), "the reported verdict is the verdict recommendation{s}");
    if a.flow == "need" {
        assert_eq!(verdicts.len(), 1, "every path of the need flow ends in exactly one verdict{s}");
    }

    let shown = ids(a);
    for r in &a.recommendations {
        assert!(!r.citations.is_empty(), "recommendation {} cites nothing{s}", r.id);
        assert!(!r.rules.is_empty(), "recommendation {} has no rule behind it{s}", r.id);
        let book = RULEBOOK.recommendation(r.id).map(|i| &RULEBOOK.recommendations[i]).unwrap();
        for &x in book.excludes {
            let other = RULEBOOK.recommendations[x].id;
            assert!(!shown.contains(&other), "{} excludes {other}, yet both are shown{s}", r.id);
        }
    }
    Check { a }
}

impl Check<'_> {
    /// These recommendations must all appear.
    fn has(self, must: &[&str]) -> Self {
        let shown = ids(self.a);
        let missing: Vec<&&str> = must.iter().filter(|id| !shown.contains(id)).collect();
        assert!(missing.is_empty(), "missing recommendations {missing:?}{}", summary(self.a));
        self
    }

    /// None of these recommendations may appear.
    fn lacks(self, must_not: &[&str]) -> Self {
        let shown = ids(self.a);
        let wrong: Vec<&&str> = must_not.iter().filter(|id| shown.contains(id)).collect();
        assert!(wrong.is_empty(), "recommendations that must not appear: {wrong:?}{}", summary(self.a));
        self
    }

    /// The headline verdict.
    fn verdict(self, v: Option<&str>) -> Self {
        assert_eq!(self.a.verdict, v, "verdict{}", summary(self.a));
        self
    }

    /// Some recommendation shown cites this [[faq]] entry.
    fn cites(self, faq: &str) -> Self {
        let cited = self.a.recommendations.iter().any(|r| r.citations.iter().any(|c| c.faq == Some(faq)));
        assert!(cited, "no recommendation cites FAQ entry {faq}{}", summary(self.a));
        self
    }

    /// Recommendation `rec` is shown and was produced by rule `rule`.
    fn because_of(self, rec: &str, rule: &str) -> Self {
        let r = self.a.recommendations.iter().find(|r| r.id == rec);
        let r = r.unwrap_or_else(|| panic!("recommendation {rec} is not shown{}", summary(self.a)));
        assert!(
            r.rules.contains(&rule),
            "{rec} comes from rules {:?}, not {rule}{}",
            r.rules,
            summary(self.a)
        );
        self
    }
}

fn need(answers: &[(&str, &str)]) -> Advice {
    advice("need", answers)
}
fn service_code(answers: &[(&str, &str)]) -> Advice {
    advice("service-code", answers)
}
fn icp_number(answers: &[(&str, &str)]) -> Advice {
    advice("icp-number", answers)
}

/// Advice that a filing is not needed, in any form.
const NO_FILING: &[&str] = &[
    "no-filing-hosted-outside",
    "no-filing-without-domain",
    "second-level-covered",
    "already-filed-with-alibaba",
];
/// Verdicts that a new filing has to be submitted through Alibaba Cloud.
const NEW_ALIBABA_FILING: &[&str] = &[
    "initial-filing",
    "new-website-filing-subject-elsewhere",
    "new-website-filing-subject-at-alibaba",
    "add-alibaba-as-provider",
];
/// Everything the foreign-enterprise questions can add.
const FOREIGN: &[&str] = &[
    "foreign-enterprise-must-file",
    "foreign-documents-not-accepted",
    "use-branch-documents",
    "office-filing-limits",
    "permanent-office-certificate",
];
/// Every service-code cause.
const SC_CAUSES: &[&str] = &[
    "buy-eligible-server",
    "hong-kong-no-service-code",
    "server-not-in-mainland",
    "use-purchasing-account",
    "switch-to-subscription",
    "renew-subscription",
    "expired-instance",
    "add-public-bandwidth",
    "service-code-limit-reached",
    "no-listed-cause",
    "apply-for-service-code",
];

fn without<'a>(all: &[&'a str], keep: &[&str]) -> Vec<&'a str> {
    all.iter().copied().filter(|x| !keep.contains(x)).collect()
}

/// Runs one scenario: advice for the answers, then the standard checks.
macro_rules! path {
    ($flow:ident, [$(($q:expr, $o:expr)),* $(,)?]) => {{
        let answers: &[(&str, &str)] = &[$(($q, $o)),*];
        let a = $flow(answers);
        (a, answers.len())
    }};
}

// ═══════════════════════════ 1.1 ICP Filing ═══════════════════════════

/// FAQ 1.1 "An ICP Filing is required if your domain name points to a node server in Mainland China and you need to activate web services."
#[test]
fn domain_pointing_to_mainland_ecs_needs_a_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "domain-on-mainland-server",
            "initial-filing",
            "no-website-until-filed",
            "get-service-code",
            "file-in-licence-province",
        ])
        .lacks(NO_FILING)
        .lacks(&["no-alibaba-filing-without-ecs", "ip-only-file-with-province", "file-with-hosting-provider"])
        .lacks(FOREIGN)
        .verdict(Some("initial-filing"))
        .cites("domain-names");
}

/// FAQ 1.1 "An ICP Filing is not required if you do not point to your ECS instances through domain name resolution."
#[test]
fn ecs_without_domain_or_website_needs_no_filing() {
    let (a, n) = path!(need, [("hosting", "mainland-ecs"), ("access", "no-website")]);
    scenario(&a, n)
        .has(&["no-filing-without-domain"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "domain-on-mainland-server",
            "get-service-code",
            "file-in-licence-province",
            "no-website-until-filed",
            "ip-only-file-with-province",
        ])
        .verdict(Some("no-filing-without-domain"))
        .cites("ecs-without-domain");
}

/// FAQ 1.1 "If the top-level domain name has been filed with Alibaba Cloud, the second-level domain name does not require an ICP Filing."
#[test]
fn second_level_domain_under_top_level_filed_with_alibaba_needs_nothing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "second-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "no"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["second-level-covered"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "domain-on-mainland-server",
            "get-service-code",
            "change-filing",
            "already-filed-with-alibaba",
            "no-website-until-filed",
        ])
        .lacks(&["second-level-parent-filed-elsewhere", "second-level-wait-for-filing"])
        .verdict(Some("second-level-covered"))
        .cites("second-level-domains");
}

/// FAQ 1.1 "You need to apply for an ICP Filing in Alibaba Cloud if the top-level domain name corresponding to the second-level domain name has an ICP number but the original ICP Filing is not provided by Alibaba Cloud."
#[test]
fn second_level_domain_under_top_level_filed_elsewhere_needs_alibaba_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "second-level"),
            ("domain-filing", "other-provider"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "second-level-parent-filed-elsewhere",
            "add-alibaba-as-provider",
            "get-service-code",
            "domain-on-mainland-server",
        ])
        .lacks(NO_FILING)
        .lacks(&["initial-filing", "second-level-wait-for-filing"])
        .verdict(Some("add-alibaba-as-provider"))
        .cites("second-level-domains");
}

/// FAQ 1.1 "You need to apply for an ICP Filing if the top-level domain name … does not have an ICP number. The second-level domain name can be used normally only after successfully obtaining an ICP Filing."
#[test]
fn second_level_domain_under_unfiled_top_level_waits_for_the_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "second-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "second-level-wait-for-filing",
            "initial-filing",
            "no-website-until-filed",
            "get-service-code",
        ])
        .lacks(NO_FILING)
        .lacks(&["second-level-parent-filed-elsewhere", "add-alibaba-as-provider"])
        .verdict(Some("initial-filing"))
        .cites("second-level-domains");
}

/// FAQ 1.1 "An Alibaba Cloud ICP Filing is not required if you do not purchase any ECS instances." — site on another mainland provider's server.
#[test]
fn no_alibaba_ecs_means_no_alibaba_filing_but_the_host_files() {
    let (a, n) = path!(
        need,
        [("hosting", "mainland-other"), ("access", "domain"), ("cdn", "none"), ("entity", "mainland"),]
    );
    scenario(&a, n)
        .has(&[
            "no-alibaba-filing-without-ecs",
            "file-with-hosting-provider",
            "no-website-until-filed",
            "file-in-licence-province",
        ])
        .lacks(NO_FILING)
        .lacks(FOREIGN)
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "get-service-code",
            "temporary-mainland-ecs",
            "cdn-mainland-needs-filing",
            "slb-file-then-switch-dns",
        ])
        .verdict(Some("file-with-hosting-provider"))
        .cites("no-ecs");
}

/// FAQ 1.1 "An Alibaba Cloud ICP Filing is not required if you do not purchase any ECS instances." — with only international CDN it still holds.
#[test]
fn no_alibaba_ecs_with_international_cdn_still_files_with_the_host() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-other"),
            ("access", "domain"),
            ("cdn", "international"),
            ("entity", "mainland"),
        ]
    );
    scenario(&a, n)
        .has(&["no-alibaba-filing-without-ecs", "cdn-international-no-filing", "file-with-hosting-provider"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&["temporary-mainland-ecs", "cdn-mainland-needs-filing", "get-service-code"])
        .verdict(Some("file-with-hosting-provider"))
        .cites("no-ecs");
}

/// FAQ 1.1 "You need to apply for the initial ICP Filing … if the subject and domain name have not completed ICP Filing before."
#[test]
fn never_filed_subject_and_domain_apply_for_initial_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "international"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["initial-filing", "get-service-code", "no-website-until-filed", "cdn-international-no-filing"])
        .lacks(NO_FILING)
        .lacks(&without(NEW_ALIBABA_FILING, &["initial-filing"]))
        .lacks(&["change-filing", "second-level-wait-for-filing"])
        .verdict(Some("initial-filing"))
        .cites("when-initial-filing");
}

/// FAQ 1.1 "You need to apply for an ICP Filing if you want to transfer the ICP Filing of the subject and domain name from the original service provider to Alibaba Cloud or add Alibaba Cloud as a new ICP Filing provider"
#[test]
fn domain_filed_with_another_provider_transfers_or_adds_alibaba() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "other-provider"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["add-alibaba-as-provider", "get-service-code", "file-in-licence-province"])
        .lacks(NO_FILING)
        .lacks(&without(NEW_ALIBABA_FILING, &["add-alibaba-as-provider"]))
        .lacks(&["second-level-parent-filed-elsewhere", "change-filing"])
        .verdict(Some("add-alibaba-as-provider"))
        .cites("transfer-filing");
}

/// FAQ 1.2 "You cannot open your website for visit if you have no ICP Filing." — does not apply to a domain that already has an ICP number from another provider (FAQ 1.1 transfer).
#[test]
fn domain_filed_with_another_provider_is_not_told_it_has_no_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "other-provider"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["add-alibaba-as-provider"])
        .lacks(&["no-website-until-filed"])
        .verdict(Some("add-alibaba-as-provider"));
}

/// FAQ 1.1 "You need to apply for a website ICP Filing if your filing subject has been filed with another service provider and you want to apply for an ICP Filing for a new website domain name in Alibaba Cloud"
#[test]
fn subject_filed_elsewhere_adds_a_new_website_in_alibaba() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "other-provider"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["new-website-filing-subject-elsewhere", "get-service-code", "no-website-until-filed"])
        .lacks(NO_FILING)
        .lacks(&without(NEW_ALIBABA_FILING, &["new-website-filing-subject-elsewhere"]))
        .verdict(Some("new-website-filing-subject-elsewhere"))
        .cites("new-website-filing");
}

/// FAQ 1.1 "You need to apply for a website ICP Filing if your filing subject has been filed with Alibaba Cloud and your new website is hosted on an ECS instance."
#[test]
fn subject_filed_with_alibaba_adds_a_new_website() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "alibaba"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["new-website-filing-subject-at-alibaba", "get-service-code", "no-website-until-filed"])
        .lacks(NO_FILING)
        .lacks(&without(NEW_ALIBABA_FILING, &["new-website-filing-subject-at-alibaba"]))
        .verdict(Some("new-website-filing-subject-at-alibaba"))
        .cites("new-website-filing");
}

/// FAQ 1.1 "You need to change your ICP Filing on the Alibaba Cloud ICP Filing platform if your website has an ICP Filing number in Alibaba Cloud and you want to modify the information"
#[test]
fn filed_with_alibaba_and_information_changed_applies_for_change_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "yes"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["change-filing"])
        .lacks(NO_FILING)
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "get-service-code",
            "file-in-licence-province",
            "no-website-until-filed",
            "domain-on-mainland-server",
        ])
        .verdict(Some("change-filing"))
        .cites("when-change-filing");
}

/// FAQ 1.1 (change filing, the other way round) — filed with Alibaba Cloud and nothing to modify: no new filing.
#[test]
fn filed_with_alibaba_and_up_to_date_needs_no_new_filing() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "no"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["already-filed-with-alibaba"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "change-filing",
            "get-service-code",
            "domain-on-mainland-server",
            "no-website-until-filed",
            "second-level-covered",
        ])
        .verdict(Some("already-filed-with-alibaba"))
        .cites("when-change-filing");
}

/// FAQ 1.1 second-level domains + change filing: top-level filed with Alibaba Cloud whose information must be modified.
#[test]
fn second_level_domain_whose_filed_top_level_needs_a_change() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "second-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "yes"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["change-filing"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&["second-level-covered", "already-filed-with-alibaba", "get-service-code"])
        .verdict(Some("change-filing"));
}

// ═════════════════ 1.2 For enterprises registered outside mainland China ═════════════════

/// FAQ 1.2 "If your enterprise is not registered with the mainland China government, and you use an ECS instance in mainland China to host your website, you must apply for an ICP Filing." — with a registered branch company.
#[test]
fn foreign_enterprise_with_mainland_branch_files_with_branch_documents() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "branch"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "foreign-enterprise-must-file",
            "foreign-documents-not-accepted",
            "use-branch-documents",
            "initial-filing",
            "file-in-licence-province",
        ])
        .lacks(NO_FILING)
        .lacks(&["office-filing-limits", "permanent-office-certificate", "hong-kong-fallback"])
        .verdict(Some("initial-filing"))
        .cites("foreign-enterprises")
        .cites("physical-office");
}

/// FAQ 1.2 "If you have a physical office (“ban shi chu” in Chinese) in China, you can apply for ICP Filing in some provinces or municipalities, but you cannot apply for an ICP Commercial License."
#[test]
fn foreign_enterprise_with_office_only_files_in_some_provinces() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "office"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "foreign-enterprise-must-file",
            "foreign-documents-not-accepted",
            "office-filing-limits",
            "hong-kong-fallback",
            "initial-filing",
        ])
        .lacks(NO_FILING)
        .lacks(&["use-branch-documents", "permanent-office-certificate", "slb-update-commercial-license"])
        .verdict(Some("initial-filing"))
        .cites("physical-office");
}

/// FAQ 1.2 "If you do not have a registered company, you must apply for a Registration Certificate of Foreign Enterprises Permanent Office in China … and use this as a business license"
#[test]
fn foreign_enterprise_without_branch_or_office_needs_permanent_office_certificate() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "none"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "foreign-enterprise-must-file",
            "foreign-documents-not-accepted",
            "permanent-office-certificate",
            "hong-kong-fallback",
            "initial-filing",
        ])
        .lacks(NO_FILING)
        .lacks(&["use-branch-documents", "office-filing-limits"])
        .verdict(Some("initial-filing"))
        .cites("physical-office");
}

/// FAQ 1.2 "Documents issued outside mainland China are not accepted for ICP Filing." — a foreign enterprise that does not host on ECS (mainland CDN) still needs mainland documents.
#[test]
fn foreign_enterprise_hosted_outside_with_mainland_cdn_needs_mainland_documents() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "outside"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "branch"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "foreign-documents-not-accepted",
            "use-branch-documents",
            "cdn-mainland-needs-filing",
            "temporary-mainland-ecs",
            "initial-filing",
        ])
        // The 1.2 preamble is about hosting on ECS in mainland China, which this site does not.
        .lacks(&["foreign-enterprise-must-file", "no-filing-hosted-outside"])
        .verdict(Some("initial-filing"))
        .cites("physical-office");
}

/// FAQ 1.2 "You cannot open your website for visit if you have no ICP Filing. If you cannot finished ICP Filing for some reasons (such as, you cannot provide the required documents or domain name), we recommend you use ECS instances in Hongkong."
#[test]
fn without_a_filing_the_site_stays_closed_and_hong_kong_is_the_fallback() {
    // No mainland documents (no branch, no office) and no filing yet.
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "none"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["no-website-until-filed", "hong-kong-fallback"])
        .lacks(NO_FILING)
        .cites("no-filing");
}

/// FAQ 1.2 "If you plan to use the Server Load Balancer together with ECS in mainland China, you can complete the ICP Filing using one of the ECS instances. Once your ICP Filing has been approved, change your DNS record" — no ICP Commercial License.
#[test]
fn load_balancer_without_commercial_license_files_then_switches_dns() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "yes"),
            ("commercial-license", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["slb-file-then-switch-dns", "initial-filing", "get-service-code"])
        .lacks(NO_FILING)
        .lacks(&["slb-update-commercial-license"])
        .verdict(Some("initial-filing"))
        .cites("server-load-balancer");
}

/// FAQ 1.2 "If you are an ICP Commercial License holder, you must update your ICP Commercial License information when changing the IP address to your Server Load Balancer instance."
#[test]
fn load_balancer_with_commercial_license_must_update_the_license() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "yes"),
            ("commercial-license", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["slb-file-then-switch-dns", "slb-update-commercial-license", "initial-filing"])
        .lacks(NO_FILING)
        .verdict(Some("initial-filing"))
        .cites("server-load-balancer");
}

/// FAQ 1.2 SLB + ICP Commercial License on a domain already filed with Alibaba Cloud: the licence still has to follow the new IP address.
#[test]
fn load_balancer_in_front_of_an_already_filed_site_with_commercial_license() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "no"),
            ("slb", "yes"),
            ("commercial-license", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["already-filed-with-alibaba", "slb-update-commercial-license"])
        .lacks(NEW_ALIBABA_FILING)
        .verdict(Some("already-filed-with-alibaba"))
        .cites("server-load-balancer");
}

/// FAQ 1.2 SLB with only a physical office: "you cannot apply for an ICP Commercial License", so the licence question is not asked and no licence advice is given.
#[test]
fn load_balancer_with_office_only_gets_no_commercial_license_advice() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "outside"),
            ("presence", "office"),
            ("slb", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["slb-file-then-switch-dns", "office-filing-limits"])
        .lacks(&["slb-update-commercial-license"])
        .verdict(Some("initial-filing"));
    assert!(!a.progress.possibly_ahead.contains(&"commercial-license"), "{}", summary(&a));
}

/// FAQ 1.2 "If you only plan to use Alibaba Cloud international CDN (mainland China is not covered), you are not required to apply for an ICP Filing." — site hosted outside mainland China.
#[test]
fn international_cdn_for_a_site_hosted_outside_needs_no_filing() {
    let (a, n) = path!(need, [("hosting", "outside"), ("cdn", "international")]);
    scenario(&a, n)
        .has(&["cdn-international-no-filing", "no-filing-hosted-outside"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "cdn-mainland-needs-filing",
            "temporary-mainland-ecs",
            "get-service-code",
            "file-in-licence-province",
        ])
        .verdict(Some("no-filing-hosted-outside"))
        .cites("alibaba-cdn");
}

/// FAQ 1.2 international CDN in front of a site on mainland ECS: the CDN adds no filing, but the mainland site still needs one.
#[test]
fn international_cdn_does_not_exempt_a_site_on_mainland_ecs() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "international"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["cdn-international-no-filing", "domain-on-mainland-server", "initial-filing"])
        .lacks(NO_FILING)
        .lacks(&["cdn-mainland-needs-filing", "temporary-mainland-ecs"])
        .verdict(Some("initial-filing"))
        .cites("alibaba-cdn");
}

/// FAQ 1.2 "If you plan to use CDN in mainland China, you must apply for an ICP Filing." — site already on mainland ECS, so no temporary instance.
#[test]
fn mainland_cdn_for_a_site_on_mainland_ecs_needs_a_filing_without_temporary_ecs() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "cdn-mainland-needs-filing",
            "domain-on-mainland-server",
            "initial-filing",
            "get-service-code",
        ])
        .lacks(NO_FILING)
        .lacks(&["temporary-mainland-ecs", "cdn-international-no-filing"])
        .verdict(Some("initial-filing"))
        .cites("alibaba-cdn");
}

/// FAQ 1.2 "you need a temporary ECS instance (with at least three-month subscription) in mainland China to complete the ICP Filing process, whether your website is hosted in mainland China or not." — hosted outside.
#[test]
fn mainland_cdn_for_a_site_hosted_outside_needs_filing_and_temporary_ecs() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "outside"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
        ]
    );
    scenario(&a, n)
        .has(&["cdn-mainland-needs-filing", "temporary-mainland-ecs", "initial-filing", "get-service-code"])
        .lacks(NO_FILING)
        // Hosted outside, the site itself needs no filing to stay open; only the mainland CDN waits.
        .lacks(&["no-alibaba-filing-without-ecs", "domain-on-mainland-server", "no-website-until-filed"])
        .verdict(Some("initial-filing"))
        .cites("alibaba-cdn")
        .cites("hosted-outside");
}

/// FAQ 1.2 mainland CDN, site hosted in Hong Kong: the CDN answer overrides "no filing outside mainland".
#[test]
fn mainland_cdn_for_a_site_hosted_in_hong_kong_needs_filing_and_temporary_ecs() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "hong-kong"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
        ]
    );
    scenario(&a, n)
        .has(&["cdn-mainland-needs-filing", "temporary-mainland-ecs", "initial-filing"])
        .lacks(NO_FILING)
        .verdict(Some("initial-filing"))
        .cites("alibaba-cdn");
}

/// FAQ 1.2 + 1.1 mainland CDN with no Alibaba ECS at all (site on another mainland provider): the CDN answer wins over "no ECS, no Alibaba filing".
#[test]
fn mainland_cdn_without_any_ecs_needs_filing_and_temporary_ecs() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-other"),
            ("access", "domain"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "cdn-mainland-needs-filing",
            "temporary-mainland-ecs",
            "initial-filing",
            "get-service-code",
            "no-website-until-filed",
        ])
        .lacks(NO_FILING)
        .lacks(&["no-alibaba-filing-without-ecs", "file-with-hosting-provider"])
        .verdict(Some("initial-filing"))
        .cites("alibaba-cdn");
}

/// FAQ 1.2 mainland CDN for a site outside mainland whose domain is filed elsewhere: transfer/add Alibaba Cloud, via a temporary ECS.
#[test]
fn mainland_cdn_for_outside_site_with_domain_filed_elsewhere() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "outside"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "other-provider"),
            ("entity", "mainland"),
        ]
    );
    scenario(&a, n)
        .has(&["cdn-mainland-needs-filing", "temporary-mainland-ecs", "add-alibaba-as-provider"])
        .lacks(NO_FILING)
        .lacks(&["initial-filing"])
        .verdict(Some("add-alibaba-as-provider"));
}

/// FAQ 1.2 mainland CDN for a domain already filed through Alibaba Cloud: it already has its filing.
#[test]
fn mainland_cdn_for_a_domain_already_filed_with_alibaba() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "outside"),
            ("cdn", "mainland"),
            ("domain-kind", "top-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["already-filed-with-alibaba"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&["get-service-code", "no-filing-hosted-outside"])
        .verdict(Some("already-filed-with-alibaba"));
}

/// FAQ 1.2 "You do not need an ICP Filing if your website is hosted outside mainland China."
#[test]
fn site_hosted_outside_without_cdn_needs_no_filing() {
    let (a, n) = path!(need, [("hosting", "outside"), ("cdn", "none")]);
    scenario(&a, n)
        .has(&["no-filing-hosted-outside"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "cdn-mainland-needs-filing",
            "temporary-mainland-ecs",
            "get-service-code",
            "file-in-licence-province",
            "no-website-until-filed",
            "cdn-international-no-filing",
        ])
        .verdict(Some("no-filing-hosted-outside"))
        .cites("hosted-outside");
}

/// FAQ 1.4 note "ICP registration is not required for websites hosted in instances that are deployed within Hong Kong, China." — in the need flow.
#[test]
fn site_hosted_in_hong_kong_without_cdn_needs_no_filing() {
    let (a, n) = path!(need, [("hosting", "hong-kong"), ("cdn", "none")]);
    scenario(&a, n)
        .has(&["no-filing-hosted-outside"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "cdn-mainland-needs-filing",
            "temporary-mainland-ecs",
            "get-service-code",
            "no-website-until-filed",
        ])
        .verdict(Some("no-filing-hosted-outside"))
        .cites("hong-kong");
}

/// FAQ 1.2 "If your website can be accessed only by IP address, you cannot apply for an ICP Filing through the Alibaba Cloud ICP Filing system … you must submit a website ICP Filing application to the province where your commercial entity locates."
#[test]
fn ip_only_website_on_ecs_files_with_the_province() {
    let (a, n) = path!(need, [("hosting", "mainland-ecs"), ("access", "ip-only"), ("entity", "mainland")]);
    scenario(&a, n)
        .has(&[
            "ip-only-file-with-province",
            "no-website-until-filed",
            "hong-kong-fallback",
            "file-in-licence-province",
        ])
        .lacks(NO_FILING)
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&["get-service-code", "domain-on-mainland-server", "slb-file-then-switch-dns"])
        .verdict(Some("ip-only-file-with-province"))
        .cites("ip-only");
}

/// FAQ 1.2 IP-only website, foreign enterprise with a branch: still the province, with the branch's documents.
#[test]
fn ip_only_website_of_a_foreign_enterprise_with_branch() {
    let (a, n) = path!(
        need,
        [("hosting", "mainland-ecs"), ("access", "ip-only"), ("entity", "outside"), ("presence", "branch"),]
    );
    scenario(&a, n)
        .has(&[
            "ip-only-file-with-province",
            "foreign-enterprise-must-file",
            "foreign-documents-not-accepted",
            "use-branch-documents",
        ])
        .lacks(NO_FILING)
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&["get-service-code"])
        .verdict(Some("ip-only-file-with-province"));
}

/// FAQ 1.2 IP-only website on another provider's mainland server: a filing with the province; no Alibaba filing.
#[test]
fn ip_only_website_on_another_mainland_server_files_with_the_province() {
    let (a, n) = path!(need, [("hosting", "mainland-other"), ("access", "ip-only"), ("entity", "mainland")]);
    scenario(&a, n)
        .has(&["ip-only-file-with-province", "no-alibaba-filing-without-ecs", "no-website-until-filed"])
        .lacks(NO_FILING)
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&["file-with-hosting-provider", "get-service-code", "foreign-enterprise-must-file"])
        .verdict(Some("ip-only-file-with-province"))
        .cites("ip-only");
}

/// FAQ 1.1 "An ICP Filing is not required if you do not point to your ECS instances through domain name resolution." — a server of another mainland provider that serves no website.
#[test]
fn server_without_website_on_another_mainland_provider_needs_no_filing() {
    let (a, n) = path!(need, [("hosting", "mainland-other"), ("access", "no-website")]);
    scenario(&a, n)
        .has(&["no-filing-without-domain", "no-alibaba-filing-without-ecs"])
        .lacks(NEW_ALIBABA_FILING)
        .lacks(&[
            "file-with-hosting-provider",
            "ip-only-file-with-province",
            "no-website-until-filed",
            "file-in-licence-province",
        ])
        .verdict(Some("no-filing-without-domain"))
        .cites("ecs-without-domain");
}

/// FAQ 1.2 "You must apply for an ICP Filing in the same province where your Chinese business license was issued."
#[test]
fn the_filing_is_made_in_the_licence_province() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("slb", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["file-in-licence-province"])
        .because_of("file-in-licence-province", "filing-province")
        .cites("province");
    let rec = a.recommendations.iter().find(|r| r.id == "file-in-licence-province").unwrap();
    assert!(rec
        .citations
        .iter()
        .any(|c| c.faq == Some("province") && c.quote.contains("business license was issued")));
}

/// FAQ 1.4 "ICP Filing service code is the verification code that is associated with the Alibaba Cloud services and that is used to fill in the registration information in the Alibaba Cloud ICP Filing system." — every new Alibaba filing needs one.
#[test]
fn a_new_alibaba_filing_starts_with_a_service_code() {
    let (a, n) = path!(
        need,
        [
            ("hosting", "hong-kong"),
            ("cdn", "mainland"),
            ("domain-kind", "second-level"),
            ("domain-filing", "other-provider"),
            ("entity", "mainland"),
        ]
    );
    scenario(&a, n)
        .has(&[
            "get-service-code",
            "temporary-mainland-ecs",
            "add-alibaba-as-provider",
            "second-level-parent-filed-elsewhere",
        ])
        .verdict(Some("add-alibaba-as-provider"))
        .cites("what-is-service-code");
    let rec = a.recommendations.iter().find(|r| r.id == "get-service-code").unwrap();
    assert_eq!(rec.related_flow.as_ref().map(|f| f.id), Some("service-code"));
}

// ═══════════════════════════ 1.3 ICP Filing number ═══════════════════════════

/// FAQ 1.3 "The filing subject submits a cancellation application to the administration office or service provider."
#[test]
fn revoked_after_the_subject_cancelled() {
    let (a, n) = path!(icp_number, [("num-topic", "revoked"), ("num-cause", "subject-cancelled")]);
    scenario(&a, n)
        .has(&["no-restoration", "file-again-promptly", "revoked-by-subject"])
        .lacks(&[
            "revoked-domain-expired",
            "revoked-inaccurate-information",
            "revoked-illegal-content",
            "revocation-causes",
            "blacklisted-permanently-denied",
            "icp-number-no-expiry",
        ])
        .verdict(None)
        .cites("revoked-why")
        .cites("restore");
}

/// FAQ 1.3 "Your domain name has expired, and the new registrant has submitted a cancellation application to the administration bureau."
#[test]
fn revoked_after_the_domain_expired() {
    let (a, n) = path!(icp_number, [("num-topic", "revoked"), ("num-cause", "domain-expired")]);
    scenario(&a, n)
        .has(&["no-restoration", "file-again-promptly", "revoked-domain-expired"])
        .lacks(&[
            "revoked-by-subject",
            "revoked-inaccurate-information",
            "revoked-illegal-content",
            "revocation-causes",
            "blacklisted-permanently-denied",
        ])
        .verdict(None)
        .cites("revoked-why");
}

/// FAQ 1.3 "Your website information is not authentic or accurate, or the ICP Filing information is missing. For example, the filing provider cancels the filing."
#[test]
fn revoked_for_inaccurate_or_missing_information() {
    let (a, n) = path!(icp_number, [("num-topic", "revoked"), ("num-cause", "inaccurate")]);
    scenario(&a, n)
        .has(&["no-restoration", "file-again-promptly", "revoked-inaccurate-information"])
        .lacks(&[
            "revoked-by-subject",
            "revoked-domain-expired",
            "revoked-illegal-content",
            "revocation-causes",
            "blacklisted-permanently-denied",
        ])
        .verdict(None)
        .cites("revoked-why");
}

/// FAQ 1.3 "If your website contains illegal information, the administration bureau will revoke your website and subject ICP numbers." — not blacklisted.
#[test]
fn revoked_for_illegal_content_not_blacklisted_may_file_again() {
    let (a, n) = path!(
        icp_number,
        [("num-topic", "revoked"), ("num-cause", "illegal-content"), ("num-blacklisted", "no"),]
    );
    scenario(&a, n)
        .has(&["no-restoration", "file-again-promptly", "revoked-illegal-content"])
        .lacks(&[
            "blacklisted-permanently-denied",
            "revoked-by-subject",
            "revoked-domain-expired",
            "revoked-inaccurate-information",
            "revocation-causes",
        ])
        .verdict(None)
        .cites("revoked-why");
}

/// FAQ 1.3 "In serious cases, the subject information will be blacklisted, and your credential number and website name will be permanently denied for ICP Filing."
#[test]
fn blacklisted_subject_is_not_told_to_file_again() {
    let (a, n) = path!(
        icp_number,
        [("num-topic", "revoked"), ("num-cause", "illegal-content"), ("num-blacklisted", "yes"),]
    );
    scenario(&a, n)
        .has(&["no-restoration", "revoked-illegal-content", "blacklisted-permanently-denied"])
        .lacks(&["file-again-promptly"])
        .verdict(None)
        .cites("revoked-why");
}

/// FAQ 1.3 "Your ICP number may be revoked in the following situations:" — cause unknown: list them all.
#[test]
fn revoked_for_an_unknown_reason_lists_the_four_causes() {
    let (a, n) = path!(icp_number, [("num-topic", "revoked"), ("num-cause", "unknown")]);
    scenario(&a, n)
        .has(&["no-restoration", "file-again-promptly", "revocation-causes"])
        .lacks(&[
            "revoked-by-subject",
            "revoked-domain-expired",
            "revoked-inaccurate-information",
            "revoked-illegal-content",
            "blacklisted-permanently-denied",
        ])
        .verdict(None)
        .cites("revoked-why");
    let causes = a.recommendations.iter().find(|r| r.id == "revocation-causes").unwrap();
    assert!(causes.citations.len() >= 4, "all four causes are quoted: {:?}", causes.citations);
}

/// FAQ 1.3 "An ICP number cannot be restored once it has been revoked … We recommend that you apply for an ICP Filing for your domain name as soon as possible."
#[test]
fn a_revoked_number_cannot_be_restored_file_again() {
    let (a, n) = path!(icp_number, [("num-topic", "revoked"), ("num-cause", "inaccurate")]);
    scenario(&a, n).has(&["no-restoration", "file-again-promptly"]).cites("restore");
    let again = a.recommendations.iter().find(|r| r.id == "file-again-promptly").unwrap();
    assert_eq!(again.kind, "required");
    assert_eq!(again.related_flow.as_ref().map(|f| f.id), Some("need"));
}

/// FAQ 1.3 "At present, the administration bureau does not set a validity period for ICP numbers." — nothing to update.
#[test]
fn validity_with_nothing_to_update() {
    let (a, n) = path!(icp_number, [("num-topic", "validity"), ("num-update", "nothing")]);
    scenario(&a, n)
        .has(&["icp-number-no-expiry"])
        .lacks(&["change-filing", "change-provider-filing", "no-restoration", "file-again-promptly"])
        .verdict(None)
        .cites("validity");
}

/// FAQ 1.3 "apply for an ICP Filing change promptly to modify the filing information"
#[test]
fn validity_with_changed_information_applies_for_change_filing() {
    let (a, n) = path!(icp_number, [("num-topic", "validity"), ("num-update", "info-changed")]);
    scenario(&a, n)
        .has(&["icp-number-no-expiry", "change-filing-promptly"])
        .lacks(&["change-provider-filing", "no-restoration", "change-filing"])
        .verdict(None)
        .cites("validity");
}

/// FAQ 1.3 "or apply for an ICP Filing to change to another service provider."
#[test]
fn validity_with_a_new_provider_applies_with_that_provider() {
    let (a, n) = path!(icp_number, [("num-topic", "validity"), ("num-update", "new-provider")]);
    scenario(&a, n)
        .has(&["icp-number-no-expiry", "change-provider-filing"])
        .lacks(&["change-filing", "change-filing-promptly", "no-restoration"])
        .verdict(None)
        .cites("validity")
        .cites("transfer-filing");
}

// ═══════════════════════════ 1.4 ICP Filing service code ═══════════════════════════

/// FAQ 1.4 "You need to first purchase the Alibaba Cloud server that supports ICP registration to apply for the service identification number."
#[test]
fn no_server_yet_buy_an_eligible_one() {
    let (a, n) = path!(service_code, [("sc-server", "none")]);
    scenario(&a, n)
        .has(&["buy-eligible-server"])
        .lacks(&without(SC_CAUSES, &["buy-eligible-server"]))
        .verdict(None)
        .cites("no-server");
}

/// FAQ 1.4 note "ICP registration is not required for websites hosted in instances that are deployed within Hong Kong, China."
#[test]
fn hong_kong_server_needs_no_service_code() {
    let (a, n) = path!(service_code, [("sc-server", "hong-kong")]);
    scenario(&a, n)
        .has(&["hong-kong-no-service-code"])
        .lacks(&without(SC_CAUSES, &["hong-kong-no-service-code"]))
        .verdict(None)
        .cites("hong-kong");
}

/// FAQ 1.4 "You did not purchase Alibaba Cloud servers that are deployed within Mainland China." — server in another region outside mainland.
#[test]
fn server_outside_mainland_cannot_get_a_service_code() {
    let (a, n) = path!(service_code, [("sc-server", "outside")]);
    scenario(&a, n)
        .has(&["server-not-in-mainland"])
        .lacks(&without(SC_CAUSES, &["server-not-in-mainland"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "The account you are using is not the one that you used when you purchased the server."
#[test]
fn no_apply_button_wrong_account() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "no"),
            ("sc-billing", "subscription"),
            ("sc-term", "enough"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["use-purchasing-account"])
        .lacks(&without(SC_CAUSES, &["use-purchasing-account"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "You chose Pay-As-You-Go as the billing method for your ESC instance. Pay-As-You-Go instances do not support registration."
#[test]
fn no_apply_button_pay_as_you_go() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "pay-as-you-go"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["switch-to-subscription"])
        .lacks(&without(SC_CAUSES, &["switch-to-subscription"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "the remaining time before it expires meets the requirements for registration. In this case, check if the instance has a public network bandwidth assigned."
#[test]
fn no_apply_button_no_public_bandwidth() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "subscription"),
            ("sc-term", "enough"),
            ("sc-bandwidth", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["add-public-bandwidth"])
        .lacks(&without(SC_CAUSES, &["add-public-bandwidth"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "the remaining time before it expires does not meet the requirements for registration. In this case, renew the subscription."
#[test]
fn no_apply_button_subscription_too_short() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "subscription"),
            ("sc-term", "too-short"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["renew-subscription"])
        .lacks(&without(SC_CAUSES, &["renew-subscription"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "Your ECS instance has expired. An expired instance cannot apply for the ICP Filing service code."
#[test]
fn no_apply_button_instance_expired() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "subscription"),
            ("sc-term", "expired"),
        ]
    );
    scenario(&a, n)
        .has(&["expired-instance"])
        .lacks(&without(SC_CAUSES, &["expired-instance"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "The maximum of the service identification numbers for ICP registration that your instance can apply for has been reached."
#[test]
fn no_apply_button_service_code_limit_reached() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "subscription"),
            ("sc-term", "enough"),
            ("sc-bandwidth", "yes"),
            ("sc-quota", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["service-code-limit-reached"])
        .lacks(&without(SC_CAUSES, &["service-code-limit-reached"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 "If the Apply button does not appear … the reasons may be as follows:" — every listed reason ruled out.
#[test]
fn no_apply_button_none_of_the_listed_causes() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "yes"),
            ("sc-billing", "subscription"),
            ("sc-term", "enough"),
            ("sc-bandwidth", "yes"),
            ("sc-quota", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["no-listed-cause"])
        .lacks(&without(SC_CAUSES, &["no-listed-cause"]))
        .verdict(None)
        .cites("no-apply-button");
}

/// FAQ 1.4 missing Apply button with two causes at once (wrong account and Pay-As-You-Go): both are given.
#[test]
fn no_apply_button_wrong_account_and_pay_as_you_go() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-apply-button"),
            ("sc-account", "no"),
            ("sc-billing", "pay-as-you-go"),
            ("sc-bandwidth", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["use-purchasing-account", "switch-to-subscription", "add-public-bandwidth"])
        .lacks(&["no-listed-cause", "apply-for-service-code", "service-code-limit-reached"])
        .verdict(None);
}

/// FAQ 1.4 "If you do not own a public IP address, purchase the bandwidth first."
#[test]
fn no_eligible_ip_without_public_bandwidth() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-eligible-ip"),
            ("sc-billing", "subscription"),
            ("sc-bandwidth", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["add-public-bandwidth"])
        .lacks(&without(SC_CAUSES, &["add-public-bandwidth"]))
        .verdict(None)
        .cites("no-eligible-ip");
}

/// FAQ 1.4 "the Alibaba Cloud ECS that supports ICP registration is an instance that is deployed within Mainland China, that has a yearly or monthly subscription" — Pay-As-You-Go.
#[test]
fn no_eligible_ip_on_pay_as_you_go() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-eligible-ip"),
            ("sc-billing", "pay-as-you-go"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["switch-to-subscription"])
        .lacks(&without(SC_CAUSES, &["switch-to-subscription"]))
        .verdict(None)
        .cites("no-eligible-ip");
}

/// FAQ 1.4 no eligible IP although the instance is mainland, subscription and has bandwidth: no listed cause.
#[test]
fn no_eligible_ip_with_every_requirement_met() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "no-eligible-ip"),
            ("sc-billing", "subscription"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["no-listed-cause"])
        .lacks(&without(SC_CAUSES, &["no-listed-cause"]))
        .verdict(None)
        .cites("no-eligible-ip");
}

/// FAQ 1.4 "Currently, the Alibaba Cloud ECS that supports ICP registration is an instance that is deployed within Mainland China, that has a yearly or monthly subscription, and has a public network bandwidth assigned." — not tried yet, qualifies.
#[test]
fn not_tried_yet_and_the_instance_qualifies() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "not-tried"),
            ("sc-billing", "subscription"),
            ("sc-term", "enough"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["apply-for-service-code"])
        .lacks(&without(SC_CAUSES, &["apply-for-service-code"]))
        .verdict(None)
        .cites("no-eligible-ip");
}

/// FAQ 1.4 not tried yet, on Pay-As-You-Go without bandwidth: it does not qualify.
#[test]
fn not_tried_yet_and_the_instance_does_not_qualify() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "not-tried"),
            ("sc-billing", "pay-as-you-go"),
            ("sc-bandwidth", "no"),
        ]
    );
    scenario(&a, n)
        .has(&["switch-to-subscription", "add-public-bandwidth"])
        .lacks(&["apply-for-service-code", "no-listed-cause"])
        .verdict(None)
        .cites("no-eligible-ip");
}

// ═══════════════════════════ engine behaviour ═══════════════════════════

/// Asserts the state of an incomplete flow: next question and exact progress.
fn assert_partial(a: &Advice, next: &str, answered: usize, at_most_remaining: usize) {
    let s = summary(a);
    assert!(!a.complete, "should be incomplete{s}");
    assert_eq!(a.next_question.as_ref().map(|q| q.id), Some(next), "next question{s}");
    assert_eq!(a.progress.answered, answered, "answered{s}");
    assert_eq!(a.progress.at_most_remaining, at_most_remaining, "at most remaining{s}");
    assert_eq!(a.progress.at_most_total, answered + at_most_remaining, "at most total{s}");
    assert!(a.recommendations.is_empty(), "no advice before the flow is complete{s}");
    assert_eq!(a.verdict, None, "no verdict before the flow is complete{s}");
    assert_eq!(a.progress.possibly_ahead.first().copied(), Some(next), "the next question is ahead{s}");
}

/// Nothing answered: the first question, and the longest path of each flow.
#[test]
fn empty_answers_start_each_flow_with_its_longest_path() {
    // need: hosting, access, cdn, domain-kind, domain-filing, subject-filing, entity,
    // presence, slb, commercial-license.
    assert_partial(&need(&[]), "hosting", 0, 10);
    // service-code: sc-server, sc-problem, sc-account, sc-billing, sc-term, sc-bandwidth, sc-quota.
    assert_partial(&service_code(&[]), "sc-server", 0, 7);
    // icp-number: num-topic, num-cause, num-blacklisted.
    assert_partial(&icp_number(&[]), "num-topic", 0, 3);
}

/// Hosting in Hong Kong: CDN next, and at most 6 more (cdn, domain-kind, domain-filing, subject-filing, entity, presence);
/// change-needed is also possibly ahead, on the shorter path of a domain filed with Alibaba Cloud.
#[test]
fn partial_hong_kong_asks_about_cdn_next() {
    let a = need(&[("hosting", "hong-kong")]);
    assert_partial(&a, "cdn", 1, 6);
    assert_eq!(
        a.progress.possibly_ahead,
        vec!["cdn", "domain-kind", "domain-filing", "subject-filing", "change-needed", "entity", "presence"],
        "{}",
        summary(&a)
    );
}

/// Mainland ECS with a domain: at most 8 more, and the access question is no longer ahead.
#[test]
fn partial_mainland_domain_asks_about_cdn_next() {
    let a = need(&[("hosting", "mainland-ecs"), ("access", "domain")]);
    assert_partial(&a, "cdn", 2, 8);
    assert!(!a.progress.possibly_ahead.contains(&"access"));
    assert!(a.progress.possibly_ahead.contains(&"commercial-license"));
}

/// Mainland ECS, IP address only: only the entity questions remain (entity, presence).
#[test]
fn partial_ip_only_asks_about_the_entity_next() {
    let a = need(&[("hosting", "mainland-ecs"), ("access", "ip-only")]);
    assert_partial(&a, "entity", 2, 2);
    assert_eq!(a.progress.possibly_ahead, vec!["entity", "presence"]);
}

/// Domain filed with Alibaba Cloud: change-needed next, then slb and commercial-license at most.
#[test]
fn partial_domain_filed_with_alibaba_asks_about_changes_next() {
    let a = need(&[
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "alibaba"),
    ]);
    assert_partial(&a, "change-needed", 5, 3);
    assert_eq!(a.progress.possibly_ahead, vec!["change-needed", "slb", "commercial-license"]);
}

/// Service code: missing Apply button, wrong account — billing next; at most billing, term, bandwidth (quota needs the right account).
#[test]
fn partial_service_code_wrong_account_progress() {
    let a =
        service_code(&[("sc-server", "mainland"), ("sc-problem", "no-apply-button"), ("sc-account", "no")]);
    assert_partial(&a, "sc-billing", 3, 3);
    assert!(!a.progress.possibly_ahead.contains(&"sc-quota"));
}

/// ICP number: validity topic — one question left.
#[test]
fn partial_icp_number_validity_progress() {
    assert_partial(&icp_number(&[("num-topic", "validity")]), "num-update", 1, 1);
    assert_partial(&icp_number(&[("num-topic", "revoked")]), "num-cause", 1, 2);
    assert_partial(
        &icp_number(&[("num-topic", "revoked"), ("num-cause", "illegal-content")]),
        "num-blacklisted",
        2,
        1,
    );
}

/// Progress never overshoots: at every step of a real path, `at_most_total` is at least the path's length, and never grows.
#[test]
fn progress_bound_only_shrinks_along_a_path() {
    let path = [
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "none"),
        ("subject-filing", "none"),
        ("entity", "outside"),
        ("presence", "branch"),
        ("slb", "yes"),
        ("commercial-license", "yes"),
    ];
    let mut last = usize::MAX;
    for k in 0..=path.len() {
        let a = need(&path[..k]);
        assert_eq!(a.progress.answered, k);
        assert!(a.progress.at_most_total >= path.len(), "step {k}{}", summary(&a));
        assert!(a.progress.at_most_total <= last, "step {k}: the bound grew{}", summary(&a));
        last = a.progress.at_most_total;
        assert_eq!(a.complete, k == path.len());
    }
    // This is one of the longest paths: the bound is exact from the start.
    assert_eq!(need(&[]).progress.at_most_total, path.len());
}

/// Changing an early answer (mainland ECS → hosted outside) makes the later answers ignored; they never count toward advice.
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
        ("presence", "none"),
        ("slb", "yes"),
        ("commercial-license", "yes"),
    ];
    let before = need(&answers);
    scenario(&before, answers.len()).verdict(Some("initial-filing"));

    answers[0] = ("hosting", "outside");
    let after = need(&answers);
    let s = summary(&after);
    assert!(after.complete, "{s}");
    assert_eq!(after.verdict, Some("no-filing-hosted-outside"), "{s}");
    assert_eq!(
        after.ignored,
        vec![
            "access",
            "domain-kind",
            "domain-filing",
            "subject-filing",
            "entity",
            "presence",
            "slb",
            "commercial-license"
        ],
        "{s}"
    );
    let counted: Vec<&str> = after.answers.iter().map(|x| x.question).collect();
    assert_eq!(counted, vec!["hosting", "cdn"], "{s}");
    assert_eq!(after.progress.answered, 2, "{s}");
    assert_eq!(after.progress.at_most_total, 2, "{s}");
    // Nothing the ignored answers would have produced.
    let rs = ids(&after);
    for stale in [
        "initial-filing",
        "get-service-code",
        "permanent-office-certificate",
        "foreign-documents-not-accepted",
        "slb-file-then-switch-dns",
        "slb-update-commercial-license",
        "domain-on-mainland-server",
        "no-website-until-filed",
    ] {
        assert!(!rs.contains(&stale), "{stale} comes from an ignored answer{s}");
    }
    // And no recommendation gives an ignored answer as its reason.
    for r in &after.recommendations {
        for w in &r.why {
            assert!(!after.ignored.contains(&w.question), "{} cites ignored answer {}{s}", r.id, w.question);
        }
    }
}

/// Changing a middle answer (domain not filed → filed with Alibaba Cloud) drops the subject and entity answers and asks the newly relevant question.
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
        ("slb", "no"),
    ];
    let a = need(&answers);
    // subject-filing is before the stop (change-needed is after it in the flow), so it is reported.
    assert_partial(&a, "change-needed", 5, 3);
    assert_eq!(a.ignored, vec!["subject-filing"], "{}", summary(&a));

    let mut complete = answers.to_vec();
    complete.push(("change-needed", "no"));
    let a = need(&complete);
    let s = summary(&a);
    assert!(a.complete, "{s}");
    assert_eq!(a.ignored, vec!["subject-filing", "entity"], "{s}");
    assert_eq!(a.verdict, Some("already-filed-with-alibaba"), "{s}");
    assert!(!ids(&a).contains(&"initial-filing"), "{s}");
    assert!(!ids(&a).contains(&"file-in-licence-province"), "the ignored entity answer must not count{s}");
    assert_eq!(a.progress.answered, 7, "{s}");
}

/// Answers to questions that are irrelevant on the path are reported as ignored.
#[test]
fn answers_to_irrelevant_questions_are_ignored() {
    // Hosting outside: the access question is never asked.
    let a = need(&[("hosting", "outside"), ("access", "domain"), ("cdn", "none")]);
    let s = summary(&a);
    assert!(a.complete, "{s}");
    assert_eq!(a.ignored, vec!["access"], "{s}");
    assert_eq!(a.verdict, Some("no-filing-hosted-outside"), "{s}");
    assert!(!ids(&a).contains(&"domain-on-mainland-server"), "{s}");

    // Validity topic: the revocation questions do not apply.
    let a = icp_number(&[
        ("num-topic", "validity"),
        ("num-cause", "illegal-content"),
        ("num-blacklisted", "yes"),
        ("num-update", "nothing"),
    ]);
    let s = summary(&a);
    assert!(a.complete, "{s}");
    assert_eq!(a.ignored, vec!["num-cause", "num-blacklisted"], "{s}");
    assert_eq!(ids(&a), vec!["icp-number-no-expiry"], "{s}");

    // Hong Kong server: none of the instance questions apply.
    let a =
        service_code(&[("sc-server", "hong-kong"), ("sc-billing", "pay-as-you-go"), ("sc-bandwidth", "no")]);
    let s = summary(&a);
    assert!(a.complete, "{s}");
    assert_eq!(a.ignored, vec!["sc-billing", "sc-bandwidth"], "{s}");
    assert_eq!(ids(&a), vec!["hong-kong-no-service-code"], "{s}");
}

/// An irrelevant answer is reported even while the flow is still incomplete, if it comes before the next question.
#[test]
fn irrelevant_answer_before_the_next_question_is_reported_while_incomplete() {
    let a = need(&[("hosting", "hong-kong"), ("access", "domain")]);
    assert_partial(&a, "cdn", 1, 6);
    assert_eq!(a.ignored, vec!["access"]);
}

/// An answer to a question further along the flow is kept but not counted, and not yet reported ignored: it may still become relevant.
#[test]
fn answer_ahead_of_the_next_question_waits() {
    let a = need(&[("hosting", "mainland-ecs"), ("slb", "yes")]);
    assert_partial(&a, "access", 1, 9);
    assert!(a.ignored.is_empty(), "{}", summary(&a));
    assert!(a.answers.iter().all(|x| x.question != "slb"));

    // Once the path reaches it, it counts.
    let a = need(&[
        ("hosting", "mainland-ecs"),
        ("access", "domain"),
        ("cdn", "none"),
        ("domain-kind", "top-level"),
        ("domain-filing", "none"),
        ("subject-filing", "none"),
        ("entity", "mainland"),
        ("slb", "yes"),
    ]);
    assert_partial(&a, "commercial-license", 8, 1);
}

/// Answers are validated against the flow: other flows' questions and unknown options are rejected.
#[test]
fn invalid_answers_are_rejected() {
    assert!(matches!(
        AnswerSet::from_pairs(&RULEBOOK, Some("need"), [("sc-server", "none")]),
        Err(AnswerError::QuestionNotInFlow { .. })
    ));
    assert!(matches!(
        AnswerSet::from_pairs(&RULEBOOK, Some("need"), [("hosting", "moon")]),
        Err(AnswerError::UnknownOption { .. })
    ));
    assert!(matches!(
        AnswerSet::from_pairs(&RULEBOOK, Some("nope"), [("hosting", "outside")]),
        Err(AnswerError::UnknownFlow { .. })
    ));
    assert!(matches!(
        AnswerSet::from_pairs(&RULEBOOK, None, [("nope", "x")]),
        Err(AnswerError::UnknownQuestion(_))
    ));
    // The flow is inferred from the first question when not given.
    let set = AnswerSet::from_pairs(&RULEBOOK, None, [("num-topic", "validity")]).unwrap();
    assert_eq!(advise(&RULEBOOK, &set, Lang::SOURCE, Lens::All).flow, "icp-number");
}

/// Every [[faq]] entry is the subject of at least one scenario above: each is cited by some recommendation on a path tested here.
#[test]
fn every_faq_entry_is_covered_by_a_scenario() {
    let covered = [
        "domain-names",
        "ecs-without-domain",
        "second-level-domains",
        "no-ecs",
        "when-initial-filing",
        "transfer-filing",
        "new-website-filing",
        "when-change-filing",
        "foreign-enterprises",
        "physical-office",
        "no-filing",
        "server-load-balancer",
        "alibaba-cdn",
        "hosted-outside",
        "ip-only",
        "province",
        "revoked-why",
        "restore",
        "validity",
        "what-is-service-code",
        "no-server",
        "no-eligible-ip",
        "no-apply-button",
        "hong-kong",
    ];
    let all: Vec<&str> = RULEBOOK.faqs.iter().map(|f| f.id).collect();
    assert_eq!(all.len(), 24, "the rulebook lists 24 FAQ entries");
    for f in &all {
        assert!(covered.contains(f), "FAQ entry {f} has no scenario");
    }
    assert_eq!(covered.len(), all.len());
}

/// FAQ 1.4 not tried yet, subscription nearly over: it does not qualify until renewed.
#[test]
fn not_tried_yet_with_too_little_subscription_time_left() {
    let (a, n) = path!(
        service_code,
        [
            ("sc-server", "mainland"),
            ("sc-problem", "not-tried"),
            ("sc-billing", "subscription"),
            ("sc-term", "too-short"),
            ("sc-bandwidth", "yes"),
        ]
    );
    scenario(&a, n)
        .has(&["renew-subscription"])
        .lacks(&["apply-for-service-code", "no-listed-cause"])
        .verdict(None)
        .cites("no-apply-button");
}
