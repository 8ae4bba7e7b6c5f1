//! The URL fragment codec and navigation: shareable links, Back, Change, progress.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswerSet;
use icp_advisor::nav;
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
    assert_eq!(nav::decode(&RULEBOOK, ""), (Route::Start, vec![]));
    assert_eq!(nav::decode(&RULEBOOK, "#/"), (Route::Start, vec![]));
    assert_eq!(nav::decode(&RULEBOOK, "#/faq"), (Route::Faq(None), vec![]));
    assert_eq!(nav::decode(&RULEBOOK, "#/faq/alibaba-cdn").0, Route::Faq(RULEBOOK.faq("alibaba-cdn")));
    let (r, n) = nav::decode(&RULEBOOK, "#/faq/nope");
    assert_eq!(r, Route::Faq(None));
    assert_eq!(n.len(), 1);
}

#[test]
fn a_flow_link_opens_its_next_question_and_round_trips() {
    let (r, n) = nav::decode(&RULEBOOK, "#/need?hosting=outside");
    assert!(n.is_empty());
    let expected = Route::Question {
        answers: set("need", &[("hosting", "outside")]),
        question: q("cdn"),
        changing: false,
    };
    assert_eq!(r, expected);
    assert_eq!(route::encode(&r), "#/need/cdn?hosting=outside");
    assert_eq!(nav::decode(&RULEBOOK, &route::encode(&r)), (expected, vec![]));
}

#[test]
fn a_complete_link_opens_the_result() {
    let (r, n) = nav::decode(&RULEBOOK, "#/need/result?hosting=outside&cdn=none");
    assert!(n.is_empty());
    assert_eq!(r, Route::Result(set("need", &[("hosting", "outside"), ("cdn", "none")])));
}

#[test]
fn corrupted_links_keep_the_valid_part_with_notices() {
    let (r, n) = nav::decode(&RULEBOOK, "#/need?hosting=outside&bogus=1&cdn=sideways&&=x&%3Cscript%3E");
    assert_eq!(
        r,
        Route::Question {
            answers: set("need", &[("hosting", "outside")]),
            question: q("cdn"),
            changing: false
        }
    );
    assert_eq!(n.len(), 4, "{n:?}");
    let (r, n) = nav::decode(&RULEBOOK, "#/nonsense/x?y=z");
    assert_eq!(r, Route::Start);
    assert!(matches!(n[0], Notice::UnknownFlow(_)));
    // A result link whose answers are incomplete goes to the missing question.
    let (r, n) = nav::decode(&RULEBOOK, "#/need/result?hosting=outside");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(n, vec![Notice::Redirected]);
    // A question that is not relevant for these answers.
    let (r, n) = nav::decode(&RULEBOOK, "#/need/slb?hosting=outside");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(n, vec![Notice::Redirected]);
    // Truncated text (a link cut in the middle of a pair).
    let (r, n) = nav::decode(&RULEBOOK, "#/need?hosting=outside&cdn=mai");
    assert!(matches!(r, Route::Question { question, .. } if question == q("cdn")));
    assert_eq!(n.len(), 1);
}

/// A question answered more than once keeps its first answer that applies, and the link is
/// said to have repeated it (not silently); the same answer twice is no news.
#[test]
fn a_question_answered_twice_keeps_its_first_valid_answer_and_says_so() {
    let (r, n) = nav::decode(&RULEBOOK, "#/need/cdn?hosting=nowhere&hosting=outside&hosting=hong-kong");
    let Route::Question { answers, .. } = r else { panic!("{r:?}") };
    assert_eq!(answers, set("need", &[("hosting", "outside")]));
    assert!(matches!(&n[..], [Notice::Dropped(_), Notice::Repeated(q)] if q == "hosting"), "{n:?}");
    let (_, n) = nav::decode(&RULEBOOK, "#/need/cdn?hosting=outside&hosting=outside");
    assert_eq!(n, vec![], "the same answer twice");
}

#[test]
fn continue_goes_forward_and_back_goes_back() {
    let a = set("need", &[("hosting", "mainland-ecs")]);
    let next = nav::answer(&RULEBOOK, &a, q("access"), 0, false);
    let Route::Question { answers, question, .. } = next else { panic!() };
    assert_eq!(question, q("cdn"));
    assert_eq!(
        nav::back(&RULEBOOK, &answers, Some(question)),
        Route::Question { answers, question: q("access"), changing: false }
    );
    assert_eq!(nav::back(&RULEBOOK, &answers, Some(q("hosting"))), Route::Start);
}

