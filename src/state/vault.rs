//! The vault as the screens see it: turning it on and off, the passphrase,
//! re-encrypting with a new key, and locking. Locking writes what is
//! pending (sealed), tells the other tabs, and reloads the page: a fresh
//! page holds no key and nothing decrypted, and opens at the locked screen.

mod wrong_tries;
pub use wrong_tries::TriesOnDevice;

use super::{Records, Syncing};
use crate::platform::{after_paint, now_ms, reload_locked, take_entry_being_typed};
use crate::storage::{Kdf, Progress, Store};
use leptos::prelude::*;

/// The locked screen's vocabulary: the header a passphrase or recovery key
/// is tried against, what it unlocks, and why it did not.
pub use crate::storage::{Unlocked, VaultError, VaultHeader, VaultStage};

/// Records sealed again between two paints while re-encrypting.
const REKEY_BATCH: usize = 50;

#[derive(Clone, Copy)]
pub struct Vault {
    records: Records,
    syncing: Syncing,
    /// How far re-encrypting with a new key has got, while it runs.
    rekeying: RwSignal<Option<Progress>>,
}

impl Vault {
    /// The vault over these records; a run of turning it on or off, or of
    /// re-encrypting, cut short when the page last closed goes on.
    pub(super) fn new(records: Records, syncing: Syncing) -> Self {
        let vault = Self {
            records,
            syncing,
            rekeying: RwSignal::new(None),
        };
        vault.finish_work();
        vault
    }

    /// Whether the notes are behind a passphrase; tracked.
    pub fn is_on(&self) -> bool {
        self.records.read(|s| s.vault().is_some())
    }

    /// Turns the vault on; returns the recovery key's text, shown once.
    pub fn turn_on(&self, passphrase: &str) -> Result<String, String> {
        self.records.flush();
        let turned_on = self.change(|s| s.turn_on_vault(passphrase, Kdf::argon2id()))?;
        if let Some(e) = &turned_on.unfinished {
            self.records.saving.report(e);
        }
        // Screens learn of it from `changed`, once the recovery key has been
        // seen: until then the turning-on form keeps its dialog.
        Ok(turned_on.recovery.text())
    }

    pub fn change_passphrase(&self, current: &str, new: &str) -> Result<(), String> {
        self.change(|s| s.change_passphrase(current, new, Kdf::argon2id()))
    }

    pub fn turn_off(&self, passphrase: &str) -> Result<(), String> {
        self.records.flush();
        self.change(|s| s.turn_off_vault(passphrase))?;
        self.changed();
        Ok(())
    }

    /// Whether `typed`, the passphrase or the recovery key, opens the vault;
    /// the passphrase is stretched as at unlocking. A clinician who has
    /// forgotten the passphrase unlocks with the recovery key, and must be
    /// able to take the tablet back with it too.
    pub(super) fn opens_with(&self, typed: &str) -> bool {
        self.records.peek(Store::vault).is_some_and(|header| {
            header.unlock(typed).is_ok() || header.unlock_with_recovery(typed).is_ok()
        })
    }

    /// Locks this tab and every other one.
    pub fn lock(&self) {
        take_entry_being_typed();
        self.records.flush();
        self.records.update(|s| s.signal_lock(now_ms()));
        reload_locked();
    }

    /// Starts re-encrypting every record with a new key under `new`;
    /// returns the new recovery key's text, shown once. The records are
    /// sealed again in steps, while the screens go on working.
    pub fn start_rekeying(&self, current: &str, new: &str) -> Result<String, String> {
        self.records.flush();
        let recovery = self.change(|s| s.start_rekeying(current, new, Kdf::argon2id()))?;
        self.finish_work();
        Ok(recovery.text())
    }

    /// Takes the new key the vault was re-encrypted with on another device,
    /// once `passphrase` opens it; this device's records follow in steps,
    /// and sync goes on.
    pub fn adopt_new_key(&self, passphrase: &str) -> Result<(), String> {
        self.change(|s| s.adopt_new_key(passphrase))?;
        self.finish_work();
        self.syncing.start_again();
        Ok(())
    }

    /// How far re-encrypting has got, while it runs on this device.
    pub fn rekeying(&self) -> ReadSignal<Option<Progress>> {
        self.rekeying.read_only()
    }

    /// Finishes turning the vault on or off, or re-encrypting it, if a run
    /// was cut short or has just started: a step at a time, the page
    /// painted between steps so it says how far it got.
    fn finish_work(&self) {
        let vault = *self;
        match self.records.update(|s| s.vault_work_step(REKEY_BATCH)) {
            // Sync sends what is sealed anew as it goes: the new header first.
            Some(Ok(Some(progress))) => {
                self.rekeying.set(Some(progress));
                self.syncing.push_soon();
                after_paint(move || vault.finish_work());
            }
            Some(Ok(None)) => {
                self.rekeying.set(None);
                self.syncing.push_soon();
            }
            Some(Err(e)) => {
                self.rekeying.set(None);
                self.records.saving.report(&e);
            }
            None => {}
        }
    }

    /// Runs a change of the vault on the store; a refusal comes back in words.
    fn change<T, E: std::fmt::Display>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, String> {
        self.records
            .update(f)
            .ok_or("Sessionpad is closing.")?
            .map_err(|e| e.to_string())
    }

    /// Whether `error`, from a change asked for with the current
    /// passphrase, says that passphrase was wrong: such tries are slowed
    /// down like those at the locked screen.
    pub fn wrong_passphrase(error: &str) -> bool {
        error == VaultError::WrongPassphrase.to_string()
    }

    /// Lets every screen see that the vault was turned on or off.
    pub fn changed(&self) {
        self.records.changed();
    }
}

pub fn use_vault() -> Vault {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{locked_device, tab_on, unlocked_tab_on};
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn without_a_lock_the_vault_reads_as_off() {
        tab_on(&MemoryBackend::new()).with(|| {
            assert!(!use_vault().is_on());
            assert_eq!(use_vault().rekeying().get_untracked(), None);
        });
    }

    #[test]
    fn a_locked_device_opened_reads_as_on_and_only_its_passphrase_opens_it() {
        let device = locked_device("a walk by the sea");
        unlocked_tab_on(&device, "a walk by the sea").with(|| {
            let vault = use_vault();
            assert!(vault.is_on());
            assert!(vault.opens_with("a walk by the sea"));
            assert!(!vault.opens_with("a walk by the lake"));
        });
    }

    #[test]
    fn a_wrong_current_passphrase_is_refused_in_words() {
        let device = locked_device("a walk by the sea");
        unlocked_tab_on(&device, "a walk by the sea").with(|| {
            let refused = use_vault()
                .change_passphrase("a walk by the lake", "another walk entirely")
                .unwrap_err();
            assert!(!refused.is_empty());
        });
    }
}
