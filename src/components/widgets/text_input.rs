use leptos::prelude::*;

/// The `input` and `change` handlers of a text field: the text goes to
/// `on_text` per keystroke, or once the field is left when `on_leave` is set.
pub(super) fn text_handlers(
    on_text: Callback<String>,
    on_leave: bool,
) -> (
    impl Fn(leptos::ev::Event) + Copy,
    impl Fn(leptos::ev::Event) + Copy,
) {
    let send = move |ev: leptos::ev::Event| on_text.run(event_target_value(&ev));
    (
        move |ev| {
            if !on_leave {
                send(ev)
            }
        },
        move |ev| {
            if on_leave {
                send(ev)
            }
        },
    )
}

/// A labelled one-line field that follows `value`. Browser autofill is off:
/// it would offer one client's details while writing about another.
#[component]
pub fn TextInput(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    /// Gets the text after every keystroke, or once the field is left when
    /// `on_leave` is set.
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(optional)] on_leave: bool,
    #[prop(optional)] placeholder: &'static str,
    /// "done" where Enter finishes the entry on an on-screen keyboard.
    #[prop(optional)]
    enterkeyhint: &'static str,
    #[prop(default = "field")] class: &'static str,
) -> impl IntoView {
    let (on_input, on_change) = text_handlers(on_text, on_leave);
    view! {
        <label class=class>
            <span>{label}</span>
            <input
                type="text"
                autocomplete="off"
                enterkeyhint=(!enterkeyhint.is_empty()).then_some(enterkeyhint)
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=on_input
                on:change=on_change
            />
        </label>
    }
}
