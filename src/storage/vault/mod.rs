//! The passphrase vault: with it on, every record is sealed in storage and
//! nothing of a client can be read until the passphrase or the recovery key
//! is given.
//!
//! Its header (`vault`) stays plain: the Argon2id parameters and the vault
//! key sealed twice ([`keys`]). Turning the vault on or off rewrites every
//! record where it is; the header's stage and each record's tag let an
//! interrupted run finish at the next unlock ([`Store::finish_vault_work`]).

mod keys;
mod sealing;
mod wrong_tries;

pub use keys::{Kdf, RecoveryKey, VaultKey, WrappedKeys, hex, unhex};
pub(in crate::storage) use sealing::open as open_sealed;
pub use sealing::{Keyring, VaultBackend, is_sealed};
pub use wrong_tries::{keep_wrong_tries, wrong_tries};

use super::{Backend, PREFIX, StorageError, Store, coding, vault_key};
use serde::{Deserialize, Serialize};

/// Where a tab that locks tells the others to lock too.
pub fn lock_key() -> String {
    format!("{PREFIX}lock")
}

pub fn is_lock_key(key: &str) -> bool {
    key == lock_key()
}

/// Whether another tab's write under `key` means this tab must lock: it
/// locked, or turned the vault on or off.
pub fn locks_tabs(key: &str) -> bool {
    is_lock_key(key) || key == vault_key()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VaultStage {
    /// Records are being sealed; some may still be plain.
    TurningOn,
    On,
    /// Records are being opened for good; the header goes last.
    TurningOff,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultHeader {
    pub version: u32,
    /// New with every vault key, so a tab can tell that the vault it
    /// unlocked is still the one in storage.
    pub id: String,
    pub stage: VaultStage,
    #[serde(flatten)]
    pub keys: WrappedKeys,
}

/// Why the vault did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    WrongPassphrase,
    WrongRecoveryKey,
    NotARecoveryKey,
    Storage(StorageError),
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongPassphrase => f.write_str("That passphrase does not match."),
            Self::WrongRecoveryKey => f.write_str("That recovery key does not match."),
            Self::NotARecoveryKey => f.write_str(
                "A recovery key is 32 letters and digits (0–9, a–f), in groups of four.",
            ),
            Self::Storage(e) => e.fmt(f),
        }
    }
}

impl From<StorageError> for VaultError {
    fn from(e: StorageError) -> Self {
        Self::Storage(e)
    }
}

/// The vault, opened: what a store needs to read and write sealed records.
pub struct Unlocked {
    id: String,
    key: VaultKey,
}

impl VaultHeader {
    /// The vault in `backend`, if one is on. A header that does not read is
    /// reported, never taken for "no vault".
    pub fn read(backend: &dyn Backend) -> Result<Option<Self>, StorageError> {
        let Some(raw) = backend.get(&vault_key())? else {
            return Ok(None);
        };
        coding::from_json(&raw)
            .map(Some)
            .map_err(|reason| StorageError::Damaged {
                key: vault_key(),
                reason,
            })
    }

    fn write(&self, backend: &mut dyn Backend) -> Result<(), StorageError> {
        backend.set(&vault_key(), &coding::to_json(self)?)
    }

    pub fn unlock(&self, passphrase: &str) -> Result<Unlocked, VaultError> {
        let key = self
            .keys
            .unlock(passphrase)
            .ok_or(VaultError::WrongPassphrase)?;
        Ok(self.unlocked(key))
    }

    pub fn unlock_with_recovery(&self, typed: &str) -> Result<Unlocked, VaultError> {
        let recovery = RecoveryKey::parse(typed).ok_or(VaultError::NotARecoveryKey)?;
        let key = self
            .keys
            .unlock_with_recovery(&recovery)
            .ok_or(VaultError::WrongRecoveryKey)?;
        Ok(self.unlocked(key))
    }

    fn unlocked(&self, key: VaultKey) -> Unlocked {
        Unlocked {
            id: self.id.clone(),
            key,
        }
    }
}

/// What turning the vault on gives back.
pub struct TurnedOn {
    /// Shown once; the only way in without the passphrase.
    pub recovery: RecoveryKey,
    /// Set when sealing every record stopped part-way (storage full, say):
    /// the vault is on, and the rest is sealed at the next unlock.
    pub unfinished: Option<StorageError>,
}

impl Store {
    /// Opens a store whose vault is on, with the key unlocking gave.
    pub fn open_unlocked(
        backend: Box<dyn Backend>,
        unlocked: Unlocked,
    ) -> Result<(Self, super::Problems), StorageError> {
        Self::open_with(backend, Some((unlocked.id, unlocked.key)))
    }

    /// The vault's header, when the vault is on.
    pub fn vault(&self) -> Option<VaultHeader> {
        VaultHeader::read(self.backend.as_ref()).ok().flatten()
    }

    /// Turns the vault on: a new vault key, stored sealed by `passphrase`
    /// (through `kdf`) and by a new recovery key, then every record sealed.
    pub fn turn_on_vault(&mut self, passphrase: &str, kdf: Kdf) -> Result<TurnedOn, StorageError> {
        if self.vault().is_some() {
            return Err(StorageError::Locked);
        }
        let key = VaultKey::random();
        let recovery = RecoveryKey::random();
        let header = VaultHeader {
            version: 1,
            id: keys::hex(&keys::random::<8>()),
            stage: VaultStage::TurningOn,
            keys: WrappedKeys::new(&key, passphrase, kdf, &recovery),
        };
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
            if sealing::stays_plain(&key) || self.backend.is_sealed(&key)? == want_sealed {
                continue;
            }
            let Some(value) = self.backend.get(&key)? else {
                continue;
            };
            // A sealed record that does not open stays as it is, reported
            // by whoever reads it.
            if !want_sealed && sealing::is_sealed(&value) {
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
    pub fn change_passphrase(
        &mut self,
        current: &str,
        new: &str,
        kdf: Kdf,
    ) -> Result<(), VaultError> {
        let mut header = self.vault().ok_or(StorageError::Locked)?;
        let unlocked = header.unlock(current)?;
        header.keys = header.keys.rewrapped(&unlocked.key, new, kdf);
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

    /// With the vault on, what a backup is sealed with: the vault key, and
    /// how the header stores it wrapped.
    pub(super) fn backup_sealing(&self) -> Option<(WrappedKeys, VaultKey)> {
        let header = self.vault()?;
        let ring = self.keyring.borrow();
        let (id, key) = ring.as_ref()?;
        (header.id == *id).then(|| (header.keys, key.clone()))
    }

    /// Tells every other tab to lock (they see the write as a `storage` event).
    pub fn signal_lock(&mut self, now_ms: i64) {
        let _ = self.backend.set(&lock_key(), &now_ms.to_string());
    }
}

#[cfg(test)]
mod tests;
