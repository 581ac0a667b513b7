//! The encryption step of the codec: a backend that seals every record on
//! its way to storage and opens it on the way back.
//!
//! A codec value (deflated, packed) is unpacked, sealed with the vault key
//! and a fresh nonce, and packed again behind its own tag, so a record's tag
//! says whether it is sealed: that is what lets an interrupted run of
//! turning the vault on or off finish later. The associated data is the
//! storage key, the layout and the record's version, so a sealed record
//! moved under another key does not open, and neither does one whose
//! version was changed.
//!
//! The version goes up by one with every write of a key: a device holding
//! version 7 of a record knows that a value sealed as version 5 is older,
//! whoever sends it. Seal format 1, written before versions existed, reads
//! as version 0.

use super::keys::VaultKey;
use super::{VaultHeader, VaultStage};
use crate::layout::{
    PREFIX, SCHEMA_VERSION, TAG_SEALED, TAG_V1, schema_key, vault_key, wrong_tries_key,
};
use crate::storage::backend::Backend;
use crate::storage::codec;
use crate::storage::error::StorageError;
use std::cell::RefCell;
use std::rc::Rc;

/// Seal format 1: no version. Still read, never written.
const SEAL_UNVERSIONED: u8 = 1;
/// Seal format 2: the record's version follows the layout, as 8 bytes.
const SEAL_VERSIONED: u8 = 2;
/// What the sealed bytes hold.
const HOLDS_DEFLATED: u8 = 0;
const HOLDS_TEXT: u8 = 1;

/// The vault this tab unlocked: its id and key. Shared between the store
/// and its backend; empty while no vault is on.
pub type Keyring = Rc<RefCell<Option<(String, VaultKey)>>>;

/// Keys that stay readable without the key: what opening must see first.
pub fn stays_plain(key: &str) -> bool {
    !key.starts_with(PREFIX)
        || key == schema_key()
        || key == vault_key()
        || key == wrong_tries_key()
        || super::is_lock_key(key)
}

/// What leads the sealed bytes: format, contents, layout and version.
struct Head {
    format: u8,
    holds: u8,
    layout: u8,
    version: u64,
}

