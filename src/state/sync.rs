//! Sync between devices as the screens see it: its status, turning it on
//! and off, and the store handed to the running sync one step at a time
//! (see `components::sync::engine`).

mod engine;
mod join;
mod transport;

pub use engine::start_sync;
pub use join::{check_database, set_up_from_server};

use super::AppState;
use crate::storage::{StorageError, Store};
use crate::sync::{Account, SyncStatus};
use leptos::prelude::*;

impl AppState {
    pub fn sync_status(&self) -> ReadSignal<SyncStatus> {
        self.sync.read_only()
    }

    pub fn set_sync_status(&self, status: SyncStatus) {
        if self.sync.get_untracked() != status {
            self.sync.set(status);
        }
    }

    /// What sync did not take from the server, or moved, since it was
    /// turned on: shown beside its status until sync is turned off.
    pub fn sync_notices(&self) -> ReadSignal<Vec<String>> {
        self.sync_notices.read_only()
    }

    pub fn dismiss_sync_notice(&self, notice: &str) {
        self.sync_notices
            .update(|known| known.retain(|n| n != notice));
    }

    pub(super) fn add_sync_notices(&self, notices: Vec<String>) {
        let fresh: Vec<String> = self
            .sync_notices
            .with_untracked(|known| notices.into_iter().filter(|n| !known.contains(n)).collect());
        if !fresh.is_empty() {
            self.sync_notices.update(|known| known.extend(fresh));
        }
    }

    /// The number of the sync that may run now; see [`AppState::sync_stopped`].
    pub fn sync_run(&self) -> u64 {
        self.sync_run.get_untracked()
    }

    /// Whether the sync numbered `run` must stop: sync was turned off or
    /// on again since, or the page is closing.
    pub fn sync_stopped(&self, run: u64) -> bool {
        self.sync_run.try_get_untracked() != Some(run)
    }

    pub fn sync_account(&self) -> Result<Option<Account>, StorageError> {
        self.peek(Store::sync_account)
    }

    /// Stores `account` (sealed) and lets a new sync start.
    pub fn turn_on_sync(&self, account: &Account) -> Result<(), StorageError> {
        self.store
            .try_update_value(|s| s.save_sync_account(account))
            .unwrap_or(Err(StorageError::Failed("Sessionpad is closing.".into())))?;
        self.sync_run.update(|n| *n += 1);
        self.sync_notices.set(Vec::new());
        self.set_sync_status(SyncStatus::Syncing);
        Ok(())
    }

    /// Stops sync and forgets the account; every note stays on this device.
    pub fn turn_off_sync(&self) -> Result<(), StorageError> {
        self.sync_run.update(|n| *n += 1);
        self.sync_notices.set(Vec::new());
        self.set_sync_status(SyncStatus::Off);
        self.store
            .try_update_value(Store::forget_sync)
            .unwrap_or(Ok(()))
    }

    /// What the running sync does after each save: push soon.
    pub fn on_save(&self, push: impl Fn() + 'static) {
        self.sync_wake.set_value(Some(std::rc::Rc::new(push)));
    }

    pub(super) fn push_soon(&self) {
        if let Some(push) = self.sync_wake.try_get_value().flatten() {
            push();
        }
    }

    /// One step of a sync run on the store; `None` once the page is closing.
    pub fn sync_step<R>(&self, step: impl FnOnce(&mut Store) -> R) -> Option<R> {
        self.store.try_update_value(step)
    }

    /// Records arrived or went through sync: lists and open records read
    /// again, as when another tab wrote. The pull has already brought the
    /// store's index in line.
    pub fn synced_in(&self) {
        self.revision.update(|r| *r += 1);
    }

    /// Takes over the store a new device was just set up in from the
    /// server: its vault unlocked, its sync account stored.
    pub fn set_up_from_server(&self, store: Store) {
        self.store.set_value(store);
        self.sync_run.update(|n| *n += 1);
        self.set_sync_status(SyncStatus::Syncing);
        self.vault_changed();
    }
}
