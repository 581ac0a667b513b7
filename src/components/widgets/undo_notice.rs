use leptos::prelude::*;

/// "Deleted … Undo" after something was deleted; nothing while `deleted` is None.
#[component]
pub fn UndoNotice(
    /// What was deleted, in words: "“Sleep diary”".
    #[prop(into)]
    deleted: Signal<Option<String>>,
    #[prop(into)] on_undo: Callback<()>,
) -> impl IntoView {
    move || {
        deleted.get().map(|what| {
            view! {
                <p class="undo" role="status">
                    {format!("Deleted {what}. ")}
                    <button type="button" on:click=move |_| on_undo.run(())>"Undo"</button>
                </p>
            }
        })
    }
}
