//! Every FAQ question with the advisor's answer, a filter, and links into the flows.

use super::{href, use_lang};
use crate::i18n::{fill, strings};
use crate::route::{self, Route};
use crate::rulebook::{TextExt, RULEBOOK};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub focus: Option<usize>,
}

#[function_component(FaqPage)]
pub fn faq_page(props: &Props) -> Html {
    let lang = use_lang();
    let s = strings(lang);
    let filter = use_state(String::new);
    {
        let focus = props.focus;
        use_effect_with(focus, move |focus| {
            if let Some(f) = focus {
                let id = format!("faq-{}", RULEBOOK.faqs[*f].id);
                if let Some(el) = super::browser::document().and_then(|d| d.get_element_by_id(&id)) {
                    el.scroll_into_view();
                    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
            || ()
        });
    }
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                filter.set(input.value());
            }
        })
    };
    let needle = filter.trim();
    let shown: Vec<usize> = (0..RULEBOOK.faqs.len())
        .filter(|&i| {
            let f = &RULEBOOK.faqs[i];
            needle.is_empty()
                || contains_ignoring_case(f.question, needle)
                || contains_ignoring_case(f.answer.get(lang), needle)
                || f.section.contains(needle)
        })
        .collect();

    let mut sections: Vec<&str> = RULEBOOK.faqs.iter().map(|f| f.section).collect();
    sections.dedup();
    html! {
        <div class="screen faq">
            <h1 id="main-heading" tabindex="-1">{ s.faq_heading }</h1>
            <p class="lead">{ fill(s.faq_lead, &[("source", s.source)]) }</p>
            <div class="filter">
                <label for="faq-filter">{ s.filter_label }</label>
                <input id="faq-filter" type="search" value={(*filter).clone()} oninput={oninput} aria-describedby="faq-count" />
                <p id="faq-count" class="help" role="status">{ fill(s.filter_count, &[("shown", &shown.len().to_string()), ("total", &RULEBOOK.faqs.len().to_string())]) }</p>
            </div>
            { for sections.iter().map(|section| {
                let items: Vec<usize> = shown.iter().copied().filter(|&i| RULEBOOK.faqs[i].section == *section).collect();
                if items.is_empty() {
                    return html! {};
                }
                let label = fill(s.section, &[("section", section)]);
                html! {
                    <section class="faq-section" aria-label={label}>
                        <h2>{ format!("§{section}") }</h2>
                        { for items.into_iter().map(|i| {
                            let f = &RULEBOOK.faqs[i];
                            let flow = &RULEBOOK.flows[f.flow];
                            html! {
                                <article class={classes!("faq-entry", (props.focus == Some(i)).then_some("focused"))} id={format!("faq-{}", f.id)} tabindex="-1">
                                    <h3><a href={href(&Route::Faq(Some(i)), lang)} lang="en">{ f.question }</a></h3>
                                    <p>{ f.answer.get(lang) }</p>
                                    <p class="related"><a href={href(&route::start_flow(f.flow), lang)}>{ fill(s.work_it_out, &[("flow", flow.title.get(lang))]) }</a></p>
                                </article>
                            }
                        }) }
                    </section>
                }
            }) }
        </div>
    }
}

/// Whether `haystack` contains `needle`, ignoring ASCII case. The texts are English and
/// Chinese (which has no case), so ASCII folding suffices, and it spares the Wasm the
/// Unicode case tables that `to_lowercase` would bring in.
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || (n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n)))
}
