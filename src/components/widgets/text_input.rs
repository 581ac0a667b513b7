use super::field_error::{Refusal, aria_described_by, aria_invalid};
use super::{Binding, FieldForm};
use leptos::prelude::*;

/// A labelled one-line field bound to its text (see [`Binding`]). Browser
/// autofill is off: it would offer one client's details while writing about
/// another.
#[component]
pub fn TextInput(
    label: &'static str,
    /// What the field shows; every keystroke writes the whole text back, so
    /// it is saved while typing.
    #[prop(into)]
    value: Binding,
    #[prop(optional)] placeholder: &'static str,
    /// "done" where Enter finishes the entry on an on-screen keyboard.
    #[prop(optional)]
    enterkeyhint: &'static str,
    /// "numeric" for digits only, such as a PIN: the on-screen keyboard shows a keypad.
    #[prop(optional)]
    inputmode: &'static str,
    #[prop(default = "field")] class: &'static str,
    /// "password" for a passphrase: shown as dots, kept out of autofill.
    #[prop(default = "text")]
    kind: &'static str,
    /// Why what was entered here was refused, while it was.
    #[prop(into, default = None)]
    refused: Option<Refusal>,
    /// Inside a form of the caller's, which Enter submits: then the field
    /// is that form's, not in one of its own.
    #[prop(optional)]
    in_form: bool,
) -> impl IntoView {
    let field = view! {
        <label class=class>
            <span>{label}</span>
            <input
                type=kind
                autocomplete=if kind == "password" { "new-password" } else { "off" }
                enterkeyhint=(!enterkeyhint.is_empty()).then_some(enterkeyhint)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                placeholder=placeholder
                aria-invalid=aria_invalid(refused)
                aria-describedby=aria_described_by(refused)
                prop:value=move || value.text.get()
                on:input=move |ev| value.write.run(event_target_value(&ev))
            />
        </label>
    };
    if in_form {
        return field.into_any();
    }
    view! { <FieldForm>{field}</FieldForm> }.into_any()
}
