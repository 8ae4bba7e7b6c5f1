//! Events a mounted advisor sends on its element (they bubble and cross shadow roots):
//! `icp-advisor-change` with the answers on every move, `icp-advisor-result` with the advice
//! (the JSON of `icp-advisor evaluate`) when a result is shown.

use crate::present::Outcome;
use crate::report::render_presented;
use crate::route::Route;
use crate::rulebook::RULEBOOK;
use crate::ui::state::State;
use serde::Serialize;

fn send_one(element: &web_sys::Element, name: &str, detail: &wasm_bindgen::JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
}

fn js<T: Serialize>(value: &T) -> wasm_bindgen::JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(wasm_bindgen::JsValue::NULL)
}

/// The change on every move, and the advice once a result is shown (`outcome`: the result's
/// evaluation, made once by the app).
pub fn send(element: &web_sys::Element, state: &State, outcome: Option<&Outcome>) {
    let (answers, complete) = match &state.route {
        Route::Question { answers, .. } => (answers, false),
        Route::Result(answers) => (answers, true),
        _ => return,
    };
    #[derive(Serialize)]
    struct Change {
        #[serde(flatten)]
        answers: crate::answers::AnswersInput,
        complete: bool,
    }
    send_one(element, "icp-advisor-change", &js(&Change { answers: answers.to_input(&RULEBOOK), complete }));
    if let Some(o) = outcome.filter(|_| complete) {
        let advice = render_presented(&RULEBOOK, &o.ev, &o.shown, state.lang, o.lens);
        send_one(element, "icp-advisor-result", &js(&advice));
    }
}
