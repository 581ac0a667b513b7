use super::MergeOutline;
use crate::components::{FieldError, Refusal, ShowIf, TextInput};
use crate::model::{clients_and_sessions, format_date};
use crate::platform::{chosen_file, file_text};
use crate::route::Route;
use crate::state::{
    Backup, BackupError, Backups, MAX_BYTES, read_backup, use_backups, use_navigation,
};
use leptos::prelude::*;

fn refusal(why: impl std::fmt::Display) -> String {
    format!("{why} Nothing on this device was changed.")
}

/// "Restore from backup": the chosen file is checked through and through
/// and previewed; nothing on the device changes until the clinician picks
/// how to restore it.
#[component]
pub fn RestoreBackup() -> impl IntoView {
    // The text of the chosen file, until it is restored or put aside.
    let chosen = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // A backup made with the lock on opens with the passphrase it was made with.
    let locked = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let tried = RwSignal::new(None::<String>);
    // About the passphrase once one is asked for, else about the file.
    let refused = Refusal::new(error);
    let passphrase_refused = refused.when(move || locked.get());
    let file_refused = refused.when(move || !locked.get());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        chosen.set(None);
        locked.set(false);
        tried.set(None);
        if file.size() > MAX_BYTES as f64 {
            return error.set(Some(refusal(BackupError::TooLarge)));
        }
        leptos::task::spawn_local(async move {
            match file_text(&file).await {
                Some(text) => {
                    error.set(None);
                    chosen.set(Some(text));
                }
                None => error.set(Some(refusal(format!(
                    "“{}” could not be read.",
                    file.name()
                )))),
            }
        });
    };

    view! {
        <div class="restore">
            <label class="field">
                <span>"Restore from backup"</span>
                <input
                    type="file"
                    accept=".json,application/json"
                    aria-invalid=file_refused.invalid()
                    aria-describedby=file_refused.described_by()
                    on:change=on_file
                />
            </label>
            <ShowIf when=move || locked.get()>
                <p>"This backup was made with the lock on."</p>
                <TextInput
                    label="Passphrase of this backup"
                    kind="password"
                    value=passphrase
                    refused=passphrase_refused
                />
                <button type="button" on:click=move |_| tried.set(Some(passphrase.get_untracked()))>
                    "Open backup"
                </button>
            </ShowIf>
            <FieldError message=refused />
            {move || {
                chosen
                    .get()
                    .map(|text| {
                        let opening = Opening { passphrase: tried.get(), locked, chosen, error };
                        backup_preview(text, opening)
                    })
            }}
        </div>
    }
}

/// What reading a chosen file needs besides its text, and where it answers.
struct Opening {
    /// The passphrase typed for a locked backup, once "Open backup" is pressed.
    passphrase: Option<String>,
    /// Set when the file asks for its passphrase.
    locked: RwSignal<bool>,
    chosen: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
}

fn backup_preview(text: String, opening: Opening) -> AnyView {
    let Opening {
        passphrase,
        locked,
        chosen,
        error,
    } = opening;
    match read_backup(&text, passphrase.as_deref()) {
        Ok(backup) => {
            locked.set(false);
            error.set(None);
            view! { <BackupPreview backup chosen error /> }.into_any()
        }
        Err(BackupError::Locked) => {
            locked.set(true);
            ().into_any()
        }
        Err(BackupError::WrongPassphrase) => {
            error.set(Some(BackupError::WrongPassphrase.to_string()));
            ().into_any()
        }
        Err(why) => {
            locked.set(false);
            error.set(Some(refusal(why)));
            ().into_any()
        }
    }
}

#[component]
fn BackupPreview(
    backup: Backup,
    chosen: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let backups = use_backups();
    let navigation = use_navigation();
    let header = backup.header.clone();
    let merging = backups.merge_preview(&backup);
    let backup = StoredValue::new(backup);
    // Merging and replacing end alike: back to the roster, or the reason shown.
    let restore = move |how: fn(&Backups, &Backup) -> Result<(), String>| {
        move |_| match backup.with_value(|b| how(&backups, b)) {
            Ok(()) => {
                chosen.set(None);
                navigation.navigate(Route::Roster);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let merge = restore(Backups::restore_merging);
    let replace = restore(Backups::restore_replacing);
    let made = header.created_at.get(..10).and_then(|d| d.parse().ok());

    view! {
        <section class="notice" aria-label="Backup preview">
            <p>
                {format!(
                    "This backup holds {}{}.",
                    clients_and_sessions(header.clients, header.sessions),
                    made.map(|d| format!(", made on {}", format_date(d))).unwrap_or_default(),
                )}
            </p>
            <MergeOutline merging />
            <p>
                "Either way, a backup of what is on this device now is downloaded first. “Merge” then adds what this device lacks and takes a version only where it was made from this device's; where both changed, it keeps both. “Replace everything” then puts the backup's records in place of this device's."
            </p>
            <button type="button" class="primary" on:click=merge>"Merge"</button>
            <button type="button" on:click=replace>"Replace everything"</button>
            <button type="button" on:click=move |_| chosen.set(None)>"Cancel"</button>
            // A checksum anyone can recompute: it shows the file arrived whole,
            // and says nothing of who wrote it.
            <p class="muted">
                "Its checksum matches, so the file is whole as it was written. A checksum cannot show who made a file: restore only backups you made or were handed by someone you trust."
            </p>
        </section>
    }
}
