//! The quotes against the texts they quote: every FAQ quote and question in the FAQ text,
//! every current-practice citation in the notes, beside its source.

use crate::rulebook::{Rulebook, SourceKind};

/// Folds white space (the FAQ text has line breaks inside sentences) and drops the `*`
/// emphasis marks and link markup of its plain-text form, so quotes compare by their words.
pub fn normalize(s: &str) -> String {
    // (Links of the original document appear in its text form as `[words](#)`: the words
    // are the FAQ's, the markup is not.)
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('*', "").replace("](#)", "").replace('[', "")
}

/// The questions the FAQ text asks in sections 1.1–1.4: its question headings (the lines
/// that end in `?`, not the bulleted table of contents).
pub fn faq_questions_in_text(faq_text: &str) -> Vec<String> {
    let start = faq_text.find("1 FAQ about ICP filing preparations\n\n1.1").unwrap_or(0);
    faq_text[start..]
        .lines()
        .map(str::trim)
        .filter(|l| l.ends_with('?') && !l.starts_with('-'))
        .map(normalize)
        .collect()
}

/// Checks every FAQ quote and FAQ entry against the FAQ text; returns the problems.
pub fn check_quotes(book: &Rulebook, faq_text: &str) -> Vec<String> {
    let text = normalize(faq_text);
    let mut problems = Vec::new();
    for f in book.faqs {
        if !text.contains(&normalize(f.question)) {
            problems.push(format!(
                "FAQ entry `{}`: its question does not occur in the FAQ: {:?}",
                f.id, f.question
            ));
        }
        let section = format!("\n{} ", f.section);
        if !faq_text.contains(&section) {
            problems.push(format!("FAQ entry `{}`: section {} does not exist", f.id, f.section));
        }
    }
    for (ri, rec) in book.recommendations.iter().enumerate() {
        for c in
            book.recommendations[ri].all_cites().filter(|c| book.sources[c.source].kind == SourceKind::Faq)
        {
            if !text.contains(&normalize(c.text)) {
                problems
                    .push(format!("recommendation `{}`: quote not found in the FAQ: {:?}", rec.id, c.text));
            }
        }
    }
    let listed: Vec<String> = book.faqs.iter().map(|f| normalize(f.question)).collect();
    for q in faq_questions_in_text(faq_text) {
        if !listed.contains(&q) {
            problems.push(format!("the FAQ asks {q:?}, which has no [[faq]] entry"));
        }
    }
    problems
}

/// The items of a Markdown text: each list item (with its continuation lines) or paragraph,
/// white space folded, with the item it is nested in (a sub-bullet's source is often named
/// by its parent).
fn md_items(md: &str) -> Vec<(String, Option<usize>)> {
    let mut items: Vec<(String, Option<usize>)> = Vec::new();
    // The open list items by indentation: (indent, index in `items`).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut cur, mut cur_indent) = (String::new(), 0usize);
    let flush = |cur: &mut String,
                 indent: usize,
                 items: &mut Vec<(String, Option<usize>)>,
                 open: &mut Vec<(usize, usize)>| {
        if cur.trim().is_empty() {
            cur.clear();
            return;
        }
        while open.last().is_some_and(|&(i, _)| i >= indent) {
            open.pop();
        }
        let parent = open.last().map(|&(_, ix)| ix);
        items.push((normalize(cur), parent));
        open.push((indent, items.len() - 1));
        cur.clear();
    };
    for line in md.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        // A list item, a heading, a numbered item or a table row (each row is an item: the
        // timeline's rows name their source in their last cell).
        let starts = t.starts_with("- ")
            || t.starts_with('#')
            || t.starts_with('|')
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if t.is_empty() || starts {
            flush(&mut cur, cur_indent, &mut items, &mut open);
            if t.is_empty() || t.starts_with('#') {
                open.clear();
            }
            cur_indent = indent;
        }
        cur.push_str(line);
        cur.push('\n');
    }
    flush(&mut cur, cur_indent, &mut items, &mut open);
    items
}

