//! Documents → validated `'static` tables. Each step checks what it builds: ids unique
//! across every kind, every reference resolves, conditions only look at questions they may
//! see, every recommendation is produced by a rule and cites a source of one layer.
//!
//! One file per section of the rulebook, in the order [`assemble`] builds them (an earlier
//! section's mistake is the one reported): `ids` and `sizes` (before any work), `sources`
//! (and the FAQ entries), `facts`, `conditions` (the questions a condition may name, the
//! named conditions), `questions` (and the flows), `rules`, `cites` (a citation's source and
//! words), `notes` (current practice beside a question's help, the domain notes),
//! `recommendations`, `carries`, `languages` (each language's text table); `texts` collects
//! the texts as the sections add them, and `tables` puts the book together.

mod carries;
mod cites;
mod conditions;
mod facts;
mod ids;
mod languages;
mod notes;
mod questions;
mod recommendations;
mod rules;
mod sizes;
mod sources;
mod tables;
mod texts;

use super::raw;
use super::{Error, File, LangFile};
use crate::Rulebook;

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

/// The files being assembled: what turns a place into an error message.
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

    /// The root file's first line: where a problem of the whole rulebook is reported.
    fn root_at(&self) -> At {
        At { file: 0, offset: 0 }
    }
}

/// The items of every file, section by section, in file order with their places.
struct Items<'f> {
    sources: Vec<(At, &'f raw::Source)>,
    flows: Vec<(At, &'f raw::Flow)>,
    questions: Vec<(At, &'f raw::Question)>,
    faqs: Vec<(At, &'f raw::Faq)>,
    rules: Vec<(At, &'f raw::Rule)>,
    recs: Vec<(At, &'f raw::Rec)>,
    domain_notes: Vec<(At, &'f raw::DomainNote)>,
}

impl<'f> Items<'f> {
    fn of(ctx: &'f Ctx<'f>) -> Items<'f> {
        Items {
            sources: ctx.items(|d| &d.source),
            flows: ctx.items(|d| &d.flow),
            questions: ctx.items(|d| &d.question),
            faqs: ctx.items(|d| &d.faq),
            rules: ctx.items(|d| &d.rule),
            recs: ctx.items(|d| &d.recommendation),
            domain_notes: ctx.items(|d| &d.domain_note),
        }
    }

    /// The index of the flow `id`.
    fn flow_ix(&self, id: &str) -> Option<crate::FlowIx> {
        self.flows.iter().position(|(_, f)| f.id == id)
    }

    /// The index of the recommendation `id`.
    fn rec_ix(&self, id: &str) -> Option<crate::RecIx> {
        self.recs.iter().position(|(_, r)| r.id == id)
    }
}

/// Builds the rulebook's tables from its files and language files, section by section.
pub fn assemble(files: &[File], langs: &[LangFile]) -> Result<Out, Error> {
    let ctx = Ctx { files };
    let version = version(&ctx)?;
    let mut texts = texts::Texts::default();
    let items = Items::of(&ctx);
    let mut ids = ids::Ids::default();
    ids.claim_items(&ctx, &items)?;
    sizes::check(&ctx, &items)?;
    let (defines, dims_raw) = ids.defines_and_dimensions(&ctx)?;
    let sources = sources::sources(&ctx, &items, &mut texts)?;
    let gathered = sources::gathered(&ctx, &sources)?;
    let dimensions = facts::dimensions(&ctx, &dims_raw)?;
    let conds = conditions::Conditions::new(&ctx, &items, &defines)?;
    let define_list = conds.defines(&ctx, &mut texts)?;
    let (mut questions, flows) = questions::questions_and_flows(&ctx, &items, &conds, &mut texts)?;
    let faqs = sources::faqs(&ctx, &items, &mut texts)?;
    let (rules, rec_flows) = rules::rules(&ctx, &items, &conds)?;
    let citer = cites::Citer { sources: &sources.list, faq_source: sources.faq_source, items: &items };
    notes::question_practice(&ctx, &items, &citer, &mut questions, &mut texts)?;
    let domain_notes = notes::domain_notes(&ctx, &items, &citer, &mut texts)?;
    let second_level_suffixes = notes::second_level_suffixes(files);
    let refs = recommendations::Refs { conds: &conds, citer: &citer, dimensions: &dimensions, rec_flows };
    let recommendations = recommendations::recommendations(&ctx, &items, &refs, &mut texts)?;
    let carries = carries::carries(&ctx, &conds, &questions)?;
    let langs = languages::tables(langs, &texts, &files[0].name)?;
    let parts = tables::Parts {
        version,
        gathered,
        sources: sources.list,
        faqs,
        flows,
        questions,
        rules,
        recommendations,
        dimensions,
        defines: define_list,
        carries,
        domain_notes,
        second_level_suffixes,
    };
    tables::rulebook(&ctx, &items, parts, langs, &texts)
}

/// The rulebook's `version`, from the root file.
fn version(ctx: &Ctx<'_>) -> Result<u32, Error> {
    match &ctx.files[0].doc.version {
        Some(v) if *v.get_ref() >= 1 => Ok(*v.get_ref()),
        Some(v) => Err(ctx.err(At { file: 0, offset: v.span().start }, "version must be at least 1".into())),
        None => Err(ctx.err(ctx.root_at(), "the root file must give the rulebook's `version`".into())),
    }
}
