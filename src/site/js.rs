//! A small minifier for the page's own scripts (`web/head.js`, inlined into every page load):
//! it drops comments and the spaces and line breaks between tokens (keeping a space where two
//! tokens would otherwise run together), and a `;` just before a `}`. Nothing is renamed or
//! rewritten, so the tokens stay those of the source.
//!
//! It is safe for scripts written the way `web/head.js` is: every statement ends with a `;`
//! (a line break alone would end none once the line breaks are gone: the script would no
//! longer parse, which a test checks), no empty statement as a body (`if (x);`), no template
//! literal, and no line break where JavaScript reads one as the end of a statement (after
//! `return`, `throw`, `break` or `continue`, before `++` or `--`), which it refuses.

/// The operators of more than one character, longest first.
const OPERATORS: [&str; 33] = [
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=",
    ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<",
    ">>",
];

/// The words after which a `/` starts a regular expression (not a division).
const BEFORE_REGEX: [&str; 14] = [
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// The words a line break may not follow (JavaScript would end the statement there).
const RESTRICTED: [&str; 4] = ["return", "throw", "break", "continue"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Punct,
    Str,
    Regex,
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

/// The tokens of `src` (comments left out), each with whether a line break comes before it.
fn tokens(src: &str) -> Result<Vec<(Kind, &str, bool)>, String> {
    let b = src.as_bytes();
    let mut out: Vec<(Kind, &str, bool)> = Vec::new();
    let mut i = 0;
    let mut newline = false;
    let line = |at: usize| src[..at].matches('\n').count() + 1;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            newline |= c == b'\n';
            i += 1;
            continue;
        }
        if src[i..].starts_with("//") {
            i = src[i..].find('\n').map_or(b.len(), |e| i + e);
            continue;
        }
        if src[i..].starts_with("/*") {
            let end = src[i + 2..].find("*/").ok_or(format!("line {}: a comment is not closed", line(i)))?;
            newline |= src[i..i + 2 + end].contains('\n');
            i += 2 + end + 2;
            continue;
        }
        let start = i;
        let kind = if is_word(c) {
            while i < b.len() && (is_word(b[i]) || (b[start].is_ascii_digit() && b[i] == b'.')) {
                i += 1;
            }
            Kind::Word
        } else if c == b'\'' || c == b'"' {
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == b'\n' {
                    return Err(format!("line {}: a string is not closed", line(start)));
                }
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            Kind::Str
        } else if c == b'`' {
            return Err(format!("line {}: a template literal (not supported)", line(i)));
        } else if c == b'/' && regex_may_follow(out.last()) {
            let mut class = false;
            i += 1;
            while i < b.len() && (class || b[i] != b'/') {
                match b[i] {
                    b'\n' => return Err(format!("line {}: a regular expression is not closed", line(start))),
                    b'\\' => i += 1,
                    b'[' => class = true,
                    b']' => class = false,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            while i < b.len() && is_word(b[i]) {
                i += 1;
            }
            Kind::Regex
        } else {
            i += OPERATORS.iter().find(|op| src[i..].starts_with(*op)).map_or(1, |op| op.len());
            Kind::Punct
        };
        let text = src.get(start..i.min(b.len())).ok_or(format!("line {}: cut short", line(start)))?;
        if newline {
            if let Some((Kind::Word, prev, _)) = out.last() {
                if RESTRICTED.contains(prev) && text != ";" && text != "}" {
                    return Err(format!(
                        "line {}: a line break after `{prev}` ends the statement",
                        line(start)
                    ));
                }
            }
            if text == "++" || text == "--" {
                return Err(format!("line {}: a line break before `{text}`", line(start)));
            }
        }
        out.push((kind, text, newline));
        newline = false;
    }
    Ok(out)
}

/// Whether a `/` after `prev` starts a regular expression.
fn regex_may_follow(prev: Option<&(Kind, &str, bool)>) -> bool {
    match prev {
        None => true,
        Some((Kind::Word, w, _)) => BEFORE_REGEX.contains(w),
        Some((Kind::Punct, p, _)) => !matches!(*p, ")" | "]" | "}" | "++" | "--"),
        Some((Kind::Str | Kind::Regex, ..)) => false,
    }
}

/// Whether `a` and `b` written together would read as other tokens.
fn needs_space(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes()[a.len() - 1], b.as_bytes()[0]);
    (is_word(x) && is_word(y)) || (x == y && matches!(x, b'+' | b'-' | b'/')) || (x == b'/' && y == b'*')
}

/// `src` minified (see the module's documentation), or what in it this minifier cannot keep
/// safe.
pub fn minify(src: &str) -> Result<String, String> {
    let tokens = tokens(src)?;
    let mut out = String::with_capacity(src.len() / 2);
    let mut last: Option<&str> = None;
    for (n, &(_, text, _)) in tokens.iter().enumerate() {
        if text == ";" && tokens.get(n + 1).is_some_and(|t| t.1 == "}") {
            continue;
        }
        if last.is_some_and(|l| needs_space(l, text)) {
            out.push(' ');
        }
        out.push_str(text);
        last = Some(text);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens' texts, without the `;` the minifier may leave out.
    fn texts(src: &str) -> Vec<String> {
        let t = tokens(src).unwrap();
        (0..t.len())
            .filter(|&n| !(t[n].1 == ";" && t.get(n + 1).is_some_and(|x| x.1 == "}")))
            .map(|n| t[n].1.to_string())
            .collect()
    }

    #[test]
    fn it_drops_comments_and_spaces_but_keeps_strings_and_regular_expressions() {
        let src = "// a comment\nvar a = 'x // y /* z */', b = \"q\\\"r\"; /* block\n */\nfunction f (c) {\n  return c.replace(/^\\/*/, '') + a++ + +b - -1;\n}\nvar r = a / 2 / b, s = /[/]/g.test(r), t = typeof /x/;\n";
        let min = minify(src).unwrap();
        assert_eq!(
            min,
            "var a='x // y /* z */',b=\"q\\\"r\";function f(c){return c.replace(/^\\/*/,'')+a++ + +b- -1}var r=a/2/b,s=/[/]/g.test(r),t=typeof/x/;"
        );
        assert_eq!(texts(&min), texts(src), "the tokens are the source's");
    }

    #[test]
    fn it_refuses_what_it_cannot_keep_safe() {
        for (src, why) in [
            ("function f(){return\n1;}", "after `return`"),
            ("a\n++b;", "before `++`"),
            ("var s = `x`;", "template literal"),
            ("var s = 'x\n';", "string is not closed"),
            ("/* open", "comment is not closed"),
        ] {
            let err = minify(src).unwrap_err();
            assert!(err.contains(why), "{src:?}: {err}");
        }
        assert_eq!(minify("function f(){return;}").unwrap(), "function f(){return}");
    }

    /// The head script minifies to the same tokens as its source (`web/head.js`), and (where
    /// Node is on the PATH, as in the test suite) the minified script parses: a line break the
    /// source relied on to end a statement would make it fail to.
    #[test]
    fn the_head_script_minifies_to_its_own_tokens_and_parses() {
        let src = crate::head::SOURCE;
        let min = minify(src).unwrap();
        assert_eq!(texts(&min), texts(src));
        assert!(!min.contains('\n') && min.len() < src.len() / 2);
        let parse = "new (require('vm').Script)(require('fs').readFileSync(0, 'utf8'))";
        let node = std::process::Command::new("node")
            .args(["-e", parse])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let Ok(mut node) = node else {
            eprintln!("NOTE: node is not on the PATH; the minified head script was not parsed");
            return;
        };
        use std::io::Write as _;
        node.stdin.take().unwrap().write_all(min.as_bytes()).unwrap();
        let out = node.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}
