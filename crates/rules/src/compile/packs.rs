//! The packs the texts travel in (see [`Pack`]), derived from the tables: nothing lists texts
//! by hand. `first` holds what the first screens show — every text the tables of
//! [`Rulebook::first_screens`] refer to (the flows and their questions), and the app's own
//! texts but those only the static pages use ([`static_page_text`]), which are `site`; `rest`
//! holds every other text. A new kind of text (a new table, a new field) goes
//! where the table that holds it goes, as long as [`Rulebook::for_each_text`] visits it.
//!
//! Then each language's texts are cut into one table per pack, and named after the file that
//! carries them beside the app.

use super::{leak_slice, leak_str};
use crate::*;

/// A language as read, with all its texts in one table (cut into packs once the tables are
/// built: [`language`]).
pub(super) struct Whole {
    pub code: &'static str,
    pub name: &'static str,
    pub word_spaces: bool,
    pub date: &'static str,
    pub month: &'static str,
    pub texts: TextTable,
}

/// The packs of a rulebook whose texts are `keys` (`app.<key>` for the app's own, from
/// `app_texts` on).
pub fn packs(book: &Rulebook, app_texts: u16, keys: &[&str]) -> Vec<Pack> {
    const FIRST: u8 = 0;
    const REST: u8 = 1;
    const SITE: u8 = 2;
    let mut pack = vec![REST; keys.len()];
    book.first_screens().for_each_text(|t| pack[t.0 as usize] = FIRST);
    // A `full` question's texts travel with the result's: the first module hands over to ask it.
    for q in book.questions.iter().filter(|q| q.full) {
        let only =
            Rulebook { questions: std::slice::from_ref(q), sources: &[], flows: &[], ..book.first_screens() };
        only.for_each_text(|t| pack[t.0 as usize] = REST);
    }
    for (i, key) in keys.iter().enumerate().skip(app_texts as usize) {
        let site = key.strip_prefix("app.").is_some_and(static_page_text);
        let result_only = key.strip_prefix("app.").is_some_and(crate::result_only_text);
        pack[i] = if site {
            SITE
        } else if result_only {
            REST
        } else {
            FIRST
        };
    }
    let ranges = |want: u8| -> &'static [(u16, u16)] {
        let mut out: Vec<(u16, u16)> = Vec::new();
        for (i, &f) in pack.iter().enumerate() {
            let i = i as u16;
            if f != want {
                continue;
            }
            match out.last_mut() {
                Some((_, end)) if *end == i => *end += 1,
                _ => out.push((i, i + 1)),
            }
        }
        leak_slice(out)
    };
    vec![
        Pack { id: FIRST_PACK, texts: ranges(FIRST) },
        Pack { id: "rest", texts: ranges(REST) },
        Pack { id: SITE_PACK, texts: ranges(SITE) },
    ]
}

/// A language's texts cut into the packs, with the name of each pack's file beside the app:
/// `texts.<code>.<pack>.<hash>.txt`, after its contents; none for the source language, which
/// every build that needs a pack has built in, and none for `site`, which no Wasm needs.
pub(super) fn language(whole: Whole, packs: &[Pack], source: bool) -> Language {
    let Whole { code, name, word_spaces, date, month, texts: whole } = whole;
    let mut texts = Vec::with_capacity(packs.len());
    let mut files = Vec::with_capacity(packs.len());
    for p in packs {
        let mut all = String::new();
        let mut ends = Vec::with_capacity(p.len());
        for t in p.iter() {
            all.push_str(whole.get(t.0 as usize).unwrap_or(""));
            ends.push(all.len() as u32);
        }
        let table = TextTable { all: leak_str(all), ends: leak_slice(ends) };
        files.push(if source || p.id == SITE_PACK {
            ""
        } else {
            let contents = texts_file(code, p.id, (0..p.len()).map(|i| table.get(i).unwrap_or("")));
            leak_str(format!("texts.{code}.{}.{}.txt", p.id, &content_hash(contents.as_bytes())[..12]))
        });
        texts.push(table);
    }
    Language {
        code,
        name,
        word_spaces,
        date,
        month,
        texts: leak_slice(texts),
        files: leak_slice(files),
        fetched: leak_slice(packs.iter().map(|_| std::sync::OnceLock::new()).collect()),
    }
}
