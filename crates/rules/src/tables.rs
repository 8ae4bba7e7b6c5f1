//! The types of the rulebook's tables: conditions, sources and FAQ entries, flows and
//! questions, rules, recommendations with their parts and citations, facts, domain notes.

use crate::*;

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
