//! How a result is presented: the outcome first, then "Your plan" in the order a person acts,
//! then the cards in reading order, each current-practice note next to the FAQ advice it
//! qualifies. Pure and typed (indices, enums); the UI renders it directly, and
//! [`crate::report`] turns it into the serialisable `Advice` for the CLI and the JS API, so
//! every output shows the same order.

use crate::engine::{sort_small, Applied, Evaluation};
use crate::rulebook::{Citation, Layer, Phase, RecIx, Rulebook};

/// The headline of a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// The verdict (exactly one on every complete path).
    pub verdict: RecIx,
    /// A step that blocks everything else and so leads the result (e.g. a certificate to
    /// obtain before any filing), if the path has one that is not the verdict itself.
    pub first: Option<RecIx>,
}

impl Headline {
    /// The recommendation the result leads with: the blocking step, else the verdict.
    pub fn lead(&self) -> RecIx {
        self.first.unwrap_or(self.verdict)
    }
}

/// One line of "Your plan".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanStep {
    pub phase: Phase,
    pub rec: RecIx,
    /// An alternative to the blocking first step ("or instead: …").
    pub alternative: bool,
}

/// One card, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// Index into [`Evaluation::advice`].
    pub applied: usize,
    pub rec: RecIx,
    pub layer: Layer,
    /// A current-practice note shown next to this FAQ card (which it qualifies).
    pub attached_to: Option<RecIx>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Presentation {
    pub headline: Option<Headline>,
    pub plan: Vec<PlanStep>,
    /// A blocking step and its alternative first, then the verdict, then the FAQ's other
    /// cards by kind, each followed by the notes that qualify it; then the remaining
    /// current-practice notes.
    pub cards: Vec<Card>,
}

/// Arranges a complete evaluation for reading (an incomplete one presents nothing).
pub fn present(book: &Rulebook, ev: &Evaluation, lens: Lens) -> Presentation {
    if !ev.is_complete() {
        return Presentation::default();
    }
    let rec = |a: &Applied| &book.recommendations[a.rec];
    let shown: Vec<usize> = (0..ev.advice.len()).filter(|&i| lens.shows(rec(&ev.advice[i]).layer)).collect();
    let blocking: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&i| rec(&ev.advice[i]).phase == Some(Phase::First) && !rec(&ev.advice[i]).verdict)
        .collect();
    let headline =
        ev.verdict.map(|verdict| Headline { verdict, first: blocking.first().map(|&i| ev.advice[i].rec) });

    // FAQ cards in reading order: verdict, blocking steps, alternatives (when something
    // blocks), then by kind (the engine's order).
    let mut faq: Vec<usize> =
        shown.iter().copied().filter(|&i| rec(&ev.advice[i]).layer == Layer::Faq).collect();
    let has_blocking = !blocking.is_empty();
    sort_small(&mut faq, |&i| {
        let r = rec(&ev.advice[i]);
        // A blocking step leads (it is the headline), its alternative next to it, then the
        // verdict ("then …"); without one, the verdict leads.
        let rank = if r.phase == Some(Phase::First) && !r.verdict {
            0
        } else if r.alternative && has_blocking {
            1
        } else if r.verdict {
            2
        } else {
            3
        };
        (rank, i)
    });
    let practice: Vec<usize> =
        shown.iter().copied().filter(|&i| rec(&ev.advice[i]).layer == Layer::Practice).collect();
    // Each practice note goes next to the first FAQ card on the path that it qualifies.
    let host_of = |p: usize| -> Option<usize> {
        let qualifies = rec(&ev.advice[p]).qualifies;
        faq.iter().copied().find(|&f| qualifies.contains(&ev.advice[f].rec))
    };
    let mut cards = Vec::with_capacity(shown.len());
    let card = |i: usize, attached_to: Option<RecIx>| Card {
        applied: i,
        rec: ev.advice[i].rec,
        layer: rec(&ev.advice[i]).layer,
        attached_to,
    };
    for &f in &faq {
        cards.push(card(f, None));
        for &p in &practice {
            if host_of(p) == Some(f) {
                cards.push(card(p, Some(ev.advice[f].rec)));
            }
        }
    }
    let mut rest: Vec<usize> = practice.iter().copied().filter(|&p| host_of(p).is_none()).collect();
    sort_small(&mut rest, |&i| (rec(&ev.advice[i]).phase.is_none(), rec(&ev.advice[i]).phase, i));
    cards.extend(rest.into_iter().map(|p| card(p, None)));

    // The plan: every card with a phase, in phase order (FAQ advice before the notes of
    // current practice within a phase); an alternative follows the blocking steps.
    let mut plan: Vec<PlanStep> = Vec::new();
    for c in &cards {
        let r = &book.recommendations[c.rec];
        if let Some(phase) = r.phase {
            plan.push(PlanStep { phase, rec: c.rec, alternative: false });
        } else if r.alternative && has_blocking {
            plan.push(PlanStep { phase: Phase::First, rec: c.rec, alternative: true });
        }
    }
    sort_small(&mut plan, |s| {
        let r = &book.recommendations[s.rec];
        (s.phase, s.alternative, r.layer, r.kind, cards.iter().position(|c| c.rec == s.rec))
    });
    Presentation { headline, plan, cards }
}

/// The citations of a recommendation as given on a path: its own and those of the paragraphs
/// and steps that apply, each once.
pub fn citations(book: &Rulebook, a: &Applied) -> Vec<&'static Citation> {
    let rec = &book.recommendations[a.rec];
    let parts = a.body.iter().map(|&i| &rec.body[i]).chain(a.steps.iter().map(|&i| &rec.steps[i]));
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
