//! The vault as the screens see it: turning it on and off, the passphrase,
//! re-encrypting with a new key, and locking. Locking writes what is pending (sealed), tells the other
//! tabs, and reloads the page: a fresh page holds no key and nothing
//! decrypted, and opens at the locked screen.

use super::AppState;
use crate::platform::{after_paint, now_ms, reload_locked};
use crate::storage::{Kdf, Progress, Store};
use leptos::prelude::*;

/// Records sealed again between two paints while re-encrypting.
const REKEY_BATCH: usize = 50;

impl AppState {
    /// Whether the notes are behind a passphrase.
    pub fn vault_on(&self) -> bool {
        self.read(|s| s.vault().is_some())
    }

    /// Turns the vault on; returns the recovery key's text, shown once.
    pub fn turn_on_vault(&self, passphrase: &str) -> Result<String, String> {
        self.flush();
        let turned_on = self.change_vault(|s| s.turn_on_vault(passphrase, Kdf::argon2id()))?;
        if let Some(e) = &turned_on.unfinished {
            self.report(e);
        }
        // Screens learn of it from `vault_changed`, once the recovery key
        // has been seen: until then the turning-on form keeps its dialog.
        Ok(turned_on.recovery.text())
    }

    pub fn change_passphrase(&self, current: &str, new: &str) -> Result<(), String> {
        self.change_vault(|s| s.change_passphrase(current, new, Kdf::argon2id()))
    }

    pub fn turn_off_vault(&self, passphrase: &str) -> Result<(), String> {
        self.flush();
        self.change_vault(|s| s.turn_off_vault(passphrase))?;
        self.vault_changed();
        Ok(())
    }

    /// Locks this tab and every other one.
    pub fn lock(&self) {
        self.flush();
        self.store.update_value(|s| s.signal_lock(now_ms()));
        reload_locked();
    }

    /// Another tab locked, or turned the vault on or off: this tab's key no
    /// longer fits, so it writes what it can and starts again.
    pub(super) fn lock_as_another_tab_did(&self) {
        self.flush();
        reload_locked();
    }

    /// Starts re-encrypting every record with a new key under `new`;
    /// returns the new recovery key's text, shown once. The records are
    /// sealed again in steps, while the screens go on working.
    pub fn start_rekeying(&self, current: &str, new: &str) -> Result<String, String> {
        self.flush();
        let recovery = self.change_vault(|s| s.start_rekeying(current, new, Kdf::argon2id()))?;
        self.finish_vault_work();
        Ok(recovery.text())
    }

    /// Takes the new key the vault was re-encrypted with on another device,
    /// once `passphrase` opens it; this device's records follow in steps,
    /// and sync goes on.
    pub fn adopt_new_key(&self, passphrase: &str) -> Result<(), String> {
        self.change_vault(|s| s.adopt_new_key(passphrase))?;
        self.finish_vault_work();
        self.sync_run.update(|n| *n += 1);
        super::start_sync(*self);
        Ok(())
    }

    /// How far re-encrypting has got, while it runs on this device.
    pub fn rekeying(&self) -> ReadSignal<Option<Progress>> {
        self.rekeying.read_only()
    }

    /// Finishes turning the vault on or off, or re-encrypting it, if a run
    /// was cut short or has just started: a step at a time, the page
    /// painted between steps so it says how far it got.
    pub(super) fn finish_vault_work(&self) {
        let state = *self;
        match self
            .store
            .try_update_value(|s| s.vault_work_step(REKEY_BATCH))
        {
            // Sync sends what is sealed anew as it goes: the new header first.
            Some(Ok(Some(progress))) => {
                self.rekeying.set(Some(progress));
                self.push_soon();
                after_paint(move || state.finish_vault_work());
            }
            Some(Ok(None)) => {
                self.rekeying.set(None);
                self.push_soon();
            }
            Some(Err(e)) => {
                self.rekeying.set(None);
                self.report(&e);
            }
            None => {}
        }
    }

    /// Runs a change of the vault on the store; a refusal comes back in words.
    fn change_vault<T, E: std::fmt::Display>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, String> {
        self.store
            .try_update_value(f)
            .ok_or("Sessionpad is closing.")?
            .map_err(|e| e.to_string())
    }

    /// Lets every screen see that the vault was turned on or off.
    pub fn vault_changed(&self) {
        self.revision.update(|r| *r += 1);
    }
}

/// Whether a write by another tab under `key` means this tab must lock.
pub(super) fn locks_this_tab(key: Option<&str>) -> bool {
    key.is_some_and(crate::storage::locks_tabs)
}