/// Whether `text` names `reference` as a whole word (`ALI-PROC` is not named by `ALI-PROC-TC`).
fn names(text: &str, reference: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(reference).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + reference.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Whether byte offset `at` of `item` lies inside a quoted span ("…", “…” or 「…」).
fn inside_quotes(item: &str, at: usize, len: usize) -> bool {
    let before = &item[..at];
    let after = &item[at + len..];
    let straight = before.matches('"').count() % 2 == 1 && after.contains('"');
    let curly =
        before.rfind('“').is_some_and(|o| before.rfind('”').is_none_or(|c| c < o)) && after.contains('”');
    let corner =
        before.rfind('「').is_some_and(|o| before.rfind('」').is_none_or(|c| c < o)) && after.contains('」');
    straight || curly || corner
}

/// Checks every current-practice citation against the notes (`current-practice.md` and
/// `provinces.md`, read together): the words must
/// occur in an item that names the source (its `ref`); a quote must stand inside quotation
/// marks there; nothing may come from a sentence marked UNCONFIRMED or (secondary).
pub fn check_practice_quotes(book: &Rulebook, md: &str) -> Vec<String> {
    let items = md_items(md);
    let mut problems = Vec::new();
    // Every external citation, with where it stands: the recommendations', and what current
    // practice adds to a question's help.
    let cited = book
        .recommendations
        .iter()
        .flat_map(|r| r.all_cites().map(move |c| (format!("recommendation `{}`", r.id), c)))
        .chain(book.questions.iter().flat_map(|q| {
            q.practice
                .iter()
                .flat_map(move |p| p.cites.iter().map(move |c| (format!("question `{}`", q.id), c)))
        }))
        .chain(
            book.domain_notes
                .iter()
                .flat_map(|d| d.cites.iter().map(move |c| (format!("domain note `{}`", d.id), c))),
        );
    for (place, c) in cited.filter(|(_, c)| book.sources[c.source].kind == SourceKind::External) {
        {
            let source = &book.sources[c.source];
            let words = normalize(c.text);
            let what = if c.summary { "summary" } else { "quote" };
            let mut found_anywhere = false;
            let mut ok = false;
            for (item, parent) in &items {
                let Some(at) = item.find(&words) else { continue };
                found_anywhere = true;
                // The source is named in the item, or in the item it is nested in.
                if !names(item, source.reference)
                    && !parent.is_some_and(|p| names(&items[p].0, source.reference))
                {
                    continue;
                }
                // The sentence the words stand in (up to the next full stop or semicolon).
                let start = item[..at].rfind(['.', ';']).map_or(0, |i| i + 1);
                let end =
                    item[at + words.len()..].find(['.', ';']).map_or(item.len(), |i| at + words.len() + i);
                let sentence = &item[start..end];
                if sentence.contains("UNCONFIRMED") || words.contains("(secondary)") {
                    continue;
                }
                if !c.summary && !inside_quotes(item, at, words.len()) {
                    continue;
                }
                ok = true;
                break;
            }
            if !ok {
                let why = if !found_anywhere {
                    "does not occur in current-practice.md or provinces.md".to_string()
                } else if c.summary {
                    format!("occurs only where `{}` is not named, or beside UNCONFIRMED", source.reference)
                } else {
                    format!(
                        "occurs only outside quotation marks or where `{}` is not named",
                        source.reference
                    )
                };
                problems.push(format!("{place}: {what} from `{}` {why}: {:?}", source.id, c.text));
            }
        }
    }
    // The same document in another language: only an address the notes give for it.
    for source in book.sources.iter().filter(|s| s.kind == SourceKind::External) {
        for v in source.versions {
            let ok = items.iter().any(|(item, parent)| {
                item.contains(v.url)
                    && (names(item, source.reference)
                        || parent.is_some_and(|p| names(&items[p].0, source.reference)))
            });
            if !ok {
                problems.push(format!(
                    "source `{}`: its {} version {} is not given beside `{}` in the notes",
                    source.id, v.lang, v.url, source.reference
                ));
            }
        }
    }
    problems
}
