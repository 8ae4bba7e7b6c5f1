//! The result: the outcome as the page's heading (a blocking first step leads, its
//! alternative beside it), "Your plan" in the order a person acts, the advice in detail — each
//! current-practice note next to the FAQ advice it qualifies, the rest in a group of their
//! own, with their dates — the answers with Change links, and share/copy/print.

use super::{use_ui, Browser, LensSwitch, Ui};
use crate::answers::AnswerSet;
use crate::engine::{evaluate, Evaluation};
use crate::i18n::fill;
use crate::present::{citations, present, Card, Presentation};
use crate::report::{phase_heading, render_presented, to_markdown};
use crate::route::{self, Route};
use crate::rulebook::{Citation, Kind, Lang, LangExt, Layer, RecIx, SourceKind, TextExt, RULEBOOK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answers: AnswerSet,
}

/// How a card's title is shown.
#[derive(Clone, Copy, PartialEq)]
enum Title {
    /// The page's `h1` already says it.
    Hidden,
    H2,
    H3,
}

fn kind_label(ui: &Ui, kind: Kind) -> &'static str {
    ui.s().kind_heading(kind)
}

#[function_component(ResultScreen)]
pub fn result_screen(props: &Props) -> Html {
    let ui = use_ui();
    let s = ui.s();
    let lang = ui.lang();
    let ev = evaluate(&RULEBOOK, &props.answers);
    let shown = present(&RULEBOOK, &ev, ui.state.lens);
    let status = use_state(String::new);
    let fallback = use_state(|| None::<String>);

    let copy = |text: std::rc::Rc<dyn Fn() -> String>| {
        let (status, fallback) = (status.clone(), fallback.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, fallback) = (status.clone(), fallback.clone());
            let value = text();
            let again = value.clone();
            Browser::copy(value, move |ok| {
                if ok {
                    status.set(s.copied.into());
                    fallback.set(None);
                } else {
                    status.set(s.copy_failed.into());
                    fallback.set(Some(again));
                }
            });
        })
    };
    let share = ui.host.share_link(&ui.state);
    let share_button = share.as_ref().map(|(link, alone)| {
        let link = link.clone();
        let onclick = copy(std::rc::Rc::new(move || link.clone()));
        html! {
            <>
                <button type="button" class="button secondary" onclick={onclick}>{ s.copy_link }</button>
                if *alone { <p class="help share-note">{ s.share_advisor_alone }</p> }
            </>
        }
    });
    let copy_text = {
        let (answers, lens) = (props.answers, ui.state.lens);
        copy(std::rc::Rc::new(move || {
            let ev = evaluate(&RULEBOOK, &answers);
            let shown = present(&RULEBOOK, &ev, lens);
            to_markdown(&render_presented(&RULEBOOK, &ev, &shown, lang, lens), lang)
        }))
    };
    let print = Callback::from(|_: MouseEvent| Browser::print());
    let start_over = {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| {
            ui.host.forget_saved();
            ui.go(Route::Start);
        })
    };

    let flow = &RULEBOOK.flows[props.answers.flow()];
    html! {
        <div class="screen result">
            <p class="flow-name">{ flow.title.get(lang) }</p>
            { outcome(&ui, &ev, &shown) }
            <LensSwitch />
            { plan(&ui, &shown) }
            { details(&ui, &ev, &shown) }
            <section class="answers" aria-labelledby="answers-heading">
                <h2 id="answers-heading">{ s.answers_heading }</h2>
                <dl class="summary">
                    { for ev.asked.iter().map(|&(q, o)| {
                        let question = &RULEBOOK.questions[q];
                        let change = Route::Question { answers: props.answers, question: q, changing: true };
                        let prompt = question.prompt.get(lang);
                        html! {
                            <div class="summary-row">
                                <dt>{ prompt }</dt>
                                <dd>{ question.options[o].label.get(lang) }</dd>
                                <dd class="change">{ ui.link(change, None, html! {
                                    <>{ s.change }<span class="visually-hidden">{ " " }{ fill(s.change_hidden, &[("prompt", prompt)]) }</span></>
                                }) }</dd>
                            </div>
                        }
                    }) }
                </dl>
            </section>
            <section class="result-actions no-print" aria-label={s.actions_label}>
                { for share_button }
                <button type="button" class="button secondary" onclick={copy_text}>{ s.copy_text }</button>
                <button type="button" class="button secondary" onclick={print}>{ s.print }</button>
                <button type="button" class="button secondary" onclick={start_over}>{ s.start_over }</button>
                <p class="copy-status" role="status">{ (*status).clone() }</p>
                if let Some(text) = (*fallback).clone() {
                    <label for="copy-fallback" class="visually-hidden">{ s.text_to_copy }</label>
                    <textarea id="copy-fallback" readonly=true rows="8" value={text} />
                }
            </section>
        </div>
    }
}

