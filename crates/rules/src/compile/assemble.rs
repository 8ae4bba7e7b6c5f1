//! Documents → validated `'static` tables. Each step checks what it builds: ids unique
//! across every kind, every reference resolves, conditions only look at questions they may
//! see, every recommendation is produced by a rule and cites a source of one layer.

use super::cond::{self, Scope};
use super::raw::{self, Body, Part as RawPart};
use super::{is_kebab, leak_slice, leak_str, Error, File, LangFile};
use crate::*;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};

/// The language the rulebook is written in.
pub const SOURCE_LANG: &str = "en";

pub struct Out {
    pub book: &'static Rulebook,
    pub missing: Vec<(String, String)>,
    pub stale: Vec<(String, String)>,
    pub untracked: Vec<String>,
    pub app_keys: Vec<String>,
}

/// Where an item was written.
#[derive(Clone, Copy)]
struct At {
    file: usize,
    offset: usize,
}

struct Ctx<'f> {
    files: &'f [File],
}

impl Ctx<'_> {
    fn err(&self, at: At, message: String) -> Error {
        let f = &self.files[at.file];
        Error { file: f.name.clone(), line: f.line(at.offset), message }
    }

    /// Every item of one section of every file, in file order, with its place.
    fn items<'a, T>(&'a self, pick: impl Fn(&'a raw::Doc) -> &'a Vec<toml::Spanned<T>>) -> Vec<(At, &'a T)> {
        let mut out = Vec::new();
        for (fi, f) in self.files.iter().enumerate() {
            for item in pick(&f.doc) {
                out.push((At { file: fi, offset: item.span().start }, item.get_ref()));
            }
        }
        out
    }
}

/// The texts of the rulebook, with their keys: what each translation is made from (the
/// source-language text, or the words a rendering renders).
#[derive(Default)]
struct Texts {
    list: Vec<(String, String)>,
    /// For a rendering of cited words: the words' language (a language of the same primary
    /// subtag needs no rendering; the source language's table holds one only for words in
    /// another language).
    words: Vec<Option<String>>,
    /// Texts shared by key (renderings, publishers): key → index.
    shared: HashMap<String, usize>,
}

impl Texts {
    fn add(&mut self, key: String, text: &str) -> Result<Text, String> {
        if text.trim().is_empty() {
            return Err(format!("`{key}` is empty"));
        }
        if text.contains(crate::TEXTS_SEPARATOR) {
            return Err(format!("`{key}` holds the control character U+001F"));
        }
        if self.list.len() >= u16::MAX as usize {
            return Err("the rulebook has too many texts".into());
        }
        self.list.push((key, text.to_string()));
        self.words.push(None);
        Ok(Text((self.list.len() - 1) as u16))
    }

    /// A text several items share (e.g. a publisher's name), added once under its key.
    fn shared(&mut self, key: String, text: &str) -> Result<Text, String> {
        if let Some(&i) = self.shared.get(&key) {
            return Ok(Text(i as u16));
        }
        let t = self.add(key.clone(), text)?;
        self.shared.insert(key, t.0 as usize);
        Ok(t)
    }

    /// The rendering of cited words (one per distinct words of a source): what translations
    /// render is `original`, the words themselves or, for words not in the source language,
    /// their English rendering.
    fn rendering(&mut self, key: String, words_lang: &str, original: &str) -> Result<Text, String> {
        if let Some(&i) = self.shared.get(&key) {
            if self.list[i].1 != original || self.words[i].as_deref() != Some(words_lang) {
                return Err(format!(
                    "the words cited as `{key}` are cited elsewhere with another language or rendering"
                ));
            }
            return Ok(Text(i as u16));
        }
        // (An empty original: words in another language whose rendering is not written yet.)
        if original.contains(crate::TEXTS_SEPARATOR) {
            return Err(format!("`{key}` holds the control character U+001F"));
        }
        self.list.push((key.clone(), original.to_string()));
        self.words.push(Some(words_lang.to_string()));
        let t = Text((self.list.len() - 1) as u16);
        self.shared.insert(key, t.0 as usize);
        Ok(t)
    }
}

/// A publisher's key: `publisher.<its English name in kebab-case>`.
fn publisher_key(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    format!("publisher.{}", slug.trim_end_matches('-'))
}

