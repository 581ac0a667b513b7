use crate::state::use_app_state;
use leptos::prelude::*;

/// Always in reach while the vault is on: locks this tab and every other.
#[component]
pub fn LockButton() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.vault_on()>
            <button type="button" class="lock-button" on:click=move |_| state.lock()>
                "Lock"
            </button>
        </Show>
    }
}
