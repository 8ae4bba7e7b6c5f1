//! The ICP Filing Advisor's rulebook as data: the types of its tables, and (with the
//! `compile` feature) the compiler that reads `rules/` into them.
//!
//! The rulebook is written as TOML in `rules/` (see `rules/README.md`). The compiler
//! validates it and builds a [`Rulebook`] of `'static` tables, either at run time (the native
//! CLI loads any rulebook folder that way) or, through [`compile::bake`], as Rust source that
//! the app's build script writes out, so the Wasm parses nothing at run time. Both paths go
//! through the same code, so what the CLI checks is exactly what the app embeds.

#![forbid(unsafe_code)]

#[cfg(feature = "compile")]
pub mod compile;

/// Index of a flow in [`Rulebook::flows`].
pub type FlowIx = usize;
/// Index of a question in [`Rulebook::questions`].
pub type QIx = usize;
/// Index of a recommendation in [`Rulebook::recommendations`].
pub type RecIx = usize;
/// Index of a rule in [`Rulebook::rules`].
pub type RuleIx = usize;
/// Index of an FAQ entry in [`Rulebook::faqs`].
pub type FaqIx = usize;
/// Index of a source in [`Rulebook::sources`].
pub type SourceIx = usize;
/// Index of a fact dimension in [`Rulebook::dimensions`].
pub type DimIx = usize;
/// Index of a named condition in [`Rulebook::defines`].
pub type DefIx = usize;

/// The most questions a rulebook may have (answers are kept in a fixed-size array, and
/// conditions record the questions they look at in a `u64`).
pub const MAX_QUESTIONS: usize = 64;
/// The most options a question may have (an option set is a `u32` bit mask).
pub const MAX_OPTIONS: usize = 32;
// ── Limits ──────────────────────────────────────────────────────────────────────────
// Every tool walks every path of a rulebook (`check`, `diff`, `paths`, and the progress of an
// answer walks the paths ahead), so the compiler refuses a rulebook beyond these limits with
// a `file:line` error naming the limit: at the limits, each of those commands finishes in a
// few seconds (`scripts/fuzz.sh` times them on a rulebook written at every limit at once).
// Today's rulebook uses about a quarter of each (rules/README.md, "Limits").

/// How deeply a condition may nest: `not`, parentheses and named conditions together (every
/// tool walks conditions recursively; without a bound a deep one would overflow the stack).
pub const MAX_NESTING: usize = 32;
/// The most parts (answers looked at, `not`, `and`, `or`, named conditions) one condition
/// may have once its named conditions are written out.
pub const MAX_CONDITION_SIZE: usize = 500;
/// The most parts all the conditions of a rulebook may have together (written out): every
/// path evaluates them.
pub const MAX_CONDITIONS_SIZE: usize = 3_000;
/// The most complete paths the flows of a rulebook may have together.
pub const MAX_PATHS: usize = 30_000;
/// The most rules; a rule that recommends several counts once for each.
pub const MAX_RULES: usize = 400;
/// The most recommendations.
pub const MAX_RECOMMENDATIONS: usize = 200;
/// The most recommendations one path may give (every tool handles a path's advice as a
/// whole, some of it pair by pair).
pub const MAX_ADVICE: usize = 50;
/// The most paragraphs, steps and verdict lines of all recommendations together.
pub const MAX_PARTS: usize = 1_000;
/// The most facts stated (`asserts`) by all recommendations and their parts together (every
/// path compares the facts its advice states, pair by pair).
pub const MAX_FACTS: usize = 100;
/// The most citations of all recommendations and their parts together.
pub const MAX_CITATIONS: usize = 1_000;
/// The most `excludes` and `qualifies` entries of all recommendations together.
pub const MAX_LINKS: usize = 200;
/// The most FAQ entries, sources and named conditions (`[define]`), each.
pub const MAX_ENTRIES: usize = 200;
/// The most bytes one rulebook file (a topic, a language or a lock file) may have (a language
/// may hold [`MAX_TEXT_BYTES`] of texts, and its file their keys too).
pub const MAX_FILE_BYTES: u64 = 2 << 20;
/// The most bytes the files of a rulebook may have together.
pub const MAX_RULEBOOK_BYTES: u64 = 8 << 20;

/// A translatable text: an index into each language's [`TextTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub u16);

/// A language of the rulebook: an index into [`Rulebook::languages`]. The first language
/// is the one the rulebook is written in (English).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Lang(pub u8);

