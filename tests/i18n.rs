//! Every language is complete: every rulebook text and every app text exists in each, cut
//! whole from its table. The tests enumerate the languages (from `rules/i18n/`) rather than
//! naming them, so a new language file is checked the moment it is added.
#![cfg(not(target_arch = "wasm32"))]

use icp_advisor::i18n::{fill, strings};
use icp_advisor::report::{advise, to_markdown, Lens};
use icp_advisor::rulebook::{Lang, LangExt, Text, RULEBOOK};

#[test]
fn every_rulebook_text_is_translated_in_every_language() {
    assert!(
        icp_advisor::rulebook::MISSING_TRANSLATIONS.is_empty(),
        "untranslated texts (list them with `icp-advisor texts --missing LANG`): {:?}",
        icp_advisor::rulebook::MISSING_TRANSLATIONS
    );
    assert!(
        icp_advisor::rulebook::STALE_TRANSLATIONS.is_empty(),
        "translations of English texts that changed since (update them, then `icp-advisor texts --stamp LANG`): {:?}",
        icp_advisor::rulebook::STALE_TRANSLATIONS
    );
    assert!(
        icp_advisor::rulebook::UNTRACKED_LANGUAGES.is_empty(),
        "languages without i18n/<code>.lock (`icp-advisor texts --stamp LANG`): {:?}",
        icp_advisor::rulebook::UNTRACKED_LANGUAGES
    );
    assert!(RULEBOOK.languages.len() >= 2, "the app has a source language and at least one translation");
    assert_eq!(RULEBOOK.text_keys.len(), RULEBOOK.text_count());
}

#[test]
fn every_text_is_cut_whole_from_its_language_table() {
    for lang in Lang::all() {
        let table = &RULEBOOK.language(lang).texts;
        assert_eq!(table.ends.len(), RULEBOOK.text_count(), "{}: every language has every text", lang.code());
        assert_eq!(table.ends.last().map(|&e| e as usize), Some(table.all.len()), "{}", lang.code());
        for (i, key) in RULEBOOK.text_keys.iter().enumerate() {
            let t = RULEBOOK.text(Text(i as u16), lang);
            if !RULEBOOK.needs(Text(i as u16), lang) {
                // The rendering of cited words already in this language: none.
                assert_eq!(t, "", "{}: {key} renders words in the reader's language", lang.code());
                continue;
            }
            assert!(!t.trim().is_empty(), "{}: text {i} ({key}) is empty", lang.code());
            // (App texts such as separators may carry meaningful white space.)
            if i < RULEBOOK.app_texts as usize {
                assert_eq!(t, t.trim(), "{}: text {i} ({key}) was cut in the wrong place", lang.code());
            }
        }
    }
}

/// A translation differs from the source text (a copied English text is not a translation),
/// except for names that stay the same in every language.
#[test]
fn translations_are_translated() {
    for lang in Lang::all().skip(1) {
        let mut same = Vec::new();
        for (i, key) in RULEBOOK.text_keys.iter().enumerate() {
            let (t, en) = (RULEBOOK.text(Text(i as u16), lang), RULEBOOK.text(Text(i as u16), Lang::SOURCE));
            // (A text of placeholders and punctuation only, such as a title pattern, is the
            // same in every language.)
            let words: String =
                en.split('{').map(|p| p.split_once('}').map_or(p, |(_, rest)| rest)).collect();
            if t == en && !t.is_empty() && words.chars().any(|c| c.is_ascii_lowercase()) && en.contains(' ') {
                same.push(*key);
            }
        }
        assert!(same.is_empty(), "{}: these texts are the English ones: {same:?}", lang.code());
    }
}

#[test]
fn app_texts_exist_in_every_language_with_the_same_placeholders() {
    for lang in Lang::all() {
        let s = strings(lang);
        assert!(!s.app_name.is_empty() && !s.crash_title.is_empty(), "{}", lang.code());
        // `fill` leaves no placeholder behind in any language.
        let out = fill(s.progress, &[("n", "1"), ("left", "9")]);
        assert!(!out.contains('{'), "{}: {out}", lang.code());
    }
}

#[test]
fn the_advice_renders_in_every_language_with_quotes_kept_verbatim() {
    let answers = icp_advisor::answers::AnswerSet::from_pairs(
        &RULEBOOK,
        Some("need"),
        [("hosting", "hong-kong"), ("cdn", "none")],
    )
    .unwrap();
    let english = advise(&RULEBOOK, &answers, Lang::SOURCE, Lens::All);
    for lang in Lang::all() {
        let advice = advise(&RULEBOOK, &answers, lang, Lens::All);
        assert_eq!(advice.lang, lang.code());
        let rec = &advice.recommendations[0];
        assert_eq!(
            rec.citations[0].quote, english.recommendations[0].citations[0].quote,
            "quotes stay verbatim"
        );
        if lang != Lang::SOURCE {
            assert_ne!(
                rec.title,
                english.recommendations[0].title,
                "{}: the title is translated",
                lang.code()
            );
        }
        let md = to_markdown(&RULEBOOK, &advice, lang);
        assert!(md.contains(strings(lang).source), "{}", lang.code());
    }
}

