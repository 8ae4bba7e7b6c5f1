//! How the translations are written, checked over everything a reader can be shown: every
//! translation holds to the glossary (`rules/glossary.toml`); every Chinese text and every
//! generated Chinese page (faq, rule map, the first screens in index.html, every result and
//! question screen, the text export of every path) follows the Chinese typography of
//! `style`; and every quote and summary a reader of another language can be shown carries the
//! advisor's rendering, labelled as such beside the words, with the publisher and title in the
//! reader's language. The languages are enumerated, not named.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::answers::AnswerSet;
use icp_advisor::engine::evaluate;
use icp_advisor::paths::for_each_path;
use icp_advisor::report::{advise, to_markdown, Lens};
use icp_advisor::route::Route;
use icp_advisor::rulebook::{same_language, Lang, LangExt, RULEBOOK};
use icp_advisor::site;
use icp_advisor::style::{self, chinese_text, is_chinese, page_problems, typography};
use std::collections::BTreeSet;

fn chinese() -> Vec<Lang> {
    Lang::all().filter(|l| is_chinese(l.code())).collect()
}

fn report(what: &str, problems: Vec<String>) {
    let n = problems.len();
    let shown: Vec<String> = problems.into_iter().take(40).collect();
    assert!(n == 0, "{n} problems with {what}:\n{}", shown.join("\n"));
}

#[test]
fn every_translation_uses_the_glossary_terms_for_what_they_mean() {
    let glossary = style::glossary();
    assert!(glossary.terms.len() >= 30, "the glossary names the filers' terms");
    for term in [
        "首次备案",
        "新增接入",
        "变更备案",
        "取消接入",
        "注销",
        "主体负责人",
        "网站负责人",
        "管局",
        "核验单",
        "幕布",
        "前置审批",
        "公安联网备案",
        "备案服务号",
    ] {
        assert!(
            glossary.terms.iter().any(|t| t.names.get("zh-CN").is_some_and(|n| n.iter().any(|x| x == term))),
            "the glossary has {term}"
        );
    }
    report("the glossary", style::glossary_problems(&RULEBOOK, &glossary));
}

#[test]
fn every_chinese_text_follows_the_typography() {
    assert!(!chinese().is_empty());
    report("Chinese texts", style::text_problems(&RULEBOOK));
}

/// The Chinese of the probes: no provider "注销", no "以上" for "more than", no spaced
/// dash, no space between Chinese and Latin text, in any Chinese text.
#[test]
fn the_known_slips_are_gone() {
    for lang in chinese() {
        for (key, _, text) in style::translations(&RULEBOOK, lang, false) {
            for slip in
                ["服务商注销", "个月以上", " — ", "即常见问题所说", "现在称为", "所有者", "省级主管部门"]
            {
                assert!(!text.contains(slip), "{}: {key}: {slip:?} in {text}", lang.code());
            }
        }
    }
}

#[test]
fn the_generated_chinese_pages_follow_the_typography() {
    let root = env!("CARGO_MANIFEST_DIR");
    let index = std::fs::read_to_string(format!("{root}/index.html")).unwrap().replace(
        "<link data-trunk rel=\"css\" href=\"static/style.css\">",
        "<link rel=\"stylesheet\" href=\"./style.css\">",
    );
    let css = std::fs::read_to_string(format!("{root}/static/style.css")).unwrap();
    let built = site::build(&index, &css, "style.css", &Default::default()).unwrap();
    let mut problems = Vec::new();
    for lang in chinese() {
        // The Chinese copies of the first screens and the notice in index.html and embed.html
        // (the rest of them is English, and left out by its language).
        for (name, page) in [("index.html", &built.index), ("embed.html", &built.embed)] {
            let runs = chinese_text(page);
            assert!(runs.iter().any(|r| r.contains("ICP备案")), "{name} has its Chinese copies");
            problems.extend(runs.iter().flat_map(|r| typography(r)).map(|p| format!("{name}: {p}")));
        }
        for (name, html) in &built.files {
            if name.ends_with(&format!(".{}.html", lang.code())) {
                assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())), "{name}");
                problems.extend(page_problems(html).into_iter().map(|p| format!("{name}: {p}")));
            }
        }
    }
    report("the generated Chinese pages", problems);
}

