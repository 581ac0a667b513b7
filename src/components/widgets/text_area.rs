use super::text_input::text_handlers;
use leptos::prelude::*;

/// A labelled multi-line field that follows `value`. Setting an unchanged
/// value leaves the caret alone, so it can follow state while being typed in.
#[component]
pub fn TextArea(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    /// Gets the whole text after every keystroke, or once the field is left
    /// when `on_leave` is set (for records that need not be saved per key).
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(optional)] on_leave: bool,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let (on_input, on_change) = text_handlers(on_text, on_leave);
    view! {
        <label class="field wide">
            <span>{label}</span>
            <textarea
                class=class
                rows=rows
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=on_input
                on:change=on_change
            ></textarea>
        </label>
    }
}