impl Head {
    /// The head of `bytes` and where the ciphertext starts.
    fn read(bytes: &[u8]) -> Option<(Self, usize)> {
        match bytes {
            [SEAL_UNVERSIONED, holds, layout, ..] => Some((
                Self {
                    format: SEAL_UNVERSIONED,
                    holds: *holds,
                    layout: *layout,
                    version: 0,
                },
                3,
            )),
            [SEAL_VERSIONED, holds, layout, rest @ ..] if rest.len() >= 8 => Some((
                Self {
                    format: SEAL_VERSIONED,
                    holds: *holds,
                    layout: *layout,
                    version: u64::from_be_bytes(rest[..8].try_into().ok()?),
                },
                11,
            )),
            _ => None,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut bytes = vec![self.format, self.holds, self.layout];
        if self.format == SEAL_VERSIONED {
            bytes.extend_from_slice(&self.version.to_be_bytes());
        }
        bytes
    }

    /// The associated data: the storage key, then the head itself.
    fn aad(&self, key: &str) -> Vec<u8> {
        [key.as_bytes(), &[0], &self.bytes()].concat()
    }
}

/// `value` as stored under `key` with the vault on, as `version`.
fn seal(key: &str, value: &str, with: &VaultKey, version: u64) -> String {
    let (holds, bytes) = match value
        .strip_prefix(TAG_V1)
        .and_then(|packed| codec::unpack(packed).ok())
    {
        Some(deflated) => (HOLDS_DEFLATED, deflated),
        None => (HOLDS_TEXT, value.as_bytes().to_vec()),
    };
    let head = Head {
        format: SEAL_VERSIONED,
        holds,
        layout: SCHEMA_VERSION as u8,
        version,
    };
    let sealed = with.seal(&bytes, &head.aad(key));
    let mut out = String::with_capacity(sealed.len() / 2 + 12);
    out.push(TAG_SEALED);
    codec::pack(&[head.bytes(), sealed].concat(), &mut out);
    out
}

/// The value [`seal`] sealed; `None` when it does not open with this key
/// under this storage key.
pub(in crate::storage) fn open(key: &str, stored: &str, with: &VaultKey) -> Option<String> {
    let bytes = codec::unpack(stored.strip_prefix(TAG_SEALED)?).ok()?;
    let (head, start) = Head::read(&bytes)?;
    let plain = with.open(&bytes[start..], &head.aad(key))?;
    match head.holds {
        HOLDS_DEFLATED => {
            let mut out = String::with_capacity(plain.len() / 2 + 2);
            out.push(TAG_V1);
            codec::pack(&plain, &mut out);
            Some(out)
        }
        HOLDS_TEXT => String::from_utf8(plain.to_vec()).ok(),
        _ => None,
    }
}

/// The version a sealed value says it is, read without opening it (so
/// only to be trusted of a value that opens); `None` when `stored` is not
/// sealed.
pub(in crate::storage) fn sealed_version(stored: &str) -> Option<u64> {
    let packed = stored.strip_prefix(TAG_SEALED)?;
    // The head lies in the first block: only that much is unpacked.
    let first_block: String = packed.chars().take(codec::BLOCK_UNITS).collect();
    let bytes = codec::unpack(&first_block).ok()?;
    Head::read(&bytes).map(|(head, _)| head.version)
}

/// While the vault is being re-encrypted, the key records were sealed
/// with before, which the header keeps sealed by `with` (the new one).
pub(in crate::storage) fn previous_key(backend: &dyn Backend, with: &VaultKey) -> Option<VaultKey> {
    match VaultHeader::read(backend).ok()??.stage {
        VaultStage::Rekeying(rekeying) => VaultKey::previous_unwrapped(&rekeying.previous, with),
        _ => None,
    }
}

pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(TAG_SEALED)
}

pub struct VaultBackend {
    inner: Box<dyn Backend>,
    keyring: Keyring,
}

impl VaultBackend {
    pub fn new(inner: Box<dyn Backend>, keyring: Keyring) -> Self {
        Self { inner, keyring }
    }

    /// The key to seal a write with, `None` to write it plain. Storage has
    /// the last word: if another tab turned the vault on, off, or on again
    /// with a new key, this tab writes nothing rather than mix the two.
    fn write_key(&self) -> Result<Option<VaultKey>, StorageError> {
        let stored = VaultHeader::read(self.inner.as_ref())?;
        let ring = self.keyring.borrow();
        match (stored, ring.as_ref()) {
            (None, None) => Ok(None),
            (Some(header), Some((id, key))) if header.id == *id => Ok(match header.stage {
                VaultStage::TurningOff => None,
                VaultStage::TurningOn | VaultStage::On | VaultStage::Rekeying(_) => {
                    Some(key.clone())
                }
            }),
            _ => Err(StorageError::Locked),
        }
    }
}