impl Lang {
    /// The language the rulebook is written in.
    pub const SOURCE: Lang = Lang(0);
}

/// The most bytes of text one language may hold (rulebook and app texts together).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Every text of one language as one string, cut at the end offsets (a `&str` per text
/// would cost a pointer and a length each in the Wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextTable {
    pub all: &'static str,
    pub ends: &'static [u32],
}

impl TextTable {
    /// The text at `i`, or `None` if the table has no such text.
    pub fn get(&self, i: usize) -> Option<&'static str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.all.get(start..end)
    }
}

/// Index of a pack in [`Rulebook::packs`].
pub type PackIx = usize;

/// The id of the pack that holds what the first screens show (see [`Pack`]).
pub const FIRST_PACK: &str = "first";

/// The id of the pack of the texts only the static pages use ([`static_page_text`]): no Wasm
/// carries it and none fetches it; natively it is built in (the static pages are built there).
pub const SITE_PACK: &str = "site";

/// A part of the texts that travels on its own: a build carries some packs built in and
/// fetches the others, one file per language and pack ([`Language::files`]), when it needs
/// them.
///
/// The compiler makes three (`compile::packs`): `first`, what the first screens show — the
/// texts of the tables the page's first module keeps ([`Rulebook::first_screens`]: the flows
/// and their questions) and the app's own texts — `rest`, every other text of the rulebook
/// (the advice), and `site`, the app texts only the static pages use ([`SITE_PACK`]). The
/// page's first module has the source language's `first` pack built in, the full module (the
/// library's Wasm) its `first` and `rest`; the other languages arrive in files. Natively and in
/// debug builds every pack is built in.
#[derive(Debug, PartialEq, Eq)]
pub struct Pack {
    pub id: &'static str,
    /// Its texts, as ranges `[start, end)` of text indices, in ascending order.
    pub texts: &'static [(u16, u16)],
}

impl Pack {
    /// How many texts it carries.
    pub fn len(&self) -> usize {
        self.texts.iter().map(|&(a, b)| (b - a) as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where text `t` is among the pack's texts, if it is one of them.
    pub fn position(&self, t: Text) -> Option<usize> {
        let mut at = 0usize;
        for &(a, b) in self.texts {
            if (a..b).contains(&t.0) {
                return Some(at + (t.0 - a) as usize);
            }
            at += (b - a) as usize;
        }
        None
    }

    /// The pack's texts, in its order.
    pub fn iter(&self) -> impl Iterator<Item = Text> + '_ {
        self.texts.iter().flat_map(|&(a, b)| (a..b).map(Text))
    }
}

/// A language: its tag, its name in itself (for the language switch) and its texts.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag, as used in `<html lang>`, links and the APIs (e.g. `zh-CN`).
    pub code: &'static str,
    /// The language's name in itself, e.g. `中文`.
    pub name: &'static str,
    /// Whether it puts spaces between words: its texts are measured in words, else in
    /// characters (the result's budgets), and pieces of text are joined without a space.
    pub word_spaces: bool,
    /// How it writes a day and a month, from ISO `YYYY-MM-DD` and `YYYY-MM`: patterns with
    /// `{yyyy}`, `{mm}` and `{dd}` (two digits) or `{m}` and `{d}` (no leading zero). See
    /// [`Language::date`].
    pub date: &'static str,
    pub month: &'static str,
    /// The texts built into this build, one table per pack ([`Rulebook::packs`] order), each
    /// in the pack's order. An empty table is a pack this build does not carry: its texts
    /// travel in [`Language::files`] and arrive in [`Language::fetched`]. Natively and in
    /// debug builds every pack is built in.
    pub texts: &'static [TextTable],
    /// The file that carries each pack's texts in this language beside the app
    /// (`texts.zh-CN.rest.<hash>.txt`, written by [`Rulebook::texts_file`]); empty for a pack
    /// no build fetches (the source language's are built in wherever they are needed).
    pub files: &'static [&'static str],
    /// Each pack's texts read from its file at run time ([`Rulebook::install_texts`]).
    pub fetched: &'static [std::sync::OnceLock<TextTable>],
}

