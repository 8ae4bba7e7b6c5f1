//! The TOML documents as written, before validation. Every file of `rules/` has this shape
//! (all sections optional); the root file also says which files to include.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    /// Root file only: the rulebook's version (bump it with every change to the advice: saved
    /// answers carry it, and a browser whose saved answers have another version is told the
    /// advisor was updated and which of them no longer apply).
    pub version: Option<Spanned<u32>>,
    /// Root file only: when the current-practice facts were gathered (`YYYY-MM`).
    pub gathered: Option<Spanned<String>>,
    /// Root file only: further files, relative to the root file, in order.
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    #[serde(default)]
    pub source: Vec<Spanned<Source>>,
    /// Fact dimensions and their values.
    #[serde(default)]
    pub facts: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    pub define: BTreeMap<String, Spanned<Define>>,
    #[serde(default)]
    pub flow: Vec<Spanned<Flow>>,
    #[serde(default)]
    pub question: Vec<Spanned<Question>>,
    #[serde(default)]
    pub faq: Vec<Spanned<Faq>>,
    #[serde(default)]
    pub rule: Vec<Spanned<Rule>>,
    #[serde(default)]
    pub recommendation: Vec<Spanned<Rec>>,
    #[serde(default)]
    pub carry: Vec<Spanned<Carry>>,
    /// What the sources say of domain names, for the offline domain check
    /// (`provinces/domains.toml`).
    #[serde(default)]
    pub domain_note: Vec<Spanned<DomainNote>>,
    /// The suffixes under which a registrable domain has one label more (`com.cn`).
    #[serde(default)]
    pub domains: Option<Spanned<Domains>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domains {
    pub second_level: Vec<String>,
}

/// One thing the sources say of a domain name, shown by the domain check when it applies.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainNote {
    pub id: String,
    /// The suffixes it is about (without the dot); empty: every name.
    #[serde(default)]
    pub suffixes: Vec<String>,
    /// The provinces (ids of `file-in`'s options) it holds in; empty: every province.
    #[serde(default)]
    pub provinces: Vec<String>,
    /// Provinces it does not hold in.
    #[serde(default)]
    pub not_provinces: Vec<String>,
    /// Only for a name under a registered domain.
    #[serde(default)]
    pub under: bool,
    /// A known problem (the check exits 1), where it holds for the province given.
    #[serde(default)]
    pub problem: bool,
    pub text: String,
    pub cite: Vec<Cite>,
}

/// What an answer in one flow tells another flow's question.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carry {
    /// A condition on one flow's answers.
    pub from: String,
    /// `question = option` of another flow.
    pub to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub kind: String,
    #[serde(rename = "ref")]
    pub reference: String,
    pub publisher: String,
    pub title: String,
    /// The page's address (external sources; the FAQ is a document kept beside the project).
    #[serde(default)]
    pub url: String,
    pub page_date: String,
    pub read: String,
    pub lang: String,
    pub quality: String,
    /// The same document in other languages, where the sources name one (readers of that
    /// language get a link to it).
    #[serde(default)]
    pub versions: Vec<Version>,
    /// For reviewers only (not compiled in).
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

/// The same document in another language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub lang: String,
    pub url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: String,
    pub section: String,
    pub question: String,
    /// The question in plain words (default: the FAQ's question); translated.
    #[serde(default)]
    pub title: Option<String>,
    pub answer: String,
    pub flow: String,
}

