//! The start screen: what the advisor does, and a choice of flow.

use super::{href, radio_option, use_lang, use_nav, Browser};
use crate::i18n::{fill, strings};
use crate::route::{self, Route};
use crate::rulebook::{TextExt, RULEBOOK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub resumable: Option<Route>,
}

#[function_component(StartScreen)]
pub fn start_screen(props: &Props) -> Html {
    let lang = use_lang();
    let s = strings(lang);
    let nav = use_nav();
    let chosen = use_state(|| 0usize);
    let resumable = use_state(|| props.resumable.clone());

    let onsubmit = {
        let (chosen, nav) = (chosen.clone(), nav.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            nav.go.emit(route::start_flow(*chosen));
        })
    };

    let resume = resumable.as_ref().filter(|_| !nav.memory).map(|r| {
        let flow = match r {
            Route::Question { answers, .. } | Route::Result(answers) => {
                RULEBOOK.flows[answers.flow()].title.get(lang)
            }
            _ => "",
        };
        let link = href(r, lang);
        let discard = {
            let resumable = resumable.clone();
            Callback::from(move |_: MouseEvent| {
                Browser::clear_saved();
                resumable.set(None);
            })
        };
        html! {
            <section class="resume" aria-labelledby="resume-heading">
                <h2 id="resume-heading">{ s.resume_heading }</h2>
                <p>{ fill(s.resume_text, &[("flow", flow)]) }</p>
                <p class="actions">
                    <a class="button primary" href={link}>{ s.resume }</a>
                    <button type="button" class="button secondary" onclick={discard}>{ s.discard }</button>
                </p>
            </section>
        }
    });

    html! {
        <div class="screen start">
            <h1 id="main-heading" tabindex="-1">{ s.start_heading }</h1>
            <p class="lead">{ s.start_lead }</p>
            <ul class="facts">
                <li>{ s.fact_audience }</li>
                <li>{ fill(s.fact_source, &[("source", s.source)]) }</li>
                <li>{ s.fact_guidance }</li>
                <li>{ s.fact_privacy }</li>
            </ul>
            { for resume }
            <form class="choose" onsubmit={onsubmit}>
                <fieldset aria-describedby="flow-help">
                    <legend><h2>{ s.choose_heading }</h2></legend>
                    <p id="flow-help" class="help">{ s.choose_help }</p>
                    <div class="options">
                        { for RULEBOOK.flows.iter().enumerate().map(|(i, f)| {
                            let chosen = chosen.clone();
                            radio_option("flow", format!("flow-{}", f.id), f.id, *chosen == i,
                                f.title.get(lang), Some(f.summary.get(lang)),
                                Callback::from(move |_: Event| chosen.set(i)))
                        }) }
                    </div>
                </fieldset>
                <button type="submit" class="button primary">{ s.start_button }</button>
            </form>
            <p class="more"><a href={href(&Route::Faq(None), lang)}>{ s.browse_faq }</a></p>
        </div>
    }
}
