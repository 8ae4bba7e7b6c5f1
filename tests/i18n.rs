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
        let tables = RULEBOOK.language(lang).texts;
        assert_eq!(tables.len(), RULEBOOK.packs.len(), "{}: a table per pack", lang.code());
        for (table, pack) in tables.iter().zip(RULEBOOK.packs) {
            assert_eq!(table.ends.len(), pack.len(), "{} {}: every text of the pack", lang.code(), pack.id);
            assert_eq!(table.ends.last().map_or(0, |&e| e as usize), table.all.len(), "{}", lang.code());
        }
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

// ───────── the packs, and the languages that travel in files of their own ─────────

/// Every text travels in exactly one pack, and the packs are derived from the tables: the
/// `first` pack is what the first screens' tables (`Rulebook::first_screens`) refer to, and
/// the app's own texts but those only the static pages use (the `site` pack); the `rest` pack
/// everything else. `for_each_text` sees every text of
/// the rulebook (a field it missed would leave a text in the wrong pack).
#[test]
fn every_text_is_in_one_pack_derived_from_the_tables() {
    use icp_advisor::rulebook::{FIRST_PACK, SITE_PACK};
    let mut packs = vec![0usize; RULEBOOK.text_count()];
    for p in RULEBOOK.packs {
        assert!(p.texts.windows(2).all(|w| w[0].1 < w[1].0), "{}: ascending ranges, apart", p.id);
        for t in p.iter() {
            packs[t.0 as usize] += 1;
        }
    }
    assert!(packs.iter().all(|&n| n == 1), "every text in exactly one pack");
    let mut seen = vec![false; RULEBOOK.text_count()];
    RULEBOOK.for_each_text(|t| seen[t.0 as usize] = true);
    let unseen: Vec<&str> =
        (0..RULEBOOK.app_texts as usize).filter(|&i| !seen[i]).map(|i| RULEBOOK.text_keys[i]).collect();
    assert!(unseen.is_empty(), "texts for_each_text does not visit: {unseen:?}");
    let mut on_first_screens = vec![false; RULEBOOK.text_count()];
    RULEBOOK.first_screens().for_each_text(|t| on_first_screens[t.0 as usize] = true);
    // A `full` question (the province's 31 options) is asked by the full module: its texts are
    // in the rest pack, though the first screens' tables keep the question.
    for q in RULEBOOK.questions.iter().filter(|q| q.full) {
        let one = icp_advisor::rulebook::Rulebook {
            questions: std::slice::from_ref(q),
            sources: &[],
            flows: &[],
            ..RULEBOOK.first_screens()
        };
        one.for_each_text(|t| {
            if t.0 < RULEBOOK.app_texts {
                on_first_screens[t.0 as usize] = false;
            }
        });
    }
    let mut sites = 0;
    for (i, &shown_first) in on_first_screens.iter().enumerate() {
        let key = RULEBOOK.text_keys[i];
        let app = i >= RULEBOOK.app_texts as usize;
        let wanted = match key.strip_prefix("app.") {
            Some(k) if app && icp_rules::static_page_text(k) => SITE_PACK,
            Some(k) if app && icp_rules::result_only_text(k) => "rest",
            _ if app || shown_first => FIRST_PACK,
            _ => "rest",
        };
        sites += usize::from(wanted == SITE_PACK);
        let pack = RULEBOOK.locate(Text(i as u16)).map(|(p, _)| RULEBOOK.packs[p].id);
        assert_eq!(pack, Some(wanted), "{key}");
    }
    assert!(sites > 0, "the rule map's own texts are in the site pack");
    // The first screens' rulebook keeps the flows, their questions and the sources their help
    // cites, nothing of the advice; the questions cite no FAQ entry (it has no FAQ table).
    let book = RULEBOOK.first_screens();
    assert_eq!((book.flows.len(), book.questions.len()), (RULEBOOK.flows.len(), RULEBOOK.questions.len()));
    // The sources up to the last one a question cites (the province layer's only results cite).
    assert!(!book.sources.is_empty() && book.sources.len() < RULEBOOK.sources.len());
    assert_eq!(book.sources, &RULEBOOK.sources[..book.sources.len()]);
    assert!(book.recommendations.is_empty() && book.rules.is_empty() && book.faqs.is_empty());
    for q in RULEBOOK.questions {
        let cites = q.practice.iter().flat_map(|p| p.cites.iter());
        assert!(cites.clone().all(|c| c.faq.is_none()), "question {} cites an FAQ entry", q.id);
    }
}

/// The rulebook as a release Wasm has it: the packs `built_in` says it carries built in, the
/// others waiting for their files.
fn as_in_the_wasm_with(built_in: impl Fn(Lang, usize) -> bool) -> &'static icp_advisor::rulebook::Rulebook {
    use icp_advisor::rulebook::{Language, Rulebook, TextTable};
    let languages: Vec<Language> = RULEBOOK
        .languages
        .iter()
        .enumerate()
        .map(|(li, l)| Language {
            code: l.code,
            name: l.name,
            word_spaces: l.word_spaces,
            date: l.date,
            month: l.month,
            texts: Box::leak(
                l.texts
                    .iter()
                    .enumerate()
                    .map(
                        |(p, t)| {
                            if built_in(Lang(li as u8), p) {
                                *t
                            } else {
                                TextTable { all: "", ends: &[] }
                            }
                        },
                    )
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            files: l.files,
            fetched: Box::leak(
                l.texts.iter().map(|_| Default::default()).collect::<Vec<_>>().into_boxed_slice(),
            ),
        })
        .collect();
    Box::leak(Box::new(Rulebook { languages: Box::leak(languages.into_boxed_slice()), ..RULEBOOK }))
}