/// A language tag as the rulebook writes them: letters and digits in parts joined by hyphens.
fn is_tag(s: &str) -> bool {
    !s.is_empty() && s.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

pub fn assemble(files: &[File], langs: &[LangFile]) -> Result<Out, Error> {
    let ctx = Ctx { files };
    let root = &files[0];
    let root_at = At { file: 0, offset: 0 };
    let version = match &root.doc.version {
        Some(v) if *v.get_ref() >= 1 => *v.get_ref(),
        Some(v) => {
            return Err(ctx.err(At { file: 0, offset: v.span().start }, "version must be at least 1".into()))
        }
        None => return Err(ctx.err(root_at, "the root file must give the rulebook's `version`".into())),
    };

    let mut texts = Texts::default();

    // ── Ids: kebab-case and unique across every kind ──────────────────────────────────
    let mut ids: HashMap<String, (&str, At)> = HashMap::new();
    let mut claim = |kind: &'static str, id: &str, at: At| -> Result<(), Error> {
        if !is_kebab(id) {
            return Err(ctx.err(at, format!("{kind} id `{id}` is not kebab-case")));
        }
        if let Some((other, first)) = ids.get(id) {
            let f = &files[first.file];
            return Err(ctx.err(
                at,
                format!(
                    "{kind} id `{id}` is already used by the {other} at {}:{}",
                    f.name,
                    f.line(first.offset)
                ),
            ));
        }
        ids.insert(id.to_string(), (kind, at));
        Ok(())
    };
    let sources_raw = ctx.items(|d| &d.source);
    let flows_raw = ctx.items(|d| &d.flow);
    let questions_raw = ctx.items(|d| &d.question);
    let faqs_raw = ctx.items(|d| &d.faq);
    let rules_raw = ctx.items(|d| &d.rule);
    let recs_raw = ctx.items(|d| &d.recommendation);
    for (at, s) in &sources_raw {
        claim("source", &s.id, *at)?;
    }
    for (at, f) in &flows_raw {
        claim("flow", &f.id, *at)?;
    }
    for (at, q) in &questions_raw {
        claim("question", &q.id, *at)?;
    }
    for (at, f) in &faqs_raw {
        claim("faq", &f.id, *at)?;
    }
    for (at, r) in &rules_raw {
        claim("rule", &r.id, *at)?;
    }
    for (at, r) in &recs_raw {
        claim("recommendation", &r.id, *at)?;
    }
    let domain_notes_raw = ctx.items(|d| &d.domain_note);
    for (at, d) in &domain_notes_raw {
        claim("domain note", &d.id, *at)?;
    }
    // ── Limits (crates/rules/src/lib.rs): checked before the work they bound ──────────
    let limit = |what: &str, max: usize, items: &mut dyn Iterator<Item = (At, usize)>| -> Result<(), Error> {
        let mut total = 0;
        for (at, n) in items {
            total += n;
            if total > max {
                return Err(ctx.err(
                    at,
                    format!("the rulebook has more than {max} {what}, counting up to this one (the limit)"),
                ));
            }
        }
        Ok(())
    };
    let parts = |b: &Body| match b {
        Body::One(_) => 1,
        Body::Parts(p) => p.len(),
    };
    limit(
        "rules (a rule counts once for each recommendation it gives)",
        MAX_RULES,
        &mut rules_raw.iter().map(|(at, r)| (*at, r.then.len().max(1))),
    )?;
    limit("recommendations", MAX_RECOMMENDATIONS, &mut recs_raw.iter().map(|(at, _)| (*at, 1)))?;
    limit(
        "paragraphs, steps and verdict lines",
        MAX_PARTS,
        &mut recs_raw
            .iter()
            .map(|(at, r)| (*at, parts(&r.body) + r.steps.len() + r.answer.as_ref().map_or(0, parts))),
    )?;
    limit(
        "facts stated (`asserts`)",
        MAX_FACTS,
        &mut recs_raw.iter().map(|(at, r)| {
            (*at, r.asserts.len() + full_parts(r).iter().map(|f| f.asserts.len()).sum::<usize>())
        }),
    )?;
    limit(
        "citations",
        MAX_CITATIONS,
        &mut recs_raw
            .iter()
            .map(|(at, r)| (*at, r.cite.len() + full_parts(r).iter().map(|f| f.cite.len()).sum::<usize>())),
    )?;
    limit(
        "`excludes` and `qualifies` entries",
        MAX_LINKS,
        &mut recs_raw.iter().map(|(at, r)| (*at, r.excludes.len() + r.qualifies.len())),
    )?;
    limit("FAQ entries", MAX_ENTRIES, &mut faqs_raw.iter().map(|(at, _)| (*at, 1)))?;
    limit("sources", MAX_ENTRIES, &mut sources_raw.iter().map(|(at, _)| (*at, 1)))?;
    limit(
        "named conditions (`[define]`)",
        MAX_ENTRIES,
        &mut files.iter().enumerate().flat_map(|(fi, f)| {
            f.doc.define.values().map(move |d| (At { file: fi, offset: d.span().start }, 1))
        }),
    )?;

    let mut defines: BTreeMap<&str, (&raw::Define, At)> = BTreeMap::new();
    let mut dims_raw: Vec<(At, &str, &Vec<String>)> = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        for (name, src) in &f.doc.define {
            let at = At { file: fi, offset: src.span().start };
            claim("define", name, at)?;
            defines.insert(name, (src.get_ref(), at));
            if src.get_ref().means.trim().is_empty() {
                return Err(ctx.err(at, format!("define `{name}`: `means` is empty")));
            }
        }
        for (name, values) in &f.doc.facts {
            let at = At { file: fi, offset: values.span().start };
            claim("fact dimension", name, at)?;
            dims_raw.push((at, name, values.get_ref()));
        }
    }

    // ── Sources ─────────────────────────────────────────────────────────────────────
    let mut sources = Vec::new();
    for (at, s) in &sources_raw {
        let bad = |what: String| ctx.err(*at, format!("source `{}`: {what}", s.id));
        let kind = match s.kind.as_str() {
            "faq" => SourceKind::Faq,
            "external" => SourceKind::External,
            k => return Err(bad(format!("kind `{k}` is not one of faq, external"))),
        };
        let quality = match s.quality.as_str() {
            "A" => Quality::A,
            "B" => Quality::B,
            q => {
                return Err(bad(format!(
                    "quality `{q}` is not A or B (secondary, C and UNCONFIRMED material is never cited)"
                )))
            }
        };
        let page_date = match s.page_date.as_str() {
            "no date shown" => None,
            d if is_date(d, true) => Some(leak_str(d.to_string())),
            d => {
                return Err(bad(format!(
                    "page_date `{d}` is neither YYYY-MM-DD, YYYY-MM nor \"no date shown\""
                )))
            }
        };
        if !is_date(&s.read, false) {
            return Err(bad(format!("read `{}` is not YYYY-MM", s.read)));
        }
        if kind == SourceKind::External && !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            return Err(bad(format!("url `{}` is not an http(s) address", s.url)));
        }
        for (field, value) in
            [("ref", &s.reference), ("publisher", &s.publisher), ("title", &s.title), ("lang", &s.lang)]
        {
            if value.trim().is_empty() {
                return Err(bad(format!("`{field}` is empty")));
            }
        }
        if !is_tag(&s.lang) {
            return Err(bad(format!("lang `{}` is not a language tag such as en or zh-CN", s.lang)));
        }
        let mut versions = Vec::new();
        for v in &s.versions {
            if !is_tag(&v.lang) || same_language(&v.lang, &s.lang) {
                return Err(bad(format!(
                    "a version's lang `{}` must be a language tag other than the page's own ({})",
                    v.lang, s.lang
                )));
            }
            if !(v.url.starts_with("https://") || v.url.starts_with("http://")) {
                return Err(bad(format!(
                    "the {} version's url `{}` is not an http(s) address",
                    v.lang, v.url
                )));
            }
            versions.push(Version { lang: leak_str(v.lang.clone()), url: leak_str(v.url.clone()) });
        }
        let publisher = texts.shared(publisher_key(&s.publisher), &s.publisher).map_err(&bad)?;
        let title = texts.add(format!("source.{}.title", s.id), &s.title).map_err(&bad)?;
        sources.push(Source {
            id: leak_str(s.id.clone()),
            kind,
            reference: leak_str(s.reference.clone()),
            publisher,
            title,
            url: leak_str(s.url.clone()),
            versions: leak_slice(versions),
            page_date,
            read: leak_str(s.read.clone()),
            lang: leak_str(s.lang.clone()),
            quality,
        });
    }
    let faq_source = match sources.iter().filter(|s| s.kind == SourceKind::Faq).count() {
        1 => sources.iter().position(|s| s.kind == SourceKind::Faq).unwrap(),
        n => {
            return Err(
                ctx.err(root_at, format!("the rulebook needs exactly one source of kind \"faq\", not {n}"))
            )
        }
    };
    let gathered = match &root.doc.gathered {
        Some(g) if is_date(g.get_ref(), false) => leak_str(g.get_ref().clone()),
        Some(g) => {
            return Err(ctx.err(
                At { file: 0, offset: g.span().start },
                format!("gathered `{}` is not YYYY-MM", g.get_ref()),
            ))
        }
        None if sources.iter().any(|s| s.kind == SourceKind::External) => {
            return Err(ctx.err(
                root_at,
                "the root file must say when the current-practice facts were `gathered`".into(),
            ))
        }
        None => "",
    };

    // ── Fact dimensions ─────────────────────────────────────────────────────────────
    let mut dimensions = Vec::new();
    for (at, name, values) in &dims_raw {
        if values.len() < 2 || values.len() > 255 {
            return Err(ctx.err(*at, format!("fact dimension `{name}` needs 2 to 255 values")));
        }
        for (i, v) in values.iter().enumerate() {
            if !is_kebab(v) || values[..i].contains(v) {
                return Err(ctx
                    .err(*at, format!("fact dimension `{name}`: value `{v}` is not kebab-case or repeats")));
            }
        }
        dimensions.push(Dimension {
            id: leak_str(name.to_string()),
            values: leak_slice(values.iter().map(|v| leak_str(v.clone())).collect()),
        });
    }
    let fact = |dim: &str, value: &str| -> Result<Fact, String> {
        let Some(d) = dimensions.iter().position(|d| d.id == dim) else {
            return Err(format!("asserts an unknown fact dimension `{dim}` (declare it under [facts])"));
        };
        let Some(v) = dimensions[d].values.iter().position(|x| *x == value) else {
            return Err(format!(
                "fact `{dim}` has no value `{value}` (expected one of: {})",
                dimensions[d].values.join(", ")
            ));
        };
        Ok(Fact { dim: d, value: v as u8 })
    };
    let facts = |asserts: &BTreeMap<String, String>| -> Result<&'static [Fact], String> {
        Ok(leak_slice(asserts.iter().map(|(d, v)| fact(d, v)).collect::<Result<Vec<_>, _>>()?))
    };

    // ── Flows and questions ─────────────────────────────────────────────────────────
    let flow_ix = |id: &str| flows_raw.iter().position(|(_, f)| f.id == id);
    if flows_raw.is_empty() {
        return Err(ctx.err(root_at, "the rulebook has no [[flow]]".into()));
    }
    if let Some((at, q)) = questions_raw.get(MAX_QUESTIONS) {
        return Err(ctx.err(
            *at,
            format!("question `{}`: a rulebook has at most {MAX_QUESTIONS} questions (the limit)", q.id),
        ));
    }
    let q_scope: Vec<(&str, Vec<&str>)> = questions_raw
        .iter()
        .map(|(_, q)| (q.id.as_str(), q.options.iter().map(|o| o.id.as_str()).collect()))
        .collect();
    let mut q_flow = Vec::new();
    for (at, q) in &questions_raw {
        let Some(fl) = flow_ix(&q.flow) else {
            return Err(ctx.err(*at, format!("question `{}`: unknown flow `{}`", q.id, q.flow)));
        };
        q_flow.push(fl);
    }
    let define_src =
        |name: &str| defines.iter().position(|(k, _)| *k == name).map(|i| (i, defines[name].0.when.as_str()));
    // Every condition kept in the tables counts towards MAX_CONDITIONS_SIZE: every path
    // evaluates them.
    let conditions_size = Cell::new(0usize);
    let parse = |src: &str, scope: &Scope<'_, '_>| -> Result<Cond, String> {
        let c = cond::parse(src, scope)?;
        conditions_size.set(conditions_size.get() + c.size());
        if conditions_size.get() > MAX_CONDITIONS_SIZE {
            return Err(format!(
                "the rulebook's conditions have more than {MAX_CONDITIONS_SIZE} parts together, counting up to this one, their named conditions written out (the limit: every path evaluates them)"
            ));
        }
        Ok(c)
    };
    // Every [define] must parse on its own (against all questions), so a typo is reported
    // where it is written even if nothing uses the definition.
    let mut define_list = Vec::new();
    for (name, (d, at)) in &defines {
        let scope = Scope { questions: &q_scope, defines: &define_src, allowed: &|_| None };
        cond::parse(&d.when, &scope).map_err(|e| ctx.err(*at, format!("define `{name}`: {e}")))?;
        let means = texts.add(format!("define.{name}.means"), &d.means).map_err(|e| ctx.err(*at, e))?;
        define_list.push(Define { id: leak_str(name.to_string()), means });
    }
    let mut questions = Vec::new();
    let mut flow_questions: Vec<Vec<QIx>> = vec![Vec::new(); flows_raw.len()];
    for (qi, (at, q)) in questions_raw.iter().enumerate() {
        let fl = q_flow[qi];
        let place = |m: String| ctx.err(*at, format!("question `{}`: {m}", q.id));
        if q.options.len() < 2 || q.options.len() > MAX_OPTIONS {
            return Err(place(format!("needs 2 to {MAX_OPTIONS} options")));
        }
        for (i, o) in q.options.iter().enumerate() {
            if !is_kebab(&o.id) || q.options[..i].iter().any(|p| p.id == o.id) {
                return Err(place(format!("option id `{}` is not kebab-case or repeats", o.id)));
            }
        }
        let earlier = flow_questions[fl].clone();
        let allowed = |x: QIx| -> Option<&'static str> {
            if q_flow[x] != fl {
                Some("belongs to another flow")
            } else if !earlier.contains(&x) {
                Some("is not asked before this question")
            } else {
                None
            }
        };
        let ask_if = match &q.ask_if {
            Some(src) => parse(src, &Scope { questions: &q_scope, defines: &define_src, allowed: &allowed })
                .map_err(|e| place(format!("ask_if: {e}")))?,
            None => Cond::Always,
        };
        flow_questions[fl].push(qi);
        let key = |k: &str| format!("question.{}.{k}", q.id);
        let prompt = texts.add(key("prompt"), &q.prompt).map_err(&place)?;
        let help = texts.add(key("help"), &q.help).map_err(&place)?;
        let mut options = Vec::new();
        for o in &q.options {
            let label = texts.add(key(&format!("options.{}.label", o.id)), &o.label).map_err(&place)?;
            let hint = match &o.hint {
                Some(h) => Some(texts.add(key(&format!("options.{}.hint", o.id)), h).map_err(&place)?),
                None => None,
            };
            let instead = match (&o.instead, q.choice) {
                (Some(t), true) => {
                    Some(texts.add(key(&format!("options.{}.instead", o.id)), t).map_err(&place)?)
                }
                (None, true) => {
                    return Err(place(format!(
                    "option `{}` needs `instead` (how it reads as another way): the question is a `choice`",
                    o.id
                )))
                }
                (Some(_), false) => {
                    return Err(place(format!(
                        "option `{}` has `instead`, but the question is not a `choice`",
                        o.id
                    )))
                }
                (None, false) => None,
            };
            options.push(Opt { id: leak_str(o.id.clone()), label, hint, instead });
        }
        questions.push(Question {
            id: leak_str(q.id.clone()),
            flow: fl,
            ask_if,
            prompt,
            help,
            practice: None,
            options: leak_slice(options),
            choice: q.choice,
            full: q.full,
            domain_check: q.domain_check,
        });
    }
    let mut flows = Vec::new();
    for (fi, (at, f)) in flows_raw.iter().enumerate() {
        let place = |m: String| ctx.err(*at, format!("flow `{}`: {m}", f.id));
        if flow_questions[fi].is_empty() {
            return Err(place("has no questions".into()));
        }
        let title = texts.add(format!("flow.{}.title", f.id), &f.title).map_err(place)?;
        let summary = texts.add(format!("flow.{}.summary", f.id), &f.summary).map_err(place)?;
        flows.push(Flow {
            id: leak_str(f.id.clone()),
            title,
            summary,
            verdict_required: f.verdict_required,
            questions: leak_slice(std::mem::take(&mut flow_questions[fi])),
        });
    }

    // ── FAQ entries ─────────────────────────────────────────────────────────────────
    let mut faqs = Vec::new();
    for (at, f) in &faqs_raw {
        let place = |m: String| ctx.err(*at, format!("faq `{}`: {m}", f.id));
        let flow = flow_ix(&f.flow).ok_or_else(|| place(format!("unknown flow `{}`", f.flow)))?;
        let title = texts
            .add(format!("faq.{}.title", f.id), f.title.as_deref().unwrap_or(&f.question))
            .map_err(place)?;
        let answer = texts.add(format!("faq.{}.answer", f.id), &f.answer).map_err(place)?;
        faqs.push(Faq {
            id: leak_str(f.id.clone()),
            section: leak_str(f.section.clone()),
            question: leak_str(f.question.clone()),
            title,
            answer,
            flow,
        });
    }

    // ── Rules ───────────────────────────────────────────────────────────────────────
    let rec_ix = |id: &str| recs_raw.iter().position(|(_, r)| r.id == id);
    let mut rec_flows: Vec<Vec<FlowIx>> = vec![Vec::new(); recs_raw.len()];
    let mut rules = Vec::new();
    for (at, r) in &rules_raw {
        let place = |m: String| ctx.err(*at, format!("rule `{}`: {m}", r.id));
        let fl = flow_ix(&r.flow).ok_or_else(|| place(format!("unknown flow `{}`", r.flow)))?;
        let in_flow = |x: QIx| (q_flow[x] != fl).then_some("belongs to another flow");
        let when = parse(&r.when, &Scope { questions: &q_scope, defines: &define_src, allowed: &in_flow })
            .map_err(|e| place(format!("when: {e}")))?;
        if r.then.is_empty() {
            return Err(place("recommends nothing".into()));
        }
        let mut then = Vec::new();
        for id in &r.then {
            let ri = rec_ix(id).ok_or_else(|| place(format!("unknown recommendation `{id}`")))?;
            if then.contains(&ri) {
                return Err(place(format!("recommends `{id}` twice")));
            }
            then.push(ri);
            if !rec_flows[ri].contains(&fl) {
                rec_flows[ri].push(fl);
            }
        }
        rules.push(Rule { id: leak_str(r.id.clone()), flow: fl, when, then: leak_slice(then) });
    }

    // ── Recommendations ─────────────────────────────────────────────────────────────
    let faq_ix = |id: &str| faqs_raw.iter().position(|(_, f)| f.id == id);
    let cites = |list: &[raw::Cite], texts: &mut Texts| -> Result<&'static [Citation], String> {
        let mut out = Vec::new();
        for c in list {
            let (text, summary) = match (&c.quote, &c.summary) {
                (Some(q), None) => (q, false),
                (None, Some(s)) => (s, true),
                _ => return Err("a citation needs exactly one of `quote` and `summary`".into()),
            };
            if text.trim().is_empty() {
                return Err("a citation's words are empty".into());
            }
            let (source, faq) = match (&c.faq, &c.source) {
                (Some(f), None) => {
                    let fi = faq_ix(f).ok_or_else(|| format!("cites an unknown faq `{f}`"))?;
                    if summary {
                        return Err(format!(
                            "cites faq `{f}` with a summary: the FAQ is always quoted word for word"
                        ));
                    }
                    (faq_source, Some(fi))
                }
                (None, Some(s)) => {
                    let si = sources
                        .iter()
                        .position(|x| x.id == s)
                        .ok_or_else(|| format!("cites an unknown source `{s}`"))?;
                    if sources[si].kind == SourceKind::Faq {
                        return Err(format!(
                            "cites source `{s}` directly: cite the FAQ by its entry (`faq = \"…\"`)"
                        ));
                    }
                    (si, None)
                }
                _ => return Err("a citation needs exactly one of `faq` and `source`".into()),
            };
            // The words' language: a quote is in its page's language, a summary in the
            // rulebook's (current-practice.md's), unless the citation says otherwise.
            let page_lang = sources[source].lang;
            let page_language = match c.lang.as_deref() {
                Some(l) if l == page_lang => true,
                Some(SOURCE_LANG) => false,
                Some(l) => {
                    return Err(format!(
                    "lang `{l}`: cited words are in their page's language ({page_lang}) or in {SOURCE_LANG}"
                ))
                }
                None => !summary,
            };
            let lang = if page_language { page_lang.to_string() } else { SOURCE_LANG.to_string() };
            let original = match (&c.rendering, same_language(&lang, SOURCE_LANG)) {
                (None, true) => text.clone(),
                (Some(r), false) if !r.trim().is_empty() => r.clone(),
                (Some(_), true) => {
                    return Err(format!(
                        "the words {text:?} are in {SOURCE_LANG}: they need no `rendering` (translations render them)"
                    ))
                }
                // No rendering yet: reported like a missing translation (so that a rulebook
                // written before renderings still compiles, e.g. for `icp-advisor diff`).
                (_, false) => String::new(),
            };
            let key = format!("cite.{}.{}", sources[source].id, &crate::content_hash(text.as_bytes())[..8]);
            let rendering = texts.rendering(key, &lang, &original)?;
            out.push(Citation {
                source,
                faq,
                text: leak_str(text.clone()),
                summary,
                page_language,
                rendering,
            });
        }
        Ok(leak_slice(out))
    };
    // What current practice adds to a question's help: its own words, cited like a note.
    for (qi, (at, q)) in questions_raw.iter().enumerate() {
        let Some(p) = &q.practice else { continue };
        let place = |m: String| ctx.err(*at, format!("question `{}`: practice: {m}", q.id));
        if p.when.is_some() || !p.asserts.is_empty() {
            return Err(place(
                "is always shown with the help and states no facts: no `when`, no `asserts`".into(),
            ));
        }
        let text = texts.add(format!("question.{}.practice", q.id), &p.text).map_err(&place)?;
        let cited = cites(&p.cite, &mut texts).map_err(&place)?;
        if cited.is_empty() || cited.iter().any(|c| sources[c.source].kind != SourceKind::External) {
            return Err(place("cites the current-practice sources it rests on (not the FAQ)".into()));
        }
        if !cited.iter().any(|c| sources[c.source].quality == Quality::A) {
            return Err(place(
                "rests on no quality-A source (a B source may only support an A source)".into(),
            ));
        }
        questions[qi].practice = Some(Box::leak(Box::new(Part {
            when: Cond::Always,
            text,
            cites: cited,
            asserts: &[],
            takes: None,
        })));
    }

    // What the sources say of domain names (the offline domain check).
    let provinces: Vec<&str> = questions_raw
        .iter()
        .find(|(_, q)| q.id == "file-in")
        .map(|(_, q)| q.options.iter().map(|o| o.id.as_str()).collect())
        .unwrap_or_default();
    let mut domain_notes = Vec::new();
    for (at, d) in &domain_notes_raw {
        let place = |m: String| ctx.err(*at, format!("domain note `{}`: {m}", d.id));
        for p in d.provinces.iter().chain(&d.not_provinces) {
            if !provinces.contains(&p.as_str()) {
                return Err(place(format!("`{p}` is not a province (an option of the question `file-in`)")));
            }
        }
        for s in &d.suffixes {
            if s.is_empty()
                || s.starts_with('.')
                || s.chars().any(|c| c.is_ascii_uppercase() || c.is_whitespace())
            {
                return Err(place(format!(
                    "suffix `{s}`: write it in lower case without the dot (`io`, `com.cn`)"
                )));
            }
        }
        let text = texts.add(format!("domain.{}.text", d.id), &d.text).map_err(&place)?;
        let cited = cites(&d.cite, &mut texts).map_err(&place)?;
        if cited.is_empty() || cited.iter().any(|c| sources[c.source].kind != SourceKind::External) {
            return Err(place("cites the current-practice sources it rests on (not the FAQ)".into()));
        }
        if !cited.iter().any(|c| sources[c.source].quality == Quality::A) {
            return Err(place(
                "rests on no quality-A source (a B source may only support an A source)".into(),
            ));
        }
        let strs = |v: &[String]| leak_slice(v.iter().map(|s| leak_str(s.clone())).collect());
        domain_notes.push(DomainNote {
            id: leak_str(d.id.clone()),
            suffixes: strs(&d.suffixes),
            provinces: strs(&d.provinces),
            not_provinces: strs(&d.not_provinces),
            under: d.under,
            problem: d.problem,
            text,
            cites: cited,
        });
    }
    let second_level_suffixes: Vec<&'static str> = files
        .iter()
        .filter_map(|f| f.doc.domains.as_ref())
        .flat_map(|d| d.get_ref().second_level.iter().map(|s| leak_str(s.to_ascii_lowercase())))
        .collect();

    let mut recommendations = Vec::new();
    for (ri, (at, r)) in recs_raw.iter().enumerate() {
        let place = |m: String| ctx.err(*at, format!("recommendation `{}`: {m}", r.id));
        let kind = match r.kind.as_str() {
            "required" => Kind::Required,
            "next-step" => Kind::NextStep,
            "warning" => Kind::Warning,
            "info" => Kind::Info,
            k => return Err(place(format!("kind `{k}` is not one of required, next-step, warning, info"))),
        };
        let verdict = match r.group.as_deref() {
            None => false,
            Some("verdict") => true,
            Some(g) => return Err(place(format!("unknown group `{g}` (the only group is `verdict`)"))),
        };
        let phase = match r.phase.as_deref() {
            None => None,
            Some(p) => Some(Phase::ALL.into_iter().find(|x| x.id() == p).ok_or_else(|| {
                place(format!(
                    "phase `{p}` is not one of {}",
                    Phase::ALL.iter().map(|x| x.id()).collect::<Vec<_>>().join(", ")
                ))
            })?),
        };
        // (A recommendation no rule gives compiles — `icp-advisor check` reports it — so that
        // a rulebook with a rule removed can still be compared with `icp-advisor diff`.)
        let flow_of = match rec_flows[ri].as_slice() {
            [] => None,
            [f] => Some(Some(*f)),
            _ => Some(None),
        };
        let in_flow = |x: QIx| match flow_of {
            None => None,
            Some(Some(f)) if q_flow[x] == f => None,
            Some(Some(_)) => Some("belongs to another flow"),
            Some(None) => Some("cannot be used: the recommendation is given in several flows"),
        };
        let scope = Scope { questions: &q_scope, defines: &define_src, allowed: &in_flow };
        let key = |k: &str| format!("rec.{}.{k}", r.id);
        let part = |k: String, label: String, p: &RawPart, texts: &mut Texts| -> Result<Part, String> {
            let (text, when, cite, asserts, takes) = match p {
                RawPart::Text(t) => (t, None, &[][..], &BTreeMap::new(), None),
                RawPart::Full(f) => (&f.text, f.when.as_deref(), &f.cite[..], &f.asserts, f.takes.as_ref()),
            };
            let takes = match takes {
                None => None,
                Some(t) => {
                    let step = TimelineStep::ALL.into_iter().find(|s| s.id() == t.step).ok_or_else(|| {
                        format!(
                            "{label}: takes: step `{}` is not one of {}",
                            t.step,
                            TimelineStep::ALL.iter().map(|s| s.id()).collect::<Vec<_>>().join(", ")
                        )
                    })?;
                    let unit = TimeUnit::ALL.into_iter().find(|u| u.id() == t.unit).ok_or_else(|| {
                        format!(
                            "{label}: takes: unit `{}` is not one of {}",
                            t.unit,
                            TimeUnit::ALL.iter().map(|u| u.id()).collect::<Vec<_>>().join(", ")
                        )
                    })?;
                    if t.to == 0 || t.from > t.to {
                        return Err(format!(
                            "{label}: takes: from {} to {} is not a range (0 < to, from ≤ to)",
                            t.from, t.to
                        ));
                    }
                    Some(Takes { step, from: t.from, to: t.to, unit })
                }
            };
            let when = match when {
                Some(src) => parse(src, &scope).map_err(|e| format!("{label}: when: {e}"))?,
                None => Cond::Always,
            };
            Ok(Part {
                when,
                text: texts.add(k, text)?,
                cites: cites(cite, texts).map_err(|e| format!("{label}: {e}"))?,
                asserts: facts(asserts).map_err(|e| format!("{label}: {e}"))?,
                takes,
            })
        };
        // One text, or a list of parts (keyed `<field>.<i>`).
        let parts_of =
            |field: &str, label: &str, b: &Body, texts: &mut Texts| -> Result<Vec<Part>, Error> {
                match b {
                    Body::One(t) => {
                        Ok(vec![part(key(field), label.into(), &RawPart::Text(t.clone()), texts)
                            .map_err(&place)?])
                    }
                    Body::Parts(ps) => {
                        if ps.is_empty() {
                            return Err(place(format!("{field} is empty")));
                        }
                        ps.iter()
                            .enumerate()
                            .map(|(i, p)| {
                                part(key(&format!("{field}.{i}")), format!("{label} {}", i + 1), p, texts)
                            })
                            .collect::<Result<Vec<_>, _>>()
                            .map_err(&place)
                    }
                }
            };
        // A title (or plan line) is one text, or variants with conditions ending with the
        // default: the first that holds is shown.
        let variants =
            |field: &str, label: &str, b: &Body, texts: &mut Texts| -> Result<(Text, Vec<Part>), Error> {
                let mut parts = parts_of(field, label, b, texts)?;
                let default = parts.pop().expect("parts_of gives at least one");
                if default.when != Cond::Always || parts.iter().any(|p| p.when == Cond::Always) {
                    return Err(place(format!(
                        "{label}s: every variant but the last needs `when`, and the last (the default) none"
                    )));
                }
                if parts
                    .iter()
                    .chain(std::iter::once(&default))
                    .any(|p| !p.cites.is_empty() || !p.asserts.is_empty())
                {
                    return Err(place(format!("a {label} cites nothing and states no facts of its own")));
                }
                Ok((default.text, parts))
            };
        let (title, titles) = variants("title", "title", &r.title, &mut texts)?;
        let (plan, plans) = match &r.plan {
            Some(p) => {
                let (t, v) = variants("plan", "plan line", p, &mut texts)?;
                (Some(t), v)
            }
            None => (None, Vec::new()),
        };
        let body = parts_of("body", "paragraph", &r.body, &mut texts)?;
        let answer = match (&r.answer, verdict) {
            (Some(a), true) => {
                let parts = parts_of("answer", "verdict line", a, &mut texts)?;
                if parts.iter().any(|p| !p.asserts.is_empty()) {
                    return Err(place(
                        "a verdict line states no facts of its own: put `asserts` on the recommendation".into(),
                    ));
                }
                parts
            }
            (None, true) => {
                return Err(place(
                    "a verdict needs `answer`: the one sentence that answers the flow's question, with its reason"
                        .into(),
                ))
            }
            (Some(_), false) => return Err(place("only a verdict (`group = \"verdict\"`) has an `answer`".into())),
            (None, false) => Vec::new(),
        };
        let steps = r
            .steps
            .iter()
            .enumerate()
            .map(|(i, p)| part(key(&format!("steps.{i}")), format!("step {}", i + 1), p, &mut texts))
            .collect::<Result<Vec<_>, _>>()
            .map_err(&place)?;
        let own = cites(&r.cite, &mut texts).map_err(&place)?;
        let all: Vec<&Citation> =
            own.iter().chain(answer.iter().chain(&body).chain(&steps).flat_map(|p| p.cites.iter())).collect();
        let external = all.iter().filter(|c| sources[c.source].kind == SourceKind::External).count();
        let layer = match (external, all.len()) {
            (_, 0) => return Err(place("cites nothing: every recommendation rests on a cited sentence".into())),
            (0, _) => Layer::Faq,
            (e, n) if e == n => Layer::Practice,
            _ => {
                return Err(place(
                    "cites both the FAQ and external sources: keep the FAQ's advice and current practice in separate recommendations".into(),
                ))
            }
        };
        if layer == Layer::Practice && !all.iter().any(|c| sources[c.source].quality == Quality::A) {
            return Err(place(
                "rests on no quality-A source (a B source may only support an A source)".into(),
            ));
        }
        let flow = match &r.flow {
            Some(f) => Some(flow_ix(f).ok_or_else(|| place(format!("unknown flow `{f}`")))?),
            None => None,
        };
        let refs = |list: &[String], what: &str| -> Result<&'static [RecIx], Error> {
            let mut out = Vec::new();
            for id in list {
                let x = rec_ix(id).ok_or_else(|| place(format!("{what}: unknown recommendation `{id}`")))?;
                if x == ri {
                    return Err(place(format!("{what}: names itself")));
                }
                out.push(x);
            }
            Ok(leak_slice(out))
        };
        let excludes = refs(&r.excludes, "excludes")?;
        let qualifies = refs(&r.qualifies, "qualifies")?;
        if !qualifies.is_empty() && layer != Layer::Practice {
            return Err(place("only current-practice recommendations qualify others".into()));
        }
        let amend = match &r.amend {
            Some(_) if qualifies.is_empty() => {
                return Err(place(
                    "`amend` speaks inside the steps it qualifies: give `qualifies` too".into(),
                ))
            }
            Some(t) => Some(texts.add(key("amend"), t).map_err(&place)?),
            None => None,
        };
        recommendations.push(Recommendation {
            id: leak_str(r.id.clone()),
            kind,
            layer,
            verdict,
            answer: leak_slice(answer),
            phase,
            plan,
            plans: leak_slice(plans),
            alternative: r.alternative,
            checklist: r.checklist,
            title,
            titles: leak_slice(titles),
            body: leak_slice(body),
            steps: leak_slice(steps),
            flow,
            excludes,
            qualifies,
            amend,
            asserts: facts(&r.asserts).map_err(&place)?,
            cites: own,
        });
    }
    for (ri, r) in recommendations.iter().enumerate() {
        for &q in r.qualifies {
            if recommendations[q].layer != Layer::Faq {
                return Err(ctx.err(
                    recs_raw[ri].0,
                    format!(
                        "recommendation `{}`: qualifies `{}`, which is not FAQ advice",
                        r.id, recommendations[q].id
                    ),
                ));
            }
        }
    }

    // ── Carried answers ─────────────────────────────────────────────────────────────
    let mut carries = Vec::new();
    for (at, c) in ctx.items(|d| &d.carry) {
        let place = |m: String| ctx.err(at, format!("carry `{}` → `{}`: {m}", c.from, c.to));
        let from = parse(&c.from, &Scope { questions: &q_scope, defines: &define_src, allowed: &|_| None })
            .map_err(|e| place(format!("from: {e}")))?;
        let refs = from.refs();
        let flows: Vec<FlowIx> =
            (0..questions.len()).filter(|&q| refs & (1 << q) != 0).map(|q| q_flow[q]).collect();
        let from_flow = match flows.as_slice() {
            [f, rest @ ..] if rest.iter().all(|x| x == f) => *f,
            _ => return Err(place("`from` must look at the questions of one flow".into())),
        };
        let (q, o) = c.to.split_once('=').map(|(q, o)| (q.trim(), o.trim())).unwrap_or(("", ""));
        let to = questions
            .iter()
            .position(|x| x.id == q)
            .ok_or_else(|| place(format!("`to`: unknown question `{q}`")))?;
        let option = questions[to]
            .option(o)
            .ok_or_else(|| place(format!("`to`: question `{q}` has no option `{o}`")))?;
        if q_flow[to] == from_flow {
            return Err(place("`to` must be a question of another flow".into()));
        }
        carries.push(Carry { from_flow, from, to, option });
    }

    // ── Languages ───────────────────────────────────────────────────────────────────
    let Languages { languages, missing, stale, untracked, app_keys, app_texts } =
        languages(langs, &texts, &root.name)?;
    let text_keys = leak_slice(
        texts
            .list
            .iter()
            .map(|(k, _)| leak_str(k.clone()))
            .chain(app_keys.iter().map(|k| leak_str(format!("app.{k}"))))
            .collect(),
    );
    let mut book = Box::new(Rulebook {
        domain_notes: leak_slice(domain_notes),
        second_level_suffixes: leak_slice(second_level_suffixes),
        version,
        gathered,
        sources: leak_slice(sources),
        faqs: leak_slice(faqs),
        flows: leak_slice(flows),
        questions: leak_slice(questions),
        rules: leak_slice(rules),
        recommendations: leak_slice(recommendations),
        dimensions: leak_slice(dimensions),
        defines: leak_slice(define_list),
        carries: leak_slice(carries),
        languages: &[],
        packs: &[],
        app_texts,
        text_keys,
    });
    // The packs, derived from the tables; then each language's texts cut into them.
    let packs = leak_slice(super::packs::packs(&book, app_texts, text_keys));
    book.languages = leak_slice(
        languages
            .into_iter()
            .map(|whole| {
                let source = whole.code == SOURCE_LANG;
                super::packs::language(whole, packs, source)
            })
            .collect(),
    );
    book.packs = packs;
    let book: &'static Rulebook = Box::leak(book);
    match super::limits::paths_per_flow(book) {
        Ok(_) => {}
        Err(super::limits::Beyond::Paths(fl)) => {
            let (at, f) = &flows_raw[fl];
            return Err(ctx.err(
                *at,
                format!(
                    "flow `{}`: the flows have more than {MAX_PATHS} complete paths together, counting up to this one (the limit: `check`, `diff` and `paths` evaluate every path); ask fewer questions, or ask some only where an earlier answer makes them relevant (`ask_if`)",
                    f.id
                ),
            ));
        }
        Err(super::limits::Beyond::Advice(fl, path)) => {
            let (at, f) = &flows_raw[fl];
            return Err(ctx.err(
                *at,
                format!(
                    "flow `{}`: the path {path} gives more than {MAX_ADVICE} recommendations (the limit)",
                    f.id
                ),
            ));
        }
    }
    Ok(Out { book, missing, stale, untracked, app_keys })
}

