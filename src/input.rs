//! Decoding answers given as JSON text (the CLI). Every failure is a one-line message that
//! names the offending key and value; nothing here panics on any input.

use crate::answers::{shown, AnswerSet, AnswersInput};
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
    input_from_value(&value)?.to_set(book).map_err(|e| e.to_string())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks the JSON shape and turns it into [`AnswersInput`].
pub fn input_from_value(value: &Value) -> Result<AnswersInput, String> {
    let Value::Object(top) = value else {
        return Err(format!("expected a JSON object of answers, got {}", kind(value)));
    };
    let structured = top.contains_key("answers") || top.contains_key("flow");
    let mut input = AnswersInput::default();
    let map = if structured {
        for (k, v) in top {
            match (k.as_str(), v) {
                ("flow", Value::String(s)) => input.flow = Some(s.clone()),
                ("flow", Value::Null) => {}
                ("flow", other) => return Err(format!("\"flow\" must be a string, got {}", kind(other))),
                ("answers", Value::Object(_)) => {}
                ("answers", other) => {
                    return Err(format!(
                        "\"answers\" must be an object of question → option, got {}",
                        kind(other)
                    ))
                }
                (k, _) => {
                    return Err(format!("unknown key \"{}\" (expected \"flow\" and \"answers\")", shown(k)))
                }
            }
        }
        match top.get("answers") {
            Some(Value::Object(m)) => Some(m),
            _ => None,
        }
    } else {
        Some(top)
    };
    for (q, o) in map.into_iter().flatten() {
        match o {
            Value::String(s) => {
                input.answers.insert(q.clone(), s.clone());
            }
            other => {
                return Err(format!(
                    "answer to \"{}\" must be an option id (a string), got {}",
                    shown(q),
                    kind(other)
                ))
            }
        }
    }
    Ok(input)
}