#[test]
fn going_back_and_continuing_revisits_still_relevant_later_answers() {
    let a = set("need", &[("hosting", "outside"), ("cdn", "none")]);
    // Re-answer the first question the same way: the next screen is the (pre-filled) cdn.
    let r = nav::answer(&RULEBOOK, &a, q("hosting"), 3, false);
    assert_eq!(r, Route::Question { answers: a, question: q("cdn"), changing: false });
}

#[test]
fn change_from_the_result_asks_only_what_became_necessary() {
    let full = set("need", &[("hosting", "outside"), ("cdn", "none")]);
    // Changing cdn to mainland makes the domain questions necessary: go to the first.
    let r = nav::answer(&RULEBOOK, &full, q("cdn"), 2, true);
    assert!(matches!(r, Route::Question { question, changing: true, .. } if question == q("domain-kind")));
    // Changing hosting to Hong Kong keeps cdn=none, so it is complete: back to the result.
    let r = nav::answer(&RULEBOOK, &full, q("hosting"), 2, true);
    assert_eq!(r, Route::Result(set("need", &[("hosting", "hong-kong"), ("cdn", "none")])));
}

#[test]
fn progress_is_exact() {
    let a = set("need", &[]);
    assert_eq!(nav::progress(&RULEBOOK, &a, q("hosting")), (1, 13));
    let a = set("need", &[("hosting", "outside")]);
    assert_eq!(nav::progress(&RULEBOOK, &a, q("cdn")), (2, 10));
    let a = set("icp-number", &[("num-topic", "validity")]);
    assert_eq!(nav::progress(&RULEBOOK, &a, q("num-update")), (2, 2));
}

#[test]
fn saved_state_from_another_version_keeps_what_still_applies() {
    let r = Route::Result(set("need", &[("hosting", "outside"), ("cdn", "none")]));
    let saved = route::encode_saved(&r);
    assert_eq!(nav::decode_saved(&RULEBOOK, &saved).unwrap().route, r);
    let old = saved.replacen(&format!("v{}", RULEBOOK.version), "v0", 1);
    // Saved under other rules: read like a link, the answers that still apply kept.
    let other = nav::decode_saved(&RULEBOOK, &old).unwrap();
    assert_eq!(other.other_version, Some(0));
    assert_eq!(other.route, r);
    // An answer the rules no longer have is dropped and said; the rest is kept.
    let stale =
        saved.replacen(&format!("v{}", RULEBOOK.version), "v0", 1).replace("cdn=none", "cdn=none&gone=away");
    let other = nav::decode_saved(&RULEBOOK, &stale).unwrap();
    assert_eq!(other.route, r);
    assert!(matches!(&other.notices[..], [route::Notice::Dropped(_)]), "{:?}", other.notices);
    assert_eq!(nav::decode_saved(&RULEBOOK, "garbage").unwrap_err(), route::SavedProblem::Unreadable);
    assert_eq!(nav::decode_saved(&RULEBOOK, "vX|#/").unwrap_err(), route::SavedProblem::Unreadable);
}

