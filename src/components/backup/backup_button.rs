use crate::state::{AppState, use_app_state};
use leptos::prelude::*;

#[cfg(any(feature = "split", not(target_family = "wasm")))]
use leptos::lazy;

/// Making the file is the backup code's work, fetched with the first click.
#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
async fn back_up(state: AppState) -> Result<String, String> {
    crate::components::record_code().await;
    state.back_up()
}

/// "Back up": downloads every record in one file, and says what it holds.
#[component]
pub fn BackupButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let state = use_app_state();
    let told = RwSignal::new(None::<Result<String, String>>);
    let click =
        move |_| leptos::task::spawn_local(async move { told.set(Some(back_up(state).await)) });
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
