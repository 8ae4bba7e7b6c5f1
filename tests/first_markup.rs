//! The first module without Yew (`first::render`) writes the same markup as the Yew app's
//! components on the live page, for the start screen and every question the first module shows,
//! on the paths of every flow (one screen for each question, answer chosen or none, progress,
//! kind of Back and changing an answer or not), in every language, lens and choice of language
//! (attributes compared in any order).
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::first::render::{self, View};
use icp_advisor::present::Lens;
use icp_advisor::route::Route;
use icp_advisor::rulebook::{Lang, LangExt, RULEBOOK};
use icp_advisor::{engine, nav, paths, site};
use std::collections::BTreeSet;

/// The markup with each tag's attributes sorted, and a boolean attribute (valueless, or its own
/// name as its value) written as `=""`.
fn normal(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('>').expect("a tag ends");
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            out.push('<');
            out.push_str(tag);
            out.push('>');
            continue;
        }
        let (name, mut attrs_text) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut attrs = Vec::new();
        loop {
            attrs_text = attrs_text.trim_start();
            if attrs_text.is_empty() || attrs_text == "/" {
                break;
            }
            let name_end = attrs_text.find(['=', ' ']).unwrap_or(attrs_text.len());
            let attr = &attrs_text[..name_end];
            attrs_text = &attrs_text[name_end..];
            let value = if let Some(v) = attrs_text.strip_prefix("=\"") {
                let close = v.find('"').expect("a value ends");
                attrs_text = &v[close + 1..];
                &v[..close]
            } else if let Some(v) = attrs_text.strip_prefix('=') {
                let close = v.find(' ').unwrap_or(v.len());
                attrs_text = &v[close..];
                &v[..close]
            } else {
                ""
            };
            assert!(!attr.is_empty(), "an attribute has a name: <{tag}>");
            // (A boolean attribute: Yew writes `novalidate="novalidate"`, the same as `novalidate`.)
            let value = if value == attr { "" } else { value };
            attrs.push(format!("{attr}=\"{value}\""));
        }
        attrs.sort();
        out.push('<');
        out.push_str(name);
        for a in attrs {
            out.push(' ');
            out.push_str(&a);
        }
        out.push('>');
    }
    out.push_str(rest);
    out
}

fn compare(
    route: &Route,
    lang: Lang,
    lang_chosen: bool,
    lens: Lens,
    chosen_flow: usize,
) -> Result<(), String> {
    let yew = normal(&site::live_screen(route.clone(), lang, lang_chosen, lens, chosen_flow));
    let view = View {
        route,
        lang,
        link_lang: lang_chosen.then_some(lang),
        lens,
        chosen_flow,
        error: false,
        pending: None,
    };
    let ours = normal(&render::app(&view));
    if yew == ours {
        return Ok(());
    }
    let at = yew.bytes().zip(ours.bytes()).take_while(|(a, b)| a == b).count();
    let from = yew[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    Err(format!(
        "{} ({}, chosen {lang_chosen}, {lens:?}) differs at byte {at}:\n  yew:   …{}\n  first: …{}",
        icp_advisor::route::encode(route),
        lang.code(),
        yew[from..].chars().take(240).collect::<String>(),
        ours[from..].chars().take(240).collect::<String>(),
    ))
}

#[test]
fn normal_sorts_attributes_and_spells_valueless_ones() {
    assert_eq!(normal(r#"<input b="1" a checked><p>x</p>"#), r#"<input a="" b="1" checked=""><p>x</p>"#);
    assert_eq!(normal("<div c=x b=\"y\">"), r#"<div b="y" c="x">"#);
    assert_eq!(normal(r#"<form novalidate="novalidate">"#), normal("<form novalidate>"));
}

#[test]
fn the_first_module_writes_the_yew_apps_markup() {
    assert!(Lang::all().count() > 1, "every language is compared");
    let mut routes = BTreeSet::new();
    let mut seen = BTreeSet::new();
    // (A path whose every step, each answer at its place from the end, was seen on an earlier
    // path is passed over: walking every prefix of all of them takes a debug build a minute.)
    let mut steps = BTreeSet::new();
    for flow in 0..RULEBOOK.flows.len() {
        for answers in paths::paths(&RULEBOOK, flow) {
            let asked: Vec<_> = engine::path(&RULEBOOK, &answers).asked.iter().map(|&(q, _)| q).collect();
            let mut new = false;
            for (i, &q) in asked.iter().enumerate() {
                new |= steps.insert((q, answers.get(q), asked.len() - i, i));
            }
            if !new {
                continue;
            }
            for (i, &q) in asked.iter().enumerate() {
                let mut before = answers;
                for &later in &asked[i..] {
                    before.clear(later);
                }
                for (a, changing) in [(before, false), (answers, false), (answers, true)] {
                    let r = Route::Question { answers: a, question: q, changing };
                    // One screen for each thing a question screen shows differently: its question,
                    // the answer chosen, its progress and where Back leads (the rest of the
                    // address is `route::encode`'s, the same in both).
                    let (back, to_result) = render::back_of(&a, q, changing);
                    let back_kind = std::mem::discriminant(&back);
                    let key = (
                        q,
                        a.get(q),
                        changing,
                        to_result,
                        nav::progress(&RULEBOOK, &a, q),
                        format!("{back_kind:?}"),
                    );
                    if render::shows(&r) && seen.insert(key) {
                        routes.insert(icp_advisor::route::encode(&r));
                    }
                }
            }
        }
    }
    assert!(routes.len() > 20, "{} question screens", routes.len());
    eprintln!(
        "{} question screens, each in {} languages, 2 lenses, chosen or not",
        routes.len(),
        Lang::all().count()
    );
    // Each language on a thread of its own (Yew's rendering in a debug build is the slow part).
    let routes: Vec<Route> = routes.iter().map(|e| nav::decode(&RULEBOOK, e).0).collect();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let each: Vec<_> = Lang::all()
            .map(|lang| {
                let routes = &routes;
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for lens in [Lens::All, Lens::FaqOnly] {
                        for chosen in [false, true] {
                            for flow in 0..RULEBOOK.flows.len() {
                                failures.extend(compare(&Route::Start, lang, chosen, lens, flow).err());
                            }
                            for route in routes {
                                failures.extend(compare(route, lang, chosen, lens, 0).err());
                            }
                        }
                    }
                    failures
                })
            })
            .collect();
        each.into_iter().flat_map(|h| h.join().expect("a language's comparison ran")).collect()
    });
    assert!(
        failures.is_empty(),
        "{} screens differ; the first:\n{}",
        failures.len(),
        failures.iter().take(3).cloned().collect::<Vec<_>>().join("\n")
    );
}
