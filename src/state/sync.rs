//! Sync between devices as the screens see it: its status, turning it on
//! and off, and the store handed to the running sync one step at a time
//! (see `engine`).

mod engine;
mod join;
mod transport;

pub use join::{check_database, set_up_from_server};

use super::Records;
use super::saving::StorageError;
use crate::storage::Store;
use crate::sync::{Account, SyncError, SyncStatus};
use leptos::prelude::*;
use std::rc::Rc;

/// Sync with the clinician's own database, as this tab runs it.
#[derive(Clone, Copy)]
pub struct Syncing {
    records: Records,
    /// Sync between devices, as the status bar shows it.
    status: RwSignal<SyncStatus>,
    /// What sync refused or moved since it was turned on, in words.
    notices: RwSignal<Vec<String>>,
    /// Bumped when sync is turned on or off: a running sync whose number
    /// is no longer this one stops.
    run: RwSignal<u64>,
    /// Tells the running sync that something was saved, so it pushes.
    wake: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
}

impl Syncing {
    /// Sync of these records; each save wakes the running sync to push.
    pub(super) fn new(records: Records) -> Self {
        let syncing = Self {
            records,
            status: RwSignal::new(SyncStatus::Off),
            notices: RwSignal::new(Vec::new()),
            run: RwSignal::new(0),
            wake: StoredValue::new_local(None),
        };
        records.after_save(move || syncing.push_soon());
        syncing
    }

    pub fn status(&self) -> ReadSignal<SyncStatus> {
        self.status.read_only()
    }

    fn set_status(&self, status: SyncStatus) {
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }

    /// What sync did not take from the server, or moved, since it was
    /// turned on: shown beside its status until sync is turned off.
    pub fn notices(&self) -> ReadSignal<Vec<String>> {
        self.notices.read_only()
    }

    pub fn dismiss_notice(&self, notice: &str) {
        self.notices.update(|known| known.retain(|n| n != notice));
    }

    fn add_notices(&self, notices: Vec<String>) {
        let fresh: Vec<String> = self
            .notices
            .with_untracked(|known| notices.into_iter().filter(|n| !known.contains(n)).collect());
        if !fresh.is_empty() {
            self.notices.update(|known| known.extend(fresh));
        }
    }

    /// Whether the sync numbered `run` must stop: sync was turned off or
    /// on again since, or the page is closing.
    fn stopped(&self, run: u64) -> bool {
        self.run.try_get_untracked() != Some(run)
    }

    /// The account sync uses, if it is on; tracked, and read again when
    /// sync is turned on or off here.
    pub fn account(&self) -> Result<Option<Account>, StorageError> {
        self.status.track();
        self.records.read(Store::sync_account)
    }

    /// Starts syncing with the stored account, if sync is on. The running
    /// sync ends by itself when sync is turned off or the page closes.
    pub fn start(&self) {
        let Ok(Some(account)) = self.records.peek(Store::sync_account) else {
            return self.set_status(SyncStatus::Off);
        };
        if self.records.peek(Store::new_key_waiting) {
            return self.set_status(SyncStatus::Failed(SyncError::NewKeyElsewhere));
        }
        if let Some(reason) = self.records.peek(Store::sync_halted) {
            return self.set_status(SyncStatus::Failed(SyncError::VaultRefused(reason)));
        }
        engine::run(*self, account, self.run.get_untracked());
    }

    /// Stores `account` (sealed) and lets a new sync start.
    pub fn turn_on(&self, account: &Account) -> Result<(), StorageError> {
        self.records
            .update(|s| s.save_sync_account(account))
            .unwrap_or(Err(StorageError::Failed("Sessionpad is closing.".into())))?;
        self.restart(SyncStatus::Syncing);
        Ok(())
    }

    /// Stops sync and forgets the account; every note stays on this device.
    pub fn turn_off(&self) -> Result<(), StorageError> {
        self.restart(SyncStatus::Off);
        self.records.update(Store::forget_sync).unwrap_or(Ok(()))
    }

    /// Stops the running sync and starts another, as after a new key.
    pub(super) fn start_again(&self) {
        self.run.update(|n| *n += 1);
        self.start();
    }

    /// Stops the running sync, if any, so a new one may start.
    fn restart(&self, status: SyncStatus) {
        self.run.update(|n| *n += 1);
        self.notices.set(Vec::new());
        self.set_status(status);
    }

    /// Lets the running sync know something was saved or sealed anew.
    pub(super) fn push_soon(&self) {
        if let Some(push) = self.wake.try_get_value().flatten() {
            push();
        }
    }

    /// Takes over the store a new device was just set up in from the
    /// server: its vault unlocked, its sync account stored.
    fn set_up_from_server(&self, store: Store) {
        self.records.replace_store(store);
        self.run.update(|n| *n += 1);
        self.set_status(SyncStatus::Syncing);
    }
}

pub fn use_syncing() -> Syncing {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{locked_device, tab_on, unlocked_tab_on};
    use super::*;
    use crate::storage::MemoryBackend;

    fn account() -> Account {
        Account::from_typed(
            "https://db.example.org/notes",
            "me",
            "secret",
            "tablet".into(),
        )
        .unwrap()
    }

    #[test]
    fn sync_without_the_lock_is_refused_and_stays_off() {
        tab_on(&MemoryBackend::new()).with(|| {
            let syncing = use_syncing();
            assert!(syncing.turn_on(&account()).is_err());
            assert_eq!(syncing.status().get_untracked(), SyncStatus::Off);
            assert_eq!(syncing.account(), Ok(None));
        });
    }

    #[test]
    fn sync_turned_on_keeps_the_account_and_turned_off_forgets_it() {
        let device = locked_device("a walk by the sea");
        unlocked_tab_on(&device, "a walk by the sea").with(|| {
            let syncing = use_syncing();
            syncing.turn_on(&account()).unwrap();
            assert_eq!(syncing.status().get_untracked(), SyncStatus::Syncing);
            assert_eq!(syncing.account(), Ok(Some(account())));
            let first_run = syncing.run.get_untracked();

            syncing.turn_off().unwrap();
            assert_eq!(syncing.status().get_untracked(), SyncStatus::Off);
            assert_eq!(syncing.account(), Ok(None));
            // A sync still running under the first account stops.
            assert!(syncing.stopped(first_run));
        });
    }

    #[test]
    fn a_notice_is_shown_once_however_often_sync_meets_it_until_dismissed() {
        tab_on(&MemoryBackend::new()).with(|| {
            let syncing = use_syncing();
            syncing.add_notices(vec!["Skipped a document.".into()]);
            syncing.add_notices(vec!["Skipped a document.".into()]);
            assert_eq!(syncing.notices().get_untracked().len(), 1);
            syncing.dismiss_notice("Skipped a document.");
            assert!(syncing.notices().get_untracked().is_empty());
        });
    }

    #[test]
    fn a_save_wakes_the_running_sync() {
        use std::cell::Cell;
        tab_on(&MemoryBackend::new()).with(|| {
            let syncing = use_syncing();
            let woken = Rc::new(Cell::new(0));
            let count = woken.clone();
            syncing
                .wake
                .set_value(Some(Rc::new(move || count.set(count.get() + 1))));
            super::super::use_records().commit(&super::super::fixture::client("c1", "Alex"));
            assert_eq!(woken.get(), 1);
        });
    }
}
