use leptos::prelude::*;

/// A form around one field, which nothing ever submits: at every key the
/// browser looks over the fields of the form typed in (for its autofill),
/// and for a field in no form, over every field on the page. On the session
/// page that is some 5 ms of each key on a tablet. Enter in a one-line
/// field submits it, which does nothing, as in a field alone. It takes no
/// room of its own (`display: contents`).
#[component]
pub fn FieldForm(children: Children) -> impl IntoView {
    view! {
        <form class="field-form" on:submit=|ev| ev.prevent_default()>
            {children()}
        </form>
    }
}
