//! Texts and languages: a text is an index into each language's table; the tables travel in
//! packs, one file per language and pack; and the rulebook's lookups of a text in a language.

use crate::*;

/// A translatable text: an index into each language's [`TextTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub u16);

/// A language of the rulebook: an index into [`Rulebook::languages`]. The first language
/// is the one the rulebook is written in (English).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Lang(pub u8);

impl Lang {
    /// The language the rulebook is written in.
    pub const SOURCE: Lang = Lang(0);
}

/// The most bytes of text one language may hold (rulebook and app texts together).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Every text of one language as one string, cut at the end offsets (a `&str` per text
/// would cost a pointer and a length each in the Wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextTable {
    pub all: &'static str,
    pub ends: &'static [u32],
}

impl TextTable {
    /// The text at `i`, or `None` if the table has no such text.
    pub fn get(&self, i: usize) -> Option<&'static str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.all.get(start..end)
    }
}

/// Index of a pack in [`Rulebook::packs`].
pub type PackIx = usize;

/// The id of the pack that holds what the first screens show (see [`Pack`]).
pub const FIRST_PACK: &str = "first";

/// The id of the pack of the texts only the static pages use ([`static_page_text`]): no Wasm
/// carries it and none fetches it; natively it is built in (the static pages are built there).
pub const SITE_PACK: &str = "site";

/// A part of the texts that travels on its own: a build carries some packs built in and
/// fetches the others, one file per language and pack ([`Language::files`]), when it needs
/// them.
///
/// The compiler makes three (`compile::packs`): `first`, what the first screens show — the
/// texts of the tables the page's first module keeps ([`Rulebook::first_screens`]: the flows
/// and their questions) and the app's own texts — `rest`, every other text of the rulebook
/// (the advice), and `site`, the app texts only the static pages use ([`SITE_PACK`]). The
/// page's first module has the source language's `first` pack built in, the full module (the
/// library's Wasm) its `first` and `rest`; the other languages arrive in files. Natively and in
/// debug builds every pack is built in.
#[derive(Debug, PartialEq, Eq)]
pub struct Pack {
    pub id: &'static str,
    /// Its texts, as ranges `[start, end)` of text indices, in ascending order.
    pub texts: &'static [(u16, u16)],
}

impl Pack {
    /// How many texts it carries.
    pub fn len(&self) -> usize {
        self.texts.iter().map(|&(a, b)| (b - a) as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where text `t` is among the pack's texts, if it is one of them.
    pub fn position(&self, t: Text) -> Option<usize> {
        let mut at = 0usize;
        for &(a, b) in self.texts {
            if (a..b).contains(&t.0) {
                return Some(at + (t.0 - a) as usize);
            }
            at += (b - a) as usize;
        }
        None
    }

    /// The pack's texts, in its order.
    pub fn iter(&self) -> impl Iterator<Item = Text> + '_ {
        self.texts.iter().flat_map(|&(a, b)| (a..b).map(Text))
    }
}

/// A language: its tag, its name in itself (for the language switch) and its texts.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag, as used in `<html lang>`, links and the APIs (e.g. `zh-CN`).
    pub code: &'static str,
    /// The language's name in itself, e.g. `中文`.
    pub name: &'static str,
    /// Whether it puts spaces between words: its texts are measured in words, else in
    /// characters (the result's budgets), and pieces of text are joined without a space.
    pub word_spaces: bool,
    /// How it writes a day and a month, from ISO `YYYY-MM-DD` and `YYYY-MM`: patterns with
    /// `{yyyy}`, `{mm}` and `{dd}` (two digits) or `{m}` and `{d}` (no leading zero). See
    /// [`Language::date`].
    pub date: &'static str,
    pub month: &'static str,
    /// The texts built into this build, one table per pack ([`Rulebook::packs`] order), each
    /// in the pack's order. An empty table is a pack this build does not carry: its texts
    /// travel in [`Language::files`] and arrive in [`Language::fetched`]. Natively and in
    /// debug builds every pack is built in.
    pub texts: &'static [TextTable],
    /// The file that carries each pack's texts in this language beside the app
    /// (`texts.zh-CN.rest.<hash>.txt`, written by [`Rulebook::texts_file`]); empty for a pack
    /// no build fetches (the source language's are built in wherever they are needed).
    pub files: &'static [&'static str],
    /// Each pack's texts read from its file at run time ([`Rulebook::install_texts`]).
    pub fetched: &'static [std::sync::OnceLock<TextTable>],
}

