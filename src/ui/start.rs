//! The start screen: what the advisor does, and a choice of flow.

use super::{go, Browser};
use crate::route::{self, Route};
use crate::rulebook::{Lang, RULEBOOK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub resumable: Option<Route>,
}

#[function_component(StartScreen)]
pub fn start_screen(props: &Props) -> Html {
    let lang = Lang::default();
    let chosen = use_state(|| 0usize);
    let resumable = use_state(|| props.resumable.clone());

    let onsubmit = {
        let chosen = chosen.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            go(&route::start_flow(*chosen));
        })
    };

    let resume = resumable.as_ref().map(|r| {
        let flow = match r {
            Route::Question { answers, .. } | Route::Result(answers) => RULEBOOK.flows[answers.flow()].title.get(lang),
            _ => "",
        };
        let href = route::encode(r);
        let discard = {
            let resumable = resumable.clone();
            Callback::from(move |_: MouseEvent| {
                Browser::clear_saved();
                resumable.set(None);
            })
        };
        html! {
            <section class="resume" aria-labelledby="resume-heading">
                <h2 id="resume-heading">{ "Continue where you left off?" }</h2>
                <p>{ format!("You have answers saved in this browser for “{flow}”.") }</p>
                <p class="actions">
                    <a class="button" href={href}>{ "Resume" }</a>
                    <button type="button" class="button secondary" onclick={discard}>{ "Discard saved answers" }</button>
                </p>
            </section>
        }
    });

    html! {
        <div class="screen start">
            <h1 id="main-heading" tabindex="-1">{ "Do you need an ICP Filing?" }</h1>
            <p class="lead">
                { "Answer a few plain questions about your website and hosting. The advisor tells you whether you need a Chinese ICP Filing, which kind, where to file and what to do next — and for every piece of advice, why and which FAQ sentence it rests on." }
            </p>
            <ul class="facts">
                <li>{ "For developers and operators putting a site on Alibaba Cloud in mainland China, companies registered outside mainland China, and anyone with a missing Apply button or a revoked ICP number." }</li>
                <li>{ format!("It follows the {}.", RULEBOOK.source) }</li>
                <li>{ "It is guidance, not legal advice." }</li>
                <li>{ "Your answers stay in this browser: nothing you choose is sent anywhere." }</li>
            </ul>
            { for resume }
            <form class="choose" onsubmit={onsubmit}>
                <fieldset aria-describedby="flow-help">
                    <legend><h2>{ "What do you need help with?" }</h2></legend>
                    <p id="flow-help" class="help">{ "Choose one, then Start. You can change any answer later." }</p>
                    <div class="options">
                        { for RULEBOOK.flows.iter().enumerate().map(|(i, f)| {
                            let chosen = chosen.clone();
                            let id = format!("flow-{}", f.id);
                            let hint_id = format!("{id}-hint");
                            html! {
                                <div class="option">
                                    <input type="radio" name="flow" id={id.clone()} value={f.id}
                                        checked={*chosen == i}
                                        aria-describedby={hint_id.clone()}
                                        onchange={Callback::from(move |_: Event| chosen.set(i))} />
                                    <label for={id}>
                                        <span class="label">{ f.title.get(lang) }</span>
                                        <span class="hint" id={hint_id}>{ f.summary.get(lang) }</span>
                                    </label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
                <button type="submit" class="button primary">{ "Start" }</button>
            </form>
            <p><a href="#/faq">{ "Or browse every FAQ question with the advisor's answer" }</a></p>
        </div>
    }
}