/// A named condition: the condition, and what it means in words (shown to reviewers).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Define {
    pub when: String,
    pub means: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub verdict_required: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub flow: String,
    #[serde(default)]
    pub ask_if: Option<String>,
    pub prompt: String,
    pub help: String,
    /// What current practice adds to the help, with its sources (external only).
    #[serde(default)]
    pub practice: Option<FullPart>,
    pub options: Vec<Opt>,
    /// The answer is the person's own choice (hosting, CDN, …): results name the other
    /// answers that change their verdict. Every option then says how it reads as another way
    /// (`instead`).
    #[serde(default)]
    pub choice: bool,
    /// Its texts travel with the result's (the pack `rest`), not in the first visit: the page's
    /// first module hands over to the full one to ask it (long option lists, such as the
    /// 31 provinces).
    #[serde(default)]
    pub full: bool,
    /// The person may type their domain name on this question's screen: the offline domain
    /// check answers it for them (which option is the registered domain, which a name under it).
    #[serde(default)]
    pub domain_check: bool,
    /// For reviewers only (not compiled in).
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opt {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// (Choice questions) the option as another way: "If you host in Hong Kong".
    #[serde(default)]
    pub instead: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub flow: String,
    pub when: String,
    pub then: Vec<String>,
    /// How the rule resolves interacting answers: for reviewers of the TOML only.
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

/// A body or step: plain text, or text with a condition, citations and facts.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Part {
    Text(String),
    Full(FullPart),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullPart {
    pub text: String,
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub asserts: BTreeMap<String, String>,
    /// (A timeline's paragraph) the phase it tells and how long it takes, drawn in the
    /// timeline's picture: `{ step = "bureau-review", from = 1, to = 20, unit = "working-days" }`.
    #[serde(default)]
    pub takes: Option<RawTakes>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTakes {
    pub step: String,
    pub from: u16,
    pub to: u16,
    pub unit: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub enum Body {
    One(String),
    Parts(Vec<Part>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rec {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub phase: Option<String>,
    /// The plan line, or conditional plan lines ending with the default.
    #[serde(default)]
    pub plan: Option<Body>,
    #[serde(default)]
    pub alternative: bool,
    /// Its steps are a checklist the person ticks (the documents to prepare).
    #[serde(default)]
    pub checklist: bool,
    /// (Verdicts) the verdict line, as one sentence or conditional sentences (first that holds).
    #[serde(default)]
    pub answer: Option<Body>,
    /// (Current practice) what it adds, in one line, inside the plan steps it qualifies.
    #[serde(default)]
    pub amend: Option<String>,
    /// The title, or conditional titles ending with the default (the first that holds).
    pub title: Body,
    pub body: Body,
    #[serde(default)]
    pub steps: Vec<Part>,
    #[serde(default)]
    pub flow: Option<String>,
    #[serde(default)]
    pub excludes: Vec<String>,
    #[serde(default)]
    pub qualifies: Vec<String>,
    #[serde(default)]
    pub asserts: BTreeMap<String, String>,
    #[serde(default)]
    pub cite: Vec<Cite>,
    /// For reviewers only (not compiled in).
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    #[serde(default)]
    pub faq: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// The language of the words, where it is not the source's (a quote) or the rulebook's
    /// (a summary).
    #[serde(default)]
    pub lang: Option<String>,
    /// The words in English, for words in another language (the advisor's rendering).
    #[serde(default)]
    pub rendering: Option<String>,
}

/// A language file, `rules/i18n/<code>.toml`.
#[derive(Deserialize)]
pub struct LangDoc {
    pub language: LangMeta,
    /// The app's own texts (the source language's file defines the set).
    #[serde(default)]
    pub app: BTreeMap<String, String>,
    /// Translations of the rulebook's texts, keyed as `icp-advisor texts` prints them.
    #[serde(flatten)]
    pub rest: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangMeta {
    pub code: String,
    pub name: String,
    /// Whether the language puts spaces between words (English does; Chinese does not): texts
    /// are then measured in words, else in characters.
    #[serde(default = "yes")]
    pub word_spaces: bool,
    /// How the language writes a day and a month (see `Language::date`); default ISO.
    #[serde(default = "iso_date")]
    pub date: String,
    #[serde(default = "iso_month")]
    pub month: String,
}

fn iso_date() -> String {
    "{yyyy}-{mm}-{dd}".into()
}

fn iso_month() -> String {
    "{yyyy}-{mm}".into()
}

fn yes() -> bool {
    true
}
