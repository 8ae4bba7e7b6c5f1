//! No input makes the decoders panic: arbitrary bytes, arbitrary answer maps, arbitrary
//! fragments, saved state and embed options. The default run tries 256 cases per property;
//! `scripts/fuzz.sh` runs 100 000 (PROPTEST_CASES).
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
        let _ = answers_from_bytes(&RULEBOOK, &bytes);
    }

    #[test]
    fn arbitrary_answer_maps_never_panic(
        flow in proptest::option::of(ids()),
        pairs in proptest::collection::btree_map(ids(), ids(), 0..16),
    ) {
        let input = AnswersInput { flow, answers: pairs };
        let json = serde_json::to_string(&input).unwrap();
        match answers_from_json(&RULEBOOK, &json) {
            Ok(set) => {
                let ev = evaluate(&RULEBOOK, &set);
                // Only relevant answers count; complete paths always give advice.
                prop_assert!(ev.is_complete() == ev.next.is_none());
                if ev.is_complete() { prop_assert!(!ev.advice.is_empty()); }
            }
            Err(msg) => prop_assert!(!msg.contains('\n') && !msg.is_empty()),
        }
    }

    #[test]
    fn arbitrary_embed_options_never_panic(s in any::<String>(), k in ids(), v in ids()) {
        let _ = route::EmbedOptions::parse(&s);
        let o = route::EmbedOptions::parse(&format!("?embed=1&{k}={v}"));
        prop_assert!(o.embed);
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

/// Generous bounds (debug build, busy machine): the point is "milliseconds, not seconds".
fn quick<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_millis(250), "{what} took {took:?}");
    out
}

#[test]
fn huge_inputs_are_handled_in_milliseconds() {
    let mb = "a".repeat(1 << 20);
    quick("1 MB fragment", || route::decode(&format!("#/need?{mb}")));
    assert!(quick("1 MB saved state", || route::decode_saved(&format!("v{}|#/need?{mb}", RULEBOOK.version)))
        .is_ok());
    quick("1 MB embed options", || route::EmbedOptions::parse(&format!("?{mb}")));
    quick("1 MB of pairs", || route::decode(&"#/need?x=y&".repeat(100_000)));
    assert!(quick("1 MB JSON string", || answers_from_json(
        &RULEBOOK,
        &format!("{{\"hosting\": \"{mb}\"}}")
    ))
    .is_err());
    assert!(quick("deep JSON", || answers_from_json(&RULEBOOK, &"[".repeat(100_000))).is_err());
    assert!(quick("invalid UTF-8", || answers_from_bytes(&RULEBOOK, &[0xff; 1 << 20])).is_err());
}

#[test]
fn huge_and_deep_inputs_are_refused_cleanly() {
    let deep = "[".repeat(100_000);
    assert!(answers_from_json(&RULEBOOK, &deep).unwrap_err().contains("not valid JSON"));
    let huge = vec![b' '; 2 << 20];
    assert!(answers_from_bytes(&RULEBOOK, &huge).unwrap_err().contains("at most"));
    let long_fragment = format!("#/need?{}", "hosting=outside&".repeat(100_000));
    let (r, notices) = route::decode(&long_fragment);
    // The first answer survives; the next question follows from it.
    assert!(matches!(r, route::Route::Question { answers, .. } if answers.get(0) == Some(3)), "{r:?}");
    assert!(notices.contains(&route::Notice::TooLong));
}
