//! Both languages are complete: every rulebook text and every app text exists in each.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::i18n;
use icp_advisor::report::{advise, to_markdown};
use icp_advisor::rulebook::{Lang, Text, MISSING_ZH, RULEBOOK, TEXT_KEYS};

#[test]
fn every_rulebook_text_is_translated() {
    assert!(
        MISSING_ZH.is_empty(),
        "rules/zh-CN.toml lacks {} texts (list them with `icp-advisor texts --missing zh-CN`): {:?}",
        MISSING_ZH.len(),
        MISSING_ZH
    );
    assert!(!TEXT_KEYS.is_empty());
}

#[test]
fn every_text_is_cut_whole_from_its_language_table() {
    assert_eq!(Text::COUNT, TEXT_KEYS.len());
    for (i, key) in TEXT_KEYS.iter().enumerate() {
        let (en, zh) = (Text(i as u16).get(Lang::En), Text(i as u16).get(Lang::ZhCn));
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "text {i} ({key}) is empty");
        assert_eq!(en, en.trim(), "text {i} ({key}) was cut in the wrong place");
    }
    // The first and last texts, against the rulebook's own entries.
    assert_eq!(Text(0).get(Lang::En), RULEBOOK.faqs[0].answer.get(Lang::En));
    let last = RULEBOOK.flows.last().unwrap();
    assert!(!last.title.get(Lang::ZhCn).is_empty());
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn chinese_texts_are_chinese_and_english_texts_are_english() {
    for q in RULEBOOK.questions {
        assert!(has_han(q.prompt.get(Lang::ZhCn)), "{}", q.id);
        for o in q.options {
            assert!(has_han(o.label.get(Lang::ZhCn)), "{}.{}", q.id, o.id);
        }
    }
    for r in RULEBOOK.recommendations {
        assert!(has_han(r.title.get(Lang::ZhCn)) && has_han(r.body.get(Lang::ZhCn)), "{}", r.id);
        assert!(!r.body.get(Lang::En).is_empty());
    }
}

#[test]
fn the_advice_renders_in_chinese_with_quotes_kept_in_english() {
    let answers = icp_advisor::answers::AnswerSet::from_pairs(
        Some("need"),
        [("hosting", "hong-kong"), ("cdn", "none")],
    )
    .unwrap();
    let advice = advise(&answers, Lang::ZhCn);
    assert_eq!(advice.lang, "zh-CN");
    assert!(has_han(advice.flow_title));
    let rec = &advice.recommendations[0];
    assert!(has_han(rec.title));
    assert!(!has_han(rec.citations[0].quote), "quotes stay verbatim English");
    let md = to_markdown(&advice, Lang::ZhCn);
    assert!(md.contains("简而言之：") && md.contains(i18n::ZH.source));
}

#[test]
fn languages_parse_from_common_tags() {
    for (tag, lang) in [
        ("en", Lang::En),
        ("en-GB", Lang::En),
        ("zh", Lang::ZhCn),
        ("zh-CN", Lang::ZhCn),
        ("zh_cn", Lang::ZhCn),
        ("ZH-Hans-CN", Lang::ZhCn),
    ] {
        assert_eq!(Lang::parse(tag), Some(lang), "{tag}");
    }
    assert_eq!(Lang::parse("fr"), None);
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.code()), Some(*lang));
    }
}
