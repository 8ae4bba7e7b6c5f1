//! Decoding answers given as JSON text (the CLI). Every failure is a one-line message that
//! names the offending key and value; nothing here panics on any input.

use crate::answers::{input_from, AnswerSet, AnswerValue};
use crate::rulebook::Rulebook;
use serde_json::Value;

/// Largest input accepted, in bytes.
pub const MAX_INPUT: usize = 1 << 20;

/// Decodes raw bytes (from a file or stdin) into validated answers.
pub fn answers_from_bytes(book: &Rulebook, bytes: &[u8]) -> Result<AnswerSet, String> {
    if bytes.len() > MAX_INPUT {
        return Err(format!("input is {} bytes; at most {MAX_INPUT} are accepted", bytes.len()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("input is not valid UTF-8 (invalid byte at offset {})", e.valid_up_to()))?;
    answers_from_json(book, text)
}

/// Decodes answers JSON: `{"flow": "...", "answers": {"question": "option"}}`, or the bare
/// `{"question": "option"}` map with the flow inferred.
pub fn answers_from_json(book: &Rulebook, text: &str) -> Result<AnswerSet, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("input is not valid JSON: {e}"))?;
    input_from(&value)?.to_set(book).map_err(|e| e.to_string())
}

impl AnswerValue for Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
    fn as_text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn entries(&self) -> Option<Vec<(String, Value)>> {
        self.as_object().map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}
