use crate::state::use_app_state;
use leptos::prelude::*;

/// "Back up": downloads every record in one file, and says what it holds.
#[component]
pub fn BackupButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let state = use_app_state();
    let told = RwSignal::new(None::<Result<String, String>>);
    let click = move |_| told.set(Some(state.back_up()));
    view! {
        <button type="button" class:primary=primary on:click=click>
            "Back up"
        </button>
        {move || {
            told.get()
                .map(|result| match result {
                    Ok(done) => view! { <p class="muted" role="status">{done}</p> }.into_any(),
                    Err(why) => view! { <p class="field-error" role="alert">{why}</p> }.into_any(),
                })
        }}
    }
}
