//! How the translations are written (native only): one typographic convention for Chinese,
//! checked over every Chinese text and every generated Chinese page, and the glossary
//! (`rules/glossary.toml`) held against every translation. `icp-advisor check` reports both;
//! `tests/i18n.rs` fails on either.
//!
//! **Chinese typography** (GB/T 15834 as Chinese filers and providers write it):
//!
//! * full-width punctuation in Chinese text: （）、，。：；？！“”‘’《》, never their half-width forms
//!   (`,` `.` `:` stay only inside numbers, addresses and Latin words: `5,000`, `1.1`,
//!   `beian.miit.gov.cn`);
//! * no space between Chinese and Latin letters or digits (`ICP备案`, `2019年`), none around
//!   full-width punctuation, and none in Chinese text at all (a space only parts Latin words);
//! * the dash is `——` (two em dashes, no spaces), the ellipsis `……`; no en dash, no spaced hyphen;
//! * ranges with `～` (`1～2个工作日`), dates the Chinese way (`2026年6月13日`, never ISO);
//! * corner quotes (「」) are the Traditional-Chinese convention and not used here.
//!
//! Words in another language (verbatim quotes, Latin names) are exempt from the rules of Chinese
//! text but not from being shown correctly: in pages they carry their own `lang`, which is how
//! [`chinese_text`] leaves them out.

use crate::rulebook::{same_language, Lang, Rulebook, Text};
use icp_rules::compile::glossary::Glossary;

/// Whether a language follows the Chinese convention.
pub fn is_chinese(code: &str) -> bool {
    same_language(code, "zh")
}

/// A character of Chinese text: a Han character or Chinese (full-width) punctuation.
pub fn cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}'
        | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Stands for something left out of a check (a placeholder, an address, words in another
/// language): neither Chinese nor Latin.
pub const LEFT_OUT: char = '\u{fffc}';

/// A text with its `{placeholders}` and web addresses left out (they are not Chinese text).
fn prepared(text: &str) -> Vec<char> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if rest.starts_with('{') {
            if let Some(end) = rest.find('}') {
                let name = &rest[1..end];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(LEFT_OUT);
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        if rest.starts_with("https://") || rest.starts_with("http://") {
            let end = rest.find(|c: char| c.is_whitespace() || cjk(c)).unwrap_or(rest.len());
            out.push(LEFT_OUT);
            rest = &rest[end..];
            continue;
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.chars().collect()
}

/// The problems of a Chinese text with the convention above, each naming the place.
pub fn typography(text: &str) -> Vec<String> {
    let chars = prepared(text);
    let mut out = Vec::new();
    let at = |i: usize| -> String {
        let from = i.saturating_sub(8);
        let to = (i + 9).min(chars.len());
        chars[from..to].iter().map(|&c| if c == LEFT_OUT { '□' } else { c }).collect()
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let latin = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphanumeric());
        let problem = match c {
            '(' | ')' | ';' | '?' | '!' | '"' => Some(format!("half-width {c:?}: use the full-width form")),
            '\'' if !(latin(prev) && latin(next)) => Some("half-width ': use ‘’".to_string()),
            ',' | ':' | '.' if !(latin(prev) && latin(next)) => {
                Some(format!("half-width {c:?} in Chinese text: use the full-width form"))
            }
            ' ' if prev.is_none_or(|p| cjk(p) || p == ' ') || next.is_none_or(|n| cjk(n) || n == ' ') => {
                Some("a space beside Chinese text: Chinese and Latin text or digits are written without one".into())
            }
            '—' if prev != Some('—') && next != Some('—') => Some("a single em dash: the dash is ——".into()),
            '—' if prev == Some('—') && i >= 2 && chars[i - 2] == '—' => Some("a dash of more than two em dashes".into()),
            '–' => Some("an en dash: ranges are written with ～, dashes as ——".into()),
            '~' => Some("a half-width tilde: ranges are written with ～".into()),
            '…' if prev != Some('…') && next != Some('…') => Some("a single ellipsis: the ellipsis is ……".into()),
            '-' if latin(prev) && prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) => {
                Some("a hyphen between digits: write a range with ～ and a date the Chinese way (2026年6月13日)".into())
            }
            '-' if prev == Some(' ') || next == Some(' ') => Some("a spaced hyphen: the dash is ——".into()),
            '「' | '」' | '『' | '』' => Some(format!("{c}: Simplified Chinese quotes with “” and ‘’")),
            '\u{3000}' => Some("a full-width space".into()),
            '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
                Some(format!("a full-width letter or digit {c}: write it half-width"))
            }
            _ => None,
        };
        if let Some(p) = problem {
            out.push(format!("{p}: “{}”", at(i)));
        }
    }
    out
}

