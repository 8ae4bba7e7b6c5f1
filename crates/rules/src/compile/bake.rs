//! Writes a compiled [`Rulebook`] as Rust source: a `static` of the same tables, for the
//! app's build script. The source expects the crate's types in scope (`use icp_rules::*`).
//! Text keys are only written for native builds (the Wasm does not need them).

use crate::*;
use std::fmt::Write as _;

/// The packs the page's full module (the release Wasm but the page's first module) carries
/// built in: the source language's, but `site` (see [`Pack`]).
pub fn full_module(book: &Rulebook) -> impl Fn(Lang, PackIx) -> bool + '_ {
    move |l, p| l == Lang::SOURCE && book.packs.get(p).is_some_and(|p| p.id != SITE_PACK)
}

/// The packs the page's first module carries built in: the source language's `first`.
pub fn first_module(book: &Rulebook) -> impl Fn(Lang, PackIx) -> bool + '_ {
    move |l, p| l == Lang::SOURCE && book.packs.get(p).is_some_and(|p| p.id == FIRST_PACK)
}

/// The Rust source of `pub static NAME: Rulebook = …;`. The release Wasm carries built in only
/// the texts `built_in(language, pack)` says it needs (the rest it fetches: see [`Pack`]);
/// natively, and in debug builds (`trunk serve`, the component tests), every table is built in.
pub fn bake(book: &Rulebook, name: &str, built_in: &dyn Fn(Lang, PackIx) -> bool) -> String {
    let mut w = String::new();
    let _ = writeln!(w, "// @generated from rules/ by icp_rules::compile::bake — do not edit.");
    let _ = writeln!(w, "pub static {name}: Rulebook = Rulebook {{");
    list(&mut w, "domain_notes", book.domain_notes, |d| {
        format!(
            "DomainNote {{ id: {:?}, suffixes: &{:?}, provinces: &{:?}, not_provinces: &{:?}, under: {}, problem: {}, text: {}, cites: {} }}",
            d.id, d.suffixes, d.provinces, d.not_provinces, d.under, d.problem, text(&d.text), cites(d.cites)
        )
    });
    let _ = writeln!(w, "    second_level_suffixes: &{:?},", book.second_level_suffixes);
    let _ = writeln!(w, "    version: {},", book.version);
    let _ = writeln!(w, "    gathered: {:?},", book.gathered);
    list(&mut w, "sources", book.sources, source);
    list(&mut w, "faqs", book.faqs, faq);
    list(&mut w, "flows", book.flows, flow);
    list(&mut w, "questions", book.questions, question);
    list(&mut w, "rules", book.rules, rule);
    list(&mut w, "recommendations", book.recommendations, rec);
    list(&mut w, "dimensions", book.dimensions, |d| {
        format!("Dimension {{ id: {:?}, values: &{:?} }}", d.id, d.values)
    });
    list(&mut w, "defines", book.defines, |d| {
        format!("Define {{ id: {:?}, means: {} }}", d.id, text(&d.means))
    });
    list(&mut w, "carries", book.carries, |c| {
        format!(
            "Carry {{ from_flow: {}, from: {}, to: {}, option: {} }}",
            c.from_flow,
            cond(&c.from),
            c.to,
            c.option
        )
    });
    // A static of its own: the languages hold a cell (their fetched texts).
    let _ = writeln!(w, "    languages: &{name}_LANGUAGES,");
    let _ = writeln!(w, "    packs: &[");
    for p in book.packs {
        let _ = writeln!(w, "        Pack {{ id: {:?}, texts: &{:?} }},", p.id, p.texts);
    }
    let _ = writeln!(w, "    ],");
    let _ = writeln!(w, "    app_texts: {},", book.app_texts);
    let _ = writeln!(w, "    #[cfg(not(target_arch = \"wasm32\"))]");
    let _ = writeln!(w, "    text_keys: &{:?},", book.text_keys);
    let _ = writeln!(w, "    #[cfg(target_arch = \"wasm32\")]");
    let _ = writeln!(w, "    text_keys: &[],");
    let _ = writeln!(w, "}};");
    // Statics of their own: each language's tables (two versions: see above) and cells.
    let table = |t: &TextTable| format!("TextTable {{ all: {:?}, ends: &{:?} }}", t.all, t.ends);
    let empty = "TextTable { all: \"\", ends: &[] }";
    let n = book.packs.len();
    let mut languages = Vec::new();
    for (li, l) in book.languages.iter().enumerate() {
        let all: Vec<String> = l.texts.iter().map(table).collect();
        let shipped: Vec<String> = l
            .texts
            .iter()
            .enumerate()
            .map(|(p, t)| if built_in(Lang(li as u8), p) { table(t) } else { empty.to_string() })
            .collect();
        let _ = writeln!(
            w,
            "#[cfg(any(not(target_arch = \"wasm32\"), debug_assertions))]\nstatic {name}_TEXTS_{li}: [TextTable; {n}] = [{}];",
            all.join(", ")
        );
        let _ = writeln!(
            w,
            "#[cfg(all(target_arch = \"wasm32\", not(debug_assertions)))]\nstatic {name}_TEXTS_{li}: [TextTable; {n}] = [{}];",
            shipped.join(", ")
        );
        let _ = writeln!(
            w,
            "static {name}_FETCHED_{li}: [::std::sync::OnceLock<TextTable>; {n}] = [{}];",
            vec!["::std::sync::OnceLock::new()"; n].join(", ")
        );
        languages.push(format!(
            "Language {{ code: {:?}, name: {:?}, word_spaces: {}, date: {:?}, month: {:?}, texts: &{name}_TEXTS_{li}, files: &{:?}, fetched: &{name}_FETCHED_{li} }}",
            l.code, l.name, l.word_spaces, l.date, l.month, l.files
        ));
    }
    let _ = writeln!(w, "static {name}_LANGUAGES: [Language; {}] = [", languages.len());
    for l in languages {
        let _ = writeln!(w, "    {l},");
    }
    let _ = writeln!(w, "];");
    w
}

