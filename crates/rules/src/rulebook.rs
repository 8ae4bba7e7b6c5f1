//! The rulebook: its tables, and the lookups of an item by its id.

use crate::*;

#[derive(Debug)]
pub struct Rulebook {
    /// What the sources say of domain names (the offline domain check), and the suffixes under
    /// which a registrable domain has one label more (`com.cn`).
    pub domain_notes: &'static [DomainNote],
    pub second_level_suffixes: &'static [&'static str],
    pub version: u32,
    /// When the current-practice facts were gathered (e.g. `2026-11`).
    pub gathered: &'static str,
    pub sources: &'static [Source],
    pub faqs: &'static [Faq],
    pub flows: &'static [Flow],
    pub questions: &'static [Question],
    pub rules: &'static [Rule],
    pub recommendations: &'static [Recommendation],
    pub dimensions: &'static [Dimension],
    pub defines: &'static [Define],
    pub carries: &'static [Carry],
    pub languages: &'static [Language],
    /// The packs the texts travel in (see [`Pack`]): every text is in exactly one.
    pub packs: &'static [Pack],
    /// Texts `[0, app_texts)` are the rulebook's; from `app_texts` on, the app's own texts in
    /// the order of the `[app]` table of `rules/i18n/en.toml`.
    pub app_texts: u16,
    /// Each text's key (e.g. `rec.initial-filing.steps.1`), for translators and tools; empty
    /// in the Wasm.
    pub text_keys: &'static [&'static str],
}

impl Rulebook {
    /// The rulebook as the page's first module has it: only the tables the first screens read
    /// (the start screen and the questions: the flows and their questions, the sources their
    /// current-practice help cites, and the languages), every other table empty. Its texts are
    /// those of the `first` pack (see [`Pack`]). The questions cite no FAQ entry (the FAQ's
    /// table is left out; `tests/i18n.rs` holds them to it).
    pub fn first_screens(&self) -> Rulebook {
        // The sources up to the last one a question's help cites (the rest, such as the province
        // layer's, only results cite): sources are numbered in the order they are written, so the
        // prefix keeps every index a question uses.
        let cited = self
            .questions
            .iter()
            .flat_map(|q| q.practice.iter().flat_map(|p| p.cites.iter().map(|c| c.source + 1)))
            .max()
            .unwrap_or(0);
        Rulebook {
            sources: &self.sources[..cited],
            faqs: &[],
            rules: &[],
            recommendations: &[],
            dimensions: &[],
            defines: &[],
            carries: &[],
            domain_notes: &[],
            second_level_suffixes: &[],
            ..*self
        }
    }

    pub fn flow(&self, id: &str) -> Option<FlowIx> {
        self.flows.iter().position(|f| f.id == id)
    }
    pub fn question(&self, id: &str) -> Option<QIx> {
        self.questions.iter().position(|q| q.id == id)
    }
    pub fn recommendation(&self, id: &str) -> Option<RecIx> {
        self.recommendations.iter().position(|r| r.id == id)
    }
    pub fn rule(&self, id: &str) -> Option<RuleIx> {
        self.rules.iter().position(|r| r.id == id)
    }
    pub fn faq(&self, id: &str) -> Option<FaqIx> {
        self.faqs.iter().position(|f| f.id == id)
    }
    pub fn source(&self, id: &str) -> Option<SourceIx> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// The source of kind [`SourceKind::Faq`].
    pub fn faq_source(&self) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.kind == SourceKind::Faq)
    }

    /// A fact written as `dimension = value`.
    pub fn fact_name(&self, f: Fact) -> String {
        let d = &self.dimensions[f.dim];
        format!("{} = {}", d.id, d.values.get(f.value as usize).copied().unwrap_or("?"))
    }
}
