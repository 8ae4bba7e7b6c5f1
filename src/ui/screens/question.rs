//! One question per screen: a real radio group, help, progress, Continue and Back.

use crate::answers::AnswerSet;
use crate::i18n::fill;
use crate::nav;
use crate::route::Route;
use crate::rulebook::{Layer, QIx, TextExt, RULEBOOK};
use crate::ui::context::use_ui;
use crate::ui::widgets::radio_option;
use crate::wording::as_of_citations;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answers: AnswerSet,
    pub question: QIx,
    pub changing: bool,
}

#[function_component(QuestionScreen)]
pub fn question_screen(props: &Props) -> Html {
    let ui = use_ui();
    let s = ui.s();
    let lang = ui.lang();
    let q = &RULEBOOK.questions[props.question];
    let flow = &RULEBOOK.flows[props.answers.flow()];
    let selected = use_state(|| props.answers.get(props.question));
    let error = use_state(|| false);
    let (number, total) = nav::progress(&RULEBOOK, &props.answers, props.question);

    let onsubmit = {
        let (selected, error, ui) = (selected.clone(), error.clone(), ui.clone());
        let (answers, question, changing) = (props.answers, props.question, props.changing);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match *selected {
                Some(o) => {
                    // Record the answer in this screen's own history entry first, so that the
                    // browser's Back returns to it with the choice still made.
                    let mut here = answers;
                    here.set(question, o);
                    ui.host.replace(&Route::Question { answers: here, question, changing }, &ui.state);
                    ui.go(nav::answer(&RULEBOOK, &answers, question, o, changing));
                }
                None => {
                    error.set(true);
                    let form = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if let Some(first) = form
                        .and_then(|f| f.query_selector("input[type=radio]").ok().flatten())
                        .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = first.focus();
                    }
                }
            }
        })
    };
    // Changing an answer from the result: back to the result while the answers make one;
    // on a question the change has newly made necessary, back to the question before it.
    let to_result = props.changing && crate::engine::path(&RULEBOOK, &props.answers).is_complete();
    let back = match nav::back(&RULEBOOK, &props.answers, Some(props.question)) {
        _ if to_result => Route::Result(props.answers),
        Route::Question { answers, question, .. } => {
            Route::Question { answers, question, changing: props.changing }
        }
        other => other,
    };
    let help_id = format!("{}-help", q.id);
    let error_id = format!("{}-error", q.id);
    let described = if *error { format!("{help_id} {error_id}") } else { help_id.clone() };
    let left = total.saturating_sub(number);

    html! {
        <div class="screen question">
            <p class="flow-name">{ flow.title.get(lang) }</p>
            <p class="progress" id="progress">{
                if left == 0 { fill(s.progress_last, &[("n", &number.to_string())]) }
                else { fill(s.progress, &[("n", &number.to_string()), ("left", &left.to_string())]) }
            }</p>
            <form onsubmit={onsubmit} novalidate=true>
                <fieldset aria-describedby={described} class={classes!(error.then_some("has-error"))}>
                    <legend>
                        <h1 id="main-heading" tabindex="-1">{ q.prompt.get(lang) }</h1>
                    </legend>
                    <p class="help" id={help_id}>{ q.help.get(lang) }</p>
                    <p class="error-message" id={error_id} role="alert">
                        if *error { { s.error_choose } }
                    </p>
                    <div class="options">
                        { for q.options.iter().enumerate().map(|(i, o)| {
                            let (selected, error) = (selected.clone(), error.clone());
                            radio_option(q.id, format!("{}-{i}", q.id), o.id, *selected == Some(i),
                                o.label.get(lang), o.hint.map(|h| h.get(lang)),
                                Callback::from(move |_: Event| { selected.set(Some(i)); error.set(false); }))
                        }) }
                    </div>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="button primary">{ s.continue_button }</button>
                    <a class="button secondary" href={ui.href(&back)} onclick={ui.on_link(back.clone(), true)}>
                        { if to_result { s.back_to_result } else { s.back } }
                    </a>
                </div>
            </form>
            // After the form: the options and Continue stay the first stops after the question.
            { practice_help(&ui, q) }
            if q.domain_check {
                { lookup(props.question, selected.clone(), error.clone()) }
            }
        </div>
    }
}

/// The offline domain check beside the question about the domain (the full module's: the
/// question is `full`): the person may type their domain; it is split here, in the page, into
/// the registered domain and the name under it, the answer is chosen for them, and what the
/// sources say of it is one tap away. Nothing is sent anywhere.
fn lookup(question: QIx, selected: UseStateHandle<Option<usize>>, error: UseStateHandle<bool>) -> Html {
    html! { <crate::ui::lookup::DomainLookup {question} {selected} {error} /> }
}

/// What current practice adds to a question's help (e.g. where to look a filing up): marked and
/// dated like every note, with its sources one tap away; not shown under the FAQ-only lens.
fn practice_help(ui: &crate::ui::context::Ui, q: &crate::rulebook::Question) -> Html {
    let Some(p) = &q.practice else { return html! {} };
    if !ui.state.lens.shows(Layer::Practice) {
        return html! {};
    }
    let s = ui.s();
    let lang = ui.lang();
    let cites: Vec<&crate::rulebook::Citation> = p.cites.iter().collect();
    let dates = as_of_citations(&RULEBOOK, &cites, lang);
    html! {
        <div class="practice-help">
            <p class="help">
                <span class="badge practice-badge">{ s.practice_short }</span>{ ui.gap() }
                { p.text.get(lang) }{ ui.gap() }
                <span class="as-of">{ fill(s.in_brackets, &[("text", &dates)]) }</span>
            </p>
            <details class="source">
                <summary>{ s.source_label }</summary>
                { for p.cites.iter().map(|c| crate::ui::cite::citation(ui, c)) }
            </details>
        </div>
    }
}