/// The parts of a recommendation written in full (with a condition, citations or facts).
fn full_parts(r: &raw::Rec) -> Vec<&raw::FullPart> {
    let body: &[RawPart] = match &r.body {
        Body::One(_) => &[],
        Body::Parts(p) => p,
    };
    body.iter()
        .chain(&r.steps)
        .filter_map(|p| match p {
            RawPart::Full(f) => Some(f),
            RawPart::Text(_) => None,
        })
        .collect()
}

/// `YYYY-MM`, or with `day_ok` also `YYYY-MM-DD`.
fn is_date(s: &str, day_ok: bool) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => day_ok && digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// The `{name}` placeholders of a text, sorted.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Lists the string leaves of a translation table as (dotted key, text); array items get
/// their index as the last key part.
fn leaves(v: &toml::Value, prefix: String, out: &mut Vec<(String, String)>) -> Result<(), (String, String)> {
    let join = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match v {
        toml::Value::String(s) => out.push((prefix.clone(), s.clone())),
        toml::Value::Table(t) => {
            for (k, v) in t {
                leaves(v, join(k), out)?;
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                leaves(v, join(&i.to_string()), out)?;
            }
        }
        _ => return Err((prefix.clone(), format!("`{prefix}` must be text"))),
    }
    Ok(())
}

