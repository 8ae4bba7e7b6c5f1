//! Answers: which option a person chose for each question of a flow.
//!
//! The documented JSON form, shared by the CLI, the JS API and (in URL form) the app:
//!
//! ```json
//! { "flow": "need", "answers": { "hosting": "mainland-ecs", "access": "domain" } }
//! ```
//!
//! `flow` may be left out when the answers name questions of one flow only. Keys are
//! question ids and values option ids, both as listed by `icp-advisor questions`.

use crate::i18n::shown;
use crate::json::Json;
use crate::rulebook::{FlowIx, QIx, Rulebook, MAX_QUESTIONS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Marks a question without an answer.
const NONE: u8 = u8::MAX;

/// A set of answers for one flow: an option index per question (of one rulebook; the ids
/// are checked when the set is built from ids).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnswerSet {
    flow: FlowIx,
    picks: [u8; MAX_QUESTIONS],
}

impl fmt::Debug for AnswerSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl AnswerSet {
    pub fn new(flow: FlowIx) -> Self {
        AnswerSet { flow, picks: [NONE; MAX_QUESTIONS] }
    }

    pub fn flow(&self) -> FlowIx {
        self.flow
    }

    /// The option chosen for a question, if any.
    pub fn get(&self, q: QIx) -> Option<usize> {
        match self.picks.get(q) {
            Some(&p) if p != NONE => Some(p as usize),
            _ => None,
        }
    }

    /// Sets an answer by indices taken from the rulebook (out-of-range questions are ignored).
    pub fn set(&mut self, q: QIx, option: usize) {
        if let Some(p) = self.picks.get_mut(q) {
            *p = option.min(NONE as usize - 1) as u8;
        }
    }

    pub fn clear(&mut self, q: QIx) {
        if let Some(p) = self.picks.get_mut(q) {
            *p = NONE;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.picks.iter().all(|&p| p == NONE)
    }

    /// All answers, in rulebook order.
    pub fn iter(&self) -> impl Iterator<Item = (QIx, usize)> + '_ {
        self.picks.iter().enumerate().filter(|(_, &p)| p != NONE).map(|(q, &p)| (q, p as usize))
    }

    /// Sets an answer by ids, checking them against the rulebook.
    pub fn set_ids(&mut self, book: &Rulebook, question: &str, option: &str) -> Result<(), AnswerError> {
        let q = book.question(question).ok_or_else(|| AnswerError::UnknownQuestion(question.into()))?;
        let flow = book.flows[self.flow].id;
        if book.questions[q].flow != self.flow {
            return Err(AnswerError::QuestionNotInFlow { question: question.into(), flow: flow.into() });
        }
        let o = book.questions[q].option(option).ok_or_else(|| AnswerError::UnknownOption {
            question: question.into(),
            option: option.into(),
            expected: book.questions[q].options.iter().map(|o| o.id).collect::<Vec<_>>().join(", "),
        })?;
        self.set(q, o);
        Ok(())
    }

    /// Builds an answer set from (question id, option id) pairs, failing on the first
    /// problem. `flow` may be `None` to infer it from the questions.
    pub fn from_pairs<'a>(
        book: &Rulebook,
        flow: Option<&str>,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> Result<AnswerSet, AnswerError> {
        let flow = resolve_flow(book, flow, pairs.clone().into_iter().map(|(q, _)| q))?;
        let mut set = AnswerSet::new(flow);
        for (q, o) in pairs {
            set.set_ids(book, q, o)?;
        }
        Ok(set)
    }

    /// Like [`AnswerSet::from_pairs`] but keeps every valid answer and reports the rest.
    /// Used for share links and saved state, which may be truncated or outdated.
    pub fn from_pairs_lenient<'a>(
        book: &Rulebook,
        flow: FlowIx,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (AnswerSet, Vec<AnswerError>) {
        let mut set = AnswerSet::new(flow);
        let mut problems = Vec::new();
        for (q, o) in pairs {
            if let Err(e) = set.set_ids(book, q, o) {
                problems.push(e);
            }
        }
        (set, problems)
    }