// ─────────────────────────────── pages ───────────────────────────────

/// Elements that start a new line of text (so that text on either side is not adjacent).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "button",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "text",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tspan",
    "ul",
    "svg",
    "g",
    "a",
];
/// Elements without an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
/// Elements whose content is never prose.
const CODE: &[&str] = &["script", "style", "code", "kbd", "samp"];
/// Attributes a reader may see or hear.
const READ_ATTRIBUTES: &[&str] = &["aria-label", "title", "alt", "placeholder"];

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The Chinese text of an HTML page, in runs a reader reads as one (split at block elements):
/// text whose language (the nearest `lang`) is Chinese, with words in other languages, verbatim
/// words (`translate="no"`: quotes, which are shown as their source wrote them), code, scripts
/// and styles left out ([`LEFT_OUT`] in their place), and the attributes a reader sees
/// or hears (`aria-label`, `title`, `alt`, `placeholder`, a description's `content`).
pub fn chinese_text(html: &str) -> Vec<String> {
    struct Open {
        name: String,
        chinese: bool,
        code: bool,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut runs: Vec<String> = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, runs: &mut Vec<String>| {
        if run.chars().any(|c| c != LEFT_OUT && !c.is_whitespace()) {
            runs.push(std::mem::take(run));
        }
        run.clear();
    };
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        if rest.starts_with("<!") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        if rest.starts_with('<') {
            let end = crate::site::tag_len(rest);
            let tag = &rest[1..end.saturating_sub(1).max(1)];
            rest = &rest[end..];
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut run, &mut runs);
                }
                if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                    stack.truncate(pos);
                }
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name: String =
                tag.chars().take_while(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            let attrs = attributes(&tag[name.len().min(tag.len())..]);
            let parent = stack.last();
            let chinese = match attrs.iter().find(|(n, _)| n == "lang") {
                Some((_, l)) => is_chinese(l),
                None => parent.is_some_and(|p| p.chinese),
            };
            // Code, and words shown as they stand in their source (`translate="no"`: quotes).
            let code = parent.is_some_and(|p| p.code)
                || CODE.contains(&name.as_str())
                || attrs.iter().any(|(n, v)| n == "translate" && v == "no");
            if BLOCKS.contains(&name.as_str()) {
                flush(&mut run, &mut runs);
            }
            if chinese && !code {
                let description = attrs.iter().any(|(n, v)| n == "name" && v == "description");
                for (n, v) in &attrs {
                    if READ_ATTRIBUTES.contains(&n.as_str()) || (n == "content" && description) {
                        let v = decode(v);
                        if !v.trim().is_empty() {
                            runs.push(v);
                        }
                    }
                }
            }
            if !self_closing && !VOID.contains(&name.as_str()) {
                stack.push(Open { name, chinese, code });
            }
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = decode(&rest[..end]);
        rest = &rest[end..];
        let here = stack.last();
        if here.is_some_and(|o| o.chinese && !o.code) {
            run.push_str(&text);
        } else if !text.trim().is_empty() && !run.ends_with(LEFT_OUT) {
            run.push(LEFT_OUT);
        }
    }
    flush(&mut run, &mut runs);
    // Line breaks in the markup are not text a reader sees.
    runs.into_iter().map(|r| r.replace(['\n', '\r', '\t'], "")).collect()
}

/// The (name, value) pairs of a tag's attributes.
fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let name_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let value = if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            let (v, after) = match r.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = r[1..].find(q).map_or(r.len(), |i| i + 1);
                    (&r[1..close], r.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let e = r.find(char::is_whitespace).unwrap_or(r.len());
                    (&r[..e], &r[e..])
                }
            };
            rest = after.trim_start();
            v.to_string()
        } else {
            String::new()
        };
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

