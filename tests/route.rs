//! The URL fragment codec and navigation: shareable links, Back, Change, progress.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswerSet;
use icp_advisor::route::{self, Notice, Route};
use icp_advisor::rulebook::{LangExt, RULEBOOK};

fn set(flow: &str, pairs: &[(&str, &str)]) -> AnswerSet {
    AnswerSet::from_pairs(&RULEBOOK, Some(flow), pairs.iter().copied()).unwrap()
}
fn zh() -> icp_advisor::rulebook::Lang {
    icp_advisor::rulebook::Lang::parse("zh-CN").unwrap()
}
fn q(id: &str) -> usize {
    RULEBOOK.question(id).unwrap()
}

#[test]
fn start_and_faq_pages() {
    assert_eq!(route::decode(""), (Route::Start, vec![]));
    assert_eq!(route::decode("#/"), (Route::Start, vec![]));
    assert_eq!(route::decode("#/faq"), (Route::Faq(None), vec![]));
    assert_eq!(route::decode("#/faq/alibaba-cdn").0, Route::Faq(RULEBOOK.faq("alibaba-cdn")));
    let (r, n) = route::decode("#/faq/nope");
    assert_eq!(r, Route::Faq(None));
    assert_eq!(n.len(), 1);
}

#[test]
fn a_flow_link_opens_its_next_question_and_round_trips() {
    let (r, n) = route::decode("#/need?hosting=outside");
    assert!(n.is_empty());
    let expected = Route::Question {
        answers: set("need", &[("hosting", "outside")]),
        question: q("cdn"),
        changing: false,
    };
    assert_eq!(r, expected);
    assert_eq!(route::encode(&r), "#/need/cdn?hosting=outside");
    assert_eq!(route::decode(&route::encode(&r)), (expected, vec![]));
}

#[test]
fn a_complete_link_opens_the_result() {
    let (r, n) = route::decode("#/need/result?hosting=outside&cdn=none");
    assert!(n.is_empty());
    assert_eq!(r, Route::Result(set("need", &[("hosting", "outside"), ("cdn", "none")])));
}

#[test]
fn corrupted_links_keep_the_valid_part_with_notices() {
    let (r, n) = route::decode("#/need?hosting=outside&bogus=1&cdn=sideways&&=x&%3Cscript%3E");
    assert_eq!(
        r,
        Route::Question {
            answers: set("need", &[("hosting", "outside")]),
            question: q("cdn"),
            changing: false
        }
    );
    assert_eq!(n.len(), 4, "{n:?}");
    let (r, n) = route::decode("#/nonsense/x?y=z");
    assert_eq!(r, Route::Start);
    assert!(matches!(n[0], Notice::UnknownFlow(_)));
    // A result link whose answers are incomplete goes to the missing question.
    let (r, n) = route::decode("#/need/result?hosting=outside");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(n, vec![Notice::Redirected]);
    // A question that is not relevant for these answers.
    let (r, n) = route::decode("#/need/slb?hosting=outside");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(n, vec![Notice::Redirected]);
    // Truncated text (a link cut in the middle of a pair).
    let (r, n) = route::decode("#/need?hosting=outside&cdn=mai");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(n.len(), 1);
}

/// A question answered more than once keeps its first answer that applies, and the link is
/// said to have repeated it (not silently); the same answer twice is no news.
#[test]
fn a_question_answered_twice_keeps_its_first_valid_answer_and_says_so() {
    let (r, n) = route::decode("#/need/cdn?hosting=nowhere&hosting=outside&hosting=hong-kong");
    let Route::Question { answers, .. } = r else { panic!("{r:?}") };
    assert_eq!(answers, set("need", &[("hosting", "outside")]));
    assert!(matches!(&n[..], [Notice::Dropped(_), Notice::Repeated(q)] if q == "hosting"), "{n:?}");
    let (_, n) = route::decode("#/need/cdn?hosting=outside&hosting=outside");
    assert_eq!(n, vec![], "the same answer twice");
}

#[test]
fn continue_goes_forward_and_back_goes_back() {
    let a = set("need", &[("hosting", "mainland-ecs")]);
    let next = route::answer(&a, q("access"), 0, false);
    let Route::Question { answers, question, .. } = next else { panic!() };
    assert_eq!(question, q("cdn"));
    assert_eq!(
        route::back(&answers, Some(question)),
        Route::Question { answers, question: q("access"), changing: false }
    );
    assert_eq!(route::back(&answers, Some(q("hosting"))), Route::Start);
}

