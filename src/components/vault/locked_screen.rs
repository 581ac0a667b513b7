use crate::components::{FieldError, Refusal, TextInput};
use crate::model::clock::format_seconds;
use crate::model::lock::WrongTries;
use crate::platform::{after_paint, now_ms};
use crate::storage::{
    LocalStorageBackend, Unlocked, VaultError, VaultHeader, keep_wrong_tries, wrong_tries,
};
use leptos::prelude::*;
use std::time::Duration;

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
    let device = StoredValue::new_local(LocalStorageBackend::open().ok());
    // Another tab at this screen counts on the same device, so the stored
    // count is read again before each try; this page's own count stands
    // in when storage refused to keep it.
    let tries = RwSignal::new(WrongTries::default());
    let known_tries = move || {
        let stored = device.with_value(|d| d.as_ref().map(|d| wrong_tries(d)));
        stored.unwrap_or_default().max(tries.get_untracked())
    };
    tries.set(known_tries());
    let keep = move |kept: WrongTries| {
        tries.set(kept);
        device.update_value(|d| {
            if let Some(d) = d {
                // Not kept (storage full): this page still waits.
                let _ = keep_wrong_tries(d, kept);
            }
        });
    };
    let now = RwSignal::new(now_ms());
    let ticking = set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(500));
    on_cleanup(move || {
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    let seconds_to_wait = move || (tries.get().wait_ms(now.get()) + 999) / 1000;
    let refused = Refusal::new(error);
    // Said once as the wait begins, not counted down: a screen reader
    // announces every change of a message.
    let wait = RwSignal::new(tries.get_untracked().wait_ms(now_ms()));
    let waiting = Memo::new(move |_| {
        (seconds_to_wait() > 0).then(|| {
            format!(
                "Too many tries. Wait {}, then try again.",
                format_seconds((wait.get() + 999) / 1000)
            )
        })
    });

    let unlock = move || {
        tries.set(known_tries());
        if busy.get_untracked() || tries.get_untracked().wait_ms(now_ms()) > 0 {
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
                    keep(WrongTries::default());
                    passphrase.set(String::new());
                    recovery.set(String::new());
                    on_unlock.run(unlocked);
                }
                Err(e) => {
                    if matches!(
                        e,
                        VaultError::WrongPassphrase | VaultError::WrongRecoveryKey
                    ) {
                        keep(known_tries().after_another(now_ms()));
                        wait.set(tries.get_untracked().wait_ms(now_ms()));
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
                <Show when=move || { seconds_to_wait() > 0 }>
                    <p class="muted">
                        "The wait slows down someone trying passphrases at this screen, even after a reload. "
                        "It cannot slow down someone holding a copy of the data: only a passphrase that is hard to guess protects that."
                    </p>
                </Show>
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
