use crate::components::{FieldError, Refusal, TextInput};
use crate::model::clock::format_seconds;
use crate::model::lock::retry_wait_ms;
use crate::platform::{after_paint, now_ms};
use crate::storage::{Unlocked, VaultError, VaultHeader};
use leptos::prelude::*;
use std::time::Duration;

/// All a locked tab shows: nothing of any client is read before unlocking.
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
    let failures = StoredValue::new(0u32);
    let wait_until = RwSignal::new(0i64);
    let now = RwSignal::new(now_ms());
    let ticking = set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(500));
    on_cleanup(move || {
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    let seconds_to_wait = move || (wait_until.get() - now.get() + 999) / 1000;
    let refused = Refusal::new(error);
    // Said once as the wait begins, not counted down: a screen reader
    // announces every change of a message.
    let wait = RwSignal::new(0i64);
    let waiting = Memo::new(move |_| {
        (seconds_to_wait() > 0).then(|| {
            format!(
                "Too many tries. Wait {}, then try again.",
                format_seconds(wait.get() / 1000)
            )
        })
    });

    let unlock = move || {
        if busy.get_untracked() || now_ms() < wait_until.get_untracked() {
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
                    passphrase.set(String::new());
                    recovery.set(String::new());
                    on_unlock.run(unlocked);
                }
                Err(e) => {
                    if matches!(
                        e,
                        VaultError::WrongPassphrase | VaultError::WrongRecoveryKey
                    ) {
                        failures.update_value(|n| *n += 1);
                        wait.set(retry_wait_ms(failures.get_value()));
                        wait_until.set(now_ms() + wait.get_untracked());
                        now.set(now_ms());
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
                {move || {
                    if use_recovery.get() {
                        view! {
                            <TextInput
                                label="Recovery key"
                                value=recovery
                                refused
                                placeholder="xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx"
                            />
                        }
                            .into_any()
                    } else {
                        view! {
                            <TextInput
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
                <div class="dialog-actions">
                    <button
                        type="submit"
                        class="primary"
                        disabled=move || { busy.get() || seconds_to_wait() > 0 }
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