    /// The answers as a JSON-ready map of ids.
    pub fn to_input(&self, book: &Rulebook) -> AnswersInput {
        // Inserted one by one: collecting into the map would sort first, which brings the
        // standard library's stable sort (2.6 KB brotli) into the Wasm for a dozen items.
        let mut answers = BTreeMap::new();
        for (q, o) in self.iter() {
            let question = &book.questions[q];
            answers.insert(question.id.to_string(), question.options[o].id.to_string());
        }
        AnswersInput { flow: Some(book.flows[self.flow].id.to_string()), answers }
    }

    /// The answers as `question=option` pairs, for messages and reports.
    pub fn describe(&self, book: &Rulebook) -> String {
        self.iter()
            .map(|(q, o)| {
                let question = &book.questions[q];
                format!("{}={}", question.id, question.options.get(o).map_or("?", |x| x.id))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn resolve_flow<'a>(
    book: &Rulebook,
    flow: Option<&str>,
    mut questions: impl Iterator<Item = &'a str>,
) -> Result<FlowIx, AnswerError> {
    let expected = || book.flows.iter().map(|f| f.id).collect::<Vec<_>>().join(", ");
    if let Some(id) = flow {
        return book.flow(id).ok_or_else(|| AnswerError::UnknownFlow { id: id.into(), expected: expected() });
    }
    let first = questions.next().ok_or(AnswerError::NoFlow)?;
    let q = book.question(first).ok_or_else(|| AnswerError::UnknownQuestion(first.into()))?;
    Ok(book.questions[q].flow)
}

/// The serde form of answers (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
}

impl AnswersInput {
    pub fn to_set(&self, book: &Rulebook) -> Result<AnswerSet, AnswerError> {
        AnswerSet::from_pairs(
            book,
            self.flow.as_deref(),
            self.answers.iter().map(|(q, o)| (q.as_str(), o.as_str())),
        )
    }
}

/// A JSON-like value, as the CLI (`serde_json::Value`) and the JS API (`JsValue`) hold one:
/// what the one check of the answers' shape ([`input_from`]) needs to read.
pub trait AnswerValue: Sized {
    /// What the value is, for messages: `"a string"`, `"an object"`, `"null"`, …
    fn kind(&self) -> &'static str;
    fn as_text(&self) -> Option<String>;
    /// The entries of an object (not of an array); `None` for anything else.
    fn entries(&self) -> Option<Vec<(String, Self)>>;
}

/// The largest answers text accepted, in bytes (the CLI's input, the JS API's string).
pub const MAX_INPUT: usize = 1 << 20;

/// Decodes raw bytes (the CLI's file or standard input) into validated answers: what the CLI
/// says about any input (the JS API says the same about the same text, or object).
pub fn answers_from_bytes(book: &Rulebook, bytes: &[u8]) -> Result<AnswerSet, String> {
    if bytes.len() > MAX_INPUT {
        return Err(format!("the answers are {} bytes; at most {MAX_INPUT} are accepted", bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!("the answers are not valid UTF-8 (invalid byte at offset {})", e.valid_up_to())
    })?;
    input_from_text(text)?.to_set(book).map_err(|e| e.to_string())
}

/// Reads answers given as JSON text (the CLI's input, or a string given to the JS API's
/// `evaluate`): the same text gets the same message from both. A key given twice is refused
/// (not silently one of them kept), as are a byte order mark and empty text, each with a
/// message of its own.
pub fn input_from_text(text: &str) -> Result<AnswersInput, String> {
    if text.len() > MAX_INPUT {
        return Err(format!("the answers are {} bytes; at most {MAX_INPUT} are accepted", text.len()));
    }
    if text.starts_with('\u{feff}') {
        return Err(
            "the answers start with a byte order mark (U+FEFF): save them as UTF-8 without one".to_string()
        );
    }
    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err("the answers are empty: expected {\"flow\": …, \"answers\": {…}}".to_string());
    }
    let value = crate::json::parse(text).map_err(|e| match e.kind {
        crate::json::JsonProblem::Syntax => format!("the answers are not valid JSON: {e}"),
        crate::json::JsonProblem::Duplicate => format!("{e}: each key may appear once"),
        crate::json::JsonProblem::TooDeep => e.to_string(),
    })?;
    input_from(&value)
}

/// Checks the shape of answers given as a JSON-like value: `{"flow": …, "answers": {…}}` or
/// the bare `{"question": "option"}` map. Each failure is one line naming the key and value.
/// Of several mistakes, the one of the smallest key is named, whatever order they were written
/// in or an object holds them in (a JavaScript object lists keys that look like numbers
/// first), so every caller names the same mistake first.
pub fn input_from<V: AnswerValue>(value: &V) -> Result<AnswersInput, String> {
    let top =
        value.entries().ok_or_else(|| format!("expected an object of answers, got {}", value.kind()))?;
    let structured = top.iter().any(|(k, _)| k == "answers" || k == "flow");
    let mut input = AnswersInput::default();
    let mut map = Vec::new();
    let mut first = FirstMistake(None);
    if structured {
        for (k, v) in top {
            match k.as_str() {
                "flow" if matches!(v.kind(), "null" | "undefined") => {}
                "flow" => match v.as_text() {
                    Some(flow) => input.flow = Some(flow),
                    None => first.note(&k, || format!("\"flow\" must be a string, got {}", v.kind())),
                },
                "answers" => match v.entries() {
                    Some(m) => map = m,
                    None => first.note(&k, || {
                        format!("\"answers\" must be an object of question → option, got {}", v.kind())
                    }),
                },
                other => first.note(other, || {
                    format!("unknown key \"{}\" (expected \"flow\" and \"answers\")", shown(other))
                }),
            }
        }
        first.result()?;
    } else {
        map = top;
    }
    for (q, o) in map {
        match o.as_text() {
            Some(o) => {
                input.answers.insert(q, o);
            }
            None => first.note(&q, || {
                format!("answer to \"{}\" must be an option id (a string), got {}", shown(&q), o.kind())
            }),
        }
    }
    first.result()?;
    Ok(input)
}

/// The mistake of the smallest key among those noted (found in one pass, whatever the order).
struct FirstMistake(Option<(String, String)>);

impl FirstMistake {
    fn note(&mut self, key: &str, message: impl FnOnce() -> String) {
        if self.0.as_ref().is_none_or(|(k, _)| key < k.as_str()) {
            self.0 = Some((key.to_string(), message()));
        }
    }

    fn result(&mut self) -> Result<(), String> {
        self.0.take().map_or(Ok(()), |(_, message)| Err(message))
    }
}

/// Why answers were rejected; `Display` gives a one-line message naming the key and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownFlow { id: String, expected: String },
    UnknownQuestion(String),
    QuestionNotInFlow { question: String, flow: String },
    UnknownOption { question: String, option: String, expected: String },
    NoFlow,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownFlow { id, expected } => {
                write!(f, "unknown flow \"{}\" (expected one of: {expected})", shown(id))
            }
            AnswerError::UnknownQuestion(id) => write!(f, "unknown question \"{}\"", shown(id)),
            AnswerError::QuestionNotInFlow { question, flow } => {
                write!(f, "question \"{}\" is not part of the \"{}\" flow", shown(question), flow)
            }
            AnswerError::UnknownOption { question, option, expected } => write!(
                f,
                "question \"{}\" has no option \"{}\" (expected one of: {expected})",
                shown(question),
                shown(option)
            ),
            AnswerError::NoFlow => write!(f, "no flow given and no answers to infer it from"),
        }
    }
}

impl std::error::Error for AnswerError {}

/// The values of the JSON reader (`crate::json`): the CLI's input and a string given to the JS
/// API's `evaluate`.
impl AnswerValue for Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
    fn as_text(&self) -> Option<String> {
        match self {
            Json::String(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn entries(&self) -> Option<Vec<(String, Json)>> {
        match self {
            Json::Object(entries) => Some(entries.clone()),
            _ => None,
        }
    }
}
