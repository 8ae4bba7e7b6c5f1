//! Recommendations (`[[recommendation]]`): their kind, group and phase, their titles and plan
//! lines, paragraphs, verdict lines and steps (each a part: text, a condition, citations,
//! facts, a duration), the layer their citations make them, and their links to others.

use super::cites::Citer;
use super::conditions::Conditions;
use super::facts::facts;
use super::raw::{self, Body, Part as RawPart};
use super::texts::Texts;
use super::{At, Ctx, Items};
use crate::compile::{leak_slice, leak_str, Error};
use crate::*;
use std::collections::BTreeMap;

/// What the recommendations refer to, built by the sections before.
pub(super) struct Refs<'a> {
    pub conds: &'a Conditions<'a>,
    pub citer: &'a Citer<'a>,
    pub dimensions: &'a [Dimension],
    /// For every recommendation, the flows whose rules give it.
    pub rec_flows: Vec<Vec<FlowIx>>,
}

/// Every recommendation; then a recommendation may qualify only FAQ advice.
pub(super) fn recommendations(
    ctx: &Ctx<'_>,
    items: &Items<'_>,
    refs: &Refs<'_>,
    texts: &mut Texts,
) -> Result<Vec<Recommendation>, Error> {
    let mut recommendations = Vec::new();
    for (ri, (at, r)) in items.recs.iter().enumerate() {
        // (A recommendation no rule gives compiles — `icp-advisor check` reports it — so that
        // a rulebook with a rule removed can still be compared with `icp-advisor diff`.)
        let flow_of = match refs.rec_flows[ri].as_slice() {
            [] => None,
            [f] => Some(Some(*f)),
            _ => Some(None),
        };
        let rec = Rec { ctx, at: *at, r, refs, flow_of };
        recommendations.push(rec.build(ri, items, texts)?);
    }
    for (ri, r) in recommendations.iter().enumerate() {
        for &q in r.qualifies {
            if recommendations[q].layer != Layer::Faq {
                return Err(ctx.err(
                    items.recs[ri].0,
                    format!(
                        "recommendation `{}`: qualifies `{}`, which is not FAQ advice",
                        r.id, recommendations[q].id
                    ),
                ));
            }
        }
    }
    Ok(recommendations)
}

/// One recommendation being built.
struct Rec<'a> {
    ctx: &'a Ctx<'a>,
    at: At,
    r: &'a raw::Rec,
    refs: &'a Refs<'a>,
    /// The flow whose rules give it: `None` if none does, `Some(None)` if several do (its
    /// conditions may then name no question).
    flow_of: Option<Option<FlowIx>>,
}

