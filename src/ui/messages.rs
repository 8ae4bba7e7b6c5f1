//! The app's messages (what a link, the saved answers or an update left out or changed) in
//! the reader's words.

use super::state::{Message, Setting};
use crate::i18n::{fill, shown, strings};
use crate::route::{Notice, SavedProblem};
use crate::rulebook::{Lang, LangExt, TextExt, RULEBOOK};

/// A message in the reader's language.
pub fn message_text(m: &Message, lang: Lang) -> String {
    let s = strings(lang);
    match m {
        Message::Link(Notice::UnknownPage(_)) => s.notice_unknown_page.to_string(),
        Message::Link(Notice::UnknownFlow(id)) => fill(s.notice_unknown_flow, &[("id", &shown(id))]),
        Message::Link(Notice::Dropped(e)) => fill(s.notice_dropped, &[("detail", &dropped_answer(e, lang))]),
        Message::Link(Notice::Malformed(p)) => fill(s.notice_malformed, &[("part", &shown(p))]),
        Message::Link(Notice::Repeated(q)) => {
            fill(s.notice_repeated, &[("question", &question_words(q, lang))])
        }
        Message::Link(Notice::TooLong) => s.notice_too_long.to_string(),
        Message::Link(Notice::Redirected) => s.notice_redirected.to_string(),
        Message::Link(Notice::NotHere(part)) => fill(s.notice_not_here, &[("part", &shown(part))]),
        Message::UnknownLanguage(tag) => fill(s.notice_unknown_language, &[("lang", &shown(tag))]),
        Message::Setting(setting, value) => {
            let value = shown(value);
            match setting {
                Setting::Flow => fill(s.notice_setting_flow, &[("value", &value)]),
                Setting::Lang => fill(s.notice_setting_lang, &[("value", &value), ("shown", lang.name())]),
                Setting::Theme => fill(s.notice_setting_theme, &[("value", &value)]),
            }
        }
        Message::LanguageUnavailable(wanted, why) => fill(
            s.language_unavailable,
            &[("language", wanted.name()), ("shown", lang.name()), ("detail", why)],
        ),
        Message::Saved(SavedProblem::Unreadable) => s.saved_unreadable.to_string(),
        Message::SavedPartly(notices) => fill(
            s.saved_partly,
            &[(
                "detail",
                &notices.iter().map(|n| notice_detail(n, lang)).collect::<Vec<_>>().join(s.list_separator),
            )],
        ),
        Message::Updated { dropped } if dropped.is_empty() => {
            fill(s.updated, &[("version", env!("CARGO_PKG_VERSION"))])
        }
        Message::Updated { dropped } => fill(
            s.updated_dropped,
            &[
                ("version", env!("CARGO_PKG_VERSION")),
                (
                    "answers",
                    &dropped
                        .iter()
                        .map(|e| dropped_answer(e, lang))
                        .collect::<Vec<_>>()
                        .join(s.list_separator),
                ),
            ],
        ),
        Message::StorageUnavailable => s.storage_unavailable.to_string(),
        Message::SavedNewer { version, dropped } => {
            let (saved, rules) = (version.to_string(), RULEBOOK.version.to_string());
            if dropped.is_empty() {
                fill(s.saved_newer, &[("saved", &saved), ("rules", &rules)])
            } else {
                let answers = dropped
                    .iter()
                    .map(|e| dropped_answer(e, lang))
                    .collect::<Vec<_>>()
                    .join(s.list_separator);
                fill(s.saved_newer_dropped, &[("saved", &saved), ("rules", &rules), ("answers", &answers)])
            }
        }
    }
}

/// What a notice left out, in a few words (for a list).
fn notice_detail(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::Dropped(e) => dropped_answer(e, lang),
        Notice::Repeated(q) => question_words(q, lang),
        Notice::Malformed(part)
        | Notice::UnknownPage(part)
        | Notice::UnknownFlow(part)
        | Notice::NotHere(part) => ["“", &shown(part), "”"].concat(),
        Notice::TooLong | Notice::Redirected => strings(lang).notice_cut_end.to_string(),
    }
}

/// A question named by its id, in the reader's words: its prompt in quotes (the id, if unknown).
fn question_words(id: &str, lang: Lang) -> String {
    match RULEBOOK.question(id) {
        Some(q) => ["“", RULEBOOK.questions[q].prompt.get(lang), "”"].concat(),
        None => ["“", &shown(id), "”"].concat(),
    }
}

/// An answer left out, in the reader's words: the question as the person saw it, and the
/// option given; the engine's message when the question itself is unknown.
fn dropped_answer(e: &crate::answers::AnswerError, lang: Lang) -> String {
    use crate::answers::AnswerError;
    match e {
        AnswerError::UnknownOption { question, option, .. } if RULEBOOK.question(question).is_some() => {
            format!("{} ({})", question_words(question, lang), shown(option))
        }
        AnswerError::QuestionNotInFlow { question, .. } | AnswerError::UnknownQuestion(question) => {
            question_words(question, lang)
        }
        other => other.to_string(),
    }
}