#[test]
fn the_language_travels_in_the_link_and_is_not_an_answer() {
    use icp_advisor::rulebook::Lang;
    let (r, n) = nav::decode(&RULEBOOK, "#/need?hosting=outside&lang=zh-CN");
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

/// A link that went through a mail client or a chat may come back percent-encoded: every part
/// is decoded before it is read (a broken escape is a malformed part, said).
#[test]
fn percent_encoded_links_are_decoded() {
    let (r, n) = nav::decode(&RULEBOOK, "#/need/result?hosting=hong%2Dkong&cdn=none");
    assert_eq!((r, n), (Route::Result(set("need", &[("hosting", "hong-kong"), ("cdn", "none")])), vec![]));
    assert_eq!(
        nav::decode(&RULEBOOK, "#/%6Eeed?hosting=outside").0,
        nav::decode(&RULEBOOK, "#/need?hosting=outside").0
    );
    assert_eq!(route::lang_param("#/?lang=zh%2DCN"), Some(Ok(zh())));
    assert_eq!(route::lens_param("#/need?lens=f%61q"), Some(icp_advisor::present::Lens::FaqOnly));
    // `+` is itself in a fragment: not a space.
    assert_eq!(nav::decode(&RULEBOOK, "#/need?hosting=hong+kong").1.len(), 1);
    let (_, n) = nav::decode(&RULEBOOK, "#/need?hosting=%E0%A4&cdn=%zz");
    assert_eq!(n, vec![Notice::Malformed("hosting=%E0%A4".into()), Notice::Malformed("cdn=%zz".into())]);
    // The page's query is form-encoded.
    let o = route::EmbedOptions::parse("?embed=1&flow=service%2Dcode&lang=zh%2DCN&theme=d%61rk");
    assert_eq!((o.flow, o.lang, o.theme), (RULEBOOK.flow("service-code"), Some(zh()), route::Theme::Dark));
}

/// The start screen and the FAQ take no answers: a link that gives them some says what it
/// left out (the language and the lens are welcome anywhere).
#[test]
fn a_query_where_none_belongs_is_said() {
    assert_eq!(nav::decode(&RULEBOOK, "#/?lang=zh-CN&lens=faq"), (Route::Start, vec![]));
    assert_eq!(
        nav::decode(&RULEBOOK, "#/?hosting=outside&lang=zh-CN"),
        (Route::Start, vec![Notice::NotHere("hosting=outside".into())])
    );
    let (r, n) = nav::decode(&RULEBOOK, "#/faq/alibaba-cdn?x=1&y");
    assert_eq!((r, n), (Route::Faq(RULEBOOK.faq("alibaba-cdn")), vec![Notice::NotHere("x=1&y".into())]));
    let (r, n) = nav::decode(&RULEBOOK, "#/nope?hosting=outside");
    assert_eq!(
        (r, n),
        (Route::Start, vec![Notice::UnknownFlow("nope".into()), Notice::NotHere("hosting=outside".into())])
    );
}

/// The page's language and first screen, as the head script must choose them too (a test in
/// the browser runs the script against these functions).
#[test]
fn the_language_and_the_first_screen_are_chosen_in_order() {
    let none = route::EmbedOptions::default();
    let en = icp_advisor::rulebook::Lang::SOURCE;
    let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(route::choose_lang("#/?lang=zh-CN", &none, Some("en"), &[]), (zh(), true, None));
    assert_eq!(
        route::choose_lang("#/?lang=constructor", &none, None, &[]),
        (en, false, Some("constructor".into()))
    );
    assert_eq!(
        route::choose_lang("", &route::EmbedOptions::parse("?lang=zh"), Some("en"), &[]),
        (zh(), true, None)
    );
    assert_eq!(route::choose_lang("", &none, Some("zh_CN"), &langs(&["en"])), (zh(), true, None));
    assert_eq!(
        route::choose_lang("", &none, Some("__proto__"), &langs(&["fr", "ZH-tw"])),
        (zh(), false, None)
    );
    assert_eq!(route::choose_lang("", &none, None, &langs(&["fr"])), (en, false, None));
    let embed = route::EmbedOptions::parse("?embed=1&flow=need");
    assert_eq!(route::first_screen_key("", &embed, zh()), "need:zh-CN");
    assert_eq!(route::first_screen_key("#/?lang=zh-CN", &embed, zh()), "need:zh-CN");
    assert_eq!(route::first_screen_key("#/need/cdn", &embed, en), "start:en");
    assert_eq!(route::first_screen_key("", &route::EmbedOptions::parse("?flow=need"), en), "start:en");
    assert_eq!(
        route::first_screen_key("", &route::EmbedOptions::parse("?embed=1&flow=constructor"), en),
        "start:en"
    );
}

/// Whether a link would replace the answers saved for its flow: only a place of the same flow
/// with other answers (the ones its path uses), and only if some are saved.
#[test]
fn a_link_replaces_saved_answers_only_if_they_differ() {
    let saved = Route::Result(set("need", &[("hosting", "outside"), ("cdn", "none")]));
    let same = nav::decode(&RULEBOOK, "#/need/cdn/change?hosting=outside&cdn=none&num-topic=x").0;
    assert!(!nav::replaces_saved(&RULEBOOK, &same, &saved));
    assert!(
        nav::replaces_saved(&RULEBOOK, &nav::decode(&RULEBOOK, "#/need?hostin=outside").0, &saved),
        "a broken link"
    );
    assert!(nav::replaces_saved(
        &RULEBOOK,
        &nav::decode(&RULEBOOK, "#/need/result?hosting=hong-kong&cdn=none").0,
        &saved
    ));
    assert!(
        !nav::replaces_saved(&RULEBOOK, &nav::decode(&RULEBOOK, "#/service-code").0, &saved),
        "another flow"
    );
    assert!(
        !nav::replaces_saved(
            &RULEBOOK,
            &nav::decode(&RULEBOOK, "#/need/result?hosting=hong-kong&cdn=none").0,
            &nav::start_flow(&RULEBOOK, 0)
        ),
        "nothing saved"
    );
    assert!(!nav::replaces_saved(&RULEBOOK, &Route::Start, &saved));
}
