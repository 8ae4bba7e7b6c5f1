//! The condition language of `ask_if`, `when` and conditional parts:
//!
//! ```text
//! hosting = hong-kong | outside and not cdn = mainland
//! ```
//!
//! `q = a | b` holds when question `q` was asked and answered `a` or `b`; `not`, `and`, `or`
//! and parentheses combine; a bare name refers to a `[define]` entry.

use super::leak_slice;
use crate::{Cond, DefIx, QIx, MAX_CONDITION_SIZE, MAX_NESTING};
use std::cell::Cell;

/// What a condition may refer to.
pub struct Scope<'a, 'b> {
    /// Question ids and their option ids, in rulebook order.
    pub questions: &'a [(&'a str, Vec<&'a str>)],
    /// `[define]` entries: index and source.
    pub defines: &'a dyn Fn(&str) -> Option<(DefIx, &'a str)>,
    /// Whether a question may be mentioned here (e.g. only those asked earlier).
    pub allowed: &'b dyn Fn(QIx) -> Option<&'static str>,
}

/// Parses a condition; the error is a sentence naming the problem. A condition nests at most
/// [`MAX_NESTING`] levels and has at most [`MAX_CONDITION_SIZE`] parts (its named conditions
/// written out): the parser stops at the limit, so no condition can overflow a stack or grow
/// without bound.
pub fn parse(src: &str, scope: &Scope<'_, '_>) -> Result<Cond, String> {
    let size = Cell::new(0);
    let mut p = Parser {
        toks: tokens(src),
        pos: 0,
        scope,
        depth: 0,
        nest: 0,
        size: &size,
        src: shorten(src),
        via: Vec::new(),
    };
    p.finish()
}

/// The condition as messages quote it: whole, unless it is very long.
fn shorten(src: &str) -> String {
    const MAX: usize = 120;
    match src.char_indices().nth(MAX) {
        None => src.to_string(),
        Some((end, _)) => format!("{}…", &src[..end]),
    }
}

fn tokens(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in src.chars() {
        if c.is_whitespace() || "=|()".contains(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

struct Parser<'s, 'a, 'b> {
    toks: Vec<String>,
    pos: usize,
    scope: &'s Scope<'a, 'b>,
    /// How many named conditions are being expanded.
    depth: usize,
    /// How deeply the current part nests (`not`, parentheses, named conditions).
    nest: usize,
    /// The parts made so far, named conditions written out (shared with their parsers).
    size: &'s Cell<usize>,
    src: String,
    /// The [define] names being expanded (for messages).
    via: Vec<String>,
}

impl Parser<'_, '_, '_> {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.pos).map(String::as_str)
    }

    fn next(&mut self) -> Option<String> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        let via = if self.via.is_empty() {
            String::new()
        } else {
            format!(" (in define `{}`)", self.via.join("` → `"))
        };
        Err(format!("{what}{via}, in `{}`", self.src))
    }

    /// Counts one more part of the condition.
    fn part(&self) -> Result<(), String> {
        self.size.set(self.size.get() + 1);
        if self.size.get() > MAX_CONDITION_SIZE {
            return self.err(&format!(
                "the condition has more than {MAX_CONDITION_SIZE} parts (the limit), its named conditions written out"
            ));
        }
        Ok(())
    }

    /// Goes one level deeper (`not`, a parenthesis, a named condition).
    fn deeper(&mut self) -> Result<(), String> {
        self.nest += 1;
        if self.nest > MAX_NESTING {
            return self.err(&format!(
                "the condition nests more than {MAX_NESTING} levels deep (the limit; `not`, parentheses and named conditions count)"
            ));
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<Cond, String> {
        if self.toks.is_empty() {
            return self.err("empty condition");
        }
        let c = self.expr()?;
        if let Some(t) = self.peek() {
            let t = t.to_string();
            return self.err(&format!("unexpected `{t}`"));
        }
        Ok(c)
    }

    fn expr(&mut self) -> Result<Cond, String> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some("or") {
            self.pos += 1;
            parts.push(self.and()?);
        }
        if parts.len() == 1 {
            return Ok(parts.pop().unwrap());
        }
        self.part()?;
        Ok(Cond::Any(leak_slice(parts)))
    }

    fn and(&mut self) -> Result<Cond, String> {
        let mut parts = vec![self.unary()?];
        while self.peek() == Some("and") {
            self.pos += 1;
            parts.push(self.unary()?);
        }
        if parts.len() == 1 {
            return Ok(parts.pop().unwrap());
        }
        self.part()?;
        Ok(Cond::All(leak_slice(parts)))
    }

    fn unary(&mut self) -> Result<Cond, String> {
        let nest = self.nest;
        let c = self.unary_inner();
        self.nest = nest;
        c
    }

    fn unary_inner(&mut self) -> Result<Cond, String> {
        match self.next().as_deref() {
            Some("not") => {
                self.deeper()?;
                self.part()?;
                Ok(Cond::Not(Box::leak(Box::new(self.unary()?))))
            }
            Some("(") => {
                self.deeper()?;
                let c = self.expr()?;
                if self.next().as_deref() != Some(")") {
                    return self.err("missing `)`");
                }
                Ok(c)
            }
            Some(name) if super::is_kebab(name) && !["and", "or", "not"].contains(&name) => {
                if self.peek() == Some("=") {
                    self.pos += 1;
                    self.answer(name)
                } else if let Some((ix, src)) = (self.scope.defines)(name) {
                    if self.depth > 8 {
                        return self.err("definitions nest too deeply (a cycle?)");
                    }
                    self.deeper()?;
                    self.part()?;
                    let mut inner = Parser {
                        toks: tokens(src),
                        pos: 0,
                        scope: self.scope,
                        depth: self.depth + 1,
                        nest: self.nest,
                        size: self.size,
                        src: self.src.clone(),
                        via: [self.via.clone(), vec![name.to_string()]].concat(),
                    };
                    Ok(Cond::Def(ix, Box::leak(Box::new(inner.finish()?))))
                } else {
                    self.err(&format!("`{name}` is neither a question followed by `=` nor a [define] entry"))
                }
            }
            Some(t) => {
                let t = t.to_string();
                self.err(&format!("unexpected `{t}`"))
            }
            None => self.err("the condition ends too early"),
        }
    }

    fn answer(&mut self, name: &str) -> Result<Cond, String> {
        let Some(q) = self.scope.questions.iter().position(|(id, _)| *id == name) else {
            return self.err(&format!("unknown question `{name}`"));
        };
        if let Some(why) = (self.scope.allowed)(q) {
            return self.err(&format!("question `{name}` {why}"));
        }
        let options = &self.scope.questions[q].1;
        let mut mask = 0u32;
        loop {
            let Some(opt) = self.next() else { return self.err("an option id must follow `=` or `|`") };
            let Some(o) = options.iter().position(|o| *o == opt) else {
                return self.err(&format!("question `{name}` has no option `{opt}`"));
            };
            mask |= 1 << o;
            if self.peek() == Some("|") {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.part()?;
        Ok(Cond::Is(q, mask))
    }
}
