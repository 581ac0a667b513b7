use crate::components::{FieldError, Refusal, TextInput};
use crate::platform::after_paint;
use crate::state::use_vault;
use leptos::prelude::*;

/// The vault was re-encrypted with a new key on another device: its new
/// passphrase, typed here, is what lets this device take the new key. The
/// server alone cannot make it: the key is taken only once the passphrase
/// opens it and its seal checks out.
#[component]
pub fn AdoptNewKey() -> impl IntoView {
    let vault = use_vault();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let busy = RwSignal::new(false);
    let adopt = move |_| {
        busy.set(true);
        error.set(None);
        after_paint(move || {
            match vault.adopt_new_key(&passphrase.get_untracked()) {
                Ok(()) => {
                    passphrase.set(String::new());
                    vault.changed();
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <TextInput label="New passphrase" kind="password" value=passphrase refused />
        <FieldError message=refused />
        <button type="button" class="primary" disabled=busy on:click=adopt>
            {move || if busy.get() { "Checking…" } else { "Use the new passphrase" }}
        </button>
    }
}
