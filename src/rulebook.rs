//! The rulebook the app embeds. The data is written in `rules/` (see `rules/README.md`);
//! `build.rs` compiles it with `icp_rules::compile` into the static [`RULEBOOK`] below, so
//! nothing is parsed at run time and the Wasm carries only compact tables. The types are
//! those of the `icp-rules` crate, re-exported here.

pub use icp_rules::*;

mod generated {
    use icp_rules::*;
    include!(concat!(env!("OUT_DIR"), "/rulebook.rs"));
}

#[cfg(not(target_arch = "wasm32"))]
pub use generated::MISSING_TRANSLATIONS;
pub use generated::RULEBOOK;
#[cfg(not(target_arch = "wasm32"))]
pub use generated::{GLOSSARY_TOML, STALE_TRANSLATIONS, UNTRACKED_LANGUAGES};

/// The embedded rulebook (the one the app and the JS API use).
pub fn book() -> &'static Rulebook {
    &RULEBOOK
}

/// Conveniences for the embedded rulebook's languages.
pub trait LangExt: Sized {
    /// The BCP 47 tag, as used in `<html lang>`, links and the APIs.
    fn code(self) -> &'static str;
    /// The language's name in itself.
    fn name(self) -> &'static str;
    /// Every language of the app, the source language first.
    fn all() -> std::iter::Map<std::ops::Range<usize>, fn(usize) -> Lang>;
    /// Parses a language tag such as `en`, `en-GB` or `zh-Hans` (case-insensitive).
    fn parse(tag: &str) -> Option<Self>;
}

impl LangExt for Lang {
    fn code(self) -> &'static str {
        RULEBOOK.language(self).code
    }
    fn name(self) -> &'static str {
        RULEBOOK.language(self).name
    }
    fn all() -> std::iter::Map<std::ops::Range<usize>, fn(usize) -> Lang> {
        (0..RULEBOOK.languages.len()).map(|i| Lang(i as u8))
    }
    fn parse(tag: &str) -> Option<Lang> {
        RULEBOOK.lang(tag)
    }
}

/// Texts of the embedded rulebook.
pub trait TextExt {
    fn get(self, lang: Lang) -> &'static str;
}

impl TextExt for Text {
    fn get(self, lang: Lang) -> &'static str {
        RULEBOOK.text(self, lang)
    }
}