#[test]
fn going_back_and_continuing_revisits_still_relevant_later_answers() {
    let a = set("need", &[("hosting", "outside"), ("cdn", "none")]);
    // Re-answer the first question the same way: the next screen is the (pre-filled) cdn.
    let r = route::answer(&a, q("hosting"), 3, false);
    assert_eq!(r, Route::Question { answers: a, question: q("cdn"), changing: false });
}

#[test]
fn change_from_the_result_asks_only_what_became_necessary() {
    let full = set("need", &[("hosting", "outside"), ("cdn", "none")]);
    // Changing cdn to mainland makes the domain questions necessary: go to the first.
    let r = route::answer(&full, q("cdn"), 2, true);
    assert!(matches!(r, Route::Question { question, changing: true, .. } if question == q("domain-kind")));
    // Changing hosting to Hong Kong keeps cdn=none, so it is complete: back to the result.
    let r = route::answer(&full, q("hosting"), 2, true);
    assert_eq!(r, Route::Result(set("need", &[("hosting", "hong-kong"), ("cdn", "none")])));
}

#[test]
fn progress_is_exact() {
    let a = set("need", &[]);
    assert_eq!(route::progress(&a, q("hosting")), (1, 12));
    let a = set("need", &[("hosting", "outside")]);
    assert_eq!(route::progress(&a, q("cdn")), (2, 9));
    let a = set("icp-number", &[("num-topic", "validity")]);
    assert_eq!(route::progress(&a, q("num-update")), (2, 2));
}

#[test]
fn saved_state_from_another_version_keeps_what_still_applies() {
    let r = Route::Result(set("need", &[("hosting", "outside"), ("cdn", "none")]));
    let saved = route::encode_saved(&r);
    assert_eq!(route::decode_saved(&saved).unwrap().route, r);
    let old = saved.replacen(&format!("v{}", RULEBOOK.version), "v0", 1);
    // Saved under other rules: read like a link, the answers that still apply kept.
    let other = route::decode_saved(&old).unwrap();
    assert_eq!(other.other_version, Some(0));
    assert_eq!(other.route, r);
    // An answer the rules no longer have is dropped and said; the rest is kept.
    let stale =
        saved.replacen(&format!("v{}", RULEBOOK.version), "v0", 1).replace("cdn=none", "cdn=none&gone=away");
    let other = route::decode_saved(&stale).unwrap();
    assert_eq!(other.route, r);
    assert!(matches!(&other.notices[..], [route::Notice::Dropped(_)]), "{:?}", other.notices);
    assert_eq!(route::decode_saved("garbage").unwrap_err(), route::SavedProblem::Unreadable);
    assert_eq!(route::decode_saved("vX|#/").unwrap_err(), route::SavedProblem::Unreadable);
}

#[test]
fn the_language_travels_in_the_link_and_is_not_an_answer() {
    use icp_advisor::rulebook::Lang;
    let (r, n) = route::decode("#/need?hosting=outside&lang=zh-CN");
    assert!(n.is_empty(), "{n:?}");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(route::lang_param("#/need?hosting=outside&lang=zh-CN"), Some(Ok(zh())));
    assert_eq!(route::lang_param("#/?lang=en"), Some(Ok(Lang::SOURCE)));
    assert_eq!(route::lang_param("#/?lang=xx"), Some(Err("xx".into())));
    assert_eq!(route::lang_param("#/need?hosting=outside"), None);
    assert_eq!(route::with_lang("#/".into(), zh()), "#/?lang=zh-CN");
    assert_eq!(route::with_lang("#/need?a=b".into(), Lang::SOURCE), "#/need?a=b&lang=en");
}

#[test]
fn embed_options_come_from_the_query_string_and_ignore_nonsense() {
    use icp_advisor::route::{EmbedOptions, Theme};
    let o = EmbedOptions::parse("?embed=1&flow=service-code&lang=zh-CN&theme=dark");
    assert!(o.embed);
    assert_eq!(o.flow, RULEBOOK.flow("service-code"));
    assert_eq!(o.lang, Some(zh()));
    assert_eq!(o.theme, Theme::Dark);
    let o = EmbedOptions::parse("?embed&flow=%3Cscript%3E&lang=xx&theme=<b>&x=y");
    assert_eq!(o, EmbedOptions { embed: true, ..EmbedOptions::default() });
    assert_eq!(EmbedOptions::parse(""), EmbedOptions::default());
}