/// The problems of a Chinese page: each run of its Chinese text checked.
pub fn page_problems(html: &str) -> Vec<String> {
    chinese_text(html).iter().flat_map(|run| typography(run)).collect()
}

// ─────────────────────────────── texts ───────────────────────────────

/// The texts of a language, as (key, the text it translates, the text): every text it needs
/// (rulebook texts and renderings, and the app's), or, with `own_only`, only those it has a
/// translation of its own for (a missing one shows the English).
pub fn translations(
    book: &Rulebook,
    lang: Lang,
    own_only: bool,
) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for (i, key) in book.text_keys.iter().enumerate() {
        let t = Text(i as u16);
        let text = book.text(t, lang);
        if !book.needs(t, lang) || text.is_empty() || (own_only && text == book.text(t, Lang::SOURCE)) {
            continue;
        }
        out.push((*key, book.original(t), text));
    }
    out
}

/// The typography problems of every text of every Chinese language.
pub fn text_problems(book: &Rulebook) -> Vec<String> {
    let mut out = Vec::new();
    for (l, language) in book.languages.iter().enumerate() {
        if !is_chinese(language.code) {
            continue;
        }
        // (A rulebook text still in English is reported as a missing translation; an app text the
        // same in both languages is checked too: "{outcome} — {app}" would be a slip.)
        let own = translations(book, Lang(l as u8), true);
        let all = translations(book, Lang(l as u8), false);
        for (key, _, text) in all.into_iter().filter(|t| t.0.starts_with("app.") || own.contains(t)) {
            for p in typography(text) {
                out.push(format!("typography: {}: {key}: {p}", language.code));
            }
        }
    }
    out
}

/// Whether `text` says one of `names` (the source language's are lower-case phrases, matched
/// without regard to case).
fn says(text: &str, names: &[String], lower: bool) -> bool {
    if lower {
        said(text, names).is_some()
    } else {
        names.iter().any(|n| text.contains(n.as_str()))
    }
}

/// The first of the source language's phrases a text says: from the start of a word (so that
/// "entity" is not found in "identity"), without regard to case.
fn said<'a>(text: &str, names: &'a [String]) -> Option<&'a str> {
    let t = text.to_lowercase();
    names.iter().map(String::as_str).find(|n| {
        t.match_indices(n).any(|(at, _)| {
            let before = t[..at].chars().next_back();
            // (A phrase that starts with a Chinese term or a symbol needs no word start.)
            // (Nor inside an address: beian.miit.gov.cn does not name MIIT.)
            !n.starts_with(|c: char| c.is_alphanumeric() && c.is_ascii())
                || !before.is_some_and(|b| b.is_alphanumeric() || b == '.')
        })
    })
}

/// The glossary's problems in one pair of texts: a term where the English says none of the
/// things it stands for, the English saying one of them without the term (for terms held both
/// ways), and a phrase to avoid.
pub fn glossary_pair(glossary: &Glossary, code: &str, original: &str, translated: &str) -> Vec<String> {
    let mut out = Vec::new();
    let source = icp_rules::compile::SOURCE_LANG;
    for term in &glossary.terms {
        let (Some(en), Some(names)) = (term.names.get(source), term.names.get(code)) else { continue };
        let has = says(translated, names, false);
        let english_says = says(original, en, true);
        if has && !english_says {
            out.push(format!(
                "uses {} where the English says none of {:?} ({})",
                names.join("/"),
                en,
                term.means
            ));
        } else if english_says && !has && term.both_ways {
            let which = said(original, en).unwrap_or_default();
            out.push(format!(
                "the English says “{which}” but the translation does not use {} ({})",
                names.join("/"),
                term.means
            ));
        }
    }
    for a in glossary.avoid.iter().filter(|a| a.lang == code) {
        for phrase in a.phrases.iter().filter(|p| translated.contains(p.as_str())) {
            out.push(format!("“{phrase}”: {}", a.why));
        }
    }
    out
}