/// The full module's: the source language built in (but the static pages' texts), every other
/// language in files.
fn as_in_the_wasm() -> &'static icp_advisor::rulebook::Rulebook {
    as_in_the_wasm_with(icp_rules::compile::bake::full_module(&RULEBOOK))
}

#[test]
fn every_translation_travels_in_files_named_after_their_contents() {
    for lang in Lang::all() {
        let l = RULEBOOK.language(lang);
        assert_eq!(l.files.len(), RULEBOOK.packs.len());
        for (p, pack) in RULEBOOK.packs.iter().enumerate() {
            if lang == Lang::SOURCE || pack.id == icp_advisor::rulebook::SITE_PACK {
                assert!(
                    l.files[p].is_empty(),
                    "the source language is built in; no Wasm needs the site pack"
                );
                continue;
            }
            let contents = RULEBOOK.texts_file(lang, p).unwrap();
            let hash = icp_rules::content_hash(contents.as_bytes());
            assert_eq!(l.files[p], format!("texts.{}.{}.{}.txt", l.code, pack.id, &hash[..12]));
        }
    }
}

#[test]
fn a_texts_file_round_trips_and_until_then_the_source_language_stands_in() {
    let book = as_in_the_wasm();
    for lang in Lang::all().filter(|&l| l != Lang::SOURCE) {
        assert!(!book.has_texts(lang));
        let files: Vec<&str> =
            RULEBOOK.language(lang).files.iter().copied().filter(|f| !f.is_empty()).collect();
        assert_eq!(book.missing_files(lang), files, "every pack the full module needs is missing");
        let t = Text(0);
        assert_eq!(book.text(t, lang), RULEBOOK.text(t, Lang::SOURCE), "the source language stands in");
        for (p, file) in RULEBOOK.language(lang).files.iter().enumerate() {
            if file.is_empty() {
                continue;
            }
            assert!(!book.has_texts(lang), "not every pack is here yet");
            book.install_texts(lang, &RULEBOOK.texts_file(lang, p).unwrap()).unwrap();
            assert!(book.has_pack(lang, p));
        }
        assert!(book.has_texts(lang) && book.missing_files(lang).is_empty());
        // (The site pack, which no Wasm needs, reads as any other.)
        for p in 0..RULEBOOK.packs.len() {
            book.install_texts(lang, &RULEBOOK.texts_file(lang, p).unwrap()).unwrap();
        }
        for i in 0..RULEBOOK.text_count() {
            assert_eq!(book.text(Text(i as u16), lang), RULEBOOK.text(Text(i as u16), lang), "text {i}");
        }
    }
}

/// The page's first module carries the source language's `first` pack only and needs, in any
/// other language, that pack alone: a Chinese reader's first visit fetches one file.
#[test]
fn the_first_module_needs_the_first_pack_alone() {
    use icp_advisor::rulebook::FIRST_PACK;
    let first = RULEBOOK.packs.iter().position(|p| p.id == FIRST_PACK).unwrap();
    let book = as_in_the_wasm_with(|l, p| l == Lang::SOURCE && p == first);
    assert_eq!(book.needed_packs().collect::<Vec<_>>(), [first]);
    assert!(book.has_texts(Lang::SOURCE));
    for lang in Lang::all().filter(|&l| l != Lang::SOURCE) {
        assert_eq!(book.missing_files(lang), [RULEBOOK.language(lang).files[first]]);
        book.install_texts(lang, &RULEBOOK.texts_file(lang, first).unwrap()).unwrap();
        assert!(book.has_texts(lang));
        for q in RULEBOOK.questions.iter().filter(|q| !q.full) {
            assert_eq!(book.text(q.prompt, lang), RULEBOOK.text(q.prompt, lang));
        }
    }
}

#[test]
fn a_wrong_texts_file_is_refused_with_a_reason() {
    let book = as_in_the_wasm();
    let lang = Lang::all().find(|&l| l != Lang::SOURCE).unwrap();
    let good = RULEBOOK.texts_file(lang, 0).unwrap();
    let other_code = good.replacen(lang.code(), "xx", 1);
    let other_pack = good.replacen(RULEBOOK.packs[0].id, "nope", 1);
    let half = (0..=good.len() / 2).rev().find(|&i| good.is_char_boundary(i)).unwrap();
    let truncated = &good[..half];
    let extra = format!("{good}extra\u{1f}");
    for (bad, why) in [
        ("", "no first line"),
        ("<!doctype html>\n<html>", "first line"),
        (other_code.as_str(), "first line"),
        (other_pack.as_str(), "first line"),
        (truncated, "texts, expected"),
        (extra.as_str(), "texts, expected"),
    ] {
        let err = book.install_texts(lang, bad).unwrap_err();
        assert!(err.contains(why), "{why:?} not in {err:?}");
        assert!(!book.has_pack(lang, 0), "a refused file leaves the pack waiting");
    }
}

mod texts_file_decoder {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The decoder of a texts file never panics, whatever arrives over the network.
        #[test]
        fn arbitrary_files_never_panic(head in prop_oneof![Just(String::new()), "[a-z0-9 -]{0,40}"], body in any::<String>(), p in 0usize..3) {
            let book = as_in_the_wasm();
            let lang = Lang::all().find(|&l| l != Lang::SOURCE).unwrap();
            let pack = &RULEBOOK.packs[p % RULEBOOK.packs.len()];
            let header = format!("icp-advisor-texts 2 {} {} {}\n", lang.code(), pack.id, pack.len());
            let _ = book.install_texts(lang, &format!("{head}\n{body}"));
            let _ = book.install_texts(lang, &format!("{header}{body}"));
        }
    }
}
