use super::ProblemsPanel;
use crate::components::{BackupButton, LockPanel, RestoreBackup, ShowIf, SyncPanel};
use crate::state::{use_backups, use_device};
use leptos::prelude::*;

/// Whether this device will keep the notes, how much room they take, and
/// which stored records cannot be read. Its contents are drawn (and storage
/// scanned) the first time it is opened.
#[component]
pub fn DevicePanel() -> impl IntoView {
    let open = RwSignal::new(false);
    let opened = RwSignal::new(false);
    view! {
        <details
            class="panel"
            on:toggle=move |ev| {
                let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                open.set(now);
                if now {
                    opened.set(true);
                }
            }
        >
            <summary><h2>"This device"</h2></summary>
            <ShowIf when=move || opened.get()><DeviceContents open /></ShowIf>
        </details>
    }
}

#[component]
fn DeviceContents(open: RwSignal<bool>) -> impl IntoView {
    let device = use_device();
    let backups = use_backups();
    // One scan of storage serves both sentences.
    let room = Memo::new(move |_| device.room().ok());
    view! {
            <p aria-label="Storage persistence">
                {move || match device.persistent().get() {
                    Some(true) => {
                        "Storage is persistent: the browser will not clear your notes to free space."
                    }
                    Some(false) => {
                        "Storage is not persistent yet: the browser may clear site data when the device runs low on space. Installing the app or using it regularly usually changes this."
                    }
                    None => "This browser does not say whether it keeps site data.",
                }}
            </p>
            <ShowIf when=move || device.persistent().get() != Some(true)>
                <button type="button" on:click=move |_| device.request_persistence()>"Ask to keep data"</button>
            </ShowIf>
            <p aria-label="Room for notes">{move || room.get().map(|r| r.describe())}</p>
            <p>{move || room.get().and_then(|r| r.sessions_left())}</p>
            <p class="muted">
                "Everything stays on this device. Sessionpad makes no network requests unless you "
                "turn on sync, and then only to your own database, with notes encrypted first."
            </p>
            <h3>"Backup"</h3>
            <p>{move || backups.standing().label}</p>
            <BackupButton />
            <RestoreBackup />
            <LockPanel />
            <SyncPanel />
            <ShowIf when=move || open.get()>
                <ProblemsPanel />
            </ShowIf>
    }
}