/// The heading and what leads the result: a blocking first step and its alternative, then the
/// verdict ("then …"); otherwise the verdict itself.
fn outcome(ui: &Ui, ev: &Evaluation, shown: &Presentation) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let Some(h) = &shown.headline else {
        return html! { <h1 id="main-heading" tabindex="-1">{ RULEBOOK.flows[ev.flow].title.get(lang) }</h1> };
    };
    let lead = h.lead();
    let applied = |r: RecIx| ev.advice.iter().position(|a| a.rec == r);
    let card_of = |r: RecIx| shown.cards.iter().find(|c| c.rec == r);
    let lead_kind = RULEBOOK.recommendations[lead].kind;
    let alternative = shown
        .cards
        .iter()
        .filter(|c| h.first.is_some() && RULEBOOK.recommendations[c.rec].alternative)
        .map(|c| c.rec)
        .next();
    html! {
        <section class={classes!("outcome", format!("kind-{}", lead_kind.id()))} aria-labelledby="main-heading">
            <p class="outcome-label">{ kind_label(ui, lead_kind) }</p>
            <h1 id="main-heading" tabindex="-1">{ RULEBOOK.recommendations[lead].title.get(lang) }</h1>
            { for applied(lead).map(|i| rec_body(ui, ev, i, Title::Hidden, attached(shown, card_of(lead)))) }
            if let Some(alt) = alternative {
                <div class="alternative">
                    { for applied(alt).map(|i| rec_body(ui, ev, i, Title::H2, attached(shown, card_of(alt)))) }
                </div>
            }
            if h.first.is_some() {
                <div class="then">
                    <p class="then-label">{ s.then_label }</p>
                    { for applied(h.verdict).map(|i| rec_body(ui, ev, i, Title::H2, attached(shown, card_of(h.verdict)))) }
                </div>
            }
        </section>
    }
}

/// The practice notes shown next to a card.
fn attached(shown: &Presentation, card: Option<&Card>) -> Vec<Card> {
    let Some(card) = card else { return Vec::new() };
    shown.cards.iter().filter(|c| c.attached_to == Some(card.rec)).cloned().collect()
}

/// "Your plan": one line per thing to do, by phase, each linked to its card.
fn plan(ui: &Ui, shown: &Presentation) -> Html {
    if shown.plan.is_empty() {
        return html! {};
    }
    let s = ui.s();
    let lang = ui.lang();
    let mut phases: Vec<crate::rulebook::Phase> = shown.plan.iter().map(|p| p.phase).collect();
    phases.dedup();
    let mut n = 0;
    html! {
        <section class="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{ s.plan_heading }</h2>
            { for phases.into_iter().map(|phase| {
                let steps: Vec<_> = shown.plan.iter().filter(|p| p.phase == phase).collect();
                let start = n + 1;
                n += steps.len();
                html! {
                    <div class="plan-phase">
                        <h3>{ phase_heading(s, phase.id()) }</h3>
                        <ol start={start.to_string()}>
                            { for steps.into_iter().map(|p| {
                                let rec = &RULEBOOK.recommendations[p.rec];
                                let text = crate::report::plan_text(&RULEBOOK, p.rec, lang);
                                let text = if p.alternative { fill(s.plan_alternative, &[("text", text)]) } else { text.to_string() };
                                html! {
                                    <li class={classes!((rec.layer == Layer::Practice).then_some("practice"))}>
                                        <a href={format!("#rec-{}", rec.id)} onclick={jump(rec.id)}>{ text }</a>
                                        if rec.layer == Layer::Practice {
                                            { " " }<span class="badge practice-badge">{ s.practice_short }</span>
                                        }
                                    </li>
                                }
                            }) }
                        </ol>
                    </div>
                }
            }) }
        </section>
    }
}