impl Rec<'_> {
    fn place(&self, m: String) -> Error {
        self.ctx.err(self.at, format!("recommendation `{}`: {m}", self.r.id))
    }

    fn key(&self, k: &str) -> String {
        format!("rec.{}.{k}", self.r.id)
    }

    /// Whether its conditions may name the question `x`.
    fn in_flow(&self, x: QIx) -> Option<&'static str> {
        match self.flow_of {
            None => None,
            Some(Some(f)) if self.refs.conds.q_flow[x] == f => None,
            Some(Some(_)) => Some("belongs to another flow"),
            Some(None) => Some("cannot be used: the recommendation is given in several flows"),
        }
    }

    /// The recommendation, its texts added to `texts` in the order the fields are written.
    fn build(&self, ri: RecIx, items: &Items<'_>, texts: &mut Texts) -> Result<Recommendation, Error> {
        let r = self.r;
        let kind = kind(&r.kind).map_err(|m| self.place(m))?;
        let verdict = match r.group.as_deref() {
            None => false,
            Some("verdict") => true,
            Some(g) => return Err(self.place(format!("unknown group `{g}` (the only group is `verdict`)"))),
        };
        let phase = match r.phase.as_deref() {
            None => None,
            Some(p) => Some(phase(p).map_err(|m| self.place(m))?),
        };
        let (title, titles) = self.variants("title", "title", &r.title, texts)?;
        let (plan, plans) = match &r.plan {
            Some(p) => {
                let (t, v) = self.variants("plan", "plan line", p, texts)?;
                (Some(t), v)
            }
            None => (None, Vec::new()),
        };
        let body = self.parts_of("body", "paragraph", &r.body, texts)?;
        let answer = self.answer(verdict, texts)?;
        let steps = r
            .steps
            .iter()
            .enumerate()
            .map(|(i, p)| self.part(self.key(&format!("steps.{i}")), format!("step {}", i + 1), p, texts))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| self.place(m))?;
        let own = self.refs.citer.cites(&r.cite, texts).map_err(|m| self.place(m))?;
        let layer = self.layer(own, &answer, &body, &steps)?;
        let flow = match &r.flow {
            Some(f) => Some(items.flow_ix(f).ok_or_else(|| self.place(format!("unknown flow `{f}`")))?),
            None => None,
        };
        let excludes = self.links(&r.excludes, "excludes", ri, items)?;
        let qualifies = self.links(&r.qualifies, "qualifies", ri, items)?;
        if !qualifies.is_empty() && layer != Layer::Practice {
            return Err(self.place("only current-practice recommendations qualify others".into()));
        }
        let amend = match &r.amend {
            Some(_) if qualifies.is_empty() => {
                return Err(
                    self.place("`amend` speaks inside the steps it qualifies: give `qualifies` too".into())
                )
            }
            Some(t) => Some(texts.add(self.key("amend"), t).map_err(|m| self.place(m))?),
            None => None,
        };
        Ok(Recommendation {
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
            asserts: facts(self.refs.dimensions, &r.asserts).map_err(|m| self.place(m))?,
            cites: own,
        })
    }

    /// A paragraph, step, verdict line, title or plan line, keyed `k` and named `label` in
    /// messages.
    fn part(&self, k: String, label: String, p: &RawPart, texts: &mut Texts) -> Result<Part, String> {
        let (text, when, cite, asserts, takes) = match p {
            RawPart::Text(t) => (t, None, &[][..], &BTreeMap::new(), None),
            RawPart::Full(f) => (&f.text, f.when.as_deref(), &f.cite[..], &f.asserts, f.takes.as_ref()),
        };
        let takes = match takes {
            None => None,
            Some(t) => Some(self::takes(&label, t)?),
        };
        let when = match when {
            Some(src) => {
                self.refs.conds.parse(src, &|x| self.in_flow(x)).map_err(|e| format!("{label}: when: {e}"))?
            }
            None => Cond::Always,
        };
        Ok(Part {
            when,
            text: texts.add(k, text)?,
            cites: self.refs.citer.cites(cite, texts).map_err(|e| format!("{label}: {e}"))?,
            asserts: facts(self.refs.dimensions, asserts).map_err(|e| format!("{label}: {e}"))?,
            takes,
        })
    }

    /// One text, or a list of parts (keyed `<field>.<i>`).
    fn parts_of(&self, field: &str, label: &str, b: &Body, texts: &mut Texts) -> Result<Vec<Part>, Error> {
        match b {
            Body::One(t) => Ok(vec![self
                .part(self.key(field), label.into(), &RawPart::Text(t.clone()), texts)
                .map_err(|m| self.place(m))?]),
            Body::Parts(ps) => {
                if ps.is_empty() {
                    return Err(self.place(format!("{field} is empty")));
                }
                ps.iter()
                    .enumerate()
                    .map(|(i, p)| {
                        self.part(self.key(&format!("{field}.{i}")), format!("{label} {}", i + 1), p, texts)
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|m| self.place(m))
            }
        }
    }

    /// A title (or plan line) is one text, or variants with conditions ending with the
    /// default: the first that holds is shown.
    fn variants(
        &self,
        field: &str,
        label: &str,
        b: &Body,
        texts: &mut Texts,
    ) -> Result<(Text, Vec<Part>), Error> {
        let mut parts = self.parts_of(field, label, b, texts)?;
        let default = parts.pop().expect("parts_of gives at least one");
        if default.when != Cond::Always || parts.iter().any(|p| p.when == Cond::Always) {
            return Err(self.place(format!(
                "{label}s: every variant but the last needs `when`, and the last (the default) none"
            )));
        }
        if parts.iter().chain(std::iter::once(&default)).any(|p| !p.cites.is_empty() || !p.asserts.is_empty())
        {
            return Err(self.place(format!("a {label} cites nothing and states no facts of its own")));
        }
        Ok((default.text, parts))
    }

    /// The verdict lines: a verdict has them, and only a verdict.
    fn answer(&self, verdict: bool, texts: &mut Texts) -> Result<Vec<Part>, Error> {
        match (&self.r.answer, verdict) {
            (Some(a), true) => {
                let parts = self.parts_of("answer", "verdict line", a, texts)?;
                if parts.iter().any(|p| !p.asserts.is_empty()) {
                    return Err(self.place(
                        "a verdict line states no facts of its own: put `asserts` on the recommendation".into(),
                    ));
                }
                Ok(parts)
            }
            (None, true) => Err(self.place(
                "a verdict needs `answer`: the one sentence that answers the flow's question, with its reason"
                    .into(),
            )),
            (Some(_), false) => Err(self.place("only a verdict (`group = \"verdict\"`) has an `answer`".into())),
            (None, false) => Ok(Vec::new()),
        }
    }

    /// The layer what it cites makes it: the FAQ's, or current practice's (which rests on a
    /// quality-A source); never both.
    fn layer(
        &self,
        own: &[Citation],
        answer: &[Part],
        body: &[Part],
        steps: &[Part],
    ) -> Result<Layer, Error> {
        let sources = self.refs.citer.sources;
        let all: Vec<&Citation> =
            own.iter().chain(answer.iter().chain(body).chain(steps).flat_map(|p| p.cites.iter())).collect();
        let external = all.iter().filter(|c| sources[c.source].kind == SourceKind::External).count();
        let layer = match (external, all.len()) {
            (_, 0) => {
                return Err(self.place("cites nothing: every recommendation rests on a cited sentence".into()))
            }
            (0, _) => Layer::Faq,
            (e, n) if e == n => Layer::Practice,
            _ => {
                return Err(self.place(
                    "cites both the FAQ and external sources: keep the FAQ's advice and current practice in separate recommendations".into(),
                ))
            }
        };
        if layer == Layer::Practice && !all.iter().any(|c| sources[c.source].quality == Quality::A) {
            return Err(
                self.place("rests on no quality-A source (a B source may only support an A source)".into())
            );
        }
        Ok(layer)
    }

    /// The recommendations `list` names (`excludes`, `qualifies`): known, and not itself.
    fn links(
        &self,
        list: &[String],
        what: &str,
        ri: RecIx,
        items: &Items<'_>,
    ) -> Result<&'static [RecIx], Error> {
        let mut out = Vec::new();
        for id in list {
            let x = items
                .rec_ix(id)
                .ok_or_else(|| self.place(format!("{what}: unknown recommendation `{id}`")))?;
            if x == ri {
                return Err(self.place(format!("{what}: names itself")));
            }
            out.push(x);
        }
        Ok(leak_slice(out))
    }
}

/// A recommendation's kind.
fn kind(k: &str) -> Result<Kind, String> {
    match k {
        "required" => Ok(Kind::Required),
        "next-step" => Ok(Kind::NextStep),
        "warning" => Ok(Kind::Warning),
        "info" => Ok(Kind::Info),
        k => Err(format!("kind `{k}` is not one of required, next-step, warning, info")),
    }
}

/// A recommendation's phase, by its id.
fn phase(p: &str) -> Result<Phase, String> {
    Phase::ALL.into_iter().find(|x| x.id() == p).ok_or_else(|| {
        format!(
            "phase `{p}` is not one of {}",
            Phase::ALL.iter().map(|x| x.id()).collect::<Vec<_>>().join(", ")
        )
    })
}

/// How long a timeline's paragraph takes: a step, a range and a unit.
fn takes(label: &str, t: &raw::RawTakes) -> Result<Takes, String> {
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
    Ok(Takes { step, from: t.from, to: t.to, unit })
}
