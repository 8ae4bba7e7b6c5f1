//! A small JSON reader for answers given as text: the CLI's input and the JS API's string
//! argument read the same text the same way, so they refuse it with the same message (a
//! browser's `JSON.parse` words its errors its own way and keeps the last of two equal keys
//! silently; `serde_json` sorts keys). It keeps every key in its place, refuses a key given
//! twice, never parses a number into a float (the Wasm stays without a float parser), nests at
//! most [`MAX_DEPTH`] levels and never panics.

use std::fmt;

/// How deeply arrays and objects may nest (as `serde_json`'s default).
pub const MAX_DEPTH: usize = 128;

/// A JSON value; objects keep their keys in the order written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number (only its kind matters for answers: its value is not kept).
    Number,
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Why text is not JSON (or not JSON the answers may be), and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonProblem,
    pub what: String,
    /// 1-based line and column (in characters) of the problem.
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON.
    Syntax,
    /// JSON, but a key is given twice in one object.
    Duplicate,
    /// JSON nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

/// Reads one JSON value, alone in `text` but for white space.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut r = Reader { text, pos: 0 };
    r.space();
    let value = r.value(0)?;
    r.space();
    if r.pos < text.len() {
        return Err(r.error("unexpected text after the JSON value"));
    }
    Ok(value)
}

impl Reader<'_> {
    fn error(&self, what: &str) -> JsonError {
        self.error_at(self.pos, what)
    }

    fn error_at(&self, pos: usize, what: &str) -> JsonError {
        self.problem(JsonProblem::Syntax, pos, what)
    }

    fn problem(&self, kind: JsonProblem, pos: usize, what: &str) -> JsonError {
        let before = &self.text[..pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |n| n + 1)..].chars().count() + 1;
        JsonError { kind, what: what.to_string(), line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let yes = self.peek() == Some(b);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, value) in
                    [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)]
                {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected a value"))
            }
        }
    }

    fn nest(&self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.problem(
                JsonProblem::TooDeep,
                self.pos,
                &format!("the answers nest more than {MAX_DEPTH} levels deep"),
            ));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.nest(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.space();
            items.push(self.value(depth)?);
            self.space();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.nest(depth)?;
        self.pos += 1;
        let mut entries: Vec<(String, Json)> = Vec::new();
        // The keys seen, in a map (searching the entries would be quadratic in the keys). A
        // map of strings to strings, as `AnswersInput` holds: the Wasm has its code already.
        let mut keys = std::collections::BTreeMap::<String, String>::new();
        self.space();
        if self.eat(b'}') {
            return Ok(Json::Object(entries));
        }
        loop {
            self.space();
            let at = self.pos;
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            if keys.insert(key.clone(), String::new()).is_some() {
                return Err(self.problem(
                    JsonProblem::Duplicate,
                    at,
                    &format!("the key \"{}\" is given a second time", crate::i18n::shown(&key)),
                ));
            }
            self.space();
            if !self.eat(b':') {
                return Err(self.error("expected `:` after the key"));
            }
            self.space();
            let value = self.value(depth)?;
            entries.push((key, value));
            self.space();
            if self.eat(b'}') {
                return Ok(Json::Object(entries));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        self.eat(b'-');
        let digits = |r: &mut Self| {
            let from = r.pos;
            while let Some(b'0'..=b'9') = r.peek() {
                r.pos += 1;
            }
            r.pos > from
        };
        if self.eat(b'0') {
            if let Some(b'0'..=b'9') = self.peek() {
                return Err(self.error("a number may not start with 0"));
            }
        } else if !digits(self) {
            return Err(self.error("expected a digit"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.error("expected a digit after `.`"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !digits(self) {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        Ok(Json::Number)
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(digit) = digit else { return Err(self.error("expected four hex digits after \\u")) };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            // Copy the plain run up to the next quote, backslash or control character.
            let run = rest.find(|c: char| c == '"' || c == '\\' || c < ' ').unwrap_or(rest.len());
            out.push_str(&rest[..run]);
            self.pos += run;
            match self.peek() {
                None => return Err(self.error_at(start, "a string is not closed")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let at = self.pos - 2;
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                let low = if self.text[self.pos..].starts_with("\\u") {
                                    self.pos += 2;
                                    self.hex4()?
                                } else {
                                    0
                                };
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error_at(
                                        at,
                                        "a \\u escape is half of a character (a lone surrogate)",
                                    ));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                first
                            };
                            let Some(c) = char::from_u32(code) else {
                                return Err(self
                                    .error_at(at, "a \\u escape is half of a character (a lone surrogate)"));
                            };
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("unknown escape after \\")),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                Some(_) => return Err(self.error("a control character in a string (write it as an escape)")),
            }
        }
    }
}
