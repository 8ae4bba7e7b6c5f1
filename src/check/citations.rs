//! The citations on their own: a secondary (quality B) source never alone, and cited words in
//! the language they are taken to be in.

use crate::rulebook::Rulebook;

/// Places where a secondary (quality B) source stands alone: a recommendation's own citations,
/// or a verdict line, paragraph or step, whose citations are all of B sources. A B source is
/// only ever cited beside an A source that says the same (provinces.md, current-practice.md).
pub fn secondary_alone_problems(book: &Rulebook) -> Vec<String> {
    let alone = |cites: &[crate::rulebook::Citation]| {
        !cites.is_empty()
            && cites.iter().all(|c| book.sources[c.source].quality == crate::rulebook::Quality::B)
    };
    let mut out = Vec::new();
    for r in book.recommendations {
        if alone(r.cites) {
            out.push(format!("recommendation `{}` cites only secondary (quality B) sources", r.id));
        }
        for (what, parts) in [("verdict line", r.answer), ("paragraph", r.body), ("step", r.steps)] {
            for (i, p) in parts.iter().enumerate() {
                if alone(p.cites) {
                    out.push(format!(
                        "recommendation `{}`, {what} {}: cites only secondary (quality B) sources; cite an A source beside them",
                        r.id,
                        i + 1
                    ));
                }
            }
        }
    }
    for q in book.questions {
        if let Some(p) = q.practice {
            if alone(p.cites) {
                out.push(format!(
                    "question `{}`: its current-practice help cites only secondary (quality B) sources",
                    q.id
                ));
            }
        }
    }
    out
}

/// Cited words whose language is not the one they are written in: words taken to be Chinese
/// (their page's language) that hold no Chinese character, which must say `lang = "en"`.
pub fn words_language_problems(book: &Rulebook) -> Vec<String> {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut out: Vec<String> = book
        .citations()
        .filter(|c| crate::rulebook::same_language(book.words_lang(c), "zh") && !han(c.text))
        .map(|c| {
            format!(
                "the words {:?} of `{}` are taken to be in {} (the page's language) but hold no Chinese: say the language they are in (`lang = \"en\"`)",
                c.text, book.sources[c.source].id, book.words_lang(c)
            )
        })
        .collect();
    out.dedup();
    out
}
