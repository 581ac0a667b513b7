use super::account_fields::{AccountFields, AccountForm};
use super::adopt_new_key::AdoptNewKey;
use crate::components::{ConfirmButton, FieldError, Refusal, ShowIf};
use crate::state::{check_database, use_saving, use_syncing, use_vault};
use crate::sync::{SyncError, SyncStatus};
use leptos::prelude::*;

/// "Sync between devices" under "This device": off by default; turning it
/// on needs the lock, so the server only ever holds encrypted notes.
#[component]
pub fn SyncPanel() -> impl IntoView {
    let syncing = use_syncing();
    let vault = use_vault();
    let saving = use_saving();
    let account = move || syncing.account().ok().flatten();
    view! {
        <h3>"Sync between devices"</h3>
        {move || match (vault.is_on(), account()) {
            (false, _) => view! {
                <p>
                    "Sync keeps your notes the same on a tablet and a laptop, through a database "
                    "you run. It needs the lock with a passphrase: turn that on first, so the "
                    "database only ever holds encrypted notes."
                </p>
            }.into_any(),
            (true, None) => view! { <TurnOnSync /> }.into_any(),
            (true, Some(account)) => {
                let status = move || syncing.status().get();
                let off = move |()| {
                    if let Err(e) = syncing.turn_off() {
                        saving.report(&e);
                    }
                };
                view! {
                    <p>
                        {format!(
                            "Syncing with {} as {}. The database only ever receives notes encrypted on this device.",
                            account.address.as_str(),
                            account.credentials.user(),
                        )}
                    </p>
                    <p class="sync-detail">
                        {move || match status() {
                            SyncStatus::Failed(why) => why.to_string(),
                            SyncStatus::Offline => "The server could not be reached. Every change stays here and goes when it can.".into(),
                            _ => String::new(),
                        }}
                    </p>
                    <ShowIf when=move || status() == SyncStatus::Failed(SyncError::NewKeyElsewhere)>
                        <AdoptNewKey />
                    </ShowIf>
                    <ConfirmButton
                        label="Turn off sync"
                        question="Turn off sync? Notes stay on this device; the other devices keep theirs.".to_string()
                        confirm="Turn off"
                        on_confirm=off
                    />
                }.into_any()
            }
        }}
    }
}

#[component]
fn TurnOnSync() -> impl IntoView {
    let syncing = use_syncing();
    let form = AccountForm::new();
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let busy = RwSignal::new(false);
    let turn_on = move |_| {
        let account = match form.account() {
            Ok(account) => account,
            Err(e) => return error.set(Some(e.to_string())),
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let checked = check_database(&account).await;
            let turned_on = checked
                .map_err(|e| e.to_string())
                .and_then(|()| syncing.turn_on(&account).map_err(|e| e.to_string()));
            match turned_on {
                Ok(()) => syncing.start(),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <p>
            "Keep your notes the same on every device you use, through a CouchDB database you "
            "run. Notes are encrypted on this device before they leave it: the database never "
            "sees a name or a word of them."
        </p>
        <AccountFields form refused />
        <FieldError message=refused />
        <button type="button" class="primary" disabled=busy on:click=turn_on>
            {move || if busy.get() { "Connecting…" } else { "Turn on sync" }}
        </button>
    }
}