impl Language {
    /// An ISO date (`YYYY-MM-DD` or `YYYY-MM`) written the language's way (e.g. `2026年6月13日`);
    /// anything else is returned as it is.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let (pattern, day) = match parts.as_slice() {
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (self.date, *d),
            [y, m] if digits(y, 4) && digits(m, 2) => (self.month, ""),
            _ => return iso.to_string(),
        };
        let short = |p: &str| p.trim_start_matches('0').to_string();
        pattern
            .replace("{yyyy}", parts[0])
            .replace("{mm}", parts[1])
            .replace("{m}", &short(parts[1]))
            .replace("{dd}", day)
            .replace("{d}", &short(day))
    }
}

/// Whether two language tags name the same language (their primary subtags match: `zh-CN`
/// and `zh-TW` are both Chinese).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

/// Whether an app text is used by the static pages only (the rule map, the static pages' heads)
/// or the command line (`domain_`: the domain check's text), never by the app in the browser:
/// `[app]` keys starting `rules_`, `cond_`, `site_` or `domain_`. The
/// page's Wasm carries them neither in `Strings` nor in its English table (they travel in the
/// pack [`SITE_PACK`], which no Wasm carries).
pub fn static_page_text(app_key: &str) -> bool {
    ["rules_", "cond_", "site_", "domain_"].iter().any(|p| app_key.starts_with(p))
}

/// Whether an app text is used only by what the page's first module never shows (`[app]` keys
/// starting `timeline_` or `takes_`: the result's timeline; `lookup_`: the domain check beside
/// the domain question, a `full` question; `ticks_`: the result's checklist): it travels in the
/// `rest` pack, so that the first visit carries none of it (the first module reads it as "").
pub fn result_only_text(app_key: &str) -> bool {
    ["timeline_", "takes_", "lookup_", "ticks_"].iter().any(|p| app_key.starts_with(p))
}

/// The first line of a texts file: the format, then the language, the pack and the number of
/// texts.
const TEXTS_MAGIC: &str = "icp-advisor-texts 2";
/// Separates the texts of a texts file (no text may contain it).
pub const TEXTS_SEPARATOR: char = '\u{1f}';

/// The contents of the texts file of a language's pack (see [`Rulebook::texts_file`]).
pub fn texts_file<'a>(code: &str, pack: &str, texts: impl ExactSizeIterator<Item = &'a str>) -> String {
    let mut out = format!("{TEXTS_MAGIC} {code} {pack} {}\n", texts.len());
    for t in texts {
        out.push_str(t);
        out.push(TEXTS_SEPARATOR);
    }
    out
}

