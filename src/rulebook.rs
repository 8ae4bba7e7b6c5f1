//! The rulebook's types. The data itself is written in `rules/rulebook.toml`; `build.rs`
//! validates it and turns it into the static [`RULEBOOK`] below, so nothing is parsed at
//! run time and the Wasm carries only compact tables.

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

/// A translatable text: an index into the per-language text tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text(pub u16);

/// The languages the rulebook's texts are available in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, as used in `<html lang>`, links and the APIs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Parses a language tag such as `en` or `en-GB` (case-insensitive).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            // Chinese is offered in Simplified characters only; the advisor's texts are
            // written for readers in mainland China.
            "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        let (all, ends) = match lang {
            Lang::En => (generated::TEXT_EN_ALL, &generated::TEXT_EN_ENDS),
            Lang::ZhCn => (generated::TEXT_ZH_ALL, &generated::TEXT_ZH_ENDS),
        };
        let i = self.0 as usize;
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        // (build.rs cuts at text boundaries, so this never falls back.)
        all.get(start..ends[i] as usize).unwrap_or("")
    }

    /// How many texts the rulebook has (the same in every language).
    pub const COUNT: usize = generated::TEXT_EN_ENDS.len();
}

/// A condition over the answers given so far.
#[derive(Debug)]
pub enum Cond {
    Always,
    /// The question was asked and answered with one of the options in the bit mask.
    Is(QIx, u32),
    Not(&'static Cond),
    All(&'static [Cond]),
    Any(&'static [Cond]),
}

#[derive(Debug)]
pub struct Faq {
    pub id: &'static str,
    /// FAQ section number, e.g. "1.2".
    pub section: &'static str,
    /// The FAQ's own wording of the question (verbatim).
    pub question: &'static str,
    /// The advisor's answer in plain words.
    pub answer: Text,
    /// The flow that covers it.
    pub flow: FlowIx,
}

#[derive(Debug)]
pub struct Flow {
    pub id: &'static str,
    pub title: Text,
    pub summary: Text,
    /// Every path through the flow must end in exactly one verdict.
    pub verdict_required: bool,
    /// The flow's questions, in the order they are asked.
    pub questions: &'static [QIx],
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub flow: FlowIx,
    /// When the question is relevant (it only looks at questions asked before it).
    pub ask_if: Cond,
    pub prompt: Text,
    pub help: Text,
    pub options: &'static [Opt],
}

#[derive(Debug)]
pub struct Opt {
    pub id: &'static str,
    pub label: Text,
    pub hint: Option<Text>,
}

#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub flow: FlowIx,
    pub when: Cond,
    pub then: &'static [RecIx],
    /// Bit mask of the questions the condition looks at (for the why-trace).
    /// (A rule's `note` in the TOML is for reviewers and is not compiled in.)
    pub refs: u64,
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

#[derive(Debug)]
pub struct Recommendation {
    pub id: &'static str,
    pub kind: Kind,
    /// A verdict is the headline answer; at most one applies on any path.
    pub verdict: bool,
    pub title: Text,
    pub body: Text,
    pub steps: &'static [Text],
    /// A related flow the person may want to continue with.
    pub flow: Option<FlowIx>,
    /// Recommendations that must never be given together with this one.
    pub excludes: &'static [RecIx],
    pub cites: &'static [Citation],
}

#[derive(Debug)]
pub struct Citation {
    pub faq: FaqIx,
    /// The FAQ sentence(s) quoted word for word.
    pub quote: &'static str,
}

#[derive(Debug)]
pub struct Rulebook {
    pub version: u32,
    pub source: &'static str,
    pub faqs: &'static [Faq],
    pub flows: &'static [Flow],
    pub questions: &'static [Question],
    pub rules: &'static [Rule],
    pub recommendations: &'static [Recommendation],
}

mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/rulebook.rs"));
}

#[cfg(not(target_arch = "wasm32"))]
pub use generated::{MISSING_ZH, TEXT_KEYS};
pub use generated::{QUESTION_COUNT, RULEBOOK};

impl Rulebook {
    pub fn flow(&self, id: &str) -> Option<FlowIx> {
        self.flows.iter().position(|f| f.id == id)
    }
    pub fn question(&self, id: &str) -> Option<QIx> {
        self.questions.iter().position(|q| q.id == id)
    }
    pub fn recommendation(&self, id: &str) -> Option<RecIx> {
        self.recommendations.iter().position(|r| r.id == id)
    }
    pub fn faq(&self, id: &str) -> Option<FaqIx> {
        self.faqs.iter().position(|f| f.id == id)
    }
}

impl Question {
    pub fn option(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
}
