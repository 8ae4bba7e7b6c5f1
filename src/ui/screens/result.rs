//! The result, answer first: the outcome as the page's heading and the verdict line under it
//! (with its why and source one tap away), the one thing to do first, then "Your plan" — one
//! numbered list, each step folding its details, why and sources and the current-practice notes
//! that qualify it — the other ways, "Good to know" and the answers (both collapsed), and
//! share/copy/print.

use crate::engine::Evaluation;
use crate::i18n::fill;
use crate::nav;
use crate::present::{citations, title_of, Card, Outcome, Place, Presentation};
use crate::report::{render_presented, to_markdown};
use crate::route::Route;
use crate::rulebook::{Citation, Kind, Layer, SourceKind, TextExt, RULEBOOK};
use crate::ui::browser::Browser;
use crate::ui::cite::{citation, source_name};
use crate::ui::context::{use_ui, Ui};
use crate::ui::lens::LensSwitch;
use crate::wording::{as_of_citations, dates_short, phase_heading, plan_text, source_details, verdict_line};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The result, evaluated and presented once by the app.
    pub outcome: std::rc::Rc<Outcome>,
}

fn kind_label(ui: &Ui, kind: Kind) -> &'static str {
    ui.s().kind_heading(kind)
}

#[function_component(ResultScreen)]
pub fn result_screen(props: &Props) -> Html {
    let ui = use_ui();
    let s = ui.s();
    let lang = ui.lang();
    let (ev, shown) = (&props.outcome.ev, &props.outcome.shown);
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
    // The checklist's ticks travel in the share link only when the person chooses so.
    let include_ticks = use_state(|| false);
    let checklist = shown.cards.iter().any(|c| RULEBOOK.recommendations[c.rec].checklist);
    let share = ui.host.share_link(&ui.state, &Default::default());
    let share_button = share.as_ref().map(|(link, alone)| {
        let (link, host, state) = (link.clone(), ui.host.clone(), (*ui.state).clone());
        let (flow, include) = (RULEBOOK.flows[props.outcome.answers.flow()].id, *include_ticks);
        let onclick = copy(std::rc::Rc::new(move || match include {
            true => host.share_link(&state, &host.load_ticks(flow)).map_or_else(|| link.clone(), |(l, _)| l),
            false => link.clone(),
        }));
        let toggle = {
            let include_ticks = include_ticks.clone();
            Callback::from(move |e: Event| {
                include_ticks.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
            })
        };
        html! {
            <>
                <button type="button" class="button secondary" onclick={onclick}>{ s.copy_link }</button>
                if checklist {
                    <label class="share-ticks"><input type="checkbox" checked={include} onchange={toggle} />{ s.ticks_share }</label>
                }
                if *alone { <p class="help share-note">{ s.share_advisor_alone }</p> }
            </>
        }
    });
    let copy_text = {
        let o = props.outcome.clone();
        copy(std::rc::Rc::new(move || {
            to_markdown(&RULEBOOK, &render_presented(&RULEBOOK, &o.ev, &o.shown, lang, o.lens), lang)
        }))
    };
    let print = Callback::from(|_: MouseEvent| Browser::print(false));
    let print_all = Callback::from(|_: MouseEvent| Browser::print(true));
    let start_over = {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| {
            ui.host.forget_saved(&ui.state);
            ui.go(Route::Start);
        })
    };

    let flow = &RULEBOOK.flows[props.outcome.answers.flow()];
    html! {
        <div class="screen result">
            <p class="flow-name">{ flow.title.get(lang) }</p>
            { verdict(&ui, ev, shown) }
            { first_action(&ui, ev, shown) }
            { plan(&ui, ev, shown) }
            { other_ways(&ui, shown) }
            { good_to_know(&ui, ev, shown) }
            <details class="answers">
                <summary><h2 id="answers-heading">{ s.answers_heading }</h2></summary>
                <dl class="summary">
                    { for ev.asked.iter().map(|&(q, o)| {
                        let question = &RULEBOOK.questions[q];
                        let change = Route::Question { answers: props.outcome.answers, question: q, changing: true };
                        let prompt = question.prompt.get(lang);
                        html! {
                            <div class="summary-row">
                                <dt>{ prompt }</dt>
                                <dd>{ question.options[o].label.get(lang) }</dd>
                                <dd class="change">{ ui.link(change, None, html! {
                                    <>{ s.change }<span class="visually-hidden">{ ui.gap() }{ fill(s.change_hidden, &[("prompt", prompt)]) }</span></>
                                }) }</dd>
                            </div>
                        }
                    }) }
                </dl>
            </details>
            <section class="result-actions no-print" aria-label={s.actions_label}>
                { for share_button }
                <button type="button" class="button secondary" onclick={copy_text}>{ s.copy_text }</button>
                <button type="button" class="button secondary" onclick={print}>{ s.print_plan }</button>
                <button type="button" class="button secondary" onclick={print_all}>{ s.print_everything }</button>
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

/// The outcome as the heading, the verdict line (the flow's question answered, with its reason)
/// and, one tap away, its why and sources (the verdict's whole card when it is not a step).
fn verdict(ui: &Ui, ev: &Evaluation, shown: &Presentation) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let Some(h) = &shown.headline else {
        return html! { <h1 id="main-heading" tabindex="-1">{ RULEBOOK.flows[ev.flow].title.get(lang) }</h1> };
    };
    let rec = &RULEBOOK.recommendations[h.verdict];
    let card = shown.card(h.verdict);
    html! {
        <section class={classes!("verdict", format!("kind-{}", rec.kind.id()))} aria-labelledby="main-heading">
            <h1 id="main-heading" tabindex="-1">{ title_of(&RULEBOOK, ev, h.verdict).get(lang) }</h1>
            <p class="verdict-line">{ verdict_line(&RULEBOOK, h.verdict, shown.answer, lang) }</p>
            if let Some(card) = card {
                <details class="verdict-why">
                    <summary>{ s.why_and_source }</summary>
                    if card.place == Place::Verdict {
                        { rec_details(ui, ev, card.applied, Disclosure::Open) }
                        { notes(ui, ev, shown, card) }
                    } else {
                        { why(ui, ev, card.applied, Disclosure::Open) }
                        { sources(ui, ev, card.applied, Disclosure::Open) }
                    }
                </details>
            }
        </section>
    }
}