/// A plan line's click: scrolls to its card and moves the focus there, without touching the
/// address (which holds the place in the flow).
fn jump(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        Browser::focus_element(&format!("rec-{id}"));
    })
}

/// The cards after the outcome: the FAQ's, then the remaining current-practice notes.
fn details(ui: &Ui, ev: &Evaluation, shown: &Presentation) -> Html {
    let s = ui.s();
    let lead: Vec<RecIx> = shown
        .headline
        .iter()
        .flat_map(|h| [Some(h.verdict), h.first])
        .flatten()
        .chain(
            shown
                .cards
                .iter()
                .filter(|c| {
                    shown.headline.as_ref().is_some_and(|h| h.first.is_some())
                        && RULEBOOK.recommendations[c.rec].alternative
                })
                .map(|c| c.rec),
        )
        .collect();
    let faq: Vec<&Card> =
        shown.cards.iter().filter(|c| c.layer == Layer::Faq && !lead.contains(&c.rec)).collect();
    let practice: Vec<&Card> =
        shown.cards.iter().filter(|c| c.layer == Layer::Practice && c.attached_to.is_none()).collect();
    html! {
        <>
            if !faq.is_empty() {
                <section class="details" aria-labelledby="details-heading">
                    <h2 id="details-heading">{ s.details_heading }</h2>
                    { for faq.into_iter().map(|c| rec_body(ui, ev, c.applied, Title::H3, attached(shown, Some(c)))) }
                </section>
            }
            if !practice.is_empty() {
                <section class="practice-group" aria-labelledby="practice-heading">
                    <h2 id="practice-heading">{ fill(s.practice_heading_dated, &[("date", RULEBOOK.gathered)]) }</h2>
                    <p class="help">{ s.practice_intro }</p>
                    { for practice.into_iter().map(|c| rec_body(ui, ev, c.applied, Title::H3, Vec::new())) }
                </section>
            }
        </>
    }
}

