//! The result: the verdict, advice grouped by kind with its why and its source, the
//! person's answers with Change links, and the share/print/copy actions.

use super::{go, Browser};
use crate::answers::AnswerSet;
use crate::report::{advise, kind_heading, to_markdown, RecOut};
use crate::route::{self, Route};
use crate::rulebook::{Lang, RULEBOOK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answers: AnswerSet,
}

#[function_component(ResultScreen)]
pub fn result_screen(props: &Props) -> Html {
    let lang = Lang::default();
    let advice = advise(&props.answers, lang);
    let status = use_state(String::new);
    let fallback = use_state(|| None::<String>);

    let copy = |text: String| {
        let (status, fallback) = (status.clone(), fallback.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, fallback, text2) = (status.clone(), fallback.clone(), text.clone());
            Browser::copy(text.clone(), move |ok| {
                if ok {
                    status.set("Copied.".into());
                    fallback.set(None);
                } else {
                    status.set("Your browser did not allow copying; select the text below and copy it.".into());
                    fallback.set(Some(text2));
                }
            });
        })
    };
    let share = copy(Browser::href());
    let copy_text = copy(to_markdown(&advice));
    let print = Callback::from(|_: MouseEvent| Browser::print());
    let start_over = Callback::from(|_: MouseEvent| {
        Browser::clear_saved();
        go(&Route::Start);
    });

    let verdict = advice.recommendations.iter().find(|r| r.verdict);
    html! {
        <div class="screen result">
            <p class="flow-name">{ advice.flow_title }</p>
            <h1 id="main-heading" tabindex="-1">{ "Your result" }</h1>
            if let Some(v) = verdict {
                <div class={classes!("verdict", format!("kind-{}", v.kind))}>
                    <p class="verdict-label">{ "In short" }</p>
                    <p class="verdict-title">{ v.title }</p>
                </div>
            }
            { for ["required", "next-step", "warning", "info"].iter().map(|kind| {
                let group: Vec<&RecOut> = advice.recommendations.iter().filter(|r| r.kind == *kind).collect();
                if group.is_empty() {
                    return html! {};
                }
                let heading_id = format!("group-{kind}");
                html! {
                    <section class={classes!("group", format!("kind-{kind}"))} aria-labelledby={heading_id.clone()}>
                        <h2 id={heading_id}>{ kind_heading(kind) }</h2>
                        { for group.into_iter().map(rec_card) }
                    </section>
                }
            }) }
            <section class="answers" aria-labelledby="answers-heading">
                <h2 id="answers-heading">{ "Your answers" }</h2>
                <dl class="summary">
                    { for advice.answers.iter().map(|a| {
                        let q = RULEBOOK.question(a.question).unwrap_or(0);
                        let href = route::encode(&Route::Question { answers: props.answers, question: q, changing: true });
                        html! {
                            <div class="summary-row">
                                <dt>{ a.prompt }</dt>
                                <dd>{ a.label }</dd>
                                <dd class="change"><a href={href}>{ "Change" }<span class="visually-hidden">{ format!(" your answer to “{}”", a.prompt) }</span></a></dd>
                            </div>
                        }
                    }) }
                </dl>
            </section>
            <section class="result-actions no-print" aria-label="Actions">
                <button type="button" class="button secondary" onclick={share}>{ "Copy share link" }</button>
                <button type="button" class="button secondary" onclick={copy_text}>{ "Copy advice as text" }</button>
                <button type="button" class="button secondary" onclick={print}>{ "Print" }</button>
                <button type="button" class="button secondary" onclick={start_over}>{ "Start over" }</button>
                <p class="copy-status" role="status">{ (*status).clone() }</p>
                if let Some(text) = (*fallback).clone() {
                    <label for="copy-fallback" class="visually-hidden">{ "Text to copy" }</label>
                    <textarea id="copy-fallback" readonly=true rows="8" value={text} />
                }
            </section>
        </div>
    }
}

fn rec_card(r: &RecOut) -> Html {
    html! {
        <article class={classes!("rec", format!("kind-{}", r.kind))} id={format!("rec-{}", r.id)}>
            <h3>{ r.title }</h3>
            <p>{ r.body }</p>
            if !r.steps.is_empty() {
                <ol class="steps">{ for r.steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ol>
            }
            if let Some(f) = &r.related_flow {
                <p class="related"><a href={route::encode(&route::start_flow(RULEBOOK.flow(f.id).unwrap_or(0)))}>{ format!("Continue with: {}", f.title) }</a></p>
            }
            <details class="why">
                <summary>{ "Why?" }</summary>
                if r.why.is_empty() {
                    <p>{ "This applies to everyone in this flow." }</p>
                } else {
                    <p>{ "Because you answered:" }</p>
                    <ul>{ for r.why.iter().map(|a| html! { <li>{ a.prompt }{ " — " }<strong>{ a.label }</strong></li> }) }</ul>
                }
                <p class="rule-ids">{ format!("Rule: {}", r.rules.join(", ")) }</p>
            </details>
            <details class="source">
                <summary>{ "Source" }</summary>
                { for r.citations.iter().map(|c| html! {
                    <figure class="citation">
                        <blockquote>{ c.quote }</blockquote>
                        <figcaption>
                            { format!("ICP FAQ §{}, ", c.section) }
                            <a href={format!("#/faq/{}", c.faq)}>{ format!("“{}”", c.question) }</a>
                        </figcaption>
                    </figure>
                }) }
            </details>
        </article>
    }
}