/// A language as read, with all its texts in one table (cut into packs once the tables are
/// built: `packs::language`).
pub(super) struct Whole {
    pub code: &'static str,
    pub name: &'static str,
    pub word_spaces: bool,
    pub date: &'static str,
    pub month: &'static str,
    pub texts: TextTable,
}

struct Languages {
    languages: Vec<Whole>,
    missing: Vec<(String, String)>,
    stale: Vec<(String, String)>,
    untracked: Vec<String>,
    app_keys: Vec<String>,
    app_texts: u16,
}

/// Builds each language's text table: the rulebook's texts (translated, or the source
/// language's where a translation is missing), then the app's own texts.
fn languages(langs: &[LangFile], texts: &Texts, root: &str) -> Result<Languages, Error> {
    let at = |l: &LangFile, key: &str| -> usize {
        // The line of the key's last part, as a hint (good enough for an error message); the
        // first line when it is not found.
        let last = key.rsplit('.').next().unwrap_or(key);
        l.text
            .find(&format!("{last} "))
            .or_else(|| l.text.find(last))
            .map_or(1, |o| l.text[..o].matches('\n').count() + 1)
    };
    let err = |l: &LangFile, line: usize, message: String| Error { file: l.file.clone(), line, message };
    let source: Option<&LangFile> = langs.first();
    match source {
        Some(s) if s.doc.language.code == SOURCE_LANG => {}
        Some(other) => {
            return Err(err(
                other,
                1,
                format!("the language folder needs `{SOURCE_LANG}.toml`, the rulebook's own language"),
            ))
        }
        None => {}
    }
    let app_keys: Vec<String> = source.map(|s| s.doc.app.keys().cloned().collect()).unwrap_or_default();
    for k in &app_keys {
        if !k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(err(
                source.unwrap(),
                at(source.unwrap(), k),
                format!("[app] key `{k}` must be snake_case"),
            ));
        }
    }
    let keys: HashMap<&str, usize> =
        texts.list.iter().enumerate().map(|(i, (k, _))| (k.as_str(), i)).collect();
    let app_base = texts.list.len();
    let mut missing = Vec::new();
    let mut stale = Vec::new();
    let mut untracked = Vec::new();
    let mut out = Vec::new();
    let list: Vec<Option<&LangFile>> =
        if langs.is_empty() { vec![None] } else { langs.iter().map(Some).collect() };
    // The source language's table: every text, but for the renderings of cited words only
    // those of words in another language (words in the source language need none).
    let en_value = |i: usize| match &texts.words[i] {
        Some(l) if same_language(l, SOURCE_LANG) => String::new(),
        _ => texts.list[i].1.clone(),
    };
    // Whether a language needs a text: not the rendering of words already in that language.
    let needed = |i: usize, code: &str| !matches!(&texts.words[i], Some(l) if same_language(l, code));
    for l in list {
        let (code, name, word_spaces) = match l {
            Some(l) => (l.doc.language.code.clone(), l.doc.language.name.clone(), l.doc.language.word_spaces),
            None => (SOURCE_LANG.to_string(), "English".to_string(), true),
        };
        let (date, month) = match l {
            Some(l) => (l.doc.language.date.clone(), l.doc.language.month.clone()),
            None => ("{yyyy}-{mm}-{dd}".to_string(), "{yyyy}-{mm}".to_string()),
        };
        let mut all: Vec<String> = (0..texts.list.len())
            .map(|i| if needed(i, &code) { en_value(i) } else { String::new() })
            .collect();
        // A translation is used only if it was made from today's English (its lock entry).
        let current = |key: &str, en: &str| -> bool {
            match l.and_then(|l| l.lock.as_ref()) {
                Some(lock) => lock.get(key).is_some_and(|h| *h == super::fingerprint(en)),
                None => true,
            }
        };
        if let (Some(l), false) = (l, code == SOURCE_LANG) {
            if l.lock.is_none() {
                untracked.push(code.clone());
            }
            let mut found = Vec::new();
            leaves(&toml::Value::Table(l.doc.rest.clone()), String::new(), &mut found)
                .map_err(|(key, m)| err(l, at(l, &key), m))?;
            let mut have = vec![false; texts.list.len()];
            for (k, t) in found {
                let Some(&i) = keys.get(k.as_str()) else {
                    // A rendering of words no citation has any more (the words changed, so their
                    // key did), or a publisher renamed: stale, not an error, so the old
                    // rendering can be moved to the new key.
                    if k.starts_with("cite.") || k.starts_with("publisher.") {
                        stale.push((code.clone(), k));
                        continue;
                    }
                    return Err(err(l, at(l, &k), format!("`{k}` does not name any text of the rulebook")));
                };
                if !needed(i, &code) {
                    return Err(err(
                        l,
                        at(l, &k),
                        format!("`{k}` renders words that are in {code} already: remove it (they are shown as they are)"),
                    ));
                }
                if !t.trim().is_empty() {
                    have[i] = true;
                    if current(&k, &texts.list[i].1) {
                        all[i] = t;
                    } else {
                        stale.push((code.clone(), k));
                    }
                }
            }
            for (i, ok) in have.iter().enumerate() {
                if !ok && needed(i, &code) {
                    missing.push((code.clone(), texts.list[i].0.clone()));
                }
            }
        } else if let Some(l) = l {
            if !l.doc.rest.is_empty() {
                let k = l.doc.rest.keys().next().unwrap();
                return Err(err(
                    l,
                    at(l, k),
                    format!("`{k}`: the source language's file holds only [language] and [app]"),
                ));
            }
        }
        if code == SOURCE_LANG {
            // Words in another language whose English rendering the rulebook does not give yet.
            for (i, (key, original)) in texts.list.iter().enumerate() {
                if original.is_empty() && needed(i, &code) {
                    missing.push((code.clone(), key.clone()));
                }
            }
        }
        for k in &app_keys {
            let en = &source.unwrap().doc.app[k];
            match l.and_then(|l| l.doc.app.get(k)) {
                Some(t) if !t.trim().is_empty() => {
                    if placeholders(t) != placeholders(en) {
                        let l = l.unwrap();
                        return Err(err(
                            l,
                            at(l, k),
                            format!(
                                "[app] `{k}` uses the placeholders {:?}, but the source text uses {:?}",
                                placeholders(t),
                                placeholders(en)
                            ),
                        ));
                    }
                    if current(&format!("app.{k}"), en) {
                        all.push(t.clone());
                    } else {
                        stale.push((code.clone(), format!("app.{k}")));
                        all.push(en.clone());
                    }
                }
                _ => {
                    let l = l.unwrap();
                    // Named at the [app] table (or the key, if it is there but empty).
                    let line = match l.doc.app.get(k) {
                        Some(_) => at(l, k),
                        None => l.text.find("[app]").map_or(1, |o| l.text[..o].matches('\n').count() + 1),
                    };
                    return Err(err(
                        l,
                        line,
                        format!("[app] is missing `{k}` (every language has every app text)"),
                    ));
                }
            }
        }
        if let Some(l) = l {
            if let Some(extra) = l.doc.app.keys().find(|k| !app_keys.contains(k)) {
                return Err(err(
                    l,
                    at(l, extra),
                    format!("[app] `{extra}` is not an app text of {SOURCE_LANG}.toml"),
                ));
            }
        }
        let joined: String = all.concat();
        if joined.len() > crate::MAX_TEXT_BYTES {
            let file = l.map_or_else(|| root.to_string(), |l| l.file.clone());
            return Err(Error {
                file,
                line: 1,
                message: format!(
                    "the {code} texts are {} bytes, more than the {} a language may hold",
                    joined.len(),
                    crate::MAX_TEXT_BYTES
                ),
            });
        }
        let mut end = 0u32;
        let ends: Vec<u32> = all
            .iter()
            .map(|t| {
                end += t.len() as u32;
                end
            })
            .collect();
        if let Some(i) = all.iter().position(|t| t.contains(crate::TEXTS_SEPARATOR)) {
            // (The rulebook's own texts are checked where they are written, by `Texts::add`.)
            let key = texts.list.get(i).map_or_else(|| app_keys[i - app_base].clone(), |(k, _)| k.clone());
            let (file, line) = l.map_or_else(|| (root.to_string(), 1), |l| (l.file.clone(), at(l, &key)));
            return Err(Error { file, line, message: format!("`{key}` holds the control character U+001F") });
        }
        let table = TextTable { all: leak_str(joined), ends: leak_slice(ends) };
        for (field, pattern) in [("date", &date), ("month", &month)] {
            let rest = pattern
                .replace("{yyyy}", "")
                .replace("{mm}", "")
                .replace("{m}", "")
                .replace("{dd}", "")
                .replace("{d}", "");
            if !pattern.contains("{yyyy}") || rest.contains('{') {
                let file = l.map_or_else(|| "rules/i18n".to_string(), |l| l.file.clone());
                return Err(Error {
                    file,
                    line: 1,
                    message: format!("[language] {field} `{pattern}` may use only {{yyyy}}, {{mm}}, {{m}}, {{dd}}, {{d}}, and needs {{yyyy}}"),
                });
            }
        }
        out.push(Whole {
            code: leak_str(code),
            name: leak_str(name),
            word_spaces,
            date: leak_str(date),
            month: leak_str(month),
            texts: table,
        });
    }
    Ok(Languages { languages: out, missing, stale, untracked, app_keys, app_texts: app_base as u16 })
}