/// "Do this first": the plan's first step, linked to it.
fn first_action(ui: &Ui, ev: &Evaluation, shown: &Presentation) -> Html {
    let Some(step) = shown.first_action() else { return html! {} };
    let s = ui.s();
    html! {
        <p class="first-action">
            <strong>{ s.first_action }</strong>{ ui.gap() }
            <a href="#step-1" onclick={open_step(1)}>{ step_text(ui, ev, step.applied, step.alternative) }</a>
        </p>
    }
}

fn step_text(ui: &Ui, ev: &Evaluation, applied: usize, alternative: bool) -> String {
    let text = plan_text(&RULEBOOK, &ev.advice[applied], ui.lang());
    if alternative {
        fill(ui.s().plan_alternative, &[("text", text)])
    } else {
        text.to_string()
    }
}

/// A link to a plan step: opens the step, scrolls to it and moves the focus there, without
/// touching the address (which holds the place in the flow).
fn open_step(n: usize) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        Browser::open_details(&format!("step-{n}-details"));
        Browser::focus_element(&format!("step-{n}-summary"));
    })
}

/// "Your plan": one numbered list in the order the person acts; each step's line is the
/// summary of its details (what current practice says of it shown right in the line).
fn plan(ui: &Ui, ev: &Evaluation, shown: &Presentation) -> Html {
    if shown.plan.is_empty() {
        return html! { <LensSwitch /> };
    }
    let s = ui.s();
    let lang = ui.lang();
    let mut phase = None;
    html! {
        <section class="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{ s.plan_heading }</h2>
            <LensSwitch />
            <ol class="plan-steps">
                { for shown.plan.iter().enumerate().map(|(i, step)| {
                    let n = i + 1;
                    let rec = &RULEBOOK.recommendations[step.rec];
                    let practice = rec.layer == Layer::Practice;
                    let label = (phase != Some(step.phase)).then(|| phase_heading(s, step.phase));
                    phase = Some(step.phase);
                    let card = shown.card(step.rec);
                    let amends: Vec<&Card> = shown.notes_on(step.rec).filter(|c| RULEBOOK.recommendations[c.rec].amend.is_some()).collect();
                    html! {
                        <li id={format!("step-{n}")} class={classes!("step", format!("phase-{}", step.phase.id()), practice.then_some("practice"))}>
                            if let Some(label) = label {
                                <p class="phase-label">{ label }</p>
                            }
                            <details class="step-details" id={format!("step-{n}-details")}>
                                <summary id={format!("step-{n}-summary")}>
                                    <span class="step-text">{ step_text(ui, ev, step.applied, step.alternative) }</span>
                                    if practice {
                                        { ui.gap() }<span class="badge practice-badge">{ s.practice_short }</span>
                                    }
                                    { for amends.iter().map(|c| {
                                        let note = &RULEBOOK.recommendations[c.rec];
                                        let dates = dates_short(&RULEBOOK, &citations(&RULEBOOK, &ev.advice[c.applied]), lang);
                                        html! {
                                            <span class="amend">
                                                <span class="badge practice-badge">{ s.practice_short }</span>{ ui.gap() }
                                                { note.amend.map(|t| t.get(lang)).unwrap_or_default() }{ ui.gap() }
                                                <span class="as-of">{ fill(s.in_brackets, &[("text", &dates)]) }</span>
                                            </span>
                                        }
                                    }) }
                                </summary>
                                if let Some(card) = card {
                                    <div class="step-body">
                                        { rec_article(ui, ev, card, Disclosure::Open) }
                                        { notes(ui, ev, shown, card) }
                                    </div>
                                }
                            </details>
                            { print_sources(ui, ev, shown, step.rec) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// A plan step's sources in one compact line, printed (not shown on the screen) by "Print the
/// plan": the FAQ's sentences with their sections, and every other page once, with its dates.
fn print_sources(ui: &Ui, ev: &Evaluation, shown: &Presentation, rec: usize) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let mut cites: Vec<&Citation> = Vec::new();
    for c in shown.cards.iter().filter(|c| c.rec == rec || c.attached_to == Some(rec)) {
        cites.extend(citations(&RULEBOOK, &ev.advice[c.applied]));
    }
    let mut parts: Vec<Html> = Vec::new();
    let mut pages: Vec<usize> = Vec::new();
    for c in cites {
        let src = &RULEBOOK.sources[c.source];
        let part = match (src.kind, c.faq) {
            (SourceKind::Faq, Some(f)) => html! {
                <>{ fill(s.faq_ref, &[("section", RULEBOOK.faqs[f].section)]) }{ s.comma }<q lang={RULEBOOK.words_lang(c)} translate="no">{ c.text }</q></>
            },
            _ if pages.contains(&c.source) => continue,
            _ => {
                pages.push(c.source);
                let details = source_details(&RULEBOOK, src.lang, src.page_date, src.read, src.quality, lang);
                html! { <>{ source_name(ui, c.source, None) }{ ui.gap() }{ fill(s.in_brackets, &[("text", &details)]) }</> }
            }
        };
        if !parts.is_empty() {
            parts.push(html! { { s.list_separator } });
        }
        parts.push(part);
    }
    html! { <p class="print-sources"><span class="source-label">{ s.source_label }</span>{ s.comma }{ for parts }</p> }
}

/// The other ways: another answer to one of the person's own choices, the verdict it leads
/// to, and a link to that result with every other answer kept.
fn other_ways(ui: &Ui, shown: &Presentation) -> Html {
    if shown.other_ways.is_empty() {
        return html! {};
    }
    let s = ui.s();
    let lang = ui.lang();
    html! {
        <section class="other-ways" aria-labelledby="other-ways-heading">
            <h2 id="other-ways-heading">{ s.other_ways_heading }</h2>
            <ul>
                { for shown.other_ways.iter().map(|w| {
                    let o = &RULEBOOK.questions[w.question].options[w.option];
                    let choice = o.instead.map_or_else(|| o.label.get(lang), |t| t.get(lang));
                    let text = fill(s.other_way, &[("choice", choice), ("verdict", w.title.get(lang))]);
                    html! { <li>{ ui.link(Route::Result(w.answers), None, html! { { text } }) }</li> }
                }) }
            </ul>
        </section>
    }
}

/// "Good to know": what is not a step, collapsed after the plan — the FAQ's advice (each with
/// the notes that qualify it), then the remaining notes on current practice, apart.
fn good_to_know(ui: &Ui, ev: &Evaluation, shown: &Presentation) -> Html {
    let faq: Vec<&Card> = shown.good_to_know().filter(|c| c.layer == Layer::Faq).collect();
    let practice: Vec<&Card> = shown.good_to_know().filter(|c| c.layer == Layer::Practice).collect();
    if faq.is_empty() && practice.is_empty() {
        return html! {};
    }
    let s = ui.s();
    html! {
        <details class="good-to-know">
            <summary><h2 id="good-to-know-heading">{ s.good_to_know }</h2></summary>
            { for faq.into_iter().map(|c| html! {
                <>
                    { rec_article(ui, ev, c, Disclosure::Folded) }
                    { notes(ui, ev, shown, c) }
                </>
            }) }
            if !practice.is_empty() {
                <section class="practice-group" aria-labelledby="practice-heading">
                    <h3 id="practice-heading">{ fill(s.practice_heading_dated, &[("date", &RULEBOOK.language(ui.lang()).date(RULEBOOK.gathered))]) }</h3>
                    <p class="help">{ s.practice_intro }</p>
                    { for practice.into_iter().map(|c| rec_article(ui, ev, c, Disclosure::Folded)) }
                </section>
            }
        </details>
    }
}

/// The current-practice notes read inside a card, each marked and dated.
fn notes(ui: &Ui, ev: &Evaluation, shown: &Presentation, card: &Card) -> Html {
    let s = ui.s();
    html! {
        { for shown.notes_on(card.rec).map(|n| html! {
            <aside class="since" aria-label={s.practice_short}>
                { rec_article(ui, ev, n, if card.place == Place::GoodToKnow { Disclosure::Folded } else { Disclosure::Open }) }
            </aside>
        }) }
    }
}

/// Whether a card's why and sources are shown as they are (inside a fold already: a plan step,
/// the verdict) or folded each (in "Good to know").
#[derive(Clone, Copy, PartialEq)]
enum Disclosure {
    Open,
    Folded,
}

/// One card: its kind (or "Since 2019" and its dates), title, details, why and sources.
fn rec_article(ui: &Ui, ev: &Evaluation, card: &Card, disclosure: Disclosure) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let a = &ev.advice[card.applied];
    let rec = &RULEBOOK.recommendations[a.rec];
    let practice = rec.layer == Layer::Practice;
    let heading_id = format!("rec-{}-title", rec.id);
    let dates = practice.then(|| as_of_citations(&RULEBOOK, &citations(&RULEBOOK, a), lang));
    html! {
        <article class={classes!("rec", format!("kind-{}", rec.kind.id()), practice.then_some("practice"))}
            id={format!("rec-{}", rec.id)} tabindex="-1" aria-labelledby={heading_id.clone()}>
            if let Some(dates) = dates {
                <p class="practice-label"><span class="badge practice-badge">{ s.practice_short }</span>{ ui.gap() }{ dates }</p>
            } else {
                <p class="kind-label">{ kind_label(ui, rec.kind) }</p>
            }
            <h3 id={heading_id}>{ a.title(&RULEBOOK).get(lang) }</h3>
            { rec_details(ui, ev, card.applied, disclosure) }
        </article>
    }
}

/// A card's paragraphs, its own steps (bulleted: the plan is the one numbered list), a link to
/// a related flow, and the why and the sources.
fn rec_details(ui: &Ui, ev: &Evaluation, applied: usize, disclosure: Disclosure) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let a = &ev.advice[applied];
    let rec = &RULEBOOK.recommendations[a.rec];
    let related = rec.flow.map(|f| {
        let to = nav::continue_with(&RULEBOOK, &ev.relevant(), f);
        ui.link(to, None, html! { { fill(s.continue_with, &[("flow", RULEBOOK.flows[f].title.get(lang))]) } })
    });
    html! {
        <>
            { for a.body.iter().map(|&i| html! { <p>{ rec.body[i].text.get(lang) }</p> }) }
            { timeline_picture(ui, &a.body.iter().filter_map(|&i| rec.body[i].takes).collect::<Vec<_>>()) }
            if !a.steps.is_empty() && rec.checklist {
                <Checklist
                    flow={RULEBOOK.flows[ev.flow].id}
                    items={a.steps.iter().map(|&i| {
                        let step = &rec.steps[i];
                        (crate::ticks::key(rec.id, step.text.get(crate::rulebook::Lang::SOURCE)), step.text.get(lang))
                    }).collect::<Vec<_>>()}
                    host={ui.host.clone()}
                />
            } else if !a.steps.is_empty() {
                <ul class="steps">{ for a.steps.iter().map(|&i| html! { <li>{ rec.steps[i].text.get(lang) }</li> }) }</ul>
            }
            if let Some(link) = related {
                <p class="related">{ link }</p>
            }
            { why(ui, ev, applied, disclosure) }
            { sources(ui, ev, applied, disclosure) }
        </>
    }
}

/// The timeline's picture: one row per phase, in the order they happen, each a bar to one scale
/// (about how many working days), solid up to the shortest time the sources give and light up
/// to the longest, labelled with the range in words. Its title and description say the same
/// for screen readers; the paragraphs beside it are the text.
fn timeline_picture(ui: &Ui, phases: &[crate::rulebook::Takes]) -> Html {
    use crate::wording::{takes_text, timeline_label};
    if phases.is_empty() {
        return Html::default();
    }
    let s = ui.s();
    let lang = ui.lang();
    let mut phases = phases.to_vec();
    phases.sort_by_key(|t| t.step);
    let (width, left, row) = (600.0_f32, 8.0_f32, 40.0_f32);
    let longest = phases.iter().map(|t| t.unit.working_days(t.to)).fold(1.0_f32, f32::max);
    let scale = (width - 2.0 * left) / longest;
    let height = row * phases.len() as f32 + 4.0;
    let words: Vec<String> = phases
        .iter()
        .map(|t| format!("{}{}{}", timeline_label(t.step, lang), s.dash, takes_text(*t, lang)))
        .collect();
    let desc = fill(s.timeline_desc, &[("phases", &words.join(s.list_separator))]);
    html! {
        <div class="timeline">
            <svg class="timeline-picture" viewBox={format!("0 0 {width} {height}")} role="img"
                aria-labelledby="timeline-title timeline-desc" focusable="false">
                <title id="timeline-title">{ s.timeline_title }</title>
                <desc id="timeline-desc">{ desc }</desc>
                { for phases.iter().enumerate().map(|(i, t)| {
                    let y = row * i as f32;
                    let least = (t.unit.working_days(t.from) * scale).max(0.0);
                    let most = (t.unit.working_days(t.to) * scale).max(3.0);
                    html! {
                        <g aria-hidden="true">
                            <text class="timeline-label" x={left.to_string()} y={(y + 14.0).to_string()}>
                                { timeline_label(t.step, lang) }{ s.dash }{ takes_text(*t, lang) }
                            </text>
                            <rect class="timeline-span" x={left.to_string()} y={(y + 20.0).to_string()}
                                width={format!("{most:.1}")} height="12" rx="2" />
                            if least > 0.0 {
                                <rect class="timeline-bar" x={left.to_string()} y={(y + 20.0).to_string()}
                                    width={format!("{least:.1}")} height="12" rx="2" />
                            }
                        </g>
                    }
                }) }
            </svg>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChecklistProps {
    flow: &'static str,
    /// Each item's key (`crate::ticks::key`) and text.
    items: Vec<(String, &'static str)>,
    host: crate::ui::host::Host,
}

/// A checklist (the documents to prepare): a box to tick per item. The ticks are kept in this
/// browser with the flow's answers (`icp-advisor:ticks:<flow>`), in a share link only when the
/// person chooses so (beside "Copy share link"); a printed page shows the boxes.
#[function_component(Checklist)]
fn checklist(p: &ChecklistProps) -> Html {
    let ticks = use_state(std::collections::BTreeSet::<String>::new);
    {
        let (ticks, host, flow) = (ticks.clone(), p.host.clone(), p.flow);
        use_effect_with(flow, move |_| ticks.set(host.load_ticks(flow)));
    }
    html! {
        <ul class="steps checklist">
            { for p.items.iter().map(|(key, text)| {
                let onchange = {
                    let (ticks, host, flow, key) = (ticks.clone(), p.host.clone(), p.flow, key.clone());
                    Callback::from(move |e: Event| {
                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        let next = crate::ticks::toggle(&ticks, &key, on);
                        host.save_ticks(flow, &next);
                        ticks.set(next);
                    })
                };
                html! { <li><label><input type="checkbox" checked={ticks.contains(key)} {onchange} /><span>{ *text }</span></label></li> }
            }) }
        </ul>
    }
}

/// The answers that led to a recommendation.
fn why(ui: &Ui, ev: &Evaluation, applied: usize, disclosure: Disclosure) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let a = &ev.advice[applied];
    let content = if a.because.is_empty() {
        html! { <p>{ s.applies_to_all }</p> }
    } else {
        html! {
            <>
                <p>{ s.because }</p>
                <ul>{ for a.because.iter().map(|&(q, o)| {
                    let question = &RULEBOOK.questions[q];
                    html! { <li>{ question.prompt.get(lang) }{ s.dash }<strong>{ question.options[o].label.get(lang) }</strong></li> }
                }) }</ul>
            </>
        }
    };
    match disclosure {
        Disclosure::Folded => {
            html! { <details class="why"><summary>{ s.why }</summary>{ content }</details> }
        }
        Disclosure::Open => html! { <div class="why"><p class="why-label">{ s.why }</p>{ content }</div> },
    }
}

/// The sentences a recommendation rests on.
fn sources(ui: &Ui, ev: &Evaluation, applied: usize, disclosure: Disclosure) -> Html {
    let s = ui.s();
    let cites = citations(&RULEBOOK, &ev.advice[applied]);
    let content = html! { { for cites.iter().map(|c| citation(ui, c)) } };
    match disclosure {
        Disclosure::Folded => {
            html! { <details class="source"><summary>{ s.source_label }</summary>{ content }</details> }
        }
        Disclosure::Open => {
            html! { <div class="source"><p class="source-label">{ s.source_label }</p>{ content }</div> }
        }
    }
}
