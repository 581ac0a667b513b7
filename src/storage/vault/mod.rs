//! The passphrase vault: with it on, every record is sealed in storage and
//! nothing of a client can be read until the passphrase or the recovery key
//! is given.
//!
//! Its header (`vault`) stays plain: the Argon2id parameters and the vault
//! key sealed twice ([`keys`]). Turning the vault on or off rewrites every
//! record where it is ([`crate::storage::lock`]); the header's stage and
//! each record's tag let an interrupted run finish at the next unlock.

mod keys;
mod sealing;
mod wrong_tries;

pub(in crate::storage) use keys::random;
pub use keys::{Kdf, RecoveryKey, VaultKey, WrappedKeys, hex, unhex};
pub(in crate::storage) use sealing::open as open_sealed;
pub use sealing::{Keyring, VaultBackend, is_sealed, stays_plain};
pub use wrong_tries::{keep_wrong_tries, wrong_tries};

use crate::layout::{lock_key, vault_key};
use crate::storage::backend::Backend;
use crate::storage::coding;
use crate::storage::error::StorageError;
use serde::{Deserialize, Serialize};

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
    pub(in crate::storage) id: String,
    pub(in crate::storage) key: VaultKey,
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

    pub(in crate::storage) fn write(&self, backend: &mut dyn Backend) -> Result<(), StorageError> {
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

#[cfg(test)]
mod tests;
