use super::MergeOutline;
use crate::components::{FieldError, TextInput};
use crate::model::{clients_and_sessions, format_date};
use crate::platform::{chosen_file, file_text};
use crate::route::Route;
use crate::state::{AppState, use_app_state};
use crate::storage::backup::{Backup, BackupError, MAX_BYTES, read_backup};
use leptos::prelude::*;

/// "Restore from backup": the chosen file is checked through and through
/// and previewed; nothing on the device changes until the clinician picks
/// how to restore it.
#[component]
pub fn RestoreBackup() -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(None::<Backup>);
    let error = RwSignal::new(None::<String>);
    // A backup made with the lock on, waiting for the passphrase it was made with.
    let sealed = RwSignal::new(None::<String>);
    let passphrase = RwSignal::new(String::new());
    let refuse = move |why: String| {
        chosen.set(None);
        error.set(Some(format!("{why} Nothing on this device was changed.")));
    };
    let opened = move |read: Result<Backup, BackupError>, text: String| match read {
        Ok(backup) => {
            error.set(None);
            sealed.set(None);
            passphrase.set(String::new());
            chosen.set(Some(backup));
        }
        Err(BackupError::Locked) => {
            chosen.set(None);
            error.set(None);
            sealed.set(Some(text));
        }
        Err(BackupError::WrongPassphrase) => {
            error.set(Some(BackupError::WrongPassphrase.to_string()))
        }
        Err(why) => {
            sealed.set(None);
            refuse(why.to_string())
        }
    };
    let open_sealed = move |_| {
        if let Some(text) = sealed.get_untracked() {
            crate::platform::after_paint(move || {
                opened(read_backup(&text, Some(&passphrase.get_untracked())), text)
            });
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        if file.size() > MAX_BYTES as f64 {
            return refuse(BackupError::TooLarge.to_string());
        }
        leptos::task::spawn_local(async move {
            match file_text(&file).await {
                Some(text) => opened(read_backup(&text, None), text),
                None => refuse(format!("“{}” could not be read.", file.name())),
            }
        });
    };
    // Merging and replacing end alike: back to the roster, or the reason shown.
    let restore = move |how: fn(&AppState, &Backup) -> Result<(), String>| {
        move |_| {
            let Some(backup) = chosen.get_untracked() else {
                return;
            };
            match how(&state, &backup) {
                Ok(()) => {
                    chosen.set(None);
                    state.navigate(Route::Roster);
                }
                Err(why) => error.set(Some(why)),
            }
        }
    };
    let merge = restore(AppState::restore_merging);
    let replace = restore(AppState::restore_replacing);

    view! {
        <div class="restore">
            <label class="field">
                <span>"Restore from backup"</span>
                <input type="file" accept=".json,application/json" on:change=on_file />
            </label>
            <Show when=move || sealed.with(Option::is_some)>
                <p>"This backup was made with the lock on."</p>
                <TextInput
                    label="Passphrase of this backup"
                    kind="password"
                    value=passphrase
                    on_text=move |t| passphrase.set(t)
                />
                <button type="button" on:click=open_sealed>"Open backup"</button>
            </Show>
            <FieldError message=error />
            {move || {
                chosen
                    .with(|backup| backup.as_ref().map(|b| (b.header.clone(), state.merge_preview(b))))
                    .map(|(header, merging)| {
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
                                    "“Merge” adds what this device lacks and keeps both versions where both changed. “Replace everything” first downloads a backup of what is on this device now, then puts the backup's records in their place."
                                </p>
                                <button type="button" class="primary" on:click=merge>"Merge"</button>
                                <button type="button" on:click=replace>"Replace everything"</button>
                                <button type="button" on:click=move |_| chosen.set(None)>"Cancel"</button>
                            </section>
                        }
                    })
            }}
        </div>
    }
}
