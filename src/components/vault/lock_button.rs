use crate::components::ShowIf;
use crate::state::use_vault;
use leptos::prelude::*;

/// Always in reach while the vault is on: locks this tab and every other.
#[component]
pub fn LockButton() -> impl IntoView {
    let vault = use_vault();
    view! {
        <ShowIf when=move || vault.is_on()>
            <button type="button" class="lock-button" on:click=move |_| vault.lock()>
                "Lock"
            </button>
        </ShowIf>
    }
}
