//! No input makes the decoders panic: arbitrary bytes, arbitrary answer maps, arbitrary
//! fragments and saved state. (PROPTEST_CASES raises the case count for long runs.)
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswersInput;
use icp_advisor::engine::evaluate;
use icp_advisor::input::{answers_from_bytes, answers_from_json};
use icp_advisor::route;
use icp_advisor::rulebook::RULEBOOK;
use proptest::prelude::*;

fn ids() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = Vec::new();
    for q in RULEBOOK.questions {
        known.push(q.id.into());
        known.extend(q.options.iter().map(|o| o.id.to_string()));
    }
    known.extend(RULEBOOK.flows.iter().map(|f| f.id.to_string()));
    prop_oneof![proptest::sample::select(known), "[a-z-]{0,12}", any::<String>()]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = answers_from_bytes(&bytes);
    }

    #[test]
    fn arbitrary_answer_maps_never_panic(
        flow in proptest::option::of(ids()),
        pairs in proptest::collection::btree_map(ids(), ids(), 0..16),
    ) {
        let input = AnswersInput { flow, answers: pairs };
        let json = serde_json::to_string(&input).unwrap();
        match answers_from_json(&json) {
            Ok(set) => {
                let ev = evaluate(&set);
                // Only relevant answers count; complete paths always give advice.
                prop_assert!(ev.is_complete() == ev.next.is_none());
                if ev.is_complete() { prop_assert!(!ev.advice.is_empty()); }
            }
            Err(msg) => prop_assert!(!msg.contains('\n') && !msg.is_empty()),
        }
    }

    #[test]
    fn arbitrary_fragments_never_panic(s in any::<String>(), answers in proptest::collection::vec((ids(), ids()), 0..10), flow in ids()) {
        let _ = route::decode(&s);
        let _ = route::decode_saved(&s);
        let query: Vec<String> = answers.iter().map(|(q, o)| format!("{q}={o}")).collect();
        let (r, _) = route::decode(&format!("#/{flow}?{}", query.join("&")));
        // Whatever was decoded re-encodes to a fragment that decodes to the same place.
        let (again, notices) = route::decode(&route::encode(&r));
        prop_assert_eq!(again, r);
        prop_assert!(notices.is_empty());
    }
}

#[test]
fn huge_and_deep_inputs_are_refused_cleanly() {
    let deep = "[".repeat(100_000);
    assert!(answers_from_json(&deep).unwrap_err().contains("not valid JSON"));
    let huge = vec![b' '; 2 << 20];
    assert!(answers_from_bytes(&huge).unwrap_err().contains("at most"));
    let long_fragment = format!("#/need?{}", "hosting=outside&".repeat(100_000));
    let (r, notices) = route::decode(&long_fragment);
    // The first answer survives; the next question follows from it.
    assert!(matches!(r, route::Route::Question { answers, .. } if answers.get(0) == Some(3)), "{r:?}");
    assert!(notices.contains(&route::Notice::TooLong));
}
