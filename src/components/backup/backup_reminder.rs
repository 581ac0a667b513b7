use super::BackupButton;
use crate::state::use_backups;
use leptos::prelude::*;

/// "Last backup: 3 days ago" on the roster; after a week of changes outside
/// any backup, a notice that offers one.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let backups = use_backups();
    let standing = Memo::new(move |_| backups.standing());
    view! {
        <section
            class="backup-reminder"
            class:notice=move || standing.with(|s| s.overdue)
            aria-label="Backup"
        >
            <p>
                {move || standing.with(|s| s.label.clone())}
                {move || {
                    standing
                        .with(|s| s.overdue)
                        .then_some(
                            ". Changes from over a week ago are on this device only: back up to keep them safe.",
                        )
                }}
            </p>
            <BackupButton primary=true />
        </section>
    }
}
