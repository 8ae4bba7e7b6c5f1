//! Decoding answers given as JSON text (the CLI). Every failure is a one-line message that
//! names the offending key and value; nothing here panics on any input. The text itself is
//! read by [`crate::answers::input_from_text`], as the JS API reads a string.

use crate::answers::{input_from_text, AnswerSet};
use crate::rulebook::Rulebook;

pub use crate::answers::MAX_INPUT;

/// Decodes raw bytes (from a file or stdin) into validated answers.
pub fn answers_from_bytes(book: &Rulebook, bytes: &[u8]) -> Result<AnswerSet, String> {
    if bytes.len() > MAX_INPUT {
        return Err(format!("the answers are {} bytes; at most {MAX_INPUT} are accepted", bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!("the answers are not valid UTF-8 (invalid byte at offset {})", e.valid_up_to())
    })?;
    answers_from_json(book, text)
}

/// Decodes answers JSON: `{"flow": "...", "answers": {"question": "option"}}`, or the bare
/// `{"question": "option"}` map with the flow inferred.
pub fn answers_from_json(book: &Rulebook, text: &str) -> Result<AnswerSet, String> {
    input_from_text(text)?.to_set(book).map_err(|e| e.to_string())
}
