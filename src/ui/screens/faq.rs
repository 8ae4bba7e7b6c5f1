//! Every FAQ question with the advisor's answer, the current-practice notes that qualify it,
//! a filter, links into the flows, and a way back to where the person came from.

use crate::i18n::fill;
use crate::nav;
use crate::present::notes_on_faq;
use crate::present::Lens;
use crate::route::Route;
use crate::rulebook::{Lang, Layer, TextExt, RULEBOOK};
use crate::ui::browser::Browser;
use crate::ui::cite::faq_title;
use crate::ui::context::use_ui;
use crate::ui::lens::LensSwitch;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub focus: Option<usize>,
}

#[function_component(FaqPage)]
pub fn faq_page(props: &Props) -> Html {
    let ui = use_ui();
    let s = ui.s();
    let lang = ui.lang();
    let filter = use_state(String::new);
    {
        // A link to one question shows it: scrolled into view and focused.
        use_effect_with(props.focus, move |focus| {
            if let Some(f) = focus {
                Browser::focus_element(&format!("faq-{}", RULEBOOK.faqs[*f].id));
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
                || contains_ignoring_case(f.title.get(lang), needle)
                || contains_ignoring_case(f.answer.get(lang), needle)
                || f.section.contains(needle)
        })
        .collect();
    let back = ui.state.back_to.clone().map(|to| {
        let text = if matches!(to, Route::Result(_)) { s.back_to_result } else { s.back_to_question };
        html! { <p class="back-link"><a href={ui.href(&to)} onclick={ui.on_link(to.clone(), true)}>{ text }</a></p> }
    });
    let is_static = matches!(ui.host, crate::ui::host::Host::Static { .. });

    let mut sections: Vec<&str> = RULEBOOK.faqs.iter().map(|f| f.section).collect();
    sections.dedup();
    html! {
        <div class="screen faq">
            { for back }
            <h1 id="main-heading" tabindex="-1">{ s.faq_heading }</h1>
            <p class="lead">{ fill(s.faq_lead, &[("source", s.source)]) }</p>
            if lang != Lang::SOURCE {
                <p class="help">{ s.faq_original_note }</p>
            }
            if !is_static {
                <LensSwitch />
                <div class="filter">
                    <label for="faq-filter">{ s.filter_label }</label>
                    <input id="faq-filter" type="search" value={(*filter).clone()} oninput={oninput} aria-describedby="faq-count" />
                    <p id="faq-count" class="help" role="status">{ fill(s.filter_count, &[("shown", &shown.len().to_string()), ("total", &RULEBOOK.faqs.len().to_string())]) }</p>
                </div>
            }
            { for sections.iter().map(|section| {
                let items: Vec<usize> = shown.iter().copied().filter(|&i| RULEBOOK.faqs[i].section == *section).collect();
                if items.is_empty() {
                    return html! {};
                }
                let label = fill(s.section, &[("section", section)]);
                html! {
                    <section class="faq-section" aria-label={label}>
                        <h2>{ fill(s.faq_section_heading, &[("section", section)]) }</h2>
                        { for items.into_iter().map(|i| entry(&ui, i, props.focus == Some(i))) }
                    </section>
                }
            }) }
        </div>
    }
}

fn entry(ui: &crate::ui::context::Ui, i: usize, focused: bool) -> Html {
    let s = ui.s();
    let lang = ui.lang();
    let f = &RULEBOOK.faqs[i];
    let flow = &RULEBOOK.flows[f.flow];
    let notes: Vec<usize> = if ui.state.lens == Lens::All { notes_on_faq(&RULEBOOK, i) } else { Vec::new() };
    html! {
        <article class={classes!("faq-entry", focused.then_some("focused"))} id={format!("faq-{}", f.id)} tabindex="-1">
            <h3>{ ui.link(Route::Faq(Some(i)), None, faq_title(lang, i)) }</h3>
            <p>{ f.answer.get(lang) }</p>
            if !notes.is_empty() {
                <aside class="since" aria-label={s.practice_short}>
                    <p class="practice-label"><span class="badge practice-badge">{ s.practice_short }</span>{ ui.gap() }{ fill(s.faq_notes_intro, &[("date", &RULEBOOK.language(lang).date(RULEBOOK.gathered))]) }</p>
                    <ul>
                        { for notes.into_iter().map(|r| {
                            let rec = &RULEBOOK.recommendations[r];
                            debug_assert_eq!(rec.layer, Layer::Practice);
                            let first = rec.body.first().map(|p| p.text.get(lang));
                            html! { <li><strong>{ rec.title.get(lang) }</strong>{ for first.map(|t| html! { <>{ ui.gap() }{ t }</> }) }</li> }
                        }) }
                    </ul>
                </aside>
            }
            <p class="related">{ ui.link(nav::start_flow(&RULEBOOK, f.flow), None, html! { { fill(s.work_it_out, &[("flow", flow.title.get(lang))]) } }) }</p>
        </article>
    }
}

/// Whether `haystack` contains `needle`, ignoring ASCII case. The texts are English and
/// Chinese (which has no case), so ASCII folding suffices, and it spares the Wasm the
/// Unicode case tables that `to_lowercase` would bring in.
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || (n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n)))
}