impl Language {
    /// An ISO date (`YYYY-MM-DD` or `YYYY-MM`) written the language's way (e.g. `2026年6月13日`);
    /// anything else is returned as it is.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let (pattern, day) = match parts.as_slice() {
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (self.date, *d),
            [y, m] if digits(y, 4) && digits(m, 2) => (self.month, ""),
            _ => return iso.to_string(),
        };
        let short = |p: &str| p.trim_start_matches('0').to_string();
        pattern
            .replace("{yyyy}", parts[0])
            .replace("{mm}", parts[1])
            .replace("{m}", &short(parts[1]))
            .replace("{dd}", day)
            .replace("{d}", &short(day))
    }
}

/// Whether two language tags name the same language (their primary subtags match: `zh-CN`
/// and `zh-TW` are both Chinese).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

/// Whether an app text is used by the static pages only (the rule map, the static pages' heads)
/// or the command line (`domain_`: the domain check's text), never by the app in the browser:
/// `[app]` keys starting `rules_`, `cond_`, `site_` or `domain_`. The
/// page's Wasm carries them neither in `Strings` nor in its English table (they travel in the
/// pack [`SITE_PACK`], which no Wasm carries).
pub fn static_page_text(app_key: &str) -> bool {
    ["rules_", "cond_", "site_", "domain_"].iter().any(|p| app_key.starts_with(p))
}

/// Whether an app text is used only by what the page's first module never shows (`[app]` keys
/// starting `timeline_` or `takes_`: the result's timeline; `lookup_`: the domain check beside
/// the domain question, a `full` question; `ticks_`: the result's checklist): it travels in the
/// `rest` pack, so that the first visit carries none of it (the first module reads it as "").
pub fn result_only_text(app_key: &str) -> bool {
    ["timeline_", "takes_", "lookup_", "ticks_"].iter().any(|p| app_key.starts_with(p))
}

/// The first line of a texts file: the format, then the language, the pack and the number of
/// texts.
const TEXTS_MAGIC: &str = "icp-advisor-texts 2";
/// Separates the texts of a texts file (no text may contain it).
pub const TEXTS_SEPARATOR: char = '\u{1f}';

/// The contents of the texts file of a language's pack (see [`Rulebook::texts_file`]).
pub fn texts_file<'a>(code: &str, pack: &str, texts: impl ExactSizeIterator<Item = &'a str>) -> String {
    let mut out = format!("{TEXTS_MAGIC} {code} {pack} {}\n", texts.len());
    for t in texts {
        out.push_str(t);
        out.push(TEXTS_SEPARATOR);
    }
    out
}