/// A 64-bit FNV-1a hash, as 16 hex digits: names files after their contents (for caching,
/// not for security).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A condition over the answers given so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Cond {
    Always,
    /// The question was asked and answered with one of the options in the bit mask.
    Is(QIx, u32),
    Not(&'static Cond),
    All(&'static [Cond]),
    Any(&'static [Cond]),
    /// A named condition (`[define]`), kept by name so that it reads as written.
    Def(DefIx, &'static Cond),
}

/// What an answer in one flow tells another flow: when a person continues with the other
/// flow, its question is answered already (e.g. where the server is).
#[derive(Debug, PartialEq, Eq)]
pub struct Carry {
    /// The flow the answers come from, and the condition on them.
    pub from_flow: FlowIx,
    pub from: Cond,
    /// The question of the other flow it answers, and the option.
    pub to: QIx,
    pub option: usize,
}

/// A named condition of `[define]`: its id and what it means in words.
#[derive(Debug, PartialEq, Eq)]
pub struct Define {
    pub id: &'static str,
    pub means: Text,
}

impl Cond {
    /// Whether the condition looks at question `q` (its named conditions written out).
    pub fn looks_at(&self, q: QIx) -> bool {
        match self {
            Cond::Always => false,
            Cond::Is(x, _) => *x == q,
            Cond::Not(c) | Cond::Def(_, c) => c.looks_at(q),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().any(|c| c.looks_at(q)),
        }
    }

    /// How many parts the condition has, its named conditions written out (see
    /// [`MAX_CONDITION_SIZE`]).
    pub fn size(&self) -> usize {
        match self {
            Cond::Always => 0,
            Cond::Is(..) => 1,
            Cond::Not(c) | Cond::Def(_, c) => 1 + c.size(),
            Cond::All(cs) | Cond::Any(cs) => 1 + cs.iter().map(Cond::size).sum::<usize>(),
        }
    }

    /// The questions the condition looks at, as a bit mask.
    pub fn refs(&self) -> u64 {
        match self {
            Cond::Always => 0,
            Cond::Is(q, _) => 1 << q,
            Cond::Not(c) | Cond::Def(_, c) => c.refs(),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().fold(0, |m, c| m | c.refs()),
        }
    }
}

/// Where a citation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// The Alibaba Cloud ICP FAQ of 2019 (exactly one source has this kind).
    Faq,
    /// A page read in 2026 for the current-practice layer.
    External,
}

/// How far a source can be trusted (the marks of `current-practice.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quality {
    /// The provider's or authority's own page or repository.
    A,
    /// A reputable secondary source.
    B,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub kind: SourceKind,
    /// How `current-practice.md` names it (its short name, URL or repository path).
    pub reference: &'static str,
    /// Who publishes it, in the reader's language (e.g. Alibaba Cloud, 阿里云).
    pub publisher: Text,
    /// Its title, in the reader's language (for a page in another language: the advisor's
    /// rendering of it; the page's language is [`Source::lang`]).
    pub title: Text,
    /// The page's address (empty for the FAQ, a document kept beside the project).
    pub url: &'static str,
    /// The same document in other languages, where the sources name one.
    pub versions: &'static [Version],
    /// The date the page shows (ISO), or `None`: no date shown.
    pub page_date: Option<&'static str>,
    /// When it was read (e.g. `2026-11`).
    pub read: &'static str,
    /// The language of the page (e.g. `en`, `zh-CN`, `zh-TW`).
    pub lang: &'static str,
    pub quality: Quality,
}

/// The same document in another language: its language and address.
#[derive(Debug, PartialEq, Eq)]
pub struct Version {
    pub lang: &'static str,
    pub url: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Faq {
    pub id: &'static str,
    /// FAQ section number, e.g. "1.2".
    pub section: &'static str,
    /// The FAQ's own wording of the question (verbatim, English).
    pub question: &'static str,
    /// The question in the reader's words, translated (the English is the FAQ's).
    pub title: Text,
    /// The advisor's answer in plain words.
    pub answer: Text,
    /// The flow that covers it.
    pub flow: FlowIx,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Flow {
    pub id: &'static str,
    pub title: Text,
    pub summary: Text,
    /// Every path through the flow must end in exactly one verdict.
    pub verdict_required: bool,
    /// The flow's questions, in the order they are asked.
    pub questions: &'static [QIx],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub flow: FlowIx,
    /// When the question is relevant (it only looks at questions asked before it).
    pub ask_if: Cond,
    pub prompt: Text,
    pub help: Text,
    /// What current practice adds to the help (e.g. where to look a filing up), with its
    /// sources: shown apart from the help, dated, and only under [the lens that shows
    /// current practice](Layer::Practice).
    pub practice: Option<&'static Part>,
    pub options: &'static [Opt],
    /// The answer is the person's own choice (where to host, which CDN, …), not a fact about
    /// them: a result names the other answers that would change its verdict ("other ways").
    pub choice: bool,
    /// Its texts travel in the pack `rest`: the page's first module hands over to the full
    /// module to ask it (see `ui/handover.rs`).
    pub full: bool,
    /// Its screen offers the offline domain check (`src/domain.rs`), which answers it.
    pub domain_check: bool,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Opt {
    pub id: &'static str,
    pub label: Text,
    pub hint: Option<Text>,
    /// (Options of a choice question) the option as another way, e.g. "If you host in Hong
    /// Kong": the start of its line in "other ways".
    pub instead: Option<Text>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub flow: FlowIx,
    pub when: Cond,
    pub then: &'static [RecIx],
}

/// What kind of advice a recommendation is; also the order they are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Required,
    NextStep,
    Warning,
    Info,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Required, Kind::NextStep, Kind::Warning, Kind::Info];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Required => "required",
            Kind::NextStep => "next-step",
            Kind::Warning => "warning",
            Kind::Info => "info",
        }
    }
}

/// Which body of knowledge a recommendation rests on. The two are always shown apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// The 2019 ICP FAQ.
    Faq,
    /// Current practice: pages read in 2026 (see `../shared/sources/current-practice.md`).
    Practice,
}

impl Layer {
    pub fn id(self) -> &'static str {
        match self {
            Layer::Faq => "faq",
            Layer::Practice => "practice",
        }
    }
}

/// When, in the course of a filing, a person acts on a recommendation ("Your plan").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Blocks everything else: do it first.
    First,
    /// Before filing.
    Before,
    /// The filing itself.
    Filing,
    /// While the application is reviewed.
    Review,
    /// After approval.
    After,
    /// From now on: what keeps a result true (no filing needed as long as …).
    Ongoing,
}

