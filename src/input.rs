//! Decoding answers given as JSON text (the CLI). Every failure is a one-line message that
//! names the offending key and value; nothing here panics on any input. The text itself is
//! read by [`crate::answers::input_from_text`], as the JS API reads a string.

use crate::answers::{input_from_text, AnswerSet};
use crate::rulebook::Rulebook;

pub use crate::answers::{answers_from_bytes, MAX_INPUT};

/// Decodes answers JSON: `{"flow": "...", "answers": {"question": "option"}}`, or the bare
/// `{"question": "option"}` map with the flow inferred.
pub fn answers_from_json(book: &Rulebook, text: &str) -> Result<AnswerSet, String> {
    input_from_text(text)?.to_set(book).map_err(|e| e.to_string())
}
