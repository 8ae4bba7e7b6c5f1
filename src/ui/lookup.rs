//! The offline domain check beside the question about the domain (`src/domain.rs`): the person
//! may type their domain; it is split here, in the page, into the registered domain and the name
//! under it, the answer is chosen for them, and what the sources say of it is one tap away.
//! Nothing is sent anywhere. The question is `full`, so only the full module has this screen
//! (and the stylesheet's rules for it: see `site::page_css`).

use super::context::use_ui;
use crate::i18n::fill;
use crate::rulebook::{QIx, TextExt, RULEBOOK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LookupProps {
    pub question: QIx,
    pub selected: UseStateHandle<Option<usize>>,
    pub error: UseStateHandle<bool>,
}

#[function_component(DomainLookup)]
pub fn domain_lookup(p: &LookupProps) -> Html {
    let ui = use_ui();
    let s = ui.s();
    let lang = ui.lang();
    let name = use_state(String::new);
    let outcome = use_state(|| None::<Result<crate::domain::DomainReport, String>>);
    let q = &RULEBOOK.questions[p.question];
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        })
    };
    let onclick = {
        let (name, outcome, selected, error) =
            (name.clone(), outcome.clone(), p.selected.clone(), p.error.clone());
        let question = p.question;
        Callback::from(move |_: MouseEvent| {
            let r = crate::domain::check(&RULEBOOK, &name, None).map_err(|e| e.to_string());
            if let Ok(report) = &r {
                let options = RULEBOOK.questions[question].options;
                if let Some(o) = options.iter().position(|o| o.id == report.domain_kind) {
                    selected.set(Some(o));
                    error.set(false);
                }
            }
            outcome.set(Some(r));
        })
    };
    let result = match &*outcome {
        None => html! {},
        Some(Err(message)) => html! { <p class="lookup-error" role="alert">{ message.clone() }</p> },
        Some(Ok(r)) => {
            let split = match &r.under {
                Some(under) => fill(s.lookup_split, &[("domain", &r.registrable_unicode), ("name", under)]),
                None => fill(s.lookup_split_top, &[("domain", &r.registrable_unicode)]),
            };
            let chosen =
                q.options.iter().find(|o| o.id == r.domain_kind).map(|o| o.label.get(lang)).unwrap_or("");
            let notes: Vec<&crate::rulebook::DomainNote> =
                r.notes.iter().map(|&i| &RULEBOOK.domain_notes[i]).collect();
            html! {
                <div class="lookup-result" role="status">
                    <p>{ split }{ ui.gap() }{ fill(s.lookup_chosen, &[("answer", chosen)]) }</p>
                    <p>{ if r.problem { s.lookup_problem } else { s.lookup_fine } }</p>
                    if r.problem {
                        <ul>{ for notes.iter().filter(|d| d.problem).map(|d| html! { <li>{ d.text.get(lang) }</li> }) }</ul>
                    }
                    <details class="source">
                        <summary>{ s.lookup_more }</summary>
                        { for notes.iter().map(|d| html! {
                            <div class="lookup-note">
                                <p>{ d.text.get(lang) }</p>
                                { for d.cites.iter().map(|c| super::cite::citation(&ui, c)) }
                            </div>
                        }) }
                    </details>
                </div>
            }
        }
    };
    html! {
        <div class="lookup">
            <label for="domain-lookup">{ s.lookup_label }</label>
            <div class="lookup-row">
                <input id="domain-lookup" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                    value={(*name).clone()} {oninput} />
                <button type="button" class="button secondary" {onclick}>{ s.lookup_button }</button>
            </div>
            { result }
        </div>
    }
}
