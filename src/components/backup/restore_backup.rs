use super::MergeOutline;
use crate::components::FieldError;
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
    let refuse = move |why: String| {
        chosen.set(None);
        error.set(Some(format!("{why} Nothing on this device was changed.")));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        if file.size() > MAX_BYTES as f64 {
            return refuse(BackupError::TooLarge.to_string());
        }
        leptos::task::spawn_local(async move {
            match file_text(&file).await.map(|text| read_backup(&text)) {
                Some(Ok(backup)) => {
                    error.set(None);
                    chosen.set(Some(backup));
                }
                Some(Err(why)) => refuse(why.to_string()),
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
