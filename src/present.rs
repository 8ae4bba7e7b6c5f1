//! How a result is presented, answer first: the verdict line (the flow's question answered, with
//! its reason), the one thing to do first, then "Your plan" — one numbered list in the order a
//! person acts, each step carrying its own why and source and the current-practice notes that
//! qualify it — then the other ways (another answer to one of the person's own choices that
//! changes the verdict), then "Good to know" (what is not a step). Pure and typed (indices,
//! enums): the UI renders it directly, and [`crate::report`] turns it into the serialisable
//! `Advice` for the CLI and the JS API, so every output shows the same order.

use crate::answers::AnswerSet;
use crate::engine::{evaluate, sort_small, Applied, Evaluation};
use crate::rulebook::{Citation, Layer, Phase, QIx, RecIx, Rulebook, Text};

/// The headline of a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// The verdict (exactly one on every complete path): the page's heading.
    pub verdict: RecIx,
    /// A step that blocks everything else (e.g. a certificate to obtain before any filing), if
    /// the path has one that is not the verdict itself: the plan starts with it.
    pub first: Option<RecIx>,
}

/// One step of "Your plan".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanStep {
    pub phase: Phase,
    pub rec: RecIx,
    /// Index into [`Evaluation::advice`].
    pub applied: usize,
    /// An alternative to the blocking first step ("or instead: …").
    pub alternative: bool,
}

/// Where a card is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A step of the plan (its details fold under the step).
    Plan,
    /// The verdict, when it is not a step itself: its details fold under the verdict line.
    Verdict,
    /// What is not a step: "Good to know", collapsed after the plan.
    GoodToKnow,
}

impl Place {
    pub fn id(self) -> &'static str {
        match self {
            Place::Plan => "plan",
            Place::Verdict => "verdict",
            Place::GoodToKnow => "good-to-know",
        }
    }
}

/// One card, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// Index into [`Evaluation::advice`].
    pub applied: usize,
    pub rec: RecIx,
    pub layer: Layer,
    /// A current-practice note read inside this card (the FAQ advice it qualifies).
    pub attached_to: Option<RecIx>,
    pub place: Place,
}

/// Another answer to one of the person's own choices (a `choice` question) that leads to
/// another verdict, with the other answers kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherWay {
    pub question: QIx,
    pub option: usize,
    /// The answers of that result: today's, with this one changed.
    pub answers: AnswerSet,
    /// The verdict it leads to, and its title there.
    pub verdict: RecIx,
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Presentation {
    pub headline: Option<Headline>,
    /// The verdict line that applies: an index into the verdict's `answer` parts.
    pub answer: Option<usize>,
    /// "Your plan": the blocking step first, its alternative next to it, then by phase (FAQ
    /// advice before current practice within a phase).
    pub plan: Vec<PlanStep>,
    pub other_ways: Vec<OtherWay>,
    /// Every card shown, each once: the plan's (in plan order, each followed by the notes read
    /// inside it), then the verdict's (if it is not a step), then "Good to know" (FAQ advice by
    /// kind, each with its notes, then the remaining current-practice notes).
    pub cards: Vec<Card>,
}

impl Presentation {
    /// The one thing to do first: the plan's first step.
    pub fn first_action(&self) -> Option<&PlanStep> {
        self.plan.first()
    }

    /// The current-practice notes read inside a card (after it, or folded under its step).
    pub fn notes_on(&self, rec: RecIx) -> impl Iterator<Item = &Card> + '_ {
        self.cards.iter().filter(move |c| c.attached_to == Some(rec))
    }

    /// The card of a recommendation.
    pub fn card(&self, rec: RecIx) -> Option<&Card> {
        self.cards.iter().find(|c| c.rec == rec)
    }

    /// The cards of "Good to know" that stand on their own (their notes follow each).
    pub fn good_to_know(&self) -> impl Iterator<Item = &Card> + '_ {
        self.cards.iter().filter(|c| c.place == Place::GoodToKnow && c.attached_to.is_none())
    }
}