/// A 64-bit FNV-1a hash, as 16 hex digits: names files after their contents (for caching,
/// not for security).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Rulebook {
    /// The rendering of cited words for a reader of `lang`: `None` when the words are in the
    /// reader's language, or when no rendering is here (a language not translated yet).
    pub fn rendering(&self, c: &Citation, lang: Lang) -> Option<&'static str> {
        if same_language(self.words_lang(c), self.language(lang).code) {
            return None;
        }
        Some(self.text(c.rendering, lang)).filter(|t| !t.is_empty())
    }

    /// Every citation of the rulebook: the recommendations', then the questions'.
    pub fn citations(&self) -> impl Iterator<Item = &'static Citation> + '_ {
        self.recommendations
            .iter()
            .flat_map(|r| r.all_cites().chain(r.titles.iter().chain(r.plans).flat_map(|p| p.cites.iter())))
            .chain(self.questions.iter().flat_map(|q| q.practice.into_iter().flat_map(|p| p.cites.iter())))
            .chain(self.domain_notes.iter().flat_map(|d| d.cites.iter()))
    }

    /// The text a translation of `t` is made from: its source-language text, or, for the
    /// rendering of words written in the source language (which the source language needs no
    /// rendering of, so its table holds none), those words.
    pub fn original(&self, t: Text) -> &'static str {
        let en = self.text(t, Lang::SOURCE);
        if !en.is_empty() {
            return en;
        }
        self.citations().find(|c| c.rendering == t).map_or("", |c| c.text)
    }

    /// Whether a language needs text `t`: every text, except the rendering of words already in
    /// that language.
    pub fn needs(&self, t: Text, lang: Lang) -> bool {
        let code = self.language(lang).code;
        !self.citations().any(|c| c.rendering == t && same_language(self.words_lang(c), code))
    }

    /// The language cited words are in: their page's, or the rulebook's (the source language).
    pub fn words_lang(&self, c: &Citation) -> &'static str {
        if c.page_language {
            self.sources.get(c.source).map_or("en", |s| s.lang)
        } else {
            self.language(Lang::SOURCE).code
        }
    }

    /// A text in a language (the source language's if the language lacks it).
    pub fn text(&self, t: Text, lang: Lang) -> &'static str {
        let Some((pack, at)) = self.locate(t) else { return "" };
        self.table(lang, pack)
            .and_then(|tt| tt.get(at))
            .or_else(|| self.table(Lang::SOURCE, pack).and_then(|tt| tt.get(at)))
            .unwrap_or("")
    }

    /// The pack a text travels in, and where it is among the pack's texts.
    pub fn locate(&self, t: Text) -> Option<(PackIx, usize)> {
        self.packs.iter().enumerate().find_map(|(i, p)| Some((i, p.position(t)?)))
    }

    /// A language's texts of a pack: built in, or fetched; `None` while they are not here.
    fn table(&self, lang: Lang, pack: PackIx) -> Option<&TextTable> {
        let l = self.languages.get(lang.0 as usize)?;
        match l.texts.get(pack) {
            Some(t) if !t.ends.is_empty() || self.packs.get(pack).is_some_and(Pack::is_empty) => Some(t),
            _ => l.fetched.get(pack)?.get(),
        }
    }

    /// Whether a language's texts of a pack are here (built in, or fetched).
    pub fn has_pack(&self, lang: Lang, pack: PackIx) -> bool {
        self.table(lang, pack).is_some()
    }

    /// The packs this build needs in every language it shows: those it carries built in in the
    /// source language (the page's first module: `first`; the full module, natively and debug
    /// builds: every pack).
    pub fn needed_packs(&self) -> impl Iterator<Item = PackIx> + '_ {
        (0..self.packs.len()).filter(|&p| {
            self.languages.first().and_then(|l| l.texts.get(p)).is_some_and(|t| !t.ends.is_empty())
                || self.packs[p].is_empty()
        })
    }

    /// Whether a language's texts are here, every pack this build needs (always, natively; in
    /// the Wasm, the source language's, and the others' once [`Rulebook::install_texts`] took
    /// their files).
    pub fn has_texts(&self, lang: Lang) -> bool {
        self.needed_packs().all(|p| self.has_pack(lang, p))
    }

    /// The files a language still needs (see [`Rulebook::needed_packs`]): their names beside
    /// the app, in pack order.
    pub fn missing_files(&self, lang: Lang) -> Vec<&'static str> {
        let Some(l) = self.languages.get(lang.0 as usize) else { return Vec::new() };
        self.needed_packs()
            .filter(|&p| !self.has_pack(lang, p))
            .filter_map(|p| l.files.get(p).copied().filter(|f| !f.is_empty()))
            .collect()
    }

    /// The contents of a language's texts file of a pack (see [`Language::files`]): a first
    /// line naming the format, the language, the pack and its number of texts, then the
    /// texts, each ended by [`TEXTS_SEPARATOR`]. `None` if the texts are not here.
    pub fn texts_file(&self, lang: Lang, pack: PackIx) -> Option<String> {
        let (l, p) = (self.languages.get(lang.0 as usize)?, self.packs.get(pack)?);
        let table = self.table(lang, pack)?;
        Some(texts_file(l.code, p.id, (0..p.len()).map(|i| table.get(i).unwrap_or(""))))
    }

    /// Takes a language's texts of a pack from the contents of its texts file (the file names
    /// both). Checks that the file is one (format, language, pack, number of texts, every
    /// text well cut) and says what is wrong otherwise; never panics. Texts already here stay
    /// as they are.
    pub fn install_texts(&self, lang: Lang, file: &str) -> Result<(), String> {
        let l = self.languages.get(lang.0 as usize).ok_or("no such language")?;
        let (head, body) = file.split_once('\n').ok_or("not a texts file (no first line)")?;
        let head = head.trim_end_matches('\r');
        let header = |p: &Pack| format!("{TEXTS_MAGIC} {} {} {}", l.code, p.id, p.len());
        let Some(pack) = self.packs.iter().position(|p| head == header(p)) else {
            let ids: Vec<&str> = self.packs.iter().map(|p| p.id).collect();
            return Err(format!(
                "not the texts this version needs: its first line is \"{}\", expected \"{TEXTS_MAGIC} {} <{}> <count>\"",
                head.chars().take(60).collect::<String>(),
                l.code,
                ids.join("|")
            ));
        };
        if self.has_pack(lang, pack) {
            return Ok(());
        }
        let count = self.packs[pack].len();
        let mut ends = Vec::with_capacity(count);
        let mut all = String::with_capacity(body.len().min(MAX_TEXT_BYTES));
        for part in body.split_terminator(TEXTS_SEPARATOR) {
            all.push_str(part);
            if all.len() > MAX_TEXT_BYTES {
                return Err("the texts are too long".to_string());
            }
            ends.push(all.len() as u32);
        }
        if ends.len() != count || !(body.ends_with(TEXTS_SEPARATOR) || count == 0 && body.is_empty()) {
            return Err(format!("the file holds {} texts, expected {count}", ends.len()));
        }
        let table =
            TextTable { all: Box::leak(all.into_boxed_str()), ends: Box::leak(ends.into_boxed_slice()) };
        if let Some(cell) = l.fetched.get(pack) {
            let _ = cell.set(table);
        }
        Ok(())
    }

    /// The number of texts (rulebook and app) each language has.
    pub fn text_count(&self) -> usize {
        self.packs.iter().map(Pack::len).sum()
    }

    /// Calls `f` with every text the tables refer to (not the app's own texts), once for each
    /// place that refers to it.
    pub fn for_each_text(&self, mut f: impl FnMut(Text)) {
        let part = |p: &Part, f: &mut dyn FnMut(Text)| {
            f(p.text);
            p.cites.iter().for_each(|c| f(c.rendering));
        };
        let parts = |ps: &[Part], f: &mut dyn FnMut(Text)| ps.iter().for_each(|p| part(p, f));
        for s in self.sources {
            f(s.publisher);
            f(s.title);
        }
        for d in self.defines {
            f(d.means);
        }
        for q in self.faqs {
            f(q.title);
            f(q.answer);
        }
        for fl in self.flows {
            f(fl.title);
            f(fl.summary);
        }
        for q in self.questions {
            f(q.prompt);
            f(q.help);
            q.practice.into_iter().for_each(|p| part(p, &mut f));
            for o in q.options {
                f(o.label);
                o.hint.into_iter().chain(o.instead).for_each(&mut f);
            }
        }
        for d in self.domain_notes {
            f(d.text);
            d.cites.iter().for_each(|c| f(c.rendering));
        }
        for r in self.recommendations {
            f(r.title);
            r.plan.into_iter().chain(r.amend).for_each(&mut f);
            r.cites.iter().for_each(|c| f(c.rendering));
            for ps in [r.answer, r.plans, r.titles, r.body, r.steps] {
                parts(ps, &mut f);
            }
        }
    }

    /// Parses a language tag such as `en`, `en-GB` or `zh-Hans-CN` (case-insensitive): the
    /// language whose code matches it exactly, else the first whose primary subtag matches.
    pub fn lang(&self, tag: &str) -> Option<Lang> {
        // (ASCII white space only: the page's head script reads tags the same way.)
        let tag = tag.trim_matches(|c: char| c.is_ascii_whitespace());
        let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let exact = self.languages.iter().position(|l| l.code.eq_ignore_ascii_case(tag));
        let ix = exact.or_else(|| {
            let want = primary(tag);
            self.languages.iter().position(|l| !want.is_empty() && primary(l.code) == want)
        })?;
        Some(Lang(ix as u8))
    }

    pub fn language(&self, lang: Lang) -> &'static Language {
        &self.languages[(lang.0 as usize).min(self.languages.len() - 1)]
    }
}
