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

use crate::rulebook::{FlowIx, QIx, QUESTION_COUNT, RULEBOOK};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Marks a question without an answer.
const NONE: u8 = u8::MAX;

/// A validated set of answers for one flow.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnswerSet {
    flow: FlowIx,
    picks: [u8; QUESTION_COUNT],
}

impl fmt::Debug for AnswerSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (q, o) in self.iter() {
            m.entry(&RULEBOOK.questions[q].id, &RULEBOOK.questions[q].options[o].id);
        }
        m.finish()
    }
}

impl AnswerSet {
    pub fn new(flow: FlowIx) -> Self {
        AnswerSet { flow, picks: [NONE; QUESTION_COUNT] }
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

    /// Sets an answer. Panics if `q` is not a question of this flow or `option` is out of
    /// range: callers hold indices taken from the rulebook.
    pub fn set(&mut self, q: QIx, option: usize) {
        let question = &RULEBOOK.questions[q];
        assert!(question.flow == self.flow && option < question.options.len());
        self.picks[q] = option as u8;
    }

    pub fn clear(&mut self, q: QIx) {
        if q < QUESTION_COUNT {
            self.picks[q] = NONE;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.picks.iter().all(|&p| p == NONE)
    }

    /// All answers, in rulebook order.
    pub fn iter(&self) -> impl Iterator<Item = (QIx, usize)> + '_ {
        self.picks.iter().enumerate().filter(|(_, &p)| p != NONE).map(|(q, &p)| (q, p as usize))
    }

    /// Sets an answer by ids, checking them.
    pub fn set_ids(&mut self, question: &str, option: &str) -> Result<(), AnswerError> {
        let flow = &RULEBOOK.flows[self.flow];
        let q = RULEBOOK.question(question).ok_or_else(|| AnswerError::UnknownQuestion(question.into()))?;
        if RULEBOOK.questions[q].flow != self.flow {
            return Err(AnswerError::QuestionNotInFlow { question: question.into(), flow: flow.id.into() });
        }
        let o = RULEBOOK.questions[q]
            .option(option)
            .ok_or_else(|| AnswerError::UnknownOption { question: question.into(), option: option.into() })?;
        self.set(q, o);
        Ok(())
    }

    /// Builds an answer set from (question id, option id) pairs, failing on the first
    /// problem. `flow` may be `None` to infer it from the questions.
    pub fn from_pairs<'a>(
        flow: Option<&str>,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> Result<AnswerSet, AnswerError> {
        let flow = resolve_flow(flow, pairs.clone().into_iter().map(|(q, _)| q))?;
        let mut set = AnswerSet::new(flow);
        for (q, o) in pairs {
            set.set_ids(q, o)?;
        }
        Ok(set)
    }

    /// Like [`AnswerSet::from_pairs`] but keeps every valid answer and reports the rest.
    /// Used for share links and saved state, which may be truncated or outdated.
    pub fn from_pairs_lenient<'a>(
        flow: FlowIx,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (AnswerSet, Vec<AnswerError>) {
        let mut set = AnswerSet::new(flow);
        let mut problems = Vec::new();
        for (q, o) in pairs {
            if let Err(e) = set.set_ids(q, o) {
                problems.push(e);
            }
        }
        (set, problems)
    }

    /// The answers as a JSON-ready map of ids.
    pub fn to_input(&self) -> AnswersInput {
        AnswersInput {
            flow: Some(RULEBOOK.flows[self.flow].id.to_string()),
            answers: self
                .iter()
                .map(|(q, o)| {
                    let question = &RULEBOOK.questions[q];
                    (question.id.to_string(), question.options[o].id.to_string())
                })
                .collect(),
        }
    }
}

fn resolve_flow<'a>(
    flow: Option<&str>,
    mut questions: impl Iterator<Item = &'a str>,
) -> Result<FlowIx, AnswerError> {
    if let Some(id) = flow {
        return RULEBOOK.flow(id).ok_or_else(|| AnswerError::UnknownFlow(id.into()));
    }
    let first = questions.next().ok_or(AnswerError::NoFlow)?;
    let q = RULEBOOK.question(first).ok_or_else(|| AnswerError::UnknownQuestion(first.into()))?;
    Ok(RULEBOOK.questions[q].flow)
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
    pub fn to_set(&self) -> Result<AnswerSet, AnswerError> {
        AnswerSet::from_pairs(
            self.flow.as_deref(),
            self.answers.iter().map(|(q, o)| (q.as_str(), o.as_str())),
        )
    }
}

/// Why answers were rejected; `Display` gives a one-line message naming the key and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownFlow(String),
    UnknownQuestion(String),
    QuestionNotInFlow { question: String, flow: String },
    UnknownOption { question: String, option: String },
    NoFlow,
}

/// Shortens and escapes a value taken from input, for use in a one-line message.
pub fn shown(s: &str) -> String {
    let mut out: String = s.chars().take(60).flat_map(char::escape_debug).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownFlow(id) => write!(
                f,
                "unknown flow \"{}\" (expected one of: {})",
                shown(id),
                RULEBOOK.flows.iter().map(|f| f.id).collect::<Vec<_>>().join(", ")
            ),
            AnswerError::UnknownQuestion(id) => write!(f, "unknown question \"{}\"", shown(id)),
            AnswerError::QuestionNotInFlow { question, flow } => {
                write!(f, "question \"{}\" is not part of the \"{}\" flow", shown(question), flow)
            }
            AnswerError::UnknownOption { question, option } => {
                let q = RULEBOOK.question(question).map(|q| &RULEBOOK.questions[q]);
                let expected = q
                    .map(|q| q.options.iter().map(|o| o.id).collect::<Vec<_>>().join(", "))
                    .unwrap_or_default();
                write!(
                    f,
                    "question \"{}\" has no option \"{}\" (expected one of: {expected})",
                    shown(question),
                    shown(option)
                )
            }
            AnswerError::NoFlow => write!(f, "no flow given and no answers to infer it from"),
        }
    }
}

impl std::error::Error for AnswerError {}
