//! The start screen: a choice of flow and Start first (so a phone reaches it at once), then
//! what the advisor is and where its advice comes from. With saved answers, Resume is the one
//! primary action.

use crate::i18n::fill;
use crate::nav;
use crate::route::Route;
use crate::rulebook::{TextExt, RULEBOOK};
use crate::ui::context::use_ui;
use crate::ui::state::Action;
use crate::ui::widgets::radio_option;
use yew::prelude::*;

#[function_component(StartScreen)]
pub fn start_screen() -> Html {
    let ui = use_ui();
    let s = ui.s();
    let lang = ui.lang();
    let chosen = ui.state.chosen_flow;

    let onsubmit = {
        let ui = ui.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            ui.go(nav::start_flow(&RULEBOOK, ui.state.chosen_flow));
        })
    };

    // Each flow keeps its own saved place: one Resume each (the first one primary).
    let places: Vec<(usize, &Route)> =
        ui.state.resumable.iter().filter_map(|r| Some((nav::answers_of(&RULEBOOK, r)?.flow(), r))).collect();
    let resume = (!places.is_empty()).then(|| {
        let one = |(i, (flow, r)): (usize, &(usize, &Route))| {
            let discard = {
                let (ui, flow) = (ui.clone(), *flow);
                Callback::from(move |_: MouseEvent| {
                    ui.host.discard_saved(flow);
                    ui.dispatch.emit(Action::DiscardResume(flow));
                })
            };
            let class = if i == 0 { "button primary" } else { "button secondary" };
            // (Several flows' buttons read alike: each is described by its flow's line.)
            let id = format!("resume-{}", RULEBOOK.flows[*flow].id);
            html! {
                <div class="resume-flow">
                    <p id={id.clone()}>{ fill(s.resume_text, &[("flow", RULEBOOK.flows[*flow].title.get(lang))]) }</p>
                    <p class="actions">
                        <a class={class} href={ui.href(r)} onclick={ui.on_link((*r).clone(), false)}
                            aria-describedby={id.clone()}>{ s.resume }</a>
                        <button type="button" class="button secondary" onclick={discard}
                            aria-describedby={id}>{ s.discard }</button>
                    </p>
                </div>
            }
        };
        html! {
            <section class="resume" aria-labelledby="resume-heading">
                <h2 id="resume-heading">{ s.resume_heading }</h2>
                { for places.iter().enumerate().map(one) }
            </section>
        }
    });
    let start_class = if resume.is_some() { "button secondary" } else { "button primary" };

    html! {
        <div class="screen start">
            <h1 id="main-heading" tabindex="-1">{ s.start_heading }</h1>
            <p class="lead">{ s.start_lead }</p>
            { for resume }
            <form class="choose" onsubmit={onsubmit}>
                <fieldset aria-describedby="flow-help">
                    <legend><h2>{ s.choose_heading }</h2></legend>
                    <p id="flow-help" class="help">{ s.choose_help }</p>
                    <div class="options">
                        { for RULEBOOK.flows.iter().enumerate().map(|(i, f)| {
                            let dispatch = ui.dispatch.clone();
                            radio_option("flow", format!("flow-{}", f.id), f.id, chosen == i,
                                f.title.get(lang), Some(f.summary.get(lang)),
                                Callback::from(move |_: Event| dispatch.emit(Action::ChooseFlow(i))))
                        }) }
                    </div>
                </fieldset>
                <button type="submit" class={start_class}>{ s.start_button }</button>
            </form>
            <section class="about" aria-labelledby="about-heading">
                <h2 id="about-heading">{ s.about_heading }</h2>
                <p>{ s.start_more }</p>
                <ul class="facts">
                    <li>{ s.fact_audience }</li>
                    <li>{ fill(s.fact_source, &[("source", s.source)]) }</li>
                    <li>{ fill(s.fact_practice, &[("date", &RULEBOOK.language(lang).date(RULEBOOK.gathered))]) }</li>
                    <li>{ s.fact_guidance }</li>
                    <li>{ s.fact_privacy }</li>
                </ul>
                <p class="more">{ ui.link(Route::Faq(None), None, html! { { s.browse_faq } }) }</p>
            </section>
        </div>
    }
}
