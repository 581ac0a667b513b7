use super::WrongTriesGate;
use crate::components::{FieldError, Refusal, ShowIf, TextInput};
use crate::platform::after_paint;
use crate::state::{Unlocked, VaultError, VaultHeader, VaultStage};
use leptos::prelude::*;

/// All a locked tab shows: nothing of any client is read before unlocking.
/// Wrong tries are counted on the device, so a reload keeps the wait.
#[component]
pub fn LockedScreen(
    header: VaultHeader,
    #[prop(into)] on_unlock: Callback<Unlocked>,
) -> impl IntoView {
    let header = StoredValue::new(header);
    let passphrase = RwSignal::new(String::new());
    let recovery = RwSignal::new(String::new());
    let use_recovery = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let gate = WrongTriesGate::start();
    let refused = Refusal::new(error);
    let waiting = gate.waiting();

    let unlock = move || {
        if busy.get_untracked() || !gate.may_try() {
            return;
        }
        busy.set(true);
        error.set(None);
        after_paint(move || {
            let result = header.with_value(|h| {
                if use_recovery.get_untracked() {
                    h.unlock_with_recovery(&recovery.get_untracked())
                } else {
                    h.unlock(&passphrase.get_untracked())
                }
            });
            match result {
                Ok(unlocked) => {
                    gate.right();
                    passphrase.set(String::new());
                    recovery.set(String::new());
                    on_unlock.run(unlocked);
                }
                Err(e) => {
                    if matches!(
                        e,
                        VaultError::WrongPassphrase | VaultError::WrongRecoveryKey
                    ) {
                        gate.wrong();
                    }
                    error.set(Some(e.to_string()));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <main class="screen locked">
            <form
                class="panel unlock"
                on:submit=move |ev| {
                    ev.prevent_default();
                    unlock();
                }
            >
                <h1>"Sessionpad is locked"</h1>
                {header
                    .with_value(|h| matches!(h.stage, VaultStage::Rekeying(_)))
                    .then(|| {
                        view! {
                            <p class="muted">
                                "Re-encrypting with a new key was under way. Unlock with the new passphrase "
                                "(or the new recovery key) and it goes on."
                            </p>
                        }
                    })}
                {move || {
                    if use_recovery.get() {
                        view! {
                            <TextInput in_form=true
                                label="Recovery key"
                                value=recovery
                                refused
                                placeholder="xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx"
                            />
                        }
                            .into_any()
                    } else {
                        view! {
                            <TextInput in_form=true
                                label="Passphrase"
                                kind="password"
                                value=passphrase
                                refused
                            />
                        }
                            .into_any()
                    }
                }}
                <FieldError message=refused />
                <FieldError message=waiting />
                <ShowIf when=move || { gate.seconds_to_wait() > 0 }>
                    <p class="muted">
                        "The wait slows down someone trying passphrases at this screen, even after a reload. "
                        "It cannot slow down someone holding a copy of the data: only a passphrase that is hard to guess protects that."
                    </p>
                </ShowIf>
                <div class="dialog-actions">
                    <button
                        type="submit"
                        class="primary"
                        disabled=move || { busy.get() || gate.seconds_to_wait() > 0 }
                    >
                        {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                    </button>
                    <button
                        type="button"
                        on:click=move |_| {
                            use_recovery.update(|r| *r = !*r);
                            error.set(None);
                        }
                    >
                        {move || if use_recovery.get() { "Use passphrase" } else { "Use recovery key" }}
                    </button>
                </div>
            </form>
        </main>
    }
}
