//! The condition language of `ask_if`, `when` and conditional parts:
//!
//! ```text
//! hosting = hong-kong | outside and not cdn = mainland
//! ```
//!
//! `q = a | b` holds when question `q` was asked and answered `a` or `b`; `not`, `and`, `or`
//! and parentheses combine; a bare name refers to a `[define]` entry.

use super::leak_slice;
use crate::{Cond, DefIx, QIx};

/// What a condition may refer to.
pub struct Scope<'a, 'b> {
    /// Question ids and their option ids, in rulebook order.
    pub questions: &'a [(&'a str, Vec<&'a str>)],
    /// `[define]` entries: index and source.
    pub defines: &'a dyn Fn(&str) -> Option<(DefIx, &'a str)>,
    /// Whether a question may be mentioned here (e.g. only those asked earlier).
    pub allowed: &'b dyn Fn(QIx) -> Option<&'static str>,
}

/// Parses a condition; the error is a sentence naming the problem.
pub fn parse(src: &str, scope: &Scope<'_, '_>) -> Result<Cond, String> {
    let mut p = Parser { toks: tokens(src), pos: 0, scope, depth: 0, src: src.to_string(), via: Vec::new() };
    p.finish()
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
    depth: usize,
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
        Ok(if parts.len() == 1 { parts.pop().unwrap() } else { Cond::Any(leak_slice(parts)) })
    }

    fn and(&mut self) -> Result<Cond, String> {
        let mut parts = vec![self.unary()?];
        while self.peek() == Some("and") {
            self.pos += 1;
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 { parts.pop().unwrap() } else { Cond::All(leak_slice(parts)) })
    }

    fn unary(&mut self) -> Result<Cond, String> {
        match self.next().as_deref() {
            Some("not") => Ok(Cond::Not(Box::leak(Box::new(self.unary()?)))),
            Some("(") => {
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
                    let mut inner = Parser {
                        toks: tokens(src),
                        pos: 0,
                        scope: self.scope,
                        depth: self.depth + 1,
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
        Ok(Cond::Is(q, mask))
    }
}