/// The glossary's problems in every translation of a language it names.
pub fn glossary_problems(book: &Rulebook, glossary: &Glossary) -> Vec<String> {
    let mut out = Vec::new();
    for (l, language) in book.languages.iter().enumerate().skip(1) {
        for (key, original, translated) in translations(book, Lang(l as u8), true) {
            for p in glossary_pair(glossary, language.code, original, translated) {
                out.push(format!("wording: {}: {key}: {p}", language.code));
            }
        }
    }
    out
}

/// The embedded rulebook's glossary.
pub fn glossary() -> Glossary {
    icp_rules::compile::glossary::parse(crate::rulebook::GLOSSARY_TOML, "rules/glossary.toml")
        .expect("build.rs compiled it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_punctuation_spacing_dashes_ranges_and_dates() {
        for good in [
            "ICP备案号（例如浙ICP备12345678号）在备案通过时下发。",
            "审核需1～2个工作日，人民币5,000元，第1.1节，beian.miit.gov.cn，截至{date}。",
            "GoChina ICP Filing Assistant是付费服务——请先确认。",
            "见https://beian.mps.gov.cn，或者“申请”……",
            "2026年6月13日",
        ] {
            assert_eq!(typography(good), Vec::<String>::new(), "{good}");
        }
        for (bad, why) in [
            ("ICP 备案", "space"),
            ("2019 年以后", "space"),
            ("截至 {date}", "space"),
            ("（2019年以后) ", "half-width ')'"),
            ("备案,然后", "half-width ','"),
            ("备案:然后", "half-width ':'"),
            ("完成备案.", "half-width '.'"),
            ("备案 — 然后", "space"),
            ("备案—然后", "single em dash"),
            ("1–2个工作日", "en dash"),
            ("1-2个工作日", "hyphen between digits"),
            ("2026-06-13", "hyphen between digits"),
            ("1~2天", "tilde"),
            ("例如…", "single ellipsis"),
            ("「申请」", "“”"),
            ("点击\"申请\"", "half-width '\"'"),
        ] {
            let problems = typography(bad);
            assert!(problems.iter().any(|p| p.contains(why)), "{bad}: expected {why:?} in {problems:?}");
        }
    }

    #[test]
    fn pages_are_read_in_chinese_only_where_their_language_is_chinese() {
        let html = r#"<html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>A — B</title></head>
            <body><p>English, with a dash — here.</p><div lang="zh-CN"><p>英文原文：</p><blockquote lang="en">Is it required? Yes (really).</blockquote>
            <p class="x" aria-label="标签 错误">参考译文：<code>a-b (c)</code>需要。</p><p>第一段<span> 空格</span></p><script>var a = "b";</script></div></body></html>"#;
        let runs = chinese_text(html);
        assert_eq!(runs.iter().filter(|r| r.contains("English")).count(), 0, "{runs:?}");
        let problems = page_problems(html);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("标签 错误")), "attributes are read: {problems:?}");
        assert!(
            problems.iter().any(|p| p.contains("第一段 空格")),
            "inline elements run together: {problems:?}"
        );
    }

    #[test]
    fn the_glossary_flags_a_term_used_for_another_meaning() {
        let g = icp_rules::compile::glossary::parse(
            r#"
            [[term]]
            means = "cancel access"
            en = ["cancel access", "provider cancels the filing"]
            zh-CN = ["取消接入"]
            [[term]]
            means = "deregistration"
            en = ["revok", "cancellation", "deregist"]
            zh-CN = ["注销"]
            [[avoid]]
            lang = "zh-CN"
            phrases = ["服务商注销"]
            why = "a provider cancels its access"
            "#,
            "test",
        )
        .unwrap();
        let en = "For example, the filing provider cancels the filing.";
        assert!(glossary_pair(&g, "zh-CN", en, "例如，接入服务商取消接入。").is_empty());
        let wrong = glossary_pair(&g, "zh-CN", en, "例如，备案接入服务商注销了该备案。");
        assert_eq!(
            wrong.len(),
            3,
            "注销 where the English says no revocation, 取消接入 missing, and the phrase: {wrong:?}"
        );
        let missing = glossary_pair(&g, "zh-CN", "The number was revoked.", "备案号被取消了。");
        assert!(missing.iter().any(|p| p.contains("does not use 注销")), "{missing:?}");
    }
}
