//! The app's one reducer (`ui::state::reduce`), natively: it is pure, so every way the state
//! changes is checked here without a browser.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::nav;
use icp_advisor::present::Lens;
use icp_advisor::route::{Notice, Route};
use icp_advisor::rulebook::RULEBOOK;
use icp_advisor::rulebook::{Lang, LangExt};
use icp_advisor::ui::state::{reduce, Action, Message, State};

fn chinese() -> Lang {
    Lang::all().find(|&l| l != Lang::SOURCE).expect("a second language")
}

#[test]
fn a_move_clears_the_messages_and_counts() {
    let mut s = State::new(Route::Start, Lang::SOURCE);
    s.messages.push(Message::Link(Notice::TooLong));
    let next = reduce(&s, Action::Go(nav::start_flow(&RULEBOOK, 0)));
    assert!(next.messages.is_empty());
    assert_eq!(next.moves, 1);
    assert_eq!(next.route, nav::start_flow(&RULEBOOK, 0));
}

#[test]
fn the_faq_remembers_where_it_was_opened_from_until_it_is_left() {
    let question = nav::start_flow(&RULEBOOK, 0);
    let s = State::new(question.clone(), Lang::SOURCE);
    let faq = reduce(&s, Action::Go(Route::Faq(Some(1))));
    assert_eq!(faq.back_to, Some(question.clone()));
    let other_entry = reduce(&faq, Action::Go(Route::Faq(Some(2))));
    assert_eq!(other_entry.back_to, Some(question.clone()), "moving within the FAQ keeps the way back");
    let back = reduce(&other_entry, Action::Go(question));
    assert_eq!(back.back_to, None);
    let from_start = reduce(&State::new(Route::Start, Lang::SOURCE), Action::Go(Route::Faq(None)));
    assert_eq!(from_start.back_to, None, "from the start there is nothing to go back to");
}

#[test]
fn an_address_sets_the_place_the_language_and_the_lens_with_its_messages() {
    let s = State::new(Route::Start, Lang::SOURCE);
    let next = reduce(
        &s,
        Action::Arrived {
            route: nav::start_flow(&RULEBOOK, 1),
            lang: Some(chinese()),
            lens: Some(Lens::FaqOnly),
            messages: vec![Message::UnknownLanguage("xx".into())],
            saved: None,
        },
    );
    assert_eq!(
        (next.route.clone(), next.lang, next.lens),
        (nav::start_flow(&RULEBOOK, 1), chinese(), Lens::FaqOnly)
    );
    assert_eq!(next.messages, vec![Message::UnknownLanguage("xx".into())]);
    // An address that names neither keeps them.
    let same = reduce(
        &next,
        Action::Arrived {
            route: nav::start_flow(&RULEBOOK, 1),
            lang: None,
            lens: None,
            messages: vec![],
            saved: None,
        },
    );
    assert_eq!((same.lang, same.lens, same.moves), (chinese(), Lens::FaqOnly, next.moves));
}

#[test]
fn a_language_that_cannot_come_leaves_the_one_shown_with_a_message() {
    let s = reduce(&State::new(Route::Start, Lang::SOURCE), Action::SetLang(chinese()));
    let failed = reduce(
        &s,
        Action::LanguageUnavailable { wanted: chinese(), instead: Lang::SOURCE, why: "HTTP 404".into() },
    );
    assert_eq!(failed.lang, Lang::SOURCE);
    assert_eq!(failed.messages, vec![Message::LanguageUnavailable(chinese(), "HTTP 404".into())]);
    // Too late: the person already chose another language.
    let moved_on = reduce(&s, Action::SetLang(Lang::SOURCE));
    let late = reduce(
        &moved_on,
        Action::LanguageUnavailable { wanted: chinese(), instead: Lang::SOURCE, why: "HTTP 404".into() },
    );
    assert_eq!(late, moved_on);
}

#[test]
fn dismissing_and_discarding() {
    let mut s = State::new(Route::Start, Lang::SOURCE);
    s.messages.push(Message::StorageUnavailable);
    s.resumable = vec![nav::start_flow(&RULEBOOK, 0), nav::start_flow(&RULEBOOK, 2)];
    assert!(reduce(&s, Action::Dismiss).messages.is_empty());
    assert_eq!(
        reduce(&s, Action::DiscardResume(0)).resumable,
        vec![nav::start_flow(&RULEBOOK, 2)],
        "only that flow's"
    );
    assert_eq!(reduce(&s, Action::ChooseFlow(2)).chosen_flow, 2);
    assert_eq!(reduce(&s, Action::SetLens(Lens::FaqOnly)).lens, Lens::FaqOnly);
}

/// A link whose answers differ from the ones saved for its flow: both are kept until the
/// person chooses — going to the saved ones, or keeping the link's — and moving on in the
/// link's flow is no choice.
#[test]
fn saved_answers_a_link_would_replace_wait_for_the_persons_choice() {
    let decode = |f: &str| icp_advisor::nav::decode(&RULEBOOK, f).0;
    let saved = decode("#/need/result?hosting=outside&cdn=none");
    let link = decode("#/need?hosting=mainland-ecs");
    let mut s = State::new(link.clone(), Lang::SOURCE);
    s.undecided = Some(saved.clone());
    assert_eq!(s.undecided_here(), Some(&saved));
    let moved = reduce(&s, Action::Go(decode("#/need/access?hosting=mainland-ecs")));
    assert_eq!(moved.undecided_here(), Some(&saved), "answering on is no choice");
    let elsewhere = reduce(&moved, Action::Go(nav::start_flow(&RULEBOOK, 1)));
    assert_eq!(elsewhere.undecided, Some(saved.clone()), "kept while another flow is shown");
    assert_eq!(elsewhere.undecided_here(), None, "and not offered there");
    assert_eq!(reduce(&moved, Action::Go(saved.clone())).undecided, None, "going back to them chooses them");
    assert_eq!(reduce(&moved, Action::KeepLink).undecided, None);
    assert_eq!(reduce(&moved, Action::DiscardResume(0)).undecided, None);
    assert_eq!(reduce(&moved, Action::DiscardResume(1)).undecided, Some(saved.clone()));
    // A link from outside arriving later sets it; the page's own addresses leave it as it is.
    let arrived = reduce(
        &State::new(Route::Start, Lang::SOURCE),
        Action::Arrived {
            route: link.clone(),
            lang: None,
            lens: None,
            messages: vec![],
            saved: Some(saved.clone()),
        },
    );
    assert_eq!(arrived.undecided_here(), Some(&saved));
    let own = reduce(
        &arrived,
        Action::Arrived { route: link, lang: None, lens: None, messages: vec![], saved: None },
    );
    assert_eq!(own.undecided, Some(saved));
}