/// One recommendation: its title (unless the heading says it), paragraphs, steps, a link to a
/// related flow, and the why and the source; current-practice notes attached after it.
fn rec_body(ui: &Ui, ev: &Evaluation, applied: usize, title: Title, notes: Vec<Card>) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let a = &ev.advice[applied];
    let rec = &RULEBOOK.recommendations[a.rec];
    let practice = rec.layer == Layer::Practice;
    let heading_id = format!("rec-{}-title", rec.id);
    let heading = match title {
        Title::Hidden => html! {},
        Title::H2 => html! { <h2 id={heading_id.clone()}>{ rec.title.get(lang) }</h2> },
        Title::H3 => html! { <h3 id={heading_id.clone()}>{ rec.title.get(lang) }</h3> },
    };
    let cites = citations(&RULEBOOK, a);
    let related = rec.flow.map(|f| {
        let to = route::continue_with(&ev.relevant(), f);
        ui.link(to, None, html! { { fill(s.continue_with, &[("flow", RULEBOOK.flows[f].title.get(lang))]) } })
    });
    html! {
        <article class={classes!("rec", format!("kind-{}", rec.kind.id()), practice.then_some("practice"))}
            id={format!("rec-{}", rec.id)} tabindex="-1"
            aria-labelledby={(title != Title::Hidden).then_some(heading_id)}>
            if practice {
                <p class="practice-label"><span class="badge practice-badge">{ s.practice_short }</span>{ " " }{ as_of(ui, &cites) }</p>
            } else if title != Title::Hidden {
                <p class="kind-label">{ kind_label(ui, rec.kind) }</p>
            }
            { heading }
            { for a.body.iter().map(|&i| html! { <p>{ rec.body[i].text.get(lang) }</p> }) }
            if !a.steps.is_empty() {
                <ol class="steps">{ for a.steps.iter().map(|&i| html! { <li>{ rec.steps[i].text.get(lang) }</li> }) }</ol>
            }
            if let Some(link) = related {
                <p class="related">{ link }</p>
            }
            <details class="why">
                <summary>{ s.why }</summary>
                if a.because.is_empty() {
                    <p>{ s.applies_to_all }</p>
                } else {
                    <p>{ s.because }</p>
                    <ul>{ for a.because.iter().map(|&(q, o)| {
                        let question = &RULEBOOK.questions[q];
                        html! { <li>{ question.prompt.get(lang) }{ " — " }<strong>{ question.options[o].label.get(lang) }</strong></li> }
                    }) }</ul>
                }
            </details>
            <details class="source">
                <summary>{ s.source_label }</summary>
                { for cites.iter().map(|c| citation(ui, c)) }
            </details>
            { for notes.into_iter().map(|n| html! {
                <aside class="since" aria-label={s.practice_short}>
                    { rec_body(ui, ev, n.applied, Title::H3, Vec::new()) }
                </aside>
            }) }
        </article>
    }
}

/// "As of …, per …" for a current-practice card: each source once, with its dates.
fn as_of(ui: &Ui, cites: &[&Citation]) -> String {
    let sources = cites.iter().map(|c| &RULEBOOK.sources[c.source]);
    crate::report::as_of_sources(sources.map(|s| (s.publisher, s.page_date, s.read)), ui.lang())
}

/// One citation: the words (a quote, in the page's language, or a summary recorded in the
/// rulebook's language, never presented as the page's words) and where they come from.
pub fn citation(ui: &Ui, c: &Citation) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let src = &RULEBOOK.sources[c.source];
    let words = if c.summary {
        html! { <p class="summary"><span class="summary-label">{ s.summary_label }</span>{ " " }<span lang={Lang::SOURCE.code()}>{ c.text }</span></p> }
    } else {
        html! { <blockquote lang={src.lang}>{ c.text }</blockquote> }
    };
    let caption = match (src.kind, c.faq) {
        (SourceKind::Faq, Some(f)) => {
            let faq = &RULEBOOK.faqs[f];
            html! {
                <>
                    { fill(s.faq_ref, &[("section", faq.section)]) }{ s.comma }
                    { ui.link(Route::Faq(Some(f)), None, faq_title(lang, f)) }
                </>
            }
        }
        _ => {
            let date = src
                .page_date
                .map_or_else(|| s.no_date_shown.to_string(), |d| fill(s.page_dated, &[("date", d)]));
            html! {
                <>
                    { src.publisher }{ s.comma }
                    <a href={src.url} rel="noopener noreferrer external" lang={src.lang}>{ format!("“{}”", src.title) }</a>
                    { fill(s.source_dates, &[("date", &date), ("read", src.read)]) }
                </>
            }
        }
    };
    html! {
        <figure class="citation">
            { words }
            <figcaption>{ caption }</figcaption>
        </figure>
    }
}

/// An FAQ question: in English, the FAQ's own words; in another language, its translated
/// title with the English original beside it.
pub fn faq_title(lang: Lang, f: usize) -> Html {
    let faq = &RULEBOOK.faqs[f];
    if lang == Lang::SOURCE {
        html! { <span lang="en">{ format!("“{}”", faq.question) }</span> }
    } else {
        html! { <>{ faq.title.get(lang) }{ " " }<span class="original" lang="en">{ format!("(“{}”)", faq.question) }</span></> }
    }
}
