//! Turning the passphrase lock on and off: the Store's side of the vault
//! ([`crate::storage::vault`] seals and opens each record). Turning it on or
//! off rewrites every record where it lies; the header's stage and each
//! record's tag let an interrupted run finish at the next unlock
//! ([`Store::finish_vault_work`]). It stands above the replica, since sync
//! must stop before the lock comes off.

use crate::layout::{lock_key, vault_key};
use crate::storage::error::StorageError;
use crate::storage::store::Store;
use crate::storage::vault::{
    Kdf, RecoveryKey, VaultError, VaultHeader, VaultKey, VaultStage, WrappedKeys, hex, is_sealed,
    random, stays_plain,
};

/// What turning the vault on gives back.
pub struct TurnedOn {
    /// Shown once; the only way in without the passphrase.
    pub recovery: RecoveryKey,
    /// Set when sealing every record stopped part-way (storage full, say):
    /// the vault is on, and the rest is sealed at the next unlock.
    pub unfinished: Option<StorageError>,
}

impl Store {
    /// Turns the vault on: a new vault key, stored sealed by `passphrase`
    /// (through `kdf`) and by a new recovery key, then every record sealed.
    pub fn turn_on_vault(&mut self, passphrase: &str, kdf: Kdf) -> Result<TurnedOn, StorageError> {
        if self.vault().is_some() {
            return Err(StorageError::Locked);
        }
        let key = VaultKey::random();
        let recovery = RecoveryKey::random();
        let mut header = VaultHeader {
            version: 1,
            id: hex(&random::<8>()),
            counter: 1,
            keys: WrappedKeys::new(&key, passphrase, kdf, &recovery),
            mac: None,
            stage: VaultStage::TurningOn,
        };
        header.authenticate(&key);
        header.write(self.backend.as_mut())?;
        *self.keyring.borrow_mut() = Some((header.id.clone(), key));
        let unfinished = self.finish_vault_work().err();
        Ok(TurnedOn {
            recovery,
            unfinished,
        })
    }

    /// Finishes turning the vault on or off, from wherever it stopped:
    /// records are skipped by their tag once done.
    pub fn finish_vault_work(&mut self) -> Result<(), StorageError> {
        let Some(mut header) = self.vault() else {
            return Ok(());
        };
        let want_sealed = match header.stage {
            VaultStage::On => return Ok(()),
            VaultStage::TurningOn => true,
            VaultStage::TurningOff => false,
        };
        for key in self.backend.keys()? {
            if stays_plain(&key) || self.backend.is_sealed(&key)? == want_sealed {
                continue;
            }
            let Some(value) = self.backend.get(&key)? else {
                continue;
            };
            // A sealed record that does not open stays as it is, reported
            // by whoever reads it.
            if !want_sealed && is_sealed(&value) {
                continue;
            }
            self.backend.set(&key, &value)?;
        }
        if want_sealed {
            header.stage = VaultStage::On;
            header.write(self.backend.as_mut())
        } else {
            self.backend.remove(&vault_key())?;
            *self.keyring.borrow_mut() = None;
            Ok(())
        }
    }

    /// Seals the vault key under a new passphrase; no record is rewritten.
    /// The header's counter goes up, so every device takes the new header
    /// over the old one, and no server can offer the old one back.
    pub fn change_passphrase(
        &mut self,
        current: &str,
        new: &str,
        kdf: Kdf,
    ) -> Result<(), VaultError> {
        let mut header = self.vault().ok_or(StorageError::Locked)?;
        let unlocked = header.unlock(current)?;
        header.keys = header.keys.rewrapped(&unlocked.key, new, kdf);
        header.counter += 1;
        header.authenticate(&unlocked.key);
        Ok(header.write(self.backend.as_mut())?)
    }

    /// Opens every record for good, then removes the vault. Needs the
    /// passphrase, as a last check that this is wanted. Sync goes first: it
    /// sends only sealed notes, and its password must not be left readable.
    pub fn turn_off_vault(&mut self, passphrase: &str) -> Result<(), VaultError> {
        let mut header = self.vault().ok_or(StorageError::Locked)?;
        header.unlock(passphrase)?;
        self.forget_sync()?;
        header.stage = VaultStage::TurningOff;
        header.write(self.backend.as_mut())?;
        Ok(self.finish_vault_work()?)
    }

    /// Tells every other tab to lock (they see the write as a `storage` event).
    pub fn signal_lock(&mut self, now_ms: i64) {
        let _ = self.backend.set(&lock_key(), &now_ms.to_string());
    }
}