impl Phase {
    pub const ALL: [Phase; 6] =
        [Phase::First, Phase::Before, Phase::Filing, Phase::Review, Phase::After, Phase::Ongoing];

    pub fn id(self) -> &'static str {
        match self {
            Phase::First => "first",
            Phase::Before => "before",
            Phase::Filing => "filing",
            Phase::Review => "review",
            Phase::After => "after",
            Phase::Ongoing => "ongoing",
        }
    }
}

/// A fact a recommendation states: a value of a dimension (e.g. `filing = required`).
/// Two values of one dimension on one path contradict each other; one value stated by two
/// recommendations on one path is said twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fact {
    pub dim: DimIx,
    pub value: u8,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Dimension {
    pub id: &'static str,
    pub values: &'static [&'static str],
}

/// A paragraph of a recommendation's body, or one of its steps: shown when its condition
/// holds, with its own citations and facts.
#[derive(Debug, PartialEq, Eq)]
pub struct Part {
    pub when: Cond,
    pub text: Text,
    pub cites: &'static [Citation],
    pub asserts: &'static [Fact],
    /// (A timeline's paragraph) the phase it tells and how long it takes.
    pub takes: Option<Takes>,
}

/// One thing the sources say of a domain name (`provinces/domains.toml`): when it applies, and
/// its words with their citations.
#[derive(Debug, PartialEq, Eq)]
pub struct DomainNote {
    pub id: &'static str,
    /// The suffixes it is about (without the dot); empty: every name.
    pub suffixes: &'static [&'static str],
    /// The provinces (`file-in` option ids) it holds in (empty: all), and those it does not.
    pub provinces: &'static [&'static str],
    pub not_provinces: &'static [&'static str],
    /// Only for a name under a registered domain.
    pub under: bool,
    /// A known problem where it holds.
    pub problem: bool,
    pub text: Text,
    pub cites: &'static [Citation],
}

/// How long a phase of a filing takes, as a range (never one figure the sources do not give).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Takes {
    pub step: TimelineStep,
    pub from: u16,
    pub to: u16,
    pub unit: TimeUnit,
}

/// The phases of a filing a timeline draws, in the order they happen. Their names are app
/// texts (`timeline_<id with underscores>`), so that each language labels the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimelineStep {
    DomainSync,
    ProviderReview,
    SmsCheck,
    BureauReview,
    ResultSync,
    PublicSecurity,
}

impl TimelineStep {
    pub const ALL: [TimelineStep; 6] = [
        TimelineStep::DomainSync,
        TimelineStep::ProviderReview,
        TimelineStep::SmsCheck,
        TimelineStep::BureauReview,
        TimelineStep::ResultSync,
        TimelineStep::PublicSecurity,
    ];

    pub fn id(self) -> &'static str {
        match self {
            TimelineStep::DomainSync => "domain-sync",
            TimelineStep::ProviderReview => "provider-review",
            TimelineStep::SmsCheck => "sms-check",
            TimelineStep::BureauReview => "bureau-review",
            TimelineStep::ResultSync => "result-sync",
            TimelineStep::PublicSecurity => "public-security",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Hours,
    WorkingDays,
    Days,
}

impl TimeUnit {
    pub const ALL: [TimeUnit; 3] = [TimeUnit::Hours, TimeUnit::WorkingDays, TimeUnit::Days];

    pub fn id(self) -> &'static str {
        match self {
            TimeUnit::Hours => "hours",
            TimeUnit::WorkingDays => "working-days",
            TimeUnit::Days => "days",
        }
    }

