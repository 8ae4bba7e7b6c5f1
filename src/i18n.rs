//! The app's own texts (everything that is not rulebook text), in every language.
//!
//! The texts live in `rules/i18n/<lang>.toml`, table `[app]`; `build.rs` generates the
//! [`Strings`] struct from the source language's keys and reads each language's values from
//! the rulebook's text tables. A text missing in a language fails the build, and a misspelt
//! field fails to compile. Placeholders in braces (`{n}`) are filled with [`fill`].

use crate::rulebook::{Kind, Lang, Text, RULEBOOK};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// The app texts of a language (read from the text tables once per language).
pub fn strings(lang: Lang) -> &'static Strings {
    static CACHE: [OnceLock<Strings>; LANGUAGE_COUNT] = [const { OnceLock::new() }; LANGUAGE_COUNT];
    let i = (lang.0 as usize).min(LANGUAGE_COUNT - 1);
    // Texts still on their way (see `Language::files`) are never cached in their stead.
    if !RULEBOOK.has_texts(Lang(i as u8)) {
        return strings(Lang::SOURCE);
    }
    CACHE[i].get_or_init(|| Strings::read(Lang(i as u8)))
}

/// Shortens and escapes a value taken from input, for use in a one-line message.
pub fn shown(s: &str) -> String {
    let mut out: String = s.chars().take(60).flat_map(char::escape_debug).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Strings {
    /// The heading of a group of advice.
    pub fn kind_heading(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Required => self.kind_required,
            Kind::NextStep => self.kind_next_step,
            Kind::Warning => self.kind_warning,
            Kind::Info => self.kind_info,
        }
    }
}
