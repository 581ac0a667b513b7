use super::field_error::{Refusal, aria_described_by, aria_invalid};
use super::{Binding, FieldForm};
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
        // In a form of its own: no caller puts a text area inside another.
        <FieldForm>
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
        </FieldForm>
    }
}
