//! The lens switch on the result and the FAQ (the full module's: see `handover`).

use super::browser::Browser;
use super::context::use_ui;
use super::state::{Action, State};
use crate::present::Lens;
use yew::prelude::*;

/// The lens switch: the FAQ's advice with the notes on current practice, or alone. Choosing
/// keeps the reader's place: the switch stays where it was on the screen while the advice
/// around it changes.
#[function_component(LensSwitch)]
pub fn lens_switch() -> Html {
    let ui = use_ui();
    let s = ui.s();
    let node = use_node_ref();
    // Where the switch was on the screen when the reader chose, until the next render.
    let was_at = use_mut_ref(|| None::<f64>);
    let set = |lens: Lens| {
        let (ui, node, was_at) = (ui.clone(), node.clone(), was_at.clone());
        Callback::from(move |_: Event| {
            *was_at.borrow_mut() = Browser::top_of(&node);
            ui.dispatch.emit(Action::SetLens(lens));
            ui.host.remember_view(&State { lens, ..(*ui.state).clone() });
        })
    };
    let (all, faq) = (set(Lens::All), set(Lens::FaqOnly));
    let lens = ui.state.lens;
    {
        let (node, was_at) = (node.clone(), was_at.clone());
        use_effect_with(lens, move |_| {
            if let Some(top) = was_at.borrow_mut().take() {
                Browser::keep_in_place(&node, top);
            }
            || ()
        });
    }
    html! {
        <fieldset class="lens no-print" ref={node}>
            <legend>{ s.lens_legend }</legend>
            <span class="lens-option">
                <input type="radio" name="lens" id="lens-all" value="all" checked={lens == Lens::All} onchange={all} />
                <label for="lens-all">{ s.lens_all }</label>
            </span>
            <span class="lens-option">
                <input type="radio" name="lens" id="lens-faq" value="faq" checked={lens == Lens::FaqOnly} onchange={faq} />
                <label for="lens-faq">{ s.lens_faq }</label>
            </span>
        </fieldset>
    }
}
