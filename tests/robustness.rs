//! No input makes the decoders panic: arbitrary bytes, arbitrary answer maps, arbitrary
//! fragments, saved state and embed options. The default run tries 256 cases per property;
//! `scripts/fuzz.sh` runs 100 000 (PROPTEST_CASES).
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswersInput;
use icp_advisor::engine::evaluate;
use icp_advisor::input::{answers_from_bytes, answers_from_json};
use icp_advisor::json::{self, Json, JsonProblem};
use icp_advisor::nav;
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
        let _ = nav::decode(&RULEBOOK, &s);
        let _ = nav::decode_saved(&RULEBOOK, &s);
        let query: Vec<String> = answers.iter().map(|(q, o)| format!("{q}={o}")).collect();
        let (r, _) = nav::decode(&RULEBOOK, &format!("#/{flow}?{}", query.join("&")));
        // Whatever was decoded re-encodes to a fragment that decodes to the same place.
        let (again, notices) = nav::decode(&RULEBOOK, &route::encode(&r));
        prop_assert_eq!(again, r);
        prop_assert!(notices.is_empty());
    }
}

/// Whether our reading of JSON is serde_json's (a number's value is not kept, only that it is one).
fn same_json(ours: &Json, theirs: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number, Value::Number(_)) => true,
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_json(x, y))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => false,
    }
}

fn json_values() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// The JSON reader of the CLI and the JS API never panics, on any text.
    #[test]
    fn the_json_reader_never_panics(s in any::<String>()) {
        let _ = json::parse(&s);
        if let Err(m) = icp_advisor::answers::input_from_text(&s) {
            prop_assert!(!m.contains('\n') && !m.is_empty());
        }
    }

    /// Every JSON value serde_json writes, the reader reads back as the same value.
    #[test]
    fn the_json_reader_reads_what_serde_json_writes(v in json_values()) {
        let text = serde_json::to_string(&v).unwrap();
        let ours = json::parse(&text);
        prop_assert!(ours.as_ref().is_ok_and(|o| same_json(o, &v)), "{text:?}: {ours:?}");
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        prop_assert!(json::parse(&pretty).is_ok_and(|o| same_json(&o, &v)));
    }

    /// On text made of JSON's own characters, the reader accepts what serde_json accepts (the
    /// same value) and refuses what it refuses, but for what it refuses on purpose: a key given
    /// twice (serde_json keeps the last), nesting past 128 levels, a number too large for it.
    #[test]
    fn the_json_reader_agrees_with_serde_json(s in r#"[ \[\]{}":,0-9eE.+\-tnrufalsx\\/bd]{0,40}"#) {
        let theirs = serde_json::from_str::<serde_json::Value>(&s);
        match json::parse(&s) {
            Ok(ours) => match &theirs {
                Ok(t) => prop_assert!(same_json(&ours, t), "{s:?}: {ours:?} / {t:?}"),
                Err(e) => prop_assert!(e.to_string().contains("out of range"), "{s:?}: we accept, serde_json: {e}"),
            },
            Err(e) if e.kind == JsonProblem::Syntax => prop_assert!(theirs.is_err(), "{s:?}: we refuse ({e}), serde_json accepts"),
            Err(_) => {}
        }
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
    quick("1 MB fragment", || nav::decode(&RULEBOOK, &format!("#/need?{mb}")));
    assert!(quick("1 MB saved state", || nav::decode_saved(
        &RULEBOOK,
        &format!("v{}|#/need?{mb}", RULEBOOK.version)
    ))
    .is_ok());
    quick("1 MB embed options", || route::EmbedOptions::parse(&format!("?{mb}")));
    quick("1 MB of pairs", || nav::decode(&RULEBOOK, &"#/need?x=y&".repeat(100_000)));
    assert!(quick("1 MB JSON string", || answers_from_json(
        &RULEBOOK,
        &format!("{{\"hosting\": \"{mb}\"}}")
    ))
    .is_err());
    assert!(quick("deep JSON", || answers_from_json(&RULEBOOK, &"[".repeat(100_000))).is_err());
    let many_keys =
        format!("{{{}\"x\":1}}", (0..60_000).map(|i| format!("\"k{i}\":\"v\",")).collect::<String>());
    assert!(many_keys.len() < 1 << 20);
    // (Each key is read, checked for a repeat and sorted: linearithmic, though not a few
    // milliseconds in a debug build; a quadratic check took minutes.)
    let start = std::time::Instant::now();
    assert!(answers_from_json(&RULEBOOK, &many_keys).is_err());
    assert!(start.elapsed() < std::time::Duration::from_secs(3), "60,000 keys took {:?}", start.elapsed());
    assert!(quick("invalid UTF-8", || answers_from_bytes(&RULEBOOK, &[0xff; 1 << 20])).is_err());
}