/// Paths that together show every part of every recommendation (and every title and plan-line
/// variant): what a result screen can show, without rendering all of them.
fn covering_paths() -> Vec<AnswerSet> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for flow in 0..RULEBOOK.flows.len() {
        for_each_path(&RULEBOOK, flow, |answers| {
            let ev = evaluate(&RULEBOOK, answers);
            let mut new = false;
            for a in &ev.advice {
                let items = [
                    format!("{}", a.rec),
                    format!("{}t{:?}", a.rec, a.title),
                    format!("{}p{:?}", a.rec, a.plan),
                    format!("{}a{:?}", a.rec, a.answer),
                ]
                .into_iter()
                .chain(a.body.iter().map(|b| format!("{}b{b}", a.rec)))
                .chain(a.steps.iter().map(|b| format!("{}s{b}", a.rec)));
                for item in items {
                    new |= seen.insert(item);
                }
            }
            if new {
                out.push(*answers);
            }
        });
    }
    out
}

#[test]
fn chinese_results_and_questions_follow_the_typography() {
    let paths = covering_paths();
    assert!(paths.len() > 10);
    let mut problems = Vec::new();
    let mut questions = BTreeSet::new();
    for lang in chinese() {
        for answers in &paths {
            for lens in [Lens::All, Lens::FaqOnly] {
                let html = site::static_screen(Route::Result(*answers), lang, lens);
                problems.extend(
                    page_problems(&html)
                        .into_iter()
                        .map(|p| format!("{} ({:?}): {p}", answers.describe(&RULEBOOK), lens)),
                );
            }
            // Every question on the way, as it is asked.
            let ev = evaluate(&RULEBOOK, answers);
            let mut prefix = AnswerSet::new(answers.flow());
            for &(q, o) in &ev.asked {
                if questions.insert((lang, q)) {
                    let html = site::static_screen(
                        Route::Question { answers: prefix, question: q, changing: false },
                        lang,
                        Lens::All,
                    );
                    problems.extend(
                        page_problems(&html)
                            .into_iter()
                            .map(|p| format!("question {}: {p}", RULEBOOK.questions[q].id)),
                    );
                }
                prefix.set(q, o);
            }
        }
    }
    assert_eq!(questions.len(), RULEBOOK.questions.len() * chinese().len(), "every question was seen");
    report("Chinese result and question screens", problems);
}

/// The text export ("Copy advice as text", `evaluate --format text`) of every path: Chinese
/// typography outside the cited words (verbatim, in their own language).
#[test]
fn the_chinese_text_export_of_every_path_follows_the_typography() {
    text_export_follows_the_typography(Lens::All);
}

/// The same with the FAQ lens (a test of its own, so that the two run side by side).
#[test]
fn the_chinese_text_export_of_every_path_follows_the_typography_faq_only() {
    text_export_follows_the_typography(Lens::FaqOnly);
}

