//! What a person reads of a result before any tap (the visible text), and how long it is:
//! the budgets the tests hold every path to.

use super::{step_text, Advice};
use crate::i18n::{fill, strings};
use crate::rulebook::{Lang, Rulebook};
use crate::wording::*;

/// What a result shows before anything is opened, in reading order: the flow's name, the
/// outcome, the verdict line, the one thing to do first, the plan's heading, phase labels and
/// step lines (with what current practice says in them), the other ways, and the headings of
/// the collapsed sections ("Why, and the source", "Good to know", the answers). The UI renders
/// exactly these outside its disclosures; the budgets (`VISIBLE_WORDS`, `VISIBLE_CHARS`) are
/// checked on every path.
pub fn visible(advice: &Advice, lang: Lang) -> Vec<String> {
    let s = strings(lang);
    let mut out: Vec<String> = vec![advice.flow_title.to_string()];
    let Some(v) = &advice.verdict else { return out };
    out.push(v.title.to_string());
    out.push(v.text.to_string());
    out.push(s.why_and_source.to_string());
    if let Some(first) = &advice.first_action {
        out.push(s.first_action.to_string());
        out.push(step_text(first, lang));
    }
    if !advice.plan.is_empty() {
        out.push(s.plan_heading.to_string());
    }
    let mut phase = None;
    for p in &advice.plan {
        if Some(p.phase) != phase {
            phase = Some(p.phase);
            out.push(phase_heading(s, p.phase).to_string());
        }
        out.push(step_text(p, lang));
        if p.layer == "practice" {
            out.push(s.practice_short.to_string());
        }
        for a in &p.amends {
            out.push(s.practice_short.to_string());
            out.push(a.text.to_string());
            out.push(fill(s.in_brackets, &[("text", &a.as_of)]));
        }
    }
    if !advice.alternatives.is_empty() {
        out.push(s.other_ways_heading.to_string());
        for a in &advice.alternatives {
            out.push(fill(s.other_way, &[("choice", a.text), ("verdict", a.title)]));
        }
    }
    if !advice.good_to_know.is_empty() {
        out.push(s.good_to_know.to_string());
    }
    out.push(s.answers_heading.to_string());
    out
}

/// The most words a result may show before anything is opened (English).
pub const VISIBLE_WORDS: usize = 400;

/// The most characters a result may show before anything is opened (Chinese: every character
/// that is not white space).
pub const VISIBLE_CHARS: usize = 1000;

/// The most words of a verdict line (English).
pub const VERDICT_WORDS: usize = 40;

/// How long a text is for its budget: words (split at white space) in English, characters other
/// than white space in a language written without spaces.
pub fn measure(book: &Rulebook, text: &str, lang: Lang) -> usize {
    if book.language(lang).word_spaces {
        text.split_whitespace().count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}