impl Backend for VaultBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value = match self.inner.get(key)? {
            Some(value) if is_sealed(&value) => value,
            stored => return Ok(stored),
        };
        let ring = self.keyring.borrow();
        let Some((id, with)) = ring.as_ref() else {
            // Sealed since this tab opened: another tab turned the vault on.
            return Err(StorageError::Locked);
        };
        if let Some(opened) = open(key, &value, with) {
            return Ok(Some(opened));
        }
        // Made with another vault key than this tab holds.
        if VaultHeader::read(self.inner.as_ref())?.is_none_or(|h| h.id != *id) {
            return Err(StorageError::Locked);
        }
        // Not sealed again yet while the vault is re-encrypted; otherwise
        // damaged, and returned as it is for the codec to report.
        let previous = previous_key(self.inner.as_ref(), with);
        Ok(Some(
            previous
                .and_then(|previous| open(key, &value, &previous))
                .unwrap_or(value),
        ))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if stays_plain(key) {
            return self.inner.set(key, value);
        }
        match self.write_key()? {
            Some(with) => {
                let held = self.inner.get(key)?;
                let version = held.as_deref().and_then(sealed_version).unwrap_or(0) + 1;
                self.inner.set(key, &seal(key, value, &with, version))
            }
            None => self.inner.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        if !stays_plain(key) {
            self.write_key()?;
        }
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }

    /// Sealed values are counted as stored: the quota is spent on them.
    fn sizes(&self) -> Result<Vec<(String, usize)>, StorageError> {
        self.inner.sizes()
    }

    fn is_sealed(&self, key: &str) -> Result<bool, StorageError> {
        Ok(self.inner.get(key)?.is_some_and(|v| is_sealed(&v)))
    }

    fn get_as_stored(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }

    /// Still refused when another tab changed the vault since this one
    /// unlocked it: a value sealed with another key must not land here.
    fn set_as_stored(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if !stays_plain(key) {
            self.write_key()?;
        }
        self.inner.set(key, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "sessionpad/v1/session/s1";

    /// A value as seal format 1 wrote it, before values had versions.
    fn sealed_unversioned(value: &str, with: &VaultKey) -> String {
        let head = Head {
            format: SEAL_UNVERSIONED,
            holds: HOLDS_TEXT,
            layout: 3,
            version: 0,
        };
        let sealed = with.seal(value.as_bytes(), &head.aad(KEY));
        let mut out = TAG_SEALED.to_string();
        codec::pack(&[head.bytes(), sealed].concat(), &mut out);
        out
    }

    #[test]
    fn a_value_sealed_before_versions_still_opens_and_reads_as_version_0() {
        let key = VaultKey::random();
        let old = sealed_unversioned("{\"id\":\"s1\"}", &key);
        assert_eq!(open(KEY, &old, &key).as_deref(), Some("{\"id\":\"s1\"}"));
        assert_eq!(sealed_version(&old), Some(0));
        assert_eq!(sealed_version("{\"id\":\"s1\"}"), None);
    }

    #[test]
    fn a_value_sealed_with_its_version_does_not_open_with_another_version() {
        let key = VaultKey::random();
        let sealed = seal(KEY, "a long note ".repeat(100).as_str(), &key, 7);
        assert_eq!(sealed_version(&sealed), Some(7));
        assert!(open(KEY, &sealed, &key).is_some());
        // The server rewrites the version in the head: the value no longer opens.
        let mut bytes = codec::unpack(&sealed[1..]).unwrap();
        bytes[3 + 7] = 9;
        let mut renumbered = TAG_SEALED.to_string();
        codec::pack(&bytes, &mut renumbered);
        assert_eq!(sealed_version(&renumbered), Some(9));
        assert_eq!(open(KEY, &renumbered, &key), None);
    }

    #[test]
    fn every_write_of_a_key_seals_the_next_version() {
        let key = VaultKey::random();
        let memory = crate::storage::backend::MemoryBackend::new();
        let keyring = Keyring::default();
        let mut header = VaultHeader {
            version: 1,
            id: "v1".into(),
            counter: 1,
            keys: super::super::WrappedKeys::new(
                &key,
                "a passphrase",
                super::super::Kdf::with_cost(64, 1),
                &super::super::RecoveryKey::random(),
            ),
            rekeyed_from: None,
            mac: None,
            stage: VaultStage::On,
        };
        header.authenticate(&key);
        let mut backend = VaultBackend::new(Box::new(memory.clone()), keyring.clone());
        header.write(&mut backend).unwrap();
        *keyring.borrow_mut() = Some(("v1".into(), key.clone()));
        memory.plant(KEY, &sealed_unversioned("first", &key));
        for expected in 1..=3 {
            backend.set(KEY, "again").unwrap();
            assert_eq!(sealed_version(&memory.raw(KEY).unwrap()), Some(expected));
        }
        assert_eq!(backend.get(KEY).unwrap().as_deref(), Some("again"));
    }
}
