//! This device as the screens see it: whether the browser promised to keep
//! the data, how much room storage has left, and a newer build of the app
//! waiting to be used.

use super::Records;
use super::saving::StorageError;
use crate::storage::{Room, Store};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Device {
    records: Records,
    /// Whether the browser promised not to evict our data (None: unknown).
    persistent: RwSignal<Option<bool>>,
    persistence_requested: StoredValue<bool>,
    /// A newer build is installed and waits for the clinician's go-ahead.
    update_ready: RwSignal<bool>,
}

impl Device {
    /// The device of these records; the first save asks the browser to keep them.
    pub(super) fn new(records: Records) -> Self {
        let device = Self {
            records,
            persistent: RwSignal::new(None),
            persistence_requested: StoredValue::new(false),
            update_ready: RwSignal::new(false),
        };
        records.after_save(move || device.request_persistence_once());
        device
    }

    pub fn persistent(&self) -> ReadSignal<Option<bool>> {
        self.persistent.read_only()
    }

    /// At the first save: data now exists that must not be evicted.
    fn request_persistence_once(&self) {
        if self.persistence_requested.get_value() {
            return;
        }
        self.persistence_requested.set_value(true);
        self.request_persistence();
    }

    /// Asks the browser to keep our data for good, and shows its answer.
    pub fn request_persistence(&self) {
        let persistent = self.persistent;
        crate::platform::in_background(async move {
            persistent.set(crate::offline::request_persistence().await);
        });
    }

    /// Learns whether the browser already keeps our data, without asking.
    pub fn check_persistence(&self) {
        let persistent = self.persistent;
        crate::platform::in_background(async move {
            persistent.set(crate::offline::is_persistent().await);
        });
    }

    /// How much of the browser's storage the notes take; tracked.
    pub fn room(&self) -> Result<Room, StorageError> {
        self.records.read(Store::room)
    }

    pub fn update_ready(&self) -> ReadSignal<bool> {
        self.update_ready.read_only()
    }

    pub fn set_update_ready(&self) {
        self.update_ready.set(true);
    }
}

pub fn use_device() -> Device {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{client, tab_on};
    use super::super::use_records;
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn the_first_save_asks_the_browser_to_keep_the_notes() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let this = use_device();
            assert!(!this.persistence_requested.get_value());
            use_records().commit(&client("c1", "Alex"));
            assert!(this.persistence_requested.get_value());
        });
    }

    #[test]
    fn an_update_ready_is_shown_once_the_worker_says_so() {
        tab_on(&MemoryBackend::new()).with(|| {
            let this = use_device();
            assert!(!this.update_ready().get_untracked());
            this.set_update_ready();
            assert!(this.update_ready().get_untracked());
        });
    }

    #[test]
    fn the_room_the_notes_take_grows_with_them() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let this = use_device();
            let room = Memo::new(move |_| this.room().unwrap().notes);
            let empty = room.get_untracked();
            use_records().commit(&client("c1", "Alex"));
            assert!(room.get_untracked() > empty);
        });
    }
}
