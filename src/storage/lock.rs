//! Turning the passphrase lock on and off, and re-encrypting with a new
//! key: the Store's side of the vault ([`crate::storage::vault`] seals and
//! opens each record). Each rewrites every record where it lies; the
//! header's stage, each record's tag (or, re-encrypting, which key opens
//! it) let an interrupted run finish at the next unlock
//! ([`Store::finish_vault_work`]). It stands above the replica, since sync
//! must stop before the lock comes off, and a new key taken from another
//! device is no change of a note to send.

use crate::layout::{halted_key, lock_key, rekeyed_key, vault_key};
use crate::model::order;
use crate::storage::error::StorageError;
use crate::storage::store::Store;
use crate::storage::vault::{
    Kdf, RecoveryKey, Rekeying, VaultError, VaultHeader, VaultKey, VaultStage, WrappedKeys,
    is_sealed, new_id, open_sealed, stays_plain,
};

/// What turning the vault on gives back.
pub struct TurnedOn {
    /// Shown once; the only way in without the passphrase.
    pub recovery: RecoveryKey,
    /// Set when sealing every record stopped part-way (storage full, say):
    /// the vault is on, and the rest is sealed at the next unlock.
    pub unfinished: Option<StorageError>,
}

/// How far re-encrypting has got: records sealed under the new key, of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
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
            id: new_id(),
            counter: 1,
            keys: WrappedKeys::new(&key, passphrase, kdf, &recovery),
            rekeyed_from: None,
            mac: None,
            stage: VaultStage::TurningOn,
        };
        header.authenticate(&key);
        header.write(self.backend.as_mut())?;
        self.backend.set(&lock_key(), "0")?;
        *self.keyring.borrow_mut() = Some((header.id.clone(), key));
        let unfinished = self.finish_vault_work().err();
        Ok(TurnedOn {
            recovery,
            unfinished,
        })
    }

    /// Finishes turning the vault on or off, or re-encrypting it, from
    /// wherever it stopped.
    pub fn finish_vault_work(&mut self) -> Result<(), StorageError> {
        while self.vault_work_step(usize::MAX)?.is_some() {}
        Ok(())
    }

    /// Goes on with the vault's work: re-encrypting by at most `batch`
    /// records, turning on or off in one go. `None` once there is nothing
    /// left to do, else how far it has got. Records already done are
    /// skipped, by their tag, or by the key that opens them, so a step cut
    /// short is taken up again by the next.
    pub fn vault_work_step(&mut self, batch: usize) -> Result<Option<Progress>, StorageError> {
        let Some(mut header) = self.vault() else {
            return Ok(None);
        };
        let want_sealed = match &header.stage {
            VaultStage::On => return Ok(None),
            VaultStage::Rekeying(rekeying) => {
                let rekeying = rekeying.clone();
                return self.rekey_step(header, rekeying, batch);
            }
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
            header.write(self.backend.as_mut())?;
        } else {
            self.backend.remove(&vault_key())?;
            *self.keyring.borrow_mut() = None;
        }
        Ok(None)
    }

    /// Seals the next `batch` records, in key order, under the new key. The
    /// last step looks once more at those done before: a value sync landed
    /// meanwhile may still be sealed under the key before. Only then is
    /// that key let go.
    fn rekey_step(
        &mut self,
        mut header: VaultHeader,
        mut rekeying: Rekeying,
        batch: usize,
    ) -> Result<Option<Progress>, StorageError> {
        let key = self.keyring.borrow().as_ref().map(|(_, key)| key.clone());
        let previous = key.as_ref().and_then(|key| {
            VaultKey::previous_unwrapped(&rekeying.previous, key).map(|p| (key.clone(), p))
        });
        let Some((key, previous)) = previous else {
            return Err(StorageError::Locked);
        };
        let mut keys: Vec<String> = self.backend.keys()?;
        keys.retain(|k| !stays_plain(k));
        order::sort(&mut keys);
        let total = keys.len();
        let start = rekeying
            .after
            .as_ref()
            .map_or(0, |after| keys.partition_point(|k| k <= after));
        let end = start.saturating_add(batch.max(1)).min(total);
        let last = end == total;
        let todo = if last { &keys[..] } else { &keys[start..end] };
        let mut resealed = Vec::new();
        for stored_key in todo {
            if let Some(before) = self.reseal(stored_key, &key, &previous)? {
                resealed.push((stored_key.clone(), before));
            }
        }
        if rekeying.adopted {
            self.took_in_resealed(&resealed)?;
        }
        if last {
            header.stage = VaultStage::On;
            header.write(self.backend.as_mut())?;
            return Ok(None);
        }
        rekeying.after = Some(keys[end - 1].clone());
        header.stage = VaultStage::Rekeying(rekeying);
        header.write(self.backend.as_mut())?;
        Ok(Some(Progress { done: end, total }))
    }

    /// Seals the record under `stored_key` again under `key` (as its next
    /// version) when it opens only with `previous`; returns what it held.
    /// One that opens with neither stays as it is, reported by whoever
    /// reads it.
    fn reseal(
        &mut self,
        stored_key: &str,
        key: &VaultKey,
        previous: &VaultKey,
    ) -> Result<Option<String>, StorageError> {
        let Some(stored) = self.backend.get_as_stored(stored_key)? else {
            return Ok(None);
        };
        if !is_sealed(&stored) || open_sealed(stored_key, &stored, key).is_some() {
            return Ok(None);
        }
        let Some(value) = open_sealed(stored_key, &stored, previous) else {
            return Ok(None);
        };
        self.backend.set(stored_key, &value)?;
        Ok(Some(stored))
    }

    /// Starts re-encrypting every record with a new vault key, under a new
    /// passphrase and a new recovery key (returned, to show once): the old
    /// passphrase and recovery key, and backups sealed before, open nothing
    /// written from now on. The new header goes first, so a reload
    /// part-way asks for the new passphrase and goes on
    /// ([`Store::vault_work_step`]).
    pub fn start_rekeying(
        &mut self,
        current: &str,
        new: &str,
        kdf: Kdf,
    ) -> Result<RecoveryKey, VaultError> {
        let header = self.vault().ok_or(StorageError::Locked)?;
        if header.stage != VaultStage::On {
            return Err(StorageError::Failed(
                "the lock is still being changed on this device; let it finish first".into(),
            )
            .into());
        }
        let unlocked = header.unlock(current)?;
        if new == current {
            return Err(VaultError::SamePassphrase);
        }
        let new_key = VaultKey::random();
        let recovery = RecoveryKey::random();
        let rekeyed = header.rekeyed(&unlocked.key, &new_key, new, kdf, &recovery);
        rekeyed.write(self.backend.as_mut())?;
        *self.keyring.borrow_mut() = Some((rekeyed.id.clone(), new_key));
        Ok(recovery)
    }

    /// The vault re-encrypted with a new key on another device, as sync
    /// found it, if it waits for the clinician's new passphrase here.
    pub fn new_key_waiting(&self) -> bool {
        self.backend
            .get_as_stored(&rekeyed_key())
            .is_ok_and(|held| held.is_some())
    }

    /// Takes the vault re-encrypted on another device, once `passphrase`
    /// opens its new key and its MAC verifies under that key; then this
    /// device's records are sealed again under it, step by step, and sync
    /// goes on. Until then this device keeps its key and syncs nothing.
    pub fn adopt_new_key(&mut self, passphrase: &str) -> Result<(), VaultError> {
        let header = self.vault().ok_or(StorageError::Locked)?;
        let pulled: Option<String> =
            crate::storage::coding::read(self.backend.as_ref(), &rekeyed_key())?;
        let (Some(pulled), Some((_, key))) = (pulled, self.keyring.borrow().clone()) else {
            return Err(StorageError::Locked.into());
        };
        let (theirs, unlocked) = header.adopt_new_key(&key, &pulled, passphrase)?;
        self.backend.remove(&rekeyed_key())?;
        self.backend.remove(&halted_key())?;
        theirs.write(self.backend.as_mut())?;
        *self.keyring.borrow_mut() = Some((unlocked.id, unlocked.key));
        Ok(())
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
    ///
    /// The mark is taken away before it is written again: its removal alone
    /// reaches every other tab, even when storage is full and the new mark
    /// cannot be written (turning the lock on writes the first mark, so
    /// there is one to take away).
    pub fn signal_lock(&mut self, now_ms: i64) {
        let _ = self.backend.remove(&lock_key());
        let _ = self.backend.set(&lock_key(), &now_ms.to_string());
    }
}