#[test]
fn huge_and_deep_inputs_are_refused_cleanly() {
    let deep = "[".repeat(100_000);
    assert!(answers_from_json(&RULEBOOK, &deep).unwrap_err().contains("nest more than 128 levels deep"));
    let huge = vec![b' '; 2 << 20];
    assert!(answers_from_bytes(&RULEBOOK, &huge).unwrap_err().contains("at most"));
    let long_fragment = format!("#/need?{}", "hosting=outside&".repeat(100_000));
    let (r, notices) = nav::decode(&RULEBOOK, &long_fragment);
    // The first answer survives; the next question follows from it.
    assert!(matches!(r, route::Route::Question { answers, .. } if answers.get(0) == Some(3)), "{r:?}");
    assert!(notices.contains(&route::Notice::TooLong));
}

/// The shared corpus of links (tests/fixtures/links.txt, which the head script's test in the
/// browser and scripts/fuzz.sh read too): every one decodes without a panic, to a place that
/// re-encodes to itself, with one message per thing left out.
#[test]
fn the_link_corpus_decodes_cleanly() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/links.txt")).unwrap();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with("# ")) {
        let (fragment, query) = line.split_once(" ?").unwrap_or((line, ""));
        let (r, notices) = nav::decode(&RULEBOOK, fragment);
        let (again, more) = nav::decode(&RULEBOOK, &route::encode(&r));
        assert_eq!((&again, more.len()), (&r, 0), "{line}");
        assert!(notices.len() <= route::MAX_PAIRS + 2, "{line}");
        let _ = nav::decode_saved(&RULEBOOK, &format!("v{}|{fragment}", RULEBOOK.version));
        let options = route::EmbedOptions::parse(query);
        let _ = route::choose_lang(fragment, &options, Some(fragment), &[query.to_string()]);
        n += 1;
    }
    assert!(n > 60, "{n} links");
}

proptest! {
    /// Stored checklist ticks (the documents to prepare) are read without failing, whatever the
    /// browser holds: what is kept is only keys, at most `MAX_TICKS`, every line is kept or
    /// counted, and what is written is read back the same.
    #[test]
    fn stored_ticks_never_fail_and_round_trip(
        s in any::<String>(),
        items in proptest::collection::vec((ids(), any::<String>()), 0..20),
    ) {
        use icp_advisor::ticks;
        let (kept, dropped) = ticks::decode(&s);
        prop_assert!(kept.len() <= ticks::MAX_TICKS);
        prop_assert!(kept.iter().all(|k| ticks::is_key(k)));
        let lines = s.split('\n').filter(|l| !l.trim().is_empty()).count();
        prop_assert!(kept.len() + dropped <= lines);
        let mut set = std::collections::BTreeSet::new();
        for (rec, text) in &items {
            set = ticks::toggle(&set, &ticks::key(rec, text), true);
        }
        prop_assert_eq!(ticks::decode(&ticks::encode(&set)), (set.clone(), 0));
    }

    /// A share link's ticks (`ticks=`, when the person chose to include them) are read without
    /// failing, whatever the link holds: only keys are kept, at most `MAX_TICKS`, every other
    /// item is named (for the notice), the answers and the place are what they are without
    /// them, and ticks written into a link are read back the same.
    #[test]
    fn share_link_ticks_never_fail_and_round_trip(
        value in any::<String>(),
        items in proptest::collection::vec((ids(), any::<String>()), 0..20),
    ) {
        use icp_advisor::ticks;
        let base = "#/need/result?hosting=outside";
        let fragment = format!("{base}&ticks={}", value.replace(['&', '#'], ""));
        if let Some((kept, bad)) = route::ticks_param(&fragment) {
            prop_assert!(kept.len() <= ticks::MAX_TICKS);
            prop_assert!(kept.iter().all(|k| ticks::is_key(k)));
            prop_assert!(bad.iter().all(|b| !b.is_empty()));
        }
        prop_assert_eq!(nav::decode(&RULEBOOK, &fragment).0, nav::decode(&RULEBOOK, base).0);
        let mut set = std::collections::BTreeSet::new();
        for (rec, text) in &items {
            set = ticks::toggle(&set, &ticks::key(rec, text), true);
        }
        let link = route::with_ticks(base.to_string(), &set);
        let read = route::ticks_param(&link).map(|(kept, bad)| (kept, bad.len()));
        prop_assert_eq!(read, (!set.is_empty()).then(|| (set.clone(), 0)));
        prop_assert_eq!(nav::decode(&RULEBOOK, &link).0, nav::decode(&RULEBOOK, base).0);
    }
}

proptest! {
    /// The domain check never panics, whatever is typed; a name it reads has a registered
    /// domain that ends its ASCII form, and a refusal is one line.
    #[test]
    fn the_domain_check_never_panics(s in any::<String>(), label in "[a-z0-9\u{4e00}-\u{4e20}-]{1,12}") {
        for input in [s.clone(), format!("{label}.com.cn"), format!("www.{label}.中国"), format!("{s}.{label}.io")] {
            match icp_advisor::domain::check(&RULEBOOK, &input, None) {
                Ok(r) => prop_assert!(r.ascii.ends_with(&r.registrable), "{input:?}: {r:?}"),
                Err(e) => prop_assert!(!e.to_string().contains('\n')),
            }
        }
    }
}
