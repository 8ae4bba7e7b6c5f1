//! The result: the verdict, advice grouped by kind with its why and its source, the
//! person's answers with Change links, and the share/print/copy actions.

use super::{href, use_lang, use_nav, Browser};
use crate::answers::AnswerSet;
use crate::i18n::{fill, strings};
use crate::report::{advise, citation_ref, to_markdown, Lens, RecOut};
use crate::route::{self, Route};
use crate::rulebook::{Kind, Lang, RULEBOOK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answers: AnswerSet,
}

#[function_component(ResultScreen)]
pub fn result_screen(props: &Props) -> Html {
    let lang = use_lang();
    let s = strings(lang);
    let advice = advise(&RULEBOOK, &props.answers, lang, Lens::All);
    let status = use_state(String::new);
    let fallback = use_state(|| None::<String>);

    let copy = |text: String| {
        let (status, fallback) = (status.clone(), fallback.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, fallback, text2) = (status.clone(), fallback.clone(), text.clone());
            Browser::copy(text.clone(), move |ok| {
                if ok {
                    status.set(s.copied.into());
                    fallback.set(None);
                } else {
                    status.set(s.copy_failed.into());
                    fallback.set(Some(text2));
                }
            });
        })
    };
    // (A mounted advisor has no address of its own, so it offers no share link.)
    let share = copy(Browser::href());
    let copy_text = copy(to_markdown(&advice, lang));
    let nav = use_nav();
    let print = Callback::from(|_: MouseEvent| Browser::print());
    let start_over = {
        let nav = nav.clone();
        Callback::from(move |_: MouseEvent| {
            if !nav.memory {
                Browser::clear_saved();
            }
            nav.go.emit(Route::Start);
        })
    };

    let verdict = advice.recommendations.iter().find(|r| r.verdict);
    html! {
        <div class="screen result">
            <p class="flow-name">{ advice.flow_title }</p>
            <h1 id="main-heading" tabindex="-1">{ s.result_heading }</h1>
            if let Some(v) = verdict {
                <div class={classes!("verdict", format!("kind-{}", v.kind))}>
                    <p class="verdict-label">{ s.in_short }</p>
                    <p class="verdict-title">{ v.title }</p>
                </div>
            }
            { for Kind::ALL.into_iter().map(|kind| {
                let group: Vec<&RecOut> = advice.recommendations.iter().filter(|r| r.kind == kind.id() && r.layer == "faq").collect();
                if group.is_empty() {
                    return html! {};
                }
                let heading_id = format!("group-{}", kind.id());
                html! {
                    <section class={classes!("group", format!("kind-{}", kind.id()))} aria-labelledby={heading_id.clone()}>
                        <h2 id={heading_id}>{ s.kind_heading(kind) }</h2>
                        { for group.into_iter().map(|r| rec_card(r, lang)) }
                    </section>
                }
            }) }
            <section class="answers" aria-labelledby="answers-heading">
                <h2 id="answers-heading">{ s.answers_heading }</h2>
                <dl class="summary">
                    { for advice.answers.iter().map(|a| {
                        let q = RULEBOOK.question(a.question).unwrap_or(0);
                        let link = href(&Route::Question { answers: props.answers, question: q, changing: true }, lang);
                        html! {
                            <div class="summary-row">
                                <dt>{ a.prompt }</dt>
                                <dd>{ a.label }</dd>
                                <dd class="change"><a href={link}>{ s.change }<span class="visually-hidden">{ " " }{ fill(s.change_hidden, &[("prompt", a.prompt)]) }</span></a></dd>
                            </div>
                        }
                    }) }
                </dl>
            </section>
            <section class="result-actions no-print" aria-label={s.actions_label}>
                if !nav.memory {
                    <button type="button" class="button secondary" onclick={share}>{ s.copy_link }</button>
                }
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

fn rec_card(r: &RecOut, lang: Lang) -> Html {
    let s = strings(lang);
    html! {
        <article class={classes!("rec", format!("kind-{}", r.kind))} id={format!("rec-{}", r.id)}>
            <h3>{ r.title }</h3>
            { for r.body.iter().map(|p| html! { <p>{ *p }</p> }) }
            if !r.steps.is_empty() {
                <ol class="steps">{ for r.steps.iter().map(|step| html! { <li>{ *step }</li> }) }</ol>
            }
            if let Some(f) = &r.related_flow {
                <p class="related"><a href={href(&route::start_flow(RULEBOOK.flow(f.id).unwrap_or(0)), lang)}>{ fill(s.continue_with, &[("flow", f.title)]) }</a></p>
            }
            <details class="why">
                <summary>{ s.why }</summary>
                if r.why.is_empty() {
                    <p>{ s.applies_to_all }</p>
                } else {
                    <p>{ s.because }</p>
                    <ul>{ for r.why.iter().map(|a| html! { <li>{ a.prompt }{ " — " }<strong>{ a.label }</strong></li> }) }</ul>
                }
                <p class="rule-ids">{ fill(s.rule, &[("ids", &r.rules.join(", "))]) }</p>
            </details>
            <details class="source">
                <summary>{ s.source_label }</summary>
                if lang != Lang::SOURCE {
                    <p class="help">{ s.quote_note }</p>
                }
                { for r.citations.iter().map(|c| html! {
                    <figure class="citation">
                        <blockquote lang={c.source_lang}>{ c.quote }</blockquote>
                        <figcaption>
                            if let (Some(section), Some(faq), Some(question)) = (c.section, c.faq, c.question) {
                                { fill(s.faq_ref, &[("section", section)]) }{ ", " }
                                <a href={href(&Route::Faq(RULEBOOK.faq(faq)), lang)} lang="en">{ format!("“{question}”") }</a>
                            } else {
                                { citation_ref(c, lang) }
                            }
                        </figcaption>
                    </figure>
                }) }
            </details>
        </article>
    }
}
