//! Small pieces of markup the screens share.

use yew::prelude::*;

/// One radio option of a choice: a real radio input, named by its label and described by its
/// hint (not both in the name). The start and question screens share it.
pub fn radio_option(
    name: &'static str,
    id: String,
    value: &'static str,
    checked: bool,
    label: &'static str,
    hint: Option<&'static str>,
    onchange: Callback<Event>,
) -> Html {
    let (label_id, hint_id) = (format!("{id}-label"), format!("{id}-hint"));
    html! {
        <div class="option">
            <input type="radio" name={name} id={id.clone()} value={value}
                checked={checked}
                aria-labelledby={label_id.clone()}
                aria-describedby={hint.map(|_| hint_id.clone())}
                onchange={onchange} />
            <label for={id}>
                <span class="label" id={label_id}>{ label }</span>
                if let Some(h) = hint {
                    <span class="hint" id={hint_id}>{ h }</span>
                }
            </label>
        </div>
    }
}