/// Arranges a complete evaluation for reading (an incomplete one presents nothing).
pub fn present(book: &Rulebook, ev: &Evaluation, lens: Lens) -> Presentation {
    if !ev.is_complete() {
        return Presentation::default();
    }
    let rec = |i: usize| &book.recommendations[ev.advice[i].rec];
    let shown: Vec<usize> = (0..ev.advice.len()).filter(|&i| lens.shows(rec(i).layer)).collect();
    let blocking: Vec<usize> =
        shown.iter().copied().filter(|&i| rec(i).phase == Some(Phase::First) && !rec(i).verdict).collect();
    // An alternative to the plan (hosting elsewhere) answers the FAQ's blocking steps (no
    // presence, cannot file); a province's refusal of a person from another province says its
    // own way out (file where the ID card was issued), so it pulls none in.
    let has_blocking = blocking.iter().any(|&i| rec(i).layer == Layer::Faq);
    let headline =
        ev.verdict.map(|verdict| Headline { verdict, first: blocking.first().map(|&i| ev.advice[i].rec) });
    let answer = ev.advice.iter().find(|a| Some(a.rec) == ev.verdict).and_then(|a| a.answer);

    // The plan: every shown recommendation with a phase, and an alternative to a blocking step.
    let mut plan: Vec<PlanStep> = Vec::new();
    for &i in &shown {
        let r = rec(i);
        if let Some(phase) = r.phase {
            plan.push(PlanStep { phase, rec: ev.advice[i].rec, applied: i, alternative: false });
        } else if r.alternative && has_blocking {
            plan.push(PlanStep { phase: Phase::First, rec: ev.advice[i].rec, applied: i, alternative: true });
        }
    }
    sort_small(&mut plan, |s| {
        let r = &book.recommendations[s.rec];
        (s.phase, s.alternative, r.layer, r.kind, s.applied)
    });

    // Where each card is read.
    let in_plan = |i: usize| plan.iter().any(|s| s.applied == i);
    let place = |i: usize| {
        if in_plan(i) {
            Place::Plan
        } else if Some(ev.advice[i].rec) == ev.verdict {
            Place::Verdict
        } else {
            Place::GoodToKnow
        }
    };
    // A current-practice note that is not a step is read inside the first FAQ card it
    // qualifies: in the plan's order, then the verdict, then "Good to know".
    let mut faq: Vec<usize> = shown.iter().copied().filter(|&i| rec(i).layer == Layer::Faq).collect();
    sort_small(&mut faq, |&i| {
        let rank = match place(i) {
            Place::Plan => plan.iter().position(|s| s.applied == i).unwrap_or(0),
            Place::Verdict => plan.len(),
            Place::GoodToKnow => plan.len() + 1,
        };
        (rank, rec(i).kind, i)
    });
    let host_of = |p: usize| -> Option<usize> {
        if in_plan(p) {
            return None;
        }
        let qualifies = rec(p).qualifies;
        faq.iter().copied().find(|&f| qualifies.contains(&ev.advice[f].rec))
    };
    let card = |i: usize, attached_to: Option<usize>| Card {
        applied: i,
        rec: ev.advice[i].rec,
        layer: rec(i).layer,
        attached_to: attached_to.map(|h| ev.advice[h].rec),
        place: attached_to.map_or_else(|| place(i), place),
    };
    let practice: Vec<usize> = shown.iter().copied().filter(|&i| rec(i).layer == Layer::Practice).collect();
    let mut cards = Vec::with_capacity(shown.len());
    let own = |i: usize, cards: &mut Vec<Card>| {
        cards.push(card(i, None));
        for &p in &practice {
            if host_of(p) == Some(i) {
                cards.push(card(p, Some(i)));
            }
        }
    };
    for s in &plan {
        own(s.applied, &mut cards);
    }
    for &f in &faq {
        if place(f) != Place::Plan {
            own(f, &mut cards);
        }
    }
    let mut rest: Vec<usize> =
        practice.iter().copied().filter(|&p| !in_plan(p) && host_of(p).is_none()).collect();
    sort_small(&mut rest, |&i| (rec(i).kind, i));
    cards.extend(rest.into_iter().map(|p| card(p, None)));

    let other_ways = ev.verdict.map_or_else(Vec::new, |v| other_ways(book, ev, v));
    Presentation { headline, answer, plan, other_ways, cards }
}