fn list<T>(w: &mut String, name: &str, items: &[T], each: impl Fn(&T) -> String) {
    let _ = writeln!(w, "    {name}: &[");
    for item in items {
        let _ = writeln!(w, "        {},", each(item));
    }
    let _ = writeln!(w, "    ],");
}

fn opt<T>(v: &Option<T>, each: impl Fn(&T) -> String) -> String {
    match v {
        Some(x) => format!("Some({})", each(x)),
        None => "None".into(),
    }
}

fn text(t: &Text) -> String {
    format!("Text({})", t.0)
}

fn cond(c: &Cond) -> String {
    match c {
        Cond::Always => "Cond::Always".into(),
        Cond::Is(q, mask) => format!("Cond::Is({q}, {mask:#b})"),
        Cond::Not(c) => format!("Cond::Not(&{})", cond(c)),
        Cond::All(cs) => format!("Cond::All(&[{}])", join(cs.iter().map(cond))),
        Cond::Any(cs) => format!("Cond::Any(&[{}])", join(cs.iter().map(cond))),
        Cond::Def(d, c) => format!("Cond::Def({d}, &{})", cond(c)),
    }
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

fn source(s: &Source) -> String {
    let versions =
        join(s.versions.iter().map(|v| format!("Version {{ lang: {:?}, url: {:?} }}", v.lang, v.url)));
    format!(
        "Source {{ id: {:?}, kind: SourceKind::{:?}, reference: {:?}, publisher: {}, title: {}, url: {:?}, versions: &[{versions}], page_date: {:?}, read: {:?}, lang: {:?}, quality: Quality::{:?} }}",
        s.id, s.kind, s.reference, text(&s.publisher), text(&s.title), s.url, s.page_date, s.read, s.lang, s.quality
    )
}

fn faq(f: &Faq) -> String {
    format!(
        "Faq {{ id: {:?}, section: {:?}, question: {:?}, title: {}, answer: {}, flow: {} }}",
        f.id,
        f.section,
        f.question,
        text(&f.title),
        text(&f.answer),
        f.flow
    )
}

fn flow(f: &Flow) -> String {
    format!(
        "Flow {{ id: {:?}, title: {}, summary: {}, verdict_required: {}, questions: &{:?} }}",
        f.id,
        text(&f.title),
        text(&f.summary),
        f.verdict_required,
        f.questions
    )
}

fn question(q: &Question) -> String {
    let opts = join(q.options.iter().map(|o| {
        format!(
            "Opt {{ id: {:?}, label: {}, hint: {}, instead: {} }}",
            o.id,
            text(&o.label),
            opt(&o.hint, text),
            opt(&o.instead, text)
        )
    }));
    format!(
        "Question {{ id: {:?}, flow: {}, ask_if: {}, prompt: {}, help: {}, practice: {}, options: &[{opts}], choice: {}, full: {}, domain_check: {} }}",
        q.id,
        q.flow,
        cond(&q.ask_if),
        text(&q.prompt),
        text(&q.help),
        opt(&q.practice, |p| format!("&{}", part(p))),
        q.choice,
        q.full,
        q.domain_check
    )
}

fn rule(r: &Rule) -> String {
    format!("Rule {{ id: {:?}, flow: {}, when: {}, then: &{:?} }}", r.id, r.flow, cond(&r.when), r.then)
}

fn facts(fs: &[Fact]) -> String {
    format!("&[{}]", join(fs.iter().map(|f| format!("Fact {{ dim: {}, value: {} }}", f.dim, f.value))))
}

fn cites(cs: &[Citation]) -> String {
    format!(
        "&[{}]",
        join(cs.iter().map(|c| format!(
            "Citation {{ source: {}, faq: {:?}, text: {:?}, summary: {}, page_language: {}, rendering: {} }}",
            c.source,
            c.faq,
            c.text,
            c.summary,
            c.page_language,
            text(&c.rendering)
        )))
    )
}

fn part(p: &Part) -> String {
    format!(
        "Part {{ when: {}, text: {}, cites: {}, asserts: {}, takes: {} }}",
        cond(&p.when),
        text(&p.text),
        cites(p.cites),
        facts(p.asserts),
        opt(&p.takes, |t| format!(
            "Takes {{ step: TimelineStep::{:?}, from: {}, to: {}, unit: TimeUnit::{:?} }}",
            t.step, t.from, t.to, t.unit
        ))
    )
}

fn parts(ps: &[Part]) -> String {
    format!("&[{}]", join(ps.iter().map(part)))
}

fn rec(r: &Recommendation) -> String {
    format!(
        "Recommendation {{ id: {:?}, kind: Kind::{:?}, layer: Layer::{:?}, verdict: {}, answer: {}, phase: {}, plan: {}, plans: {}, alternative: {}, checklist: {}, title: {}, titles: {}, body: {}, steps: {}, flow: {:?}, excludes: &{:?}, qualifies: &{:?}, amend: {}, asserts: {}, cites: {} }}",
        r.id,
        r.kind,
        r.layer,
        r.verdict,
        parts(r.answer),
        opt(&r.phase, |p| format!("Phase::{p:?}")),
        opt(&r.plan, text),
        parts(r.plans),
        r.alternative,
        r.checklist,
        text(&r.title),
        parts(r.titles),
        parts(r.body),
        parts(r.steps),
        r.flow,
        r.excludes,
        r.qualifies,
        opt(&r.amend, text),
        facts(r.asserts),
        cites(r.cites)
    )
}
