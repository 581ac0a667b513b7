use leptos::prelude::*;

/// A labelled one-line field that follows `value`. Browser autofill is off:
/// it would offer one client's details while writing about another.
#[component]
pub fn TextInput(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    /// Gets the text after every keystroke, so it is saved while typing.
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    /// "done" where Enter finishes the entry on an on-screen keyboard.
    #[prop(optional)]
    enterkeyhint: &'static str,
    #[prop(default = "field")] class: &'static str,
    /// "password" for a passphrase: shown as dots, kept out of autofill.
    #[prop(default = "text")]
    kind: &'static str,
) -> impl IntoView {
    view! {
        <label class=class>
            <span>{label}</span>
            <input
                type=kind
                autocomplete=if kind == "password" { "new-password" } else { "off" }
                enterkeyhint=(!enterkeyhint.is_empty()).then_some(enterkeyhint)
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_text.run(event_target_value(&ev))
            />
        </label>
    }
}
