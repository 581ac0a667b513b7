use crate::components::{MergeByHand, ShowIf};
use crate::model::merge::Merge;
use crate::state::{Revised, use_conflicts};
use leptos::prelude::*;

/// Shown while a version of the record is set aside because another tab or
/// window, or another device, changed it too: nothing is lost until the
/// clinician chooses.
#[component]
pub fn ConflictNotice<T>(
    /// What the record is called in the message: "session", "client".
    noun: &'static str,
    /// The record as this page shows it; it takes the version kept.
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Revised + Merge + Send + Sync,
{
    let conflicts = use_conflicts();
    let record = StoredValue::new(value.with_untracked(Revised::record));
    let both = RwSignal::new(false);
    let keep_mine = move |_| {
        conflicts.keep_version(value.get_untracked());
    };
    let keep_theirs = move |_| {
        if let Some(theirs) = conflicts.keep_theirs(&record.read_value()) {
            value.set(theirs);
        }
    };
    // Another device's version reads differently: "mine" and "theirs" may
    // both have been typed by the clinician, on two devices. Read once per
    // change, and only while there is a conflict to word.
    let from_device = Memo::new(move |_| {
        let record = record.read_value();
        conflicts.in_conflict(&record) && conflicts.from_another_device(&record)
    });
    // A merged backup's version: shown here, beside this device's, and the
    // clinician must not read it as their own tab's.
    let from_backup = Memo::new(move |_| {
        let record = record.read_value();
        conflicts.in_conflict(&record) && conflicts.from_backup(&record)
    });
    let elsewhere = move || from_device.get() || from_backup.get();
    view! {
        <ShowIf when=move || conflicts.in_conflict(&record.read_value())>
            <section
                class="notice conflict"
                role="alert"
                aria-label=move || if from_backup.get() { "Another version from a backup" } else if from_device.get() { "Changed on another device" } else { "Changed in another tab" }
            >
                <p>
                    {move || if from_backup.get() {
                        format!("A backup you merged holds another version of this {noun}. It is shown here; this device's version is kept too, until you choose which to keep.")
                    } else if from_device.get() {
                        format!("Changed on another device: this {noun} was also changed there. Both versions are kept until you choose which to keep.")
                    } else {
                        format!("This {noun} was also changed in another tab or window. Your version is kept aside until you choose which to keep.")
                    }}
                </p>
                <button type="button" class="primary" on:click=keep_mine>
                    {move || if elsewhere() { "Keep this version" } else { "Keep mine" }}
                </button>
                <button type="button" on:click=keep_theirs>
                    {move || if elsewhere() { "Keep the other version" } else { "Keep theirs" }}
                </button>
                <button type="button" aria-pressed=move || both.get().to_string() on:click=move |_| both.update(|b| *b = !*b)>
                    "Show both"
                </button>
                <ShowIf when=move || both.get()>
                    <MergeByHand value />
                </ShowIf>
            </section>
        </ShowIf>
    }
}
