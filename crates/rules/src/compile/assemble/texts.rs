//! The texts of the rulebook as the sections add them, each under its key.

use crate::Text;
use std::collections::HashMap;

/// The texts of the rulebook, with their keys: what each translation is made from (the
/// source-language text, or the words a rendering renders).
#[derive(Default)]
pub(super) struct Texts {
    pub list: Vec<(String, String)>,
    /// For a rendering of cited words: the words' language (a language of the same primary
    /// subtag needs no rendering; the source language's table holds one only for words in
    /// another language).
    pub words: Vec<Option<String>>,
    /// Texts shared by key (renderings, publishers): key → index.
    shared: HashMap<String, usize>,
}

impl Texts {
    /// A text under its own key (an empty text, or one holding the separator, is refused).
    pub fn add(&mut self, key: String, text: &str) -> Result<Text, String> {
        if text.trim().is_empty() {
            return Err(format!("`{key}` is empty"));
        }
        if text.contains(crate::TEXTS_SEPARATOR) {
            return Err(format!("`{key}` holds the control character U+001F"));
        }
        if self.list.len() >= u16::MAX as usize {
            return Err("the rulebook has too many texts".into());
        }
        self.list.push((key, text.to_string()));
        self.words.push(None);
        Ok(Text((self.list.len() - 1) as u16))
    }

    /// A text several items share (e.g. a publisher's name), added once under its key.
    pub fn shared(&mut self, key: String, text: &str) -> Result<Text, String> {
        if let Some(&i) = self.shared.get(&key) {
            return Ok(Text(i as u16));
        }
        let t = self.add(key.clone(), text)?;
        self.shared.insert(key, t.0 as usize);
        Ok(t)
    }

    /// The rendering of cited words (one per distinct words of a source): what translations
    /// render is `original`, the words themselves or, for words not in the source language,
    /// their English rendering.
    pub fn rendering(&mut self, key: String, words_lang: &str, original: &str) -> Result<Text, String> {
        if let Some(&i) = self.shared.get(&key) {
            if self.list[i].1 != original || self.words[i].as_deref() != Some(words_lang) {
                return Err(format!(
                    "the words cited as `{key}` are cited elsewhere with another language or rendering"
                ));
            }
            return Ok(Text(i as u16));
        }
        // (An empty original: words in another language whose rendering is not written yet.)
        if original.contains(crate::TEXTS_SEPARATOR) {
            return Err(format!("`{key}` holds the control character U+001F"));
        }
        self.list.push((key.clone(), original.to_string()));
        self.words.push(Some(words_lang.to_string()));
        let t = Text((self.list.len() - 1) as u16);
        self.shared.insert(key, t.0 as usize);
        Ok(t)
    }
}