fn text_export_follows_the_typography(lens: Lens) {
    let mut problems = Vec::new();
    // Each line (its cited words replaced) is checked once: the paths' exports share most of
    // their lines (27,518 paths made 16.8 million lines, 4,668 of them different), and checking
    // each line of each path took more than three minutes.
    let mut checked = std::collections::HashSet::new();
    for lang in chinese() {
        for flow in 0..RULEBOOK.flows.len() {
            for_each_path(&RULEBOOK, flow, |answers| {
                let advice = advise(&RULEBOOK, answers, lang, lens);
                let mut md = to_markdown(&RULEBOOK, &advice, lang);
                // Every placeholder filled.
                for (at, _) in md.match_indices('{') {
                    let name = md[at + 1..].split('}').next().unwrap_or("");
                    if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                        problems.push(format!(
                            "{}: the placeholder {{{name}}} is left",
                            answers.describe(&RULEBOOK)
                        ));
                    }
                }
                // The cited words are verbatim (the longest first: one may hold another).
                let mut words: Vec<&str> =
                    advice.recommendations.iter().flat_map(|r| &r.citations).map(|c| c.quote).collect();
                words.sort_by_key(|w| std::cmp::Reverse(w.len()));
                for w in words {
                    md = md.replace(w, "\u{fffc}");
                }
                for line in md.lines() {
                    if checked.contains(line) {
                        continue;
                    }
                    checked.insert(line.to_string());
                    // The Markdown of a line: heading marks, list marks (a checklist's
                    // box too), quote marks.
                    let t = line.trim_start();
                    let t = t.trim_start_matches('#').trim_start_matches("> ").trim_start();
                    let t = t.strip_prefix("- ").unwrap_or(t);
                    let t = t.strip_prefix("[ ] ").unwrap_or(t);
                    let t = t
                        .split_once(". ")
                        .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
                        .map_or(t, |(_, rest)| rest);
                    for p in typography(t) {
                        problems.push(format!("{} ({}): {p}", answers.describe(&RULEBOOK), lens.id()));
                    }
                }
            });
        }
    }
    problems.sort();
    problems.dedup();
    report("the Chinese text export", problems);
}

/// Every quote and summary a result, the FAQ page or the rule map can show a reader of another
/// language than the words' has a rendering in the reader's language; the words themselves
/// are never translated.
#[test]
fn every_cited_word_a_reader_of_another_language_sees_has_a_rendering() {
    let mut missing = Vec::new();
    for lang in Lang::all() {
        for c in RULEBOOK.citations() {
            if !same_language(RULEBOOK.words_lang(c), lang.code()) && RULEBOOK.rendering(c, lang).is_none() {
                missing.push(format!("{}: {:?}", lang.code(), c.text));
            }
        }
        // And on every path, as the advice gives them.
        for flow in 0..RULEBOOK.flows.len() {
            for_each_path(&RULEBOOK, flow, |answers| {
                let advice = advise(&RULEBOOK, answers, lang, Lens::All);
                for c in advice.recommendations.iter().flat_map(|r| &r.citations) {
                    let foreign = !same_language(c.lang, lang.code());
                    assert_eq!(c.rendering.is_some(), foreign, "{}: {:?}", lang.code(), c.quote);
                }
            });
        }
    }
    missing.sort();
    missing.dedup();
    report("renderings", missing);
}

