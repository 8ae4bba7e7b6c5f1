//! Reads `rules/rulebook.toml`, validates it and writes it out as static Rust tables
//! (`$OUT_DIR/rulebook.rs`), so the app embeds the rules without parsing anything at run
//! time. Any mistake in the rulebook (an unknown id, a condition that looks ahead, a broken
//! reference) fails the build with a message naming the place.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Book {
    version: u32,
    source: String,
    #[serde(default)]
    faq: Vec<Faq>,
    #[serde(default)]
    flow: Vec<Flow>,
    #[serde(default)]
    define: BTreeMap<String, String>,
    #[serde(default)]
    question: Vec<Question>,
    #[serde(default)]
    rule: Vec<Rule>,
    #[serde(default)]
    recommendation: Vec<Rec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Faq {
    id: String,
    section: String,
    question: String,
    answer: String,
    flow: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Flow {
    id: String,
    title: String,
    summary: String,
    #[serde(default)]
    verdict_required: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    id: String,
    flow: String,
    #[serde(default)]
    ask_if: Option<String>,
    prompt: String,
    help: String,
    options: Vec<Opt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Opt {
    id: String,
    label: String,
    #[serde(default)]
    hint: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    flow: String,
    when: String,
    then: Vec<String>,
    /// How the rule resolves interacting FAQ answers: for reviewers of the TOML only,
    /// so it is not compiled into the tables.
    #[serde(default, rename = "note")]
    _note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rec {
    id: String,
    kind: String,
    #[serde(default)]
    group: Option<String>,
    title: String,
    body: String,
    steps: Vec<String>,
    #[serde(default)]
    flow: Option<String>,
    #[serde(default)]
    excludes: Vec<String>,
    cite: Vec<Cite>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cite {
    faq: String,
    quote: String,
}

/// A parsed condition, before code generation.
#[derive(Clone, Debug)]
enum Cond {
    Always,
    Is(usize, u32),
    Not(Box<Cond>),
    All(Vec<Cond>),
    Any(Vec<Cond>),
}

impl Cond {
    fn refs(&self, out: &mut u64) {
        match self {
            Cond::Always => {}
            Cond::Is(q, _) => *out |= 1 << q,
            Cond::Not(c) => c.refs(out),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.refs(out)),
        }
    }

    fn rust(&self) -> String {
        match self {
            Cond::Always => "Cond::Always".into(),
            Cond::Is(q, mask) => format!("Cond::Is({q}, {mask:#b})"),
            Cond::Not(c) => format!("Cond::Not(&{})", c.rust()),
            Cond::All(cs) => {
                format!("Cond::All(&[{}])", cs.iter().map(Cond::rust).collect::<Vec<_>>().join(", "))
            }
            Cond::Any(cs) => {
                format!("Cond::Any(&[{}])", cs.iter().map(Cond::rust).collect::<Vec<_>>().join(", "))
            }
        }
    }
}

struct Ctx<'a> {
    book: &'a Book,
    qix: HashMap<&'a str, usize>,
    defines: HashMap<&'a str, &'a str>,
}

fn fail(msg: String) -> ! {
    panic!("\n\nrules/rulebook.toml: {msg}\n\n");
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
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

/// Recursive-descent parser for `when` / `ask_if` conditions.
struct Parser<'c, 'a> {
    ctx: &'c Ctx<'a>,
    toks: Vec<String>,
    pos: usize,
    place: String,
    /// Questions the condition may mention (those asked before it, in its flow).
    allowed: &'c dyn Fn(usize) -> bool,
    depth: usize,
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.pos).map(String::as_str)
    }
    fn next(&mut self) -> Option<String> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn err(&self, what: &str) -> ! {
        fail(format!("{}: {what} (in `{}`)", self.place, self.toks.join(" ")))
    }
    fn expr(&mut self) -> Cond {
        let mut parts = vec![self.and()];
        while self.peek() == Some("or") {
            self.pos += 1;
            parts.push(self.and());
        }
        if parts.len() == 1 {
            parts.pop().unwrap()
        } else {
            Cond::Any(parts)
        }
    }
    fn and(&mut self) -> Cond {
        let mut parts = vec![self.unary()];
        while self.peek() == Some("and") {
            self.pos += 1;
            parts.push(self.unary());
        }
        if parts.len() == 1 {
            parts.pop().unwrap()
        } else {
            Cond::All(parts)
        }
    }
    fn unary(&mut self) -> Cond {
        match self.next().as_deref() {
            Some("not") => Cond::Not(Box::new(self.unary())),
            Some("(") => {
                let c = self.expr();
                if self.next().as_deref() != Some(")") {
                    self.err("missing `)`");
                }
                c
            }
            Some(name) if is_kebab(name) && !["and", "or", "not"].contains(&name) => {
                if self.peek() == Some("=") {
                    self.pos += 1;
                    let Some(&q) = self.ctx.qix.get(name) else {
                        self.err(&format!("unknown question `{name}`"))
                    };
                    if !(self.allowed)(q) {
                        self.err(&format!("question `{name}` is not asked before this point of the flow"));
                    }
                    let question = &self.ctx.book.question[q];
                    let mut mask = 0u32;
                    loop {
                        let Some(opt) = self.next() else { self.err("an option id must follow `=` or `|`") };
                        let Some(o) = question.options.iter().position(|o| o.id == opt) else {
                            self.err(&format!("question `{name}` has no option `{opt}`"))
                        };
                        mask |= 1 << o;
                        if self.peek() == Some("|") {
                            self.pos += 1;
                        } else {
                            break;
                        }
                    }
                    Cond::Is(q, mask)
                } else if let Some(src) = self.ctx.defines.get(name) {
                    if self.depth > 8 {
                        self.err("definitions nest too deeply (a cycle?)");
                    }
                    let mut inner = Parser {
                        ctx: self.ctx,
                        toks: tokens(src),
                        pos: 0,
                        place: format!("{} → define `{name}`", self.place),
                        allowed: self.allowed,
                        depth: self.depth + 1,
                    };
                    inner.finish()
                } else {
                    self.err(&format!("`{name}` is neither a question followed by `=` nor a [define] entry"))
                }
            }
            Some(t) => self.err(&format!("unexpected `{t}`")),
            None => self.err("condition ends too early"),
        }
    }
    fn finish(&mut self) -> Cond {
        let c = self.expr();
        if let Some(t) = self.peek() {
            self.err(&format!("unexpected `{t}`"));
        }
        c
    }
}

/// Lists the string leaves of a translation table as (dotted key, text); array items get
/// their index as the last key part.
fn collect_leaves(v: &toml::Value, prefix: String, out: &mut Vec<(String, String)>) {
    let join = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match v {
        toml::Value::String(s) => out.push((prefix.clone(), s.clone())),
        toml::Value::Table(t) => t.iter().for_each(|(k, v)| collect_leaves(v, join(k), out)),
        toml::Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, v)| collect_leaves(v, join(&i.to_string()), out))
        }
        _ => fail(format!("(zh-CN.toml) `{prefix}` must be text")),
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn main() {
    let path = Path::new("rules/rulebook.toml");
    println!("cargo:rerun-if-changed=rules/rulebook.toml");
    println!("cargo:rerun-if-changed=build.rs");
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| fail(format!("cannot read: {e}")));
    let book: Book = toml::from_str(&src).unwrap_or_else(|e| fail(format!("{e}")));
    if book.version == 0 {
        fail("version must be at least 1".into());
    }

    // Unique, kebab-case ids.
    let check_ids = |kind: &str, ids: Vec<&str>| {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_kebab(id) {
                fail(format!("{kind} id `{id}` is not kebab-case"));
            }
            if !seen.insert(id) {
                fail(format!("{kind} id `{id}` is used twice"));
            }
        }
    };
    check_ids("faq", book.faq.iter().map(|f| f.id.as_str()).collect());
    check_ids("flow", book.flow.iter().map(|f| f.id.as_str()).collect());
    check_ids("question", book.question.iter().map(|q| q.id.as_str()).collect());
    check_ids("rule", book.rule.iter().map(|r| r.id.as_str()).collect());
    check_ids("recommendation", book.recommendation.iter().map(|r| r.id.as_str()).collect());
    check_ids("define", book.define.keys().map(String::as_str).collect());
    for q in &book.question {
        check_ids(&format!("option of `{}`", q.id), q.options.iter().map(|o| o.id.as_str()).collect());
        if q.options.len() < 2 || q.options.len() > 32 {
            fail(format!("question `{}` needs 2 to 32 options", q.id));
        }
    }
    if book.question.len() > 64 {
        fail("at most 64 questions are supported".into());
    }

    let flow_ix = |id: &str, place: &str| -> usize {
        book.flow
            .iter()
            .position(|f| f.id == id)
            .unwrap_or_else(|| fail(format!("{place}: unknown flow `{id}`")))
    };
    let rec_ix = |id: &str, place: &str| -> usize {
        book.recommendation
            .iter()
            .position(|r| r.id == id)
            .unwrap_or_else(|| fail(format!("{place}: unknown recommendation `{id}`")))
    };
    let faq_ix = |id: &str, place: &str| -> usize {
        book.faq
            .iter()
            .position(|f| f.id == id)
            .unwrap_or_else(|| fail(format!("{place}: unknown faq `{id}`")))
    };
    for d in book.define.keys() {
        if book.question.iter().any(|q| &q.id == d) {
            fail(format!("define `{d}` has the name of a question"));
        }
    }

    let ctx = Ctx {
        book: &book,
        qix: book.question.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect(),
        defines: book.define.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
    };
    let parse = |src: &str, place: String, allowed: &dyn Fn(usize) -> bool| -> Cond {
        Parser { ctx: &ctx, toks: tokens(src), pos: 0, place, allowed, depth: 0 }.finish()
    };

    // Texts: one table per language; structures refer to texts by index. Each text has a
    // key (e.g. `rec.initial-filing.steps.1`) by which translations find it.
    let zh_path = Path::new("rules/zh-CN.toml");
    println!("cargo:rerun-if-changed=rules/zh-CN.toml");
    let zh: toml::Table = match std::fs::read_to_string(zh_path) {
        Ok(src) => toml::from_str(&src).unwrap_or_else(|e| fail(format!("(zh-CN.toml) {e}"))),
        Err(_) => toml::Table::new(),
    };
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut text = |key: String, s: &str| -> usize {
        if s.trim().is_empty() {
            fail(format!("{key}: empty text"));
        }
        texts.push((key, s.to_string()));
        texts.len() - 1
    };
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "// @generated by build.rs from rules/rulebook.toml — do not edit.").unwrap();
    writeln!(w, "pub const QUESTION_COUNT: usize = {};", book.question.len()).unwrap();

    // FAQ entries.
    let mut faqs = Vec::new();
    for f in &book.faq {
        let fl = flow_ix(&f.flow, &format!("faq `{}`", f.id));
        let a = text(format!("faq.{}.answer", f.id), &f.answer);
        faqs.push(format!(
            "Faq {{ id: {}, section: {}, question: {}, answer: Text({a}), flow: {fl} }}",
            lit(&f.id),
            lit(&f.section),
            lit(&f.question)
        ));
    }

    // Questions, in file order; each flow lists its own in order.
    let mut flow_questions: Vec<Vec<usize>> = vec![Vec::new(); book.flow.len()];
    let mut questions = Vec::new();
    for (qi, q) in book.question.iter().enumerate() {
        let fl = flow_ix(&q.flow, &format!("question `{}`", q.id));
        let earlier: HashSet<usize> = flow_questions[fl].iter().copied().collect();
        let cond = match &q.ask_if {
            Some(src) => parse(src, format!("question `{}` ask_if", q.id), &|x| earlier.contains(&x)),
            None => Cond::Always,
        };
        flow_questions[fl].push(qi);
        let p = text(format!("question.{}.prompt", q.id), &q.prompt);
        let h = text(format!("question.{}.help", q.id), &q.help);
        let mut opts = Vec::new();
        for o in &q.options {
            let l = text(format!("question.{}.options.{}.label", q.id, o.id), &o.label);
            let hint = match &o.hint {
                Some(s) => {
                    format!("Some(Text({}))", text(format!("question.{}.options.{}.hint", q.id, o.id), s))
                }
                None => "None".into(),
            };
            opts.push(format!("Opt {{ id: {}, label: Text({l}), hint: {hint} }}", lit(&o.id)));
        }
        questions.push(format!(
            "Question {{ id: {}, flow: {fl}, ask_if: {}, prompt: Text({p}), help: Text({h}), options: &[{}] }}",
            lit(&q.id),
            cond.rust(),
            opts.join(", ")
        ));
    }

    let mut flows = Vec::new();
    for (fi, f) in book.flow.iter().enumerate() {
        if flow_questions[fi].is_empty() {
            fail(format!("flow `{}` has no questions", f.id));
        }
        let t = text(format!("flow.{}.title", f.id), &f.title);
        let s = text(format!("flow.{}.summary", f.id), &f.summary);
        flows.push(format!(
            "Flow {{ id: {}, title: Text({t}), summary: Text({s}), verdict_required: {}, questions: &{:?} }}",
            lit(&f.id),
            f.verdict_required,
            flow_questions[fi]
        ));
    }

    let mut rules = Vec::new();
    for r in &book.rule {
        let fl = flow_ix(&r.flow, &format!("rule `{}`", r.id));
        let in_flow: HashSet<usize> = flow_questions[fl].iter().copied().collect();
        let cond = parse(&r.when, format!("rule `{}` when", r.id), &|x| in_flow.contains(&x));
        if r.then.is_empty() {
            fail(format!("rule `{}` recommends nothing", r.id));
        }
        let then: Vec<usize> = r.then.iter().map(|id| rec_ix(id, &format!("rule `{}`", r.id))).collect();
        let mut refs = 0u64;
        cond.refs(&mut refs);
        rules.push(format!(
            "Rule {{ id: {}, flow: {fl}, when: {}, then: &{:?}, refs: {refs:#x} }}",
            lit(&r.id),
            cond.rust(),
            then,
        ));
    }

    let mut recs = Vec::new();
    for r in &book.recommendation {
        let place = format!("recommendation `{}`", r.id);
        let kind = match r.kind.as_str() {
            "required" => "Kind::Required",
            "next-step" => "Kind::NextStep",
            "warning" => "Kind::Warning",
            "info" => "Kind::Info",
            k => fail(format!("{place}: kind `{k}` is not one of required, next-step, warning, info")),
        };
        let verdict = match r.group.as_deref() {
            None => false,
            Some("verdict") => true,
            Some(g) => fail(format!("{place}: unknown group `{g}`")),
        };
        if r.cite.is_empty() {
            fail(format!("{place}: needs at least one citation"));
        }
        let t = text(format!("rec.{}.title", r.id), &r.title);
        let b = text(format!("rec.{}.body", r.id), &r.body);
        let steps: Vec<String> = r
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("Text({})", text(format!("rec.{}.steps.{i}", r.id), s)))
            .collect();
        let fl = match &r.flow {
            Some(f) => format!("Some({})", flow_ix(f, &place)),
            None => "None".into(),
        };
        let excludes: Vec<usize> = r.excludes.iter().map(|id| rec_ix(id, &place)).collect();
        let cites: Vec<String> = r
            .cite
            .iter()
            .map(|c| {
                if c.quote.trim().is_empty() {
                    fail(format!("{place}: empty quote"));
                }
                format!("Citation {{ faq: {}, quote: {} }}", faq_ix(&c.faq, &place), lit(&c.quote))
            })
            .collect();
        recs.push(format!(
            "Recommendation {{ id: {}, kind: {kind}, verdict: {verdict}, title: Text({t}), body: Text({b}), steps: &[{}], flow: {fl}, excludes: &{:?}, cites: &[{}] }}",
            lit(&r.id),
            steps.join(", "),
            excludes,
            cites.join(", ")
        ));
    }

    // Translations: every key of zh-CN.toml must name a text; missing ones fall back to
    // English and are listed in MISSING_ZH (a test requires that list to be empty).
    let mut keys = HashSet::new();
    for (k, _) in &texts {
        keys.insert(k.clone());
    }
    let mut leaves = Vec::new();
    collect_leaves(&toml::Value::Table(zh.clone()), String::new(), &mut leaves);
    for (k, _) in &leaves {
        if !keys.contains(k) {
            fail(format!("(zh-CN.toml) `{k}` does not name any text of the rulebook"));
        }
    }
    let zh_map: HashMap<String, String> = leaves.into_iter().collect();
    let mut missing = Vec::new();
    let zh_texts: Vec<&str> = texts
        .iter()
        .map(|(k, t)| match zh_map.get(k) {
            Some(z) if !z.trim().is_empty() => z.as_str(),
            _ => {
                missing.push(k.clone());
                t.as_str()
            }
        })
        .collect();
    let en_texts: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    // Each language's texts as one string plus the end offset of each text: a `&str` per
    // text would cost 8 bytes of pointer and length each in the Wasm.
    for (name, list) in [("EN", &en_texts), ("ZH", &zh_texts)] {
        let all: String = list.concat();
        if all.len() > u16::MAX as usize {
            fail(format!("the {name} texts are {} bytes, more than u16 offsets can address", all.len()));
        }
        let mut end = 0;
        let ends: Vec<usize> = list
            .iter()
            .map(|t| {
                end += t.len();
                end
            })
            .collect();
        writeln!(w, "pub static TEXT_{name}_ALL: &str = {};", lit(&all)).unwrap();
        writeln!(w, "pub static TEXT_{name}_ENDS: [u16; {}] = {:?};", ends.len(), ends).unwrap();
    }
    writeln!(w, "#[cfg(not(target_arch = \"wasm32\"))]").unwrap();
    writeln!(
        w,
        "pub static TEXT_KEYS: [&str; {}] = {:?};",
        texts.len(),
        texts.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>()
    )
    .unwrap();
    writeln!(w, "#[cfg(not(target_arch = \"wasm32\"))]").unwrap();
    writeln!(w, "pub static MISSING_ZH: &[&str] = &{missing:?};").unwrap();
    writeln!(w, "pub static RULEBOOK: Rulebook = Rulebook {{").unwrap();
    writeln!(w, "    version: {},", book.version).unwrap();
    writeln!(w, "    source: {},", lit(&book.source)).unwrap();
    for (name, items) in [
        ("faqs", &faqs),
        ("flows", &flows),
        ("questions", &questions),
        ("rules", &rules),
        ("recommendations", &recs),
    ] {
        writeln!(w, "    {name}: &[").unwrap();
        for i in items {
            writeln!(w, "        {i},").unwrap();
        }
        writeln!(w, "    ],").unwrap();
    }
    writeln!(w, "}};").unwrap();

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rulebook.rs");
    std::fs::write(dest, out).unwrap();
}