/// The other answers to the person's own choices that lead to another verdict: each choice
/// question answered on the path, each of its other options, with every other answer kept;
/// only those whose result is complete (it needs no further answer) and whose verdict differs.
pub fn other_ways(book: &Rulebook, ev: &Evaluation, verdict: RecIx) -> Vec<OtherWay> {
    let mut out = Vec::new();
    let relevant = ev.relevant();
    for &(q, chosen) in &ev.asked {
        let question = &book.questions[q];
        if !question.choice {
            continue;
        }
        for option in (0..question.options.len()).filter(|&o| o != chosen) {
            let mut answers = relevant;
            answers.set(q, option);
            let other = evaluate(book, &answers);
            match other.verdict {
                Some(v) if other.is_complete() && v != verdict => out.push(OtherWay {
                    question: q,
                    option,
                    answers: other.relevant(),
                    verdict: v,
                    title: title_of(book, &other, v),
                }),
                _ => {}
            }
        }
    }
    out
}

/// A recommendation's title on a path: the variant its answers choose, else its default.
pub fn title_of(book: &Rulebook, ev: &Evaluation, rec: RecIx) -> Text {
    ev.advice.iter().find(|a| a.rec == rec).map_or(book.recommendations[rec].title, |a| a.title(book))
}

/// The citations of a recommendation as given on a path: its own and those of the verdict line,
/// paragraphs and steps that apply, each once.
pub fn citations(book: &Rulebook, a: &Applied) -> Vec<&'static Citation> {
    let rec = &book.recommendations[a.rec];
    let parts = a
        .answer
        .iter()
        .map(|&i| &rec.answer[i])
        .chain(a.body.iter().map(|&i| &rec.body[i]))
        .chain(a.steps.iter().map(|&i| &rec.steps[i]));
    let mut out: Vec<&'static Citation> = Vec::new();
    for c in rec.cites.iter().chain(parts.flat_map(|p| p.cites.iter())) {
        if !out.iter().any(|x| x == &c) {
            out.push(c);
        }
    }
    out
}

/// The current-practice notes that qualify the FAQ's advice resting on an FAQ entry (for the
/// FAQ page: "since 2019" beside the answer).
pub fn notes_on_faq(book: &Rulebook, faq: crate::rulebook::FaqIx) -> Vec<RecIx> {
    let resting: Vec<RecIx> = (0..book.recommendations.len())
        .filter(|&r| book.recommendations[r].layer == Layer::Faq)
        .filter(|&r| book.recommendations[r].all_cites().next().is_some_and(|c| c.faq == Some(faq)))
        .collect();
    (0..book.recommendations.len())
        .filter(|&p| book.recommendations[p].qualifies.iter().any(|q| resting.contains(q)))
        .collect()
}

/// Which layers of advice to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lens {
    /// The FAQ's advice and the current-practice notes (the default).
    #[default]
    All,
    /// The FAQ's advice alone, for readers who must follow the document as published.
    FaqOnly,
}

impl Lens {
    pub fn id(self) -> &'static str {
        match self {
            Lens::All => "all",
            Lens::FaqOnly => "faq",
        }
    }

    pub fn parse(s: &str) -> Option<Lens> {
        match s {
            "all" => Some(Lens::All),
            "faq" => Some(Lens::FaqOnly),
            _ => None,
        }
    }

    pub fn shows(self, layer: Layer) -> bool {
        self == Lens::All || layer == Layer::Faq
    }
}

/// One result, evaluated and presented once: what every renderer of it reads (the result
/// screen, the document's title, the events a mounted advisor sends, copy-as-text). Two are
/// equal when their answers and lens are: the rest follows from them.
#[derive(Clone)]
pub struct Outcome {
    pub answers: AnswerSet,
    pub lens: Lens,
    pub ev: Evaluation,
    pub shown: Presentation,
}

impl Outcome {
    pub fn new(book: &Rulebook, answers: AnswerSet, lens: Lens) -> Outcome {
        let ev = evaluate(book, &answers);
        let shown = present(book, &ev, lens);
        Outcome { answers, lens, ev, shown }
    }
}

impl PartialEq for Outcome {
    fn eq(&self, other: &Outcome) -> bool {
        (self.answers, self.lens) == (other.answers, other.lens)
    }
}
