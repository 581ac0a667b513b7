//! The passphrase vault: with it on, every record is sealed in storage and
//! nothing of a client can be read until the passphrase or the recovery key
//! is given.
//!
//! Its header (`vault`, [`header`]) stays plain and authenticated: the
//! Argon2id parameters and the vault key sealed twice ([`keys`]), under a
//! MAC. Turning the vault on or off rewrites every record where it is
//! ([`crate::storage::lock`]); the header's stage and each record's tag let
//! an interrupted run finish at the next unlock.

mod header;
mod keys;
mod pin;
mod sealing;
mod wrong_tries;

pub(in crate::storage) use header::new_id;
pub use header::{HeaderRefused, Pulled, VaultHeader};
pub use keys::{Kdf, RecoveryKey, VaultKey, WrappedKeys, hex, unhex};
pub use pin::PinHash;
pub use sealing::{Keyring, VaultBackend, is_sealed, stays_plain};
pub(in crate::storage) use sealing::{open as open_sealed, previous_key, sealed_version};
pub use wrong_tries::{keep_wrong_tries, wrong_tries};

use crate::layout::{lock_key, vault_key};
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VaultStage {
    /// Records are being sealed; some may still be plain.
    TurningOn,
    On,
    /// Records are being opened for good; the header goes last.
    TurningOff,
    /// Records are being sealed again under a new vault key; some may
    /// still be sealed under the one before.
    Rekeying(Rekeying),
}

/// How far re-encrypting with a new key got on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rekeying {
    /// The key records were sealed with until now, sealed by the new one,
    /// so the new passphrase opens both until every record is done.
    pub(in crate::storage) previous: String,
    /// The last record sealed again, in key order: a run picks up after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(in crate::storage) after: Option<String>,
    /// Taken from another device, which sends every record sealed again:
    /// sealing them again here is no change of a note to send.
    #[serde(default)]
    pub(in crate::storage) adopted: bool,
}

/// Why the vault did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    WrongPassphrase,
    WrongRecoveryKey,
    NotARecoveryKey,
    /// The header asks for a key derivation beyond the bounds: refused
    /// before any hashing.
    KdfOutOfBounds(String),
    /// Lock settings from another device that failed a check.
    Refused(String),
    /// A new key asked for under the passphrase it replaces.
    SamePassphrase,
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
            Self::KdfOutOfBounds(why) => write!(
                f,
                "This lock's settings were refused before trying the passphrase: {why}. They \
                 may have been tampered with; nothing was changed."
            ),
            Self::Refused(why) => write!(
                f,
                "These lock settings were refused: {why}. Nothing was changed."
            ),
            Self::SamePassphrase => f.write_str(
                "The new passphrase must differ from the current one: whoever may know that one \
                 would know this.",
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

#[cfg(test)]
mod tests;
