use leptos::prelude::*;

/// A labelled multi-line field that follows `value`. Setting an unchanged
/// value leaves the caret alone, so it can follow state while being typed in.
#[component]
pub fn TextArea(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    /// Gets the whole text after every keystroke, so it is saved while typing.
    #[prop(into)]
    on_text: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <label class="field wide">
            <span>{label}</span>
            <textarea
                class=class
                rows=rows
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_text.run(event_target_value(&ev))
            ></textarea>
        </label>
    }
}
