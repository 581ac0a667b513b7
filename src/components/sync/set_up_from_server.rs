use super::account_fields::{AccountFields, AccountForm};
use crate::components::{FieldError, Refusal, ShowIf, TextInput};
use crate::state::{set_up_from_server, use_syncing};
use leptos::prelude::*;
use zeroize::{Zeroize, Zeroizing};

/// "Set up from server" on an empty roster: a new device joins the notes
/// another device syncs. The form opens with the first click.
#[component]
pub fn SetUpFromServer() -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <ShowIf
            when=move || opened.get()
            fallback=move || view! {
                <button type="button" on:click=move |_| opened.set(true)>"Set up from server"</button>
            }
        >
            <SetUpForm />
        </ShowIf>
    }
}

#[component]
fn SetUpForm() -> impl IntoView {
    let syncing = use_syncing();
    let form = AccountForm::new();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    // Left empty: the message is about the passphrase field.
    let passphrase_missing = RwSignal::new(false);
    let passphrase_refused = refused.when(move || passphrase_missing.get());
    let busy = RwSignal::new(false);
    let connect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let account = match form.account() {
            Ok(account) => account,
            Err(e) => return error.set(Some(e.to_string())),
        };
        passphrase_missing.set(passphrase.get_untracked().is_empty());
        if passphrase_missing.get_untracked() {
            return error.set(Some(
                "Enter the passphrase your notes are locked with.".into(),
            ));
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let typed = Zeroizing::new(passphrase.get_untracked());
            let joined = set_up_from_server(syncing, account, typed).await;
            // The form may be gone (the roster the pull fills): then so is its passphrase.
            let _ = passphrase.try_update(|p| p.zeroize());
            if let Err(e) = joined {
                // The page may have moved on to the roster the pull fills.
                let _ = error.try_set(Some(e));
                let _ = busy.try_set(false);
            }
        });
    };
    view! {
        <form class="panel set-up" aria-label="Set up from server" on:submit=connect>
            <h2>"Set up from server"</h2>
            <p>
                "Bring the notes another device syncs onto this one: the database it syncs "
                "with, and the passphrase its lock uses. This device is then locked with the "
                "same passphrase."
            </p>
            <AccountFields form refused in_form=true />
            <TextInput in_form=true label="Passphrase" kind="password" value=passphrase refused=passphrase_refused />
            <FieldError message=refused />
            <button type="submit" class="primary" disabled=busy>
                {move || if busy.get() { "Connecting…" } else { "Connect" }}
            </button>
        </form>
    }
}
