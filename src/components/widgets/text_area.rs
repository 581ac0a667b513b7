use super::Binding;
use super::field_error::{Refusal, aria_described_by, aria_invalid};
use leptos::prelude::*;

/// A labelled multi-line field bound to its text (see [`Binding`]). Setting
/// an unchanged value leaves the caret alone, so it can follow its text
/// while being typed in.
#[component]
pub fn TextArea(
    label: &'static str,
    /// What the field shows; every keystroke writes the whole text back, so
    /// it is saved while typing.
    #[prop(into)]
    value: Binding,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] class: &'static str,
    /// Why what was entered here was refused, while it was.
    #[prop(into, default = None)]
    refused: Option<Refusal>,
) -> impl IntoView {
    view! {
        // A form of its own, though nothing is ever submitted from it: at
        // every key the browser looks over the fields of the form typed in
        // (for its autofill), and for a field in no form, over every field
        // on the page. On the session page that is some 5 ms of each key on
        // a tablet. No caller puts a text area inside another form.
        <form class="field-form" on:submit=|ev| ev.prevent_default()>
            <label class="field wide">
                <span>{label}</span>
                <textarea
                    class=class
                    rows=rows
                    // Only while empty, when it shows: a placeholder present is
                    // restyled at every key typed, however long the text.
                    placeholder=move || value.text.with(String::is_empty).then_some(placeholder)
                    aria-invalid=aria_invalid(refused)
                    aria-describedby=aria_described_by(refused)
                    prop:value=move || value.text.get()
                    on:input=move |ev| value.write.run(event_target_value(&ev))
                ></textarea>
            </label>
        </form>
    }
}