#[test]
fn languages_parse_from_their_codes_and_common_tags() {
    for lang in Lang::all() {
        assert_eq!(Lang::parse(lang.code()), Some(lang));
        assert_eq!(Lang::parse(&lang.code().to_ascii_uppercase()), Some(lang));
        assert_eq!(Lang::parse(&lang.code().replace('-', "_")), Some(lang));
        // A region the app does not name still finds the language by its primary subtag.
        let primary = lang.code().split('-').next().unwrap();
        assert_eq!(Lang::parse(&format!("{primary}-XX")), Some(lang));
        assert!(!lang.name().is_empty());
    }
    assert_eq!(Lang::parse("tlh"), None);
    assert_eq!(Lang::parse(""), None);
}

// ───────── the languages that travel in a file of their own (see `Language::file`) ─────────

/// The rulebook as the release Wasm has it: every language but the source language without
/// its texts, waiting for its file.
fn as_in_the_wasm() -> &'static icp_advisor::rulebook::Rulebook {
    use icp_advisor::rulebook::{Language, Rulebook, TextTable};
    let languages: Vec<Language> = RULEBOOK
        .languages
        .iter()
        .map(|l| Language {
            code: l.code,
            name: l.name,
            word_spaces: l.word_spaces,
            date: l.date,
            month: l.month,
            texts: if l.file.is_empty() { l.texts } else { TextTable { all: "", ends: &[] } },
            file: l.file,
            fetched: Default::default(),
        })
        .collect();
    Box::leak(Box::new(Rulebook { languages: Box::leak(languages.into_boxed_slice()), ..RULEBOOK }))
}

#[test]
fn every_translation_travels_in_a_file_named_after_its_contents() {
    for lang in Lang::all() {
        let l = RULEBOOK.language(lang);
        if lang == Lang::SOURCE {
            assert!(l.file.is_empty(), "the source language is built in");
            continue;
        }
        let contents = RULEBOOK.texts_file(lang).unwrap();
        let hash = icp_rules::content_hash(contents.as_bytes());
        assert_eq!(l.file, format!("texts.{}.{}.txt", l.code, &hash[..12]));
    }
}

#[test]
fn a_texts_file_round_trips_and_until_then_the_source_language_stands_in() {
    let book = as_in_the_wasm();
    for lang in Lang::all().filter(|&l| l != Lang::SOURCE) {
        assert!(!book.has_texts(lang));
        let t = Text(0);
        assert_eq!(book.text(t, lang), RULEBOOK.text(t, Lang::SOURCE), "the source language stands in");
        book.install_texts(lang, &RULEBOOK.texts_file(lang).unwrap()).unwrap();
        assert!(book.has_texts(lang));
        for i in 0..RULEBOOK.text_count() {
            assert_eq!(book.text(Text(i as u16), lang), RULEBOOK.text(Text(i as u16), lang), "text {i}");
        }
    }
}

#[test]
fn a_wrong_texts_file_is_refused_with_a_reason() {
    let book = as_in_the_wasm();
    let lang = Lang::all().find(|&l| l != Lang::SOURCE).unwrap();
    let good = RULEBOOK.texts_file(lang).unwrap();
    let other_code = good.replacen(lang.code(), "xx", 1);
    let half = (0..=good.len() / 2).rev().find(|&i| good.is_char_boundary(i)).unwrap();
    let truncated = &good[..half];
    let extra = format!("{good}extra\u{1f}");
    for (bad, why) in [
        ("", "no first line"),
        ("<!doctype html>\n<html>", "first line"),
        (other_code.as_str(), "first line"),
        (truncated, "texts, expected"),
        (extra.as_str(), "texts, expected"),
    ] {
        let err = book.install_texts(lang, bad).unwrap_err();
        assert!(err.contains(why), "{why:?} not in {err:?}");
        assert!(!book.has_texts(lang), "a refused file leaves the language waiting");
    }
}

mod texts_file_decoder {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The decoder of a texts file never panics, whatever arrives over the network.
        #[test]
        fn arbitrary_files_never_panic(head in prop_oneof![Just(String::new()), "[a-z0-9 -]{0,40}"], body in any::<String>()) {
            let book = as_in_the_wasm();
            let lang = Lang::all().find(|&l| l != Lang::SOURCE).unwrap();
            let header = format!("icp-advisor-texts 1 {} {}\n", lang.code(), RULEBOOK.text_count());
            let _ = book.install_texts(lang, &format!("{head}\n{body}"));
            let _ = book.install_texts(lang, &format!("{header}{body}"));
        }
    }
}