    /// About how many working days `n` of this unit are (for drawing to one scale).
    pub fn working_days(self, n: u16) -> f32 {
        match self {
            TimeUnit::Hours => f32::from(n) / 24.0,
            TimeUnit::WorkingDays => f32::from(n),
            TimeUnit::Days => f32::from(n) * 5.0 / 7.0,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub id: &'static str,
    pub kind: Kind,
    pub layer: Layer,
    /// The headline outcome: exactly one applies on every complete path.
    pub verdict: bool,
    /// (Verdicts) the verdict line: one sentence that answers the flow's question with its main
    /// reason in the person's terms. The first whose condition holds is shown.
    pub answer: &'static [Part],
    /// Where it goes in "Your plan", if it is something to do.
    pub phase: Option<Phase>,
    /// The one-line plan item (default: the title).
    pub plan: Option<Text>,
    /// Plan lines that replace `plan` when their condition holds (the first that holds), so
    /// that the line fits the person (e.g. no licence for an individual).
    pub plans: &'static [Part],
    /// An alternative to the plan (e.g. hosting elsewhere): shown right after a blocking
    /// first step when the path has one.
    pub alternative: bool,
    /// Its steps are a checklist the person can tick (the documents to prepare): the app keeps
    /// the ticks with the answers, the text and Markdown exports write `[ ]` boxes, the JSON
    /// lists the items in `documents`.
    pub checklist: bool,
    /// The title where no path is known (the rule map, `explain`), and on paths where none of
    /// `titles` holds.
    pub title: Text,
    /// Titles that replace `title` when their condition holds (the first that holds), so that
    /// a heading fits the person (e.g. the document a representative office holds).
    pub titles: &'static [Part],
    pub body: &'static [Part],
    pub steps: &'static [Part],
    /// A related flow the person may want to continue with.
    pub flow: Option<FlowIx>,
    /// Recommendations that must never be given together with this one.
    pub excludes: &'static [RecIx],
    /// (Current practice) the FAQ-layer recommendations this one qualifies: it is shown next
    /// to them ("the FAQ says …; since then …").
    pub qualifies: &'static [RecIx],
    /// (Current practice) the line it adds inside the plan steps it qualifies, so that a step
    /// says itself what changed for it since 2019 (its facts then supersede the step's).
    pub amend: Option<Text>,
    pub asserts: &'static [Fact],
    pub cites: &'static [Citation],
}

impl Recommendation {
    /// Every citation of the recommendation: its own, then its verdict lines', body's and
    /// steps'.
    pub fn all_cites(&self) -> impl Iterator<Item = &'static Citation> + '_ {
        self.cites
            .iter()
            .chain(self.answer.iter().chain(self.body).chain(self.steps).flat_map(|p| p.cites.iter()))
    }

    /// The title on a path: the variant that applies (`Applied::title`), else the default.
    pub fn title_at(&self, variant: Option<usize>) -> Text {
        variant.and_then(|i| self.titles.get(i)).map_or(self.title, |p| p.text)
    }

    /// The plan line on a path: the variant that applies, else the plan line, else the title.
    pub fn plan_at(&self, variant: Option<usize>, title: Option<usize>) -> Text {
        variant
            .and_then(|i| self.plans.get(i))
            .map(|p| p.text)
            .or(self.plan)
            .unwrap_or_else(|| self.title_at(title))
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Citation {
    pub source: SourceIx,
    /// For the FAQ: the entry cited.
    pub faq: Option<FaqIx>,
    /// The words cited: the source's own words (a quote), or, when `summary`, the wording
    /// `current-practice.md` recorded for a fact the page states without a quotable sentence.
    pub text: &'static str,
    pub summary: bool,
    /// Whether the words are in their page's language ([`Source::lang`]; a quote, unless the
    /// citation says otherwise), else in the rulebook's own (a summary, or a quote the notes
    /// give in English). See [`Rulebook::words_lang`].
    pub page_language: bool,
    /// The words in a reader's language, for readers of another language than the words': the
    /// advisor's own rendering, always shown as such beside the words, never in their place
    /// (see [`Rulebook::rendering`]). One text per distinct words of a source, keyed
    /// `cite.<source>.<hash of the words>`.
    pub rendering: Text,
}

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
    /// The rendering of cited words for a reader of `lang`: `None` when the words are in the
    /// reader's language, or when no rendering is here (a language not translated yet).
    pub fn rendering(&self, c: &Citation, lang: Lang) -> Option<&'static str> {
        if same_language(self.words_lang(c), self.language(lang).code) {
            return None;
        }
        Some(self.text(c.rendering, lang)).filter(|t| !t.is_empty())
    }

    /// Every citation of the rulebook: the recommendations', then the questions'.
    pub fn citations(&self) -> impl Iterator<Item = &'static Citation> + '_ {
        self.recommendations
            .iter()
            .flat_map(|r| r.all_cites().chain(r.titles.iter().chain(r.plans).flat_map(|p| p.cites.iter())))
            .chain(self.questions.iter().flat_map(|q| q.practice.into_iter().flat_map(|p| p.cites.iter())))
            .chain(self.domain_notes.iter().flat_map(|d| d.cites.iter()))
    }

    /// The text a translation of `t` is made from: its source-language text, or, for the
    /// rendering of words written in the source language (which the source language needs no
    /// rendering of, so its table holds none), those words.
    pub fn original(&self, t: Text) -> &'static str {
        let en = self.text(t, Lang::SOURCE);
        if !en.is_empty() {
            return en;
        }
        self.citations().find(|c| c.rendering == t).map_or("", |c| c.text)
    }

    /// Whether a language needs text `t`: every text, except the rendering of words already in
    /// that language.
    pub fn needs(&self, t: Text, lang: Lang) -> bool {
        let code = self.language(lang).code;
        !self.citations().any(|c| c.rendering == t && same_language(self.words_lang(c), code))
    }

    /// The language cited words are in: their page's, or the rulebook's (the source language).
    pub fn words_lang(&self, c: &Citation) -> &'static str {
        if c.page_language {
            self.sources.get(c.source).map_or("en", |s| s.lang)
        } else {
            self.language(Lang::SOURCE).code
        }
    }