/// In Chinese: the English words labelled 英文原文 and kept verbatim in their language, followed
/// by the 参考译文 marked as the advisor's own; the publisher and title in Chinese, the page's
/// language said, and the Chinese page linked where the sources name one. In English, Chinese
/// words get the same the other way round.
#[test]
fn sources_are_shown_so_that_a_reader_can_check_them() {
    let zh = Lang::all().find(|l| l.code() == "zh-CN").expect("the Chinese translation");
    let s = icp_advisor::i18n::strings(zh);
    let first = AnswerSet::from_pairs(
        &RULEBOOK,
        Some("need"),
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "none"),
            ("subject-filing", "none"),
            ("entity", "mainland"),
            ("can-complete", "yes"),
            ("file-in", "zhejiang"),
            ("slb", "no"),
            ("app", "no"),
        ],
    )
    .unwrap();
    let html = site::static_screen(Route::Result(first), zh, Lens::All);
    let quote = "You need to apply for the initial ICP Filing in the Alibaba Cloud ICP Filing system before service activation if the subject and domain name have not completed ICP Filing before.";
    assert!(
        html.contains(&format!("<blockquote lang=\"en\" translate=\"no\">{quote}</blockquote>")),
        "the words, verbatim, in English"
    );
    assert!(
        html.contains("英文原文") && html.contains(s.rendering_label),
        "labelled, with the rendering marked as such"
    );
    assert!(html.contains("在阿里云ICP代备案管理系统中申请首次备案"), "the rendering");
    assert!(
        html.contains("阿里云<a href=\"https://www.alibabacloud.com/help/en/icp-filing/latest/read-and-understand-the-icp-regulations\" rel=\"noopener noreferrer external\" hreflang=\"en\">《ICP备案流程》</a>（英文页面；页面日期2026年6月13日；2026年11月查阅；来源质量A：服务商或主管部门自己的页面）"),
        "publisher and title in Chinese, the page linked, its language and dates the Chinese way"
    );
    assert!(!html.contains("Alibaba Cloud, "), "no English publisher");

    // A page the sources name in Chinese too: linked for the Chinese reader.
    let code = AnswerSet::from_pairs(&RULEBOOK, Some("service-code"), [("sc-server", "none")]).unwrap();
    let html = site::static_screen(Route::Result(code), zh, Lens::All);
    assert!(
        html.contains("href=\"https://alibabacloud.com/help/tc/icp-filing/basic-icp-service/user-guide/icp-filing-server-access-information-check\"")
            && html.contains("繁体中文版页面"),
        "the Traditional Chinese page of the same document"
    );
    let en = site::static_screen(Route::Result(code), Lang::SOURCE, Lens::All);
    assert!(
        !en.contains(
            "/help/tc/icp-filing/basic-icp-service/user-guide/icp-filing-server-access-information-check"
        ),
        "not for English readers"
    );

    // The other way round: Chinese words, in English, labelled and rendered.
    let after = AnswerSet::from_pairs(
        &RULEBOOK,
        Some("need"),
        [
            ("hosting", "mainland-ecs"),
            ("access", "domain"),
            ("cdn", "none"),
            ("domain-kind", "top-level"),
            ("domain-filing", "alibaba"),
            ("change-needed", "no"),
            ("slb", "no"),
            ("app", "no"),
        ],
    )
    .unwrap();
    let html = site::static_screen(Route::Result(after), Lang::SOURCE, Lens::All);
    assert!(
        html.contains("<blockquote lang=\"zh-CN\" translate=\"no\">腾讯云暂时不支持公安备案</blockquote>"),
        "Chinese words stay Chinese"
    );
    assert!(
        html.contains("Chinese original:")
            && html.contains("Tencent Cloud does not support public-security filings for now")
    );
    let html = site::static_screen(Route::Result(after), zh, Lens::All);
    assert!(
        html.contains("<blockquote lang=\"zh-CN\" translate=\"no\">腾讯云暂时不支持公安备案</blockquote>")
    );
    assert!(!html.contains("中文原文"), "no label or rendering for words in the reader's language");

    // Summaries: labelled as summaries, in their language, rendered.
    assert!(
        html.contains("查阅页面时记录的摘要（英文）："),
        "a summary is marked as one, and its language said"
    );
}

/// Headings fit the person: a representative office (or a company without one) is not told to
/// use a business licence, an individual is not asked about, or told to check, an ICP licence.
#[test]
fn headings_fit_the_owner() {
    let mut problems = Vec::new();
    for_each_path(&RULEBOOK, 0, |answers| {
        let advice = advise(&RULEBOOK, answers, Lang::SOURCE, Lens::All);
        let chose = |q: &str, o: &str| advice.answers.iter().any(|a| a.question == q && a.option == o);
        let headings: Vec<&str> = advice
            .recommendations
            .iter()
            .map(|r| r.title)
            .chain(advice.plan.iter().map(|p| p.text))
            .collect();
        let office = chose("presence", "office") || chose("presence", "none");
        // (Neither an individual nor a representative office can hold an ICP licence.)
        let no_licence = chose("entity", "individual") || chose("presence", "office");
        let individual = chose("entity", "individual");
        for h in headings {
            if office && h.to_lowercase().contains("business licen") {
                problems.push(format!("{}: {h}", answers.describe(&RULEBOOK)));
            }
            if no_licence && h.to_lowercase().contains("licen") {
                problems.push(format!("{}: {h}", answers.describe(&RULEBOOK)));
            }
        }
        if individual && advice.answers.iter().any(|a| a.question == "commercial-license") {
            problems.push(format!(
                "{}: an individual is asked about the ICP Commercial License",
                answers.describe(&RULEBOOK)
            ));
        }
    });
    report("headings", problems);
}