    /// A text in a language (the source language's if the language lacks it).
    pub fn text(&self, t: Text, lang: Lang) -> &'static str {
        let Some((pack, at)) = self.locate(t) else { return "" };
        self.table(lang, pack)
            .and_then(|tt| tt.get(at))
            .or_else(|| self.table(Lang::SOURCE, pack).and_then(|tt| tt.get(at)))
            .unwrap_or("")
    }

    /// The pack a text travels in, and where it is among the pack's texts.
    pub fn locate(&self, t: Text) -> Option<(PackIx, usize)> {
        self.packs.iter().enumerate().find_map(|(i, p)| Some((i, p.position(t)?)))
    }

    /// A language's texts of a pack: built in, or fetched; `None` while they are not here.
    fn table(&self, lang: Lang, pack: PackIx) -> Option<&TextTable> {
        let l = self.languages.get(lang.0 as usize)?;
        match l.texts.get(pack) {
            Some(t) if !t.ends.is_empty() || self.packs.get(pack).is_some_and(Pack::is_empty) => Some(t),
            _ => l.fetched.get(pack)?.get(),
        }
    }

    /// Whether a language's texts of a pack are here (built in, or fetched).
    pub fn has_pack(&self, lang: Lang, pack: PackIx) -> bool {
        self.table(lang, pack).is_some()
    }

    /// The packs this build needs in every language it shows: those it carries built in in the
    /// source language (the page's first module: `first`; the full module, natively and debug
    /// builds: every pack).
    pub fn needed_packs(&self) -> impl Iterator<Item = PackIx> + '_ {
        (0..self.packs.len()).filter(|&p| {
            self.languages.first().and_then(|l| l.texts.get(p)).is_some_and(|t| !t.ends.is_empty())
                || self.packs[p].is_empty()
        })
    }

    /// Whether a language's texts are here, every pack this build needs (always, natively; in
    /// the Wasm, the source language's, and the others' once [`Rulebook::install_texts`] took
    /// their files).
    pub fn has_texts(&self, lang: Lang) -> bool {
        self.needed_packs().all(|p| self.has_pack(lang, p))
    }

    /// The files a language still needs (see [`Rulebook::needed_packs`]): their names beside
    /// the app, in pack order.
    pub fn missing_files(&self, lang: Lang) -> Vec<&'static str> {
        let Some(l) = self.languages.get(lang.0 as usize) else { return Vec::new() };
        self.needed_packs()
            .filter(|&p| !self.has_pack(lang, p))
            .filter_map(|p| l.files.get(p).copied().filter(|f| !f.is_empty()))
            .collect()
    }

    /// The contents of a language's texts file of a pack (see [`Language::files`]): a first
    /// line naming the format, the language, the pack and its number of texts, then the
    /// texts, each ended by [`TEXTS_SEPARATOR`]. `None` if the texts are not here.
    pub fn texts_file(&self, lang: Lang, pack: PackIx) -> Option<String> {
        let (l, p) = (self.languages.get(lang.0 as usize)?, self.packs.get(pack)?);
        let table = self.table(lang, pack)?;
        Some(texts_file(l.code, p.id, (0..p.len()).map(|i| table.get(i).unwrap_or(""))))
    }

    /// Takes a language's texts of a pack from the contents of its texts file (the file names
    /// both). Checks that the file is one (format, language, pack, number of texts, every
    /// text well cut) and says what is wrong otherwise; never panics. Texts already here stay
    /// as they are.
    pub fn install_texts(&self, lang: Lang, file: &str) -> Result<(), String> {
        let l = self.languages.get(lang.0 as usize).ok_or("no such language")?;
        let (head, body) = file.split_once('\n').ok_or("not a texts file (no first line)")?;
        let head = head.trim_end_matches('\r');
        let header = |p: &Pack| format!("{TEXTS_MAGIC} {} {} {}", l.code, p.id, p.len());
        let Some(pack) = self.packs.iter().position(|p| head == header(p)) else {
            let ids: Vec<&str> = self.packs.iter().map(|p| p.id).collect();
            return Err(format!(
                "not the texts this version needs: its first line is \"{}\", expected \"{TEXTS_MAGIC} {} <{}> <count>\"",
                head.chars().take(60).collect::<String>(),
                l.code,
                ids.join("|")
            ));
        };
        if self.has_pack(lang, pack) {
            return Ok(());
        }
        let count = self.packs[pack].len();
        let mut ends = Vec::with_capacity(count);
        let mut all = String::with_capacity(body.len().min(MAX_TEXT_BYTES));
        for part in body.split_terminator(TEXTS_SEPARATOR) {
            all.push_str(part);
            if all.len() > MAX_TEXT_BYTES {
                return Err("the texts are too long".to_string());
            }
            ends.push(all.len() as u32);
        }
        if ends.len() != count || !(body.ends_with(TEXTS_SEPARATOR) || count == 0 && body.is_empty()) {
            return Err(format!("the file holds {} texts, expected {count}", ends.len()));
        }
        let table =
            TextTable { all: Box::leak(all.into_boxed_str()), ends: Box::leak(ends.into_boxed_slice()) };
        if let Some(cell) = l.fetched.get(pack) {
            let _ = cell.set(table);
        }
        Ok(())
    }

    /// The number of texts (rulebook and app) each language has.
    pub fn text_count(&self) -> usize {
        self.packs.iter().map(Pack::len).sum()
    }

    /// Calls `f` with every text the tables refer to (not the app's own texts), once for each
    /// place that refers to it.
    pub fn for_each_text(&self, mut f: impl FnMut(Text)) {
        let part = |p: &Part, f: &mut dyn FnMut(Text)| {
            f(p.text);
            p.cites.iter().for_each(|c| f(c.rendering));
        };
        let parts = |ps: &[Part], f: &mut dyn FnMut(Text)| ps.iter().for_each(|p| part(p, f));
        for s in self.sources {
            f(s.publisher);
            f(s.title);
        }
        for d in self.defines {
            f(d.means);
        }
        for q in self.faqs {
            f(q.title);
            f(q.answer);
        }
        for fl in self.flows {
            f(fl.title);
            f(fl.summary);
        }
        for q in self.questions {
            f(q.prompt);
            f(q.help);
            q.practice.into_iter().for_each(|p| part(p, &mut f));
            for o in q.options {
                f(o.label);
                o.hint.into_iter().chain(o.instead).for_each(&mut f);
            }
        }
        for d in self.domain_notes {
            f(d.text);
            d.cites.iter().for_each(|c| f(c.rendering));
        }
        for r in self.recommendations {
            f(r.title);
            r.plan.into_iter().chain(r.amend).for_each(&mut f);
            r.cites.iter().for_each(|c| f(c.rendering));
            for ps in [r.answer, r.plans, r.titles, r.body, r.steps] {
                parts(ps, &mut f);
            }
        }
    }

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

    /// Parses a language tag such as `en`, `en-GB` or `zh-Hans-CN` (case-insensitive): the
    /// language whose code matches it exactly, else the first whose primary subtag matches.
    pub fn lang(&self, tag: &str) -> Option<Lang> {
        // (ASCII white space only: the page's head script reads tags the same way.)
        let tag = tag.trim_matches(|c: char| c.is_ascii_whitespace());
        let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let exact = self.languages.iter().position(|l| l.code.eq_ignore_ascii_case(tag));
        let ix = exact.or_else(|| {
            let want = primary(tag);
            self.languages.iter().position(|l| !want.is_empty() && primary(l.code) == want)
        })?;
        Some(Lang(ix as u8))
    }

    pub fn language(&self, lang: Lang) -> &'static Language {
        &self.languages[(lang.0 as usize).min(self.languages.len() - 1)]
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
